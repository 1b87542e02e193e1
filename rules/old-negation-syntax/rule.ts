/**
 * old-negation-syntax: `-s ! 10.0.0.0/8`, the negation of iptables <= 1.4.3, which iptables
 * 1.4.12 and later refuse. The fix moves the `!` before the option, as iptables-save has
 * printed it since 1.4.4. See README.md beside this file.
 */
import type { LineView } from "../../grammar/index.js";
import type { RuleModule, TextEdit } from "../types.js";

const ID = "old-negation-syntax";

export const oldNegationSyntax: RuleModule = {
  id: ID,
  description: "the old negation `-s ! x` of iptables <= 1.4.3, which iptables >= 1.4.12 refuses (fix: `! -s x`)",
  severity: "error",
  fixable: "safe",
  check(context) {
    const text = context.document.text;
    for (const line of context.model.lines.withLateBang()) {
      const view = line.view;
      if (!hasLateBang(view)) continue;
      const edits: TextEdit[] = [];
      const spelled: string[] = [];
      let first = -1;
      for (let i = 0; i < view.count; i++) {
        if (!view.lateBang(i)) continue;
        if (first === -1) first = i;
        const option = view.optionRange(i);
        const bang = view.bangRange(i)!;
        // Remove `! ` (the `!` and the blanks after it, or before it when nothing follows).
        let from = bang.start;
        let to = bang.end;
        while (to < text.length && (text[to] === " " || text[to] === "\t")) to++;
        if (view.valueRange(i) === null) {
          to = bang.end;
          while (from > option.end && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
        }
        edits.push({ start: option.start, end: option.start, text: "! " }, { start: from, end: to, text: "" });
        spelled.push(text.slice(view.range(i).start, view.range(i).end));
      }
      const what = spelled.length === 1 ? `\`${spelled[0]}\`` : spelled.map((s) => `\`${s}\``).join(", ");
      context.report({
        range: view.range(first),
        message: `${what} ${spelled.length === 1 ? "puts" : "put"} \`!\` after the option, so iptables >= 1.4.12 refuses the line (${refusal(view.name(first), view.value(first))})`,
        fix: { title: "move `!` before the option", applicability: "safe", edits, ruleId: ID },
      });
    }
  },
};

/** Whether an element of the line has its `!` after the option (from the parse). */
function hasLateBang(view: LineView): boolean {
  for (let i = 0; i < view.count; i++) if (view.lateBang(i)) return true;
  return false;
}

/** What iptables 1.8 says, measured. */
function refusal(option: string, value: string | null): string {
  switch (option) {
    case "-s":
    case "--source":
    case "--src":
    case "-d":
    case "--destination":
    case "--dst":
    case "-i":
    case "--in-interface":
    case "-o":
    case "--out-interface":
      return `"Bad argument \`${value ?? ""}'"`;
    case "-p":
    case "--protocol":
      return `"unknown protocol "!" specified"`;
    default:
      return "its match reads `!` as the option's value";
  }
}
