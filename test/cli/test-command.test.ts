/** `iptlint test --cases`: packet assertions end to end, in-process with real files: every format, every exit code. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

import { Ajv } from "ajv";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";

import { loadCases } from "../../src/cases/load.js";
import { initialCases } from "../../src/cli/commands/config.js";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/io.js";
import { formatNames } from "../../src/format/index.js";
import { fromRoot } from "../helpers/project.js";

const dir = mkdtempSync(join(tmpdir(), "iptlint-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const RULES = [
  "*nat",
  ":PREROUTING ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  ":SVC - [0:0]",
  "-A PREROUTING -d 10.96.0.10/32 -p udp -m udp --dport 53 -j SVC",
  "-A SVC -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.244.1.5:53",
  "-A SVC -j DNAT --to-destination 10.244.2.7:53",
  "-A POSTROUTING -o eth0 -j MASQUERADE",
  "COMMIT",
  "*mangle",
  ":PREROUTING ACCEPT [0:0]",
  "-A PREROUTING -p tcp -m tcp --dport 8443 -j MARK --set-xmark 0x10/0xff",
  "COMMIT",
  "*filter",
  ":INPUT DROP [0:0]",
  ":FORWARD DROP [0:0]",
  "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT",
  "-A INPUT -p tcp -m tcp --dport 25 -j REJECT",
  "-A INPUT -p tcp -m tcp --dport 8443 -j ACCEPT",
  "-A FORWARD -d 10.244.0.0/16 -j ACCEPT",
  "COMMIT",
  "",
].join("\n");
writeFileSync(join(dir, "rules.v4"), RULES);
mkdirSync(join(dir, "node"));
writeFileSync(join(dir, "node", "addr.json"), JSON.stringify([{ ifname: "eth0", addr_info: [{ family: "inet", local: "192.168.1.10", prefixlen: 24 }] }]));

const NODE = ["node:", "  local: 192.168.1.10", '  route: ["10.244.0.0/16 dev cni0", "default dev eth0"]'];

/** Cases that all hold on RULES: one per kind of expectation. */
const PASSING = [
  ...NODE,
  "cases:",
  "  - name: ssh",
  "    packet: tcp 10.0.0.9:40000 -> 192.168.1.10:22 in eth0",
  "    expect: { verdict: accept, delivery: local, reaches: [PREROUTING, INPUT], dnat: false, snat: false }",
  "  - name: smtp is refused",
  "    packet: tcp 10.0.0.9:40000 -> 192.168.1.10:25 in eth0",
  "    expect: { verdict: reject, reaches: INPUT }",
  "  - name: telnet is dropped",
  "    packet: tcp 10.0.0.9:40000 -> 192.168.1.10:23 in eth0",
  "    expect: { verdict: drop }",
  "  - name: dns reaches an endpoint",
  "    packet: udp 10.0.0.9:40000 -> 10.96.0.10:53 in eth1",
  "    expect: { dnat: [10.244.1.5:53, 10.244.2.7], delivery: forward, outInterface: cni0 }",
  "  - name: marked",
  "    packet: tcp 10.0.0.9:40000 -> 192.168.1.10:8443 in eth0",
  "    mark: 0x4000",
  "    expect: { mark: 0x4010, delivery: local }",
  "  - name: masqueraded out",
  "    packet: tcp 10.244.1.9:40000 -> 198.51.100.1:443 in cni0",
  "    node: { addresses: node/addr.json }",
  "    expect: { verdict: drop, reaches: FORWARD }",
  "",
].join("\n");

async function run(argv: string[], files: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  let stdout = "";
  let stderr = "";
  const io = { ...nodeIo(dir), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) }, stderr: { write: (t: string | Uint8Array) => void (stderr += String(t)) } };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

test("test: every expectation holds: exit 0 and a clean report", async () => {
  const r = await run(["test", "rules.v4", "--cases", "ok.yaml"], { "ok.yaml": PASSING });
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.equal(r.stdout, "");
});

/** PASSING with one expectation changed: the report has one finding, at that expectation's line. */
function failing(): { text: string; line: number } {
  const text = PASSING.replace("expect: { verdict: drop }", "expect: { verdict: accept }");
  const line = text.split("\n").findIndex((l) => l.includes("verdict: accept }")) + 1;
  return { text, line };
}

test("test: a failed expectation is a packet-assertion finding at its line, with the trace (stylish), exit 1", async () => {
  const { text, line } = failing();
  const r = await run(["test", "rules.v4", "--cases", "bad.yaml"], { "bad.yaml": text });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(
    r.stdout.split("\n").slice(0, 7).join("\n"),
    [
      "bad.yaml",
      `  ${line}:15  error  telnet is dropped: expected verdict accept, but the packet is dropped  packet-assertion`,
      "      outcome: drop",
      "        rules.v4:11 mangle/PREROUTING -> policy ACCEPT",
      "        rules.v4:2 nat/PREROUTING -> policy ACCEPT",
      "        rules.v4:15 filter/INPUT -> policy DROP",
      "",
    ].join("\n"),
  );
});

