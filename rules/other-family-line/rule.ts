/**
 * other-family-line: a line with `-4` in an ip6tables ruleset, or `-6` in an iptables one. The
 * restore tool of the ruleset's family skips it (iptables(8)), so it is not linted as a rule of
 * that family either. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { FAMILY_OPTIONS as FLAGS } from "../netfilter/index.js";
import type { RuleModule } from "../types.js";

export const OTHER_FAMILY_LINE = "other-family-line";

export const otherFamilyLine: RuleModule = {
  id: OTHER_FAMILY_LINE,
  description: "a `-4` line in an ip6tables ruleset, or a `-6` line in an iptables one: its restore tool skips the line",
  severity: "info",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const skipped = model.skippedLines();
    if (skipped.length === 0) return;
    // A family guessed from the addresses may be of a file meant for both tools, which is what `-4` and `-6` are for.
    const evidence = model.family();
    if (evidence === null || !evidence.declared) return;
    const tool = evidence.family === 6 ? "ip6tables-restore" : "iptables-restore";
    for (const index of skipped) {
      const line = document.line(index);
      if (line.kind !== "command") continue;
      const flag = flagOf(line, evidence.family === 6 ? 4 : 6);
      if (flag === null) continue;
      context.report({
        range: flag.range,
        message: `\`${flag.text}\`: ${tool} skips this line, so it is no rule of this ruleset (${evidence.because}); only the IPv${FLAGS[flag.name]} tool loads it`,
      });
    }
  },
};

/** The line's first `-4`/`--ipv4` (or `-6`/`--ipv6`) option. */
function flagOf(line: CommandLine, family: 4 | 6): { name: string; text: string; range: { start: number; end: number } } | null {
  const view = line.view;
  for (let i = 0; i < view.count; i++) {
    const name = view.name(i);
    if (FLAGS[name] === family) return { name, text: view.written(i), range: view.range(i) };
  }
  return null;
}
