/**
 * A Markdown summary, for a GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`) or a merge
 * request comment: the counts by rule, then the first findings, errors first. The job log and
 * the SARIF report have them all; annotations show only ten of each kind.
 */
import type { Severity } from "../../grammar/index.js";
import type { LintDiagnostic } from "../lint.js";
import { countResults, displayPath, plural, printable, ruleDocsUrl } from "./shared.js";
import type { Formatter } from "./types.js";

/** Findings listed one by one; the counts cover the rest. */
export const MARKDOWN_FINDINGS = 50;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const markdown: Formatter = (results) => {
  const counts = countResults(results);
  const total = counts.error + counts.warning + counts.info;
  const withFindings = results.filter((r) => r.diagnostics.length > 0).length;
  let out = "### iptlint: ";
  if (total === 0) return `${out}no findings in ${plural(results.length, "file")}\n`;
  out += `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")} and ${counts.info} info in ${withFindings} of ${plural(results.length, "file")}\n\n`;

  const byRule = new Map<string, Record<Severity, number>>();
  for (const d of results.flatMap((r) => r.diagnostics)) {
    const row = byRule.get(d.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[d.severity]++;
    byRule.set(d.ruleId, row);
  }
  const rows = [...byRule].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b));
  out += "| rule | errors | warnings | info |\n| :-- | --: | --: | --: |\n";
  for (const [ruleId, row] of rows) out += `| [${codeSpan(ruleId)}](${ruleDocsUrl(ruleId)}) | ${row.error} | ${row.warning} | ${row.info} |\n`;
  out += `| **all** | **${counts.error}** | **${counts.warning}** | **${counts.info}** |\n\n`;

  const findings: { path: string; d: LintDiagnostic }[] = [];
  for (const severity of SEVERITIES) {
    for (const result of results) {
      for (const d of result.diagnostics) if (d.severity === severity) findings.push({ path: displayPath(result), d });
    }
  }
  const listed = findings.slice(0, MARKDOWN_FINDINGS);
  out += listed.length === total ? "| | where | rule | finding |\n" : `The first ${listed.length}, errors first:\n\n| | where | rule | finding |\n`;
  out += "| :-- | :-- | :-- | :-- |\n";
  for (const { path, d } of listed) {
    const where = `${path}:${d.loc.start.line}:${d.loc.start.column}`;
    out += `| ${d.severity} | ${codeSpan(where)} | ${codeSpan(d.ruleId)} | ${cell(d.message)} |\n`;
  }
  if (listed.length < total) out += `\n...and ${plural(total - listed.length, "more finding")}: see the job log or the SARIF report.\n`;
  return out;
};

/** Text as a code span whatever backticks it holds (CommonMark: a longer fence, blanks inside). */
function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/**
 * A message in a table cell. Messages write code between backticks, kept as code spans; the
 * text around them is escaped, so that a `<`, `*` or `[` is shown as it is, never as markup.
 */
function cell(message: string): string {
  return oneLine(message)
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/\|/g, "\\|")
        : part.replace(/[\\*_[\]~|]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    )
    .join("");
}

/** A table row is one line: line ends become blanks, other control characters `\xNN`. */
const oneLine = (text: string): string => printable(text.replace(/\r\n|\r|\n/g, " "));
