/**
 * A table as iptables-restore reads it, line by line: which chain each command works on, what
 * each rule jumps to, which chains exist on each line (and so which commands and jumps name a
 * chain that does not), declarations, policies. Read once per table from the lexer's arrays
 * (token codes and offsets), never from line nodes: the grammar is context free over token
 * codes, so the codes say what the parser made of a line.
 *
 * The replay's per-line facts are arrays by line offset from the table's first line; the model
 * (model.ts) hands them out by line number, behind methods.
 */
import {
  decodeWord,
  headNameStart,
  readTarget,
  targetName,
  TokenCode,
  type ChainDeclaration,
  type CommandLine,
  type Document,
  type LexedText,
  type Table,
  type TargetKind,
  type TargetSpan,
} from "../../grammar/index.js";
import { builtinChains, BUILTIN_CHAINS, EXTENSION_TARGETS, STANDARD_TARGETS } from "../netfilter/index.js";
import { Flags, IdNumbers, NameTable } from "./names.js";

/** A rule's `-j NAME` or `-g NAME`, where the name is in the text. */
export interface TargetRef {
  kind: TargetKind;
  name: string;
  /** Offsets of the name in the text. */
  start: number;
  end: number;
}

/** The target of a command line, as `CommandLine.target` reads it, without building words. */
export function targetOf(line: CommandLine): TargetRef | null {
  const span = readTarget(line.source.lexed, line.index);
  if (span === null) return null;
  return { kind: span.kind, name: targetName(line.source.text, span), start: span.start, end: span.end };
}

/** Half-open offsets of a rule's text. */
export interface RuleText {
  start: number;
  end: number;
}

/**
 * The rule's text of a rule line (`-A`, `-I`, `-R`, `-D`, as the replay reads it): after the
 * command's positional arguments (or from the first option, when options come before the
 * command), up to a trailing `-c P B` (iptables -v -S prints counters last), without spaces
 * around it.
 */
export function ruleTextOf(lexed: LexedText, line: number, into: RuleText = { start: 0, end: 0 }): RuleText {
  const { text, firstTokens } = lexed;
  const { codes, starts, ends } = lexed.tokens;
  const first = firstTokens[line];
  const last = firstTokens[line + 1];
  const from = codes[first] === TokenCode.Counters ? first + 1 : first;
  let head = from;
  while (head < last && (codes[head] < TokenCode.Append || codes[head] > TokenCode.OtherCommand)) head++;
  let positionalEnd = head + 1;
  while (positionalEnd < last && isValueCode(codes[positionalEnd])) positionalEnd++;
  let start = head > from ? starts[from] : ends[positionalEnd - 1];
  let end = lexed.contentEnds[line];
  for (let k = last - 1; k >= positionalEnd; k--) {
    const c = codes[k];
    if (c < TokenCode.Append || c > TokenCode.ModuleOption) continue;
    if (c === TokenCode.SetCountersOption) end = starts[k];
    break;
  }
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  into.start = start;
  into.end = end;
  return into;
}

/** Declared by `:NAME ...` or `-N NAME`. */
export type Declaration = ChainDeclaration | CommandLine;

/** The name a declaration declares (a `-N` line always has a chain word). */
export const declaredName = (line: Declaration): string => (line.kind === "chain" ? line.name : line.chain!);

/** A jump or goto that names no chain existing when iptables reads it, nor (a jump) a target iptables knows. */
export interface MissingJump {
  line: CommandLine;
  target: TargetRef;
}

/** A declaration of a chain that already exists when iptables reads it. */
export interface Redeclaration {
  line: Declaration;
  /** The declaration in force, or null for a built-in chain never declared. */
  previous: Declaration | null;
}

