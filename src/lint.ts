/**
 * The linting library: text in, findings out. Pure: no files, no output.
 */
import { parse, type Diagnostic, type Document } from "../grammar/index.js";
import { allRules } from "../rules/index.js";
import type { Finding, Fix, NodeContext, RuleModule } from "../rules/types.js";

export interface LintOptions {
  /** Named in findings; not read. */
  filePath?: string;
  /** What is known of the node the ruleset comes from (kernel, Kubernetes version). */
  node?: NodeContext;
  /** The rules to run; all of them by default. */
  rules?: readonly RuleModule[];
}

/** A finding: a syntax error or a rule's report, with its fix when it has one. */
export interface LintDiagnostic extends Diagnostic {
  fix?: Fix;
}

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
  for (const rule of options.rules ?? allRules) {
    rule.check({
      document,
      node: options.node ?? {},
      report(finding: Finding) {
        diagnostics.push({
          ruleId: rule.id,
          severity: finding.severity ?? rule.severity,
          message: finding.message,
          range: finding.range,
          loc: document.source.locate(finding.range),
          ...(finding.fix ? { fix: { ...finding.fix, ruleId: rule.id } } : {}),
        });
      },
    });
  }
  return diagnostics.sort((a, b) => a.range.start - b.range.start);
}

export const errorCount = (result: LintResult): number =>
  result.diagnostics.filter((d) => d.severity === "error").length;
