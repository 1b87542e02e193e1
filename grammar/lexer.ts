/**
 * Splits a ruleset into lines and each line into words exactly as iptables-restore does
 * (`add_param_to_argv` in iptables' xshared.c):
 *
 * - words are separated by spaces and tabs (runs collapse); nothing else separates;
 * - only double quotes quote, and a quote may open in the middle of a word (`abc"d e"`);
 * - inside quotes a backslash escapes the next character; outside quotes it is literal;
 * - a closing quote ends the word (`"abc"def` is two words) and `""` is an empty word;
 * - a word may hold at most 1023 bytes and a line at most 251 words ("Parameter too long!",
 *   "Parser cannot handle more arguments": measured with iptables 1.8.9).
 *
 * Lines whose first character is `#` are comments and blank lines are skipped, as
 * iptables-restore does; the first word of a line decides its kind (`*table`, `:CHAIN`,
 * `COMMIT`, `[p:b]` counters).
 *
 * Tokens are kept lean, in typed arrays (start, end, code) rather than one object per token:
 * a 10,000-service kube-proxy dump has 2.6 million of them.
 */
import { EXTENSION_OPTIONS } from "./option-arguments.js";
import { PackedFlag, PROTOCOL_MATCH_NAMES, TokenCode, extensionSpellings, gluedOptionTable, longOptionCode, ownOptionName, shortOptionTable } from "./tokens.js";

/** Longest word iptables accepts (its buffer is 1024 bytes with the terminating NUL). */
export const MAX_WORD_LENGTH = 1023;
/** Most words iptables-restore accepts on one line (MAX_ARGC less its own argv[0], -t, table). */
export const MAX_WORDS_PER_LINE = 251;
// The same, for lexLine: V8 reads an exported constant through a cell, checked on every word,
// but inlines a module's own.
const WORD_LENGTH_LIMIT = MAX_WORD_LENGTH;
const WORDS_PER_LINE_LIMIT = MAX_WORDS_PER_LINE;

export const enum LineKind {
  Blank,
  Comment,
  /** A line made of words: a table header, chain declaration, COMMIT or command. */
  Words,
}

export const enum LexErrorKind {
  UnterminatedQuote,
  WordTooLong,
  TooManyWords,
  NulByte,
  IndentedComment,
  /** `*table`, `:CHAIN`, `COMMIT` or `[p:b]` after leading blanks. */
  IndentedHead,
  /** A line of spaces and tabs only: iptables-restore skips only empty lines. */
  BlanksOnly,
  /**
   * An option that takes a value followed by another option (`--dport -j ACCEPT`): getopt gives
   * the option the next word as its value, whatever it looks like, and the line is refused
   * (nothing takes `ACCEPT`, or `-s` gets no address). The error's range is the option.
   */
  MissingValue,
  /** An option that takes a value at the end of the line ("option "--dport" requires an argument"). */
  MissingValueAtEnd,
}

export interface LexError {
  kind: LexErrorKind;
  /** Zero-based line index. */
  line: number;
  start: number;
  end: number;
}

/** Growable struct-of-arrays storage for tokens. */
export class TokenStore {
  starts: Int32Array;
  ends: Int32Array;
  codes: Uint8Array;
  count = 0;

  /** `spare`: memory no one else uses, to keep the starts and ends in (see `LexOptions.spareMemory`). */
  constructor(capacity: number, spare?: ArrayBuffer) {
    // The offsets take 8 bytes a token, and a text's estimate is a token per 8 characters: the
    // bytes a text was decoded from hold them (short of the estimate's margin of 64 tokens); the
    // codes, a byte a token, get their own.
    const fits = spare === undefined ? 0 : Math.floor(spare.byteLength / 8);
    const inSpare = fits >= 64 && fits >= capacity - 64;
    const size = inSpare ? Math.min(capacity, fits) : Math.max(capacity, 64);
    if (inSpare) {
      this.starts = new Int32Array(spare!, 0, size);
      this.ends = new Int32Array(spare!, size * 4, size);
    } else {
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
    }
    this.codes = new Uint8Array(size);
  }

  push(start: number, end: number, code: TokenCode): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.codes[this.count] = code;
    this.count++;
  }

  /** Appends old tokens `from .. to - 1`, their offsets shifted by `delta` (a block copy, not a push each). */
  appendShifted(old: TokenStore, from: number, to: number, delta: number): void {
    const count = to - from;
    while (this.count + count > this.starts.length) this.grow();
    const at = this.count;
    this.starts.set(old.starts.subarray(from, to), at);
    this.ends.set(old.ends.subarray(from, to), at);
    this.codes.set(old.codes.subarray(from, to), at);
    if (delta !== 0) shift(this.starts, at, at + count, delta), shift(this.ends, at, at + count, delta);
    this.count += count;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const codes = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    codes.set(this.codes);
    this.starts = starts;
    this.ends = ends;
    this.codes = codes;
  }
}

