/**
 * Old-style parsers of enumerations in iptables 1.8.9's extensions. Many of them match a word
 * as a case-insensitive PREFIX of a name (`strncasecmp(name, word, strlen(word))`): `--ctstate E`
 * is ESTABLISHED, `--reject-with tcp` is tcp-reset, `--icmp-type echo` is ambiguous.
 */
import { xtStrtoul } from "./cnum.js";
import { accept, refuse, type Family, type Parsed } from "./result.js";

/** C's tolower in the C locale: ASCII letters only (`ſ` is not `s`). */
export function asciiLower(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) return word.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  }
  return word;
}

/** Whether the word has an ASCII letter, as every name IANA registers has (a service, RFC 6335; a protocol's keyword). */
export const hasAsciiLetter = (word: string): boolean => /[A-Za-z]/.test(word);

/** `strncasecmp(name, word, strlen(word)) == 0`: the word is a prefix of the name, ASCII case ignored. */
export const startsWithIgnoringCase = (name: string, word: string): boolean => word.length <= name.length && asciiLower(name.slice(0, word.length)) === asciiLower(word);

/** TCP flags by bit. */
export const TCP_FLAGS: ReadonlyMap<string, number> = new Map([["FIN", 0x01], ["SYN", 0x02], ["RST", 0x04], ["PSH", 0x08], ["ACK", 0x10], ["URG", 0x20], ["ALL", 0x3f], ["NONE", 0]]);

const TCP_FLAGS_LOWER: ReadonlyMap<string, number> = new Map([...TCP_FLAGS].map(([name, bit]) => [name.toLowerCase(), bit]));

/** One flag list of `--tcp-flags` (`parse_tcp_flag`): comma-separated names, any case; empty items are skipped (strtok). */
export function parseTcpFlagList(word: string): Parsed<number> {
  let bits = 0;
  for (const item of word.split(",")) {
    if (item.length === 0) continue;
    const bit = TCP_FLAGS_LOWER.get(asciiLower(item));
    if (bit === undefined) return refuse(`Unknown TCP flag \`${item}'`);
    bits |= bit;
  }
  return accept(bits);
}

/** `--tcp-flags mask comp`: the flags examined and those of them that must be set. */
export function parseTcpFlags(mask: string, comp: string): Parsed<{ mask: number; comp: number }> {
  const m = parseTcpFlagList(mask);
  if (m.kind !== "value") return m;
  const c = parseTcpFlagList(comp);
  if (c.kind !== "value") return c;
  return accept({ mask: m.value, comp: c.value });
}

/** Connection tracking states, as the conntrack match's bits (`XT_CONNTRACK_STATE_*`). */
export const CT_STATES = ["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED", "SNAT", "DNAT"] as const;
export type CtState = (typeof CT_STATES)[number];

/** Match a comma list where each item is a case-insensitive prefix of a name, first name in order wins. */
function prefixList<T extends string>(word: string, names: readonly T[], bad: (rest: string) => string): Parsed<ReadonlySet<T>> {
  const found = new Set<T>();
  let from = 0;
  for (;;) {
    const comma = word.indexOf(",", from);
    const item = word.slice(from, comma === -1 ? word.length : comma);
    const name = item.length === 0 ? undefined : names.find((n) => startsWithIgnoringCase(n, item));
    if (name === undefined) return refuse(bad(word.slice(from)));
    found.add(name);
    if (comma === -1) return accept(found);
    from = comma + 1;
  }
}

/** conntrack's `--ctstate` (revisions 1 to 3): states by case-insensitive prefix, comma-separated. */
export const parseCtState = (word: string): Parsed<ReadonlySet<CtState>> => prefixList(word, CT_STATES, (rest) => `Bad ctstate "${rest}"`);

export const CT_STATUSES = ["NONE", "EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"] as const;
export type CtStatus = (typeof CT_STATUSES)[number];

/** conntrack's `--ctstatus`. */
export const parseCtStatus = (word: string): Parsed<ReadonlySet<CtStatus>> => prefixList(word, CT_STATUSES, (rest) => `Bad ctstatus "${rest}"`);

/** conntrack's `--ctdir`: ORIGINAL or REPLY, any case, whole. */
export function parseCtDir(word: string): Parsed<"ORIGINAL" | "REPLY"> {
  const lower = asciiLower(word);
  if (lower === "original") return accept("ORIGINAL");
  if (lower === "reply") return accept("REPLY");
  return refuse(`conntrack: Bad value for "--ctdir" option: "${word}"`);
}

export const STATE_STATES = ["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED"] as const;
export type StateState = (typeof STATE_STATES)[number];

