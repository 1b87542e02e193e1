/**
 * compileCommonRule (the walk's fast compile of the lines most rules of a big dump are, with tests
 * shared between rules through a RuleCache) must give what compileRule gives: the same target,
 * action and index keys, and test for test the same answers. Checked on every rule of the corpus
 * and of the rule fixtures, each table's rules sharing one cache, and on lines of one shape
 * with different values, which a cache keyed by too little would mix up.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { parse, type CommandLine, type Document } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import { compileCommonRule, compileRule, natRange, plainNatRange4, plainNatRange4In, plainNet4, plainNet4In, plainPort, plainPortIn, RuleCache, TableRules, type CompiledRule, type Place, type TargetNames, type WalkPacket } from "../../rules/packet/compile.js";
import { MarkState } from "../../rules/packet/marks.js";
import { NodeInfo } from "../../rules/packet/node.js";
import { netOf, parseAddress } from "../../rules/packet/addresses.js";
import { parseGenericAddresses, parseGenericProtocol, parseTcpPorts } from "../../rules/netfilter/index.js";
import { fromRoot } from "../helpers/project.js";

const isChain = (name: string) => name.startsWith("KUBE-") || name === "X" || name === "Y";
/** The names as compileCommonRule asks them, without the model's ids (the walk's TableRules gives them; test/packet/trace.test.ts walks with it). */
const names: TargetNames = { isChain, targetId: () => -1, isChainId: () => false };

/** Packets made from the line's own addresses and ports (so that tests hold as well as fail). */
function packetsFor(text: string, family: 4 | 6): WalkPacket[] {
  const words = family === 4 ? (text.match(/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g) ?? []) : (text.match(/[0-9a-f]*:[0-9a-f:]+/gi) ?? []).filter((w) => w.includes("::"));
  const addresses = [...new Set([...words, family === 4 ? "10.0.0.9" : "fd00::9"])].map((w) => parseAddress(w)).filter((a) => a !== null && a.family === family).map((a) => a!.address);
  const ports = [...new Set([...(text.match(/\b\d{1,5}\b/g) ?? []).map(Number).filter((n) => n < 65536), 22, 80])];
  const out: WalkPacket[] = [];
  for (const [protocol, protocolNumber] of [["tcp", 6], ["udp", 17], ["icmp", family === 4 ? 1 : 58]] as const) {
    for (const [k, destination] of addresses.entries()) {
      for (const port of ports.slice(0, 6)) {
        const ported = protocol !== "icmp";
        out.push({
          family,
          protocol,
          protocolNumber,
          source: k % 3 === 2 ? null : addresses[(k + 1) % addresses.length],
          destination,
          sourcePort: ported ? (k % 2 === 0 ? port : 40000) : null,
          destinationPort: ported ? port : null,
          icmpType: ported ? null : 8,
          icmpCode: ported ? null : 0,
          inInterface: ["eth0", "cni0", "lo", ""][k % 4],
          outInterface: [null, "eth0", "", "docker0"][port % 4],
          route: undefined,
          mark: MarkState.exactly(port % 2 === 0 ? 0x4000 : 0),
          tcpFlags: { known: 0x3f, value: 0x02 },
          ct: { state: "NEW", dnat: false, snat: false, mark: MarkState.exactly(0), original: null, originalDirection: true },
          local: k % 2 === 1,
          tproxy: false,
        });
      }
    }
  }
  return out;
}

const places: Place[] = [
  { hook: "PREROUTING", table: "nat", node: new NodeInfo(), beforeConntrack: false },
  { hook: "OUTPUT", table: "raw", node: new NodeInfo({ local: ["10.0.0.9"] }), beforeConntrack: true },
];