test("test: every format reports the finding; the detailed ones carry the trace", async () => {
  const { text, line } = failing();
  const outputs = new Map<string, string>();
  for (const format of formatNames) {
    const r = await run(["test", "rules.v4", "--cases", "bad.yaml", "-f", format], { "bad.yaml": text });
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    assert.match(r.stdout, /packet-assertion/, format);
    outputs.set(format, r.stdout);
  }
  assert.match(outputs.get("compact")!, new RegExp(`^bad\\.yaml:${line}:15: error: telnet is dropped: expected verdict accept`));
  assert.match(outputs.get("github")!, new RegExp(`^::error file=bad\\.yaml,line=${line},col=15`));
  assert.match(outputs.get("junit")!, /outcome: drop&#10; {2}rules\.v4:11 mangle\/PREROUTING -&gt; policy ACCEPT&#10; {2}rules\.v4:2 nat\/PREROUTING -&gt; policy ACCEPT&#10; {2}rules\.v4:15 filter\/INPUT -&gt; policy DROP</);

  const json = JSON.parse(outputs.get("json")!) as { messages: { trace: unknown }[] }[];
  const schema = JSON.parse(readFileSync(fromRoot("src", "format", "json-output.schema.json"), "utf8")) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  assert.ok(validate(json), JSON.stringify(validate.errors));
  assert.deepEqual(json[0].messages[0].trace, [
    {
      outcome: "drop",
      conditions: [],
      path: [
        { filePath: "rules.v4", line: 11, table: "mangle", chain: "PREROUTING", target: "policy ACCEPT" },
        { filePath: "rules.v4", line: 2, table: "nat", chain: "PREROUTING", target: "policy ACCEPT" },
        { filePath: "rules.v4", line: 15, table: "filter", chain: "INPUT", target: "policy DROP" },
      ],
    },
  ]);

  const sarif = JSON.parse(outputs.get("sarif")!) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[]; codeFlows: { threadFlows: { locations: never[] }[] }[] }[] }[] };
  const officialSchema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
  const ajv04 = new Ajv04Module.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormatsModule.default(ajv04);
  const validSarif = ajv04.compile(officialSchema);
  assert.ok(validSarif(sarif), JSON.stringify(validSarif.errors));
  const result = sarif.runs[0].results[0];
  assert.equal(result.locations[0].physicalLocation.region.startLine, line);
  assert.deepEqual(
    result.codeFlows[0].threadFlows[0].locations.map((l: { location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } } }) => [
      l.location.physicalLocation.artifactLocation.uri,
      l.location.physicalLocation.region.startLine,
      l.location.message.text,
    ]),
    [
      ["rules.v4", 11, "mangle/PREROUTING -> policy ACCEPT"],
      ["rules.v4", 2, "nat/PREROUTING -> policy ACCEPT"],
      ["rules.v4", 15, "filter/INPUT -> policy DROP"],
    ],
  );
});

test("test: several outcomes: an expectation must hold in all unless the case says `outcomes: any`", async () => {
  const cases = (expect: string, outcomes = "") =>
    [...NODE, "cases:", "  - packet: udp 10.0.0.9:40000 -> 10.96.0.10:53 in eth1", ...(outcomes ? [`    outcomes: ${outcomes}`] : []), `    expect: ${expect}`, ""].join("\n");
  const one = await run(["test", "rules.v4", "--cases", "u.yaml", "-f", "json"], { "u.yaml": cases("{ dnat: 10.244.1.5:53 }") });
  assert.equal(one.code, 1);
  const [message] = JSON.parse(one.stdout)[0].messages;
  assert.match(message.message, /^undecided: DNAT to 10\.244\.1\.5:53 holds in 1 of 2 outcomes \(it does not if not: rules\.v4:6 `-m statistic --mode random --probability 0\.5` picks the packet\)/);
  assert.equal(message.trace.length, 1);
  // The trace is the outcome it failed in: DNAT to the other endpoint.
  assert.deepEqual(
    message.trace[0].path.filter((step: { target: string }) => step.target === "DNAT").map((step: { line: number }) => step.line),
    [7],
  );
  assert.equal((await run(["test", "rules.v4", "--cases", "u.yaml"], { "u.yaml": cases("{ dnat: 10.244.1.5:53 }", "any") })).code, 0);
  assert.equal((await run(["test", "rules.v4", "--cases", "u.yaml"], { "u.yaml": cases("{ dnat: [10.244.1.5:53, 10.244.2.7:53] }") })).code, 0);
  // Held in no outcome: a plain failure, even with `any`.
  const none = await run(["test", "rules.v4", "--cases", "u.yaml", "-f", "compact"], { "u.yaml": cases("{ dnat: 10.244.9.9 }", "any") });
  assert.equal(none.code, 1);
  assert.match(none.stdout, /expected DNAT to 10\.244\.9\.9, but in every one of its 2 outcomes it its destination is 10\.244\.1\.5:53 \(accept \(forwarded\), probability 50\.0%\) or/);
});

