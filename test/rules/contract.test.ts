/**
 * The contract every rule keeps: a folder named after its id with a README in fixed sections
 * whose examples hold, and fixtures that trigger it (`invalid-*`) or not (`valid-*`), with the
 * fixed text (`*.fixed`) for the ones it fixes. Fixing is checked to converge: the fixed text
 * parses, has no finding of the rule left, and fixing it again changes nothing.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createTwoFilesPatch } from "diff";
import { allRules, type NodeContext } from "../../rules/index.js";
import type { Config } from "../../src/config/load.js";
import { lintText } from "../../src/lint.js";
import { fromRoot } from "../helpers/project.js";
import { check, checkNode, type NodeFile } from "./support.js";

const SECTIONS = ["What it does", "Why it matters", "Example", "Fix", "References"];

test("rule ids are unique kebab-case names of their folders", () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.ok(existsSync(fromRoot("rules", id, "README.md")), `rules/${id}/README.md`);
  }
});

/**
 * The node a rule's fixtures and README examples are linted for: `fixtures/node.json` when the
 * rule weighs its findings by the node (option-needs-newer-iptables needs `iptablesVersion`).
 */
const nodeOf = (folder: string): NodeContext => {
  const path = join(folder, "fixtures", "node.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as NodeContext) : {};
};

for (const rule of allRules) {
  const folder = fromRoot("rules", rule.id);
  const node = nodeOf(folder);

  test(`${rule.id}: README has the fixed sections in order`, () => {
    const readme = readFileSync(join(folder, "README.md"), "utf8");
    assert.match(readme, new RegExp(`^# ${rule.id}\\n`));
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, SECTIONS);
  });

  test(`${rule.id}: README examples hold`, () => {
    const readme = readFileSync(join(folder, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/^```iptables (invalid|valid|fixed|unsafe-fixed)\n([\s\S]*?)^```$/gm)].map((m) => ({ kind: m[1], text: m[2] }));
    const nodes = nodeExamples(readme);
    assert.ok(blocks.some((b) => b.kind === "invalid") || nodes.some((n) => n.kind === "invalid"), "an example that triggers the rule");
    for (const example of nodes) {
      const found = checkNode(example.files, { rules: [rule] }).flatMap((r) => r.diagnostics);
      assert.deepEqual(found.filter((d) => d.ruleId === "syntax"), [], `example parses: ${example.name}`);
      if (example.kind === "invalid") assert.ok(found.some((d) => d.ruleId === rule.id), `invalid example triggers ${rule.id}: ${example.name}`);
      else assert.deepEqual(found.filter((d) => d.ruleId === rule.id), [], `valid example does not trigger ${rule.id}: ${example.name}`);
    }
    let lastInvalid: string | undefined;
    for (const block of blocks) {
      const result = check(block.text, { node, rules: [rule] });
      assert.deepEqual(result.diagnostics.filter((d) => d.ruleId === "syntax"), [], `example parses:\n${block.text}`);
      if (block.kind === "invalid") {
        assert.ok(result.of(rule.id).length > 0, `invalid example triggers ${rule.id}:\n${block.text}`);
        lastInvalid = block.text;
      } else {
        assert.deepEqual(result.of(rule.id), [], `${block.kind} example does not trigger ${rule.id}`);
      }
      if (block.kind === "fixed" || block.kind === "unsafe-fixed") {
        assert.ok(lastInvalid, "a fixed example follows an invalid one");
        assert.equal(check(lastInvalid, { node, rules: [rule], unsafe: block.kind === "unsafe-fixed" }).fixed.output, block.text);
      }
    }
  });

  // Every finding of every rule on each fixture and README example, pinned: a change of rule,
  // place, severity, fix or message anywhere shows up as a diff of fixtures/findings.txt.
  test(`${rule.id}: findings of its fixtures and README examples are as pinned in fixtures/findings.txt`, () => {
    const path = join(folder, "fixtures", FINDINGS_FILE);
    const actual = pinnedFindings(folder);
    if (process.env.UPDATE_FINDINGS === "1") {
      writeFileSync(path, actual);
      return;
    }
    assert.ok(existsSync(path), `no rules/${rule.id}/fixtures/${FINDINGS_FILE}: run the tests with UPDATE_FINDINGS=1 to write it`);
    const expected = readFileSync(path, "utf8");
    if (actual !== expected) {
      const where = `rules/${rule.id}/fixtures/${FINDINGS_FILE}`;
      const patch = createTwoFilesPatch(`${where} (pinned)`, `${where} (now)`, expected, actual, undefined, undefined, { context: 1 });
      assert.fail(`the findings differ from ${where} (if intended: UPDATE_FINDINGS=1 npm test, then review the diff):\n${patch}`);
    }
  });

  const fixtures = existsSync(join(folder, "fixtures")) ? readdirSync(join(folder, "fixtures")).filter((f) => f.endsWith(".rules")) : [];
  const nodeFixtures = nodeFixturesOf(folder);
  test(`${rule.id}: has fixtures of both kinds`, () => {
    const names = [...fixtures, ...nodeFixtures.map((n) => n.name)];
    assert.ok(names.some((f) => f.startsWith("valid-")));
    assert.ok(names.some((f) => f.startsWith("invalid-")));
    const fixedSuffix = rule.fixable === "unsafe" ? ".unsafe.fixed" : ".fixed";
    if (rule.fixable) assert.ok(fixtures.some((f) => existsSync(join(folder, "fixtures", f.replace(/\.rules$/, fixedSuffix)))));
  });

  for (const name of fixtures) {
    test(`${rule.id}: fixture ${name}`, () => {
      const text = readFileSync(join(folder, "fixtures", name), "utf8");
      const result = check(text, { node, rules: [rule] });
      assert.deepEqual(result.diagnostics.filter((d) => d.ruleId === "syntax"), []);
      if (name.startsWith("valid-")) {
        assert.deepEqual(result.of(rule.id).map((d) => d.message), []);
        assert.equal(check(text, { node, rules: [rule], unsafe: true }).fixed.output, text);
        return;
      }
      assert.ok(result.of(rule.id).length > 0, `${name} triggers ${rule.id}`);
      // `.fixed`: what the safe fixes give; `.unsafe.fixed`: what --unsafe-fixes gives.
      for (const [suffix, unsafe] of [[".fixed", false], [".unsafe.fixed", true]] as const) {
        const fixedPath = join(folder, "fixtures", name.replace(/\.rules$/, suffix));
        const output = check(text, { node, rules: [rule], unsafe }).fixed.output;
        if (!existsSync(fixedPath)) {
          if (!unsafe) assert.equal(output, text, "no safe fix is offered");
          continue;
        }
        const expected = readFileSync(fixedPath, "utf8");
        assert.equal(output, expected, suffix);
        const again = check(expected, { node, rules: [rule], unsafe });
        assert.deepEqual(again.of(rule.id).filter((d) => d.fix && (unsafe || d.fix.applicability === "safe")), [], "no fixable finding left");
        assert.equal(again.fixed.output, expected, "fixing twice changes nothing");
      }
    });
  }

  // A folder of fixtures is one node: its files are linted together, paired by name as the
  // command line pairs them (rules.v4 with rules.v6). Node fixtures offer no fix.
  for (const node of nodeFixtures) {
    test(`${rule.id}: node fixture ${node.name}/`, () => {
      const results = checkNode(node.files, { rules: [rule], nodes: node.nodes });
      const found = results.flatMap((r) => r.diagnostics);
      assert.deepEqual(found.filter((d) => d.ruleId === "syntax"), []);
      const mine = found.filter((d) => d.ruleId === rule.id);
      if (node.name.startsWith("valid-")) assert.deepEqual(mine.map((d) => d.message), []);
      else assert.ok(mine.length > 0, `${node.name} triggers ${rule.id}`);
      assert.deepEqual(mine.filter((d) => d.fix), [], "no fix is offered on a node fixture");
    });
  }
}

