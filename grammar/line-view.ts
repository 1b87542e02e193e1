/**
 * The one fast reader of a command line: its elements (`!`, option, late `!`, values) and its
 * target, read straight from the lexer's token arrays. `CommandLine.elements` and
 * `CommandLine.target` build nodes on top of it; the rules' model reads every line of a dump
 * with it and makes no node at all: a 10,000-service kube-proxy dump has a quarter of a million
 * lines, and building the rule of one line in ten costs more than the whole lint run may.
 */
import { decodeWord, type LexedText } from "./lexer.js";
import type { LinePlan } from "./plan.js";
import { ownOptionName, TokenCode } from "./tokens.js";

/** Half-open UTF-16 offsets into the text (the AST's `SourceRange`). */
interface Range {
  start: number;
  end: number;
}

/** What an option is to iptables itself; everything else belongs to a match or target. */
export type OptionRole = "command" | "generic" | "match" | "jump" | "goto" | "counters" | "table" | "module";

export type TargetKind = "jump" | "goto";

/** What a line view reads: a command line of the AST (`CommandLine`), or the same facts. */
export interface ViewedLine {
  readonly source: { readonly text: string; readonly lexed: LexedText };
  /** 0-based line number. */
  readonly index: number;
  readonly plan: LinePlan;
}

/** Where a rule's target name is written: after `-j `, `-g `, or inside `--jump=NAME`. */
export interface TargetSpan {
  kind: TargetKind;
  /** Offsets of the name in the text (without `--jump=`). */
  start: number;
  end: number;
  /** The name has a `"`: its value is the decoded word. */
  quoted: boolean;
  /**
   * For a name inside the option word (`--goto=NAME`), where the option word starts, else -1:
   * iptables removes the word's quotes before getopt splits it at `=` (`"--goto=A\"B"` is `A"B`).
   */
  optionStart: number;
}

/**
 * The target of line `line` (0-based): the last `-j NAME`, `-g NAME` or `--jump=NAME` of its
 * tokens, or null when it has none or the option has no name after it. Read from the token
 * codes alone, without the line's plan: a `-j` or `-g` takes the next word whatever it looks
 * like (`lexer.ts`), so the token after it, when there is one, is its name. A line iptables
 * loads has at most one target (`multiple -j flags not allowed`) and never a `-j` without a
 * name (`option "-j" requires an argument`): both are syntax errors (`to-ast.ts`).
 *
 * `into` is filled and returned, so that a loop over every line of a dump makes no object.
 */
export function readTarget(lexed: LexedText, line: number, into: TargetSpan = { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 }): TargetSpan | null {
  const first = lexed.firstTokens[line];
  const last = lexed.firstTokens[line + 1];
  const { codes, starts, ends } = lexed.tokens;
  for (let t = last - 1; t >= first; t--) {
    const code = codes[t];
    if (code !== TokenCode.JumpOption && code !== TokenCode.GotoOption) continue;
    into.kind = code === TokenCode.GotoOption ? "goto" : "jump";
    const optionStart = starts[t];
    const optionEnd = ends[t];
    // `-j`, `-g`, `--jump` and `--goto` have no `=`; `--jump=NAME` (or a quoted option word) may.
    if (optionEnd - optionStart > 6) {
      const text = lexed.text;
      let equals = optionStart;
      while (equals < optionEnd && text.charCodeAt(equals) !== 0x3d /* = */) equals++;
      if (equals < optionEnd) {
        into.start = equals + 1;
        into.end = optionEnd;
        into.quoted = text.slice(optionStart, optionEnd).includes('"');
        into.optionStart = optionStart;
        return into;
      }
    }
    if (t + 1 < last && (codes[t + 1] === TokenCode.Word || codes[t + 1] === TokenCode.QuotedWord)) {
      into.start = starts[t + 1];
      into.end = ends[t + 1];
      into.quoted = codes[t + 1] === TokenCode.QuotedWord;
      into.optionStart = -1;
      return into;
    }
    return null;
  }
  return null;
}

/** The name a target span gives, as iptables sees it. */
export function targetName(text: string, span: TargetSpan): string {
  if (!span.quoted) return text.slice(span.start, span.end);
  if (span.optionStart === -1) return decodeWord(text.slice(span.start, span.end));
  return inlineValue(decodeWord(text.slice(span.optionStart, span.end))) ?? "";
}