function shift(array: Int32Array, from: number, to: number, delta: number): void {
  for (let i = from; i < to; i++) array[i] += delta;
}

/** Growable Int32Array. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(capacity, 16));
  }
  /** Appends `values[from, to)` plus `delta` each. */
  appendShifted(values: Int32Array, from: number, to: number, delta: number): void {
    const count = to - from;
    if (this.length + count > this.data.length) {
      const data = new Int32Array(Math.max(this.data.length * 2, this.length + count));
      data.set(this.data);
      this.data = data;
    }
    this.data.set(values.subarray(from, to), this.length);
    if (delta !== 0) shift(this.data, this.length, this.length + count, delta);
    this.length += count;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** The whole text split into lines and tokens. Line indexes are zero-based. */
export interface LexedText {
  text: string;
  lineCount: number;
  /** Offset of each line's first character; `lineStarts[lineCount]` is `text.length`. */
  lineStarts: Int32Array;
  /** Offset just after each line's content, before its `\r\n` or `\n`. */
  contentEnds: Int32Array;
  lineKinds: Int32Array;
  /** Index of each line's first token; `firstTokens[lineCount]` is the token count. */
  firstTokens: Int32Array;
  tokens: TokenStore;
  errors: LexError[];
}

/** U+FEFF: iptables-restore does not skip it; the lexer does, so that the rest still parses. */
export const BYTE_ORDER_MARK = 0xfeff;

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const NUL = 0;

/** UTF-8 length of a UTF-16 code unit (a surrogate pair counts 2 + 2). */
const utf8Length = (c: number): number =>
  c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;

const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * Whether a `!` that ends at `after` negates what follows: a word follows it on the line, and
 * not one that looks like an option (`-x`, `--name`). Before an option or at the end of the line,
 * an option that takes a value is given the `!` as its value, as getopt gives it.
 */
function bangNegatesNext(text: string, after: number, end: number): boolean {
  const j = afterBlanks(text, after, end);
  if (j >= end) return false;
  if (j + 1 >= end || text.charCodeAt(j) !== 0x2d /* - */) return true;
  const c1 = text.charCodeAt(j + 1);
  return !(isLetter(c1) || (c1 === 0x2d && j + 2 < end && isLetter(text.charCodeAt(j + 2))));
}

export interface LexOptions {
  /**
   * Memory the caller will not use again, such as the bytes the text was decoded from: the
   * tokens' offsets are kept in it when it holds the text's estimate (8 bytes a token, a token
   * per 8 characters; more tokens grow into new arrays, as they would anyway). Memory already
   * written to costs nothing to write again, where fresh pages each cost the kernel a fault: a
   * 25 MB dump's offsets take 20 MB, measured 5,000 faults and 0.1 s of a lint's CPU.
   */
  spareMemory?: ArrayBuffer;
}

/** Lexes a whole ruleset. Never throws. */
export function lex(text: string, options: LexOptions = {}): LexedText {
  const builder = new LexedBuilder(text, (text.length >> 6) + 16, (text.length >> 3) + 64, options.spareMemory);
  builder.lexLines(0, text.length);
  return builder.finish();
}

/** Only the line table of a text (no words): where each line starts and ends. */
export function lineTable(text: string): LexedText {
  const builder = new LexedBuilder(text, (text.length >> 6) + 16, 0);
  builder.lineLines(text.length);
  return builder.finish();
}

/** An edit, as offsets into the old text and its replacement. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Lexes `text`, which is `old.text` with these replacements (sorted, not overlapping), by
 * lexing again only the lines they touch and shifting the rest: after a fix that rewrites a few
 * lines of a 25 MB dump, this is a copy of arrays instead of a second pass over every character.
 */
export function relex(old: LexedText, replacements: readonly Replacement[], text: string): LexedText {
  if (old.lineCount === 0) return lex(text);
  const builder = new LexedBuilder(text, old.lineCount + 16, old.tokens.count + 64);
  let delta = 0; // new offset minus old offset, before the current region
  let copied = 0; // old lines copied or re-lexed so far
  for (const region of rewrittenLines(old, replacements)) {
    builder.copyLines(old, copied, region.first, delta);
    builder.lexLines(region.newStart, region.newEnd);
    delta = region.newEnd - old.lineStarts[region.last + 1];
    copied = region.last + 1;
  }
  builder.copyLines(old, copied, old.lineCount, delta);
  return builder.finish();
}

/** Whole old lines `first .. last` that replacements rewrite, and where they stand in the new text. */
export interface RewrittenLines {
  first: number;
  last: number;
  newStart: number;
  newEnd: number;
}

/**
 * The runs of whole lines that replacements (sorted, not overlapping) rewrite: each holds a
 * replacement and every one that touches its lines. What `relex` lexes again, and what the
 * fixer reads of a fixed text.
 */
export function rewrittenLines(old: LexedText, replacements: readonly Replacement[]): RewrittenLines[] {
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = old.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (old.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const regions: RewrittenLines[] = [];
  let delta = 0; // new offset minus old offset, before the current region
  for (let r = 0; r < replacements.length; ) {
    const first = lineOf(replacements[r].start);
    let last = lineOf(replacements[r].end);
    let growth = 0;
    for (; r < replacements.length && lineOf(replacements[r].start) <= last; r++) {
      last = Math.max(last, lineOf(replacements[r].end));
      growth += replacements[r].text.length - (replacements[r].end - replacements[r].start);
    }
    regions.push({ first, last, newStart: old.lineStarts[first] + delta, newEnd: old.lineStarts[last + 1] + delta + growth });
    delta += growth;
  }
  return regions;
}

/** Fills the arrays of a LexedText, by lexing lines or by copying them from another. */
class LexedBuilder {
  private readonly lineStarts: IntList;
  private readonly contentEnds: IntList;
  private readonly firstTokens: IntList;
  private readonly kinds: IntList;
  private readonly tokens: TokenStore;
  private readonly errors: LexError[] = [];
  private readonly hasNul: boolean;
  private readonly marks: Landmarks;
  private line = 0;

  constructor(
    private readonly text: string,
    lines: number,
    tokens: number,
    spareMemory?: ArrayBuffer,
  ) {
    this.lineStarts = new IntList(lines);
    this.contentEnds = new IntList(lines);
    this.firstTokens = new IntList(lines);
    this.kinds = new IntList(lines);
    this.tokens = new TokenStore(tokens, spareMemory);
    this.hasNul = text.indexOf("\0") !== -1;
    this.marks = new Landmarks(text);
  }

  /** Lexes the lines that start in `text[from, to)`; `from` is a line start. */
  lexLines(from: number, to: number): void {
    const { text } = this;
    const length = text.length;
    let start = from;
    while (start < to) {
      let newline = text.indexOf("\n", start);
      if (newline === -1) newline = length;
      let contentEnd = newline;
      // A CR is part of the line end only before a LF; anywhere else iptables reads it as text.
      if (newline < length && contentEnd > start && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
      this.lineStarts.push(start);
      this.contentEnds.push(contentEnd);
      this.firstTokens.push(this.tokens.count);
      if (this.hasNul) reportNul(text, start, contentEnd, this.line, this.errors);
      const contentStart = start === 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : start;
      const errorsBefore = this.errors.length;
      let kind = lexLine(text, contentStart, contentEnd, this.line, this.tokens, this.errors, this.marks);
      if (contentEnd < newline && this.takesCrAsValue(contentEnd)) {
        // iptables-restore keeps a CR LF line's CR, and getopt gives it to an option left without
        // a value, glued (`-i\r`) or as a word of its own (`-i \r`): the line loads, an interface
        // named CR (measured). The CR is the line's, then, not its line end's.
        this.contentEnds.data[this.contentEnds.length - 1] = newline;
        this.tokens.count = this.firstTokens.data[this.firstTokens.length - 1];
        this.errors.length = errorsBefore;
        // Fresh landmarks: the line's own moved forward past it.
        kind = lexLine(text, contentStart, newline, this.line, this.tokens, this.errors, new Landmarks(text));
      }
      this.kinds.push(kind);
      this.line++;
      start = newline + 1;
    }
  }

  /**
   * Whether the line just lexed, whose CR before its LF was left out, ends in an option with no
   * value that the CR would be the value of: a short option (`-i`) or one followed by blanks (a
   * long option glued to the CR, `--in-interface\r`, is a name iptables does not know).
   */
  private takesCrAsValue(contentEnd: number): boolean {
    const last = this.errors.at(-1);
    if (last === undefined || last.line !== this.line || last.kind !== LexErrorKind.MissingValueAtEnd) return false;
    const before = this.text.charCodeAt(contentEnd - 1);
    return last.end - last.start === 2 || before === SPACE || before === TAB;
  }

  /** Records the lines of the whole text without lexing them. */
  lineLines(to: number): void {
    const { text } = this;
    for (let start = 0; start < to; ) {
      let newline = text.indexOf("\n", start);
      if (newline === -1) newline = text.length;
      let contentEnd = newline;
      if (newline < text.length && contentEnd > start && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
      this.lineStarts.push(start);
      this.contentEnds.push(contentEnd);
      this.firstTokens.push(0);
      this.kinds.push(LineKind.Blank);
      this.line++;
      start = newline + 1;
    }
  }

  /** Copies the old lines `from .. to - 1`, their tokens and errors, shifted by `delta`. */
  copyLines(old: LexedText, from: number, to: number, delta: number): void {
    const shift = this.line - from;
    for (const error of old.errors) {
      if (error.line >= from && error.line < to) {
        this.errors.push({ ...error, line: error.line + shift, start: error.start + delta, end: error.end + delta });
      }
    }
    if (to <= from) return;
    // Whole blocks: lines and tokens keep their order, only their offsets move.
    this.lineStarts.appendShifted(old.lineStarts, from, to, delta);
    this.contentEnds.appendShifted(old.contentEnds, from, to, delta);
    this.firstTokens.appendShifted(old.firstTokens, from, to, this.tokens.count - old.firstTokens[from]);
    this.kinds.appendShifted(old.lineKinds, from, to, 0);
    this.tokens.appendShifted(old.tokens, old.firstTokens[from], old.firstTokens[to], delta);
    this.line += to - from;
  }

  finish(): LexedText {
    this.lineStarts.push(this.text.length);
    this.firstTokens.push(this.tokens.count);
    return {
      text: this.text,
      lineCount: this.line,
      lineStarts: this.lineStarts.trimmed(),
      contentEnds: this.contentEnds.trimmed(),
      lineKinds: this.kinds.trimmed(),
      firstTokens: this.firstTokens.trimmed(),
      tokens: this.tokens,
      errors: this.errors.sort((a, b) => a.line - b.line),
    };
  }
}

/** Length in UTF-8 bytes of the word `text[start, end)` as iptables stores it. */
function decodedByteLength(text: string, start: number, end: number): number {
  let length = 0;
  let inQuote = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuote = !inQuote;
      continue;
    }
    if (inQuote && c === BACKSLASH) {
      if (++i >= end) break;
      length += utf8Length(text.charCodeAt(i));
      continue;
    }
    length += utf8Length(c);
  }
  return length;
}

/** iptables reads lines as C strings: a NUL byte silently cuts the line short. */
function reportNul(text: string, start: number, end: number, line: number, errors: LexError[]): void {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === NUL) {
      errors.push({ kind: LexErrorKind.NulByte, line, start: i, end: i + 1 });
      return;
    }
  }
}