/** What iptables-restore does with a line of the table. */
export const enum RestoreStep {
  /** Not a command or declaration of the table (a comment, a line with a syntax error). */
  None = 0,
  Append = 1,
  Insert = 2,
  Replace = 3,
  Delete = 4,
  /** `:NAME POLICY` */
  Declaration = 5,
  /** `-N NAME` */
  NewChain = 6,
  /** `-P`, `-F`, `-X`, `-E`, `-Z` and the rest. */
  Other = 7,
}

/** The names of a document, with the targets iptables knows marked: one table for all its tables. */
export interface DocumentNames {
  table: NameTable;
  knownTargets: Flags;
}

export function documentNames(document: Document): DocumentNames {
  // Mostly the declared chains, and a few targets.
  const table = new NameTable(document.text, 256 + document.tables.reduce((n, t) => n + t.chainCount, 0));
  const knownTargets = new Flags();
  for (const target of [...STANDARD_TARGETS, ...EXTENSION_TARGETS]) knownTargets.set(table.internString(target), 1);
  return { table, knownTargets };
}

/**
 * The replay of one table. Per-line arrays are by offset from `base` (a table's lines are
 * contiguous); chain and target ids are the document's interned names.
 */
export class TableReplay {
  readonly builtins: ReadonlySet<string>;
  readonly names: NameTable;
  /** A fragment: a restore file that declares none of its table's built-in chains, or `iptables -S CHAIN`. */
  readonly partial: boolean;
  readonly missingChains: readonly CommandLine[];
  readonly missingJumps: readonly MissingJump[];
  readonly builtinJumps: readonly MissingJump[];
  readonly redeclarations: readonly Redeclaration[];
  readonly policyDeclarations: readonly ChainDeclaration[];
  readonly policyCommands: readonly CommandLine[];
  readonly newChainCommands: readonly CommandLine[];
  readonly deletesOrRenames: boolean;
  /** Rules are only appended (no `-I`, `-R`, `-D`, `-F`, `-X`, `-E`), as in every iptables-save dump. */
  readonly appendOnly: boolean;
  readonly base: number;
  readonly span: number;
  readonly steps: Uint8Array;
  /** The chain a command works on or a declaration declares; -1 for none. */
  readonly chainIds: Int32Array;
  /** The jump or goto of a rule (`-A`, `-I`, `-R`, `-D`); -1 for none. */
  readonly targetIds: Int32Array;
  readonly gotos: Uint8Array;
  /** The line (offset) of the rule before in the same chain (-A, -I, -R lines, in file order); -1 for none. */
  readonly previous: Int32Array;
  /** By chain id: the last such line, -1 for none. */
  readonly lastRule: Int32Array;
  /** By chain id: how many such lines. */
  readonly ruleCounts: Int32Array;
  /**
   * The ids of the declared chains that are not built-in chains of the table, in the order of
   * their first declaration (a chain declared again after `-X` or `-E` is listed again).
   */
  readonly userIds: readonly number[];
  private readonly knownTargets: Flags;
  private readonly builtinIds: Flags;
  private readonly declaredFlags: Flags;
  private readonly firstDeclarations: IdNumbers;
  private firstNewChains: IdNumbers | undefined;
  private readonly lineOf: (index: number) => CommandLine;
  private declarations: Map<string, Declaration[]> | undefined;
  private firstUses: Map<string, CommandLine> | undefined;

  constructor(
    readonly document: Document,
    readonly table: Table,
    names: DocumentNames,
    /** Lines the restore tool skips (`-4` for ip6tables-restore, ...), in order: no rules of the table. */
    skipped: readonly number[] = [],
  ) {
    const reader = new Reader(document, table, names, skipped);
    reader.read();
    this.builtins = reader.builtins;
    this.names = reader.names;
    this.partial = isPartial(table, reader);
    this.missingChains = reader.missingChains;
    this.missingJumps = reader.missingJumps;
    this.builtinJumps = reader.builtinJumps;
    this.redeclarations = reader.redeclarations;
    this.policyDeclarations = reader.policyDeclarations;
    this.policyCommands = reader.policyCommands;
    this.newChainCommands = reader.newChainCommands;
    this.deletesOrRenames = reader.deletesOrRenames;
    this.appendOnly = reader.appendOnly;
    this.base = reader.base;
    this.span = reader.span;
    this.steps = reader.kinds;
    this.chainIds = reader.chainIds;
    this.targetIds = reader.targetIds;
    this.gotos = reader.gotos;
    this.previous = reader.previous;
    this.lastRule = reader.lastRule;
    this.ruleCounts = reader.ruleCounts;
    this.userIds = reader.userIds;
    this.knownTargets = reader.knownTargets;
    this.builtinIds = reader.builtinIds;
    this.declaredFlags = reader.declaredFlags;
    this.firstDeclarations = reader.firstDeclarations;
    this.lineOf = (index) => document.line(index) as CommandLine;
  }

