/** Fixing text in one call: lint, apply the fixes, again until none applies, lint what is left. Pure. */
import { parse } from "../../grammar/index.js";
import type { Fix } from "../../rules/types.js";
import { lintAndFix, type LintDiagnostic, type LintOptions } from "../lint.js";
import type { FixResult, SkippedFix } from "./apply.js";

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
  /** How many passes of lint and apply changed the text (at most MAX_FIX_PASSES). */
  passes: number;
  /** False when the last pass still left fixes to apply (fixes that undo each other). */
  stable: boolean;
  /** The full result, for `unifiedDiff`, `livePatch` and `restoreText`. */
  result: FixResult;
}

export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const document = parse(text, { filePath: options.filePath });
  const { result, diagnostics, stable } = lintAndFix(document, options);
  return { output: result.output, applied: result.applied, skipped: result.skipped, diagnostics, passes: result.passes, stable, result };
}
