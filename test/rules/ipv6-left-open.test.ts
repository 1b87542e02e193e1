/**
 * ipv6-left-open: a node rule. Files pair by name (or the configuration's `nodes`, see
 * test/cli/nodes.test.ts); a file alone gets no finding; the corpus's one node (firewalld on
 * Fedora 27, both families) has none, being default-deny on both sides; and the namespace lab:
 * with a fixture node loaded, a port the IPv4 INPUT does not accept is refused over IPv4 and
 * reached over IPv6, with both backends.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ipv6LeftOpen as rule } from "../../rules/ipv6-left-open/rule.js";
import { fromRoot } from "../helpers/project.js";
import { requireNetfilter, withNamespace, type Backend } from "../helpers/netfilter.js";
import { NODE_V4, NODE_V6, withDualStackLab } from "./dualstack-lab.js";
import { checkWith } from "./load-checks.js";
import { checkNode, type NodeFile } from "./support.js";

const FIXTURES = fromRoot("rules", rule.id, "fixtures");
const nodeFiles = (folder: string): NodeFile[] =>
  readdirSync(join(FIXTURES, folder))
    .sort()
    .map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(FIXTURES, folder, name), "utf8") }));
const findings = (files: readonly NodeFile[]) =>
  checkNode(files, { rules: [rule] }).flatMap((r) => r.diagnostics.filter((d) => d.ruleId === rule.id).map((d) => ({ file: r.name, line: d.loc.start.line, message: d.message })));

const OPEN_V6 = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";

test("the finding is in the IPv4 file, at its deny, naming the IPv6 file; a file alone gets none", () => {
  const files = nodeFiles("invalid-empty-v6");
  assert.deepEqual(findings(files), [
    {
      file: "invalid-empty-v6/rules.v4",
      line: 3,
      message: "IPv4 INPUT denies by default here, but the node's IPv6 ruleset `rules.v6` accepts everything: the node is open over IPv6",
    },
  ]);
  assert.ok(findings(files)[0].message.length <= 160);
  assert.deepEqual(findings([files[0]]), [], "the IPv4 file without its partner");
  assert.deepEqual(checkWith(rule, files[0].text).of(rule.id), [], "linted alone, as lintText does");
});

test("files pair by name in one folder only, and only when their names differ in what says the family", () => {
  const v4 = nodeFiles("invalid-empty-v6")[0].text;
  const pair = (a: string, b: string) => findings([{ name: a, text: v4 }, { name: b, text: OPEN_V6 }]).length;
  assert.equal(pair("n/rules.v4", "n/rules.v6"), 1);
  assert.equal(pair("n/iptables.rules", "n/ip6tables.rules"), 1);
  assert.equal(pair("n/edge-iptables-save.txt", "n/edge-ip6tables-save.txt"), 1);
  assert.equal(pair("n/fw.ipv4", "n/fw.ipv6"), 1);
  assert.equal(pair("a/rules.v4", "b/rules.v6"), 0, "two folders");
  assert.equal(pair("n/edge-1.v4", "n/edge-2.v6"), 0, "two names");
  assert.equal(pair("n/a.rules", "n/b.rules"), 0, "names that say no family");
});

test("an IPv6 ruleset that may drop anything, or is a fragment, is not open", () => {
  const v4 = { name: "n/rules.v4", text: nodeFiles("invalid-empty-v6")[0].text };
  const v6 = (text: string) => findings([v4, { name: "n/rules.v6", text }]).length;
  assert.equal(v6(OPEN_V6), 1);
  assert.equal(v6(""), 1, "an empty dump: nothing loaded");
  assert.equal(v6(OPEN_V6.replace("COMMIT", "-A INPUT -p tcp -m tcp --dport 22 -j LOG\nCOMMIT")), 1, "a LOG drops nothing");
  assert.equal(v6(OPEN_V6.replace(":FORWARD ACCEPT", ":FORWARD DROP")), 0);
  assert.equal(v6(OPEN_V6.replace("COMMIT", "-A INPUT -s 2001:db8::/32 -j DROP\nCOMMIT")), 0);
  assert.equal(v6(OPEN_V6.replace("COMMIT", "-A INPUT -j NFQUEUE --queue-num 1\nCOMMIT")), 0);
  assert.equal(v6(OPEN_V6.replace("COMMIT", "-A INPUT -j f2b-sshd\nCOMMIT")), 0, "a jump to a chain the file does not have");
  assert.equal(v6("*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -p tcp -j DROP\nCOMMIT\n"), 0);
  assert.equal(v6("*filter\n-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT\nCOMMIT\n"), 0, "a --noflush fragment: the node's own policies decide");
});

test("the IPv4 deny: policy DROP, or a final unconditional DROP or REJECT; not when everything is accepted first", () => {
  const v6 = { name: "n/rules.v6", text: OPEN_V6 };
  const v4 = (text: string) => findings([{ name: "n/rules.v4", text }, v6]).map((f) => f.line);
  const filter = (policy: string, rules: string) => `*filter\n:INPUT ${policy} [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules}COMMIT\n`;
  assert.deepEqual(v4(filter("DROP", "")), [2]);
  assert.deepEqual(v4(filter("ACCEPT", "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT --reject-with icmp-host-prohibited\n")), [6]);
  assert.deepEqual(v4(filter("ACCEPT", "-A INPUT -p tcp -j DROP\n")), [], "a conditional DROP is no default deny");
  assert.deepEqual(v4(filter("DROP", "-A INPUT -j ACCEPT\n")), []);
  assert.deepEqual(v4(filter("ACCEPT", "-A INPUT -j RETURN\n-A INPUT -j DROP\n")), [], "RETURN from INPUT applies the policy");
  assert.deepEqual(v4("*filter\n:INPUT ACCEPT [0:0]\n-P INPUT DROP\nCOMMIT\n"), [3]);
  const chains = ":X - [0:0]\n:Y - [0:0]\n";
  const through = (x: string) => v4(filter("DROP", `-A INPUT -j X\n${x}-A Y -p tcp -j LOG\n`).replace(":OUTPUT ACCEPT [0:0]\n", `:OUTPUT ACCEPT [0:0]\n${chains}`));
  assert.deepEqual(through("-A X -j Y\n-A X -j ACCEPT\n"), [], "an ACCEPT of every packet in a chain INPUT jumps to, past a chain that returns them");
  assert.deepEqual(through("-A X -j RETURN\n-A X -j ACCEPT\n"), [2]);
});

test("the corpus's node (firewalld, Fedora 27: both families end INPUT in a REJECT) is paired and has no finding", () => {
  const folder = fromRoot("test", "fixtures", "corpus", "real-world");
  const files = ["fedora27-firewalld-iptables.txt", "fedora27-firewalld-ip6tables.txt"].map((name) => ({ name: `real-world/${name}`, text: readFileSync(join(folder, name), "utf8") }));
  assert.deepEqual(findings(files), []);
  // Paired indeed: with its IPv6 side open, the IPv4 side's final REJECT is reported.
  const opened = findings([files[0], { name: files[1].name, text: OPEN_V6 }]);
  assert.deepEqual(opened.map((f) => f.file), ["real-world/fedora27-firewalld-iptables.txt"]);
});

// The lab: the node loads rules.v4 with iptables-restore and rules.v6 with ip6tables-restore; a
// listener on port 8080 (both families), which the IPv4 INPUT does not accept.
for (const backend of ["nft", "legacy"] satisfies Backend[]) {
  test(`lab (${backend}): a port the IPv4 rules keep out is reached over IPv6`, async (t) => {
    if (!requireNetfilter(t)) return;
    const [v4, v6] = nodeFiles("invalid-empty-v6");
    assert.equal(findings([v4, v6]).length, 1);
    await withDualStackLab("open6", [80, 8080], (lab) => {
      lab.node.restore(backend, 4, v4.text);
      lab.node.restore(backend, 6, v6.text);
      assert.equal(lab.connect(NODE_V4, 80), "connected", "the IPv4 rules accept port 80");
      assert.equal(lab.connect(NODE_V4, 8080), "timeout", "and keep port 8080 out");
      assert.equal(lab.connect(NODE_V6, 8080), "connected", "which IPv6 reaches");

      // With the IPv6 side of valid-both-deny, IPv6 keeps it out too (and neighbour discovery works).
      const [, closed] = nodeFiles("valid-both-deny");
      assert.deepEqual(findings([v4, { name: "invalid-empty-v6/rules.v6", text: closed.text }]), []);
      lab.node.restore(backend, 6, closed.text);
      assert.equal(lab.connect(NODE_V6, 80), "connected");
      assert.equal(lab.connect(NODE_V6, 8080), "timeout");
    });
  });
}

test("every node fixture loads with both backends (each file with its family's restore tool)", async (t) => {
  if (!requireNetfilter(t)) return;
  const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  assert.ok(folders.length >= 6);
  for (const backend of ["nft", "legacy"] satisfies Backend[]) {
    for (const folder of folders) {
      for (const file of nodeFiles(folder)) {
        const family = /ip6tables|v6/.test(file.name.split("/").pop()!) ? 6 : 4;
        await withNamespace("open6-load", (ns) => ns.restore(backend, family, file.text));
      }
    }
  }
});
