/**
 * What the chain rules share: each rule's target read straight from the token arrays, the
 * chains that exist as iptables-restore reads a table line by line, the jumps between chains,
 * and which user chains the built-in chains reach.
 *
 * Everything here is computed once per table and cached: a kube-proxy dump of 10,000
 * services has a quarter of a million rules and 60,000 chains, and several rules ask the same
 * questions. Chain and target names are interned as numbers (`NameTable`), read from the
 * token arrays without making strings: looking strings up in a Map, a quarter of a million
 * times, costs more than all the rest.
 */
import { decodeWord, type ChainDeclaration, type CommandLine, type Document, type Table, type TargetKind } from "../../grammar/index.js";
import { TokenCode } from "../../grammar/tokens.js";
import type { Fix, TextEdit } from "../types.js";
import { chainsOf, type Chain } from "./chains.js";
import { BUILTIN_CHAINS, EXTENSION_TARGETS, STANDARD_TARGETS, builtinChains } from "./netfilter.js";

/** The most bytes a chain or target name may have (XT_EXTENSION_MAXNAMELEN 29, with the NUL). */
export const MAX_CHAIN_NAME_BYTES = 28;

/** A name's length in UTF-8 bytes, as iptables counts it. */
export const nameBytes = (name: string): number => Buffer.byteLength(name, "utf8");

export const isNameTooLong = (name: string): boolean =>
  name.length > MAX_CHAIN_NAME_BYTES || (name.length * 3 > MAX_CHAIN_NAME_BYTES && nameBytes(name) > MAX_CHAIN_NAME_BYTES);

// ---------------------------------------------------------------------------------------------
// Names as numbers

/**
 * Interns names (any range of a string) as small integers: an open-addressing hash table
 * keyed by two independent 30-bit hashes and the length. Names are not compared character by
 * character, which would cost a second random memory access per lookup: two different names
 * share an id only if both hashes and the length agree, about once in 10^8 files of 100,000
 * names (and then the two chains would be taken for one).
 */
export class NameTable {
  count = 0;
  /** The longest name, in UTF-16 code units. */
  maxLength = 0;
  /** Some name has a character outside ASCII (so its length in bytes is not its length). */
  nonAscii = false;
  /**
   * Open addressing, four numbers a slot (16 bytes, one cache line): the two hashes, the
   * length and the id + 1 (0: empty). A lookup reads one slot, mostly.
   */
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  /** By id: the length and the offset in the text (-1: not in it). */
  private lengths = new Int32Array(1024);
  private offsets = new Int32Array(1024);
  /** Names made into strings, and names that are not in the text. */
  private readonly strings = new Map<number, string>();

  /** `text`: the document's text, where most names are; `expected`: about how many names there will be. */
  constructor(
    private readonly text: string,
    expected = 1024,
  ) {
    let size = 1 << 10;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
  }

  /** The id of `text[start, end)`, added if new. */
  intern(text: string, start: number, end: number): number {
    return this.lookup(text, start, end, true);
  }

  /** The id of a name, or -1 when it is not in the table (nothing is added). */
  find(name: string): number {
    return this.lookup(name, 0, name.length, false);
  }

  private lookup(text: string, start: number, end: number, add: boolean): number {
    const length = end - start;
    // Kept to 30 bits: small integers stay unboxed even before the code is optimized.
    let h1 = (0x811c9dc5 ^ length) & 0x3fffffff;
    let h2 = length;
    let bits = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      bits |= c;
      h1 = Math.imul(h1 ^ c, 0x01000193) & 0x3fffffff;
      h2 = (Math.imul(h2, 0x5bd1e995) + c) & 0x3fffffff;
    }
    h2 ^= h2 >>> 15;
    if (bits > 0x7f && add) this.nonAscii = true;
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      const entry = slots[at + 3];
      if (entry === 0) return add ? this.add(at, h1, h2, text, start, length) : -1;
      if (slots[at] === h1 && slots[at + 1] === h2 && slots[at + 2] === length) return entry - 1;
    }
  }

  internString(name: string): number {
    return this.intern(name, 0, name.length);
  }

  name(id: number): string {
    let name = this.strings.get(id);
    if (name === undefined) {
      const start = this.offsets[id];
      name = this.text.slice(start, start + this.lengths[id]);
      this.strings.set(id, name);
    }
    return name;
  }

  /** Length in UTF-16 code units. */
  length(id: number): number {
    return this.lengths[id];
  }

  private add(at: number, h1: number, h2: number, text: string, start: number, length: number): number {
    const id = this.count++;
    if (id === this.lengths.length) {
      this.lengths = grow(this.lengths, id * 2);
      this.offsets = grow(this.offsets, id * 2);
    }
    this.slots[at] = h1;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = length;
    this.slots[at + 3] = id + 1;
    this.lengths[id] = length;
    if (text === this.text) {
      this.offsets[id] = start;
    } else {
      this.offsets[id] = -1;
      this.strings.set(id, text.slice(start, start + length));
    }
    if (length > this.maxLength) this.maxLength = length;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 4);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === 0) continue;
      let slot = old[at] & mask;
      while (slots[slot * 4 + 3] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + 4), slot * 4);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

