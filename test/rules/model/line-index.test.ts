/**
 * The line index (one pass over every line's tokens), checked on generated rule lines against a
 * plain scan of each line's elements (`line.elements`, `line.rule`): `linesWith`/`commandsWith`
 * for options, modules, targets and facts, `uses`, `extensionTarget`, `withTarget`,
 * `linesTargeting`, `withLateBang`, `addressCounts`; and `protocolNeedsSurelyMet`, which must never
 * pass a line option-needs-protocol reports when it looks at the line itself. Also
 * `model.family()` and `model.backend()` for headers, file names and address counts.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { isIPv4, isIPv6 } from "node:net";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type CommandLine, type Document, type OptionNode } from "../../../grammar/index.js";
import { lineNo, modelOf, WATCHED_MODULES, WATCHED_OPTIONS, type LineFact, type LineIndex, type LineQuery, type RulesetModel, type WatchedOption } from "../../../rules/model/index.js";
import { EXTENSION_TARGETS, GENERIC_ADDRESS_OPTIONS, NAT_ADDRESS_OPTIONS, PLAIN_ADDRESS_OPTIONS, RANGE_ADDRESS_OPTIONS } from "../../../rules/netfilter/index.js";
import { optionNeedsProtocol } from "../../../rules/option-needs-protocol/rule.js";
import { targetNeedsProtocol } from "../../../rules/target-needs-protocol/rule.js";
import type { Finding } from "../../../rules/types.js";
import { runs } from "../../helpers/properties.js";

// ---------------------------------------------------------------------------------------------
// Generated rule lines.

/** Addresses whose family the first characters tell (what the index reads in place). */
const ADDRESSES = ["10.0.0.1", "10.0.0.0/8", "192.168.1.1/255.255.255.0", "fe80::1", "2001:db8::/32", "::1", "example.com", "localhost", "10.0.0.1,10.0.0.2,10.0.0.3", "example.com,10.0.0.1", "2001:db8:0:0:0:0:0:1,2001:db8::2"];
const NAT_ADDRESSES = ["10.0.0.1", "10.0.0.1:80", "10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9:1000-2000", "[2001:db8::1]:80", "2001:db8::1", "[2001:db8::1]-[2001:db8::9]:80"];
const RANGES = ["10.0.0.1-10.0.0.9", "2001:db8::1-2001:db8::9"];
const PROTOCOLS = ["tcp", "udp", "sctp", "dccp", "icmp", "ipv6-icmp", "icmpv6", "esp", "ah", "all", "gre", "6", "17", "1", "58", "udplite"];

/** Spellings beyond the plain ones: quoted words, `--name=value`, upper case, late `!` on addresses. */
type Style = "plain" | "unusual";

interface Piece {
  text: string;
}

const word = (style: Style, value: string): fc.Arbitrary<string> =>
  style === "plain" ? fc.constant(value) : fc.constantFrom(value, value, `"${value}"`);

/** `[!] OPTION VALUE`, spelled as the style allows. */
function option(style: Style, names: readonly string[], values: readonly string[], bang: "before" | "any" | "none" = "any"): fc.Arbitrary<Piece> {
  return fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(...values), fc.constantFrom("none", "none", "before", "after"), fc.constantFrom("plain", "plain", "quoted", "inline"))
    .chain(([name, value, b, spelling]) => {
      // `--opt ! --other` gives `--opt` the value `!` (iptables 1.8), so a late `!` goes before option-like values.
      const where = bang === "none" ? "none" : b === "after" && (bang === "before" || value.startsWith("-")) ? "before" : b;
      return word(style, value).map((v) => {
        if (style === "unusual" && spelling === "inline" && name.startsWith("--")) return { text: `${where === "none" ? "" : "! "}${name}=${v}` };
        const o = style === "unusual" && spelling === "quoted" ? `"${name}"` : name;
        return { text: where === "before" ? `! ${o} ${v}` : where === "after" ? `${o} ! ${v}` : `${o} ${v}` };
      });
    });
}

