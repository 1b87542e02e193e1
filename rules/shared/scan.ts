/**
 * Cheap reads of command lines for rules that look at every line of a dump: an index of the
 * lines that use the options, matches and targets those rules look for (`documentIndex`), and a
 * line's options read straight from the lexer's token arrays (`LineView`) instead of building its
 * rule. `CommandLine.rule` builds nodes for every option; a 10,000-service kube-proxy dump has a
 * quarter of a million lines, and building the rule of one line in ten costs more than the whole
 * lint run may.
 */
import { decodeWord, type CommandLine, type Document, type SourceRange } from "../../grammar/index.js";
import { TokenCode } from "../../grammar/tokens.js";
import { EXTENSION_TARGETS } from "./netfilter.js";

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

  constructor(readonly line: CommandLine) {
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

  /** The token code of element `i`'s option: generic, match (`-m`), jump, goto, module option... */
  code(i: number): TokenCode {
    return this.codes[this.optionToken(i)];
  }

  /** The option's spelling as iptables sees it, without an inline `=value`. */
  name(i: number): string {
    const t = this.optionToken(i);
    let word = this.text.slice(this.starts[t], this.ends[t]);
    if (word.includes('"')) word = decodeWord(word);
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    return equals === -1 ? word : word.slice(0, equals);
  }

  /** Whether the option's name is exactly `name` (cheap: compares in place). */
  is(i: number, name: string): boolean {
    const t = this.optionToken(i);
    const start = this.starts[t];
    const end = this.ends[t];
    if (end - start === name.length) return this.text.startsWith(name, start);
    // `--name=value` or a quoted option word: the slow path.
    return end - start > name.length && this.name(i) === name;
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
    const t = this.optionToken(i);
    const raw = this.text.slice(this.starts[t], this.ends[t]);
    if (raw.startsWith("--")) {
      const equals = raw.indexOf("=");
      if (equals !== -1) out.push(decodeWord(raw.slice(equals + 1)));
    }
    const from = this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1;
    const to = this.first + this.e[i * 4 + 3];
    for (let k = from; k < to; k++) out.push(decodeWord(this.text.slice(this.starts[k], this.ends[k])));
    return out;
  }

  /** The first value, or null. */
  value(i: number): string | null {
    const values = this.values(i);
    return values.length ? values[0] : null;
  }

  /** The range of the option word. */
  optionRange(i: number): SourceRange {
    const t = this.optionToken(i);
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** The range of the whole element: `!`, option and values. */
  range(i: number): SourceRange {
    const bang = this.e[i * 4];
    const option = this.e[i * 4 + 1];
    const late = this.e[i * 4 + 2];
    const end = this.e[i * 4 + 3];
    const firstToken = this.first + (bang !== -1 ? bang : option);
    const lastToken = this.first + Math.max(end - 1, option, late);
    return { start: this.starts[firstToken], end: this.ends[lastToken] };
  }

  /** The range of the `!` of element `i` (before or after the option), or null. */
  bangRange(i: number): SourceRange | null {
    const bang = this.e[i * 4] !== -1 ? this.e[i * 4] : this.e[i * 4 + 2];
    if (bang === -1) return null;
    const t = this.first + bang;
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** The range of value `k` of element `i` written as its own word, or null. */
  valueRange(i: number, k = 0): SourceRange | null {
    const from = this.first + Math.max(this.e[i * 4 + 1], this.e[i * 4 + 2]) + 1;
    const t = from + k;
    if (t >= this.first + this.e[i * 4 + 3]) return null;
    return { start: this.starts[t], end: this.ends[t] };
  }

  /** Index of the last `-j`/`-g` element, or -1. */
  targetIndex(): number {
    for (let i = this.count - 1; i >= 0; i--) {
      const code = this.code(i);
      if (code === TokenCode.JumpOption || code === TokenCode.GotoOption) return i;
    }
    return -1;
  }
}

/**
 * The name a rule jumps or goes to (`-j NAME`, `-g NAME`; the last one when repeated), or
 * null: the same as `CommandLine.target?.name`, with no objects made.
 */
export function jumpTarget(line: CommandLine): string | null {
  const span = jumpTargetSpan(line);
  if (span === null) return null;
  const name = line.source.text.slice(span.start, span.end);
  return name.includes('"') ? decodeWord(name) : name;
}

/** Where the name of a rule's target is written (after `-j `, or after `--jump=`), or null. */
export function jumpTargetSpan(line: CommandLine): SourceRange | null {
  return targetSpanInto(line, { start: 0, end: 0 });
}

/** Reused by the loops over every line below: no object per line. */
const scratch: SourceRange = { start: 0, end: 0 };

function targetSpanInto(line: CommandLine, into: SourceRange): SourceRange | null {
  const plan = line.plan;
  if (plan.head < 0) return null;
  const e = plan.elements;
  const lexed = line.source.lexed;
  const first = lexed.firstTokens[line.index];
  const { starts, ends, codes } = lexed.tokens;
  for (let i = e.length - 4; i >= 0; i -= 4) {
    const t = first + e[i + 1];
    const code = codes[t];
    if (code !== TokenCode.JumpOption && code !== TokenCode.GotoOption) continue;
    const start = starts[t];
    const end = ends[t];
    if (end - start > 2) {
      // `--jump=NAME`, `--goto=NAME`, or a quoted option word.
      const equals = line.source.text.indexOf("=", start);
      if (equals !== -1 && equals < end) {
        into.start = equals + 1;
        into.end = end;
        return into;
      }
    }
    if (e[i + 3] > e[i + 1] + 1) {
      into.start = starts[t + 1];
      into.end = ends[t + 1];
      return into;
    }
    return null;
  }
  return null;
}

/**
 * Facts about every command line of a document, gathered in one pass over the token arrays
 * (a quarter of a million lines are read once, for every rule, comparing words in place rather
 * than making strings): which watched options, `-m` modules and extension target a line uses,
 * its protocol, the families of its addresses, a `!` after an option. Rules then look closely
 * only at the few lines these facts single out.
 */

/** Options some rule looks for; the order is fixed (their numbers are bits of `optionBits`). */
export const WATCHED_OPTIONS = [
  // Generic options with addresses, and the protocol.
  "-s", "--source", "--src", "-d", "--destination", "--dst", "-p", "--protocol",
  // Options of protocol matches, which `-p` loads on its own (8 to 23).
  "--sport", "--source-port", "--dport", "--destination-port", "--tcp-flags", "--syn", "--tcp-option",
  "--chunk-types", "--dccp-types", "--dccp-option", "--icmp-type", "--icmpv6-type", "--espspi", "--ahspi", "--ahlen", "--ahres",
  // Options with addresses (24 to 36).
  "--to-destination", "--to-source", "--to", "--gateway", "--on-ip", "--src-range", "--dst-range",
  "--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst", "--tunnel-src", "--tunnel-dst",
  // Options with families or protocols in their values.
  "--reject-with",
  // Interfaces (38 to 41).
  "-i", "--in-interface", "-o", "--out-interface",
] as const;

/** `-m` modules some rule looks for (their numbers are bits of `moduleBits`). */
export const WATCHED_MODULES = ["tcp", "udp", "sctp", "dccp", "icmp", "icmp6", "icmpv6", "esp", "ah", "multiport", "iprange", "conntrack", "policy", "mark"] as const;

export type WatchedOption = (typeof WATCHED_OPTIONS)[number];
export type WatchedModule = (typeof WATCHED_MODULES)[number];

/** Protocols as `protocolOf` numbers them; 0 is no `-p`, OTHER_PROTOCOL any other protocol. */
export const PROTOCOLS = ["", "tcp", "udp", "sctp", "dccp", "icmp", "ipv6-icmp", "esp", "ah"] as const;
export const OTHER_PROTOCOL = 9;
/** A `-p` value not read in place (upper case, quoted): read it with `LineView`. */
export const UNREAD_PROTOCOL = 15;

const PROTOCOL_SPELLINGS: Readonly<Record<string, number>> = {
  tcp: 1, "6": 1, udp: 2, "17": 2, sctp: 3, "132": 3, dccp: 4, "33": 4, icmp: 5, "1": 5,
  "ipv6-icmp": 6, icmpv6: 6, "58": 6, esp: 7, "50": 7, ah: 8, "51": 8,
  all: OTHER_PROTOCOL, "0": OTHER_PROTOCOL, udplite: OTHER_PROTOCOL, "136": OTHER_PROTOCOL, gre: OTHER_PROTOCOL, "47": OTHER_PROTOCOL,
};

export const enum LineFlag {
  /** A `!` follows an option (`-s ! x`). */
  LateBang = 1,
  /** The protocol is negated (`! -p tcp`). */
  ProtocolNegated = 2,
  /** An option of a protocol match comes before any `-p` and any protocol `-m`. */
  ProtocolOptionFirst = 4,
  /** `-p` comes after the target. */
  ProtocolAfterTarget = 8,
  /** Several `-p`, or a `-j` written `--jump=NAME` or quoted. */
  Unusual = 16,
  /** An address value is IPv4 (dotted quad). */
  V4Address = 32,
  /** An address value is IPv6 (colons, or brackets). */
  V6Address = 64,
  /** The protocol is icmp or ipv6-icmp. */
  IcmpProtocol = 128,
}

/**
 * Spellings compared in place: a word is compared only when some spelling has its length and
 * its third character (second for a two-letter word), then with `startsWith`.
 */
export class Spellings {
  readonly names: readonly string[];
  /** Spelling numbers by length. */
  readonly buckets: (number[] | undefined)[] = [];
  /** 1 where some spelling has this length and character (length * 128 + char code). */
  readonly filter = new Uint8Array(64 * 128);

  constructor(names: Iterable<string>) {
    this.names = [...names];
    this.names.forEach((name, id) => {
      (this.buckets[name.length] ??= []).push(id);
      this.filter[Spellings.key(name, 0, name.length)] = 1;
    });
  }

  private static key(text: string, start: number, end: number): number {
    const length = end - start;
    if (length <= 0 || length >= 64) return 0;
    const c = text.charCodeAt(start + (length > 2 ? 2 : length - 1));
    return c < 128 ? length * 128 + c : 0;
  }

  /** The number of the spelling `text[start, end)` is, or -1 (characters compared one by one: no call per word). */
  id(text: string, start: number, end: number): number {
    if (this.filter[Spellings.key(text, start, end)] === 0) return -1;
    const bucket = this.buckets[end - start]!;
    const length = end - start;
    for (let b = 0; b < bucket.length; b++) {
      const name = this.names[bucket[b]];
      let i = 0;
      while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === length) return bucket[b];
    }
    return -1;
  }

  /** The spelling `text[start, end)` is, or undefined. */
  find(text: string, start: number, end: number): string | undefined {
    const id = this.id(text, start, end);
    return id === -1 ? undefined : this.names[id];
  }
}

export const OPTION_SPELLINGS = new Spellings(WATCHED_OPTIONS);
export const MODULE_SPELLINGS = new Spellings(WATCHED_MODULES);
export const TARGET_SPELLINGS = new Spellings(EXTENSION_TARGETS);
const PROTOCOL_WORDS = new Spellings(Object.keys(PROTOCOL_SPELLINGS));
const PROTOCOL_WORD_IDS = PROTOCOL_WORDS.names.map((name) => PROTOCOL_SPELLINGS[name]);

const optionId = (name: WatchedOption): number => (WATCHED_OPTIONS as readonly string[]).indexOf(name);
const moduleId = (name: WatchedModule): number => (WATCHED_MODULES as readonly string[]).indexOf(name);
const FIRST_PROTOCOL_OPTION = optionId("--sport");
const LAST_PROTOCOL_OPTION = optionId("--ahres");
const FIRST_ADDRESS_OPTION = optionId("--to-destination");
const LAST_ADDRESS_OPTION = optionId("--tunnel-dst");
const PROTOCOL_OPTION = optionId("-p");
const PROTOCOL_LONG_OPTION = optionId("--protocol");
/** Modules bound to a protocol, and multiport: loading one settles which match an option belongs to. */
const PROTOCOL_MODULE_BITS = (["tcp", "udp", "sctp", "dccp", "icmp", "icmp6", "icmpv6", "esp", "ah", "multiport"] as const).reduce((m, n) => m | (1 << moduleId(n)), 0);

/** A query: command lines using any of these. */
export interface Query {
  options?: readonly WatchedOption[];
  modules?: readonly WatchedModule[];
  targets?: readonly string[];
  flags?: number;
}

export interface DocumentIndex {
  /** Command lines using any of the query's options, modules, targets or flags, once each, in file order. */
  linesWith(query: Query): CommandLine[];
  /** Command lines with a `!` right after an option (`-s ! x`; the parse confirms it), in file order. */
  withLateBang(): readonly CommandLine[];
  /** Command lines whose target is this extension target, in file order (kept: ask again freely). */
  withTarget(name: string): readonly CommandLine[];
  /**
   * The numbers (0-based) of the lines whose target is this extension target, in order, without
   * making their nodes: lines with errors among them (check that a walk or the node says command).
   */
  targetLineNumbers(name: string): readonly number[];
  /** The same, as 0-based line numbers (no line objects touched). */
  lineNumbersWith(query: Query): Int32Array;
  /** Bits of `WATCHED_OPTIONS` line `line` (0-based) uses (0 to 31; 32 and up in `optionBitsHigh`). */
  optionBits(line: number): number;
  optionBitsHigh(line: number): number;
  /** Bits of `WATCHED_MODULES` a line loads. */
  moduleBits(line: number): number;
  /** The line's extension target (`TARGET_SPELLINGS` number), or -1. */
  targetId(line: number): number;
  /** The line's protocol: 0 none, a `PROTOCOLS` number, OTHER_PROTOCOL or UNREAD_PROTOCOL. */
  protocolOf(line: number): number;
  flags(line: number): number;
  /** How many `-s`/`-d` values are IPv4 and IPv6 addresses. */
  readonly addressCounts: { v4: number; v6: number };
}

export const optionBit = (name: WatchedOption): [low: number, high: number] => {
  const id = optionId(name);
  return id < 32 ? [1 << id, 0] : [0, 1 << (id - 32)];
};
export const moduleBit = (name: WatchedModule): number => 1 << moduleId(name);
export const targetNumber = (name: string): number => TARGET_SPELLINGS.names.indexOf(name);

const indexes = new WeakMap<Document, DocumentIndex>();

/** The document's index, built on first use and kept for the other rules. */
export function documentIndex(document: Document): DocumentIndex {
  let index = indexes.get(document);
  if (index === undefined) indexes.set(document, (index = buildIndex(document)));
  return index;
}

/**
 * The family of an address value, from its first characters: IPv6 has a `:` in its first five
 * (a group has at most four hex digits) or starts with `[`; IPv4 starts with a digit and has a
 * `.` in its first four. A longer value (a list, a range) is read whole. Rules check the values
 * of the lines this picks before they report.
 */
function addressFamilies(text: string, start: number, end: number): number {
  if (end - start > 18) return addressFamiliesOfList(text, start, end);
  const c0 = text.charCodeAt(start);
  if (c0 === 0x5b /* [ */) return LineFlag.V6Address;
  const stop = Math.min(end, start + 5);
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) return LineFlag.V6Address;
    if (c === 0x2e /* . */) return c0 >= 0x30 && c0 <= 0x39 && i - start <= 3 ? LineFlag.V4Address : 0;
  }
  return 0;
}

