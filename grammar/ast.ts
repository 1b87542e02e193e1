/**
 * The AST of a ruleset: a document of lines; tables holding chain declarations and commands;
 * a rule (the arguments of `-A`, `-I`, `-R`, `-D`) with its counters, generic options,
 * match modules in order and target.
 *
 * Every node knows its source range: `range` holds half-open UTF-16 offsets into the
 * document text and `loc` the 1-based line and column of both ends. Fixes are text edits on
 * these ranges; the AST is never mutated.
 *
 * A rule's detail is built on first access: a lint run reads the chains and targets of a
 * quarter of a million lines but the matches of only a few.
 */
import { decodeWord, headNameStart, type LexedText } from "./lexer.js";
import { inlineValue, LineView, readTarget, targetName, type OptionRole, type TargetKind } from "./line-view.js";
import type { LinePlan } from "./plan.js";
import { ownOptionName, TokenCode } from "./tokens.js";
import { parseCounter } from "./values.js";

export type { OptionRole, TargetKind };

export interface SourceRange {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset in the text. */
  offset: number;
}

export interface Location {
  start: Position;
  end: Position;
}

/** The text and its line table: everything a node needs to describe where it is. */
export class Source {
  constructor(
    readonly text: string,
    readonly lexed: LexedText,
    readonly filePath: string | undefined,
  ) {}

  /** Line and column of an offset (binary search over line starts). */
  positionAt(offset: number): Position {
    const starts = this.lexed.lineStarts;
    const count = this.lexed.lineCount;
    if (offset >= this.text.length && (count === 0 || this.lexed.contentEnds[count - 1] < this.text.length)) {
      // The end of a text whose last line has a line end is the start of the (empty) line after it.
      return { line: count + 1, column: 1 + offset - this.text.length, offset };
    }
    let low = 0;
    let high = this.lexed.lineCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lexed.lineCount === 0 ? 0 : starts[low];
    return { line: low + 1, column: offset - lineStart + 1, offset };
  }

  locate(range: SourceRange): Location {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }
}

export abstract class SourceNode {
  abstract readonly source: Source;
  abstract readonly range: SourceRange;

  get loc(): Location {
    return this.source.locate(this.range);
  }

  /** The node's text exactly as written. */
  get text(): string {
    const { start, end } = this.range;
    return this.source.text.slice(start, end);
  }
}

/** A node whose range is stored. */
export abstract class SpanNode extends SourceNode {
  constructor(
    readonly source: Source,
    readonly range: SourceRange,
  ) {
    super();
  }
}

/** One word of a line, as iptables splits it. */
export class Word extends SpanNode {
  /** A `"` appears in the word: its value differs from its raw text. */
  get quoted(): boolean {
    return this.text.includes('"');
  }

  /** The word as written, quotes and escapes included. */
  get raw(): string {
    return this.text;
  }

  /** The word as iptables sees it: quotes removed, escapes resolved. */
  get value(): string {
    return this.quoted ? decodeWord(this.text) : this.text;
  }
}

/**
 * The value written in an option word, `--name=value`: the text after the `=`, whose value is
 * read from the whole word (`"--comment=say \"hi\""` is `say "hi"`: iptables removes the quotes
 * of the word before getopt splits it).
 */
export class InlineValueWord extends Word {
  constructor(
    source: Source,
    range: SourceRange,
    private readonly decoded: string,
  ) {
    super(source, range);
  }

  override get value(): string {
    return this.decoded;
  }
}

/** An option with its negation and values: `! -s 10.0.0.0/8`, `--mark 0x4000/0x4000`. */
export class OptionNode extends SpanNode {
  constructor(
    source: Source,
    range: SourceRange,
    readonly role: OptionRole,
    /** The option word (`-s`, `--mark`; for `--name=value`, the whole word). */
    readonly optionWord: Word,
    /** The option's spelling without an inline `=value`. */
    readonly name: string,
    /** `!` before the option, or after it in the old intrapositioned form. */
    readonly bang: Word | null,
    /** The `!` came after the option (`-s ! x`): iptables >= 1.4.12 refuses this. */
    readonly intrapositioned: boolean,
    readonly values: Word[],
  ) {
    super(source, range);
  }

