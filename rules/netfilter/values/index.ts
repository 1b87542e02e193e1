/**
 * Option values as iptables 1.8.9 parses them: for each value type a parser that gives the typed
 * value, iptables' own refusal message, or "unsure" where only the node can tell (names that
 * /etc/services, /etc/protocols, /etc/networks, /etc/hosts or DNS resolve).
 *
 * `parseValue(type, word, spec, family)` reads a value of a libxtables type by its XTTYPE_* name;
 * `EXTENSION_PARSERS` holds the parsers of options that extensions read with their own code,
 * by `ext:<extension>:<option>` (the option without its dashes). Callers parse each distinct
 * (type, word) once and keep the result: the parsers are pure.
 */
import type { Family } from "../tables.js";
import { parseAddressList, parseHost, parseHostMask, parseIpRange, parsePrefixLength, type Network } from "./addresses.js";
import { parseAddressTypes, parseCtDir, parseCtState, parseCtStatus, parseIcmpType, parseRejectWith, parseState, parseStatisticMode, parseTcpFlagList } from "./enums.js";
import { parseConnbytes, parseTcpOption, parseUint, parseUint64, parseUintRange, type UintRangeType } from "./integers.js";
import { parseHashlimitBurst, parseHashlimitMode, parseHashlimitRate, parseHashlimitRateInterval } from "./hashlimit.js";
import { parseLimitBurst, parseLimitRate } from "./limit.js";
import { parseNatPorts, parseNatTo } from "./nat.js";
import { parseMultiport, parsePort, parsePortNumberOrService, parsePortRange, parseTcpPorts } from "./ports.js";
import { accept, refuse, unsure, type OptionSpec, type Parsed } from "./result.js";
import { parseComment, parseEtherMac, parseInterface, parseLogPrefix, parseMarkMask, parseProtocol, parseString, parseSyslogLevel, parseTosMask } from "./scalars.js";

export * from "./addresses.js";
export * from "./cnum.js";
export * from "./enums.js";
export * from "./integers.js";
export * from "./hashlimit.js";
export * from "./limit.js";
export * from "./nat.js";
export * from "./ports.js";
export * from "./result.js";
export * from "./scalars.js";

/** The libxtables value types of iptables 1.8.9 (`enum xt_option_type`, without NONE). */
export const XT_TYPES = [
  "UINT8", "UINT16", "UINT32", "UINT64", "UINT8RC", "UINT16RC", "UINT32RC", "UINT64RC", "DOUBLE", "STRING", "TOSMASK", "MARKMASK32",
  "SYSLOGLEVEL", "HOST", "HOSTMASK", "PROTOCOL", "PORT", "PORTRC", "PLEN", "PLENMASK", "ETHERMAC",
] as const;
export type XtType = (typeof XT_TYPES)[number];

/** A value of any type, as `parseValue` gives it. */
export type AnyValue = unknown;

/**
 * A value of libxtables type `type` for the option `spec`, in a ruleset of `family`. PLEN and
 * PLENMASK give `{ prefix, mask }`, HOST and HOSTMASK a `Network`, *RC types `{ parts }`,
 * PORTRC a `PortRange`, TOSMASK and MARKMASK32 a `ValueMask`, STRING a `StringValue`.
 */
export function parseValue(type: XtType, word: string, spec: OptionSpec, family: Family): Parsed<AnyValue> {
  switch (type) {
    case "UINT8":
    case "UINT16":
    case "UINT32":
      return parseUint(type, word, spec);
    case "UINT64":
      return parseUint64(word, spec);
    case "UINT8RC":
    case "UINT16RC":
    case "UINT32RC":
    case "UINT64RC":
      return parseUintRange(type as UintRangeType, word, spec);
    case "DOUBLE":
      return parseDouble(word, spec);
    case "STRING":
      return parseString(word, spec);
    case "TOSMASK":
      return parseTosMask(word, spec.max || 0xff);
    case "MARKMASK32":
      return parseMarkMask(word, spec);
    case "SYSLOGLEVEL":
      return parseSyslogLevel(word);
    case "HOST":
      return parseHost(word, family);
    case "HOSTMASK":
      return parseHostMask(word, family, spec);
    case "PROTOCOL":
      return parseProtocol(word);
    case "PORT":
      return parsePort(word);
    case "PORTRC":
      return parsePortRange(word, spec);
    case "PLEN":
    case "PLENMASK":
      return parsePrefixLength(word, family, spec);
    case "ETHERMAC":
      return parseEtherMac(word);
  }
}

/**
 * XTTYPE_DOUBLE (statistic's `--probability`): C's `strtod` of the whole word, within
 * `[min, max]` when they differ (NaN is within any: both comparisons are false). Decimal
 * numbers, `inf`, `infinity` and `nan` are read here; C99's hex floats (`0x1p-1`) and
 * `nan(…)` are "unsure".
 */
export function parseDouble(word: string, spec: OptionSpec): Parsed<number> {
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  const value = cStrtod(word);
  if (value === null && /^[ \t\n\v\f\r]*[+-]?(?:0x|nan\()/i.test(word)) return unsure(`how C's strtod reads "${word}"`);
  if (value === null || (min !== max && (value < min || value > max))) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(value);
}

/** `strtod` of a whole word: blanks, a sign, decimal digits with a point and an exponent, or inf/infinity/nan. */
function cStrtod(word: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(inf(?:inity)?)|(nan))$/i.exec(word);
  if (m === null) return null;
  if (m[3] !== undefined) return m[1] === "-" ? -Infinity : Infinity;
  if (m[4] !== undefined) return NaN;
  return Number(m[1] + m[2]);
}