  /**
   * Where the rule's text of a rule line (`-A`, `-I`, `-R`, `-D`; offset `at` from base) is:
   * after the command's arguments, without a trailing `-c P B` and spaces; read from the tokens
   * when asked (kept per line, the offsets of a quarter of a million rules cost more memory
   * than reading them again). Both 0 for any other line.
   */
  ruleText(at: number, into: RuleText = { start: 0, end: 0 }): RuleText {
    const step = at >= 0 && at < this.span ? this.steps[at] : RestoreStep.None;
    if (step < RestoreStep.Append || step > RestoreStep.Delete) {
      into.start = 0;
      into.end = 0;
      return into;
    }
    return ruleTextOf(this.document.source.lexed, this.base + at, into);
  }

  /** The line at offset `at` from base. */
  lineAt(at: number): CommandLine {
    return this.lineOf(this.base + at);
  }

  /** The offset of a line from base, or -1 when the line is not in the table's span. */
  offsetOf(line: number): number {
    const at = line - this.base;
    return at >= 0 && at < this.span ? at : -1;
  }

  /** Every declaration of a chain (`:NAME`, `-N NAME`), in file order. */
  declarationsOf(name: string): readonly Declaration[] {
    return this.allDeclarations().get(name) ?? [];
  }

  /** The names of the table's declared chains. */
  declaredNames(): string[] {
    return [...this.allDeclarations().keys()];
  }

  /** The first line that names this chain, as its chain or its jump target, where it does not exist. */
  firstMissingUse(name: string): CommandLine | undefined {
    if (this.firstUses === undefined) {
      const firstUses = new Map<string, CommandLine>();
      // Both lists are in file order: the first line of each name is the earliest.
      for (const line of this.missingChains) if (!firstUses.has(line.chain!)) firstUses.set(line.chain!, line);
      for (const { line, target } of this.missingJumps) {
        const seen = firstUses.get(target.name);
        if (seen === undefined || line.index < seen.index) firstUses.set(target.name, line);
      }
      this.firstUses = firstUses;
    }
    return this.firstUses.get(name);
  }

  /** Whether an id names a target iptables knows (ACCEPT, DNAT, ...). */
  isKnownTarget(id: number): boolean {
    return this.knownTargets.get(id) === 1;
  }

  /** Whether an id names a built-in chain of the table. */
  isBuiltin(id: number): boolean {
    return this.builtinIds.get(id) === 1;
  }

  /** The line (offset) that declares a chain: its first `:NAME`, else its first `-N NAME`; -1 for none. */
  declarationLine(id: number): number {
    const line = this.firstDeclarations.get(id);
    if (line !== -1 || this.newChainCommands.length === 0) return line;
    if (this.firstNewChains === undefined) {
      const lines = new IdNumbers(this.names.count);
      for (let at = 0; at < this.span; at++) {
        const chain = this.chainIds[at];
        if (this.steps[at] === RestoreStep.NewChain && chain !== -1 && lines.get(chain) === -1) lines.set(chain, at);
      }
      this.firstNewChains = lines;
    }
    return this.firstNewChains.get(id);
  }