/** Per id flags: a Uint8Array that grows with the table. */
class Flags {
  private bits = new Uint8Array(256);
  get(id: number): number {
    return id < this.bits.length ? this.bits[id] : 0;
  }
  set(id: number, value: number): void {
    if (id >= this.bits.length) {
      const bits = new Uint8Array(Math.max(this.bits.length * 2, id + 1));
      bits.set(this.bits);
      this.bits = bits;
    }
    this.bits[id] = value;
  }
}

/** The names of a document, with the targets iptables knows marked. */
interface Names {
  table: NameTable;
  knownTargets: Flags;
}

const documentNames = new WeakMap<object, Names>();

function namesOf(document: Document): Names {
  const source = document.source;
  let names = documentNames.get(source);
  if (names === undefined) {
    // Mostly the declared chains, and a few targets.
    const table = new NameTable(document.text, 256 + document.tables.reduce((n, t) => n + t.chainCount, 0));
    const knownTargets = new Flags();
    for (const target of [...STANDARD_TARGETS, ...EXTENSION_TARGETS]) knownTargets.set(table.internString(target), 1);
    documentNames.set(source, (names = { table, knownTargets }));
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Targets, read from the tokens

/** A rule's `-j NAME` or `-g NAME` (the last one when repeated), where the name is in the text. */
export interface TargetRef {
  kind: TargetKind;
  name: string;
  /** Offsets of the name in the text. */
  start: number;
  end: number;
}

/**
 * The target of a command line, as `CommandLine.target` reads it, without building words.
 */
export function targetOf(line: CommandLine): TargetRef | null {
  const at = targetToken(line);
  if (at === null) return null;
  const raw = line.source.text.slice(at.start, at.end);
  return { kind: at.kind, name: at.quoted ? decodeWord(raw) : raw, start: at.start, end: at.end };
}

interface TargetToken {
  kind: TargetKind;
  start: number;
  end: number;
  quoted: boolean;
}

/** Reused: targetToken runs for every line and its answer is read at once. */
const scratch: TargetToken = { kind: "jump", start: 0, end: 0, quoted: false };

/** Where the last `-j NAME` / `-g NAME` of a line has its name; the answer is overwritten by the next call. */
function targetToken(line: CommandLine): TargetToken | null {
  const { elements, head } = line.plan;
  if (head < 0 || elements.length === 0) return null;
  const { source } = line;
  const { tokens, firstTokens } = source.lexed;
  const first = firstTokens[line.index];
  const codes = tokens.codes;
  for (let i = elements.length - 4; i >= 0; i -= 4) {
    const option = first + elements[i + 1];
    const code = codes[option];
    if (code !== TokenCode.JumpOption && code !== TokenCode.GotoOption) continue;
    scratch.kind = code === TokenCode.GotoOption ? "goto" : "jump";
    const optionStart = tokens.starts[option];
    const optionEnd = tokens.ends[option];
    // `-j`, `-g`, `--jump`, `--goto` or `--jump=NAME` (the only long spelling with a value in it).
    const equals = optionEnd - optionStart > 6 ? source.text.slice(optionStart, optionEnd).indexOf("=") + optionStart : -1;
    if (equals >= optionStart) {
      scratch.start = equals + 1;
      scratch.end = optionEnd;
      scratch.quoted = source.text.slice(equals + 1, optionEnd).includes('"');
      return scratch;
    }
    if (elements[i + 3] > elements[i + 1] + 1) {
      const value = option + 1;
      scratch.start = tokens.starts[value];
      scratch.end = tokens.ends[value];
      scratch.quoted = codes[value] === TokenCode.QuotedWord;
      return scratch;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The tables these rules understand: the five of iptables, or `iptables -S` output (no name). */
export const isKnownTable = (table: Table): boolean => table.name === null || Object.hasOwn(BUILTIN_CHAINS, table.name);

/** The tables a chain is built into, e.g. `FORWARD` → filter, mangle, security. */
export const tablesWithBuiltin = (name: string): string[] =>
  Object.entries(BUILTIN_CHAINS)
    .filter(([, chains]) => chains.includes(name))
    .map(([table]) => table);

/** `a`, `a and b`, `a, b and c`. */
export const listOf = (names: readonly string[]): string =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/** `table nat` or, for `iptables -S` output, "the table". */
export const tableName = (table: Table): string => (table.name === null ? "the table" : `table ${table.name}`);

/** Declared by `:NAME ...` or `-N NAME`. */
export type Declaration = ChainDeclaration | CommandLine;

/** A jump or goto that names no chain existing when iptables reads it, nor a target iptables knows. */
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

/** What a line of the table is, in `TableWalk.kinds`. */
export const enum LineKind {
  None = 0,
  Append = 1,
  Insert = 2,
  Replace = 3,
  Delete = 4,
  /** `:NAME POLICY` */
  Declaration = 5,
  /** `-N NAME` */
  NewChain = 6,
  Other = 7,
}

/** A table as iptables-restore reads it, line by line. */
export interface TableWalk {
  table: Table;
  builtins: ReadonlySet<string>;
  /** The document's interned names. */
  names: NameTable;
  /**
   * A fragment, which may use chains that exist only on the node: a restore file that declares
   * none of its table's built-in chains (iptables-save always prints them; this is input for
   * `iptables-restore --noflush`), or `iptables -S` output that does not give every built-in
   * chain of some table a policy (`iptables -S CHAIN`).
   */
  partial: boolean;
  /** Commands naming a chain (`-A X`, `-F X`, `-E X Y`, ...; not `-N`, `-P`) that does not exist on that line. */
  missingChains: readonly CommandLine[];
  /** Rules (`-A`, `-I`, `-R`) whose jump or goto names neither an existing chain nor a known target. */
  missingJumps: readonly MissingJump[];
  /** Rules that jump or go to a built-in chain of the table. */
  builtinJumps: readonly MissingJump[];
  redeclarations: readonly Redeclaration[];
  /** `:NAME POLICY` lines whose policy is not `-`. */
  policyDeclarations: readonly ChainDeclaration[];
  /** `-P` lines. */
  policyCommands: readonly CommandLine[];
  /** `-N` lines. */
  newChainCommands: readonly CommandLine[];
  /** The table deletes or renames chains (`-X`, `-E`): moving declarations is not offered. */
  deletesOrRenames: boolean;
  /**
   * Rules are only appended (no `-I`, `-R`, `-D`, `-F`, `-X`, `-E`), as in every
   * iptables-save dump: each chain's rules are its `-A` lines in file order.
   */
  appendOnly: boolean;

  // By line, from `base` on (a table's lines are contiguous): the per-line facts rules need,
  // read once for all of them.
  base: number;
  span: number;
  kinds: Uint8Array;
  /** The chain a command works on or a declaration declares; -1 for none. */
  chainIds: Int32Array;
  /** The jump or goto of a rule (`-A`, `-I`, `-R`, `-D`); -1 for none. */
  targetIds: Int32Array;
  gotos: Uint8Array;
  /** The rule's text: after the command's arguments, without a trailing `-c P B` and spaces. */
  ruleStarts: Int32Array;
  ruleEnds: Int32Array;
  /** The line of the rule before in the same chain (-A, -I, -R lines, in file order); -1 for none. */
  previous: Int32Array;
  /** By chain id: the last such line, -1 for none. */
  lastRule: Int32Array;
  /** By chain id: how many such lines. */
  ruleCounts: Int32Array;
  /** The ids of declared chains, in the order of their first declaration. */
  declaredIds: readonly number[];
  /** The line `base + at`. */
  lineAt(at: number): CommandLine;

  /** Every declaration of a chain (`:NAME`, `-N NAME`), in file order. */
  declarationsOf(name: string): readonly Declaration[];
  /** The names of the table's declared chains. */
  declaredNames(): string[];
  /** The first line that names this chain, as its chain or its jump target, where it does not exist. */
  firstMissingUse(name: string): CommandLine | undefined;
  /** The id of the chain a command works on, or of a declared chain; -1 for none. */
  chainId(line: { index: number }): number;
  /** The id of the jump or goto of a rule (`-A`, `-I`, `-R`, `-D`); -1 for none. */
  targetId(line: CommandLine): number;
  /** The jump or goto of a rule, with its place in the text; null for none. */
  target(line: CommandLine): TargetRef | null;
  /** The name of that jump or goto, or undefined. */
  targetName(line: CommandLine): string | undefined;
  /** Whether that target is a goto (`-g`). */
  isGoto(line: CommandLine): boolean;
  /** Whether an id names a target iptables knows (ACCEPT, DNAT, ...). */
  isKnownTarget(id: number): boolean;
  /** Whether an id names a built-in chain of the table. */
  isBuiltin(id: number): boolean;
}

const walks = new WeakMap<Table, TableWalk>();

/** How iptables-restore reads the table: computed once per table. */
export function walkTable(document: Document, table: Table): TableWalk {
  let walk = walks.get(table);
  if (walk === undefined) walks.set(table, (walk = replay(document, table)));
  return walk;
}

/** LineKind by the command's token code. */
const KINDS = new Uint8Array(32).fill(LineKind.Other);
KINDS[TokenCode.Append] = LineKind.Append;
KINDS[TokenCode.Insert] = LineKind.Insert;
KINDS[TokenCode.Replace] = LineKind.Replace;
KINDS[TokenCode.Delete] = LineKind.Delete;
KINDS[TokenCode.NewChain] = LineKind.NewChain;

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
  readonly ruleStarts: Int32Array<ArrayBuffer>;
  readonly ruleEnds: Int32Array<ArrayBuffer>;
  readonly previous: Int32Array<ArrayBuffer>;
  lastRule: Int32Array<ArrayBuffer>;
  ruleCounts: Int32Array<ArrayBuffer>;
  readonly declaredIds: number[] = [];
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
  // The `:NAME` declarations in file order (their tokens and ids), and the next one a run of
  // rules is likely for.
  readonly declaredTokens: number[] = [];
  readonly declaredInOrder: number[] = [];
  nextDeclaration = 0;
  // The targets of the last two lookups: chains often alternate between a few (DNAT, a mark chain).
  recentStart0 = 0;
  recentLength0 = -1;
  recentId0 = -1;
  recentStart1 = 0;
  recentLength1 = -1;
  recentId1 = -1;

  constructor(
    readonly document: Document,
    readonly table: Table,
  ) {
    this.text = document.text;
    const lexed = document.source.lexed;
    this.codes = lexed.tokens.codes;
    this.starts = lexed.tokens.starts;
    this.ends = lexed.tokens.ends;
    this.firstTokens = lexed.firstTokens;
    this.contentEnds = lexed.contentEnds;
    this.line = document.line;
    const { table: names, knownTargets } = namesOf(document);
    this.names = names;
    this.knownTargets = knownTargets;
    this.builtins = builtinChains(table);
    for (const name of this.builtins) this.builtinIds.set(names.internString(name), 1);

    // The table's lines: from its first declaration or command to its last.
    const firstLine = Math.min(table.commandCount > 0 ? table.firstCommand : Infinity, table.chainCount > 0 ? table.firstChain : Infinity);
    const lastLine = Math.max(table.lastCommand, table.lastChain);
    this.base = Number.isFinite(firstLine) ? firstLine : 0;
    const span = (this.span = Math.max(0, lastLine - this.base + 1));
    this.kinds = new Uint8Array(span);
    this.chainIds = new Int32Array(span).fill(-1);
    this.targetIds = new Int32Array(span).fill(-1);
    this.gotos = new Uint8Array(span);
    this.ruleStarts = new Int32Array(span);
    this.ruleEnds = new Int32Array(span);
    this.previous = new Int32Array(span).fill(-1);
    this.lastRule = new Int32Array(names.count + 2 * table.chainCount + 64).fill(-1);
    this.ruleCounts = new Int32Array(this.lastRule.length);
    this.current = new Int32Array(Math.max(1024, names.count * 2)).fill(NONE);
    for (const name of this.builtins) this.setState(names.internString(name), BUILTIN);
  }

  read(): void {
    const { span, firstTokens, codes, base } = this;
    // Lines that did not parse (a syntax error) are not the table's: leave them out.
    let skip: Uint8Array | null = null;
    if (this.document.diagnostics.length > 0) {
      skip = new Uint8Array(span);
      // The table's lines are together: a command among them is the table's, and so is a
      // declaration, but in iptables -S output, where a declaration is an error of its own.
      const declarations = this.document.form === "restore";
      for (let at = 0; at < span; at++) {
        const kind = this.document.kindOf(base + at);
        if (kind !== "command" && !(kind === "chain" && declarations)) skip[at] = 1;
      }
    }
    for (let at = 0; at < span; at++) {
      const first = firstTokens[base + at];
      if (first === firstTokens[base + at + 1] || (skip !== null && skip[at] === 1)) continue;
      if (codes[first] === TokenCode.ChainDecl) this.declaration(at, first);
      else this.command(at, codes[first] === TokenCode.Counters ? first + 1 : first);
    }
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
    if (before !== NONE && !(before === BUILTIN && this.kinds[at] === LineKind.Declaration)) {
      const previous = before === BUILTIN ? null : (this.line(this.base + before) as Declaration);
      this.redeclarations.push({ line: this.lineAt(at) as Declaration, previous });
    }
    if (before === NONE || before === BUILTIN) this.declaredIds.push(id);
    this.setState(id, at);
  }

  /** `:NAME POLICY [p:b]` */
  declaration(at: number, first: number): void {
    const id = this.idOfToken(first, 1);
    this.declaredTokens.push(first);
    this.declaredInOrder.push(id);
    this.chainIds[at] = id;
    this.kinds[at] = LineKind.Declaration;
    if (this.builtinIds.get(id)) this.declaredBuiltins.add(id);
    // `:NAME - [0:0]` is right for any chain; anything else is for chain-declaration to read.
    const policy = first + 1;
    const dash =
      policy < this.firstTokens[this.base + at + 1] &&
      this.ends[policy] - this.starts[policy] === 1 &&
      this.text.charCodeAt(this.starts[policy]) === 45;
    if (!dash) this.policyDeclarations.push(this.line(this.base + at) as ChainDeclaration);
    this.declare(id, at);
  }

  /** The id of the chain a command names (its first positional argument). */
  chainOf(token: number): number {
    const start = this.starts[token];
    const length = this.ends[token] - start;
    const plain = this.codes[token] !== TokenCode.QuotedWord;
    if (plain && length === this.previousLength && sameRange(this.text, start, this.previousStart, length)) return this.previousId;
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
    const tokens = this.declaredTokens;
    const stop = Math.min(tokens.length, this.nextDeclaration + 8);
    for (let q = this.nextDeclaration; q < stop; q++) {
      const from = this.starts[tokens[q]] + 1;
      if (this.ends[tokens[q]] - from === length && sameRange(this.text, start, from, length)) {
        this.nextDeclaration = q + 1;
        return this.declaredInOrder[q];
      }
    }
    return -1;
  }

  command(at: number, head: number): void {
    const { codes } = this;
    const last = this.firstTokens[this.base + at + 1];
    const command = codes[head];
    if (head >= last || command < TokenCode.Append || command > TokenCode.OtherCommand) return;
    // Positional arguments: the values right after the command.
    let positionalEnd = head + 1;
    while (positionalEnd < last && isValueCode(codes[positionalEnd])) positionalEnd++;
    const id = positionalEnd > head + 1 ? this.chainOf(head + 1) : -1;
    this.chainIds[at] = id;
    const kind = KINDS[command];
    this.kinds[at] = kind;
    if (kind <= LineKind.Delete) this.rule(at, kind, id, positionalEnd, last);
    else this.otherCommand(at, command, id);
  }

  /** `-A`, `-I`, `-R`, `-D`. */
  rule(at: number, kind: LineKind, id: number, positionalEnd: number, last: number): void {
    if (kind !== LineKind.Append) this.appendOnly = false;
    if (id !== -1) {
      if (this.state(id) === NONE) this.missingChains.push(this.lineAt(at));
      if (kind !== LineKind.Delete) this.link(at, id);
    }
    // The rule's text, for comparing rules: after the positional arguments, up to a trailing
    // `-c P B` (iptables -v -S prints counters last), without spaces around it.
    const { codes, text } = this;
    const lineEnd = this.contentEnds[this.base + at];
    let start = this.ends[positionalEnd - 1];
    let end = lineEnd;
    let target = -1;
    let lastOption = true;
    for (let k = last - 1; k >= positionalEnd; k--) {
      const c = codes[k];
      if (c < TokenCode.Append || c > TokenCode.ModuleOption) continue;
      if (lastOption && c === TokenCode.SetCountersOption) end = this.starts[k];
      lastOption = false;
      if (c === TokenCode.JumpOption || c === TokenCode.GotoOption) {
        target = k;
        break;
      }
    }
    while (start < end && text.charCodeAt(start) <= 32) start++;
    while (end > start && text.charCodeAt(end - 1) <= 32) end--;
    this.ruleStarts[at] = start;
    this.ruleEnds[at] = end;
    if (target !== -1) this.target(at, kind, target, last);
  }

  /** Links the chain's rules (`-A`, `-I`, `-R` lines), line to line. */
  link(at: number, id: number): void {
    if (id >= this.lastRule.length) [this.lastRule, this.ruleCounts] = growLinks(this.lastRule, this.ruleCounts, id);
    this.previous[at] = this.lastRule[id];
    this.lastRule[id] = at;
    this.ruleCounts[id]++;
  }

  /** The rule's `-j NAME`, `-g NAME` or `--jump=NAME`: the option at token `option`. */
  target(at: number, kind: LineKind, option: number, last: number): void {
    const { codes, text } = this;
    let start: number;
    let end: number;
    let quoted: boolean;
    const optionStart = this.starts[option];
    const optionEnd = this.ends[option];
    const equals = optionEnd - optionStart > 6 ? text.slice(optionStart, optionEnd).indexOf("=") : -1;
    if (equals !== -1) {
      start = optionStart + equals + 1;
      end = optionEnd;
      quoted = text.slice(start, end).includes('"');
    } else if (option + 1 < last && (isValueCode(codes[option + 1]) || codes[option + 1] === TokenCode.Bang)) {
      start = this.starts[option + 1];
      end = this.ends[option + 1];
      quoted = codes[option + 1] === TokenCode.QuotedWord;
    } else {
      return;
    }
    const t = quoted ? this.names.internString(decodeWord(text.slice(start, end))) : this.targetId(start, end);
    this.targetIds[at] = t;
    if (codes[option] === TokenCode.GotoOption) this.gotos[at] = 1;
    if (kind === LineKind.Delete) return;
    if (this.state(t) !== NONE) {
      if (this.builtinIds.get(t)) this.builtinJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at))! });
    } else if (!this.knownTargets.get(t)) {
      this.missingJumps.push({ line: this.lineAt(at), target: targetOf(this.lineAt(at))! });
    }
  }

  targetId(start: number, end: number): number {
    const length = end - start;
    if (length === this.recentLength0 && sameRange(this.text, start, this.recentStart0, length)) return this.recentId0;
    if (length === this.recentLength1 && sameRange(this.text, start, this.recentStart1, length)) return this.recentId1;
    const id = this.names.intern(this.text, start, end);
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

function replay(document: Document, table: Table): TableWalk {
  const reader = new Reader(document, table);
  reader.read();
  const { base, span, names, knownTargets, builtinIds, targetIds, chainIds, gotos } = reader;

  let declarations: Map<string, Declaration[]> | undefined;
  const allDeclarations = (): Map<string, Declaration[]> => {
    if (declarations === undefined) {
      declarations = new Map();
      const found: Declaration[] = [...table.chains, ...reader.newChainCommands.filter((c) => c.chain !== null)];
      found.sort((a, b) => a.index - b.index);
      for (const line of found) {
        const name = line.kind === "chain" ? line.name : line.chain!;
        const list = declarations.get(name);
        if (list === undefined) declarations.set(name, [line]);
        else list.push(line);
      }
    }
    return declarations;
  };

  let firstUses: Map<string, CommandLine> | undefined;
  const inSpan = (line: { index: number }) => line.index - base >= 0 && line.index - base < span;
  const targetId = (line: CommandLine): number => (inSpan(line) ? targetIds[line.index - base] : -1);
  return {
    table,
    builtins: reader.builtins,
    names,
    partial: isPartial(table, reader),
    missingChains: reader.missingChains,
    missingJumps: reader.missingJumps,
    builtinJumps: reader.builtinJumps,
    redeclarations: reader.redeclarations,
    policyDeclarations: reader.policyDeclarations,
    policyCommands: reader.policyCommands,
    newChainCommands: reader.newChainCommands,
    deletesOrRenames: reader.deletesOrRenames,
    appendOnly: reader.appendOnly,
    base,
    span,
    kinds: reader.kinds,
    chainIds,
    targetIds,
    gotos,
    ruleStarts: reader.ruleStarts,
    ruleEnds: reader.ruleEnds,
    previous: reader.previous,
    lastRule: reader.lastRule,
    ruleCounts: reader.ruleCounts,
    declaredIds: reader.declaredIds,
    lineAt: (at) => reader.lineAt(at),
    declarationsOf: (name) => allDeclarations().get(name) ?? [],
    firstMissingUse(name) {
      if (firstUses === undefined) {
        firstUses = new Map();
        // Both lists are in file order: the first line of each name is the earliest.
        for (const line of reader.missingChains) if (!firstUses.has(line.chain!)) firstUses.set(line.chain!, line);
        for (const { line, target } of reader.missingJumps) {
          const seen = firstUses.get(target.name);
          if (seen === undefined || line.index < seen.index) firstUses.set(target.name, line);
        }
      }
      return firstUses.get(name);
    },
    declaredNames: () => [...allDeclarations().keys()],
    chainId: (line) => (inSpan(line) ? chainIds[line.index - base] : -1),
    targetId,
    target: (line) => (targetId(line) === -1 ? null : targetOf(line)),
    targetName(line) {
      const id = targetId(line);
      return id === -1 ? undefined : names.name(id);
    },
    isGoto: (line) => inSpan(line) && gotos[line.index - base] === 1,
    isKnownTarget: (id) => knownTargets.get(id) === 1,
    isBuiltin: (id) => builtinIds.get(id) === 1,
  };
}

function growLinks(last: Int32Array<ArrayBuffer>, counts: Int32Array<ArrayBuffer>, id: number): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const size = Math.max(last.length * 2, id + 1);
  const grownLast = new Int32Array(size).fill(-1);
  grownLast.set(last);
  const grownCounts = new Int32Array(size);
  grownCounts.set(counts);
  return [grownLast, grownCounts];
}

function sameRange(text: string, a: number, b: number, length: number): boolean {
  for (let i = length - 1; i >= 0; i--) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** The first declaration of `name` after this line, if the table has one. */
export function declaredLater(walk: TableWalk, name: string, line: CommandLine): Declaration | undefined {
  return walk.declarationsOf(name).find((d) => d.index > line.index);
}

/** Where a line is, for messages: `line 12`. */
export const lineOf = (line: { index: number }): string => `line ${line.index + 1}`;

// ---------------------------------------------------------------------------------------------
// Edits

/** Offsets of a whole line, its line end included (for the last line, the line end before it). */
export function wholeLine(document: Document, line: { index: number }): TextEdit {
  const { lineStarts, contentEnds, lineCount } = document.source.lexed;
  const start = lineStarts[line.index];
  const end = line.index + 1 < lineCount ? lineStarts[line.index + 1] : document.text.length;
  if (end > contentEnds[line.index] || line.index === 0) return { start, end, text: "" };
  // The last line has no line end: take the one before it instead.
  return { start: contentEnds[line.index - 1], end, text: "" };
}

/**
 * Moves the declaration of a chain above the first line that needs it: a `:NAME` line goes
 * after the table's last declaration before that line (or after `*table`), a `-N NAME` line
 * just before that line. Two rules find a chain used before its declaration (a jump to it, a
 * command on it); every such finding offers this one fix, which is applied once. Null when the table
 * deletes or renames chains, or declares this one more than once.
 */
export function moveDeclarationFix(document: Document, walk: TableWalk, name: string): Fix | null {
  if (walk.deletesOrRenames) return null;
  const declarations = walk.declarationsOf(name);
  if (declarations.length !== 1) return null;
  const declaration = declarations[0];
  if (declaration.kind === "chain" && declaration.policy !== "-") return null;
  const firstUse = walk.firstMissingUse(name);
  if (firstUse === undefined || firstUse.index > declaration.index) return null;

  const { lineStarts } = document.source.lexed;
  let at: number;
  if (declaration.kind === "chain") {
    const before = walk.table.chains.filter((d) => d.index < firstUse.index).pop();
    const after = before ?? walk.table.header;
    at = after ? lineStarts[after.index + 1] : lineStarts[firstUse.index];
  } else {
    at = lineStarts[firstUse.index];
  }
  const eol = declaration.eol || firstUse.eol || "\n";
  return {
    title: `declare ${name} before its first use`,
    applicability: "safe",
    edits: [{ start: at, end: at, text: declaration.text + eol }, wholeLine(document, declaration)],
  };
}

// ---------------------------------------------------------------------------------------------
// Reachability

/** A user chain that nothing reaches. */
export interface UnreachedChain {
  name: string;
  declaration: Declaration;
  /** How many rules it has. */
  rules: number;
  id: number;
}

export interface Reach {
  /** User chains (declared, not built in) that no built-in chain or root reaches, in table order. */
  unreached: readonly UnreachedChain[];
  /** The chains not reached that have a rule jumping or going to this one (itself left out). */
  referrers(chain: UnreachedChain): string[];
}

/**
 * A table's chains by id, as iptables-restore leaves them once it has read the table: from the
 * walk's per-line links when the table only appends rules (every iptables-save dump), from the
 * replayed chains otherwise (`-I`, `-D`, `-F`, `-X`, `-E`).
 */
export interface ChainGraph {
  readonly walk: TableWalk;
  /** Whether the chain exists once the table is read (declared, or given rules). */
  exists(id: number): boolean;
  /** Calls `visit` with the target id of each rule the chain keeps (-1 for none), in no set order. */
  forEachTarget(id: number, visit: (target: number) => void): void;
  /** Whether a rule line (a node, or its 0-based number) is one its chain keeps (one deleted by `-D` or `-F` is not). */
  keeps(line: { index: number }): boolean;
  /** The declared user chains, in table order. */
  readonly userChains: readonly number[];
  /** The chains with a rule jumping or going to this one (itself left out), once each. */
  callers(id: number): readonly number[];
  describe(id: number): UnreachedChain;
}

/** Chains asked about one at a time (each a pass over the table's rules) before the whole map is made. */
const SCANNED_CALLER_QUERIES = 8;

/**
 * Who calls whom, turned around: by target id, the ids of the chains whose rules name it. The
 * first few chains asked about are answered by a pass over the edges each: a rule mostly asks
 * for the callers of one or two chains, and the whole map of a kube-proxy dump's 60,000 chains
 * costs more than many such passes.
 */
function callerLists(forEachEdge: (visit: (from: number, to: number) => void) => void): (id: number) => readonly number[] {
  let lists: Map<number, number[]> | undefined;
  const unique = new Map<number, readonly number[]>();
  return (id) => {
    let callers = unique.get(id);
    if (callers !== undefined) return callers;
    if (lists === undefined && unique.size < SCANNED_CALLER_QUERIES) {
      const found: number[] = [];
      forEachEdge((from, to) => {
        // A chain's rules stand together: a caller repeats mostly right after itself.
        if (to === id && from !== id && found[found.length - 1] !== from) found.push(from);
      });
      callers = [...new Set(found)];
    } else {
      if (lists === undefined) {
        const built = new Map<number, number[]>();
        forEachEdge((from, to) => {
          if (to < 0 || to === from) return;
          const list = built.get(to);
          if (list === undefined) built.set(to, [from]);
          else if (list[list.length - 1] !== from) list.push(from);
        });
        lists = built;
      }
      callers = [...new Set(lists.get(id) ?? [])];
    }
    unique.set(id, callers);
    return callers;
  };
}

const graphs = new WeakMap<Table, ChainGraph>();

/** The table's chain graph, made once per table. */
export function chainGraph(document: Document, table: Table): ChainGraph {
  let graph = graphs.get(table);
  if (graph === undefined) {
    const walk = walkTable(document, table);
    graphs.set(table, (graph = walk.appendOnly ? appendedGraph(walk) : replayedGraph(document, walk, table)));
  }
  return graph;
}

function appendedGraph(walk: TableWalk): ChainGraph {
  const { names, lastRule, previous, targetIds, ruleCounts } = walk;
  const declared = new Uint8Array(names.count);
  for (const id of walk.declaredIds) declared[id] = 1;
  return {
    walk,
    exists: (id) => (id < declared.length && declared[id] === 1) || (id < ruleCounts.length && ruleCounts[id] > 0),
    forEachTarget(id, visit) {
      // The chain's rules, last to first.
      if (id < lastRule.length) for (let at = lastRule[id]; at !== -1; at = previous[at]) visit(targetIds[at]);
    },
    keeps: (line) => walk.kinds[line.index - walk.base] === LineKind.Append && walk.chainId(line) !== -1,
    userChains: walk.declaredIds.filter((id) => !walk.isBuiltin(id)),
    callers: callerLists((visit) => {
      const { kinds, chainIds, span } = walk;
      for (let at = 0; at < span; at++) if (kinds[at] === LineKind.Append && chainIds[at] !== -1) visit(chainIds[at], targetIds[at]);
    }),
    describe: (id) => ({
      name: names.name(id),
      declaration: walk.declarationsOf(names.name(id))[0],
      rules: id < ruleCounts.length ? ruleCounts[id] : 0,
      id,
    }),
  };
}

function replayedGraph(document: Document, walk: TableWalk, table: Table): ChainGraph {
  const byId = new Map<number, Chain>();
  for (const chain of chainsOf(document, table).values()) byId.set(walk.names.internString(chain.name), chain);
  let kept: Set<number> | undefined;
  return {
    walk,
    exists: (id) => byId.has(id),
    forEachTarget(id, visit) {
      for (const line of byId.get(id)?.rules ?? []) visit(walk.targetId(line));
    },
    keeps: (line) => (kept ??= new Set([...byId.values()].flatMap((chain) => chain.rules.map((rule) => rule.index)))).has(line.index),
    userChains: [...byId].filter(([id, chain]) => chain.declaration !== null && !walk.isBuiltin(id)).map(([id]) => id),
    callers: callerLists((visit) => {
      for (const [id, chain] of byId) for (const line of chain.rules) visit(id, walk.targetId(line));
    }),
    describe(id) {
      const chain = byId.get(id)!;
      return { name: chain.name, declaration: chain.declaration!, rules: chain.rules.length, id };
    },
  };
}

/**
 * Which user chains the built-in chains (and the user chains `isRoot` names) do not reach,
 * through jumps and gotos, once the table is read.
 */
export function reachOf(document: Document, table: Table, isRoot: (name: string) => boolean): Reach {
  return reach(chainGraph(document, table), isRoot);
}

/** Reachability from the built-in chains, then from the roots among the chains left. */
function reach(source: ChainGraph, isRoot: (name: string) => boolean): Reach {
  const walk = source.walk;
  // Interned before the array is sized, so that every id fits in it.
  const builtins = [...walk.builtins].map((name) => walk.names.internString(name));
  const reached = new Uint8Array(walk.names.count);
  const stack: number[] = [];
  const enter = (id: number) => {
    reached[id] = 1;
    stack.push(id);
  };
  const follow = (next: number) => {
    if (next !== -1 && reached[next] === 0 && !walk.isKnownTarget(next)) enter(next);
  };
  const visit = () => {
    while (stack.length) source.forEachTarget(stack.pop()!, follow);
  };
  for (const id of builtins) enter(id);
  visit();
  // Chains meant to be entered from elsewhere count as entered: after the built-in chains,
  // so that only the few chains left are named.
  const left = source.userChains.filter((id) => reached[id] === 0);
  for (const id of left) if (isRoot(walk.names.name(id))) enter(id);
  visit();
  const unreached = left.filter((id) => reached[id] === 0).map((id) => source.describe(id));
  let referrers: Map<number, string[]> | undefined;
  return {
    unreached,
    referrers(chain) {
      // A chain that is reached would make its jump targets reached: look at the others alone,
      // all at once on the first question.
      if (referrers === undefined) {
        referrers = new Map();
        for (const other of unreached) {
          const targets = new Set<number>();
          source.forEachTarget(other.id, (target) => targets.add(target));
          for (const target of targets) {
            if (target === -1 || target === other.id) continue;
            let from = referrers.get(target);
            if (from === undefined) referrers.set(target, (from = []));
            from.push(other.name);
          }
        }
      }
      return referrers.get(chain.id) ?? [];
    },
  };
}
