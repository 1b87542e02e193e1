/**
 * The default report: findings grouped by file, `line:column  severity  message  rule`, then a
 * summary line, how many findings `iptlint fix` can fix (the layout ESLint's stylish formatter
 * made familiar), and once, where to read more: `iptlint explain RULE`.
 *
 * Colours are plain SGR codes, not node:util's styleText: in Node 20 styleText checks
 * process.stdout and NO_COLOR itself, so a report would depend on where it is printed instead
 * of on `context.color` (which the CLI decides per stream), and it is missing before 20.12.
 */
import type { Severity } from "../../grammar/index.js";
import type { PacketTrace } from "../builtin-findings.js";
import type { LintResult } from "../lint.js";
import { countResults, displayPath, plural, printable, type Counts } from "./shared.js";
import type { Formatter } from "./types.js";

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  severity: Record<Severity, Paint>;
  /** The summary line: the colour of the worst severity found. */
  summary: Record<Severity, Paint>;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

const red = sgr(31, 39);
const yellow = sgr(33, 39);
const blue = sgr(34, 39);
const bold = sgr(1, 22);

const COLOURS: Palette = {
  bold,
  dim: sgr(2, 22),
  severity: { error: red, warning: yellow, info: blue },
  summary: { error: (t) => bold(red(t)), warning: (t) => bold(yellow(t)), info: (t) => bold(blue(t)) },
};

const NO_COLOURS: Palette = {
  bold: plain,
  dim: plain,
  severity: { error: plain, warning: plain, info: plain },
  summary: { error: plain, warning: plain, info: plain },
};

function render(results: readonly LintResult[], palette: Palette): string {
  let out = "";
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out += `${palette.bold(printable(displayPath(result)))}\n`;
    const rows = result.diagnostics.map((d) => ({
      position: `${d.loc.start.line}:${d.loc.start.column}`,
      severity: d.severity,
      message: printable(d.message),
      ruleId: d.ruleId,
      trace: d.trace,
    }));
    // A reduce, not Math.max(...): a binary file can have more findings than a call has arguments.
    const positionWidth = rows.reduce((width, r) => Math.max(width, r.position.length), 0);
    const severityWidth = rows.reduce((width, r) => Math.max(width, r.severity.length), 0);
    for (const row of rows) {
      // Padded outside the colour codes, so that columns line up with and without colour.
      const severity = palette.severity[row.severity](row.severity) + " ".repeat(severityWidth - row.severity.length);
      out += `  ${row.position.padEnd(positionWidth)}  ${severity}  ${row.message}  ${palette.dim(row.ruleId)}\n`;
      if (row.trace !== undefined) out += traceLines(row.trace, palette);
    }
    out += "\n";
  }
  const counts = countResults(results);
  const problems = counts.error + counts.warning + counts.info;
  if (problems === 0) return "";
  const worst: Severity = counts.error ? "error" : counts.warning ? "warning" : "info";
  let summary = `✖ ${plural(problems, "problem")} (${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}`;
  summary += counts.info ? `, ${plural(counts.info, "info")})` : ")";
  out += `${palette.summary[worst](summary)}\n`;
  const fixable = fixableLine(counts);
  if (fixable) out += `  ${fixable}\n`;
  // Messages say what is wrong in a sentence; the why and the fix are in the rule's README.
  const example = results.find((r) => r.diagnostics.length > 0)!.diagnostics[0].ruleId;
  out += `  ${palette.dim(`Why it matters and how to fix it: \`iptlint explain RULE\` (e.g. \`iptlint explain ${example}\`)`)}\n`;
  return out;
}

/** A failed packet assertion's outcomes, each with the rules its packet matched, under the finding. */
function traceLines(traces: readonly PacketTrace[], palette: Palette): string {
  let out = "";
  for (const t of traces) {
    out += `      ${palette.dim(`outcome: ${printable(t.outcome)}`)}\n`;
    for (const c of t.conditions) out += `      ${palette.dim(`  if ${printable(c)}`)}\n`;
    for (const s of t.path) out += `      ${palette.dim(`  ${printable(s.filePath)}:${s.line} ${s.table}/${s.chain}${s.target === null ? "" : ` -> ${s.target}`}`)}\n`;
  }
  return out;
}

/** How many findings `iptlint fix` fixes; unsafe fixes need `--unsafe-fixes`, so they are told apart. */
function fixableLine({ safeFixable, fixable }: Counts): string | null {
  const unsafe = fixable - safeFixable;
  if (safeFixable === 0) return unsafe === 0 ? null : `${unsafe} fixable with \`iptlint fix --unsafe-fixes\``;
  const more = unsafe === 0 ? "" : `, ${unsafe} more with \`iptlint fix --unsafe-fixes\``;
  return `${safeFixable} fixable with \`iptlint fix\`${more}`;
}

/** The stylish report, coloured when `context.color` says so. */
export const stylish: Formatter = (results, context) => render(results, context.color ? COLOURS : NO_COLOURS);

/** The stylish report without colour (the library's original entry point). */
export const formatStylish = (results: readonly LintResult[]): string => render(results, NO_COLOURS);