  /** Whether a line of the table declares the chain (`:NAME`, `-N NAME`; whatever commands do to it after). */
  isDeclared(id: number): boolean {
    return this.declaredFlags.get(id) === 1;
  }

  private allDeclarations(): Map<string, Declaration[]> {
    if (this.declarations === undefined) {
      const declarations = new Map<string, Declaration[]>();
      const found: Declaration[] = [...this.table.chains, ...this.newChainCommands.filter((c) => c.chain !== null)];
      found.sort((a, b) => a.index - b.index);
      for (const line of found) {
        const name = declaredName(line);
        if (name === "") continue; // `:` alone: a syntax error, no declaration
        const list = declarations.get(name);
        if (list === undefined) declarations.set(name, [line]);
        else list.push(line);
      }
      this.declarations = declarations;
    }
    return this.declarations;
  }
}

/** RestoreStep by the command's token code. */
const KINDS = new Uint8Array(32).fill(RestoreStep.Other);
KINDS[TokenCode.Append] = RestoreStep.Append;
KINDS[TokenCode.Insert] = RestoreStep.Insert;
KINDS[TokenCode.Replace] = RestoreStep.Replace;
KINDS[TokenCode.Delete] = RestoreStep.Delete;
KINDS[TokenCode.NewChain] = RestoreStep.NewChain;

const isValueCode = (code: number): boolean => code === TokenCode.Word || code === TokenCode.QuotedWord;

const NONE = -1;
const BUILTIN = -2;

/**
 * Reads the table from the lexer's arrays (token codes, offsets), never from the line
 * objects: the grammar is context free over token codes, so the codes say what the parser
 * made of a line: the command, its positional arguments, and the last `-j`/`-g` with its
 * value. The work is split into small methods, which the JIT optimizes within the first few
 * hundred lines of a dump rather than after one large function has run slowly for long.
 */
class Reader {
  readonly text: string;
  readonly lexed: LexedText;
  readonly codes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly firstTokens: Int32Array;
  readonly contentEnds: Int32Array;
  readonly names: NameTable;
  readonly knownTargets: Flags;
  readonly builtins: ReadonlySet<string>;
  readonly builtinIds = new Flags();
  readonly line: Document["line"];
  readonly base: number;
  readonly span: number;
  readonly kinds: Uint8Array<ArrayBuffer>;
  readonly chainIds: Int32Array<ArrayBuffer>;
  readonly targetIds: Int32Array<ArrayBuffer>;
  readonly gotos: Uint8Array<ArrayBuffer>;
  readonly previous: Int32Array<ArrayBuffer>;
  lastRule: Int32Array<ArrayBuffer>;
  ruleCounts: Int32Array<ArrayBuffer>;
  readonly userIds: number[] = [];
  /** By id, the first `:NAME` line (offset). */
  readonly firstDeclarations: IdNumbers;
  /** By id, 1 for a chain some line declares. */
  readonly declaredFlags = new Flags();
  readonly missingChains: CommandLine[] = [];
  readonly missingJumps: MissingJump[] = [];
  readonly builtinJumps: MissingJump[] = [];
  readonly redeclarations: Redeclaration[] = [];
  readonly policyDeclarations: ChainDeclaration[] = [];
  readonly policyCommands: CommandLine[] = [];
  readonly newChainCommands: CommandLine[] = [];
  deletesOrRenames = false;
  appendOnly = true;
  /** Built-in chains given a policy (`:INPUT ACCEPT`, `-P INPUT ACCEPT`), by id. */
  readonly declaredBuiltins = new Set<number>();
  /**
   * What exists now, by id: the line (offset from base) of the declaration in force, BUILTIN
   * for a built-in chain never declared, NONE for no chain. Grown with the name table.
   */
  current: Int32Array<ArrayBuffer>;
  // The chain of the line before: iptables-save prints a chain's rules together, and
  // comparing with the line before is cheaper than looking a name up.
  previousStart = 0;
  previousLength = -1;
  previousId = -1;
  // The `:NAME` declarations in file order, by twos: a declaration's token and id (sized for the
  // table's declarations); and the next one a run of rules is likely for.
  declaredInOrder: Int32Array<ArrayBuffer>;
  declaredCount = 0;
  nextDeclaration = 0;
  // The targets of the last two lookups: chains often alternate between a few (DNAT, a mark chain).
  recentStart0 = 0;
  recentLength0 = -1;
  recentId0 = -1;
  recentStart1 = 0;
  recentLength1 = -1;
  recentId1 = -1;
  /** Reused by every line's target. */
  readonly scratch: TargetSpan = { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 };