function addressFamiliesOfList(text: string, start: number, end: number): number {
  let families = 0;
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x2c; /* , ends the last item */
    if (c === 0x2c || c === 0x2d /* - in a range */) {
      if (i > itemStart) families |= addressFamilies(text, itemStart, Math.min(i, itemStart + 18));
      itemStart = i + 1;
    }
  }
  return families;
}

/** A growable list of numbers. */
class Numbers {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const data = new Int32Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.length++] = value;
  }
}

/** What the scan reads and the per line arrays it fills. */
interface Scan {
  document: Document;
  text: string;
  firstTokens: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  codes: Uint8Array;
  lineCount: number;
  modules: Uint32Array;
  targets: Int16Array;
  flags: Uint8Array;
  optionsLow: Uint32Array;
  optionsHigh: Uint32Array;
  protocols: Uint8Array;
  lateBangLines: number[];
  addressCounts: { v4: number; v6: number };
}

/**
 * Builds the index in one pass, line by line: each line's tokens are read in order while the
 * line's text is in the processor's cache. (Reading the 25 MB of a kube-proxy dump once per
 * kind of fact, as this did before, fetched most of it from memory seven times.)
 */
function buildIndex(document: Document): DocumentIndex {
  const { firstTokens, tokens, lineCount } = document.source.lexed;
  const scan: Scan = {
    document,
    text: document.text,
    firstTokens,
    starts: tokens.starts,
    ends: tokens.ends,
    codes: tokens.codes,
    lineCount,
    modules: new Uint32Array(lineCount),
    targets: new Int16Array(lineCount).fill(-1),
    flags: new Uint8Array(lineCount),
    optionsLow: new Uint32Array(lineCount),
    optionsHigh: new Uint32Array(lineCount),
    protocols: new Uint8Array(lineCount),
    lateBangLines: [],
    addressCounts: { v4: 0, v6: 0 },
  };
  readLines(scan);
  const { targets, flags, modules, optionsLow, optionsHigh, protocols, addressCounts, lateBangLines } = scan;
  const byTarget = linesByTarget(targets, lineCount);

  const line = document.line;
  const targetLines: (readonly CommandLine[] | undefined)[] = [];
  const select = (query: Query): Int32Array => selectLines(scan, query);
  let lateBangs: CommandLine[] | undefined;
  return {
    withLateBang() {
      return (lateBangs ??= lateBangLines.map(line).filter((l): l is CommandLine => l.kind === "command"));
    },
    withTarget(name) {
      const id = targetNumber(name);
      if (id === -1) return [];
      return (targetLines[id] ??= byTarget[id].map(line).filter((l): l is CommandLine => l.kind === "command"));
    },
    targetLineNumbers(name) {
      const id = targetNumber(name);
      return id === -1 ? [] : byTarget[id];
    },
    linesWith(query) {
      const found = select(query);
      const out: CommandLine[] = [];
      for (let k = 0; k < found.length; k++) {
        const node = line(found[k]);
        if (node.kind === "command") out.push(node);
      }
      return out;
    },
    lineNumbersWith: (query) => select(query),
    optionBits: (line) => optionsLow[line],
    optionBitsHigh: (line) => optionsHigh[line],
    moduleBits: (line) => modules[line],
    targetId: (line) => targets[line],
    protocolOf: (line) => protocols[line],
    flags: (line) => flags[line],
    addressCounts,
  };
}

