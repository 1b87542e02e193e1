/**
 * The JSON report: one object per file, in the order given, with every finding's exact start
 * and end and its fix. The shape is stable and described by json-output.schema.json beside this
 * file; a change to it is a breaking change.
 */
import type { Applicability } from "../../rules/types.js";
import type { PacketTrace } from "../builtin-findings.js";
import type { Severity } from "../../grammar/index.js";
import { countDiagnostics, displayPath, spanOf, type Span } from "./shared.js";
import type { Formatter } from "./types.js";

/** One replacement of the original text: `[start, end)` (UTF-16 offsets) becomes `text`. */
export interface JsonEdit extends Span {
  start: number;
  end: number;
  text: string;
}

export interface JsonFix {
  title: string;
  applicability: Applicability;
  edits: JsonEdit[];
}

/** Lines and columns are 1-based; `endColumn` is the column after the last character. */
export interface JsonMessage extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  fix?: JsonFix;
  /** A failed packet assertion (`iptlint test`): each outcome it failed in, with every rule its packet matched. */
  trace?: PacketTrace[];
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Messages that carry a fix, safe or unsafe. */
  fixableCount: number;
}

export const json: Formatter = (results) => {
  const report: JsonResult[] = results.map((result) => {
    const source = result.document.source;
    const counts = countDiagnostics(result.diagnostics);
    return {
      filePath: displayPath(result),
      messages: result.diagnostics.map((d): JsonMessage => {
        const message: JsonMessage = {
          ruleId: d.ruleId,
          severity: d.severity,
          message: d.message,
          ...spanOf(d.loc.start, d.loc.end),
        };
        if (d.fix) {
          message.fix = {
            title: d.fix.title,
            applicability: d.fix.applicability,
            edits: d.fix.edits.map((e) => ({
              start: e.start,
              end: e.end,
              text: e.text,
              ...spanOf(source.positionAt(e.start), source.positionAt(e.end)),
            })),
          };
        }
        if (d.trace) message.trace = d.trace;
        return message;
      }),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
      fixableCount: counts.fixable,
    };
  });
  return `${JSON.stringify(report, null, 2)}\n`;
};