  get negated(): boolean {
    return this.bang !== null;
  }

  /** The first value as iptables sees it, or null. */
  get value(): string | null {
    return this.values.length ? this.values[0].value : null;
  }
}

/** `-m name` with the options that follow it, or the options of an implicit protocol match. */
export class MatchNode extends SpanNode {
  constructor(
    source: Source,
    range: SourceRange,
    /** Module name: `comment`, `mark`; for an implicit match the protocol, or null. */
    readonly name: string | null,
    /** The `-m name` element; null for an implicit match. */
    readonly matchOption: OptionNode | null,
    readonly options: OptionNode[],
  ) {
    super(source, range);
  }

  /** Options given with no `-m` before them (`-p tcp --dport 80`): iptables loads the
   * protocol's match on its own. */
  get implicit(): boolean {
    return this.matchOption === null;
  }

  option(...names: string[]): OptionNode | undefined {
    return this.options.find((o) => names.includes(o.name));
  }
}

/** `-j TARGET` or `-g CHAIN` with the target's options. */
export class TargetNode extends SpanNode {
  constructor(
    source: Source,
    range: SourceRange,
    readonly kind: TargetKind,
    /** Target or chain name; empty when missing. */
    readonly name: string,
    readonly targetOption: OptionNode,
    readonly options: OptionNode[],
  ) {
    super(source, range);
  }

  option(...names: string[]): OptionNode | undefined {
    return this.options.find((o) => names.includes(o.name));
  }
}

export class CountersNode extends SpanNode {
  constructor(
    source: Source,
    range: SourceRange,
    /** Null when the text is not a number. */
    readonly packets: bigint | null,
    readonly bytes: bigint | null,
    /** `[p:b]` before the command, or `-c p b` as `iptables -v -S` prints. */
    readonly form: "prefix" | "option",
  ) {
    super(source, range);
  }

  get valid(): boolean {
    return this.packets !== null && this.bytes !== null;
  }
}

/** Parses `[packets:bytes]`. */
export function bracketCounters(word: Word): CountersNode {
  const match = /^\[([^:\]]*):([^\]]*)\]$/.exec(word.raw);
  return new CountersNode(
    word.source,
    word.range,
    match ? parseCounter(match[1]) : null,
    match ? parseCounter(match[2]) : null,
    "prefix",
  );
}

export type GenericName = "source" | "destination" | "inInterface" | "outInterface" | "protocol" | "fragment";

const genericNames: Readonly<Record<string, GenericName>> = {
  "-s": "source",
  "--source": "source",
  "--src": "source",
  "-d": "destination",
  "--destination": "destination",
  "--dst": "destination",
  "-i": "inInterface",
  "--in-interface": "inInterface",
  "-o": "outInterface",
  "--out-interface": "outInterface",
  "-p": "protocol",
  "--protocol": "protocol",
  "-f": "fragment",
  "--fragment": "fragment",
  "--fragments": "fragment",
};

/** What a generic option (`-s`, `--src`, ...) is, or undefined for `-4`, `-6` and the rest. */
export const genericNameOf = (option: string): GenericName | undefined => genericNames[option];

/** A rule: what follows `-A CHAIN`, `-I CHAIN [n]`, `-R CHAIN n` or `-D CHAIN`. */
export class RuleNode extends SpanNode {
  constructor(
    source: Source,
    range: SourceRange,
    /** Every option in order, including `-m`, `-j`, `-g` and `-c`. */
    readonly elements: OptionNode[],
    /** Iptables' own options (`-s -d -i -o -p -f -4 -6`), in order. */
    readonly generic: OptionNode[],
    /** Match modules in order; options before any `-m` form an implicit match. */
    readonly matches: MatchNode[],
    readonly target: TargetNode | null,
    readonly counters: CountersNode | null,
  ) {
    super(source, range);
  }