/** The numbers of the lines matching a query (any of its options, modules, targets or flags). */
function selectLines(scan: Scan, query: Query): Int32Array {
  const { optionsLow, optionsHigh, modules, flags, targets, lineCount } = scan;
  let low = 0;
  let high = 0;
  for (const name of query.options ?? []) {
    const [l, h] = optionBit(name);
    low |= l;
    high |= h;
  }
  let moduleMask = 0;
  for (const name of query.modules ?? []) moduleMask |= moduleBit(name);
  const wanted = new Uint8Array(TARGET_SPELLINGS.names.length + 1);
  for (const name of query.targets ?? []) {
    const id = targetNumber(name);
    if (id !== -1) wanted[id] = 1;
  }
  const flagMask = query.flags ?? 0;
  const found = new Numbers(256);
  for (let i = 0; i < lineCount; i++) {
    if (
      (optionsLow[i] & low) !== 0 ||
      (optionsHigh[i] & high) !== 0 ||
      (modules[i] & moduleMask) !== 0 ||
      (flags[i] & flagMask) !== 0 ||
      (targets[i] !== -1 && wanted[targets[i]] === 1)
    ) {
      found.push(i);
    }
  }
  return found.data.subarray(0, found.length);
}

/** Every line, each read by `readLine`: a loop of its own, so that it is compiled while it runs. */
function readLines(scan: Scan): void {
  const { firstTokens, lineCount } = scan;
  for (let line = 0; line < lineCount; line++) {
    const first = firstTokens[line];
    const last = firstTokens[line + 1];
    if (last > first) readLine(scan, line, first, last);
  }
}