/**
 * The value of a long option written `--name=value`, from the option word as iptables sees it
 * (quotes removed first: getopt splits the word iptables gives it), or null when it has none.
 */
export function inlineValue(word: string): string | null {
  if (!word.startsWith("--")) return null;
  const equals = word.indexOf("=");
  return equals === -1 ? null : word.slice(equals + 1);
}

const ROLES: Partial<Record<TokenCode, OptionRole>> = {
  [TokenCode.GenericOption]: "generic",
  [TokenCode.MatchOption]: "match",
  [TokenCode.JumpOption]: "jump",
  [TokenCode.GotoOption]: "goto",
  [TokenCode.SetCountersOption]: "counters",
  [TokenCode.TableOption]: "table",
  [TokenCode.ModuleOption]: "module",
};

/** What an option is to iptables itself, by its token code (`command` for `-A` and the like). */
export const roleOfCode = (code: TokenCode): OptionRole => ROLES[code] ?? "command";

/**
 * A command line's options read from the tokens: the same elements as `CommandLine.elements`
 * (`!` before, option, `!` after, values), without an object per option.
 */
export class LineView {
  readonly count: number;
  private readonly first: number;
  private readonly e: Int32Array;
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly codes: Uint8Array;

  constructor(readonly line: ViewedLine) {
    const { lexed } = line.source;
    this.first = lexed.firstTokens[line.index];
    this.e = line.plan.elements;
    this.count = this.e.length >> 2;
    this.text = line.source.text;
    this.starts = lexed.tokens.starts;
    this.ends = lexed.tokens.ends;
    this.codes = lexed.tokens.codes;
  }

  private optionToken(i: number): number {
    return this.first + this.e[i * 4 + 1];
  }

  /** What element `i`'s option is: generic (`-s`, `-p`, ...), match (`-m`), jump, goto, counters, table, module. */
  role(i: number): OptionRole {
    return roleOfCode(this.codes[this.optionToken(i)]);
  }

  /** Element `i` is the target: `-j` or `-g`. */
  isTarget(i: number): boolean {
    const code = this.codes[this.optionToken(i)];
    return code === TokenCode.JumpOption || code === TokenCode.GotoOption;
  }

  /**
   * The option's spelling as iptables sees it, without an inline `=value`; for getopt's
   * abbreviation of iptables' own option, the option it stands for (`--proto`: `--protocol`).
   */
  name(i: number): string {
    const t = this.optionToken(i);
    let word = this.text.slice(this.starts[t], this.ends[t]);
    if (word.includes('"')) word = decodeWord(word);
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    const name = equals === -1 ? word : word.slice(0, equals);
    return this.codes[t] !== TokenCode.ModuleOption && name.startsWith("--") ? ownOptionName(name) : name;
  }

  /**
   * The option word as getopt reports it when it refuses it ("unknown option "--dport=22""):
   * quotes removed, an inline `=value` kept, an abbreviation as written.
   */
  word(i: number): string {
    const t = this.optionToken(i);
    const word = this.text.slice(this.starts[t], this.ends[t]);
    return word.includes('"') ? decodeWord(word) : word;
  }

  /** Whether the option's name is exactly `name` (cheap: compares in place). */
  is(i: number, name: string): boolean {
    const t = this.optionToken(i);
    const start = this.starts[t];
    const end = this.ends[t];
    if (end - start === name.length) return this.text.startsWith(name, start);
    // `--name=value` or a quoted option word: the slow path.
    if (end - start > name.length) return this.name(i) === name;
    // An abbreviation of iptables' own option (`--proto`), quoted or not.
    return this.codes[t] !== TokenCode.ModuleOption && name.startsWith("--") && this.name(i) === name;
  }

  /** `!` before the option, or after it (the old form). */
  negated(i: number): boolean {
    return this.e[i * 4] !== -1 || this.e[i * 4 + 2] !== -1;
  }

  /** The `!` came after the option (`-s ! x`). */
  lateBang(i: number): boolean {
    return this.e[i * 4 + 2] !== -1;
  }