  /** The generic option with this meaning (the last one if repeated), or undefined. */
  genericOption(name: GenericName): OptionNode | undefined {
    for (let i = this.generic.length - 1; i >= 0; i--) {
      if (genericNameOf(this.generic[i].name) === name) return this.generic[i];
    }
    return undefined;
  }

  /** Match modules with this name (`-m mark`, `-m comment`), in order. */
  matchesNamed(name: string): MatchNode[] {
    return this.matches.filter((m) => m.name === name);
  }
}

export type CommandKind =
  | "append"
  | "insert"
  | "delete"
  | "replace"
  | "new-chain"
  | "delete-chain"
  | "flush"
  | "zero"
  | "rename-chain"
  | "policy"
  | "other";

const commandKinds: Partial<Record<TokenCode, CommandKind>> = {
  [TokenCode.Append]: "append",
  [TokenCode.Insert]: "insert",
  [TokenCode.Delete]: "delete",
  [TokenCode.Replace]: "replace",
  [TokenCode.NewChain]: "new-chain",
  [TokenCode.DeleteChain]: "delete-chain",
  [TokenCode.Flush]: "flush",
  [TokenCode.Zero]: "zero",
  [TokenCode.RenameChain]: "rename-chain",
  [TokenCode.Policy]: "policy",
  [TokenCode.OtherCommand]: "other",
};

/** Commands whose options form a rule. */
const ruleCommands = new Set<CommandKind>(["append", "insert", "delete", "replace"]);

// ---------------------------------------------------------------------------------------------
// Lines

/**
 * A line of the file. Its range (content without the line end) and line end come from the
 * lexer's line table rather than being stored: a dump has hundreds of thousands of lines.
 */
export abstract class LineNodeBase extends SourceNode {
  constructor(
    readonly source: Source,
    /** 0-based index of the line. */
    readonly index: number,
  ) {
    super();
  }

  get range(): SourceRange {
    const { lineStarts, contentEnds } = this.source.lexed;
    return { start: lineStarts[this.index], end: contentEnds[this.index] };
  }

  /** The line's end: "\n", "\r\n", or "" for a last line without one. */
  get eol(): string {
    const { lineStarts, contentEnds } = this.source.lexed;
    return this.source.text.slice(contentEnds[this.index], lineStarts[this.index + 1]);
  }

  /** The line's words as the lexer split them. */
  get words(): LineWords {
    const { firstTokens } = this.source.lexed;
    return new LineWords(this.source, firstTokens[this.index], firstTokens[this.index + 1] - firstTokens[this.index]);
  }
}

/** Reads the words of one line from the lexed token arrays. */
export class LineWords {
  constructor(
    readonly source: Source,
    readonly first: number,
    readonly count: number,
  ) {}

  word(index: number): Word {
    const tokens = this.source.lexed.tokens;
    const t = this.first + index;
    return new Word(this.source, { start: tokens.starts[t], end: tokens.ends[t] });
  }

  code(index: number): TokenCode {
    return this.source.lexed.tokens.codes[this.first + index];
  }

  words(from: number, to: number): Word[] {
    const out: Word[] = [];
    for (let i = from; i < to; i++) out.push(this.word(i));
    return out;
  }
}

export class BlankLine extends LineNodeBase {
  readonly kind = "blank";
}

/** A `#` line: iptables-save's header and footer, or any comment. */
export class CommentLine extends LineNodeBase {
  readonly kind = "comment";
}

/** A line with a syntax error: kept as text, never interpreted. */
export class InvalidLine extends LineNodeBase {
  readonly kind = "invalid";
}

/** `*nat`. */
export class TableHeaderLine extends LineNodeBase {
  readonly kind = "table";
  constructor(
    source: Source,
    index: number,
    readonly header: Word,
    /** Words after the name, which iptables-restore ignores. */
    readonly extra: Word[],
  ) {
    super(source, index);
  }

  get name(): string {
    // `* mangle`: iptables-restore skips the blanks after the `*`.
    const header = this.header.value;
    return header.slice(headNameStart(header, 0, header.length));
  }
}

