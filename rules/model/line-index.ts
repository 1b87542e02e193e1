/**
 * Facts about every command line of a document, gathered in one pass over the token arrays
 * (a quarter of a million lines are read once, for every rule, comparing words in place rather
 * than making strings): which watched options, `-m` modules and extension target a line uses,
 * its protocol, the families of its addresses, a `!` after an option. Rules then look closely
 * only at the few lines these facts single out, with `LineView` (grammar) or the line's node.
 *
 * Inside, each line's facts are bits; the bits are numbered from the lists below, and no rule
 * sees them: it asks for lines by option, module, target or fact, and whether a line uses one.
 */
import { decodeWord, inlineValue, isRuleOptionCode, ownOptionName, readTarget, targetName, TokenCode, type CommandLine, type Document, type LexedText, type TargetSpan } from "../../grammar/index.js";
import {
  EXTENSION_TARGETS,
  findExtension,
  GENERIC_ADDRESS_OPTIONS,
  NAT_ADDRESS_OPTIONS,
  parseAddressList,
  PLAIN_ADDRESS_OPTIONS,
  PROTOCOL_MATCHES,
  PROTOCOL_OPTION_OWNERS,
  PROTOCOL_TARGETS,
  RANGE_ADDRESS_OPTIONS,
} from "../netfilter/index.js";
import { type LineNo } from "./ids.js";
import { lineShapes, type LineShapes } from "./shapes.js";

/** Options a rule may ask for lines by. */
export const WATCHED_OPTIONS = [
  // Generic options with addresses, and the protocol.
  "-s", "--source", "--src", "-d", "--destination", "--dst", "-p", "--protocol",
  // Options of protocol matches, which `-p` loads on its own.
  "--sport", "--source-port", "--dport", "--destination-port", "--tcp-flags", "--syn", "--tcp-option",
  "--chunk-types", "--dccp-types", "--dccp-option", "--icmp-type", "--icmpv6-type", "--espspi", "--ahspi", "--ahlen", "--ahres",
  "--mh-type", "--ipcompspi", "--compres",
  // Options with addresses.
  "--to-destination", "--to-source", "--to", "--gateway", "--on-ip", "--src-range", "--dst-range",
  "--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst", "--tunnel-src", "--tunnel-dst",
  // Options with families or protocols in their values.
  "--reject-with",
  // Interfaces.
  "-i", "--in-interface", "-o", "--out-interface",
  // The family a line is for: the other family's restore tool skips it (iptables(8)).
  "-4", "--ipv4", "-6", "--ipv6",
] as const;

/** `-m` modules a rule may ask for lines by. */
export const WATCHED_MODULES = [
  "tcp", "udp", "sctp", "dccp", "icmp", "icmp6", "icmpv6", "esp", "ah", "multiport", "tcpmss", "mh", "ipcomp", "iprange", "conntrack", "policy", "mark",
  // Matches the kernel accepts only in some places (netfilter/places.ts).
  "owner", "cgroup", "socket", "mac", "rpfilter", "addrtype", "devgroup", "physdev", "osf", "realm", "eui64",
] as const;

export type WatchedOption = (typeof WATCHED_OPTIONS)[number];
export type WatchedModule = (typeof WATCHED_MODULES)[number];

/** Facts of a line's text a rule may ask for lines by. */
export type LineFact =
  /** An address value is IPv4 (a dotted quad). */
  | "v4-address"
  /** An address value is IPv6 (colons, or brackets). */
  | "v6-address"
  /** The protocol is icmp or ipv6-icmp. */
  | "icmp-protocol"
  /**
   * A `!` before an option other than iptables' own `-s`, `-d`, `-p`, `-i`, `-o`, `-f` and the
   * like (before `-m`, `-j`, `-g`, `-c` or an extension's option): the only `!` iptables may refuse.
   */
  | "bang-before-other-option";

/** Line numbers in file order, in a typed array: a query may single out tens of thousands. */
export type LineNumbers = ArrayLike<LineNo> & Iterable<LineNo>;