test("test: the node's facts: the command line's, the file's over them, a case's over the file's", async () => {
  const cases = (node: string[], caseNode = "") =>
    [...node, "cases:", "  - packet: tcp 10.0.0.9:40000 -> 192.168.1.10:22 in eth0", ...(caseNode ? [`    node: ${caseNode}`] : []), "    expect: { delivery: local }", ""].join("\n");
  // Without the node's addresses the walk cannot tell local delivery from forwarding.
  assert.equal((await run(["test", "rules.v4", "--cases", "n.yaml"], { "n.yaml": cases([]) })).code, 1);
  assert.equal((await run(["test", "rules.v4", "--cases", "n.yaml", "--local", "192.168.1.10"], { "n.yaml": cases([]) })).code, 0);
  assert.equal((await run(["test", "rules.v4", "--cases", "n.yaml", "--local", "192.168.1.99"], { "n.yaml": cases(["node: { local: 192.168.1.10 }"]) })).code, 0);
  assert.equal((await run(["test", "rules.v4", "--cases", "n.yaml"], { "n.yaml": cases(["node: { local: 192.168.1.10 }"], "{ local: 192.168.1.99 }") })).code, 1);
  // Files relative to the cases file's folder.
  assert.equal((await run(["test", "rules.v4", "--cases", "n.yaml"], { "n.yaml": cases(["node: { addresses: node/addr.json }"]) })).code, 0);
  const missing = await run(["test", "rules.v4", "--cases", "n.yaml"], { "n.yaml": cases(["node: { addresses: nowhere.json }"]) });
  assert.equal(missing.code, 4);
  assert.equal(missing.stderr, "iptlint: n.yaml:1:9: `addresses`: cannot read nowhere.json: no such file\n");
});

test("test: the node's policy routing rules (`ipRules`, --ip-rules) route a marked packet by their table", async () => {
  writeFileSync(join(dir, "node", "route.json"), JSON.stringify([{ dst: "10.244.0.0/16", dev: "cni0" }, { dst: "default", dev: "eth9", table: "100" }]));
  writeFileSync(join(dir, "node", "rule.json"), JSON.stringify([{ priority: 0, src: "all", table: "local" }, { priority: 100, src: "all", fwmark: "0x10", fwmask: "0xff", table: "100" }, { priority: 32766, src: "all", table: "main" }]));
  const cases = (node: string, out: string) =>
    ["cases:", "  - packet: tcp 10.0.0.9:40000 -> 10.244.3.3:8443 in eth1", `    node: { local: 192.168.1.10, routes: [node/route.json]${node} }`, `    expect: { delivery: forward, outInterface: ${out} }`, ""].join("\n");
  assert.equal((await run(["test", "rules.v4", "--cases", "r.yaml"], { "r.yaml": cases(", ipRules: node/rule.json", "eth9") })).code, 0);
  assert.equal((await run(["test", "rules.v4", "--cases", "r.yaml"], { "r.yaml": cases("", "cni0") })).code, 0);
  assert.equal((await run(["test", "rules.v4", "--cases", "r.yaml", "--ip-rules", "node/rule.json"], { "r.yaml": cases("", "eth9") })).code, 0);
  const bad = await run(["test", "rules.v4", "--cases", "r.yaml"], { "r.yaml": cases(", ipRules: node/addr.json", "eth9") });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^iptlint: r\.yaml:3:\d+: the IPv4 rules file is not `ip -j rule` output \(a rule without priority\)\n$/);
});

test("test: a case of a family no ruleset gives fails rather than passes", async () => {
  const r = await run(["test", "rules.v4", "--cases", "v6.yaml", "-f", "compact"], { "v6.yaml": "cases:\n  - packet: tcp [fd00::9]:4000 -> [fd00::1]:22 in eth0\n    expect: { verdict: drop }\n" });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, "v6.yaml:2:5: error: no ruleset of IPv6 was given, so this packet cannot be checked [packet-assertion]\n");
});