/** The options a module takes, with values. */
const MODULE_OPTIONS: Record<string, [names: string[], values: string[]]> = {
  tcp: [["--dport", "--sport", "--destination-port", "--source-port"], ["22", "1000:2000"]],
  udp: [["--dport", "--sport"], ["53"]],
  sctp: [["--dport", "--chunk-types"], ["80"]],
  dccp: [["--dport", "--dccp-types"], ["80"]],
  icmp: [["--icmp-type"], ["echo-request", "8"]],
  icmp6: [["--icmpv6-type"], ["echo-request"]],
  icmpv6: [["--icmpv6-type"], ["128"]],
  esp: [["--espspi"], ["1:2"]],
  ah: [["--ahspi", "--ahlen"], ["1"]],
  multiport: [["--dports", "--sports", "--ports", "--dport"], ["80,443"]],
  iprange: [["--src-range", "--dst-range"], RANGES],
  conntrack: [["--ctstate", "--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst"], ["NEW", "10.0.0.1", "fe80::1"]],
  policy: [["--tunnel-src", "--tunnel-dst", "--dir"], ["10.0.0.1", "2001:db8::1", "in"]],
  mark: [["--mark"], ["0x1/0x1"]],
  comment: [["--comment"], ['"a comment"', "--dport"]],
  limit: [["--limit"], ["5/s"]],
};

/** Options of a protocol match written with no `-m` (iptables loads the protocol's match on `-p`). */
const LOOSE_OPTIONS: Record<string, string[]> = {
  "--dport": ["22"],
  "--sport": ["1000:2000"],
  "--tcp-flags": ["SYN,RST SYN"],
  "--syn": [""],
  "--icmp-type": ["8"],
  "--icmpv6-type": ["echo-request"],
  "--tcp-option": ["2"],
  "--espspi": ["1"],
  "--to-ports": ["80"],
};

const TARGETS: Record<string, string[]> = {
  ACCEPT: [""],
  DROP: [""],
  X: [""],
  LOG: ['--log-prefix "x"'],
  MARK: ["--set-xmark 0x1/0x1"],
  DNAT: NAT_ADDRESSES.map((a) => `--to-destination ${a}`),
  SNAT: NAT_ADDRESSES.map((a) => `--to-source ${a}`),
  MASQUERADE: ["", "--to-ports 1000-2000"],
  REDIRECT: ["--to-ports 8080"],
  TPROXY: ["--on-port 1 --on-ip 10.0.0.1", "--on-port 1 --on-ip fe80::1"],
  TCPMSS: ["--clamp-mss-to-pmtu", "--set-mss 1400"],
  SYNPROXY: ["--mss 1460"],
  TCPOPTSTRIP: ["--strip-options 2"],
  REJECT: ["", "--reject-with tcp-reset", "--reject-with icmp-port-unreachable", "--reject-with icmp6-adm-prohibited"],
  ECN: ["--ecn-tcp-remove"],
  NETMAP: ["--to 10.0.0.0/24"],
  TEE: ["--gateway 10.0.0.9", "--gateway fe80::9"],
  TTL: ["--ttl-set 9"],
  HL: ["--hl-set 9"],
};

function element(style: Style): fc.Arbitrary<Piece> {
  return fc.oneof(
    { weight: 3, arbitrary: option(style, ["-s", "--source", "--src", "-d", "--destination", "--dst"], style === "plain" ? ADDRESSES : [...ADDRESSES, "1.example.com", "10.0.0.1,::1"], style === "plain" ? "before" : "any") },
    { weight: 1, arbitrary: option(style, ["-i", "--in-interface", "-o", "--out-interface"], ["eth0", "eth+"]) },
    { weight: 3, arbitrary: option(style, ["-p", "--protocol"], style === "plain" ? PROTOCOLS : [...PROTOCOLS, "TCP", "ICMP"], style === "plain" ? "before" : "any") },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...Object.keys(MODULE_OPTIONS)).chain((module) =>
        fc.tuple(word(style, module), fc.array(option(style, MODULE_OPTIONS[module][0], MODULE_OPTIONS[module][1], module === "iprange" || module === "conntrack" || module === "policy" ? (style === "plain" ? "before" : "any") : "any"), { maxLength: 2 })).map(([m, options]) => ({
          text: [`-m ${m}`, ...options.map((o) => o.text)].join(" "),
        })),
      ),
    },
    { weight: 2, arbitrary: fc.constantFrom(...Object.keys(LOOSE_OPTIONS)).chain((name) => option(style, [name], LOOSE_OPTIONS[name], "before")).map((p) => ({ text: p.text.trimEnd() })) },
  );
}