/** Lines using any of these. */
export interface LineQuery {
  options?: readonly WatchedOption[];
  modules?: readonly WatchedModule[];
  /** Extension targets (`DNAT`, `MARK`; not ACCEPT, DROP, RETURN, QUEUE or chains). */
  targets?: readonly string[];
  facts?: readonly LineFact[];
}

export interface LineIndex {
  /** Command lines using any of the query's options, modules, targets or facts, once each, in file order. */
  commandsWith(query: LineQuery): CommandLine[];
  /** The same, as line numbers (no node made): lines with syntax errors among them (ask `document.kindOf`). */
  linesWith(query: LineQuery): LineNumbers;
  /** Command lines with a `!` right after an option (`-s ! x`; the parse confirms it), in file order. */
  withLateBang(): readonly CommandLine[];
  /** Command lines whose target is this extension target, in file order (kept: ask again freely). */
  withTarget(name: string): readonly CommandLine[];
  /** The numbers of the lines whose target is this extension target, in order, with no node made (see `linesWith`). */
  linesTargeting(name: string): readonly LineNo[];
  /** Whether the line uses this option. */
  uses(line: LineNo, option: WatchedOption): boolean;
  /** The line's target when it is an extension target, or null. */
  extensionTarget(line: LineNo): string | null;
  /**
   * Whether every option, match and target of the line that needs a protocol surely has it
   * (`-p tcp -m tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80`), from the facts read in
   * place: false when a closer look is needed, not when something is wrong.
   */
  protocolNeedsSurelyMet(line: LineNo): boolean;
  /** How many `-s`/`-d` values are IPv4 and IPv6 addresses. */
  readonly addressCounts: { v4: number; v6: number };
  /** The lines with options of extensions, by shape (`shapes.ts`): one pass over the tokens, made on first use. */
  shapes(): LineShapes;
}

/** Protocols as the index numbers them; 0 is no `-p`, OTHER_PROTOCOL any other protocol. */
const PROTOCOLS = ["", "tcp", "udp", "sctp", "dccp", "icmp", "ipv6-icmp", "esp", "ah"] as const;
const OTHER_PROTOCOL = 9;
/** A `-p` value not read in place (upper case, quoted): a closer look reads it. */
const UNREAD_PROTOCOL = 15;

const PROTOCOL_SPELLINGS: Readonly<Record<string, number>> = {
  tcp: 1, "6": 1, udp: 2, "17": 2, sctp: 3, "132": 3, dccp: 4, "33": 4, icmp: 5, "1": 5,
  "ipv6-icmp": 6, icmpv6: 6, "58": 6, esp: 7, "50": 7, ah: 8, "51": 8,
  all: OTHER_PROTOCOL, "0": OTHER_PROTOCOL, udplite: OTHER_PROTOCOL, "136": OTHER_PROTOCOL, gre: OTHER_PROTOCOL, "47": OTHER_PROTOCOL,
};

const enum LineFlag {
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
  V4Address = 32,
  V6Address = 64,
  IcmpProtocol = 128,
  /** A `!` before an option that is not a generic one (`! -m`, `! --comment`). */
  BangBeforeOtherOption = 256,
}

const FACT_FLAGS: Readonly<Record<LineFact, number>> = {
  "v4-address": LineFlag.V4Address,
  "v6-address": LineFlag.V6Address,
  "icmp-protocol": LineFlag.IcmpProtocol,
  "bang-before-other-option": LineFlag.BangBeforeOtherOption,
};

/**
 * Spellings compared in place: a word is compared only when some spelling has its length and
 * its third character (second for a two-letter word), then with `startsWith`.
 */
