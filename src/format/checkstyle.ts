/**
 * Checkstyle XML, the report Jenkins (warnings-ng), reviewdog and many CI servers read:
 * a `<file>` per linted file (clean ones too, so they can be counted) and an `<error>` per
 * finding with its start line and column, severity and `source="iptlint.<rule>"`.
 */
import { XML_DECLARATION, displayPath, xmlEscape } from "./shared.js";
import type { Formatter } from "./types.js";

export const checkstyle: Formatter = (results) => {
  let out = `${XML_DECLARATION}<checkstyle version="4.3">\n`;
  for (const result of results) {
    const errors = result.diagnostics.map(
      (d) =>
        `    <error line="${d.loc.start.line}" column="${d.loc.start.column}" severity="${d.severity}" ` +
        `message="${xmlEscape(d.message)}" source="iptlint.${xmlEscape(d.ruleId)}"/>\n`,
    );
    const name = xmlEscape(displayPath(result));
    out += errors.length === 0 ? `  <file name="${name}"/>\n` : `  <file name="${name}">\n${errors.join("")}  </file>\n`;
  }
  return `${out}</checkstyle>\n`;
};
