/**
 * Checks shared by the tests of the rules that find what makes iptables refuse a ruleset
 * (target-not-allowed-here, option-needs-protocol, address-family-mismatch, old-negation-syntax,
 * line-ends) and of mark-bit-conflict:
 *
 * - the fixtures against the real iptables, nft and legacy, in a network namespace: every
 *   `invalid-*` fixture with an error finding is refused by both backends (by iptables-legacy
 *   only when its name says `legacy-only`), one with warnings only loads, and every `valid-*`
 *   fixture and every fixed text loads;
 * - the corpus of real dumps: no error finding.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import type { RuleModule } from "../../rules/types.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family, type Namespace } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { check } from "./support.js";


export const checkWith = (rule: RuleModule, text: string, unsafe = false) => check(text, { rules: [rule], unsafe });

/** The built-in chains of the filter table, declared: the start of most test rulesets. */
export const FILTER = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n";

/** The text a finding covers, with its 1-based line and column. */
export function where(text: string, d: { loc: { start: { line: number; column: number; offset: number }; end: { offset: number } } }): string {
  return `${d.loc.start.line}:${d.loc.start.column} ${text.slice(d.loc.start.offset, d.loc.end.offset)}`;
}

export interface Fixture {
  name: string;
  text: string;
  /** The text fixing gives, when a `.fixed` file sits beside it. */
  fixed: string | null;
}

export function fixturesOf(rule: RuleModule): Fixture[] {
  const folder = fromRoot("rules", rule.id, "fixtures");
  return readdirSync(folder)
    .filter((f) => f.endsWith(".rules"))
    .sort()
    .map((name) => {
      const fixedPath = join(folder, name.replace(/\.rules$/, ".fixed"));
      return { name, text: readFileSync(join(folder, name), "utf8"), fixed: existsSync(fixedPath) ? readFileSync(fixedPath, "utf8") : null };
    });
}


/** The family a fixture is for (its header or addresses; IPv4 when nothing tells). */
export const familyOfText = (text: string): Family => modelOf(parse(text)).family()?.family ?? 4;

/** Loads a ruleset for real; the exit status and what the tool said. */
export function load(ns: Namespace, backend: Backend, family: Family, text: string): { status: number | null; said: string } {
  const result = ns.run(tool("restore", backend, family), [], text);
  return { status: result.status, said: `${result.stdout}${result.stderr}`.trim() };
}

export type Expectation = "loads" | "refused" | "legacy refuses" | "nft refuses";

/** What the real iptables should do with a fixture, from its name and the rule's findings. */
export function expectationOf(rule: RuleModule, fixture: Fixture, options: NetfilterCheckOptions = {}): Expectation {
  if (fixture.name.startsWith("valid-")) return "loads";
  if (fixture.name.includes("legacy-only")) return "legacy refuses";
  if (fixture.name.includes("nft-only")) return "nft refuses";
  const findings = checkWith(rule, fixture.text).of(rule.id);
  return findings.some((d) => d.severity === "error" || options.warningsRefused) ? "refused" : "loads";
}

export interface NetfilterCheckOptions {
  /** Each finding quotes iptables (`("unknown option "--x"")` at its end): the refusal must say it. */
  quoted?: boolean;
  /** A warning too means this machine's iptables refuses the fixture (a module a node may add, as xtables-addons do). */
  warningsRefused?: boolean;
}

/** What a finding quotes of iptables: the text inside its last `("...")`. */
export const quotedOf = (message: string): string | null => /\("(.*)"\)[^"]*$/.exec(message)?.[1] ?? null;

/** Every fixture, and every fixed text, against the real iptables of both backends. */
export function fixturesAgainstNetfilter(rule: RuleModule, options: NetfilterCheckOptions = {}): void {
  for (const fixture of fixturesOf(rule)) {
    const expected = expectationOf(rule, fixture, options);
    test(`${rule.id}: ${fixture.name} ${expected === "loads" ? "loads" : expected === "refused" ? "is refused by iptables-restore (nft and legacy)" : expected === "nft refuses" ? "is refused by iptables-nft-restore and loaded by iptables-legacy-restore" : "is refused by iptables-legacy-restore and loaded by iptables-nft-restore"}${fixture.fixed !== null ? "; the fixed text loads" : ""}`, async (t) => {
      if (!requireNetfilter(t)) return;
      const family = familyOfText(fixture.text);
      await withNamespace(rule.id.slice(0, 12), (ns) => {
        for (const backend of ["nft", "legacy"] as Backend[]) {
          const result = load(ns, backend, family, fixture.text);
          const refused = expected === "refused" || (expected === "legacy refuses" && backend === "legacy") || (expected === "nft refuses" && backend === "nft");
          if (refused) {
            assert.notEqual(result.status, 0, `${tool("restore", backend, family)} loaded ${fixture.name}`);
            if (options.quoted) {
              for (const finding of checkWith(rule, fixture.text).of(rule.id)) {
                const quoted = quotedOf(finding.message);
                assert.ok(quoted !== null, `the finding quotes iptables: ${finding.message}`);
                assert.ok(result.said.includes(quoted), `${tool("restore", backend, family)} on ${fixture.name} said ${JSON.stringify(result.said)}, not ${JSON.stringify(quoted)}`);
              }
            }
          }
          else assert.equal(result.status, 0, `${tool("restore", backend, family)} refused ${fixture.name}: ${result.said}`);
          if (fixture.fixed !== null) {
            const fixed = load(ns, backend, family, fixture.fixed);
            assert.equal(fixed.status, 0, `${tool("restore", backend, family)} refused the fixed ${fixture.name}: ${fixed.said}`);
          }
        }
      });
    });
  }
}

/** The corpus files (real dumps), by path relative to the corpus folder. */
export function corpusFiles(): { name: string; text: string }[] {
  const root = fromRoot("test", "fixtures", "corpus");
  const out: { name: string; text: string }[] = [];
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(root, folder.name)).sort()) {
      out.push({ name: `${folder.name}/${file}`, text: readFileSync(join(root, folder.name, file), "utf8") });
    }
  }
  return out;
}

/** No finding of the rule at all on the corpus, warnings included; `why` says what makes that worth a test. */
export function corpusHasNoFindings(rule: RuleModule, why = ""): void {
  test(`${rule.id}: no finding at all on the corpus${why ? ` (${why})` : ""}`, () => {
    for (const file of corpusFiles()) {
      assert.deepEqual(checkWith(rule, file.text).of(rule.id).map((d) => `${d.loc.start.line}: ${d.message}`), [], file.name);
    }
  });
}

/** No error finding of the rule on the corpus (the files `allowed` names excepted). */
export function corpusHasNoErrors(rule: RuleModule, allowed: (name: string) => boolean = () => false): void {
  test(`${rule.id}: no error on the corpus of real dumps (Docker, firewalld, Shorewall, Synology, libvirt, kube-proxy)`, () => {
    for (const file of corpusFiles()) {
      if (allowed(file.name)) continue;
      const errors = checkWith(rule, file.text).of(rule.id).filter((d) => d.severity === "error");
      assert.deepEqual(errors.map((d) => `${d.loc.start.line}: ${d.message}`), [], file.name);
    }
  });
}