const target: fc.Arbitrary<Piece> = fc
  .constantFrom(...Object.keys(TARGETS))
  .chain((name) => fc.tuple(fc.constant(name), fc.constantFrom(...TARGETS[name]), fc.constantFrom("-j", "-j", "-g")))
  .map(([name, options, how]) => ({ text: `${how === "-g" && name !== "X" ? "-j" : how} ${name}${options ? ` ${options}` : ""}` }));

const ruleLine = (style: Style): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom("-A", "-A", "-I", "-D"), fc.constantFrom("INPUT", "OUTPUT", "X"), fc.array(element(style), { maxLength: 5 }), fc.option(target, { freq: 5 }), fc.option(element(style), { freq: 5 }))
    .map(([command, chain, elements, t, after]) => [`${command} ${chain}`, ...elements.map((e) => e.text), ...(t ? [t.text] : []), ...(after ? [after.text] : [])].join(" "));

interface IndexCase {
  text: string;
  filePath: string | undefined;
}

const HEADERS = [
  "# Generated by iptables-save v1.8.9 on Mon Jan  1 00:00:00 2024",
  "# Generated by ip6tables-save v1.8.9 on Mon Jan  1 00:00:00 2024",
  "# Generated by iptables-nft-save v1.8.9 (nf_tables) on Mon Jan  1 00:00:00 2024",
  "# Generated by ip6tables-nft-save v1.8.9 (nf_tables) on Mon Jan  1 00:00:00 2024",
  "# Generated by xtables-save v1.8.2 on Mon Jan  1 00:00:00 2024",
  "# Generated by iptables-legacy-save v1.8.9 on Mon Jan  1 00:00:00 2024",
  "# Generated by ip6tables-legacy-save v1.8.9 on Mon Jan  1 00:00:00 2024",
  "# Generated by iptables-save v1.4.21 on Mon Jan  1 00:00:00 2014",
  "# not a header",
];
const FILE_NAMES = [undefined, "rules.v4", "rules.v6", "ip6tables.rules", "iptables.rules", "ipv6.conf", "ipv4-rules", "firewall.rules", "etc/iptables/rules.v6", "x.v6.bak", "v6", "dump.txt"];

const indexCase = (style: Style): fc.Arbitrary<IndexCase> =>
  fc
    .record({
      header: fc.option(fc.constantFrom(...HEADERS), { freq: 2 }),
      table: fc.constantFrom("filter", "nat", "mangle"),
      lines: fc.array(fc.oneof({ weight: 8, arbitrary: ruleLine(style) }, { weight: 1, arbitrary: fc.constantFrom("-N Y", "-P INPUT DROP", "# a comment") }), { minLength: 1, maxLength: 8 }),
      filePath: fc.constantFrom(...FILE_NAMES),
    })
    .map(({ header, table, lines, filePath }) => ({
      text: [...(header ? [header] : []), `*${table}`, ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":X - [0:0]", ...lines, "COMMIT", ""].join("\n"),
      filePath,
    }));

// ---------------------------------------------------------------------------------------------
// A plain scan of the lines' elements.

const ADDRESS_OPTIONS = new Set([...GENERIC_ADDRESS_OPTIONS, ...NAT_ADDRESS_OPTIONS, ...RANGE_ADDRESS_OPTIONS, ...PLAIN_ADDRESS_OPTIONS]);
const ICMP = new Set(["icmp", "1", "ipv6-icmp", "icmpv6", "58"]);

/** The families of the addresses in an address option's value. */
function families(name: string, value: string): Set<4 | 6> {
  let addresses: string[];
  if (NAT_ADDRESS_OPTIONS.has(name)) {
    const withoutPort = value.startsWith("[") ? value.replace(/:[\d-]+$/, "") : (value.match(/:/g) ?? []).length === 1 ? value.slice(0, value.indexOf(":")) : value;
    addresses = withoutPort.split("-");
  } else if (RANGE_ADDRESS_OPTIONS.has(name)) addresses = value.split("-");
  else addresses = value.split(",");
  const found = new Set<4 | 6>();
  for (const a of addresses) {
    const address = a.replace(/^\[|\]$/g, "").replace(/\/.*$/, "");
    if (isIPv4(address)) found.add(4);
    if (isIPv6(address)) found.add(6);
  }
  return found;
}

