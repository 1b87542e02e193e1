/**
 * A rule as iptables-save prints it, for telling which rules are the same rule: `--append
 * FORWARD --in-interface eth1 --jump ACCEPT` and `-A FORWARD -i eth1 -j ACCEPT` are one rule to
 * the kernel, and iptables-save prints both the second way.
 *
 * What iptables-save 1.8.9 does to a rule (nft and legacy alike, measured; see
 * test/rules/duplicate-rule-netfilter.test.ts, which checks the key against iptables-save on
 * generated rules):
 * - the generic options come first, in the order `-s -d -i -o -p -f`, with short spellings;
 *   `!` before the option; `-p all` and `-p 0` are left out; `-p` is a lower-case name
 *   (`6` and `TCP` are `tcp`, `icmpv6` is `ipv6-icmp`);
 * - an address has its prefix (`/32`, `/128`), a dotted mask that is a prefix becomes one, bits
 *   outside the mask are cleared, IPv6 is written in its short form;
 * - matches in the order iptables loaded them, `-m NAME` written even when `-p` loaded it
 *   (`-p tcp --dport 80` is `-p tcp -m tcp --dport 80`); the tcp, udp and sctp matches print their
 *   options in their own order (`--sport`, `--dport`, `--tcp-option`, `--tcp-flags`), with
 *   `--source-port`, `--destination-port` and `--syn` spelled `--sport`, `--dport` and
 *   `--tcp-flags FIN,SYN,RST,ACK SYN`;
 * - `-j`/`-g` for `--jump`/`--goto`; one space between words; a comment or log prefix quoted
 *   only when it has a character other than letters, digits, `-` and `_`.
 *
 * The key is that text where this module knows how to make it, and the rule as written
 * otherwise (a rule it cannot read surely, such as `-s a,b`, which iptables splits into two
 * rules, or a protocol option after a match that might own it): two rules with the same key are
 * the same rule, two with different keys may still be (values such as `--mark 1` and `0x1` are
 * compared as written). Most lines of a dump are already in this form: `canonicalRule` tells so
 * from the tokens without making a string, and the rule's text is then its key.
 */
import { decodeWord, ownOptionName, TokenCode, type LexedText } from "../../grammar/index.js";
import { normalizeProtocol, PROTOCOL_MATCH_OPTIONS } from "../netfilter/index.js";

/** Generic options by iptables-save's order; long spellings to the short one. */
const GENERIC_RANK: Readonly<Record<string, number>> = { "-s": 0, "-d": 1, "-i": 2, "-o": 3, "-p": 4, "-f": 5 };
const GENERIC_SHORT: Readonly<Record<string, string>> = {
  "--source": "-s",
  "--src": "-s",
  "--destination": "-d",
  "--dst": "-d",
  "--in-interface": "-i",
  "--out-interface": "-o",
  "--protocol": "-p",
  "--fragment": "-f",
};

/** Option spellings a protocol match prints another way. */
const MATCH_SPELLING: Readonly<Record<string, string>> = { "--source-port": "--sport", "--destination-port": "--dport" };

/** The order in which these matches print their options (libxt_tcp, libxt_udp, libxt_sctp save functions). */
const OPTION_ORDER: Readonly<Record<string, readonly string[]>> = {
  tcp: ["--sport", "--dport", "--tcp-option", "--tcp-flags"],
  udp: ["--sport", "--dport"],
  sctp: ["--sport", "--dport", "--chunk-types"],
};

/**
 * Matches known to have no option that a protocol match's option (`--dport`, `--syn`, ...)
 * abbreviates or equals: after one of them, such an option loads the protocol's match.
 * (`multiport` is not here: getopt takes `--dport` for its `--dports`.)
 */
const NOT_OWNING = new Set([
  "comment", "conntrack", "state", "mark", "connmark", "addrtype", "set", "physdev", "mac", "iprange", "limit", "pkttype",
  "owner", "length", "ttl", "hl", "dscp", "tos", "string", "statistic", "recent", "hashlimit", "connlimit", "time", "u32",
  "socket", "devgroup", "cgroup", "helper", "quota", "nfacct", "cpu", "rpfilter", "connbytes", "connlabel", "policy", "ipvs",
]);

/** Options whose values iptables-save prints with `xtables_save_string`: quoted unless only letters, digits, `-`, `_`. */
const STRING_OPTIONS = new Set(["--comment", "--log-prefix", "--nflog-prefix"]);