/** A parser of an option that its extension reads with its own code. `family` is the ruleset's, `proto` the rule's `-p` when it has one. */
export type ExtensionParser = (word: string, family: Family, proto: string | null) => Parsed<AnyValue>;

/** Options that extensions parse with their own code, by `ext:<extension>:<option>`. */
export const EXTENSION_PARSERS: ReadonlyMap<string, ExtensionParser> = new Map<string, ExtensionParser>([
  ["ext:tcp:sport", (w) => parseTcpPorts(w)],
  ["ext:tcp:source-port", (w) => parseTcpPorts(w)],
  ["ext:tcp:dport", (w) => parseTcpPorts(w)],
  ["ext:tcp:destination-port", (w) => parseTcpPorts(w)],
  ["ext:tcp:tcp-flags", (w) => parseTcpFlagList(w)],
  ["ext:tcp:tcp-option", (w) => parseTcpOption(w)],
  ["ext:sctp:sport", (w) => parseTcpPorts(w, "sctp")],
  ["ext:sctp:source-port", (w) => parseTcpPorts(w, "sctp")],
  ["ext:sctp:dport", (w) => parseTcpPorts(w, "sctp")],
  ["ext:sctp:destination-port", (w) => parseTcpPorts(w, "sctp")],
  ["ext:multiport:sports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:source-ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:dports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:destination-ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:multiport:ports", (w, _f, p) => parseMultiport(w, p ?? "tcp")],
  ["ext:conntrack:ctstate", (w) => parseCtState(w)],
  ["ext:conntrack:ctstatus", (w) => parseCtStatus(w)],
  ["ext:conntrack:ctdir", (w) => parseCtDir(w)],
  ["ext:state:state", (w) => parseState(w)],
  ["ext:icmp:icmp-type", (w) => parseIcmpType(w, 4)],
  ["ext:icmp6:icmpv6-type", (w) => parseIcmpType(w, 6)],
  ["ext:REJECT:reject-with", (w, f) => parseRejectWith(w, f)],
  ["ext:LOG:log-level", (w) => parseSyslogLevel(w)],
  ["ext:LOG:log-prefix", (w) => parseLogPrefix(w)],
  ["ext:comment:comment", (w) => parseComment(w)],
  ["ext:limit:limit", (w) => parseLimitRate(w)],
  ["ext:limit:limit-burst", (w) => parseLimitBurst(w)],
  ["ext:hashlimit:hashlimit-upto", (w) => parseHashlimitRate(w, "--hashlimit-upto")],
  ["ext:hashlimit:hashlimit", (w) => parseHashlimitRate(w, "--hashlimit-upto")],
  ["ext:hashlimit:hashlimit-above", (w) => parseHashlimitRate(w, "--hashlimit-above")],
  ["ext:hashlimit:hashlimit-burst", (w) => parseHashlimitBurst(w)],
  ["ext:hashlimit:hashlimit-mode", (w) => parseHashlimitMode(w)],
  ["ext:hashlimit:hashlimit-rate-interval", (w) => parseHashlimitRateInterval(w)],
  ["ext:connbytes:connbytes", (w) => parseConnbytes(w)],
  ["ext:addrtype:src-type", (w) => parseAddressTypes(w)],
  ["ext:addrtype:dst-type", (w) => parseAddressTypes(w)],
  ["ext:statistic:mode", (w) => parseStatisticMode(w)],
  ["ext:iprange:src-range", (w, f) => parseIpRange(w, f, "--src-range")],
  ["ext:iprange:dst-range", (w, f) => parseIpRange(w, f, "--dst-range")],
  ["ext:DNAT:to-destination", (w, f, p) => parseNatTo(w, f, p)],
  ["ext:SNAT:to-source", (w, f, p) => parseNatTo(w, f, p)],
  ["ext:MASQUERADE:to-ports", (w, _f, p) => parseNatPorts(w, p)],
  ["ext:REDIRECT:to-ports", (w, _f, p) => parseNatPorts(w, p)],
]);

/** Targets whose parsers read the rule's `-p` (a NAT port needs TCP, UDP, SCTP or DCCP): their checkers are kept by protocol. */
export const PROTOCOL_READING_TARGETS: ReadonlySet<string> = new Set(["DNAT", "SNAT", "MASQUERADE", "REDIRECT"]);

/** The parser of an extension's own option (`option` with or without its dashes), or undefined. */
export function extensionParser(extension: string, option: string): ExtensionParser | undefined {
  return EXTENSION_PARSERS.get(`ext:${extension}:${option.replace(/^-+/, "")}`);
}

/** Iptables' own options: `-p`, `-s`/`-d`, `-i`/`-o`. */
export const parseGenericProtocol = (word: string): Parsed<number> => parseProtocol(word, true);
export const parseGenericAddresses = (word: string, family: Family): Parsed<readonly Network[]> => parseAddressList(word, family);
export const parseGenericInterface = parseInterface;

/** A port of an old-style extension for `proto` (`xtables_parse_port`). */
export const parseServicePort = parsePortNumberOrService;

export { accept, refuse };
