/**
 * Every rule line of a rule's fixtures and README examples against the real iptables, one line
 * at a time (the file's tables, chains and COMMITs kept, its other rule lines left out), with
 * both backends and the family the file is for (both when nothing tells): a line with an error
 * finding of the rule is refused, saying what the finding quotes (in every family when the file's
 * is not known); every other line loads (in one family at least when it is not known). A
 * finding that says iptables-nft loads the line (`legacy-only`) expects a refusal from
 * iptables-legacy only.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import type { RuleModule } from "../../rules/types.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, load, quotedOf } from "./load-checks.js";

/** The fixtures (`.rules` and `.fixed`) and README examples of a rule, by name. */
export function inputsOf(rule: RuleModule): { name: string; text: string }[] {
  const folder = fromRoot("rules", rule.id);
  const inputs = readdirSync(join(folder, "fixtures"))
    .filter((f) => /\.(rules|fixed)$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, "fixtures", name), "utf8") }));
  let n = 0;
  for (const m of readFileSync(join(folder, "README.md"), "utf8").matchAll(/^```iptables (invalid|valid|fixed|unsafe-fixed)\n([\s\S]*?)^```$/gm)) {
    inputs.push({ name: `README example ${++n} (${m[1]})`, text: m[2] });
  }
  return inputs;
}

const RULE_LINE = /^\s*(?:\[\d+:\d+\]\s+)?-[AI]\s/;

export function linesAgainstNetfilter(rule: RuleModule, options: { label?: string } = {}): void {
  for (const input of inputsOf(rule)) {
    test(`${rule.id}: each rule line of ${input.name} is refused by iptables (nft and legacy) exactly when it is an error, with the quoted words`, async (t) => {
      if (!requireNetfilter(t)) return;
      const lines = input.text.split("\n");
      const family = modelOf(parse(input.text)).family()?.family ?? null;
      const families: Family[] = family === null ? [4, 6] : [family];
      const findings = checkWith(rule, input.text).of(rule.id);
      await withNamespace(options.label ?? rule.id.slice(0, 12), (ns) => {
        lines.forEach((line, k) => {
          if (!RULE_LINE.test(line)) return;
          const alone = lines.filter((other, j) => j === k || !RULE_LINE.test(other)).join("\n");
          const here = findings.filter((d) => d.loc.start.line === k + 1);
          const errors = here.filter((d) => d.severity === "error");
          const legacyOnly = errors.length > 0 && errors.every((d) => /iptables-nft(?:, which wrote this dump,)? loads it/.test(d.message));
          const loadedIn = new Set<string>();
          const refusals: string[] = [];
          for (const f of families) {
            for (const backend of ["nft", "legacy"] as Backend[]) {
              const result = load(ns, backend, f, alone);
              const refused = errors.length > 0 && (!legacyOnly || backend === "legacy");
              const what = `${tool("restore", backend, f)} on ${input.name} line ${k + 1} (${line.trim()})`;
              if (!refused) {
                if (result.status === 0) loadedIn.add(`${f}`);
                else refusals.push(`${what} refused: ${result.said}`);
                continue;
              }
              assert.notEqual(result.status, 0, `${what} loaded`);
              const quoted = errors.map((d) => quotedOf(d.message)).filter((q) => q !== null);
              if (quoted.length > 0) assert.ok(quoted.some((q) => result.said.includes(q!)), `${what} said ${JSON.stringify(result.said)}, not ${JSON.stringify(quoted)}`);
            }
          }
          // A line that is not refused loads with both backends, in the file's family or, when that is not known, in one.
          const wanted = errors.length === 0 || legacyOnly;
          if (wanted) {
            const loadsSomewhere = families.some((f) => refusals.every((r) => !r.startsWith(tool("restore", "nft", f)) && !r.startsWith(tool("restore", "legacy", f))));
            assert.ok(loadsSomewhere && loadedIn.size > 0, refusals.join("\n"));
          }
        });
      });
    });
  }
}
