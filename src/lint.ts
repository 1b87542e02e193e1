/**
 * The linting library: text in, findings out. Pure: no files, no output.
 */
import { parse, type Diagnostic, type Document } from "../grammar/index.js";

export interface LintOptions {
  /** Named in findings; not read. */
  filePath?: string;
}

export interface LintResult {
  filePath: string | undefined;
  /** Findings in source order. */
  diagnostics: Diagnostic[];
  document: Document;
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const document = parse(text, { filePath: options.filePath });
  return { filePath: options.filePath, diagnostics: document.diagnostics, document };
}

export const errorCount = (result: LintResult): number =>
  result.diagnostics.filter((d) => d.severity === "error").length;
