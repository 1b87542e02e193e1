/** Fixing text in one call: lint, apply the fixes, lint what is left. Pure. */
import { parse } from "../../grammar/index.js";
import type { Fix } from "../../rules/types.js";
import { lintAndFix, type LintDiagnostic, type LintOptions } from "../lint.js";
import { applyFixes, type FixResult, type SkippedFix } from "./apply.js";

export interface FixTextOptions extends LintOptions {
  /** Apply unsafe fixes too. */
  unsafe?: boolean;
}

export interface FixTextResult {
  /** The fixed text (the input itself when nothing was applied). */
  output: string;
  applied: Fix[];
  skipped: SkippedFix[];
  /** What is left to see to after fixing. */
  diagnostics: LintDiagnostic[];
  /** The full result, for `unifiedDiff`, `livePatch` and `restoreText`. */
  result: FixResult;
}

export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const document = parse(text, { filePath: options.filePath });
  const { result, diagnostics } = lintAndFix(document, options, (fixes) => applyFixes(document, fixes, { unsafe: options.unsafe }));
  return { output: result.output, applied: result.applied, skipped: result.skipped, diagnostics, result };
}