/** A word as the key writes it: bare when iptables-save prints it bare, else quoted with `\` before `"`, `\` and `'`. */
function keyWord(value: string, isString: boolean): string {
  // Any other value bare as a word may be written bare (no blank, no `"`).
  if (value.length > 0 && (isString ? /^[-_0-9A-Za-z]+$/.test(value) : !/[\s"]/.test(value))) return value;
  return `"${value.replace(/["'\\]/g, "\\$&")}"`;
}

interface Element {
  bang: boolean;
  code: TokenCode;
  name: string;
  values: string[];
}

/**
 * The key of the rule written in tokens `[from, to)` of `lexed`: null when its text,
 * `text.slice(start, end)`, is the key (the line is written as iptables-save writes it, or
 * cannot be read surely), else the key.
 */
export function canonicalRule(lexed: LexedText, from: number, to: number): string | null {
  if (!mayDiffer(lexed, from, to)) return null;
  return canonicalText(readElements(lexed, from, to));
}

const isOption = (code: number): boolean => code >= TokenCode.MatchOption && code <= TokenCode.ModuleOption;
const isWord = (code: number): boolean => code === TokenCode.Word || code === TokenCode.QuotedWord;

/** What `mayDiffer` must know of a match or target option, by its spelling. */
const enum Kind {
  Other,
  /** Spelled otherwise by iptables-save: `--syn`, `--source-port`, `--destination-port`. */
  Respelled,
  /** An option of a protocol's match. */
  Protocol,
  /** A value printed with `xtables_save_string` (`--comment`). */
  String,
}

/** The options `mayDiffer` looks for, by length: a word is compared in place with the few of its length. */
let byLength: [string, Kind][][] | undefined;
function kindAt(text: string, start: number, end: number): Kind {
  if (byLength === undefined) {
    byLength = [];
    const add = (name: string, kind: Kind) => (byLength![name.length] ??= []).push([name, kind]);
    for (const name of ["--syn", "--source-port", "--destination-port"]) add(name, Kind.Respelled);
    for (const name of new Set(Object.values(PROTOCOL_MATCH_OPTIONS).flat())) if (name !== "--source-port" && name !== "--destination-port") add(name, Kind.Protocol);
    for (const name of STRING_OPTIONS) add(name, Kind.String);
  }
  const candidates = byLength[end - start];
  if (candidates !== undefined) for (const [name, kind] of candidates) if (text.startsWith(name, start)) return kind;
  return Kind.Other;
}

/** Whether the rule may be written otherwise than iptables-save writes it: reads the tokens in place, making no string for most lines. */
function mayDiffer(lexed: LexedText, from: number, to: number): boolean {
  const { codes, starts, ends } = lexed.tokens;
  const text = lexed.text;
  let rank = -1;
  let afterGeneric = false;
  let target = false;
  /** The option the next words are values of: its token, and what they are. */
  let option = -1;
  let generic = 0;
  let isString = false;
  /** The token of the current `-m`'s name, and the rank of its last option (tcp, udp, sctp). */
  let match = -1;
  let optionRank = -1;
  for (let t = from; t < to; t++) {
    const code = codes[t];
    const start = starts[t];
    const end = ends[t];
    if (t > from && (start - ends[t - 1] !== 1 || text.charCodeAt(start - 1) !== 0x20)) return true;
    if (code === TokenCode.Bang) {
      // `-s ! x`: the old place of `!`.
      if (t > from && isOption(codes[t - 1])) return true;
      continue;
    }
    if (code === TokenCode.GenericOption) {
      if (end - start !== 2 || afterGeneric) return true;
      generic = text.charCodeAt(start + 1);
      const r = generic === 0x73 ? 0 : generic === 0x64 ? 1 : generic === 0x69 ? 2 : generic === 0x6f ? 3 : generic === 0x70 ? 4 : generic === 0x66 ? 5 : 9;
      if (r <= rank) return true;
      rank = r;
      option = t;
      continue;
    }
    if (isOption(code)) {
      afterGeneric = true;
      option = t;
      generic = 0;
      isString = false;
      if (code === TokenCode.SetCountersOption) return true;
      if (code === TokenCode.ModuleOption) {
        const kind = kindAt(text, start, end);
        isString = kind === Kind.String;
        if (target || kind === Kind.Other || kind === Kind.String) continue;
        if (kind === Kind.Respelled) return true;
        // A protocol's option only in its own match's, in the order that match prints its options.
        if (match === -1) return true;
        const name = text.slice(start, end);
        const length = ends[match] - starts[match];
        let matchName: string | undefined;
        for (const owner of protocolOwners(name)) {
          const m = matchOfProtocol(owner);
          if (m.length === length && text.startsWith(m, starts[match])) matchName = m;
        }
        if (matchName === undefined) return true;
        const order = OPTION_ORDER[matchName];
        if (order !== undefined) {
          const r = rankIn(order, name);
          if (r <= optionRank) return true;
          optionRank = r;
        }
        continue;
      }
      if (end - start !== 2) return true;
      if (code !== TokenCode.MatchOption) target = true;
      else if (!target) {
        if (t + 1 >= to || codes[t + 1] !== TokenCode.Word) return true;
        match = t + 1;
        optionRank = -1;
      }
      continue;
    }
    if (!isWord(code)) continue;
    if (code === TokenCode.QuotedWord) {
      if (!quotedAsSaved(text, start, end, isString)) return true;
      continue;
    }
    if (isString) for (let k = start; k < end; k++) if (!isSafe(text.charCodeAt(k))) return true;
    if (generic === 0x73 /* s */ || generic === 0x64 /* d */) {
      if (!addressAsSaved(text, start, end)) return true;
    } else if (generic === 0x70 /* p */ && !protocolAsSaved(text, start, end)) return true;
  }
  return false;
}

/** Letters, digits, `-` and `_`: what iptables-save prints of a string without quotes. */
const isSafe = (c: number): boolean => c === 0x2d || c === 0x5f || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The `-m` name of a protocol's match: `-p ipv6-icmp` loads `icmp6`. */
const matchOfProtocol = (protocol: string): string => (protocol === "ipv6-icmp" ? "icmp6" : protocol);
const PROTOCOL_MATCH_NAMES: ReadonlySet<string> = new Set(Object.keys(PROTOCOL_MATCH_OPTIONS).map(matchOfProtocol));

let protocolOptions: Set<string> | undefined;
function isProtocolOption(name: string): boolean {
  protocolOptions ??= new Set(Object.values(PROTOCOL_MATCH_OPTIONS).flat());
  return protocolOptions.has(name);
}

/** A quoted word as iptables-save would quote its value. */
function quotedAsSaved(text: string, start: number, end: number, isString: boolean): boolean {
  if (end - start < 2 || text.charCodeAt(start) !== 0x22 || text.charCodeAt(end - 1) !== 0x22) return false;
  let needsQuotes = end - start === 2;
  for (let k = start + 1; k < end - 1; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5c || c === 0x22 || c === 0x27) return false;
    if (isString ? !isSafe(c) : c === 0x20 || c === 0x09) needsQuotes = true;
  }
  return needsQuotes;
}

/** An IPv4 network with its prefix (`10.0.0.0/8`) and no bits outside it, read in place; IPv6 is always read in full. */
function addressAsSaved(text: string, start: number, end: number): boolean {
  let address = 0;
  let part = -1;
  let parts = 0;
  let k = start;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) {
      // A leading zero (`010`) may be octal to iptables: read in full.
      if (part === 0) return false;
      part = part === -1 ? c - 0x30 : part * 10 + c - 0x30;
      if (part > 255) return false;
    } else if ((c === 0x2e || c === 0x2f) && part !== -1) {
      address = ((address << 8) | part) >>> 0;
      part = -1;
      parts++;
      if (c === 0x2f) break;
    } else return false;
  }
  if (parts !== 4 || k >= end) return false;
  let prefix = 0;
  if (text.charCodeAt(k + 1) === 0x30) return false;
  for (k++; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
    prefix = prefix * 10 + c - 0x30;
  }
  if (prefix === 0 || prefix > 32 || text.charCodeAt(end - 1) === 0x2f) return false;
  return (address & ~prefixMask(prefix)) === 0;
}