/** `:CHAIN POLICY [p:b]`. */
export class ChainDeclaration extends LineNodeBase {
  readonly kind = "chain";
  constructor(
    source: Source,
    index: number,
    /** The chain's name, without the `:`. */
    readonly name: string,
    private readonly plan: LinePlan,
  ) {
    super(source, index);
  }

  get header(): Word {
    return this.words.word(this.plan.head);
  }

  /** `ACCEPT`, `DROP` or `-` for a user chain; null when missing. */
  get policyWord(): Word | null {
    return this.plan.policy === -1 ? null : this.words.word(this.plan.policy);
  }

  get policy(): string | null {
    return this.policyWord?.value ?? null;
  }

  get counters(): CountersNode | null {
    return this.plan.counters === -1 ? null : bracketCounters(this.words.word(this.plan.counters));
  }

  /** Words after the declaration, which iptables-restore ignores. */
  get extra(): Word[] {
    const words = this.words;
    return words.words(this.plan.extraStart, words.count);
  }
}

export class CommitLine extends LineNodeBase {
  readonly kind = "commit";

  get word(): Word {
    return this.words.word(0);
  }
}

/**
 * A command line: `-A CHAIN rule`, `-N CHAIN`, `-P CHAIN POLICY`, ... Made when first asked for
 * (`Document.line`), from its plan; its command and chain are read from the tokens.
 */
export class CommandLine extends LineNodeBase {
  readonly kind = "command";
  private ruleNode: RuleNode | null | undefined;
  private chainName: string | null | undefined;

  constructor(
    source: Source,
    index: number,
    readonly table: Table,
    readonly plan: LinePlan,
  ) {
    super(source, index);
  }

  /** What the command does: `append` for `-A`, ... */
  get command(): CommandKind {
    const { firstTokens, tokens } = this.source.lexed;
    return commandKindOf(tokens.codes[firstTokens[this.index] + this.plan.head]);
  }

  /** The chain the command works on (its first argument, decoded), or null. */
  get chain(): string | null {
    if (this.chainName === undefined) {
      const { plan } = this;
      if (plan.positionalEnd > plan.head + 1) {
        const { firstTokens, tokens } = this.source.lexed;
        const t = firstTokens[this.index] + plan.head + 1;
        const raw = this.source.text.slice(tokens.starts[t], tokens.ends[t]);
        this.chainName = tokens.codes[t] === TokenCode.QuotedWord ? decodeWord(raw) : raw;
      } else {
        this.chainName = null;
      }
    }
    return this.chainName;
  }

  get commandWord(): Word {
    return this.words.word(this.plan.head);
  }

  get chainWord(): Word | null {
    return this.plan.positionalEnd > this.plan.head + 1 ? this.words.word(this.plan.head + 1) : null;
  }

  /** Every argument of the command before its first option (chain, rule number, policy, ...). */
  get positional(): Word[] {
    return this.words.words(this.plan.head + 1, this.plan.positionalEnd);
  }

  /** The prefix `[p:b]`, if any. */
  get prefixCounters(): CountersNode | null {
    return this.plan.counters === -1 ? null : bracketCounters(this.words.word(this.plan.counters));
  }

  /** The rule of `-A`, `-I`, `-R` and `-D` (for `-D CHAIN n`, an empty rule). */
  get rule(): RuleNode | null {
    if (this.ruleNode === undefined) {
      this.ruleNode = ruleCommands.has(this.command) ? buildRule(this) : null;
    }
    return this.ruleNode;
  }

  /**
   * The rule's target (`-j NAME` or `-g NAME`, the last one when repeated), read from the
   * tokens without building the rule: rules that look at every jump of a quarter of a million
   * lines use this. Null when there is none.
   */
  get target(): { kind: TargetKind; name: string; word: Word } | null {
    const span = readTarget(this.source.lexed, this.index);
    if (span === null) return null;
    const name = targetName(this.source.text, span);
    const range = { start: span.start, end: span.end };
    // A name inside a quoted option word is read from the whole word (`"--goto=A\"B"` is `A"B`).
    const word = span.optionStart !== -1 && span.quoted ? new InlineValueWord(this.source, range, name) : new Word(this.source, range);
    return { kind: span.kind, name, word };
  }

