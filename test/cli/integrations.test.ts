/** The pre-commit hooks: well-formed, and aimed at the files iptlint reads (test/clients/ runs them, and the Action). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import picomatch from "picomatch";
import { load } from "js-yaml";
import { RULESET_PATTERNS } from "../../src/cli/paths.js";
import { fromRoot } from "../helpers/project.js";

const RULESETS = ["rules.v4", "etc/iptables/rules.v6", "nodes/edge.rules", "iptables-save", "dumps/iptables-save-2026-11-26.txt", "ip6tables-save.out", "host.iptables", "k8s/node-1.save"];
const OTHERS = ["README.md", "rules.v4.md", "src/rules.ts", "notes/iptables.txt", "rules/README.md"];

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

test("pre-commit hooks iptlint and iptlint-fix run the CLI on rulesets only", () => {
  const hooks = load(readFileSync(fromRoot(".pre-commit-hooks.yaml"), "utf8")) as Hook[];
  assert.deepEqual(hooks.map((h) => [h.id, h.entry, h.language]), [["iptlint", "iptlint lint", "node"], ["iptlint-fix", "iptlint fix", "node"]]);
  for (const hook of hooks) {
    // pre-commit matches `files` with Python's re.search; these patterns mean the same in JS.
    const files = new RegExp(hook.files);
    for (const name of RULESETS) assert.ok(files.test(name), `${hook.id} takes ${name}`);
    for (const name of OTHERS) assert.ok(!files.test(name), `${hook.id} leaves ${name}`);
  }
});

test("a folder given to iptlint is searched for the same files the hooks take", () => {
  const isRuleset = picomatch(RULESET_PATTERNS, { dot: true });
  for (const name of RULESETS) assert.ok(isRuleset(name), name);
  for (const name of OTHERS) assert.ok(!isRuleset(name), name);
});