/**
 * The next quote and tab at or after a position. Most words have neither, so their end is
 * the next space, which `indexOf` finds far faster than a loop over characters. Positions
 * only move forward, so all searches together cost one pass over the text.
 */
class Landmarks {
  private quote = -1;
  private tab = -1;
  private equals = -1;
  constructor(private readonly text: string) {}

  /** Whether `text[from, to)` has no quote. */
  noQuoteBefore(from: number, to: number): boolean {
    if (this.quote < from) this.quote = this.find('"', from);
    return this.quote >= to;
  }

  /** Whether `text[from, to)` has no tab. */
  noTabBefore(from: number, to: number): boolean {
    if (this.tab < from) this.tab = this.find("\t", from);
    return this.tab >= to;
  }

  /** Whether `text[from, to)` has no `=`. */
  noEqualsBefore(from: number, to: number): boolean {
    if (this.equals < from) this.equals = this.find("=", from);
    return this.equals >= to;
  }

  private find(ch: string, from: number): number {
    const at = this.text.indexOf(ch, from);
    return at === -1 ? this.text.length : at;
  }
}

function lexLine(
  text: string,
  start: number,
  end: number,
  line: number,
  tokens: TokenStore,
  errors: LexError[],
  marks: Landmarks,
): LineKind {
  if (start === end) return LineKind.Blank;
  const first = text.charCodeAt(start);
  if (first === HASH) return LineKind.Comment;

  const lineFirstToken = tokens.count;
  let words = 0;
  // Words still owed to the last option as its arguments, and whether a `!` may come first
  // (the intrapositioned negation `-s ! 10.0.0.0/8` of old iptables).
  let owed = 0;
  let bangMayFollow = false;
  // `-c` takes its counters as one word `P,B` or as two words `P B` (iptables looks for a comma first).
  let countersFirstWord = false;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    let tokenStart = i;
    let quoted = false;
    let quoteStart = -1;
    if (marks.noTabBefore(i, end)) {
      // Without tabs on the rest of the line, a word without quotes ends at the next space.
      let space = text.indexOf(" ", i);
      if (space === -1 || space > end) space = end;
      if (marks.noQuoteBefore(i, space)) i = space;
    }
    // Two tight loops, outside and inside quotes, for the words with a quote or tab.
    while (i < end) {
      c = text.charCodeAt(i);
      if (c === SPACE || c === TAB) break;
      if (c !== QUOTE) {
        i++;
        continue;
      }
      quoted = true;
      quoteStart = i++;
      while (i < end) {
        c = text.charCodeAt(i);
        if (c === BACKSLASH) i += 2;
        else if (c === QUOTE) break;
        else i++;
      }
      if (i >= end) {
        i = end;
        break;
      }
      // A closing quote ends the word.
      i++;
      quoteStart = -1;
      break;
    }
    if (quoteStart !== -1) {
      errors.push({ kind: LexErrorKind.UnterminatedQuote, line, start: quoteStart, end });
    }
    // A UTF-16 unit is at most 3 UTF-8 bytes: only long words need counting.
    if ((i - tokenStart) * 3 > WORD_LENGTH_LIMIT && decodedByteLength(text, tokenStart, i) > WORD_LENGTH_LIMIT) {
      errors.push({ kind: LexErrorKind.WordTooLong, line, start: tokenStart, end: i });
    }
    let code: TokenCode;
    if (owed > 0) {
      const bang = !quoted && i - tokenStart === 1 && text.charCodeAt(tokenStart) === 0x21; /* ! */
      // `-s ! 10.0.0.0/8` is the old negation (a rule flags it); before another option
      // (`! -i ! -d x`) or at the end, the `!` is the option's value, as getopt gives it.
      if (bang && bangMayFollow && bangNegatesNext(text, i, end)) {
        code = TokenCode.Bang;
      } else {
        code = quoted ? TokenCode.QuotedWord : TokenCode.Word;
        owed--;
        if (countersFirstWord && !quoted && hasCommaAfterFirst(text, tokenStart, i)) owed = 0;
      }
      bangMayFollow = false;
      countersFirstWord = false;
    } else {
      const atLineStart = tokenStart === start && tokens.count === lineFirstToken;
      let packed = classify(text, tokenStart, i, quoted, atLineStart, tokens, lineFirstToken, marks);
      if (packed > 0xffff) {
        if ((packed & PackedFlag.Shared) !== 0) {
          packed = loadsOwnSpelling(text, tokenStart, i, tokens, lineFirstToken) ? TokenCode.ModuleOption : packed & 0xffff;
        } else {
          // `-mtcp`: the option, then the rest of the word as the first word it takes.
          tokens.push(tokenStart, tokenStart + 2, packed & 0xff);
          owed = Math.max(0, ((packed >> 8) & 0xff) - 1);
          if ((packed & 0xff) === TokenCode.SetCountersOption && !quoted && hasCommaAfterFirst(text, tokenStart + 2, i)) owed = 0;
          bangMayFollow = false;
          packed = quoted ? TokenCode.QuotedWord : TokenCode.Word;
          tokenStart += 2;
        }
      }
      code = packed & 0xff;
      if ((code === TokenCode.TableHeader || code === TokenCode.ChainDecl) && i - tokenStart === 1) {
        // `* mangle`, `: INPUT DROP [0:0]`: iptables-restore reads the name with strtok, which
        // skips the blanks after the `*` or `:` (measured: both backends load them). The name
        // is then part of the head, as in `*mangle`.
        i = nameAfterBlanks(text, i, end);
      }
      if (code === TokenCode.Bang ? valueTakesBang(text, i, end, tokens, lineFirstToken) : quoted && code >= TokenCode.Append && code <= TokenCode.ModuleOption && previousTakesValue(text, tokens, lineFirstToken)) {
        code = quoted ? TokenCode.QuotedWord : TokenCode.Word;
      }
      if (code >= TokenCode.Append && code <= TokenCode.ModuleOption) {
        owed = packed >> 8;
        bangMayFollow = code === TokenCode.GenericOption || code === TokenCode.ModuleOption;
        countersFirstWord = code === TokenCode.SetCountersOption;
      }
    }
    if (code !== TokenCode.Counters || tokens.count !== lineFirstToken) words++;
    if (words > WORDS_PER_LINE_LIMIT) {
      // Stop here: the line is refused anyway, and this bounds the work a huge line costs.
      errors.push({ kind: LexErrorKind.TooManyWords, line, start: tokenStart, end });
      return LineKind.Words;
    }
    tokens.push(tokenStart, i, code);
  }
  if (tokens.count === lineFirstToken) {
    errors.push({ kind: LexErrorKind.BlanksOnly, line, start, end });
    return LineKind.Words;
  }
  findMissingValues(text, tokens, lineFirstToken, line, errors);
  const firstStart = tokens.starts[lineFirstToken];
  if (firstStart > start) {
    // iptables-restore looks at the line's first character, not its first word.
    const c = text.charCodeAt(firstStart);
    if (c === HASH) errors.push({ kind: LexErrorKind.IndentedComment, line, start, end });
    else if (isLineHead(text, firstStart, tokens.ends[lineFirstToken])) {
      errors.push({ kind: LexErrorKind.IndentedHead, line, start: firstStart, end: tokens.ends[lineFirstToken] });
    }
  }
  return LineKind.Words;
}

