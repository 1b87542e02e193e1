/**
 * The linting library: text in, findings out. Pure: no files, no output.
 */
import { parse, type Diagnostic, type Document } from "../grammar/index.js";
import { allRules } from "../rules/index.js";
import { modelOf } from "../rules/model/index.js";
import type { ConfiguredFamily } from "../rules/model/index.js";
import type { Finding, Fix, NodeContext, RuleModule } from "../rules/types.js";
import { mergeNode, type FileSettings } from "./config/resolve.js";
import type { LintDiagnostic } from "./builtin-findings.js";
import { applySuppressions } from "./suppress.js";

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
   * `warning` it never fails a run, as `error` every finding fails it. When that replaces a
   * severity the rule chose itself, the message says so, since it may speak of the rule's own
   * choice ("Lowered to a warning: ...").
   * `settings.ignored` is not looked at here: leaving a file out is the caller's business.
   */
  settings?: FileSettings;
  /** Apply the `iptlint-disable` comments (default true); false ignores them (`--no-inline-config`). */
  suppressions?: boolean;
}

export type { LintDiagnostic } from "./builtin-findings.js";

export interface LintResult {
  filePath: string | undefined;
  /** Findings in source order. */
  diagnostics: LintDiagnostic[];
  document: Document;
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const document = parse(text, { filePath: options.filePath });
  return { filePath: options.filePath, diagnostics: lintDocument(document, options), document };
}

/** Runs the rules on a parsed document; syntax errors come first in each line's findings. */
export function lintDocument(document: Document, options: LintOptions = {}): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [...document.diagnostics];
  const settings = options.settings;
  const node = mergeNode(settings?.node, options.node);
  const rules = options.rules ?? allRules;
  const family = options.family !== undefined ? { family: options.family, because: `it is linted as IPv${options.family}` } : settings?.family;
  const model = modelOf(document, { family });
  for (const rule of rules) {
    const setting = settings?.rules.get(rule.id);
    const configured = setting?.severity;
    if (configured === "off") continue;
    const context = {
      document,
      model,
      node,
      options: setting?.options,
      report(finding: Finding) {
        let severity = finding.severity ?? rule.severity;
        let message = finding.message;
        if (configured) {
          if (finding.severity !== undefined && finding.severity !== configured) {
            message += ` (Reported as ${article(configured)}: the configuration sets ${rule.id} to ${configured}.)`;
          }
          severity = configured;
        }
        diagnostics.push({
          ruleId: rule.id,
          severity,
          message,
          range: finding.range,
          loc: document.source.locate(finding.range),
          ...(finding.fix ? { fix: { ...finding.fix, ruleId: rule.id } } : {}),
        });
      },
    };
    rule.check(context);
  }
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
 * Lint, apply the fixes, lint what is left: the first lint runs only the rules that can
 * propose a fix (every finding that is left is found by the second), so fixing costs one full
 * lint and a part of another. Nothing applied: the second lint is of the same document, whose
 * shared passes are already made.
 */
export function lintAndFix<T extends { applied: readonly unknown[]; document: Document }>(
  document: Document,
  options: LintOptions,
  apply: (fixes: Fix[]) => T,
): { result: T; diagnostics: LintDiagnostic[] } {
  const fixing = (options.rules ?? allRules).filter((rule) => rule.fixable !== false);
  const found = lintDocument(document, { ...options, rules: fixing });
  const result = apply(found.flatMap((d) => (d.fix ? [d.fix] : [])));
  return { result, diagnostics: lintDocument(result.document, options) };
}

const article = (severity: string): string => (severity === "error" || severity === "info" ? `an ${severity}` : `a ${severity}`);

export const errorCount = (result: LintResult): number =>
  result.diagnostics.filter((d) => d.severity === "error").length;
