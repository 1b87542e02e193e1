/**
 * `fix --emit patch` against the kernel: for every rule fixture with a fix (safe, then unsafe),
 * in a network namespace of each backend, the original loaded and the live patch applied with
 * `iptables-restore --noflush` must leave the rules that loading the fixed file leaves (the
 * patch rewrites rules, not declarations or policies, and says so). Only
 * where both the original and the fixed file load: a patch is for a running node.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { allRules } from "../../rules/index.js";
import { livePatch } from "../../src/fix/emit.js";
import { fixFound, lintDocument } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend } from "../helpers/netfilter.js";
import { familyOfText, fixturesOf } from "../rules/load-checks.js";

/**
 * The rules of each table `iptables-save` printed, in the tables' order of names. Only rules: a
 * patch rewrites chains' rules and says so, and leaves declarations and policies to the restore
 * of the fixed file ("nothing to apply ... they change declarations, policies or line ends only").
 */
function rulesOf(save: string): string {
  const tables = save
    .split(/^COMMIT$/m)
    .map((table) => table.split("\n").filter((line) => line.startsWith("*") || line.startsWith("-A ")))
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join("\n"));
  return tables.sort().join("\nCOMMIT\n");
}

interface Case {
  name: string;
  original: string;
  fixed: string;
  patch: string;
}

const cases: Case[] = [];
for (const rule of allRules.filter((r) => r.fixable !== false)) {
  for (const fixture of fixturesOf(rule)) {
    let previous: string | undefined;
    for (const unsafe of [false, true]) {
      const document = parse(fixture.text);
      const { result } = fixFound(document, lintDocument(document), { unsafe });
      if (result.applied.length === 0 || result.output === previous) continue;
      previous = result.output;
      const patch = livePatch(document, result);
      cases.push({ name: `${rule.id}/${fixture.name}${unsafe ? " (unsafe fixes)" : ""}`, original: fixture.text, fixed: result.output, patch });
    }
  }
}
// A file need not declare its built-in chains: the patch still flushes one it rewrites (`-F`).
const UNDECLARED = "*nat\n-A POSTROUTING -o eth0 -s 10.0.0.0/8 -j MASQUERADE\n-A POSTROUTING -o eth0 -s 10.0.0.0/8 -j MASQUERADE\nCOMMIT\n";
{
  const document = parse(UNDECLARED);
  const { result } = fixFound(document, lintDocument(document), { unsafe: true });
  cases.push({ name: "inline/undeclared-builtin-chain", original: UNDECLARED, fixed: result.output, patch: livePatch(document, result) });
}

test("live patches: the fixtures give fixes to patch with, and the undeclared built-in chain is flushed with -F", () => {
  assert.ok(cases.length > 40, `${cases.length} cases`);
  assert.match(cases.at(-1)!.patch, /^\*nat\n-F POSTROUTING\n-A POSTROUTING -o eth0 -s 10\.0\.0\.0\/8 -j MASQUERADE\nCOMMIT$/m);
});

const BACKENDS: Backend[] = ["nft", "legacy"];

test("live patches: the original with the patch applied by iptables-restore --noflush has the fixed file's rules, on both backends", async (t) => {
  if (!requireNetfilter(t)) return;
  let compared = 0;
  for (const { name, original, fixed, patch } of cases) {
    const family = familyOfText(original);
    for (const backend of BACKENDS) {
      await withNamespace("patch", (ns) => {
        const restore = tool("restore", backend, family);
        // Only a ruleset that loads is on a node to patch, and only a fixed one that loads is the goal.
        if (ns.run(restore, [], original).status !== 0) return;
        const patched = ns.run(restore, ["--noflush"], patch);
        const fixedLoads = ns.run(restore, ["--test"], fixed).status === 0;
        if (!fixedLoads) return;
        assert.equal(patched.status, 0, `${name} (${backend}): the patch is refused: ${patched.stderr}\n${patch}`);
        const afterPatch = rulesOf(ns.save(backend, family));
        // Loading the fixed file replaces every table it names, as the original named them.
        ns.restore(backend, family, fixed);
        assert.equal(afterPatch, rulesOf(ns.save(backend, family)), `${name} (${backend}): patched and fixed differ\n${patch}`);
        compared++;
      });
    }
  }
  assert.ok(compared > 40, `${compared} comparisons`);
});