/**
 * The kind of a word, packed with the number of words it takes as arguments whatever they look
 * like (`code | arguments << 8`, see `optionTable`).
 */
function classify(
  text: string,
  start: number,
  end: number,
  quoted: boolean,
  atLineStart: boolean,
  tokens: TokenStore,
  lineFirstToken: number,
  marks: Landmarks,
): number {
  if (atLineStart && !quoted) {
    const head = headCode(text, start, end);
    if (head !== null) return head;
  } else if (!quoted && text.charCodeAt(start) === 0x5b && tokens.count > lineFirstToken && tokens.codes[lineFirstToken] === TokenCode.ChainDecl) {
    return TokenCode.Counters;
  }
  if (quoted) {
    // iptables sees the word without its quotes: `"-j"` is a jump and `"!"` a negation.
    const word = decodeWord(text.slice(start, end));
    const packed = optionCode(word, 0, word.length);
    // `"-mtcp"`: the option is split off only where the text has it unquoted (`-m"tcp"`).
    if ((packed & PackedFlag.Glued) !== 0 && (text.charCodeAt(start) !== 0x2d || text.charCodeAt(start + 1) === QUOTE)) return TokenCode.ModuleOption;
    return packed === TokenCode.Word ? TokenCode.QuotedWord : packed;
  }
  return optionCode(text, start, end, marks.noEqualsBefore(start, end));
}