  constructor(
    readonly document: Document,
    readonly table: Table,
    names: DocumentNames,
    readonly skipped: readonly number[],
  ) {
    this.text = document.text;
    const lexed = document.source.lexed;
    this.lexed = lexed;
    this.codes = lexed.tokens.codes;
    this.starts = lexed.tokens.starts;
    this.ends = lexed.tokens.ends;
    this.firstTokens = lexed.firstTokens;
    this.contentEnds = lexed.contentEnds;
    this.line = document.line;
    this.names = names.table;
    this.knownTargets = names.knownTargets;
    this.builtins = builtinChains(table.name);
    for (const name of this.builtins) this.builtinIds.set(this.names.internString(name), 1);

    // The table's lines: from its first declaration or command to its last.
    const firstLine = Math.min(table.commandCount > 0 ? table.firstCommand : Infinity, table.chainCount > 0 ? table.firstChain : Infinity);
    const lastLine = Math.max(table.lastCommand, table.lastChain);
    this.base = Number.isFinite(firstLine) ? firstLine : 0;
    const span = (this.span = Math.max(0, lastLine - this.base + 1));
    this.kinds = new Uint8Array(span);
    this.chainIds = new Int32Array(span).fill(-1);
    this.targetIds = new Int32Array(span).fill(-1);
    this.gotos = new Uint8Array(span);
    this.previous = new Int32Array(span).fill(-1);
    this.declaredInOrder = new Int32Array(2 * table.chainCount + 2);
    this.firstDeclarations = new IdNumbers(this.names.capacity);
    // Chain ids are mostly the declared names': ids below the name table's capacity, mostly.
    this.lastRule = new Int32Array(Math.max(this.names.capacity, this.names.count + table.chainCount + 64)).fill(-1);
    this.ruleCounts = new Int32Array(this.lastRule.length);
    this.current = new Int32Array(Math.max(1024, this.names.capacity)).fill(NONE);
    for (const name of this.builtins) this.setState(this.names.internString(name), BUILTIN);
  }

  read(): void {
    const { span, firstTokens, codes, base } = this;
    // Lines that did not parse (a syntax error) are not the table's: leave them out.
    let skip: Uint8Array | null = null;
    if (this.document.diagnostics.length > 0 || this.skipped.length > 0) {
      skip = new Uint8Array(span);
      // And the lines the restore tool of the ruleset's family skips (`-4` for ip6tables-restore).
      for (const line of this.skipped) if (line >= base && line < base + span) skip[line - base] = 1;
      // The table's lines are together: a command among them is the table's, and so is a
      // declaration, but in iptables -S output, where a declaration is an error of its own.
      const declarations = this.document.form === "restore";
      for (let at = 0; at < span; at++) {
        const kind = this.document.kindOf(base + at);
        if (kind !== "command" && !(kind === "chain" && declarations)) skip[at] = 1;
      }
    }
    // iptables-save prints a table's declarations together, then its rules: each run of lines
    // of one kind is read by a loop of its own, which the JIT compiles once, with what that
    // kind of line meets (a loop over both would be compiled while it has met declarations only).
    for (let at = 0; at < span; ) {
      at = this.declarations(at, skip);
      at = this.commands(at, skip);
    }
  }