/** An action as data: functions (CONNMARK's) by kind only. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : typeof v === "function" ? "function" : v)));

/** Compares the two compiles of every rule; returns how many rules compileCommonRule compiled. */
function compare(document: Document, family: 4 | 6): { rules: number; common: number } {
  let rules = 0;
  let common = 0;
  for (const table of modelOf(document).tables()) {
    // One cache per table, as the walk has.
    const cache = new RuleCache();
    // And as the walk compiles them: targets known by the model's ids, chains by the model.
    const walkRules = new TableRules(document, table, family);
    /** The rule as data, a jump's chain id checked (the model's id of its name, or -1 when not known) and left out. */
    const data = (rule: CompiledRule, where: string): unknown => {
      const action = rule.action;
      if (action.kind !== "jump") return plain({ ...rule, tests: rule.tests.length });
      assert.ok(action.chainId === -1 || action.chainId === table.idOf(action.chain), `${where}: the chain id of ${action.chain}`);
      return plain({ ...rule, tests: rule.tests.length, action: { ...action, chainId: "id" } });
    };
    const same = (fast: CompiledRule, slow: CompiledRule, where: string) => {
      assert.deepEqual(data(fast, where), data(slow, where), where);
      for (const p of packetsFor(where, family)) {
        for (const at of places) {
          for (let k = 0; k < slow.tests.length; k++) assert.deepEqual(fast.tests[k](p, at), slow.tests[k](p, at), `${where}: test ${k}`);
        }
      }
    };
    table.chains.forEachRule((n) => {
      const line = document.line(n) as CommandLine;
      const where = `${document.filePath}:${n + 1}: ${line.text}`;
      rules++;
      same(walkRules.rule(n), compileRule(line, family, (name) => walkRules.isChain(name)), `${where} (as the walk compiles it)`);
      const fast = compileCommonRule(line, family, names, cache);
      if (fast === null) return;
      common++;
      same(fast, compileRule(line, family, isChain), where);
    });
  }
  return { rules, common };
}

const rulesetFiles = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(fromRoot(dir))) {
      const path = join(dir, name);
      if (statSync(fromRoot(path)).isDirectory()) walk(path);
      else if (/\.(txt|save|rules)$/.test(name) && !/findings|README/.test(name)) out.push(path);
    }
  };
  walk(join("test", "fixtures", "corpus"));
  walk("rules");
  return out.sort();
};

test("compileCommonRule: what compileRule gives, for every rule of the corpus and the rule fixtures", () => {
  let rules = 0;
  let common = 0;
  for (const path of rulesetFiles()) {
    const text = readFileSync(fromRoot(path), "utf8");
    if (!/^\*(filter|nat|mangle|raw)/m.test(text)) continue;
    const document = parse(text, { filePath: path });
    const counts = compare(document, /ip6|ipv6|v6/.test(path) ? 6 : 4);
    rules += counts.rules;
    common += counts.common;
  }
  assert.ok(rules > 2000 && common > rules / 2, `${common} of ${rules} rules`);
});

test("compileCommonRule: rules of one shape with different values keep their own tests (one cache for all)", () => {
  const lines = [
    "-A X -s 10.0.0.1/32 -j Y",
    "-A X -s 10.0.0.2/32 -j Y",
    "-A X ! -s 10.0.0.1/32 -j Y",
    "-A X -d 10.0.0.1/32 -j Y",
    "-A X --source 10.0.0.0/24 -j Y",
    "-A X -s 10.0.0.1,10.0.0.9 -j Y",
    "-A X -d 10.0.0.9 -p tcp -m tcp --dport 80 -j ACCEPT",
    "-A X -d 10.0.0.9 -p tcp -m tcp --dport 81 -j ACCEPT",
    "-A X -d 10.0.0.9 -p tcp -m tcp --sport 80 -j ACCEPT",
    "-A X -d 10.0.0.9 -p tcp -m tcp ! --dport 80 -j ACCEPT",
    "-A X -d 10.0.0.9 -p tcp -m tcp --dport 80:90 -j ACCEPT",
    "-A X -d 10.0.0.9 -p udp -m udp --dport 80 -j ACCEPT",
    "-A X -d 10.0.0.9 ! -p udp -j ACCEPT",
    "-A X -p tcp --dport 22 -j ACCEPT",
    "-A X -p tcp -m udp --dport 22 -j ACCEPT",
    "-A X -i eth0 -j ACCEPT",
    "-A X -i eth+ -j ACCEPT",
    "-A X ! -i eth0 -j ACCEPT",
    "-A X -o eth0 -j ACCEPT",
    "-A X -f -j DROP",
    "-A X ! -f -j DROP",
    "-A X -m comment --comment a -m statistic --mode random --probability 0.25000000000 -j Y",
    "-A X -m comment --comment a -m statistic --mode random --probability 0.50000000000 -j Y",
    "-A X -m statistic --mode random ! --probability 0.5 -j Y",
    "-A X -m statistic --mode random --probability 1 -j Y",
    "-A X -m statistic --mode random --probability 0 -j Y",
    "-A X -p tcp -m comment --comment a -m tcp -j DNAT --to-destination 10.0.0.1:8080",
    "-A X -p tcp -m comment --comment a -m tcp -j DNAT --to-destination 10.0.0.2:8081",
    "-A X -j MARK --set-xmark 0x4000/0x4000",
    "-A X -p tcp -j ACCEPT",
    "-A X -p tcp -m tcp -j ACCEPT",
    "-A X -p udp -m udp -j ACCEPT",
    "-A X -p tcp -m tcp -j DROP",
    "-A X -g Y",
    "-A X -j Y",
    "-A X -g Y",
    "-A X -j RETURN",
    "-A X",
  ];
  const document = parse(`*nat\n:X - [0:0]\n:Y - [0:0]\n${lines.join("\n")}\nCOMMIT\n`, { filePath: "shapes.rules" });
  assert.deepEqual(compare(document, 4), { rules: lines.length, common: lines.length });
  // The walk's compile tells a jump's chain by the model's id, so that entering it looks no name up.
  const nat = modelOf(document).tables()[0];
  const jump = new TableRules(document, nat, 4).rule(3 + lines.indexOf("-A X -j Y")).action;
  assert.deepEqual(jump, { kind: "jump", chain: "Y", goto: false, chainId: nat.idOf("Y") });
  assert.notEqual(nat.idOf("Y"), -1);
  // Lines compileRule must read (tests it does not share): compileCommonRule gives them back.
  const other = ["-A X -p 6 --dport 22 -j ACCEPT", "-A X -p tcp --syn -j ACCEPT", "-A X -m limit --limit 1/s -j ACCEPT", "-A X -s example.invalid -j ACCEPT", "-A X -m statistic --mode nth --every 2 -j ACCEPT", "-A X -p icmp --icmp-type 8 -j ACCEPT"];
  const others = parse(`*filter\n:X - [0:0]\n${other.join("\n")}\nCOMMIT\n`, { filePath: "other.rules" });
  assert.deepEqual(compare(others, 4), { rules: other.length, common: 0 });
});