/**
 * Where the word after the blanks at `from` ends, for a table header or chain declaration
 * written `* NAME` or `: NAME`; `from` itself when no word follows, or the word has a quote
 * (which the head's own word reading handles).
 */
function nameAfterBlanks(text: string, from: number, end: number): number {
  const at = afterBlanks(text, from, end);
  if (at === from || at === end) return from;
  let wordEnd = at;
  for (; wordEnd < end; wordEnd++) {
    const c = text.charCodeAt(wordEnd);
    if (c === SPACE || c === TAB) break;
    if (c === QUOTE) return from;
  }
  return wordEnd;
}

/**
 * Where the name in a table header or chain declaration token starting at `start` begins: after
 * its `*` or `:` and the blanks iptables-restore skips there (`* mangle`).
 */
export function headNameStart(text: string, start: number, end: number): number {
  return afterBlanks(text, start + 1, end);
}

/** The first position at or after `from` (before `end`) that is no space or tab. */
function afterBlanks(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
  return at;
}

/** The kind of a line's first word when it starts the line, or null for an ordinary word. */
function headCode(text: string, start: number, end: number): TokenCode | null {
  const c0 = text.charCodeAt(start);
  if (c0 === 0x2a /* * */) return TokenCode.TableHeader;
  if (c0 === 0x3a /* : */) return TokenCode.ChainDecl;
  if (c0 === 0x5b /* [ */) return TokenCode.Counters;
  if (end - start === 6 && text.startsWith("COMMIT", start)) return TokenCode.Commit;
  return null;
}

