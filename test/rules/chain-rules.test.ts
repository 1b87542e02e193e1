/**
 * The chain rules (jump-to-undefined-chain, undeclared-chain, chain-declaration,
 * chain-name-too-long, unreachable-rule, duplicate-rule, unused-chain), beyond the rule contract
 * that contract.test.ts holds every rule to: the iptables messages their findings quote; the
 * real-world corpus, which must get no error; and what the rules read from the token arrays,
 * which must be what the AST says.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse, type CommandLine } from "../../grammar/index.js";
import { allRules } from "../../rules/index.js";
import { lineNo, modelOf, NONE } from "../../rules/model/index.js";
import type { FileSettings } from "../../src/config/resolve.js";
import { lintText } from "../../src/lint.js";
import { generateKubeProxyDump } from "../bench/kube-dump.js";
import { fromRoot } from "../helpers/project.js";
import { chainRules } from "./chain-rules.js";
import { check } from "./support.js";

const run = (text: string, unsafe = false) => check(text, { rules: allRules, unsafe });

// ---------------------------------------------------------------------------------------------
// What the findings say iptables says: the fixtures' `# nft: refuses "..."` lines were checked
// against the real iptables (chain-rules-netfilter.test.ts). A message quotes iptables' words as
// `("...")`: each quote must be part of what iptables printed, and a finding quotes something
// when the fixture names what iptables prints.

for (const rule of chainRules) {
  const folder = fromRoot("rules", rule.id, "fixtures");
  for (const name of readdirSync(folder).filter((f) => f.startsWith("invalid-") && f.endsWith(".rules"))) {
    const text = readFileSync(join(folder, name), "utf8");
    const printed = [...text.matchAll(/^# (?:nft|legacy): refuses "(.*)"$/gm)].map((m) => m[1]);
    if (printed.length === 0) continue;
    test(`${rule.id}: ${name}: the finding quotes what iptables prints`, () => {
      const messages = run(text).of(rule.id).map((d) => d.message);
      const quotes = messages.flatMap((m) => [...m.matchAll(/\("(.*?)"\)/g)].map((q) => q[1]));
      assert.ok(quotes.length > 0, `no quote of iptables in:\n${messages.join("\n")}`);
      for (const quote of quotes) assert.ok(printed.some((p) => p.includes(quote)), `"${quote}" is not what iptables prints: ${printed.join(" | ")}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Real rulesets

const corpus = ["kube", "real-world"].flatMap((folder) =>
  readdirSync(fromRoot("test", "fixtures", "corpus", folder)).map((name) => fromRoot("test", "fixtures", "corpus", folder, name)),
);
const examples = readdirSync(fromRoot("examples"))
  .filter((name) => /\.(save|rules)$/.test(name))
  .map((name) => fromRoot("examples", name));

for (const path of [...corpus, ...examples]) {
  test(`no chain rule reports an error on ${path.slice(fromRoot().length)}`, () => {
    const { diagnostics } = lintText(readFileSync(path, "utf8"), { rules: chainRules, filePath: path });
    const ours = new Set(chainRules.map((r) => r.id));
    const errors = diagnostics.filter((d) => ours.has(d.ruleId) && d.severity === "error");
    assert.deepEqual(errors.map((d) => `${d.loc.start.line}: ${d.ruleId}: ${d.message}`), []);
  });
}

test("the real-world warnings: Synology's rules after a DROP, Shorewall's and libvirt's repeats", () => {
  const count = (name: string, id: string) =>
    lintText(readFileSync(fromRoot("test", "fixtures", "corpus", "real-world", name), "utf8"), { rules: chainRules }).diagnostics.filter((d) => d.ruleId === id)
      .length;
  assert.equal(count("synology-nas.txt", "unreachable-rule"), 9);
  assert.ok(count("shorewall-comments.txt", "duplicate-rule") > 0);
  assert.ok(count("libvirt-v1.4.21-old-negation.txt", "duplicate-rule") > 0);
  assert.equal(count("docker-bridge-v1.6.0.txt", "unused-chain"), 0);
});

for (const [label, options] of [
  ["1.18.2, nft", { era: "1.18.2", backend: "nft" }],
  ["1.19, legacy, counters", { era: "1.19", backend: "legacy", counters: true }],
  ["1.19, IPv6", { era: "1.19", family: 6 }],
] as const) {
  test(`a generated kube-proxy dump (${label}) gets no finding from the chain rules`, () => {
    const text = generateKubeProxyDump({ services: 300, endpoints: 3, ...options });
    assert.deepEqual(lintText(text, { rules: chainRules }).diagnostics.map((d) => `${d.loc.start.line}: ${d.ruleId}`), []);
  });
}

// ---------------------------------------------------------------------------------------------
// Fragments, `iptables -S` output, options

const ids = (text: string, options: Parameters<typeof lintText>[1] = {}) =>
  lintText(text, { rules: chainRules, ...options }).diagnostics.map((d) => `${d.loc.start.line}:${d.ruleId}`);

test("iptables -S output: a missing jump target is found; iptables -S CHAIN (a part) is left alone", () => {
  const full = ["-P INPUT ACCEPT", "-P FORWARD ACCEPT", "-P OUTPUT ACCEPT", "-N A", "-A INPUT -j A", "-A A -j B", ""].join("\n");
  assert.deepEqual(ids(full), ["6:jump-to-undefined-chain"]);
  assert.deepEqual(ids(["-P POSTROUTING ACCEPT", "-A POSTROUTING -j KUBE-POSTROUTING", ""].join("\n")), []);
  assert.deepEqual(ids(["-N KUBE-SERVICES", "-A KUBE-SERVICES -d 10.96.0.1/32 -j KUBE-SVC-X", ""].join("\n")), []);
});

test("a --noflush fragment may use the node's chains, but never jump to a built-in chain", () => {
  assert.deepEqual(ids(["*nat", "-A KUBE-SERVICES -j KUBE-SVC-X", "-A KUBE-SVC-X -j INPUT", "COMMIT", ""].join("\n")), ["3:jump-to-undefined-chain"]);
});

/** Settings that give one rule options (at its own default severity). */
function settingsWith(id: string, options: unknown): FileSettings {
  const rule = chainRules.find((r) => r.id === id)!;
  return { ignored: false, node: {}, reportUnusedSuppressions: "warning", rules: new Map([[id, { severity: rule.severity, options }]]) };
}

