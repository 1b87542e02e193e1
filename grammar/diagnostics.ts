/**
 * Syntax diagnostics: what the grammar reports, in plain words, with exact positions.
 * Lint rules report findings of the same shape.
 */
import type { Location, Source, SourceRange } from "./ast.js";
import { LexErrorKind, MAX_WORD_LENGTH, MAX_WORDS_PER_LINE, type LexError } from "./lexer.js";
import { LineErrorKind } from "./plan.js";

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** `syntax` for the grammar's own findings, else the lint rule's id. */
  ruleId: string;
  severity: Severity;
  message: string;
  range: SourceRange;
  loc: Location;
}

/** The rule id of every diagnostic the grammar emits. */
export const SYNTAX = "syntax";

export function syntaxError(source: Source, range: SourceRange, message: string): Diagnostic {
  return { ruleId: SYNTAX, severity: "error", message, range, loc: source.locate(range) };
}

/** Quotes a piece of the input for a message, shortened so a 10 MB line stays readable. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `\`${shown.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}\``;
}

export function lexErrorMessage(error: LexError, text: string): string {
  const word = text.slice(error.start, error.end);
  switch (error.kind) {
    case LexErrorKind.UnterminatedQuote:
      return (
        "unterminated quote: the `\"` here is never closed, so iptables-restore takes the rest of " +
        "the line as one argument and the options in it are lost"
      );
    case LexErrorKind.WordTooLong:
      return (
        `argument is ${Buffer.byteLength(word)} bytes long: iptables accepts at most ` +
        `${MAX_WORD_LENGTH} ("Parameter too long!")`
      );
    case LexErrorKind.TooManyWords:
      return (
        `more than ${MAX_WORDS_PER_LINE} arguments on one line: iptables-restore refuses it ` +
        `("Parser cannot handle more arguments")`
      );
    case LexErrorKind.NulByte:
      return "NUL byte: iptables-restore reads lines as C strings and stops reading this line here";
    case LexErrorKind.IndentedHead:
      // iptables-restore looks for `*`, `:`, COMMIT and counters in the line's first column only.
      return `indented ${quote(word)}: iptables-restore takes the line for a command and refuses it`;
    case LexErrorKind.BlanksOnly:
      return "a line of only spaces or tabs: iptables-restore skips empty lines only, and refuses this one (\"no command specified\")";
    case LexErrorKind.MissingValue:
      return `${quote(word)} has no value: iptables takes the next word, ${quote(nextWord(text, error.end))}, as its value and refuses the line`;
    case LexErrorKind.MissingValueAtEnd:
      return `${quote(word)} has no value: iptables refuses the line ("option "${word}" requires an argument")`;
    case LexErrorKind.IndentedComment:
      return (
        "indented comment: only a `#` in the first column starts a comment; iptables-restore reads " +
        "this line as a command and refuses it"
      );
  }
}

/** The word after `from` on its line, as written. */
function nextWord(text: string, from: number): string {
  const rest = /^[ \t]*([^ \t\r\n]*)/.exec(text.slice(from, from + 200));
  return rest ? rest[1] : "";
}

/** A `-j` or `-g` at the end of a line, with no target after it. */
export function targetWithoutNameMessage(option: string): string {
  return `${quote(option)} has no target after it: iptables refuses the line ("option "${option}" requires an argument")`;
}

/** The letter iptables names a command by in its messages (`cmd2char`): `--append` is `-A`. */
const commandLetter = (word: string): string => LONG_COMMANDS[word] ?? word;

const LONG_COMMANDS: Readonly<Record<string, string>> = {
  "--append": "-A", "--insert": "-I", "--delete": "-D", "--replace": "-R", "--new-chain": "-N", "--new": "-N",
  "--delete-chain": "-X", "--flush": "-F", "--zero": "-Z", "--rename-chain": "-E", "--policy": "-P",
  "--check": "-C", "--list": "-L", "--list-rules": "-S",
};

/** A second command on a line: iptables names the new one, then the first. */
export function secondCommandMessage(second: string, first: string): string {
  return `a second command, ${quote(second)}: a line has one, and iptables refuses it ("Cannot use ${commandLetter(second)} with ${commandLetter(first)}")`;
}

export function lineErrorMessage(kind: LineErrorKind, word: string | null): string {
  switch (kind) {
    case LineErrorKind.NotACommand:
      if (word === null) return "empty line";
      return `${quote(word)} is not a command: expected a \`#\` comment, \`*table\`, \`:CHAIN POLICY\`, \`COMMIT\` or \`-A CHAIN ...\``;
    case LineErrorKind.NoCommandAfterCounters:
      return word === null
        ? "counters with no command after them: expected `[packets:bytes] -A CHAIN ...`"
        : `${quote(word)} after the counters is not a command: expected \`[packets:bytes] -A CHAIN ...\``;
    case LineErrorKind.MultipleBangs:
      return "multiple `!` flags: an option can be negated once";
    case LineErrorKind.BangWithoutOption:
      return word === null
        ? "`!` at the end of the line: it must be followed by the option it negates"
        : `\`!\` must be followed by the option it negates, not ${quote(word)}`;
    case LineErrorKind.TextAfterCommit:
      return "COMMIT must stand alone on its line: iptables-restore reads this line as a command and refuses it";
    case LineErrorKind.BangBeforeCommand:
      return "`!` negates an option, not a command: iptables refuses the line (\"unexpected '!' flag\")";
    case LineErrorKind.NoCommand:
      return 'options but no command: a rule line needs one, such as `-A CHAIN` (iptables: "no command specified")';
    case LineErrorKind.MultipleCommands:
      return `a second command, ${quote(word ?? "")}: a line has one, and iptables refuses the line ("Cannot use ...")`;
    case LineErrorKind.MultipleTargets:
      return `a second target (${quote(word ?? "")}): a rule has one \`-j\` or \`-g\`, and iptables refuses the line ("multiple -j flags not allowed")`;
  }
}
