/**
 * Prints a document from its AST, line by line and word by word.
 *
 * `preserve` keeps the input's layout: the text between words, line ends and comments as
 * written, so a file iptables-save printed comes back byte for byte. `compact` writes the
 * layout iptables-save uses (one space between words, `\n` line ends, a final newline);
 * the canonical form (iptables-save's option order and quoting) grows from it.
 */
import type { CommandLine, LineNode, SourceNode } from "./ast.js";
import type { Document } from "./to-ast.js";

export type PrintStyle = "preserve" | "compact";

export interface PrintOptions {
  style?: PrintStyle;
}

export function print(document: Document, options: PrintOptions = {}): string {
  const style = options.style ?? "preserve";
  const parts: string[] = [];
  for (const line of document.lines) {
    const printed = printLine(line, style);
    parts.push(printed, style === "compact" ? compactEol(printed) : line.eol);
  }
  return parts.join("");
}

/**
 * `\n`, except after a line that ends in a CR (a word like `Y\r`): there `\n` would read back
 * as a CRLF line end and lose the CR, so the line ends in `\r\n`.
 */
const compactEol = (printed: string): string => (printed.endsWith("\r") ? "\r\n" : "\n");

/** One line without its end of line. */
export function printLine(line: LineNode, style: PrintStyle): string {
  const text = line.source.text;
  switch (line.kind) {
    case "blank":
      return style === "compact" ? "" : line.text;
    case "comment":
    case "invalid":
      return style === "compact" ? line.text.trimEnd() : line.text;
    case "table":
      return joinWords([line.header, ...line.extra], line, style, text);
    case "chain": {
      const words: SourceNode[] = [line.header];
      if (line.policyWord) words.push(line.policyWord);
      if (line.counters) words.push(line.counters);
      return joinWords([...words, ...line.extra], line, style, text);
    }
    case "commit":
      return joinWords([line.word], line, style, text);
    case "command":
      return joinWords(commandWords(line), line, style, text);
  }
}

/** The words of a command in AST order: counters, command, arguments, then each option. */
function commandWords(line: CommandLine): SourceNode[] {
  const words: SourceNode[] = [];
  if (line.plan.counters !== -1) words.push(line.words.word(line.plan.counters));
  words.push(line.commandWord, ...line.positional);
  for (const element of line.elements) {
    if (element.bang && !element.intrapositioned) words.push(element.bang);
    words.push(element.optionWord);
    if (element.bang && element.intrapositioned) words.push(element.bang);
    // An inline `--name=value` value is part of the option word.
    const option = element.optionWord.range;
    for (const value of element.values) {
      if (value.range.start < option.start || value.range.end > option.end) words.push(value);
    }
  }
  return words;
}

function joinWords(words: SourceNode[], line: LineNode, style: PrintStyle, text: string): string {
  if (style === "compact") return words.map((w) => w.text).join(" ");
  let out = "";
  let at = line.range.start;
  for (const word of words) {
    // The text between words as written: spaces, tabs, or nothing after a closing quote.
    out += text.slice(at, word.range.start) + word.text;
    at = word.range.end;
  }
  return out + text.slice(at, line.range.end);
}
