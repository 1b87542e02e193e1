/**
 * The linting library: text in, findings out. Pure: no files, no output.
 */
import { parse, SYNTAX, type Diagnostic, type Document, type Severity } from "../grammar/index.js";
import { allRules, OTHER_FAMILY_LINE } from "../rules/index.js";
import { modelOf } from "../rules/model/index.js";
import type { ConfiguredFamily } from "../rules/model/index.js";
import type { RulesetModel } from "../rules/model/index.js";
import type { Finding, Fix, NodeContext, NodeRuleset, RuleModule } from "../rules/types.js";
import { unresolved, type ApplyOptions, type FixResult } from "./fix/apply.js";
import { fixUntilStable } from "./fix/fixed-point.js";
import { mergeNode, type FileSettings } from "./config/resolve.js";
import type { LintDiagnostic } from "./builtin-findings.js";
import { applySuppressions } from "./suppress.js";
import { namingUtf16 } from "./utf16.js";

export interface LintOptions {
  /** Named in findings; not read. */
  filePath?: string;
  /**
   * What is known of the node the ruleset comes from (kernel, Kubernetes version). Its
   * fields win over those of `settings.node`, field by field.
   */
  node?: NodeContext;
  /**
   * The address family of the ruleset (4: iptables, 6: ip6tables), over `settings.family` and
   * what the file's header and name say. Without either, the model learns it from the file.
   */
  family?: ConfiguredFamily["family"];
  /** The rules to run; all of them by default. */
  rules?: readonly RuleModule[];
  /**
   * The file's configuration (`resolveSettings`). A rule set to `off` is not run. A rule
   * given a severity has all its findings reported at that severity; a rule not configured
   * keeps the severity it gives each finding. So `masquerade-mark-not-cleared`, which weighs
   * each finding (error with `--random-fully`, warning without, moved by the node's kernel
   * and Kubernetes version), weighs only while it is left out of `rules`: configured as
   * `warning` it never fails a run, as `error` every finding fails it. Messages name facts
   * ("kernel 5.4.41 has the checksum fix"), never a severity, so they stay as they are.
   * `settings.ignored` is not looked at here: leaving a file out is the caller's business.
   */
  settings?: FileSettings;
  /** Apply the `iptlint-disable` comments (default true); false ignores them (`--no-inline-config`). */
  suppressions?: boolean;
  /**
   * The other rulesets of the node this one belongs to (`nodes.ts`: its IPv6 file beside this
   * IPv4 one, the dumps of the other backend), read for the node rules only: their findings
   * are reported when they are linted themselves.
   */
  partners?: readonly NodePartner[];
}

/** Another ruleset of the node: its document, and the family its configuration gives it. */
export interface NodePartner {
  document: Document;
  family?: ConfiguredFamily;
}

export type { LintDiagnostic } from "./builtin-findings.js";

export interface LintResult {
  filePath: string | undefined;
  /** Read from the running node (`iptlint lint --live`), not from a file: `iptlint fix` cannot fix it. */
  live?: boolean;
  /** Findings in source order. */
  diagnostics: LintDiagnostic[];
  document: Document;
  /**
   * The ruleset's size, where `document` cannot tell it: a file linted in a worker thread comes
   * back with a document of its text alone. Otherwise `rulesetSize(document)`.
   */
  size?: RulesetSize;
}

/** How big a ruleset is: its command lines (the `-A` lines of a dump) and its chain declarations. */
export interface RulesetSize {
  rules: number;
  chains: number;
}

export const rulesetSize = (document: Document): RulesetSize => ({
  rules: document.tables.reduce((n, t) => n + t.commandCount, 0),
  chains: document.tables.reduce((n, t) => n + t.chainCount, 0),
});

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const document = parse(text, { filePath: options.filePath });
  return { filePath: options.filePath, diagnostics: lintDocument(document, options), document };
}