interface Scanned {
  line: CommandLine;
  options: Set<string>;
  modules: Set<string>;
  target: string | null;
  facts: Set<LineFact>;
  lateBang: boolean;
  /** Families of each `-s`/`-d` value. */
  generic: Set<4 | 6>[];
}

function scan(line: CommandLine): Scanned {
  const elements: OptionNode[] = line.elements;
  const facts = new Set<LineFact>();
  const generic: Set<4 | 6>[] = [];
  for (const e of elements) {
    const value = e.value;
    if (value === null) continue;
    if (ADDRESS_OPTIONS.has(e.name)) {
      const f = families(e.name, value);
      if (f.has(4)) facts.add("v4-address");
      if (f.has(6)) facts.add("v6-address");
      if (GENERIC_ADDRESS_OPTIONS.has(e.name)) generic.push(f);
    }
    if ((e.name === "-p" || e.name === "--protocol") && ICMP.has(value)) facts.add("icmp-protocol");
  }
  const target = line.rule?.target?.name ?? null;
  return {
    line,
    options: new Set(elements.filter((e) => e.role === "generic" || e.role === "module").map((e) => e.name)),
    modules: new Set(elements.filter((e) => e.role === "match").map((e) => e.value ?? "")),
    target: target !== null && EXTENSION_TARGETS.has(target) ? target : null,
    facts,
    lateBang: elements.some((e) => e.intrapositioned),
    generic,
  };
}

const matches = (s: Scanned, q: LineQuery): boolean =>
  (q.options ?? []).some((o) => s.options.has(o)) ||
  (q.modules ?? []).some((m) => s.modules.has(m)) ||
  (q.targets ?? []).some((t) => s.target === t) ||
  (q.facts ?? []).some((f) => s.facts.has(f));

const commandLines = (document: Document): CommandLine[] =>
  Array.from({ length: document.source.lexed.lineCount }, (_, i) => i)
    .filter((i) => document.kindOf(i) === "command")
    .map((i) => document.line(i) as CommandLine);

const query: fc.Arbitrary<LineQuery> = fc.record(
  {
    options: fc.subarray([...WATCHED_OPTIONS], { maxLength: 4 }),
    modules: fc.subarray([...WATCHED_MODULES], { maxLength: 3 }),
    targets: fc.subarray([...Object.keys(TARGETS), "NFQUEUE"], { maxLength: 3 }),
    facts: fc.subarray<LineFact>(["v4-address", "v6-address", "icmp-protocol"]),
  },
  { requiredKeys: [] },
);

/** The lines option-needs-protocol and target-needs-protocol report when they look at every line themselves. */
function reportedByTheRule(document: Document, model: RulesetModel): Set<number> {
  const lines: LineIndex = Object.create(model.lines, { protocolNeedsSurelyMet: { value: () => false } });
  const closer: RulesetModel = Object.create(model, { lines: { value: lines } });
  const findings: Finding[] = [];
  for (const rule of [optionNeedsProtocol, targetNeedsProtocol]) rule.check({ document, model: closer, node: {}, report: (f) => findings.push(f) });
  return new Set(findings.map((f) => document.source.positionAt(f.range.start).line - 1));
}

/** Lines passed from the index alone, and lines the rule reported: the check above is no empty one. */
let surelyMet = 0;
let reportedLines = 0;