const isLineHead = (text: string, start: number, end: number): boolean => headCode(text, start, end) !== null;

/**
 * `!`, an option (by its spelling, packed with its arguments), or a plain word. `noEquals` says
 * the word has no `=`: most dumps have none, and then the name is the whole word, unread.
 */
function optionCode(text: string, start: number, end: number, noEquals = false): number {
  const c0 = text.charCodeAt(start);
  const length = end - start;
  if (length === 1 && c0 === 0x21 /* ! */) return TokenCode.Bang;
  if (c0 !== 0x2d /* - */ || length < 2) return TokenCode.Word;
  const c1 = text.charCodeAt(start + 1);
  if (c1 === 0x2d /* -- */) {
    if (length < 3 || !isLetter(text.charCodeAt(start + 2))) return TokenCode.Word;
    // getopt accepts `--name=value`; the name alone decides the kind, and the inline value is
    // the first argument.
    let nameEnd = noEquals ? end : start + 3;
    while (nameEnd < end && text.charCodeAt(nameEnd) !== 0x3d /* = */) nameEnd++;
    const packed = longOptionCode(text, start, nameEnd);
    return nameEnd < end && ((packed >> 8) & 0xff) > 0 ? packed - (1 << 8) : packed;
  }
  if (c1 < 128 && shortOptionTable[c1] !== -1) {
    if (length === 2) return shortOptionTable[c1];
    // Not before a `-` (`-F-D`): written apart, that rest would read as an option of its own.
    if (gluedOptionTable[c1] !== -1 && text.charCodeAt(start + 2) !== 0x2d /* - */) return gluedOptionTable[c1];
  }
  return isLetter(c1) ? TokenCode.ModuleOption : TokenCode.Word;
}

/**
 * Options that lost their value, read from a line's tokens once it is lexed (lexLine, which runs
 * for every word of a dump, keeps no state for what few lines have: measured, that state cost
 * it 7% of a dump's instructions):
 * - `-s -j ACCEPT`: getopt gives `-s` (`-d`, `-p`, `-m`) the word `-j`, and the line is refused.
 *   Free text may be anything (`--comment -j`), and so may a chain's name (`-A -c`, `-j -c`:
 *   iptables loads a chain named `-c`);
 * - `--dport -j ACCEPT`: getopt gives `--dport` the word `-j`, and nothing takes `ACCEPT`. Only
 *   then is the line surely refused: `--name --rsource --set` loads, naming a list `--rsource`;
 * - `-s -F`, `-s -A INPUT -j ACCEPT`, `--mark -F`: an option takes the line's only command word,
 *   and the line has none left (iptables says "no command specified", or refuses the value or
 *   the chain's name left stray); `-A INPUT -m comment --comment -F` loads, a comment "-F";
 * - an option with nothing after it that takes a value (a `-j` or `-g` is the document
 *   builder's): getopt says "option requires an argument".
 */
