/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request,
 * `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message` (`::warning`,
 * and `::notice` for info). Paths are relative to the working directory, the repository
 * checkout in a workflow.
 */
import type { Severity } from "../../grammar/index.js";
import { printable, relativePath } from "./shared.js";
import type { Formatter } from "./types.js";

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
  let out = "";
  for (const result of results) {
    const file = escapeProperty(relativePath(result, context.cwd));
    for (const d of result.diagnostics) {
      const { start, end } = d.loc;
      let properties = `file=${file},line=${start.line}`;
      // GitHub keeps columns only for an annotation on one line, and refuses them otherwise.
      if (start.line === end.line) properties += `,col=${start.column}`;
      properties += `,endLine=${end.line}`;
      if (start.line === end.line) properties += `,endColumn=${end.column}`;
      out += `::${COMMANDS[d.severity]} ${properties},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}\n`;
    }
  }
  return out;
};