  /**
   * The declarations from line `at` up to the next command; returns that command's offset (or
   * span). Written out in the loop, as the commands' rules are (see `commands`).
   */
  declarations(at: number, skip: Uint8Array | null): number {
    const { span, firstTokens, codes, starts, ends, base, text } = this;
    for (; at < span; at++) {
      const first = firstTokens[base + at];
      const last = firstTokens[base + at + 1];
      if (first === last || (skip !== null && skip[at] === 1)) continue;
      if (codes[first] !== TokenCode.ChainDecl) break;
      // `:NAME POLICY [p:b]`. The name is as written (the lexer reads a `:` word with a quote
      // as a value). `:` alone names no chain (a syntax error of its own): iptables-restore
      // declares nothing.
      if (ends[first] - starts[first] === 1) continue;
      const id = this.names.intern(text, headNameStart(text, starts[first], ends[first]), ends[first]);
      if (2 * this.declaredCount + 2 > this.declaredInOrder.length) this.declaredInOrder = growDeclared(this.declaredInOrder);
      this.declaredInOrder[2 * this.declaredCount] = first;
      this.declaredInOrder[2 * this.declaredCount + 1] = id;
      this.declaredCount++;
      this.chainIds[at] = id;
      this.kinds[at] = RestoreStep.Declaration;
      if (this.firstDeclarations.get(id) === -1) this.firstDeclarations.set(id, at);
      if (this.builtinIds.get(id)) this.declaredBuiltins.add(id);
      // `:NAME - [0:0]` is right for any chain; anything else is for chain-declaration to read.
      const policy = first + 1;
      if (!(policy < last && ends[policy] - starts[policy] === 1 && text.charCodeAt(starts[policy]) === 45)) {
        this.policyDeclarations.push(this.line(base + at) as ChainDeclaration);
      }
      this.declare(id, at);
    }
    return at;
  }