test("compileCommonRule: lines that differ only in a word that decides their reading are told apart (one cache for all)", () => {
  // Same token codes, so the same plan: only the option names, the module, the protocol, the
  // statistic mode or the target's name tell these lines apart.
  const lines = [
    "-A X -s 10.0.0.1/32 -j Y",
    "-A X -d 10.0.0.1/32 -j Y",
    "-A X -i 10.0.0.1/32 -j Y",
    "-A X -o eth0 -j Y",
    "-A X -p tcp -m tcp --dport 80 -j Y",
    "-A X -p tcp -m tcp --sport 80 -j Y",
    "-A X -p udp -m udp --dport 80 -j Y",
    "-A X -p udp -m tcp --dport 80 -j Y",
    "-A X -p tcp -m comment --comment 80 -j Y",
    "-A X -p tcp -m limit --limit 80 -j Y",
    "-A X -p tcp -m tcp --dport 81 -j Y",
    '-A X -p "udp" -m udp --dport 80 -j Y',
    "-A X -m statistic --mode random --probability 0.5 -j Y",
    "-A X -m statistic --mode nth --probability 0.5 -j Y",
    "-A X -m statistic --mode random --probability 0.25 -j Y",
    '-A X -m "statistic" --mode random --probability 0.5 -j Y',
    "-A X -j DNAT --to-destination 10.0.0.1:80",
    "-A X -j SNAT --to-destination 10.0.0.1:80",
    "-A X -j SNAT --to-source 10.0.0.2",
    "-A X -j MARK --set-mark 10.0.0.2",
    "-A X -j DNAT --to-destination=10.0.0.3:80",
    "-A X -j DNAT --to-destination 10.0.0.4:81",
  ];
  const document = parse(`*nat\n:X - [0:0]\n:Y - [0:0]\n${lines.join("\n")}\nCOMMIT\n`, { filePath: "words.rules" });
  // All but `-m limit`, `--mode nth`, and SNAT's `--to-destination` (an option after the target that the target does
  // not have, which getopt would give to a match that has it), which compileRule reads.
  assert.deepEqual(compare(document, 4), { rules: lines.length, common: lines.length - 3 });
});