test("the targets option names target extensions that are not chains", () => {
  const text = ["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -p tcp -m tcp --dport 25 -j TARPIT", "COMMIT", ""].join("\n");
  assert.deepEqual(ids(text), ["3:jump-to-undefined-chain"]);
  assert.deepEqual(ids(text, { settings: settingsWith("jump-to-undefined-chain", { targets: ["TARPIT"] }) }), []);
});

test("the ignore option names chains that are meant to have no jump to them", () => {
  const text = ["*filter", ":INPUT ACCEPT [0:0]", ":f2b-sshd - [0:0]", ":f2b-sshd-old - [0:0]", "-A f2b-sshd -j RETURN", "COMMIT", ""].join("\n");
  assert.deepEqual(ids(text), ["3:unused-chain", "4:unused-chain"]);
  assert.deepEqual(ids(text, { settings: settingsWith("unused-chain", { ignore: ["f2b-*"] }) }), []);
});

test("chains replayed through -I, -D, -X and -E give the same answers as appended ones", () => {
  const text = [
    "*filter",
    ":INPUT ACCEPT [0:0]",
    ":OLD - [0:0]",
    "-A INPUT -j DROP",
    "-I INPUT 1 -i lo -j ACCEPT",
    "-A INPUT -p tcp -j ACCEPT",
    "-A OLD -j LOG",
    "-A OLD -j LOG",
    "-E OLD NEW",
    "-A INPUT -j NEW",
    "COMMIT",
    "",
  ].join("\n");
  assert.deepEqual(ids(text), ["6:unreachable-rule", "8:duplicate-rule", "10:unreachable-rule"]);
});

// ---------------------------------------------------------------------------------------------
// What the rules read from the tokens is what the AST says

test("the chain and target read from the token arrays agree with the AST on every line of the corpus and fixtures", () => {
  const fixtures = chainRules.flatMap((rule) =>
    readdirSync(fromRoot("rules", rule.id, "fixtures")).map((name) => fromRoot("rules", rule.id, "fixtures", name)),
  );
  for (const path of [...corpus, ...examples, ...fixtures]) {
    const document = parse(readFileSync(path, "utf8"));
    for (const table of document.tables) {
      const walk = modelOf(document).tableOf(table)!;
      for (const line of table.commands as CommandLine[]) {
        const id = walk.chainOf(lineNo(line));
        assert.equal(id === NONE ? null : walk.nameOf(id), line.chain, `${path}:${line.index + 1} chain`);
        if (line.rule === null) continue;
        assert.equal(walk.targetName(lineNo(line)), line.target?.name, `${path}:${line.index + 1} target`);
        assert.equal(walk.isGoto(lineNo(line)), line.target?.kind === "goto", `${path}:${line.index + 1} goto`);
      }
    }
  }
});

test("a line with a syntax error is none of the table's: the walk leaves it out (and, in iptables -S output, a declaration too)", () => {
  const text = '*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n-A INPUT -j X\n-A X -j DROP -j ACCEPT\n-A X -j ACCEPT\nCOMMIT\n';
  const document = parse(text);
  assert.equal(document.diagnostics.length, 1);
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => document.kindOf(i)), ["table", "chain", "chain", "command", "invalid", "command", "commit"]);
  const walk = modelOf(document).tableOf(document.tables[0])!;
  const x = walk.idOf("X");
  assert.notEqual(x, NONE);
  if (x === NONE) return;
  assert.equal(walk.chains.ruleCount(x), 1, "X keeps the one rule that parsed");
  assert.equal(walk.chainOf(lineNo({ index: 4 })), NONE);
  assert.equal(walk.chainOf(lineNo({ index: 5 })), x);
  assert.equal(walk.declaredNames().includes("X"), true);

  // iptables -S output: `:X` is an error of its own, and declares nothing.
  const rules = parse("-P INPUT ACCEPT\n:X - [0:0]\n-A INPUT -j X\n");
  assert.equal(rules.kindOf(1), "chain");
  const listed = modelOf(rules).tableOf(rules.tables[0])!;
  assert.equal(listed.declaredNames().includes("X"), false);
  assert.deepEqual(listed.missingJumps.map((m) => m.target.name), ["X"]);
});

test("a declaration with no name (`:` alone) is a syntax error and declares no chain: no rule reports a chain with an empty name", () => {
  // `: - [0:0]` is not one: iptables-restore skips the blanks after the `:` and reads a chain `-`.
  const text = "*filter\n:INPUT ACCEPT [0:0]\n:\n-A INPUT -j ACCEPT\nCOMMIT\n";
  const { diagnostics } = lintText(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.ruleId, d.loc.start.line]),
    // The name is missing, and so is the policy.
    [["syntax", 3], ["syntax", 3]],
  );
  const document = parse(text);
  assert.deepEqual(modelOf(document).tableOf(document.tables[0])!.declaredNames(), ["INPUT"]);
});
