/**
 * unterminated-quote: a `"` never closed on a rule's line. iptables takes the rest of the line,
 * its line end included, as one word: most options then refuse the value (`-j "ACCEPT` is the
 * target `ACCEPT\n`), and free text (`--comment "ssh -j ACCEPT`) loads with the line end in it,
 * so the rule loses the words after the quote and the node's iptables-save prints a dump that
 * iptables-restore refuses. See README.md beside this file.
 */
import type { CommandLine } from "../../grammar/index.js";
import { FREE_TEXT_OPTIONS } from "../netfilter/index.js";
import { shownWord as shown } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "unterminated-quote";


export const unterminatedQuote: RuleModule = {
  id: ID,
  description: "a `\"` never closed on a rule's line: iptables takes the rest of the line and its line end as one value, refused by most options and unrestorable once saved in free text",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    for (const quote of document.openQuotes) {
      const index = document.source.positionAt(quote.start).line - 1;
      // A declaration's or table's extra words are not read: a quote there changes nothing.
      if (document.kindOf(index) !== "command") continue;
      const line = document.line(index) as CommandLine;
      const rest = document.text.slice(quote.start, quote.end).trimEnd();
      const option = optionOf(line, quote.start);
      const message =
        option !== null && FREE_TEXT_OPTIONS.has(option)
          ? `\`${shown(rest)}\` is never closed: \`${option}\` takes the rest of the line and its line end, so iptables-save prints a dump iptables-restore refuses`
          : `\`${shown(rest)}\` is never closed: iptables takes the rest of the line and its line end as one value, and refuses the line`;
      context.report({ range: { start: quote.start, end: quote.start + rest.length }, message });
    }
  },
};

/** The option whose value holds the offset `at` (a quote in its values, or after the `=` of `--comment="x`), or null. */
function optionOf(line: CommandLine, at: number): string | null {
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const range = view.range(i);
    if (at < range.start || at >= range.end) continue;
    const option = view.optionRange(i);
    if (at >= option.end) return view.name(i);
    const equals = text.indexOf("=", option.start);
    if (equals !== -1 && equals < at) return view.name(i);
  }
  return null;
}
