/**
 * comment-after-rule: `# text` after a rule. `#` starts a comment only at the start of a line;
 * after a rule it is one more argument, and iptables refuses the line ("Bad argument `#'").
 * The unsafe fix moves the text to a comment line of its own. See README.md beside this file.
 */
import { decodeWord, optionValueCount, type CommandLine, type Document } from "../../grammar/index.js";
import { NEW_LINE_END, shownWord } from "../report/index.js";
import type { RuleModule } from "../types.js";

const ID = "comment-after-rule";

export const commentAfterRule: RuleModule = {
  id: ID,
  description: "`# text` after a rule: `#` starts a comment only at the start of a line, so iptables refuses the line (\"Bad argument `#'\")",
  severity: "error",
  fixable: "unsafe",
  check(context) {
    const { document } = context;
    for (const index of linesWithInnerHash(document)) {
      if (document.kindOf(index) !== "command") continue;
      const line = document.line(index) as CommandLine;
      const at = strayHash(line);
      if (at === null) continue;
      const { start } = at;
      const end = line.range.end;
      const comment = document.text.slice(start, end).trimEnd();
      // Back to the end of the word before, so that the rule keeps no trailing blanks.
      let cut = start;
      while (cut > line.range.start && (document.text[cut - 1] === " " || document.text[cut - 1] === "\t")) cut--;
      context.report({
        range: { start, end: start + comment.length },
        message: `\`${shownWord(comment)}\` is not a comment: \`#\` starts one only at the start of a line, and iptables refuses the line ("Bad argument \`${at.word}'")`,
        fix: {
          title: "move the text after `#` to a comment line of its own, above the rule",
          applicability: "unsafe",
          edits: [
            { start: line.range.start, end: line.range.start, text: comment + NEW_LINE_END },
            { start: cut, end, text: "" },
          ],
        },
      });
    }
  },
};

/** The lines with a word that starts with `#` after the first word: a blank then `#` (read in one pass over the text). */
function linesWithInnerHash(document: Document): number[] {
  const { text, source } = document;
  const lines: number[] = [];
  for (let at = text.indexOf("#"); at !== -1; at = text.indexOf("#", at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x22 /* a quoted "#..." */) continue;
    const line = source.positionAt(at).line - 1;
    if (lines[lines.length - 1] !== line) lines.push(line);
    // The rest of this line is one finding at most.
    at = source.lexed.lineStarts[line + 1] - 1;
  }
  return lines;
}

/**
 * The first word of the line that starts with `#` and that no option or command takes as its
 * value: where iptables says "Bad argument". Only for options whose number of values is known
 * (`--comment #1` is a comment; an option iptables has no table for may take the word).
 */
function strayHash(line: CommandLine): { start: number; word: string } | null {
  const isHash = (raw: string) => decodeWord(raw).startsWith("#");
  // The command's arguments: a chain and a rule number, or a chain and a name or policy (`-E`, `-P`).
  const named = line.command === "rename-chain" || line.command === "policy";
  const positional = line.positional;
  for (let k = named ? 2 : 1; k < positional.length; k++) {
    if (isHash(positional[k].raw)) return { start: positional[k].range.start, word: decodeWord(positional[k].raw) };
  }
  const view = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const count = optionValueCount(view.name(i));
    if (count === null) continue;
    // `--name=value` holds its first value in the option word.
    const written = text.slice(view.optionRange(i).start, view.optionRange(i).end);
    const own = Math.max(0, count - (written.startsWith("--") && written.includes("=") ? 1 : 0));
    for (let k = own, range = view.valueRange(i, k); range !== null; range = view.valueRange(i, ++k)) {
      const raw = text.slice(range.start, range.end);
      if (isHash(raw)) return { start: range.start, word: decodeWord(raw) };
    }
  }
  return null;
}