  /** The options, in order: those written before the command (`-p tcp -A X ...`), then those after its arguments. */
  get elements(): OptionNode[] {
    return buildElements(this);
  }

  /** The line's elements and target read from the tokens, with no node made per option. */
  get view(): LineView {
    return new LineView(this);
  }
}

export type LineNode =
  | BlankLine
  | CommentLine
  | InvalidLine
  | TableHeaderLine
  | ChainDeclaration
  | CommitLine
  | CommandLine;

/** A table: from `*name` to COMMIT, or the whole file for `iptables -S` output. */
export class Table {
  commit: CommitLine | null = null;
  /** The first and last of its chain declarations (0-based; -1 without any) and how many. */
  firstChain = -1;
  lastChain = -1;
  chainCount = 0;
  /** The first and last of its command lines (0-based; -1 without commands) and how many. */
  firstCommand = -1;
  lastCommand = -1;
  commandCount = 0;
  /** Bit `code` set: a command with that token code (`-A`, `-I`, ...) is in the table. */
  private commandCodes = 0;
  private commandList: CommandLine[] | undefined;
  private chainList: ChainDeclaration[] | undefined;
  private lineAt: ((index: number) => LineNode) | undefined;

  constructor(
    /** Null for `iptables -S` output, which does not name its table. */
    readonly name: string | null,
    readonly header: TableHeaderLine | null,
  ) {}

  /** Its chain declarations (`:NAME POLICY`), in order (their nodes are made on first use). */
  get chains(): readonly ChainDeclaration[] {
    return (this.chainList ??= this.linesBetween(this.firstChain, this.lastChain, this.chainCount, (line): line is ChainDeclaration => line.kind === "chain"));
  }

  /** Its commands, in order (their nodes are made on first use). */
  get commands(): readonly CommandLine[] {
    return (this.commandList ??= this.linesBetween(
      this.firstCommand,
      this.lastCommand,
      this.commandCount,
      (line): line is CommandLine => line.kind === "command" && line.table === this,
    ));
  }

  /** The lines from `first` to `last` that `keep` takes. */
  private linesBetween<T extends LineNode>(first: number, last: number, count: number, keep: (line: LineNode) => line is T): T[] {
    const found: T[] = [];
    if (this.lineAt === undefined || count === 0) return found;
    for (let i = first; i <= last; i++) {
      const line = this.lineAt(i);
      if (keep(line)) found.push(line);
    }
    return found;
  }

  /** Whether some command of the table is of this kind, without making the command nodes. */
  uses(kind: CommandKind): boolean {
    for (const code of commandCodesOf(kind)) if ((this.commandCodes & (1 << code)) !== 0) return true;
    return false;
  }

  /** The document builder's: records command line `index` with token code `code`. */
  addCommand(index: number, code: TokenCode): void {
    if (this.firstCommand === -1) this.firstCommand = index;
    this.lastCommand = index;
    this.commandCount++;
    this.commandCodes |= 1 << code;
  }

  /** The document builder's: records chain declaration line `index`. */
  addChain(index: number): void {
    if (this.firstChain === -1) this.firstChain = index;
    this.lastChain = index;
    this.chainCount++;
  }

  /** The document builder's: where the table finds its lines. */
  attach(lineAt: (index: number) => LineNode): void {
    this.lineAt = lineAt;
  }

  /** The chain declaration with this name, if any. */
  chain(name: string): ChainDeclaration | undefined {
    return this.chains.find((c) => c.name === name);
  }

  /** The commands that work on this chain, in order. */
  commandsFor(chain: string): CommandLine[] {
    return this.commands.filter((c) => c.chain === chain);
  }
}

export const commandKindOf = (code: TokenCode): CommandKind => commandKinds[code] ?? "other";

/** The token codes of the commands of a kind ("other": every code no kind names). */
function commandCodesOf(kind: CommandKind): number[] {
  const codes: number[] = [];
  for (let code = 0; code < 32; code++) {
    if (code >= TokenCode.Append && code <= TokenCode.OtherCommand && commandKindOf(code) === kind) codes.push(code);
  }
  return codes;
}

