/**
 * interface-direction: the fixtures against the real iptables, the corpus, the findings and
 * their positions, and the rule's two claims measured: iptables refuses `-o` in PREROUTING and
 * INPUT and `-i` in OUTPUT and POSTROUTING (every table, both backends, both families, negated
 * or not, long or short), and in a user chain the kernel compares the name with an empty one
 * (real packets: `-o lo` never matches from INPUT, `! -o lo` always does).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { interfaceDirection as rule } from "../../rules/interface-direction/rule.js";
import { BUILTIN_CHAINS } from "../../rules/netfilter/index.js";
import { lineNo, modelOf } from "../../rules/model/index.js";
import { requireNetfilter, withNamespace, type Backend, type Family, type Namespace } from "../helpers/netfilter.js";
import { FILTER, checkWith, corpusHasNoErrors, corpusHasNoFindings, fixturesAgainstNetfilter, load, where } from "./load-checks.js";

fixturesAgainstNetfilter(rule);
corpusHasNoErrors(rule);

corpusHasNoFindings(rule, "firewalld, Docker, libvirt and Synology match interfaces in many chains");

const MANGLE = "*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n";

test("in a built-in chain: an error on the option, `!` included, for every spelling and command", () => {
  const text =
    FILTER +
    "-A INPUT -i lo -o eth0 -j ACCEPT\n" +
    "-A INPUT -p tcp ! --out-interface eth0 -j ACCEPT\n" +
    "-I OUTPUT 1 -s 10.0.0.1/32 --in-interface eth1 -j ACCEPT\n" +
    "-R OUTPUT 1 -i eth1 -o eth0 -j ACCEPT\n" +
    "-D INPUT -o eth0 -j ACCEPT\n" +
    "-A FORWARD -i eth1 -o eth0 -j ACCEPT\n" +
    "-A OUTPUT -o eth0 -j ACCEPT\n" +
    "COMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.deepEqual(
    findings.map((d) => `${d.severity} ${where(text, d)}`),
    ["error 5:16 -o eth0", "error 6:17 ! --out-interface eth0", "error 7:28 --in-interface eth1", "error 8:13 -i eth1", "error 9:10 -o eth0"],
  );
  assert.equal(
    findings[0].message,
    "`-o eth0` in INPUT, which has no output interface: iptables-restore refuses it (\"Can't use -o with INPUT\"), loading no table from this one on",
  );
  // iptables names the option by its short form, whatever was written.
  assert.match(findings[2].message, /"Can't use -i with OUTPUT"/);
});

test("iptables checks the chain's name, whatever the table, and iptables -S output (no table) too", () => {
  const raw = "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -o eth0 -j ACCEPT\n-A OUTPUT -i eth0 -j ACCEPT\nCOMMIT\n";
  assert.deepEqual(checkWith(rule, raw).of(rule.id).map((d) => `${d.severity} ${where(raw, d)}`), ["error 4:15 -o eth0", "error 5:11 -i eth0"]);
  const listed = "-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-N U\n-A INPUT -o eth0 -j ACCEPT\n-A INPUT -j U\n-A U -o eth0 -j ACCEPT\n";
  assert.deepEqual(checkWith(rule, listed).of(rule.id).map((d) => `${d.severity} ${where(listed, d)}`), ["error 4:10 -o eth0", "warning 6:6 -o eth0"]);
});

test("in a user chain: a warning when every hook that reaches it lacks the interface, naming the hooks and paths", () => {
  const text =
    MANGLE +
    ":A - [0:0]\n:B - [0:0]\n:C - [0:0]\n" +
    "-A PREROUTING -j A\n-A INPUT -g A\n-A A -j B\n-A FORWARD -j C\n-A INPUT -j C\n" +
    "-A B -p udp -o wg0 -j MARK --set-xmark 0x1/0xff\n" +
    "-A B -i wg0 -j MARK --set-xmark 0x2/0xff\n" +
    "-A C -o wg0 -j MARK --set-xmark 0x3/0xff\n" +
    "COMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.deepEqual(findings.map((d) => `${d.severity} ${where(text, d)}`), ["warning 15:13 -o wg0"]);
  assert.equal(findings[0].message, "`-o wg0` in B, reached only from PREROUTING → A → B and INPUT → A → B: PREROUTING and INPUT have no output interface, so the rule never matches");
});

test("in a user chain: a negated option is always true (reported as testing nothing); a plain one wins; `-o +` and unreached chains are not reported", () => {
  const text =
    FILTER +
    ":L - [0:0]\n:M - [0:0]\n:N - [0:0]\n" +
    "-A OUTPUT -j L\n-A OUTPUT -j M\n" +
    "-A L ! -i lo -j ACCEPT\n" +
    "-A M ! -i lo -i eth0 -j ACCEPT\n" +
    "-A L -i + -j ACCEPT\n" +
    "-A N -i eth0 -j ACCEPT\n" +
    "COMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.deepEqual(findings.map((d) => `${d.severity} ${where(text, d)}`), ["warning 10:6 ! -i lo", "warning 11:14 -i eth0"]);
  assert.equal(findings[0].message, "`! -i lo` in L, reached only from OUTPUT → L: OUTPUT has no input interface, so it is always true and tests nothing");
  assert.match(findings[1].message, /the rule never matches/);
});

test("the line index finds the four spellings, and tells each line's other watched options apart", () => {
  const text = FILTER + "-A INPUT -s 10.0.0.1/32 -i lo -j ACCEPT\n-A FORWARD --in-interface a --out-interface b -j ACCEPT\n-A OUTPUT -o lo -p tcp --dport 1 -j ACCEPT\nCOMMIT\n";
  const index = modelOf(parse(text)).lines;
  const lines = (option: "-i" | "--in-interface" | "-o" | "--out-interface") => index.commandsWith({ options: [option] }).map((l) => l.index + 1);
  assert.deepEqual([lines("-i"), lines("--in-interface"), lines("-o"), lines("--out-interface")], [[5], [6], [7], [6]]);
  const uses = (line: number) =>
    (["-s", "-p", "--dport", "-i", "--in-interface", "-o", "--out-interface"] as const).filter((option) => index.uses(lineNo({ index: line }), option));
  assert.deepEqual(uses(4), ["-s", "-i"]);
  assert.deepEqual(uses(5), ["--in-interface", "--out-interface"]);
  assert.deepEqual(uses(6), ["-p", "--dport", "-o"]);
});

// ---------------------------------------------------------------------------------------------
// Against the real iptables.

const SPELLINGS = [
  ["-i", "in"],
  ["! -i", "in"],
  ["--in-interface", "in"],
  ["-o", "out"],
  ["! -o", "out"],
  ["--out-interface", "out"],
] as const;

const REFUSED: Readonly<Record<string, "in" | "out">> = { PREROUTING: "out", INPUT: "out", OUTPUT: "in", POSTROUTING: "in" };

for (const family of [4, 6] as Family[]) {
  test(`iptables refuses exactly where the rule says, with "Can't use -o with CHAIN" (ip${family === 6 ? "6" : ""}tables, nft and legacy, every built-in chain of every table)`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace("ifdir", (ns) => {
      const wrong: string[] = [];
      for (const [table, chains] of Object.entries(BUILTIN_CHAINS)) {
        for (const chain of chains) {
          for (const [spelling, direction] of SPELLINGS) {
            const text = `*${table}\n-A ${chain} ${spelling} eth0 -j ACCEPT\nCOMMIT\n`;
            const refused = REFUSED[chain] === direction;
            const reported = checkWith(rule, text).of(rule.id).filter((d) => d.severity === "error").length > 0;
            if (reported !== refused) wrong.push(`iptlint ${table} ${chain} ${spelling}: ${reported ? "reported" : "not reported"}`);
            for (const backend of ["nft", "legacy"] as Backend[]) {
              const result = load(ns, backend, family, text);
              if ((result.status !== 0) !== refused) wrong.push(`${backend} ${table} ${chain} ${spelling}: ${result.status === 0 ? "loads" : "refused"}`);
              const expected = `Can't use ${direction === "in" ? "-i" : "-o"} with ${chain}`;
              if (refused && !(result.said.includes(expected) && result.said.includes("Error occurred at line: 2"))) {
                wrong.push(`${backend} ${table} ${chain} ${spelling}: said ${JSON.stringify(result.said)}`);
              }
            }
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  });
}

test("-I, -R, -D and `--test` are refused the same way; the tables before the line are loaded, that one and those after are not (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("ifdir-cmds", (ns) => {
    for (const backend of ["nft", "legacy"] as Backend[]) {
      for (const line of ["-I INPUT 1 -o eth0 -j ACCEPT", "-R INPUT 1 -o eth0 -j ACCEPT", "-D INPUT -o eth0 -j ACCEPT"]) {
        const text = `*filter\n-A INPUT -i eth0 -j ACCEPT\n${line}\nCOMMIT\n`;
        const result = load(ns, backend, 4, text);
        assert.notEqual(result.status, 0, `${backend}: ${line}`);
        assert.match(result.said, /Can't use -o with INPUT/);
        assert.equal(checkWith(rule, text).of(rule.id).length, 1, line);
      }
      const tested = ns.run(`iptables-${backend}-restore`, ["--test"], "*filter\n-A INPUT -o eth0 -j ACCEPT\nCOMMIT\n");
      assert.notEqual(tested.status, 0, `${backend} --test`);
      assert.match(tested.stderr, /Can't use -o with INPUT/);

      const three = "*filter\n-A INPUT -s 192.0.2.1/32 -j ACCEPT\nCOMMIT\n*mangle\n-A INPUT -o eth0 -j ACCEPT\nCOMMIT\n*raw\n-A OUTPUT -s 192.0.2.2/32 -j ACCEPT\nCOMMIT\n";
      const result = load(ns, backend, 4, three);
      assert.notEqual(result.status, 0);
      assert.match(result.said, /Error occurred at line: 5/);
      const [finding] = checkWith(rule, three).of(rule.id);
      assert.match(finding.message, /, loading no table from this one on$/);
      assert.match(ns.save(backend, 4, ["-t", "filter"]), /-A INPUT -s 192\.0\.2\.1\/32 -j ACCEPT/);
      assert.doesNotMatch(ns.save(backend, 4, ["-t", "raw"]), /192\.0\.2\.2/);
      ns.run(`iptables-${backend}`, ["-t", "filter", "-F"]);
    }
  });
});

/** Sends UDP datagrams to 127.0.0.1 from inside the namespace, with this Node.js. */
function sendUdp(ns: Namespace, family: Family, count: number): void {
  const address = family === 6 ? "::1" : "127.0.0.1";
  const script =
    `const s = require("node:dgram").createSocket("udp${family}");` +
    `let left = ${count}; const next = () => left-- > 0 ? s.send("x", 9, "${address}", next) : s.close(); next();`;
  const result = ns.run(process.execPath, ["-e", script]);
  assert.equal(result.status, 0, result.stderr);
}