function findMissingValues(text: string, tokens: TokenStore, first: number, line: number, errors: LexError[]): void {
  const { codes, starts, ends } = tokens;
  const last = tokens.count - 1;
  for (let t = first + 1; t <= last; t++) {
    const code = codes[t];
    const before = codes[t - 1];
    if (code === TokenCode.Word) {
      // A word an option took as its value (`-m` and `-s -d -p` always take one).
      // The codes first: they are read from one small array, the text's characters are not.
      if (
        (before === TokenCode.MatchOption || before === TokenCode.GenericOption) &&
        text.charCodeAt(starts[t]) === 0x2d /* - */ &&
        (before === TokenCode.MatchOption || takesAddressOrProtocol(text, starts[t - 1], ends[t - 1])) &&
        isKnownOption(text, starts[t], ends[t])
      ) {
        errors.push({ kind: LexErrorKind.MissingValue, line, start: starts[t - 1], end: ends[t - 1] });
      }
    } else if (
      code >= TokenCode.Append &&
      code <= TokenCode.ModuleOption &&
      before === TokenCode.ModuleOption &&
      t < last &&
      (codes[t + 1] === TokenCode.Word || codes[t + 1] === TokenCode.QuotedWord) &&
      !hasQuote(text, starts[t], ends[t]) &&
      takesNextWord(text, starts[t - 1], ends[t - 1], before)
    ) {
      errors.push({ kind: LexErrorKind.MissingValue, line, start: starts[t - 1], end: ends[t - 1] });
    } else if (
      code >= TokenCode.Append &&
      code <= TokenCode.OtherCommand &&
      takesNextWord(text, starts[t - 1], ends[t - 1], before) &&
      !hasQuote(text, starts[t], ends[t]) &&
      !hasOtherCommand(codes, first, last, t)
    ) {
      errors.push({ kind: LexErrorKind.MissingValue, line, start: starts[t - 1], end: ends[t - 1] });
    }
  }
  const code = codes[last];
  if (code < TokenCode.Append || code > TokenCode.ModuleOption) return;
  const owed = wordsOwed(text, starts[last], ends[last], code);
  if (owed > 0 ? code !== TokenCode.JumpOption && code !== TokenCode.GotoOption : code === TokenCode.ModuleOption && takesValue(text, starts[last], ends[last])) {
    errors.push({ kind: LexErrorKind.MissingValueAtEnd, line, start: starts[last], end: ends[last] });
  }
}

/** Whether the option word `text[start, end)` (of token code `code`) takes the next word as its value, whatever it is; `-j` and `-g` are the document builder's. */
function takesNextWord(text: string, start: number, end: number, code: TokenCode): boolean {
  if (code === TokenCode.ModuleOption) return wordsOwed(text, start, end, code) === 0 && takesValue(text, start, end);
  return (code === TokenCode.MatchOption || code === TokenCode.GenericOption || code === TokenCode.TableOption || code === TokenCode.SetCountersOption) && wordsOwed(text, start, end, code) > 0;
}

/** Whether a command word (`-A`, `-F`, ...) other than token `except` is among the tokens `[from, last]`. */
function hasOtherCommand(codes: Uint8Array, from: number, last: number, except: number): boolean {
  for (let t = from; t <= last; t++) if (t !== except && codes[t] >= TokenCode.Append && codes[t] <= TokenCode.OtherCommand) return true;
  return false;
}

/** Whether `text[start + 1, end)` has a comma: `-c P,B` is both counters in one word (iptables' `strchr(pcnt + 1, ',')`). */
function hasCommaAfterFirst(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === 0x2c /* , */) return true;
  return false;
}

function hasQuote(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === QUOTE) return true;
  return false;
}

/**
 * The words an option word takes whatever they look like, as the lexer read it (quotes removed):
 * none when the lexer read it as another kind than its spelling alone says (`--new` of CLUSTERIP).
 */
function wordsOwed(text: string, start: number, end: number, code: TokenCode): number {
  const word = decodeWord(text.slice(start, end));
  const packed = optionCode(word, 0, word.length);
  return (packed & 0xff) === code ? (packed >> 8) & 0xff : 0;
}

/**
 * Whether a `-m` or `-j` before the word `text[start, end)` on this line loads a match or target
 * with an option spelled so or beginning so (`-j CLUSTERIP ... --new`, `-m tcp ... --dest`):
 * getopt then takes the word for that option, or refuses it as ambiguous, not as the
 * abbreviation of iptables' own option it also is (`--new-chain`, `--destination`). Only the
 * extensions loaded before the word count: getopt knows no others yet. After `-p tcp`, iptables
 * loads tcp for the first word that is no option getopt knows (`-p tcp --dport 22 --dest x`),
 * and not before (`-p tcp --dest x` is `-d x`, measured).
 */
