/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request,
 * `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message` (`::warning`,
 * and `::notice` for info). Paths are relative to the working directory, the repository
 * checkout in a workflow.
 *
 * GitHub shows only the first ten annotations of each kind in a step, so errors come first, and
 * a notice says how many findings of each kind were not shown, and where to find them all.
 */
import type { Severity } from "../../grammar/index.js";
import type { LintDiagnostic } from "../lint.js";
import { plural, printable, relativePath } from "./shared.js";
import type { Formatter } from "./types.js";

/** Annotations of each kind (error, warning, notice) GitHub shows for one step; it drops the rest. */
export const ANNOTATIONS_PER_KIND = 10;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const NAMES: Record<Severity, string> = { error: "error", warning: "warning", info: "info finding" };

const COMMANDS: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * The runner's escaping of a command's message (`escapeData` in @actions/core); other control
 * characters are shown as `\xNN`, so that none reaches the log as it is.
 */
const escapeData = (text: string): string =>
  printable(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));

/** The runner's escaping of a property value (`escapeProperty` in @actions/core). */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const github: Formatter = (results, context) => {
  const commands: Record<Severity, string[]> = { error: [], warning: [], info: [] };
  for (const result of results) {
    const file = escapeProperty(relativePath(result, context.cwd));
    for (const d of result.diagnostics) commands[d.severity].push(command(file, d));
  }
  // The notice about what is left out is itself a notice: it goes before the findings' notices,
  // so that it is always among the ten shown.
  const notice = commands.info.length > ANNOTATIONS_PER_KIND || commands.error.length > ANNOTATIONS_PER_KIND || commands.warning.length > ANNOTATIONS_PER_KIND;
  const shown: Record<Severity, number> = { error: ANNOTATIONS_PER_KIND, warning: ANNOTATIONS_PER_KIND, info: ANNOTATIONS_PER_KIND - (notice ? 1 : 0) };
  let out = [...commands.error, ...commands.warning].join("");
  if (notice) {
    const hidden = SEVERITIES.filter((s) => commands[s].length > shown[s]).map((s) => plural(commands[s].length - shown[s], `more ${NAMES[s]}`));
    const list = hidden.length === 1 ? hidden[0] : `${hidden.slice(0, -1).join(", ")} and ${hidden.at(-1)}`;
    out +=
      `::notice title=iptlint::${escapeData(`...and ${list} not shown as annotations (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step): ` +
        "see the job summary or the SARIF report")}\n`;
  }
  return out + commands.info.join("");
};

function command(file: string, d: LintDiagnostic): string {
  const { start, end } = d.loc;
  let properties = `file=${file},line=${start.line}`;
  // GitHub keeps columns only for an annotation on one line, and refuses them otherwise.
  if (start.line === end.line) properties += `,col=${start.column}`;
  properties += `,endLine=${end.line}`;
  if (start.line === end.line) properties += `,endColumn=${end.column}`;
  return `::${COMMANDS[d.severity]} ${properties},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}\n`;
}