class Spellings {
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


const OPTION_SPELLINGS = new Spellings(WATCHED_OPTIONS);
const MODULE_SPELLINGS = new Spellings(WATCHED_MODULES);
const TARGET_SPELLINGS = new Spellings(EXTENSION_TARGETS);
const PROTOCOL_WORDS = new Spellings(Object.keys(PROTOCOL_SPELLINGS));
const PROTOCOL_WORD_IDS = PROTOCOL_WORDS.names.map((name) => PROTOCOL_SPELLINGS[name]);

const optionId = (name: string): number => (WATCHED_OPTIONS as readonly string[]).indexOf(name);
const moduleId = (name: string): number => (WATCHED_MODULES as readonly string[]).indexOf(name);
const targetNumber = (name: string): number => TARGET_SPELLINGS.names.indexOf(name);

/** What each watched option is, for the scan, from netfilter's lists. */
const enum OptionKind {
  Other,
  /** `-s`, `-d`: addresses, counted for the ruleset's family. */
  GenericAddress,
  Protocol,
  /** An option of a protocol match. */
  ProtocolMatch,
  /** Another option whose value has addresses. */
  Address,
}

const OPTION_KINDS = Uint8Array.from(WATCHED_OPTIONS, (name) =>
  GENERIC_ADDRESS_OPTIONS.has(name)
    ? OptionKind.GenericAddress
    : name === "-p" || name === "--protocol"
      ? OptionKind.Protocol
      : PROTOCOL_OPTION_OWNERS.has(name)
        ? OptionKind.ProtocolMatch
        : NAT_ADDRESS_OPTIONS.has(name) || RANGE_ADDRESS_OPTIONS.has(name) || PLAIN_ADDRESS_OPTIONS.has(name)
          ? OptionKind.Address
          : OptionKind.Other,
);

/** Modules bound to a protocol, and multiport: loading one settles which match an option belongs to. */
const PROTOCOL_MODULE_BITS = WATCHED_MODULES.reduce((m, name, id) => (Object.hasOwn(PROTOCOL_MATCHES, name) || name === "multiport" ? m | (1 << id) : m), 0);

/** An option's bit: options 0 to 31 in the low word, the others in the high one. */
function optionBit(name: WatchedOption): [low: number, high: number] {
  const id = optionId(name);
  return id < 32 ? [1 << id, 0] : [0, 1 << (id - 32)];
}

const moduleBit = (name: WatchedModule): number => 1 << moduleId(name);

/**
 * The family of an address value, from its first characters: IPv6 has a `:` in its first five
 * (a group has at most four hex digits) or starts with `[`; IPv4 starts with a digit and has a
 * `.` in its first four. A longer value, a list or a range (`::1-1.2.3.4`) is read whole. Rules
 * check the values of the lines this picks before they report.
 */
function addressFamilies(text: string, start: number, end: number): number {
  if (end - start > 18 || hasCommaOrDash(text, start, end)) return addressFamiliesOfList(text, start, end);
  return addressFamily(text, start, end);
}

/** The family of one address (or of the first address of a range `a-b`), from its first characters. */
function addressFamily(text: string, start: number, end: number): number {
  const c0 = text.charCodeAt(start);
  if (c0 === 0x5b /* [ */) return LineFlag.V6Address;
  const stop = Math.min(end, start + 5);
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */) return LineFlag.V6Address;
    if (c === 0x2e /* . */) return c0 >= 0x30 && c0 <= 0x39 && i - start <= 3 && isDottedQuad(text, i, end) ? LineFlag.V4Address : 0;
  }
  return 0;
}

/** Whether the rest of an address from its first `.` is digits and dots, up to a `/` mask, a range's `-` or a `:` port (`1.example.com` is a name). */
function isDottedQuad(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ || c === 0x2d /* - */ || c === 0x3a /* : a port */) return true;
    if (c !== 0x2e && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

/**
 * Whether `text[start, end)`, read as one family's address (`families`), may be one both families
 * load (checked first, the parse only then): it ends in a mask of zeros, or is IPv6 with `ffff`
 * in any case (every IPv4-mapped address has).
 */
function mayLoadInBoth(text: string, start: number, end: number, families: number): boolean {
  // The mask, from the end: a kube-proxy dump's `/32` is read in two characters.
  for (let i = end - 1; i > start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */) {
      if (i < end - 1) return true;
      break;
    }
    if (c !== 0x30 /* 0 */ && c !== 0x2e /* . */ && c !== 0x3a /* : */) break;
  }
  if (families !== LineFlag.V6Address) return false;
  let run = 0;
  for (let i = start; i < end; i++) {
    run = (text.charCodeAt(i) | 0x20) === 0x66 /* f */ ? run + 1 : 0;
    if (run === 4) return true;
  }
  return false;
}

