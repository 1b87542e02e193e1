/**
 * JUnit XML, for CI servers that show test reports (GitLab's `artifacts:reports:junit`,
 * Jenkins, Azure Pipelines): a `<testsuite>` per file and a failed `<testcase>` per finding, its
 * text giving the exact range; a clean file gets one passing testcase, so it shows as passed.
 */
import type { LintDiagnostic } from "../lint.js";
import { XML_DECLARATION, countResults, displayPath, xmlEscape } from "./shared.js";
import type { Formatter } from "./types.js";

function testcase(file: string, d: LintDiagnostic): string {
  const { start, end } = d.loc;
  const where = `${file}:${start.line}:${start.column}-${end.line}:${end.column}`;
  let detail = `${where}: ${d.severity}: ${d.message} [${d.ruleId}]${d.fix ? `\nfix (${d.fix.applicability}): ${d.fix.title}` : ""}`;
  for (const t of d.trace ?? []) {
    detail += `\noutcome: ${t.outcome}`;
    for (const c of t.conditions) detail += `\n  if ${c}`;
    for (const s of t.path) detail += `\n  ${s.filePath}:${s.line} ${s.table}/${s.chain}${s.target === null ? "" : ` -> ${s.target}`}`;
  }
  return (
    `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${start.line}:${start.column} ${d.ruleId}`)}" time="0">\n` +
    `      <failure type="${d.severity}" message="${xmlEscape(d.message)}">${xmlEscape(detail)}</failure>\n` +
    "    </testcase>\n"
  );
}

export const junit: Formatter = (results) => {
  const total = countResults(results);
  const failures = total.error + total.warning + total.info;
  // A clean file counts as one passing test.
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  let out = `${XML_DECLARATION}<testsuites name="iptlint" tests="${tests}" failures="${failures}" errors="0" time="0">\n`;
  for (const result of results) {
    const file = displayPath(result);
    const count = result.diagnostics.length;
    out += `  <testsuite name="${xmlEscape(file)}" tests="${Math.max(1, count)}" failures="${count}" errors="0" skipped="0" time="0">\n`;
    if (count === 0) out += `    <testcase classname="${xmlEscape(file)}" name="iptlint" time="0"/>\n`;
    for (const d of result.diagnostics) out += testcase(file, d);
    out += "  </testsuite>\n";
  }
  return `${out}</testsuites>\n`;
};
