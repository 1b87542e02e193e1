/**
 * Prints a document from its AST, line by line and word by word.
 *
 * `preserve` keeps the input's layout: the text between words, line ends and comments as
 * written, so a file iptables-save printed comes back byte for byte. `compact` writes the
 * layout iptables-save uses (one space between words, `\n` line ends, a final newline);
 * the canonical form (iptables-save's option order and quoting) grows from it.
 */
import type { CommandLine, LineNode, SourceNode } from "./ast.js";
import { optionArity } from "./tokens.js";
import type { Document } from "./to-ast.js";

export type PrintStyle = "preserve" | "compact";

export interface PrintOptions {
  style?: PrintStyle;
}

export function print(document: Document, options: PrintOptions = {}): string {
  const style = options.style ?? "preserve";
  // A text the parser read no line of (a binary file, a template: one syntax error) prints back
  // as it is, in either style: there is nothing read to lay out again.
  if (document.source.lexed.lineCount === 0) return document.text;
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
      return joinWords(commandWords(line, style), line, style, text);
  }
}

/**
 * The words of a command: as written for `preserve`; for `compact`, the counters, the command
 * and its arguments first, then the other words in their order, as iptables-save writes a rule
 * (iptables reads options in any order, so `-p tcp -A FORWARD --dport 22` is
 * `-A FORWARD -p tcp --dport 22`; the options keep their order among themselves).
 */
function commandWords(line: CommandLine, style: PrintStyle): SourceNode[] {
  const words = line.words;
  const all = words.words(0, words.count);
  if (style !== "compact") return all;
  const { plan } = line;
  const first = plan.counters === 0 ? 1 : 0;
  // A command short of its arguments (`-s x -A`) would take the next option as one: keep it where it is.
  const arity = optionArity.get(line.commandWord.value) ?? 0;
  if (plan.head === first || plan.positionalEnd - plan.head - 1 < arity) return all;
  // A quote left open takes the rest of the line: its word must stay last (`-p tcp -A "X`).
  if (opensQuote(all[all.length - 1].text)) return all;
  // A `!` is an option's value only before another option (`-d ! -A X`): moved to the end, it would negate.
  if (all[plan.head - 1].text === "!") return all;
  return [...all.slice(0, first), ...all.slice(plan.head, plan.positionalEnd), ...all.slice(first, plan.head), ...all.slice(plan.positionalEnd)];
}

/** Whether a word as written leaves a quote open (the lexer's reading: `\` escapes inside quotes). */
function opensQuote(word: string): boolean {
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (quoted && c === 0x5c /* \ */) i++;
    else if (c === 0x22 /* " */) quoted = !quoted;
  }
  return quoted;
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