function loadsOwnSpelling(text: string, start: number, end: number, tokens: TokenStore, lineFirstToken: number): boolean {
  const word = decodeWord(text.slice(start, end));
  const equals = word.indexOf("=");
  const owners = extensionSpellings.get(equals === -1 ? word : word.slice(0, equals));
  if (owners === undefined) return false;
  const { codes, starts, ends } = tokens;
  const loaded: string[] = [];
  let protocolGiven = false;
  let protocolLoaded = false;
  for (let t = lineFirstToken; t < tokens.count; t++) {
    const code = codes[t];
    if ((code === TokenCode.MatchOption || code === TokenCode.JumpOption) && t + 1 < tokens.count) {
      const name = decodeWord(text.slice(starts[t + 1], ends[t + 1]));
      if (owners.includes(name)) return true;
      loaded.push(name);
    } else if (code === TokenCode.GenericOption && isProtocolWord(decodeWord(text.slice(starts[t], ends[t])))) {
      protocolGiven = true;
    } else if (code === TokenCode.ModuleOption && protocolGiven && !protocolLoaded) {
      const option = decodeWord(text.slice(starts[t], ends[t])).split("=")[0];
      const known = Object.hasOwn(EXTENSION_OPTIONS, option) && EXTENSION_OPTIONS[option].slice(1).some((owner) => loaded.includes(owner.replace(/\/[46]$/, "")));
      if (!known) protocolLoaded = true;
    }
  }
  return protocolLoaded && owners.some((owner) => PROTOCOL_MATCH_NAMES.has(owner));
}

const isProtocolWord = (word: string): boolean => word === "-p" || ownOptionName(word.split("=")[0]) === "--protocol";

/**
 * Whether the option word `text[start, end)` takes a value: an extension's long option that
 * takes one in every extension that has it (`option-arguments.ts`). Written `--name=value`, it
 * has its value. Read only for an option followed by another option or by nothing.
 */
function takesValue(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (word.includes("=")) return false;
  const name = word.includes('"') ? decodeWord(word) : word;
  return Object.hasOwn(EXTENSION_OPTIONS, name) && EXTENSION_OPTIONS[name][0] === "required";
}

/**
 * Whether the `!` just read (ending at `after`) is the value of the extension option before it:
 * getopt gives an option that requires a value the next word whatever it is, and before another
 * option (`--limit ! -j ACCEPT`) that `!` negates nothing (iptables says "bad rate "!"'"). Before
 * a value (`--dport ! 22`) it is the old negation, read as such (a rule says iptables refuses it).
 */
function valueTakesBang(text: string, after: number, end: number, tokens: TokenStore, lineFirstToken: number): boolean {
  return !bangNegatesNext(text, after, end) && previousTakesValue(text, tokens, lineFirstToken);
}

/**
 * Whether the word before the one just read is an extension option that requires a value, which
 * getopt gives it whatever it is: a quoted word that reads as an option once its quotes are gone
 * (`--on-port "-4"`: "Port "-4" does not resolve to anything.", measured) is that value. (Written
 * without quotes, it is read as the option it looks like; `findMissingValues` says when that
 * surely makes iptables refuse the line.)
 */
function previousTakesValue(text: string, tokens: TokenStore, lineFirstToken: number): boolean {
  const before = tokens.count - 1;
  return before >= lineFirstToken && tokens.codes[before] === TokenCode.ModuleOption && takesValue(text, tokens.starts[before], tokens.ends[before]);
}

/** `-s`, `-d`, `-p` and their long forms: no address, network name or protocol starts with `-` and a letter. */
function takesAddressOrProtocol(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return /^(-[sdp]|--(source|src|destination|dst|protocol))$/.test(word);
}

/** Whether an unquoted word is an option iptables or one of its extensions has (`-j`, `--dport`). */
function isKnownOption(text: string, start: number, end: number): boolean {
  const packed = optionCode(text, start, end);
  const code = packed & 0xff;
  if (code < TokenCode.Append || code > TokenCode.ModuleOption) return false;
  if (code !== TokenCode.ModuleOption) return true;
  const word = text.slice(start, end);
  const equals = word.indexOf("=");
  return Object.hasOwn(EXTENSION_OPTIONS, equals === -1 ? word : word.slice(0, equals)) || ((packed >> 8) & 0xff) > 0;
}

/** The value iptables sees for a word: quotes removed, escapes inside quotes resolved. */
export function decodeWord(raw: string): string {
  if (raw.indexOf('"') === -1) return raw;
  let out = "";
  let inQuote = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inQuote) {
      if (ch === "\\" && i + 1 < raw.length) {
        out += raw[++i];
      } else if (ch === '"') {
        inQuote = false;
      } else {
        out += ch;
      }
    } else if (ch === '"') {
      inQuote = true;
    } else {
      out += ch;
    }
  }
  return out;
}
