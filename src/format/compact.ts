/**
 * One line per finding, `file:line:column: severity: message [rule-id]`: the gcc layout that
 * editors (Vim's errorformat, Emacs' compilation mode) and CI problem matchers read, as
 * ShellCheck's `gcc` format prints it. The position is where the finding starts.
 */
import { displayPath, printable } from "./shared.js";
import type { Formatter } from "./types.js";

export const compact: Formatter = (results) => {
  let out = "";
  for (const result of results) {
    const file = printable(displayPath(result));
    for (const d of result.diagnostics) {
      out += `${file}:${d.loc.start.line}:${d.loc.start.column}: ${d.severity}: ${printable(d.message)} [${d.ruleId}]\n`;
    }
  }
  return out;
};