/** Whether a `-s`/`-d` value read as one family's (`families`, one bit) loads in the other family too. */
function loadsInBoth(word: string, families: number): boolean {
  if (families !== LineFlag.V4Address && families !== LineFlag.V6Address) return false;
  return parseAddressList(word, families === LineFlag.V4Address ? 6 : 4).kind === "value";
}

function hasCommaOrDash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c /* , */ || c === 0x2d /* - */) return true;
  }
  return false;
}

function addressFamiliesOfList(text: string, start: number, end: number): number {
  let families = 0;
  let itemStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x2c; /* , ends the last item */
    if (c === 0x2c || c === 0x2d /* - in a range */) {
      if (i > itemStart) families |= addressFamily(text, itemStart, Math.min(i, itemStart + 18));
      itemStart = i + 1;
    }
  }
  return families;
}

/** What the scan reads and the per line arrays it fills. */
interface Scan {
  document: Document;
  lexed: LexedText;
  targetSpan: TargetSpan;
  text: string;
  firstTokens: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  codes: Uint8Array;
  lineCount: number;
  modules: Uint32Array;
  targets: Int16Array;
  flags: Uint16Array;
  optionsLow: Uint32Array;
  optionsHigh: Uint32Array;
  protocols: Uint8Array;
  lateBangLines: number[];
  addressCounts: { v4: number; v6: number };
  /** Where `selectLines` writes the lines it finds, made on first use (one more than the lines). */
  selected: Int32Array | undefined;
}


/** The document's index, read in one pass. */
export function buildLineIndex(document: Document): LineIndex {
  const lexed = document.source.lexed;
  const { firstTokens, tokens, lineCount } = lexed;
  const scan: Scan = {
    document,
    lexed,
    targetSpan: { kind: "jump", start: 0, end: 0, quoted: false, optionStart: -1 },
    text: document.text,
    firstTokens,
    starts: tokens.starts,
    ends: tokens.ends,
    codes: tokens.codes,
    lineCount,
    modules: new Uint32Array(lineCount),
    targets: new Int16Array(lineCount).fill(-1),
    flags: new Uint16Array(lineCount),
    optionsLow: new Uint32Array(lineCount),
    optionsHigh: new Uint32Array(lineCount),
    protocols: new Uint8Array(lineCount),
    lateBangLines: [],
    addressCounts: { v4: 0, v6: 0 },
    selected: undefined,
  };
  readLines(scan);
  return new ScannedLines(scan);
}

class ScannedLines implements LineIndex {
  readonly addressCounts: { v4: number; v6: number };
  private readonly byTarget: number[][];
  private readonly targetCommands: (readonly CommandLine[] | undefined)[] = [];
  private lateBangs: CommandLine[] | undefined;
  private lineShapes: LineShapes | undefined;

  constructor(private readonly scan: Scan) {
    this.addressCounts = scan.addressCounts;
    this.byTarget = linesByTarget(scan.targets, scan.lineCount);
  }

  commandsWith(query: LineQuery): CommandLine[] {
    const found = selectLines(this.scan, query);
    const out: CommandLine[] = [];
    for (let k = 0; k < found.length; k++) {
      const node = this.scan.document.line(found[k]);
      if (node.kind === "command") out.push(node);
    }
    return out;
  }

  linesWith(query: LineQuery): LineNumbers {
    return selectLines(this.scan, query) as unknown as LineNumbers;
  }

  withLateBang(): readonly CommandLine[] {
    return (this.lateBangs ??= this.commands(this.scan.lateBangLines));
  }

  withTarget(name: string): readonly CommandLine[] {
    const id = targetNumber(name);
    if (id === -1) return [];
    return (this.targetCommands[id] ??= this.commands(this.byTarget[id]));
  }

  linesTargeting(name: string): readonly LineNo[] {
    const id = targetNumber(name);
    return id === -1 ? [] : (this.byTarget[id] as LineNo[]);
  }

  uses(line: LineNo, option: WatchedOption): boolean {
    const [low, high] = optionBit(option);
    return (this.scan.optionsLow[line] & low) !== 0 || (this.scan.optionsHigh[line] & high) !== 0;
  }