function checkIndex(c: IndexCase, queries: LineQuery[], exact: boolean): void {
  const document = parse(c.text, { filePath: c.filePath });
  assert.deepEqual(document.diagnostics, [], "generated lines parse");
  const model = modelOf(document);
  const index = model.lines;
  const scanned = commandLines(document).map(scan);
  // Exactly the lines the plain scan finds; for unusual spellings, at least those.
  const compare = (found: number[], expected: number[], what: string) => {
    if (exact) assert.deepEqual(found, expected, what);
    else for (const n of expected) assert.ok(found.includes(n), `${what}: line ${n + 1} (${document.text.split("\n")[n]}) missing`);
  };
  for (const q of queries) {
    const expected = scanned.filter((s) => matches(s, q)).map((s) => s.line.index);
    compare(Array.from(index.linesWith(q)), expected, `linesWith(${JSON.stringify(q)})`);
    compare(index.commandsWith(q).map(lineNo), expected, `commandsWith(${JSON.stringify(q)})`);
  }
  for (const s of scanned) {
    const at = `line ${s.line.index + 1}: ${s.line.text}`;
    const n = lineNo(s.line);
    for (const o of WATCHED_OPTIONS) {
      if (exact) assert.equal(index.uses(n, o as WatchedOption), s.options.has(o), `${at}: uses(${o})`);
      else if (s.options.has(o)) assert.ok(index.uses(n, o as WatchedOption), `${at}: uses(${o})`);
    }
    assert.equal(index.extensionTarget(n), s.target, `${at}: extensionTarget`);
  }
  for (const name of [...Object.keys(TARGETS), "NFQUEUE", "ACCEPT"]) {
    const expected = scanned.filter((s) => s.target === name).map((s) => s.line.index);
    assert.deepEqual(index.withTarget(name).map(lineNo), expected, `withTarget(${name})`);
    assert.deepEqual([...index.linesTargeting(name)], expected, `linesTargeting(${name})`);
  }
  // A `!` after an option word may negate the next option (`--syn ! -p tcp`): the parse confirms, the index may give more.
  const withLateBang = index.withLateBang().map(lineNo);
  for (const s of scanned.filter((s) => s.lateBang)) assert.ok(withLateBang.includes(lineNo(s.line)), `withLateBang: line ${s.line.index + 1} (${s.line.text}) missing`);
  if (exact) {
    const counts = { v4: 0, v6: 0 };
    for (const s of scanned) for (const f of s.generic) (f.has(4) && counts.v4++, f.has(6) && counts.v6++);
    assert.deepEqual(index.addressCounts, counts, "addressCounts");
  }
  // Never sure of a line the rule reports when it looks closely.
  const reported = reportedByTheRule(document, model);
  for (const s of scanned) {
    if (index.protocolNeedsSurelyMet(lineNo(s.line))) assert.ok(!reported.has(s.line.index), `line ${s.line.index + 1}: ${s.line.text}: protocolNeedsSurelyMet, but option-needs-protocol reports it`);
  }
  surelyMet += scanned.filter((s) => index.protocolNeedsSurelyMet(lineNo(s.line))).length;
  reportedLines += reported.size;
  checkFamily(document, model, scanned);
}

// ---------------------------------------------------------------------------------------------
// family() and backend()

function checkFamily(document: Document, model: RulesetModel, scanned: Scanned[]): void {
  const header = document.text.split("\n").find((l) => l.startsWith("# Generated by "));
  const name = document.filePath?.split("/").pop() ?? "";
  let expected: { family: 4 | 6; declared: boolean } | null;
  // `xtables-save` (iptables 1.8.0 to 1.8.3) heads dumps of both families: it says nothing of the family.
  const tool = header === undefined ? null : /^# Generated by (ip6tables|iptables)/.exec(header)?.[1];
  if (tool) expected = { family: tool === "ip6tables" ? 6 : 4, declared: true };
  else if (/ip6tables|(^|[._-])v6($|[._-])|ipv6/i.test(name)) expected = { family: 6, declared: true };
  else if (/iptables|(^|[._-])v4($|[._-])|ipv4/i.test(name)) expected = { family: 4, declared: true };
  else {
    let v4 = 0;
    let v6 = 0;
    for (const s of scanned) for (const f of s.generic) (f.has(4) && v4++, f.has(6) && v6++);
    expected = v4 === v6 ? null : { family: v6 > v4 ? 6 : 4, declared: false };
  }
  const found = model.family();
  assert.deepEqual(found && { family: found.family, declared: found.declared }, expected, `family() of ${document.filePath ?? "(no file)"} with ${header ?? "no header"}`);
  const backend = header === undefined ? null : /nf_tables|-nft-save|xtables-save/.test(header) ? "nft" : /^# Generated by ip6?tables(-legacy)?-save/.test(header) ? "legacy" : null;
  assert.equal(model.backend(), backend, `backend() with ${header ?? "no header"}`);
}

test("the line index of generated rule lines: exactly what a plain scan of their elements finds", () => {
  fc.assert(fc.property(indexCase("plain"), fc.array(query, { minLength: 1, maxLength: 4 }), (c, queries) => checkIndex(c, queries, true)), runs(200));
  assert.ok(surelyMet >= 20 && reportedLines >= 20, `${surelyMet} lines surely met, ${reportedLines} reported: too few to tell`);
});

