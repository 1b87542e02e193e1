/**
 * The default report: findings grouped by file, `line:column  severity  message  rule`,
 * then a summary line (the layout ESLint's stylish formatter made familiar).
 */
import type { LintResult } from "../lint.js";

export function formatStylish(results: LintResult[]): string {
  let out = "";
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out += `${result.filePath ?? "<text>"}\n`;
    const rows = result.diagnostics.map((d) => [`${d.loc.start.line}:${d.loc.start.column}`, d.severity, d.message, d.ruleId]);
    const positionWidth = Math.max(...rows.map((r) => r[0].length));
    const severityWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [position, severity, message, ruleId] of rows) {
      out += `  ${position.padEnd(positionWidth)}  ${severity.padEnd(severityWidth)}  ${message}  ${ruleId}\n`;
    }
    out += "\n";
    for (const d of result.diagnostics) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
      else infos++;
    }
  }
  const problems = errors + warnings + infos;
  if (problems === 0) return "";
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  out += `✖ ${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  out += infos ? `, ${plural(infos, "info")})\n` : ")\n";
  return out;
}