  extensionTarget(line: LineNo): string | null {
    const id = this.scan.targets[line];
    return id === -1 ? null : TARGET_SPELLINGS.names[id];
  }

  protocolNeedsSurelyMet(line: LineNo): boolean {
    return protocolNeedsSurelyMet(this.scan, line);
  }

  shapes(): LineShapes {
    return (this.lineShapes ??= lineShapes(this.scan.lexed));
  }

  private commands(numbers: readonly number[]): CommandLine[] {
    const line = this.scan.document.line;
    return numbers.map(line).filter((l): l is CommandLine => l.kind === "command");
  }
}

/** The numbers of the lines matching a query (any of its options, modules, targets or facts). */
function selectLines(scan: Scan, query: LineQuery): Int32Array {
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
  // By target number + 1: a line with no extension target (-1) reads `wanted[0]`, never set.
  const wanted = new Uint8Array(TARGET_SPELLINGS.names.length + 1);
  for (const name of query.targets ?? []) {
    const id = targetNumber(name);
    if (id !== -1) wanted[id + 1] = 1;
  }
  let flagMask = 0;
  for (const fact of query.facts ?? []) flagMask |= FACT_FLAGS[fact];
  scan.selected ??= new Int32Array(lineCount + 1);
  const found = scanLines(optionsLow, optionsHigh, modules, flags, targets, lineCount, low, high, moduleMask, flagMask, wanted, scan.selected);
  return scan.selected.slice(0, found);
}

/**
 * The loop of `selectLines`, apart and without branches: every line is written at the end of
 * `out` and kept by moving the end past it. The JIT compiles a loop while it runs, from what
 * the loop has done so far; here every operation runs on every line, so the code it makes on
 * the first query serves every later one (with a branch per test and a push, each query that
 * first took another branch threw the code away mid-loop: ~10 times a lint of a kube-proxy dump).
 * Returns how many lines it found.
 */