  /** The option's values as iptables sees them (an inline `--name=value` first). */
  values(i: number): string[] {
    const out: string[] = [];
    const inline = this.valueInOptionWord(i);
    if (inline !== null) out.push(inline);
    const [from, to] = this.valueTokens(i);
    for (let k = from; k < to; k++) out.push(decodeWord(this.text.slice(this.starts[k], this.ends[k])));
    return out;
  }

  /** The first value, or null: `values(i)[0]`, without making the list (the packet walk reads a value of every option of 80,000 rules). */
  value(i: number): string | null {
    const inline = this.valueInOptionWord(i);
    if (inline !== null) return inline;
    const [from, to] = this.valueTokens(i);
    return from < to ? decodeWord(this.text.slice(this.starts[from], this.ends[from])) : null;
  }

  /**
   * Where the first value's word starts in the source text, when it is a word of its own after
   * the option (no `--name=value`), else -1 (then read value()). Its raw text: a quoted word is
   * not decoded. With valueEnd, a reader can read the value in place, making no string.
   */
  valueStart(i: number): number {
    const from = this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1;
    if (from >= this.first + this.e[i * 4 + 3]) return -1;
    const t = this.optionToken(i);
    for (let k = this.starts[t]; k < this.ends[t]; k++) if (this.text.charCodeAt(k) === 0x3d /* = */) return -1;
    return this.starts[from];
  }

  /** Where the first value's word ends, when valueStart gives its start. */
  valueEnd(i: number): number {
    return this.ends[this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1];
  }

  /**
   * The option word right after element `i`'s option when `i` has no value (`--to-destination
   * --random`), as iptables sees it; else null. getopt gives that word to `i` when `i` requires
   * a value, whatever it looks like.
   */
  optionTakenAsValue(i: number): string | null {
    if (i + 1 >= this.count || this.e[i * 4 + 2] !== -1 || this.e[(i + 1) * 4] !== -1 || this.valueInOptionWord(i) !== null) return null;
    const [from, to] = this.valueTokens(i);
    const next = this.optionToken(i + 1);
    if (from < to || next !== this.optionToken(i) + 1) return null;
    return decodeWord(this.text.slice(this.starts[next], this.ends[next]));
  }

  /** The value inside the option word (`--name=value`), or null; the word is sliced only when it has a `=`. */
  private valueInOptionWord(i: number): string | null {
    const t = this.optionToken(i);
    const start = this.starts[t];
    const end = this.ends[t];
    for (let k = start; k < end; k++) if (this.text.charCodeAt(k) === 0x3d /* = */) return inlineValue(decodeWord(this.text.slice(start, end)));
    return null;
  }

  /** The tokens of the values after the option word (after a late `!`): `[from, to)`. */
  private valueTokens(i: number): [number, number] {
    return [this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1, this.first + this.e[i * 4 + 3]];
  }

  /** The range of the option word. */
  optionRange(i: number): Range {
    const t = this.optionToken(i);
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** The range of the whole element: `!`, option and values. */
  range(i: number): Range {
    const bang = this.e[i * 4];
    const option = this.e[i * 4 + 1];
    const late = this.e[i * 4 + 2];
    const end = this.e[i * 4 + 3];
    const firstToken = this.first + (bang !== -1 ? bang : option);
    const lastToken = this.first + Math.max(end - 1, option, late);
    return { start: this.starts[firstToken], end: this.ends[lastToken] };
  }

  /** The element as written: `! -o eth0`. */
  written(i: number): string {
    const { start, end } = this.range(i);
    return this.text.slice(start, end);
  }

  /** The range of the `!` of element `i` (before or after the option), or null. */
  bangRange(i: number): Range | null {
    const bang = this.e[i * 4] !== -1 ? this.e[i * 4] : this.e[i * 4 + 2];
    if (bang === -1) return null;
    const t = this.first + bang;
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** The range of value `k` of element `i` written as its own word, or null. */
  valueRange(i: number, k = 0): Range | null {
    const from = this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1;
    const t = from + k;
    if (t >= this.first + this.e[i * 4 + 3]) return null;
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** Index of the last `-j`/`-g` element, or -1. */
  targetIndex(): number {
    for (let i = this.count - 1; i >= 0; i--) if (this.isTarget(i)) return i;
    return -1;
  }
}