  /**
   * The commands from line `at` up to the next declaration (`-A`, `-I`, ... and what they do);
   * returns that declaration's offset (or span). The hot path (a rule) is written out here
   * rather than in nested methods: each method the JIT compiles on its own and again inlined
   * into each caller, and for the one pass of the model over a dump that compiling costs more
   * than the calls.
   */
  commands(at: number, skip: Uint8Array | null): number {
    const { span, firstTokens, codes, starts, ends, base, text } = this;
    for (; at < span; at++) {
      const first = firstTokens[base + at];
      const last = firstTokens[base + at + 1];
      if (first === last || (skip !== null && skip[at] === 1)) continue;
      if (codes[first] === TokenCode.ChainDecl) break;
      // The command is mostly the line's first word, but iptables takes options before it
      // (`-p tcp -A FORWARD --dport 22`): it is the first token with a command's code (a word
      // an option takes as its value has a value's code, whatever it looks like).
      let head = codes[first] === TokenCode.Counters ? first + 1 : first;
      while (head < last && (codes[head] < TokenCode.Append || codes[head] > TokenCode.OtherCommand)) head++;
      if (head >= last) continue;
      const command = codes[head];
      // Positional arguments: the values right after the command.
      let positionalEnd = head + 1;
      while (positionalEnd < last && isValueCode(codes[positionalEnd])) positionalEnd++;
      let id = -1;
      if (positionalEnd > head + 1) {
        // The chain of the line before: iptables-save prints a chain's rules together.
        const name = head + 1;
        const start = starts[name];
        const length = ends[name] - start;
        if (length === this.previousLength && codes[name] !== TokenCode.QuotedWord && sameRange(text, start, this.previousStart, length)) id = this.previousId;
        else id = this.chainOf(name);
      }
      this.chainIds[at] = id;
      const kind = KINDS[command];
      this.kinds[at] = kind;
      if (kind > RestoreStep.Delete) {
        this.otherCommand(at, command, id);
        continue;
      }
      // A rule: `-A`, `-I`, `-R`, `-D`.
      if (kind !== RestoreStep.Append) this.appendOnly = false;
      if (id !== -1) {
        if (this.state(id) === NONE) this.missingChains.push(this.lineAt(at));
        // Links the chain's rules (`-A`, `-I`, `-R` lines), line to line.
        if (kind !== RestoreStep.Delete) {
          if (id >= this.lastRule.length) [this.lastRule, this.ruleCounts] = growLinks(this.lastRule, this.ruleCounts, id);
          this.previous[at] = this.lastRule[id];
          this.lastRule[id] = at;
          this.ruleCounts[id]++;
        }
      }
      // The rule's `-j NAME`, `-g NAME` or `--jump=NAME`, read by the grammar's one reader of targets.
      const target = readTarget(this.lexed, base + at, this.scratch);
      if (target === null) continue;
      let t: number;
      if (target.quoted) {
        t = this.names.internString(targetName(text, target));
      } else {
        // The targets of the last two rules: chains often alternate between a few (DNAT, a mark chain).
        const start = target.start;
        const length = target.end - start;
        if (length === this.recentLength0 && sameRange(text, start, this.recentStart0, length)) t = this.recentId0;
        else if (length === this.recentLength1 && sameRange(text, start, this.recentStart1, length)) t = this.recentId1;
        else t = this.newTarget(start, length);
      }
      this.targetIds[at] = t;
      if (target.kind === "goto") this.gotos[at] = 1;
      if (kind === RestoreStep.Delete) continue;
      if (this.state(t) !== NONE) {
        if (this.builtinIds.get(t)) this.builtinJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at))! });
      } else if (!this.knownTargets.get(t) || target.kind === "goto") {
        // A goto names a chain: `-g LOG` is refused ("goto 'LOG' is not a chain", measured).
        this.missingJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at))! });
      }
    }
    return at;
  }

  lineAt(at: number): CommandLine {
    return this.line(this.base + at) as CommandLine;
  }

  state(id: number): number {
    return id < this.current.length ? this.current[id] : NONE;
  }

  setState(id: number, value: number): void {
    if (id >= this.current.length) {
      const grown = new Int32Array(Math.max(this.current.length * 2, id + 1)).fill(NONE);
      grown.set(this.current);
      this.current = grown;
    }
    this.current[id] = value;
  }

  /**
   * The id of a name token, from `skip` characters on (1 for `:NAME`; the lexer reads a `:` word
   * with a quote as a value, so a declaration's name is as written).
   */
  idOfToken(token: number, skip: number): number {
    const start = this.starts[token] + skip;
    const end = this.ends[token];
    if (this.codes[token] === TokenCode.QuotedWord) {
      return this.names.internString(decodeWord(this.text.slice(start, end)));
    }
    return this.names.intern(this.text, start, end);
  }

  declare(id: number, at: number): void {
    const before = this.state(id);
    // A built-in chain exists from the start; its first `:NAME POLICY` line is not a second declaration.
    if (before !== NONE && !(before === BUILTIN && this.kinds[at] === RestoreStep.Declaration)) {
      const previous = before === BUILTIN ? null : (this.line(this.base + before) as Declaration);
      this.redeclarations.push({ line: this.lineAt(at) as Declaration, previous });
    }
    if (before === NONE || before === BUILTIN) {
      this.declaredFlags.set(id, 1);
      if (!this.builtinIds.get(id)) this.userIds.push(id);
    }
    this.setState(id, at);
  }

  /** The id of the chain a command names (its first positional argument), when not the chain of the line before. */
  chainOf(token: number): number {
    const start = this.starts[token];
    const length = this.ends[token] - start;
    const plain = this.codes[token] !== TokenCode.QuotedWord;
    let id = plain ? this.nextDeclared(start, length) : -1;
    if (id === -1) id = this.idOfToken(token, 0);
    this.previousStart = start;
    this.previousLength = this.codes[token] === TokenCode.QuotedWord ? -1 : length;
    this.previousId = id;
    return id;
  }

  /**
   * The chain a new run of rules is for, looked for among the next few declarations:
   * iptables-save prints the chains' rules in the order it declared the chains (skipping the
   * empty ones), and comparing a name with a declaration is cheaper than looking it up.
   * -1 when not there.
   */
  nextDeclared(start: number, length: number): number {
    const order = this.declaredInOrder;
    const stop = Math.min(this.declaredCount, this.nextDeclaration + 8);
    for (let q = this.nextDeclaration; q < stop; q++) {
      const token = order[2 * q];
      const from = headNameStart(this.text, this.starts[token], this.ends[token]);
      if (this.ends[token] - from === length && sameRange(this.text, start, from, length)) {
        this.nextDeclaration = q + 1;
        return order[2 * q + 1];
      }
    }
    return -1;
  }

  /** The id of a target name not among the last two, which becomes the last. */
  newTarget(start: number, length: number): number {
    const id = this.names.intern(this.text, start, start + length);
    this.recentStart1 = this.recentStart0;
    this.recentLength1 = this.recentLength0;
    this.recentId1 = this.recentId0;
    this.recentStart0 = start;
    this.recentLength0 = length;
    this.recentId0 = id;
    return id;
  }

  /** `-N`, `-P`, `-F`, `-X`, `-E`, `-Z`, ... */
  otherCommand(at: number, command: number, id: number): void {
    switch (command) {
      case TokenCode.NewChain:
        this.newChainCommands.push(this.lineAt(at));
        if (id !== -1) this.declare(id, at);
        return;
      case TokenCode.Policy:
        this.policyCommands.push(this.lineAt(at));
        if (id !== -1 && this.builtinIds.get(id)) this.declaredBuiltins.add(id);
        return;
      case TokenCode.Flush:
        this.appendOnly = false;
        break;
      case TokenCode.DeleteChain:
        this.deletesOrRenames = true;
        this.appendOnly = false;
        if (id === -1) {
          for (let k = 0; k < this.current.length; k++) if (!this.builtinIds.get(k)) this.current[k] = NONE;
        } else if (this.state(id) === NONE) this.missingChains.push(this.lineAt(at));
        else if (!this.builtinIds.get(id)) this.setState(id, NONE);
        return;
      case TokenCode.RenameChain: {
        this.deletesOrRenames = true;
        this.appendOnly = false;
        if (id === -1) return;
        const from = this.state(id);
        if (from === NONE) this.missingChains.push(this.lineAt(at));
        const to = this.lineAt(at).positional[1]?.value;
        if (from >= 0 && to !== undefined) {
          this.setState(id, NONE);
          this.setState(this.names.internString(to), from);
        }
        return;
      }
    }
    if (id !== -1 && this.state(id) === NONE) this.missingChains.push(this.lineAt(at));
  }
}

/**
 * Whether the table is a fragment: iptables-save declares every built-in chain of a table,
 * and `iptables -S` gives each a policy (`-P`). A restore file that declares none is a
 * fragment for `--noflush`; `iptables -S` output (no table name) that does not give every
 * built-in chain of some table a policy is a part of one (`iptables -S CHAIN`).
 */
function isPartial(table: Table, reader: Reader): boolean {
  if (table.name !== null) return reader.declaredBuiltins.size === 0;
  return !Object.values(BUILTIN_CHAINS).some((chains) => chains.every((name) => reader.declaredBuiltins.has(reader.names.internString(name))));
}


function growLinks(last: Int32Array<ArrayBuffer>, counts: Int32Array<ArrayBuffer>, id: number): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const size = Math.max(last.length * 2, id + 1);
  const grownLast = new Int32Array(size).fill(-1);
  grownLast.set(last);
  const grownCounts = new Int32Array(size);
  grownCounts.set(counts);
  return [grownLast, grownCounts];
}

function growDeclared(order: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(order.length * 2);
  grown.set(order);
  return grown;
}

function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let i = length - 1; i >= 0; i--) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}