function scanLines(
  optionsLow: Uint32Array,
  optionsHigh: Uint32Array,
  modules: Uint32Array,
  flags: Uint16Array,
  targets: Int16Array,
  lineCount: number,
  low: number,
  high: number,
  moduleMask: number,
  flagMask: number,
  wanted: Uint8Array,
  out: Int32Array,
): number {
  let found = 0;
  for (let i = 0; i < lineCount; i++) {
    const hit = (optionsLow[i] & low) | (optionsHigh[i] & high) | (modules[i] & moduleMask) | (flags[i] & flagMask) | wanted[targets[i] + 1];
    out[found] = i;
    found += hit !== 0 ? 1 : 0;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Protocol needs, from the facts read in place: most rules of a dump are `-p tcp -m tcp --dport
// 80` and the like, and a line is passed as fine from its bits only when that is sure.

const protocolBit = (name: string): number => 1 << Math.max(0, (PROTOCOLS as readonly string[]).indexOf(name));
const TCP = protocolBit("tcp");
const UDP = protocolBit("udp");
const NAT_PORT_BITS = TCP | UDP | protocolBit("sctp") | protocolBit("dccp");
const MULTIPORT_BITS = NAT_PORT_BITS;
/** For each watched option number, the protocols (bits) whose match has it. */
const OWNER_BITS = WATCHED_OPTIONS.map((option) => (PROTOCOL_OPTION_OWNERS.get(option) ?? []).reduce((m, p) => m | protocolBit(p), 0));
/** For each watched module number, its protocol (bit), or 0. */
const MODULE_PROTOCOL_BITS = WATCHED_MODULES.map((m) => {
  const protocol = protocolOfModule(m);
  return protocol === undefined ? 0 : protocolBit(protocol);
});

/** The one protocol a watched match is bound to: a protocol's own match, or one the model binds to one protocol in both families (tcpmss). */
function protocolOfModule(module: string): string | undefined {
  if (Object.hasOwn(PROTOCOL_MATCHES, module)) return PROTOCOL_MATCHES[module];
  const needs = findExtension("match", module, null)?.needsProtocol;
  return needs?.[4]?.length === 1 && String(needs[4]) === String(needs[6]) ? needs[4][0] : undefined;
}
const MULTIPORT = moduleBit("multiport");
const MULTIPORT_ID = moduleId("multiport");
const PORT_OPTIONS = optionBit("--dport")[0] | optionBit("--sport")[0];
const FIRST_PROTOCOL_MATCH_OPTION = OPTION_KINDS.indexOf(OptionKind.ProtocolMatch);
const NAT_TARGETS = new Set(["DNAT", "SNAT", "MASQUERADE", "REDIRECT"].map(targetNumber));
const TCP_TARGETS = new Set(["SYNPROXY", "TCPOPTSTRIP", "REJECT"].map(targetNumber));
const TPROXY = targetNumber("TPROXY");
const PROTOCOL_TARGET_IDS = new Set(PROTOCOL_TARGETS.map(targetNumber));

function protocolNeedsSurelyMet(scan: Scan, line: number): boolean {
  const flags = scan.flags[line];
  if (flags & (LineFlag.ProtocolOptionFirst | LineFlag.ProtocolAfterTarget | LineFlag.Unusual | LineFlag.ProtocolNegated)) return false;
  const protocolNumber = scan.protocols[line];
  if (protocolNumber === UNREAD_PROTOCOL) return false;
  const protocol = protocolNumber === 0 ? 0 : 1 << protocolNumber;
  const modules = scan.modules[line];
  let loaded = 0;
  for (let m = modules & ~MULTIPORT, id = 0; m !== 0; m >>>= 1, id++) if (m & 1) loaded |= MODULE_PROTOCOL_BITS[id];
  // A protocol match needs the rule's protocol; multiport needs one with ports.
  if (loaded !== 0 && loaded !== protocol) return false;
  if ((modules & MULTIPORT) !== 0 && (protocol & MULTIPORT_BITS) === 0) return false;
  // Every option of a protocol match belongs to the protocol or to a loaded match.
  const options = scan.optionsLow[line];
  for (let m = options >>> FIRST_PROTOCOL_MATCH_OPTION, id = FIRST_PROTOCOL_MATCH_OPTION; m !== 0; m >>>= 1, id++) {
    if ((m & 1) === 0 || OWNER_BITS[id] === 0) continue;
    if ((OWNER_BITS[id] & (protocol | loaded)) === 0 && !((modules & MULTIPORT) !== 0 && ((1 << id) & PORT_OPTIONS) !== 0)) return false;
  }
  const target = scan.targets[line];
  if (target === -1) return true;
  if (NAT_TARGETS.has(target)) return (protocol & NAT_PORT_BITS) !== 0;
  if (TCP_TARGETS.has(target)) return protocol === TCP;
  if (target === TPROXY) return protocol === TCP || protocol === UDP;
  // TCPMSS, ECN: read closely.
  return !PROTOCOL_TARGET_IDS.has(target);
}

/** Every line, each read by `readLine`: a loop of its own, so that it is compiled while it runs. */
function readLines(scan: Scan): void {
  const { firstTokens, lineCount, text, starts, ends } = scan;
  // Where the text has a `=`: most dumps have none, and a line without one has no `--name=value`.
  const equals: number[] = [];
  for (let at = text.indexOf("="); at !== -1; at = text.indexOf("=", at + 1)) equals.push(at);
  let next = 0;
  for (let line = 0; line < lineCount; line++) {
    const first = firstTokens[line];
    const last = firstTokens[line + 1];
    if (last === first) continue;
    while (next < equals.length && equals[next] < starts[first]) next++;
    readLine(scan, line, first, last, next < equals.length && equals[next] < ends[last - 1]);
  }
}

/**
 * The watched option an option word is when iptables has removed its quotes and getopt has cut
 * it at `=` (`"--dport"`, `--dport=80`), or -1; and where its inline value is, if any.
 */
function unusualOption(text: string, start: number, end: number, code: TokenCode): { id: number; inline: string | null } {
  const word = decodeWord(text.slice(start, end));
  const inline = inlineValue(word);
  const spelled = inline === null ? word : word.slice(0, word.indexOf("="));
  const name = code === TokenCode.GenericOption ? ownOptionName(spelled) : spelled;
  return { id: OPTION_SPELLINGS.id(name, 0, name.length), inline };
}

/**
 * Whether `text[start, end)` has a `"`, or a `=` after a leading `--` (read the slow way). A
 * closing quote ends a word, as in iptables-restore: a word with quotes starts or ends with one
 * (`"-4"`, `-"4"`), or is left open to the end of the line.
 */
function isUnusualWord(text: string, start: number, end: number, lineHasEquals: boolean): boolean {
  if (text.charCodeAt(start) === 0x22 /* " */ || text.charCodeAt(end - 1) === 0x22) return true;
  if (!lineHasEquals || text.charCodeAt(start + 1) !== 0x2d /* - */) return false;
  for (let i = start + 2; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */ || c === 0x22) return true;
  }
  return false;
}

/**
 * One line's tokens, in order: the watched options (`-p` and its protocol, the options of
 * protocol matches, addresses and their families), the watched `-m` modules, the target (the
 * last `-j`/`-g` wins, as in iptables) and a `!` right after an option (`-s ! x`).
 */
function readLine(scan: Scan, line: number, first: number, last: number, lineHasEquals: boolean): void {
  const { text, starts, ends, codes } = scan;
  const optionFilter = OPTION_SPELLINGS.filter;
  let low = 0;
  let high = 0;
  let modules = 0;
  let flags = 0;
  let protocol = 0;
  let target = -1;
  let targetSeen = false;
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
      let id: number;
      // The option's value: the next word (after a late `!`), or the one inside `--name=value`.
      let inline: string | null = null;
      if (isUnusualWord(text, start, ends[t], lineHasEquals)) {
        // Read as iptables does, quotes removed and cut at `=`; a closer look is left to the rules.
        flags |= LineFlag.Unusual;
        ({ id, inline } = unusualOption(text, start, ends[t], code));
      } else if (length >= 64 || optionFilter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) {
        if (code !== TokenCode.GenericOption) continue;
        id = -1;
      } else id = optionSpelling(text, start, length);
      if (id === -1 && code === TokenCode.GenericOption && length > 2) {
        // getopt's abbreviation of iptables' own option (`--proto`): the option it stands for.
        const name = ownOptionName(text.slice(start, ends[t]));
        if (name.length !== length) {
          flags |= LineFlag.Unusual;
          id = OPTION_SPELLINGS.id(name, 0, name.length);
        }
      }
      if (id === -1) continue;
      if (id < 32) low |= 1 << id;
      else high |= 1 << (id - 32);
      const value = inline !== null ? -1 : t + 1 < last && codes[t + 1] === TokenCode.Bang ? t + 2 : t + 1;
      const kind = OPTION_KINDS[id];
      if (kind === OptionKind.Protocol) {
        if (protocol !== 0) flags |= LineFlag.Unusual;
        if (jumped) flags |= LineFlag.ProtocolAfterTarget;
        // `! -p tcp`, or the old `-p ! tcp` (refused since 1.4.12, but read as the rules read it).
        if ((t > first && codes[t - 1] === TokenCode.Bang) || value === t + 2) flags |= LineFlag.ProtocolNegated;
        let word = value !== -1 && value < last ? PROTOCOL_WORDS.id(text, starts[value], ends[value]) : -1;
        if (word === -1 && (inline !== null || value < last)) {
          // Quoted, upper case, or inside `--protocol=...`: as iptables reads it (names are case-insensitive).
          const spelled = (inline ?? decodeWord(text.slice(starts[value], ends[value]))).toLowerCase();
          word = PROTOCOL_WORDS.id(spelled, 0, spelled.length);
        }
        protocol = word === -1 ? UNREAD_PROTOCOL : PROTOCOL_WORD_IDS[word];
        if (protocol === 5 || protocol === 6) flags |= LineFlag.IcmpProtocol;
        // multiport checks the protocol as it reads its ports: `-m multiport --dports 80 -p tcp` is refused.
        if ((modules & MULTIPORT) !== 0) flags |= LineFlag.ProtocolOptionFirst;
        protocolGiven = true;
      } else if (kind === OptionKind.ProtocolMatch) {
        if (!protocolGiven && !protocolLoaded) flags |= LineFlag.ProtocolOptionFirst;
      } else if (kind === OptionKind.GenericAddress || kind === OptionKind.Address) {
        let families = 0;
        let word: string | null = inline;
        if (inline !== null) families = addressFamilies(inline, 0, inline.length);
        else if (value < last && codes[value] === TokenCode.QuotedWord) {
          word = decodeWord(text.slice(starts[value], ends[value]));
          families = addressFamilies(word, 0, word.length);
        } else if (value < last) families = addressFamilies(text, starts[value], ends[value]);
        flags |= families;
        // An address that loads in both families (`-s ::ffff:1.2.3.4`, `-s 2001:db8::/0`) is no evidence of either.
        if (kind === OptionKind.GenericAddress && families !== 0 && !(mayLoadInBoth(word ?? text, word === null ? starts[value] : 0, word === null ? ends[value] : word.length, families) && loadsInBoth(word ?? text.slice(starts[value], ends[value]), families))) {
          if (families & LineFlag.V4Address) scan.addressCounts.v4++;
          if (families & LineFlag.V6Address) scan.addressCounts.v6++;
        }
      }
    } else if (code === TokenCode.MatchOption) {
      let id: number;
      if (isUnusualWord(text, starts[t], ends[t], lineHasEquals) || (t + 1 < last && (text.charCodeAt(starts[t + 1]) === 0x22 /* " */ || text.charCodeAt(ends[t + 1] - 1) === 0x22))) {
        // `--match=tcp`, `"-m"`, `-m "tcp"`, `-m t"cp"`: the module's name as iptables sees it.
        flags |= LineFlag.Unusual;
        const inline = inlineValue(decodeWord(text.slice(starts[t], ends[t])));
        const name = inline ?? (t + 1 < last ? decodeWord(text.slice(starts[t + 1], ends[t + 1])) : "");
        id = MODULE_SPELLINGS.id(name, 0, name.length);
      } else {
        if (t + 1 >= last) continue;
        const start = starts[t + 1];
        const length = ends[t + 1] - start;
        if (length >= 64 || MODULE_SPELLINGS.filter[length * 128 + text.charCodeAt(start + (length > 2 ? 2 : length - 1))] === 0) continue;
        id = MODULE_SPELLINGS.id(text, start, ends[t + 1]);
      }
      if (id === -1) continue;
      modules |= 1 << id;
      // multiport reads only --dport and --sport (its abbreviations): `-m multiport --tcp-flags ... -p tcp` is refused.
      if ((PROTOCOL_MODULE_BITS & (1 << id)) !== 0 && id !== MULTIPORT_ID) protocolLoaded = true;
    } else if (code === TokenCode.JumpOption || code === TokenCode.GotoOption) {
      jumped = true;
      // `--jump=NAME` or a quoted option word: read as the rest are, but unusual.
      if (ends[t] - starts[t] > 6 || text.charCodeAt(starts[t]) === 0x22 /* " */ || text.charCodeAt(ends[t] - 1) === 0x22) flags |= LineFlag.Unusual;
      targetSeen = true;
    } else if (code === TokenCode.Bang) {
      // A `!` before an option negates it, whatever comes before (`--dport=25 ! -j ACCEPT`: the
      // option word has its value); only one before a value, after an option, is late (`-s ! x`).
      const next = t + 1 < last ? codes[t + 1] : -1;
      const before = t > first ? codes[t - 1] : -1;
      if (next !== -1 && isRuleOptionCode(next)) {
        if (next !== TokenCode.GenericOption) flags |= LineFlag.BangBeforeOtherOption;
      } else if (before === TokenCode.ModuleOption || before === TokenCode.GenericOption) lateBang = true;
    }
  }
  if (targetSeen) {
    // The grammar's one reader of targets: the last `-j`/`-g` with its name.
    const span = readTarget(scan.lexed, line, scan.targetSpan);
    // A goto names a chain and loads no target (`-g DNAT` is refused as no chain): not DNAT's line.
    if (span !== null && span.kind === "jump") {
      target = span.quoted ? TARGET_SPELLINGS.names.indexOf(targetName(text, span)) : TARGET_SPELLINGS.id(text, span.start, span.end);
      if (span.quoted) flags |= LineFlag.Unusual;
    }
  }
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
