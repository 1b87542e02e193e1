/** Running rules and fixes on text, for the rule tests. */
import { parse } from "../../grammar/index.js";
import { applyFixes, type FixResult } from "../../src/fix/apply.js";
import { lintDocument, type LintDiagnostic, type LintOptions } from "../../src/lint.js";

export interface Checked {
  diagnostics: LintDiagnostic[];
  /** The findings of one rule. */
  of(ruleId: string): LintDiagnostic[];
  fixed: FixResult;
}

/** Lints `text` and applies every fix it offers (safe ones; unsafe ones too when asked). */
export function check(text: string, options: LintOptions & { unsafe?: boolean } = {}): Checked {
  const document = parse(text, { filePath: "test.rules" });
  const diagnostics = lintDocument(document, options);
  const fixed = applyFixes(document, diagnostics.flatMap((d) => (d.fix ? [d.fix] : [])), { unsafe: options.unsafe });
  return { diagnostics, of: (id) => diagnostics.filter((d) => d.ruleId === id), fixed };
}