/**
 * The fixture folders of a rule (`fixtures/valid-*\/`, `fixtures/invalid-*\/`), each one node's
 * files; a folder's `.iptlintrc.json` gives the `nodes` that pair them (two backends' dumps).
 */
function nodeFixturesOf(folder: string): { name: string; files: NodeFile[]; nodes?: Config["nodes"] }[] {
  const CONFIG_FILE = ".iptlintrc.json";
  const root = join(folder, "fixtures");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^(valid|invalid)-/.test(entry.name))
    .map((entry) => {
      const config = join(root, entry.name, CONFIG_FILE);
      return {
        name: entry.name,
        files: readdirSync(join(root, entry.name))
          .filter((file) => file !== CONFIG_FILE)
          .sort()
          .map((file) => ({ name: `${entry.name}/${file}`, text: readFileSync(join(root, entry.name, file), "utf8") })),
        ...(existsSync(config) ? { nodes: (JSON.parse(readFileSync(config, "utf8")) as Config).nodes } : {}),
      };
    });
}


/**
 * A node rule's README examples: blocks that name their file (```` ```iptables invalid rules.v4 ````);
 * consecutive named blocks of one kind are one node, linted together.
 */
function nodeExamples(readme: string): { kind: string; name: string; files: NodeFile[] }[] {
  const examples: { kind: string; name: string; files: NodeFile[] }[] = [];
  let previousEnd = -1;
  for (const m of readme.matchAll(/^```iptables (invalid|valid) (\S+)\n([\s\S]*?)^```\n/gm)) {
    const last = examples[examples.length - 1];
    const adjacent = last !== undefined && last.kind === m[1] && readme.slice(previousEnd, m.index).trim() === "";
    if (adjacent) last.files.push({ name: m[2], text: m[3] });
    else examples.push({ kind: m[1], name: `README node example ${examples.length + 1} (${m[1]})`, files: [{ name: m[2], text: m[3] }] });
    previousEnd = m.index + m[0].length;
  }
  return examples;
}