/** Runs the rules on a parsed document; syntax errors come first in each line's findings. */
export function lintDocument(document: Document, options: LintOptions = {}): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [...namingUtf16(document)];
  const settings = options.settings;
  const node = mergeNode(settings?.node, options.node);
  const rules = options.rules ?? allRules;
  const family = options.family !== undefined ? { family: options.family, because: `it is linted as IPv${options.family}` } : settings?.family;
  const model = modelOf(document, { family });
  // A rule set to `off` is not run; any other configured severity replaces its findings' own.
  // A text the parser did not read as a ruleset (a template, a binary file: one syntax error, no
  // lines) has nothing for a rule to read; rules that search the text itself would find words
  // on lines that do not exist.
  const unread = document.text.length > 0 && document.source.lexed.lineCount === 0;
  const running = unread ? [] : rules.filter((rule) => settings?.rules.get(rule.id)?.severity !== "off");
  const reporter = (rule: RuleModule) => (finding: Finding) => {
    diagnostics.push({
      ruleId: rule.id,
      severity: (settings?.rules.get(rule.id)?.severity as Severity | undefined) ?? finding.severity ?? rule.severity,
      message: finding.message,
      range: finding.range,
      loc: document.source.locate(finding.range),
      ...(finding.fix ? { fix: { ...finding.fix, ruleId: rule.id } } : {}),
    });
  };
  for (const rule of running) {
    rule.check({ document, model, node, options: settings?.rules.get(rule.id)?.options, report: reporter(rule) });
  }
  const nodeRules = running.filter((rule) => rule.checkNode !== undefined);
  const rulesets = nodeRules.length > 0 && options.partners?.length ? nodeRulesets(model, options.partners) : null;
  if (rulesets !== null) {
    const self = rulesets[0];
    for (const rule of nodeRules) {
      const report = reporter(rule);
      // A finding in a partner's text is reported when that partner is linted with this one as its partner.
      const keep = (ruleset: NodeRuleset, finding: Finding) => (ruleset === self ? report(finding) : undefined);
      rule.checkNode!({ rulesets, self, node, options: settings?.rules.get(rule.id)?.options, report: keep });
    }
  }
  dropSkippedLines(diagnostics, model.skippedLines());
  diagnostics.sort((a, b) => a.range.start - b.range.start);
  if (options.suppressions === false) return diagnostics;
  // A suppression may name any rule, including one left out of `rules` for this run.
  const knownRules = [...new Set([...allRules, ...rules].map((r) => r.id))];
  return applySuppressions(document, diagnostics, {
    reportUnused: settings?.reportUnusedSuppressions,
    knownRules,
  });
}

/**
 * The node's rulesets, this one first, each with its family; null when this one's family is not
 * known or no partner's is: a node rule compares families, and says nothing without them.
 */
function nodeRulesets(model: RulesetModel, partners: readonly NodePartner[]): NodeRuleset[] | null {
  const rulesetOf = (of: RulesetModel): NodeRuleset | null => {
    const family = of.family()?.family;
    return family === undefined ? null : { document: of.document, model: of, family, backend: of.backend() };
  };
  const self = rulesetOf(model);
  if (self === null) return null;
  const others = partners.map((p) => rulesetOf(modelOf(p.document, { family: p.family }))).filter((r): r is NodeRuleset => r !== null);
  return others.length === 0 ? null : [self, ...others];
}

/**
 * Lint, apply the fixes, lint what is left, and again while fixes apply (`fixUntilStable`: a
 * fix left out for overlapping another is applied in the next pass). The first lint runs only
 * the rules that can propose a fix; each later one runs every rule, so the last is also what is
 * left to report. When one pass fixes all, that is one full lint and a part of another, as
 * without the later passes. Nothing applied: the full lint is of the same document, whose
 * shared passes are already made.
 */
export function lintAndFix(document: Document, options: LintOptions & ApplyOptions): { result: FixResult; diagnostics: LintDiagnostic[]; stable: boolean } {
  const found = lintDocument(document, { ...options, rules: fixingRules(options) });
  const { result, findings, stable } = fixUntilStable(document, found, (fixed) => lintDocument(fixed, options), options);
  return { result, diagnostics: findings ?? lintDocument(document, options), stable };
}

/**
 * Fixes a document whose findings (every rule's) are known, until no fix applies, without
 * linting the fixed text more than that needs: only after a pass that left a fix out for
 * overlapping another, and only the rules that can propose a fix. For output that is not
 * linted again (`fix --emit`): `left` are the findings of the original that the fixes leave,
 * where they are in it (`unresolved`).
 */
export function fixFound(
  document: Document,
  found: readonly LintDiagnostic[],
  options: LintOptions & ApplyOptions,
): { result: FixResult; stable: boolean; left: LintDiagnostic[] } {
  const rules = fixingRules(options);
  const lintAgain = (fixed: Document) => lintDocument(fixed, { ...options, rules });
  const { result, stable, findings } = fixUntilStable(document, found, lintAgain, { ...options, onlyAfterOverlaps: true });
  // After several passes, which findings are left is read from the fixed text (`unresolved`).
  const relinted = result.passes > 1 ? { findings: findings ?? lintAgain(result.document), rules: new Set(rules.map((r) => r.id)) } : undefined;
  return { result, stable, left: unresolved(found, result, relinted) };
}

const fixingRules = (options: LintOptions): RuleModule[] => (options.rules ?? allRules).filter((rule) => rule.fixable !== false);

/**
 * A line the restore tool of the ruleset's family skips (`-4` in an ip6tables ruleset) is no rule
 * of it: the rules' findings there are dropped, but for syntax errors and the one rule that says
 * the line is skipped.
 */
function dropSkippedLines(diagnostics: LintDiagnostic[], skipped: readonly number[]): void {
  if (skipped.length === 0) return;
  const lines = new Set(skipped);
  let kept = 0;
  for (const d of diagnostics) {
    if (d.ruleId === SYNTAX || d.ruleId === OTHER_FAMILY_LINE || !lines.has(d.loc.start.line - 1)) diagnostics[kept++] = d;
  }
  diagnostics.length = kept;
}



export const errorCount = (result: LintResult): number =>
  result.diagnostics.filter((d) => d.severity === "error").length;