/** A lower-case protocol name as iptables-save prints it (not `all`, not the alias `icmpv6`), read in place. */
function protocolAsSaved(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 0x61 || first > 0x7a) return false;
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 0x2d || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  const length = end - start;
  return !((length === 3 && text.startsWith("all", start)) || (length === 6 && text.startsWith("icmpv6", start)));
}

function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    // A leading zero (`010`) may be octal to iptables: not read here.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    n = ((n << 8) | Number(part)) >>> 0;
  }
  return n;
}

const prefixMask = (bits: number): number => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
const dotted = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

/** An address as iptables-save prints it, or null when it cannot be said here (a name, a list, an IPv4-mapped IPv6 address). */
function savedAddress(value: string): string | null {
  const slash = value.indexOf("/");
  const host = slash === -1 ? value : value.slice(0, slash);
  const mask = slash === -1 ? null : value.slice(slash + 1);
  if (host.includes(":")) {
    if (host.includes(".") || (mask !== null && !/^\d{1,3}$/.test(mask))) return null;
    const bits = mask === null ? 128 : Number(mask);
    // `/0` (any address) iptables-save leaves out; not read here.
    if (bits > 128 || bits === 0) return null;
    let short: string;
    try {
      short = new URL(`http://[${host}]/`).hostname.slice(1, -1);
    } catch {
      return null;
    }
    // glibc writes IPv4-compatible and -mapped addresses with a dotted quad; left as written.
    if (short.startsWith("::")) return null;
    return bits === 128 ? `${short}/128` : maskedIPv6(short, bits);
  }
  const address = parseIPv4(host);
  if (address === null) return null;
  let maskBits: number;
  if (mask === null) maskBits = 0xffffffff;
  else if (/^\d{1,2}$/.test(mask) && Number(mask) <= 32) maskBits = prefixMask(Number(mask));
  else {
    const m = parseIPv4(mask);
    if (m === null) return null;
    maskBits = m;
  }
  if (maskBits === 0) return null;
  const network = (address & maskBits) >>> 0;
  const inverted = ~maskBits >>> 0;
  const contiguous = (inverted & (inverted + 1)) === 0;
  const prefix = 32 - bitCount(inverted);
  return `${dotted(network)}/${contiguous ? prefix : dotted(maskBits)}`;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n >>> 0; v !== 0; v >>>= 1) count += v & 1;
  return count;
}