/**
 * One line's tokens, in order: the watched options (`-p` and its protocol, the options of
 * protocol matches, addresses and their families), the watched `-m` modules, the target (the
 * last `-j`/`-g` wins, as in iptables) and a `!` right after an option (`-s ! x`).
 */
function readLine(scan: Scan, line: number, first: number, last: number): void {
  const { text, starts, ends, codes } = scan;
  const optionFilter = OPTION_SPELLINGS.filter;
  let low = 0;
  let high = 0;
  let modules = 0;
  let flags = 0;
  let protocol = 0;
  let target = -1;
  let targetRead = false;
  // Whether a `-j`/`-g`, a `-p` or a protocol `-m` came before the token being read.
  let jumped = false;
  let protocolGiven = false;
  let protocolLoaded = false;
  let lateBang = false;
  for (let t = first; t < last; t++) {
    const code = codes[t];
    if (code === TokenCode.ModuleOption || code === TokenCode.GenericOption) {
      const start = starts[t];
      const length = ends[t] - start;
      if (length >= 64 || optionFilter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) continue;
      const id = optionSpelling(text, start, length);
      if (id === -1) continue;
      if (id < 32) low |= 1 << id;
      else high |= 1 << (id - 32);
      if (id === PROTOCOL_OPTION || id === PROTOCOL_LONG_OPTION) {
        if (protocol !== 0) flags |= LineFlag.Unusual;
        if (jumped) flags |= LineFlag.ProtocolAfterTarget;
        if (t > first && codes[t - 1] === TokenCode.Bang) flags |= LineFlag.ProtocolNegated;
        const word = t + 1 < last ? PROTOCOL_WORDS.id(text, starts[t + 1], ends[t + 1]) : -1;
        protocol = word === -1 ? UNREAD_PROTOCOL : PROTOCOL_WORD_IDS[word];
        if (protocol === 5 || protocol === 6) flags |= LineFlag.IcmpProtocol;
        protocolGiven = true;
      } else if (id >= FIRST_PROTOCOL_OPTION && id <= LAST_PROTOCOL_OPTION) {
        if (!protocolGiven && !protocolLoaded) flags |= LineFlag.ProtocolOptionFirst;
      } else if ((id < PROTOCOL_OPTION || (id >= FIRST_ADDRESS_OPTION && id <= LAST_ADDRESS_OPTION)) && t + 1 < last) {
        const families = addressFamilies(text, starts[t + 1], ends[t + 1]);
        flags |= families;
        if (id < PROTOCOL_OPTION) {
          if (families & LineFlag.V4Address) scan.addressCounts.v4++;
          if (families & LineFlag.V6Address) scan.addressCounts.v6++;
        }
      }
    } else if (code === TokenCode.MatchOption) {
      if (t + 1 >= last) continue;
      const start = starts[t + 1];
      const length = ends[t + 1] - start;
      if (length >= 64 || MODULE_SPELLINGS.filter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) continue;
      const id = MODULE_SPELLINGS.id(text, start, ends[t + 1]);
      if (id === -1) continue;
      modules |= 1 << id;
      if ((PROTOCOL_MODULE_BITS & (1 << id)) !== 0) protocolLoaded = true;
    } else if (code === TokenCode.JumpOption || code === TokenCode.GotoOption) {
      jumped = true;
      if (ends[t] - starts[t] <= 6 && t + 1 < last && text.charCodeAt(starts[t + 1]) !== 0x22 /* " */) {
        const start = starts[t + 1];
        const length = ends[t + 1] - start;
        target =
          length < 64 && TARGET_SPELLINGS.filter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 1
            ? TARGET_SPELLINGS.id(text, start, ends[t + 1])
            : -1;
        targetRead = false;
      } else {
        // `--jump=NAME` or a quoted name: read as a string, once the line is done.
        targetRead = true;
        flags |= LineFlag.Unusual;
      }
    } else if (code === TokenCode.Bang && t > first) {
      const before = codes[t - 1];
      if (before === TokenCode.ModuleOption || before === TokenCode.GenericOption) lateBang = true;
    }
  }
  if (targetRead) target = oddTargetId(scan.document, line);
  if (lateBang) {
    flags |= LineFlag.LateBang;
    scan.lateBangLines.push(line);
  }
  if (low !== 0) scan.optionsLow[line] = low;
  if (high !== 0) scan.optionsHigh[line] = high;
  if (modules !== 0) scan.modules[line] = modules;
  if (flags !== 0) scan.flags[line] = flags;
  if (protocol !== 0) scan.protocols[line] = protocol;
  if (target !== -1) scan.targets[line] = target;
}

/** The number of the watched option spelled `text[start, start + length)`, or -1 (compared here: no call per word). */
function optionSpelling(text: string, start: number, length: number): number {
  const { names, buckets } = OPTION_SPELLINGS;
  const bucket = buckets[length]!;
  for (let b = 0; b < bucket.length; b++) {
    const name = names[bucket[b]];
    let i = 0;
    while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === length) return bucket[b];
  }
  return -1;
}

function linesByTarget(targets: Int16Array, lineCount: number): number[][] {
  const byTarget: number[][] = TARGET_SPELLINGS.names.map(() => []);
  for (let i = 0; i < lineCount; i++) if (targets[i] !== -1) byTarget[targets[i]].push(i);
  return byTarget;
}

/** The extension target of a line written `--jump=NAME` or with a quoted name, or -1. */
function oddTargetId(document: Document, index: number): number {
  const line = document.line(index);
  if (line.kind !== "command") return -1;
  const span = targetSpanInto(line, scratch);
  if (span === null) return -1;
  const name = decodeWord(document.text.slice(span.start, span.end));
  return TARGET_SPELLINGS.names.indexOf(name);
}