// ---------------------------------------------------------------------------------------------
// Rule building

/** The option nodes of a line, made from what its `LineView` reads. */
function buildElements(line: CommandLine): OptionNode[] {
  const { source } = line;
  const view = line.view;
  const out: OptionNode[] = [];
  for (let i = 0; i < view.count; i++) {
    const optionWord = new Word(source, view.optionRange(i));
    const bangRange = view.bangRange(i);
    const bang = bangRange === null ? null : new Word(source, bangRange);
    const values: Word[] = [];
    for (let k = 0, range = view.valueRange(i, 0); range !== null; range = view.valueRange(i, ++k)) values.push(new Word(source, range));
    // The option as iptables sees it: `"-j"` is `-j`.
    let name = optionWord.value;
    const inline = inlineValue(name);
    if (inline !== null) {
      // getopt's `--name=value`: the value is the rest of the option word, quotes removed first.
      name = name.slice(0, name.indexOf("="));
      const at = optionWord.range.start + optionWord.raw.indexOf("=") + 1;
      values.unshift(new InlineValueWord(source, { start: at, end: optionWord.range.end }, inline));
    }
    // getopt's abbreviation of iptables' own option (`--proto`) is that option.
    const role = view.role(i);
    if (role !== "module" && name.startsWith("--")) name = ownOptionName(name);
    out.push(new OptionNode(source, view.range(i), role, optionWord, name, bang, view.lateBang(i), values));
  }
  return out;
}

function buildRule(line: CommandLine): RuleNode {
  const { source } = line;
  const elements = buildElements(line);
  const generic: OptionNode[] = [];
  const matches: MatchNode[] = [];
  let target: TargetNode | null = null;
  let counters = line.prefixCounters;

  // Options belong to the `-m` or `-j` before them; options before any of these belong to
  // an implicit match (iptables loads the protocol's match for `-p tcp --dport 80`).
  interface Owner {
    matchOption: OptionNode | null;
    options: OptionNode[];
    isTarget: boolean;
  }
  let owner: Owner | null = null;
  const owners: Owner[] = [];
  let protocol: string | null = null;
  for (const element of elements) {
    const role = element.role;
    if (role === "generic") {
      generic.push(element);
      if (genericNameOf(element.name) === "protocol") protocol = element.value;
    } else if (role === "match") {
      owner = { matchOption: element, options: [], isTarget: false };
      owners.push(owner);
    } else if (role === "jump" || role === "goto") {
      owner = { matchOption: element, options: [], isTarget: true };
      owners.push(owner);
    } else if (role === "counters") {
      const [packets, bytes] = element.values;
      counters = new CountersNode(
        source,
        element.range,
        packets ? parseCounter(packets.value) : null,
        bytes ? parseCounter(bytes.value) : null,
        "option",
      );
    } else {
      if (owner === null) {
        owner = { matchOption: null, options: [], isTarget: false };
        owners.push(owner);
      }
      owner.options.push(element);
    }
  }
  for (const o of owners) {
    const last = o.options.length ? o.options[o.options.length - 1] : o.matchOption!;
    const start = o.matchOption ? o.matchOption.range.start : o.options[0].range.start;
    const range = { start, end: last.range.end };
    if (o.isTarget) {
      const option = o.matchOption!;
      // A second -j/-g replaces the first, as in iptables; keep the last.
      target = new TargetNode(
        source,
        range,
        option.role === "goto" ? "goto" : "jump",
        option.value ?? "",
        option,
        o.options,
      );
    } else {
      matches.push(new MatchNode(source, range, o.matchOption ? (o.matchOption.value ?? "") : protocol, o.matchOption, o.options));
    }
  }
  const first = elements.length ? elements[0].range.start : line.commandWord.range.end;
  const end = elements.length ? elements[elements.length - 1].range.end : first;
  return new RuleNode(source, { start: first, end }, elements, generic, matches, target, counters);
}