const FINDINGS_FILE = "findings.txt";

const FINDINGS_HEADER = `# Every finding of every rule (lintText, default options) on this folder's fixtures and README
# examples: start-end (line:column), severity, rule, fix, message. Checked by test/rules/contract.test.ts;
# after a deliberate change rewrite it with \`UPDATE_FINDINGS=1 npm test\` and review the diff.
`;

/** The text of fixtures/findings.txt for a rule's folder: one block per fixture and README example. */
function pinnedFindings(folder: string): string {
  const inputs: { name: string; text: string }[] = [];
  const fixtureDir = join(folder, "fixtures");
  for (const name of readdirSync(fixtureDir).filter((f) => f.endsWith(".rules")).sort()) {
    inputs.push({ name, text: readFileSync(join(fixtureDir, name), "utf8") });
  }
  const readme = readFileSync(join(folder, "README.md"), "utf8");
  let n = 0;
  for (const m of readme.matchAll(/^```iptables (invalid|valid)\n([\s\S]*?)^```$/gm)) {
    inputs.push({ name: `README example ${++n} (${m[1]})`, text: m[2] });
  }
  const linted = inputs.map(({ name, text }) => ({ name, diagnostics: lintText(text, { filePath: name, node: nodeOf(folder) }).diagnostics }));
  const nodes = [...nodeFixturesOf(folder), ...nodeExamples(readme)];
  for (const node of nodes) linted.push(...checkNode(node.files, { nodes: "nodes" in node ? node.nodes : undefined }).map((r) => ({ name: `${node.name}: ${r.name}`, diagnostics: r.diagnostics })));
  const blocks = linted.map(({ name, diagnostics }) => {
    const counts = new Map<string, number>();
    for (const d of diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    const summary = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([id, count]) => `${id} ${count}`).join(", ");
    const lines = diagnostics.map((d) => {
      const where = `${d.loc.start.line}:${d.loc.start.column}-${d.loc.end.line}:${d.loc.end.column}`;
      const fix = d.fix ? `${d.fix.applicability}-fix` : "no-fix";
      return `  ${where} ${d.severity} ${d.ruleId} ${fix} ${JSON.stringify(d.message)}`;
    });
    return [`== ${name}: ${summary || "no findings"}`, ...lines].join("\n");
  });
  return `${FINDINGS_HEADER}\n${blocks.join("\n\n")}\n`;
}