/** state's `--state`: like `--ctstate` without SNAT/DNAT; an empty last item has its own message. */
export function parseState(word: string): Parsed<ReadonlySet<StateState>> {
  const last = word.lastIndexOf(",");
  if (last === word.length - 1) {
    // Items before the empty end are checked first.
    const before = last === -1 ? accept(new Set<StateState>()) : prefixList(word.slice(0, last), STATE_STATES, (rest) => `Bad state "${rest},"`);
    if (before.kind !== "value" && last !== -1) return before;
    return refuse('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
  }
  return prefixList(word, STATE_STATES, (rest) => `Bad state "${rest}"`);
}

/** An ICMP or ICMPv6 type and code range, as `--icmp-type`/`--icmpv6-type` give it. */
export interface IcmpType {
  /** 255 for ICMP's `any`. */
  readonly type: number;
  readonly codeMin: number;
  readonly codeMax: number;
}

type IcmpName = readonly [name: string, type: number, codeMin: number, codeMax: number];

/** libxt_icmp.h's table for IPv4, in its order (the order decides "Ambiguous" messages). */
export const ICMP_NAMES: readonly IcmpName[] = [
  ["any", 255, 0, 255], ["echo-reply", 0, 0, 255], ["pong", 0, 0, 255],
  ["destination-unreachable", 3, 0, 255], ["network-unreachable", 3, 0, 0], ["host-unreachable", 3, 1, 1], ["protocol-unreachable", 3, 2, 2],
  ["port-unreachable", 3, 3, 3], ["fragmentation-needed", 3, 4, 4], ["source-route-failed", 3, 5, 5], ["network-unknown", 3, 6, 6],
  ["host-unknown", 3, 7, 7], ["network-prohibited", 3, 9, 9], ["host-prohibited", 3, 10, 10], ["TOS-network-unreachable", 3, 11, 11],
  ["TOS-host-unreachable", 3, 12, 12], ["communication-prohibited", 3, 13, 13], ["host-precedence-violation", 3, 14, 14],
  ["precedence-cutoff", 3, 15, 15], ["source-quench", 4, 0, 255], ["redirect", 5, 0, 255], ["network-redirect", 5, 0, 0],
  ["host-redirect", 5, 1, 1], ["TOS-network-redirect", 5, 2, 2], ["TOS-host-redirect", 5, 3, 3], ["echo-request", 8, 0, 255],
  ["ping", 8, 0, 255], ["router-advertisement", 9, 0, 255], ["router-solicitation", 10, 0, 255], ["time-exceeded", 11, 0, 255],
  ["ttl-exceeded", 11, 0, 255], ["ttl-zero-during-transit", 11, 0, 0], ["ttl-zero-during-reassembly", 11, 1, 1],
  ["parameter-problem", 12, 0, 255], ["ip-header-bad", 12, 0, 0], ["required-option-missing", 12, 1, 1], ["timestamp-request", 13, 0, 255],
  ["timestamp-reply", 14, 0, 255], ["address-mask-request", 17, 0, 255], ["address-mask-reply", 18, 0, 255],
];

/** The IPv6 table. */
export const ICMPV6_NAMES: readonly IcmpName[] = [
  ["destination-unreachable", 1, 0, 255], ["no-route", 1, 0, 0], ["communication-prohibited", 1, 1, 1], ["beyond-scope", 1, 2, 2],
  ["address-unreachable", 1, 3, 3], ["port-unreachable", 1, 4, 4], ["failed-policy", 1, 5, 5], ["reject-route", 1, 6, 6],
  ["packet-too-big", 2, 0, 255], ["time-exceeded", 3, 0, 255], ["ttl-exceeded", 3, 0, 255], ["ttl-zero-during-transit", 3, 0, 0],
  ["ttl-zero-during-reassembly", 3, 1, 1], ["parameter-problem", 4, 0, 255], ["bad-header", 4, 0, 0], ["unknown-header-type", 4, 1, 1],
  ["unknown-option", 4, 2, 2], ["echo-request", 128, 0, 255], ["ping", 128, 0, 255], ["echo-reply", 129, 0, 255], ["pong", 129, 0, 255],
  ["router-solicitation", 133, 0, 255], ["router-advertisement", 134, 0, 255], ["neighbour-solicitation", 135, 0, 255],
  ["neighbor-solicitation", 135, 0, 255], ["neighbour-advertisement", 136, 0, 255], ["neighbor-advertisement", 136, 0, 255], ["redirect", 137, 0, 255],
];

/**
 * `unknown character %c` prints one byte: for a character beyond ASCII, the first byte of its
 * UTF-8 form, which alone is no text (read back as U+FFFD).
 */
const oneByte = (c: string): string => (c.charCodeAt(0) < 0x80 ? c : "\uFFFD");

/** `parse_range` of libxt_icmp.h: `n` or `n:m`, each 0..255; the index after it, or null. */
function icmpRange(word: string, from: number): { low: number; high: number; end: number } | null {
  const a = xtStrtoul(word, from, 0, 255, false);
  if (a === null) return null;
  if (word[a.end] !== ":") return { low: a.value, high: a.value, end: a.end };
  const b = xtStrtoul(word, a.end + 1, 0, 255, false);
  if (b === null) return null;
  return { low: a.value, high: b.value, end: b.end };
}

/**
 * `--icmp-type` (family 4) and `--icmpv6-type` (6) (`ipt_parse_icmp`): a name or a unique
 * case-insensitive prefix of one, else `type[/code[:code]]` in numbers. A type range is refused.
 */
export function parseIcmpType(word: string, family: Family): Parsed<IcmpType> {
  const names = family === 4 ? ICMP_NAMES : ICMPV6_NAMES;
  const kind = family === 4 ? "ICMP" : "ICMPv6";
  let match = -1;
  for (let i = 0; i < names.length; i++) {
    if (!startsWithIgnoringCase(names[i][0], word)) continue;
    if (match !== -1) return refuse(`Ambiguous ${kind} type \`${word}': \`${names[match][0]}' or \`${names[i][0]}'?`);
    match = i;
  }
  if (match !== -1) {
    const [, type, codeMin, codeMax] = names[match];
    return accept({ type, codeMin, codeMax });
  }
  const type = icmpRange(word, 0);
  if (type === null) return refuse(`Unknown ${kind} type \`${word}'`);
  let codeMin = 0;
  let codeMax = 255;
  if (type.end < word.length) {
    if (word[type.end] !== "/") return refuse(`unknown character ${oneByte(word[type.end])}`);
    const code = icmpRange(word, type.end + 1);
    if (code === null) return refuse(`Unknown ${kind} code \`${word}'`);
    if (code.end < word.length) return refuse(`unknown character ${oneByte(word[code.end])}`);
    codeMin = code.low;
    codeMax = code.high;
  }
  if (type.low !== type.high) return refuse(`${kind} type range not supported`);
  return accept({ type: type.low, codeMin, codeMax });
}

/** REJECT's `--reject-with` names in the order iptables tries them (name, alias), by family. */
export const REJECT_TYPES: Readonly<Record<Family, readonly (readonly [string, string])[]>> = {
  4: [
    ["icmp-net-unreachable", "net-unreach"], ["icmp-host-unreachable", "host-unreach"], ["icmp-proto-unreachable", "proto-unreach"],
    ["icmp-port-unreachable", "port-unreach"], ["icmp-net-prohibited", "net-prohib"], ["icmp-host-prohibited", "host-prohib"],
    ["tcp-reset", "tcp-rst"], ["icmp-admin-prohibited", "admin-prohib"],
  ],
  6: [
    ["icmp6-no-route", "no-route"], ["icmp6-adm-prohibited", "adm-prohibited"], ["icmp6-addr-unreachable", "addr-unreach"],
    ["icmp6-port-unreachable", "port-unreach"], ["tcp-reset", "tcp-reset"], ["icmp6-policy-fail", "policy-fail"], ["icmp6-reject-route", "reject-route"],
  ],
};

/**
 * REJECT's `--reject-with`: the first type (in iptables' order) of which the word is a
 * case-insensitive prefix of the name or alias; the value is the type's full name. Even the
 * empty word loads (as the first type).
 */
export function parseRejectWith(word: string, family: Family): Parsed<string> {
  for (const [name, alias] of REJECT_TYPES[family]) if (startsWithIgnoringCase(name, word) || startsWithIgnoringCase(alias, word)) return accept(name);
  return refuse(`unknown reject type "${word}"`);
}

/** addrtype's type names (`rtn_names`, libxt_addrtype.c), in iptables' order: bit `i` is the i-th. */
export const ADDRESS_TYPES: readonly string[] = ["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"];

/**
 * addrtype's `--src-type`/`--dst-type` (`parse_types`): comma-separated parts, each the
 * case-insensitive beginning of a type name (the first that fits); the value is the bit mask.
 * A bad part before a comma is named with the rest of the word (`bad type \`X,LOCAL'`), the last
 * in double quotes; an empty last part (`LOCAL,`) is bad too.
 */
export function parseAddressTypes(word: string): Parsed<number> {
  let mask = 0;
  let at = 0;
  for (;;) {
    const comma = word.indexOf(",", at);
    const part = comma === -1 ? word.slice(at) : word.slice(at, comma);
    const bit = part.length === 0 ? -1 : ADDRESS_TYPES.findIndex((name) => startsWithIgnoringCase(name, part));
    if (bit === -1) return refuse(comma === -1 ? `addrtype: bad type "${part}"` : `addrtype: bad type \`${word.slice(at)}'`);
    mask |= 1 << bit;
    if (comma === -1) return accept(mask);
    at = comma + 1;
  }
}

/** statistic's `--mode`: `random` or `nth`, exactly (`strcmp`). */
export function parseStatisticMode(word: string): Parsed<"random" | "nth"> {
  return word === "random" || word === "nth" ? accept(word) : refuse(`Bad mode "${word}"`);
}
