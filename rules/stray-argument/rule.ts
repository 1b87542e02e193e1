/**
 * stray-argument: a word in a rule that no option takes: `-s 10.0.0.1 10.0.0.2`, `--dport 22 23`,
 * `-j ACCEPT extra`, or `ACCEPT` in `-i -j ACCEPT`, where `-i` took `-j` as its value. getopt
 * hands such a word to iptables as a lone argument, and iptables refuses the line ("Bad
 * argument"). See README.md beside this file.
 *
 * Only options whose number of words is known are read (optionValueCount: iptables' own, and an
 * extension's that takes one word, or two: `--tcp-flags SYN,ACK SYN`); a `#` word is
 * comment-after-rule's, `[unsupported revision]` dump-unsupported-revision's.
 */
import { decodeWord, optionValueCount, type CommandLine, type LineView, type SourceRange } from "../../grammar/index.js";
import { linesWithWordRuns } from "../model/index.js";
import type { RuleModule } from "../types.js";

const ID = "stray-argument";

export const strayArgument: RuleModule = {
  id: ID,
  description: "a word no option takes (`-s 10.0.0.1 10.0.0.2`, `-j ACCEPT extra`, `-i -j ACCEPT`): iptables refuses the line (\"Bad argument\")",
  severity: "error",
  fixable: false,
  check(context) {
    const { document } = context;
    for (const n of linesWithWordRuns(document)) {
      const line = document.line(n);
      if (line.kind !== "command") continue;
      const stray = firstStray(line);
      if (stray === null) continue;
      const { option, taken, word, range } = stray;
      const tookOption = taken.length === 1 && /^-/.test(taken[0]) && !/^-\d/.test(taken[0]);
      const message = tookOption
        ? `\`${option}\` takes \`${taken[0]}\` as its value, which leaves \`${word}\` to no option: iptables refuses the line ("Bad argument \`${word}'")`
        : `\`${word}\` follows \`${[option, ...taken].join(" ")}\`, and ${option} takes ${words(taken.length)}: iptables refuses the line ("Bad argument \`${word}'")`;
      context.report({ range, message });
    }
  },
};

const words = (count: number): string => (count === 0 ? "no value" : count === 1 ? "one word" : `${count} words`);

interface Stray {
  option: string;
  /** The words the option took. */
  taken: string[];
  /** The first word it did not take, as iptables sees it (quotes removed). */
  word: string;
  range: SourceRange;
}

/** The first word of the line's options that its option does not take, when the option's number of words is known. */
function firstStray(line: CommandLine): Stray | null {
  const view: LineView = line.view;
  const text = line.source.text;
  for (let i = 0; i < view.count; i++) {
    const option = view.name(i);
    const count = optionValueCount(option);
    if (count === null) continue;
    const values = view.values(i);
    // `--name=value` holds its first value in the option word.
    const written = text.slice(view.optionRange(i).start, view.optionRange(i).end);
    const inline = written.startsWith("--") && written.includes("=") ? 1 : 0;
    const own = Math.max(0, count - inline);
    if (values.length <= own) continue;
    const range = view.valueRange(i, own);
    if (range === null) continue;
    const word = decodeWord(text.slice(range.start, range.end));
    if (word.startsWith("#") || word.startsWith("[unsupported")) return null;
    return { option, taken: values.slice(0, own), word, range };
  }
  return null;
}