test("plainNet4: what the general parser reads, or null (then the general parser reads it)", () => {
  const words = ["10.244.1.2", "10.244.1.2/32", "10.0.0.0/8", "10.1.2.3/8", "0.0.0.0/0", "1.2.3.4/0", "255.255.255.255", "192.168.0.1/24", "1.2.3.4/31"];
  const odd = ["010.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.256", "1.2.3.4/33", "1.2.3.4/032", "1.2.3.4/00", "1.2.3.4/", "1.2.3.4/255.0.0.0", "1.2.3.4/8x", "a.b.c.d", "", "1..2.3", "1.2.3.4,1.2.3.5", " 1.2.3.4", "1.2.3.04", "1234.1.1.1"];
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let k = 0; k < 2000; k++) words.push(`${random(256)}.${random(256)}.${random(256)}.${random(256)}${k % 3 === 0 ? "" : `/${random(33)}`}`);
  for (const word of [...words, ...odd]) {
    const fast = plainNet4(word);
    const parsed = parseGenericAddresses(word, 4);
    if (words.includes(word)) assert.notEqual(fast, null, word);
    if (fast === null) continue;
    assert.equal(parsed.kind, "value", word);
    if (parsed.kind !== "value") continue;
    assert.equal(parsed.value.length, 1, word);
    assert.deepEqual(fast, netOf(parsed.value[0]), word);
  }
  for (const word of odd) assert.equal(plainNet4(word), null, word);
  // Read in place, inside a line: the same as the word alone.
  for (const word of [...words, ...odd]) {
    const line = `-A X -s ${word} -j ACCEPT`;
    const from = line.indexOf(" -s ") + 4;
    assert.deepEqual(plainNet4In(line, from, from + word.length), plainNet4(word), `in place: ${word}`);
  }
});

test("plainNatRange4: what natRange reads from a DNAT/SNAT --to-*, or null (then natRange reads it)", () => {
  const words = ["10.244.1.2", "10.244.1.2:8080", "0.0.0.0:0", "255.255.255.255:65535", "1.2.3.4:99999", "192.168.0.1:53"];
  const odd = ["010.1.1.1:80", "1.2.3.4:", "1.2.3.4:080", "1.2.3.4:123456", "1.2.3.4-1.2.3.9", "1.2.3.4:80-90", "1.2.3.4/32", "1.2.3", "1.2.3.4.5", "1.2.3.256", ":80", "", "1.2.3.4:8x", "1.2.3.4:+80", "1.2.3.4: 80", "a.b.c.d", "1.2.3.4:0x50"];
  let seed = 11;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let k = 0; k < 2000; k++) words.push(`${random(256)}.${random(256)}.${random(256)}.${random(256)}${k % 3 === 0 ? "" : `:${random(65536)}`}`);
  for (const word of words) assert.deepEqual(plainNatRange4(word), natRange(word, 4), word);
  for (const word of odd) {
    const fast = plainNatRange4(word);
    assert.equal(fast, null, word);
  }
  for (const word of [...words, ...odd]) {
    const line = `-A X -p tcp -j DNAT --to-destination ${word} --random`;
    const from = line.indexOf("--to-destination ") + 17;
    assert.deepEqual(plainNatRange4In(line, from, from + word.length), plainNatRange4(word), `in place: ${word}`);
  }
});

test("plainPort: what parseTcpPorts reads, or -1 (then parseTcpPorts reads it); tcp and udp are what parseGenericProtocol reads", () => {
  const plain = ["0", "1", "22", "80", "8080", "30000", "65535"];
  // A leading 0 is octal to iptables (`010` is port 8, `080` is refused).
  const other = ["080", "00022", "010", "", "65536", "99999", "123456", "-1", "+1", " 80", "80 ", "8o", "http", "ssh", "80:90", ":90", "0x50", "1e3", "８０"];
  for (let port = 0; port <= 0xffff; port += 97) plain.push(String(port));
  for (const word of plain) {
    const parsed = parseTcpPorts(word);
    assert.equal(parsed.kind, "value", word);
    if (parsed.kind === "value") assert.deepEqual({ min: plainPort(word), max: plainPort(word) }, parsed.value, word);
  }
  for (const word of other) assert.equal(plainPort(word), -1, word);
  for (const word of [...plain, ...other]) {
    const line = `-A X -p tcp --dport ${word} -j ACCEPT`;
    const from = line.indexOf("--dport ") + 8;
    assert.equal(plainPortIn(line, from, from + word.length), plainPort(word), `in place: ${word}`);
  }
  assert.deepEqual(parseGenericProtocol("tcp"), { kind: "value", value: 6 });
  assert.deepEqual(parseGenericProtocol("udp"), { kind: "value", value: 17 });
});