/** `[packets:bytes] -A CHAIN rule` lines of a `save -c` dump, as rule → packets. */
function packetCounts(dump: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of dump.split("\n")) {
    const m = /^\[(\d+):\d+\] (-A .*)$/.exec(line);
    if (m) counts.set(m[2], Number(m[1]));
  }
  return counts;
}

for (const family of [4, 6] as Family[]) {
  test(`real packets (ip${family === 6 ? "6" : ""}tables, nft and legacy): in a user chain reached only from hooks without the interface, what is reported as never matching never matches, and what is reported as always true always matches`, async (t) => {
    if (!requireNetfilter(t)) return;
    // Every hook a locally sent and received datagram crosses: OUTPUT, POSTROUTING, PREROUTING, INPUT.
    const text =
      MANGLE +
      ":U-PRE - [0:0]\n:U-IN - [0:0]\n:U-OUT - [0:0]\n:U-POST - [0:0]\n" +
      "-A PREROUTING -p udp -j U-PRE\n-A INPUT -p udp -j U-IN\n-A OUTPUT -p udp -j U-OUT\n-A POSTROUTING -p udp -j U-POST\n" +
      "-A U-PRE -o lo\n-A U-PRE ! -o lo\n-A U-PRE -i lo\n" +
      "-A U-IN -o lo\n-A U-IN ! -o eth0\n-A U-IN -o lo+\n-A U-IN -i lo\n" +
      "-A U-OUT -i lo\n-A U-OUT ! -i lo\n-A U-OUT -o lo\n" +
      "-A U-POST -i lo\n-A U-POST ! -i lo\n-A U-POST -o lo\n" +
      "COMMIT\n";
    const findings = checkWith(rule, text).of(rule.id);
    const never = new Set<string>();
    const always = new Set<string>();
    for (const d of findings) {
      assert.equal(d.severity, "warning");
      const line = text.split("\n")[d.loc.start.line - 1];
      (/never matches/.test(d.message) ? never : always).add(line);
    }
    assert.deepEqual([...never].sort(), ["-A U-IN -o lo", "-A U-IN -o lo+", "-A U-OUT -i lo", "-A U-POST -i lo", "-A U-PRE -o lo"]);
    assert.deepEqual([...always].sort(), ["-A U-IN ! -o eth0", "-A U-OUT ! -i lo", "-A U-POST ! -i lo", "-A U-PRE ! -o lo"]);
    const sent = 3;
    await withNamespace("ifdir-pkts", (ns) => {
      assert.equal(ns.run("ip", ["link", "set", "lo", "up"]).status, 0);
      for (const backend of ["nft", "legacy"] as Backend[]) {
        ns.restore(backend, family, text);
        sendUdp(ns, family, sent);
        const counts = packetCounts(ns.save(backend, family, ["-c", "-t", "mangle"]));
        for (const line of never) assert.equal(counts.get(line), 0, `${backend}: ${line}`);
        for (const line of always) assert.equal(counts.get(line), sent, `${backend}: ${line}`);
        // The options of the right direction match: the packets went through every chain.
        for (const line of ["-A U-PRE -i lo", "-A U-IN -i lo", "-A U-OUT -o lo", "-A U-POST -o lo"]) assert.equal(counts.get(line), sent, `${backend}: ${line}`);
        ns.run(`${family === 6 ? "ip6tables" : "iptables"}-${backend}`, ["-t", "mangle", "-F"]);
        ns.run(`${family === 6 ? "ip6tables" : "iptables"}-${backend}`, ["-t", "mangle", "-X"]);
      }
    });
  });
}