test("test: a bad cases file is one line with file:line:column and exit 2, never a stack trace", async () => {
  const bad: [string, string][] = [
    ["cases:\n  - packet: [\n", "iptlint: c.yaml:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]\n"],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5:6 in eth0\n    expct: { verdict: drop }\n", "iptlint: c.yaml:3:5: unknown key `expct` in `cases[0]`: did you mean `expect`? (known keys: name, packet, state, mark, node, outcomes, expect)\n"],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5:6 in eth0\n    expect: { verdict: dorp }\n", "iptlint: c.yaml:3:24: `cases[0].expect.verdict` must be one of accept, drop, reject, queue: did you mean `drop`?\n"],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5 in eth0\n    expect: { verdict: drop }\n", "iptlint: c.yaml:2:37: `packet`: tcp needs a port: ADDRESS:PORT (IPv6: [ADDRESS]:PORT)\n"],
    ['cases:\n  - packet: "udp 1.2.3.4:5 => 1.2.3.5:6 in eth0"\n    expect: { verdict: drop }\n', 'iptlint: c.yaml:2:28: `packet`: expected "->", found "=>"\n'],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5:6 in eth0\n    expect: {}\n", "iptlint: c.yaml:3:13: `cases[0].expect` must say what to expect (verdict, delivery, reaches, dnat, snat, mark, outInterface)\n"],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5:6 in eth0\n    expect: { mark: 0x1/0xfffffffff }\n", "iptlint: c.yaml:3:21: `cases[0].expect.mark` is not a 32-bit mark such as 0x4000 or 0x4000/0x4000\n"],
    ["cases:\n  - packet: tcp 1.2.3.4:5 -> 1.2.3.5:6 in eth0\n    expect: { dnat: 1.2.3.999 }\n", "iptlint: c.yaml:3:15: `dnat`: \"1.2.3.999\" is not an address or ADDRESS:PORT (IPv6: [ADDRESS]:PORT) of the packet's family\n"],
    ["node: { local: [] }\ncases: []\n", "iptlint: c.yaml:1:16: `node.local` must list at least 1 item\n"],
    ["- just a list\n", "iptlint: c.yaml:1:1: the cases file must be a mapping, not a list\n"],
  ];
  for (const [text, expected] of bad) {
    const r = await run(["test", "rules.v4", "--cases", "c.yaml"], { "c.yaml": text });
    assert.equal(r.stderr, expected, text);
    assert.equal(r.code, 2, text);
    assert.equal(r.stdout, "");
  }
  const unreadable = await run(["test", "rules.v4", "--cases", "nowhere.yaml"]);
  assert.equal(unreadable.code, 4);
  assert.equal(unreadable.stderr, "iptlint: --cases: cannot read nowhere.yaml: no such file\n");
});

test("test: a ruleset with syntax errors is reported, not walked (exit 1)", async () => {
  const r = await run(["test", "broken.v4", "--cases", "ok.yaml", "-f", "compact"], { "broken.v4": "*filter\n-A INPUT -j\n", "ok.yaml": PASSING });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^broken\.v4:\d+:\d+: error: .*\[syntax\]$/m);
});

test("init --cases writes an example that fits the schema; it does not overwrite", async () => {
  const folder = mkdtempSync(join(dir, "init-"));
  const io = { ...nodeIo(folder), stdout: { write: () => undefined }, stderr: { write: () => undefined } };
  assert.equal(await main(["init", "--cases"], io), 0);
  const text = readFileSync(join(folder, "packets.yaml"), "utf8");
  assert.equal(text, initialCases());
  const file = loadCases(text, "packets.yaml");
  assert.deepEqual(
    file.cases.map((c) => c.assertions.map((a) => a.key)),
    [["verdict", "delivery", "reaches"], ["verdict"], ["dnat", "delivery"], ["snat", "outInterface", "mark"]],
  );
  assert.equal(await main(["init", "--cases"], io), 2);
});

test("the shipped cases schema is a strict draft-07 schema, and the package exports it", () => {
  const schema = JSON.parse(readFileSync(fromRoot("src", "cases", "iptlint-cases.schema.json"), "utf8")) as object;
  new Ajv({ strict: true }).compile(schema);
  const pkg = JSON.parse(readFileSync(fromRoot("package.json"), "utf8"));
  assert.equal(pkg.exports["./iptlint-cases.schema.json"], "./src/cases/iptlint-cases.schema.json");
  assert.ok(pkg.files.includes("src/cases/iptlint-cases.schema.json"));
});

test("explain packet-assertion: the finding `iptlint test` reports is described offline, as the stylish hint says", async () => {
  const r = await run(["explain", "packet-assertion"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^# packet-assertion\n\nDefault severity: error\. Reported by iptlint itself, not by a rule\.\n\na packet case of `iptlint test --cases` whose expectation the ruleset does not meet\.\n$/);
});