test("the line index of lines with quoted words, --name=value, upper-case protocols and a late ! on addresses: at least the lines a plain scan finds", () => {
  fc.assert(fc.property(indexCase("unusual"), fc.array(query, { minLength: 1, maxLength: 4 }), (c, queries) => checkIndex(c, queries, false)), runs(200));
});

test("protocolNeedsSurelyMet passes the usual lines of a dump from the index alone", () => {
  const lines = ["-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT", "-A INPUT -p udp -m udp --dport 53 -j ACCEPT", "-A X -p tcp -m multiport --dports 80,443 -j ACCEPT", "-A INPUT -p tcp -j REJECT --reject-with tcp-reset"];
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", ":X - [0:0]", ...lines, "COMMIT", ""].join("\n"));
  const index = modelOf(document).lines;
  for (let k = 0; k < lines.length; k++) assert.ok(index.protocolNeedsSurelyMet((3 + k) as never), lines[k]);
  assert.equal(reportedByTheRule(document, modelOf(document)).size, 0);
});

test("protocolNeedsSurelyMet and option-needs-protocol on --name=value options", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -p udp -m udp --dport 53 --tcp-flags=SYN SYN -j ACCEPT", "-A INPUT --dport=80 -j ACCEPT", "COMMIT", ""].join("\n"));
  const model = modelOf(document);
  const reported = reportedByTheRule(document, model);
  assert.deepEqual([...reported].sort(), [2, 3], "the rule reports both when it looks");
  assert.equal(model.lines.protocolNeedsSurelyMet(2 as never), false);
  assert.ok(Array.from(model.lines.linesWith({ options: ["--dport"] })).includes(3 as never), "--dport=80 uses --dport");
});

test("protocolNeedsSurelyMet reads the old `-p ! udp` as a negated protocol, as option-needs-protocol does (found by the property test above)", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -p ! udp -m udp", "-A INPUT ! -p udp -m udp", "COMMIT", ""].join("\n"));
  const model = modelOf(document);
  assert.equal(model.lines.protocolNeedsSurelyMet(2 as never), false);
  assert.equal(model.lines.protocolNeedsSurelyMet(3 as never), false);
  assert.deepEqual([...reportedByTheRule(document, model)].sort(), [2, 3]);
});

test("the other family's option of a match the line loads is unknown-option's, not option-needs-protocol's (found by the property test above)", () => {
  // ip6tables' `-m ah` has `--ahlen`, iptables' has not: iptables refuses the line for an unknown option, which unknown-option says.
  const lines = ["-A INPUT -p ah -m ah --ahlen 1", "-A INPUT -p ah --ahlen 1", "-A INPUT -p tcp --ahlen 1"];
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", ...lines, "COMMIT", ""].join("\n"), { filePath: "ipv4-rules" });
  const model = modelOf(document);
  assert.equal(model.lines.protocolNeedsSurelyMet(2 as never), true);
  assert.deepEqual([...reportedByTheRule(document, model)].sort(), [4], "only the line whose protocol has no --ahlen at all");
});

test("multiport before -p reads only --dport and --sport: a tcp option after it is not passed from the index (found by the property test above)", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -m multiport --tcp-flags SYN,RST SYN -p tcp", "-A INPUT -m multiport -p tcp --dports 80", "COMMIT", ""].join("\n"));
  const model = modelOf(document);
  assert.equal(model.lines.protocolNeedsSurelyMet(2 as never), false);
  assert.deepEqual([...reportedByTheRule(document, model)], [2]);
});

test("multiport checks the protocol as it reads its ports: a -p after them is not passed from the index (both backends refuse it; found by the mutation fuzzer)", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -m multiport --dports 80 -p tcp", "-A INPUT -m multiport --sports 80 -p udp -j ACCEPT", "COMMIT", ""].join("\n"));
  const model = modelOf(document);
  assert.equal(model.lines.protocolNeedsSurelyMet(2 as never), false);
  assert.equal(model.lines.protocolNeedsSurelyMet(3 as never), false);
  assert.deepEqual([...reportedByTheRule(document, model)], [2, 3]);
});