/** An IPv6 network with the bits outside its prefix cleared, in its short form. */
function maskedIPv6(short: string, bits: number): string | null {
  const groups = expandIPv6(short);
  for (let g = 0; g < 8; g++) {
    const keep = Math.min(16, Math.max(0, bits - g * 16));
    groups[g] &= keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
  }
  const network = new URL(`http://[${groups.map((g) => g.toString(16)).join(":")}]/`).hostname.slice(1, -1);
  return network.startsWith("::") && network !== "::" ? null : `${network}/${bits}`;
}

function expandIPv6(short: string): number[] {
  const [head, tail] = short.includes("::") ? short.split("::") : [short, null];
  const left = head === "" ? [] : head.split(":").map((g) => parseInt(g, 16));
  const right = tail === null || tail === "" ? [] : tail.split(":").map((g) => parseInt(g, 16));
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

function readElements(lexed: LexedText, from: number, to: number): Element[] | null {
  const { codes, starts, ends } = lexed.tokens;
  const text = lexed.text;
  const elements: Element[] = [];
  let bang = false;
  for (let t = from; t < to; t++) {
    const code = codes[t];
    if (code === TokenCode.Bang) {
      // `-s ! x`, the old form: a `!` between an option and its value; otherwise it negates the next option.
      const late = t + 1 < to && isWord(codes[t + 1]) && t > from && isOption(codes[t - 1]);
      if (late && elements.length > 0) {
        elements[elements.length - 1].bang = true;
      } else bang = true;
      continue;
    }
    if (isOption(code)) {
      const raw = text.slice(starts[t], ends[t]);
      if (raw.includes("=") || raw.includes('"')) return null;
      // getopt's abbreviation of iptables' own option (`--proto`) is that option.
      elements.push({ bang, code, name: code !== TokenCode.ModuleOption && raw.startsWith("--") ? ownOptionName(raw) : raw, values: [] });
      bang = false;
      continue;
    }
    if (!isWord(code) || elements.length === 0 || bang) return null;
    elements[elements.length - 1].values.push(decodeWord(text.slice(starts[t], ends[t])));
  }
  return bang ? null : elements;
}

interface Match {
  name: string;
  /** Options as [key text, name]. */
  options: [string, string][];
}

function canonicalText(elements: Element[] | null): string | null {
  if (elements === null) return null;
  const generic: [number, string][] = [];
  const matches: Match[] = [];
  const rest: string[] = [];
  let protocol: string | null = null;
  let current: Match | null = null;
  let target = false;
  const word = (option: string, value: string) => keyWord(value, STRING_OPTIONS.has(option));
  const written = (e: Element, name: string, values: string[]) => `${e.bang ? "! " : ""}${[name, ...values.map((v) => word(name, v))].join(" ")}`;
  for (const e of elements) {
    if (e.code === TokenCode.SetCountersOption) continue;
    // After the target, its options; generic options are the rule's wherever they are.
    if (target && e.code !== TokenCode.GenericOption) {
      // A protocol's option after the target may be the target's or a match's: not read here.
      if (e.code !== TokenCode.ModuleOption || isProtocolOption(e.name)) return null;
      rest.push(written(e, e.name, e.values));
      continue;
    }
    switch (e.code) {
      case TokenCode.GenericOption: {
        const name = GENERIC_SHORT[e.name] ?? e.name;
        const rank = GENERIC_RANK[name];
        if (rank === undefined || generic.some(([r]) => r === rank)) return null;
        let value: string | undefined = e.values[0];
        if (name === "-f") {
          if (e.values.length !== 0) return null;
        } else if (e.values.length !== 1) return null;
        if (name === "-s" || name === "-d") {
          const address = savedAddress(value!);
          if (address === null) return null;
          value = address;
        } else if (name === "-p") {
          const p = normalizeProtocol(value!);
          if (p === "all" || p === "0") {
            if (e.bang) return null;
            protocol = null;
            continue;
          }
          if (!/^[a-z][-a-z0-9]*$/.test(p)) return null;
          protocol = p;
          value = p;
        }
        generic.push([rank, `${e.bang ? "! " : ""}${name}${value === undefined ? "" : ` ${word(name, value)}`}`]);
        break;
      }
      case TokenCode.MatchOption: {
        if (e.bang || e.values.length !== 1) return null;
        const name = e.values[0];
        // Two copies of a protocol's match: iptables-nft merges them, iptables-legacy keeps both.
        if (OPTION_ORDER[name] !== undefined && matches.some((m) => m.name === name)) return null;
        current = { name, options: [] };
        matches.push(current);
        break;
      }
      case TokenCode.ModuleOption: {
        let name = MATCH_SPELLING[e.name] ?? e.name;
        let values = e.values;
        if (name === "--syn") {
          if (values.length !== 0) return null;
          name = "--tcp-flags";
          values = ["FIN,SYN,RST,ACK", "SYN"];
        }
        const owners = isProtocolOption(e.name) || e.name === "--syn" ? protocolOwners(e.name) : null;
        let into: Match | null = current;
        if (owners !== null && !(current !== null && owners.some((p) => matchOfProtocol(p) === current!.name))) {
          // Not the current match's: iptables gives it to a match loaded before that has it
          // (known only of the protocols' matches), else loads the match of the protocol given so far.
          if (matches.some((m) => !NOT_OWNING.has(m.name) && !PROTOCOL_MATCH_NAMES.has(m.name))) return null;
          if (protocol === null || !owners.includes(protocol)) return null;
          const implied = matchOfProtocol(protocol);
          into = matches.find((m) => m.name === implied) ?? null;
          if (into === null) {
            into = { name: implied, options: [] };
            matches.push(into);
          }
          current = into;
        }
        if (into === null) return null;
        into.options.push([written(e, name, values), name]);
        break;
      }
      case TokenCode.JumpOption:
      case TokenCode.GotoOption:
        if (e.bang || e.values.length !== 1) return null;
        target = true;
        rest.push(`${e.code === TokenCode.JumpOption ? "-j" : "-g"} ${word("-j", e.values[0])}`);
        break;
      default:
        return null;
    }
  }
  const out = generic.sort((a, b) => a[0] - b[0]).map(([, w]) => w);
  for (const match of matches) {
    out.push(`-m ${word("-m", match.name)}`);
    const order = OPTION_ORDER[match.name];
    const options = order === undefined ? match.options : [...match.options].sort((a, b) => rankIn(order, a[1]) - rankIn(order, b[1]));
    for (const [w] of options) out.push(w);
  }
  out.push(...rest);
  return out.join(" ");
}

const rankIn = (order: readonly string[], name: string): number => {
  const at = order.indexOf(name);
  return at === -1 ? order.length : at;
};

const owners = new Map<string, readonly string[]>();

/** The protocols whose match has this option (`--syn` is tcp's). */
function protocolOwners(option: string): readonly string[] {
  let found = owners.get(option);
  if (found === undefined) {
    found = option === "--syn" ? ["tcp"] : Object.keys(PROTOCOL_MATCH_OPTIONS).filter((protocol) => PROTOCOL_MATCH_OPTIONS[protocol].includes(option));
    owners.set(option, found);
  }
  return found;
}

/**
 * The key of a rule line whose rule text is `[start, end)` (`TableModel.ruleText`),
 * or null when that text is its key.
 */
export function canonicalRuleOfLine(lexed: LexedText, line: number, start: number, end: number): string | null {
  const { starts } = lexed.tokens;
  let from = lexed.firstTokens[line];
  const last = lexed.firstTokens[line + 1];
  while (from < last && starts[from] < start) from++;
  let to = from;
  while (to < last && starts[to] < end) to++;
  return canonicalRule(lexed, from, to);
}

/** The key of a rule line, as a string. */
export const ruleKeyOfLine = (lexed: LexedText, line: number, start: number, end: number): string =>
  canonicalRuleOfLine(lexed, line, start, end) ?? lexed.text.slice(start, end);
