/**
 * The other libxtables value types (xtoptions.c, xtables.c of iptables 1.8.9): PROTOCOL,
 * STRING, SYSLOGLEVEL, MARKMASK32, TOSMASK, ETHERMAC, and the interface names of `-i`/`-o`.
 */
import { isCSpace, strtoumax, xtStrtoul } from "./cnum.js";
import { asciiLower, hasAsciiLetter } from "./enums.js";
import { accept, byteLength, refuse, unsure, type OptionSpec, type Parsed } from "./result.js";

/** The names libxtables knows itself (`xtables_chain_protos`), before /etc/protocols. */
export const BUILTIN_PROTOCOLS: ReadonlyMap<string, number> = new Map([
  ["tcp", 6], ["sctp", 132], ["udp", 17], ["udplite", 136], ["icmp", 1], ["ipv6-icmp", 58], ["icmpv6", 58],
  ["esp", 50], ["ah", 51], ["mobility-header", 135], ["ipv6-mh", 135], ["mh", 135], ["all", 0],
]);

/**
 * XTTYPE_PROTOCOL (`xtables_parse_protocol`): a number 0..255 (`strtoul(…, 0)`), a built-in
 * name, else `getprotobyname` (/etc/protocols: "unsure"). `-p` lower-cases its word first
 * (`lowerCase`); `--ctproto` and the like do not. A word with no letter is no name: every keyword
 * of IANA's protocol numbers registry, which /etc/protocols lists, has one (`3pc`, `a/n`), so
 * `-p 10.0.0.0/8` or `-p 1.5` is refused (measured, both backends).
 */
export function parseProtocol(word: string, lowerCase = false): Parsed<number> {
  const text = lowerCase ? asciiLower(word) : word;
  const n = xtStrtoul(text, 0, 0, 255, true);
  if (n !== null) return accept(n.value);
  const builtin = BUILTIN_PROTOCOLS.get(text);
  if (builtin !== undefined) return accept(builtin);
  let blank = false;
  for (let k = 0; k < text.length; k++) if (isCSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 0x23) blank = true;
  // A lone `!` is the old negation's (`-p ! -s x`): no /etc/protocols names a protocol `!`.
  if (blank || !hasAsciiLetter(text)) return refuse(`unknown protocol "${text}" specified`);
  return unsure(`whether /etc/protocols on the node names a protocol "${text}"`);
}

/** A string option's value as the kernel gets it: cut to `size - 1` bytes when longer (no error). */
export interface StringValue {
  readonly text: string;
  /** Whether iptables cut it (XTOPT_PUT copies at most `size - 1` bytes). */
  readonly truncated: boolean;
  readonly bytes: number;
}

/** XTTYPE_STRING: `min`/`max` lengths are refused; a value over `size - 1` bytes is cut, not refused. */
export function parseString(word: string, spec: OptionSpec): Parsed<StringValue> {
  const bytes = byteLength(word);
  if (spec.min && bytes < spec.min) return refuse(`Argument must have a minimum length of ${spec.min} characters`);
  if (spec.max && bytes > spec.max) return refuse(`Argument must have a maximum length of ${spec.max} characters`);
  if (spec.size && bytes > spec.size - 1) {
    const cut = Buffer.from(word, "utf8").subarray(0, spec.size - 1).toString("utf8");
    return accept({ text: cut, truncated: true, bytes: spec.size - 1 });
  }
  return accept({ text: word, truncated: false, bytes });
}

/** `--comment` (xt_comment: a buffer of 256 bytes). */
export const parseComment = (word: string): Parsed<StringValue> => parseString(word, { extension: "comment", option: "comment", size: 256 });

/** LOG's `--log-prefix`: at least one byte, no newline, cut to 29 bytes. */
export function parseLogPrefix(word: string): Parsed<StringValue> {
  const s = parseString(word, { extension: "LOG", option: "log-prefix", min: 1, size: 30 });
  if (s.kind === "value" && word.indexOf("\n") !== -1) return refuse("Newlines not allowed in --log-prefix");
  return s;
}

const SYSLOG_LEVELS: ReadonlyMap<string, number> = new Map([
  ["alert", 1], ["crit", 2], ["debug", 7], ["emerg", 0], ["error", 3], ["info", 6], ["notice", 5], ["panic", 0], ["warning", 4],
]);

/** XTTYPE_SYSLOGLEVEL (LOG's `--log-level`): 0..7 (`strtoul(…, 0)`), or a name, lower case only (`warn` is unknown). */
export function parseSyslogLevel(word: string): Parsed<number> {
  const n = xtStrtoul(word, 0, 0, 7, true);
  if (n !== null) return accept(n.value);
  const level = SYSLOG_LEVELS.get(word);
  return level === undefined ? refuse(`log level "${word}" unknown`) : accept(level);
}

/** A `value/mask` pair; the mask is all ones when none is written. */
export interface ValueMask {
  readonly value: number;
  readonly mask: number;
}

/**
 * XTTYPE_MARKMASK32 (`xtables_parse_val_mask`): `value[/mask]`, each `strtoul(…, 0)` within 32
 * bits. A bad number is "bad integer value", anything after a good one but `/` "trailing garbage".
 */
export function parseMarkMask(word: string, spec: OptionSpec): Parsed<ValueMask> {
  const bad = () => refuse(`${spec.extension}: bad integer value for option "--${spec.option}", or out of range.`);
  const garbage = () => refuse(`${spec.extension}: trailing garbage after value for option "--${spec.option}".`);
  const v = xtStrtoul(word, 0, 0, 0xffffffff, false);
  if (v === null) return bad();
  if (v.end === word.length) return accept({ value: v.value, mask: 0xffffffff });
  if (word[v.end] !== "/") return garbage();
  const m = xtStrtoul(word, v.end + 1, 0, 0xffffffff, false);
  if (m === null) return bad();
  if (m.end !== word.length) return garbage();
  return accept({ value: v.value, mask: m.value });
}

const TOS_NAMES: ReadonlyMap<string, number> = new Map([
  ["minimize-delay", 0x10], ["maximize-throughput", 0x08], ["maximize-reliability", 0x04], ["minimize-cost", 0x02], ["normal-service", 0],
]);

/**
 * XTTYPE_TOSMASK (`--tos` of tos and TOS): `value[/mask]` within 8 bits, or a symbolic name
 * (any case) whose mask is the revision's default (`defaultMask`: 0x3f for revision 1, 0xff for 0).
 */
export function parseTosMask(word: string, defaultMask: number): Parsed<ValueMask> {
  const v = xtStrtoul(word, 0, 0, 255, false);
  if (v !== null) {
    if (v.end === word.length) return accept({ value: v.value, mask: 0xff });
    if (word[v.end] !== "/") return refuse(`Illegal value: "${word}"`);
    const m = xtStrtoul(word, v.end + 1, 0, 255, false);
    if (m === null || m.end !== word.length) return refuse(`Illegal value: "${word}"`);
    return accept({ value: v.value, mask: m.value });
  }
  const named = TOS_NAMES.get(asciiLower(word));
  return named === undefined ? refuse(`Symbolic name "${word}" is unknown`) : accept({ value: named, mask: defaultMask });
}

/**
 * XTTYPE_ETHERMAC: six parts `strtoul(…, 16)` each at most two characters long as written and
 * kept to 8 bits (so `0:1:2:3:4:5`, ` 1:…` and even an empty part load: an empty part is 0).
 */
export function parseEtherMac(word: string): Parsed<readonly number[]> {
  const bytes: number[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const n = strtoumax(word, at, 16);
    const end = n.end === at ? at : n.end;
    if (end - at > 2) return refuse("Invalid MAC address specified.");
    if (i < 5 ? word[end] !== ":" : end !== word.length) return refuse("Invalid MAC address specified.");
    bytes.push(Number((n.big ?? BigInt(n.value)) & 0xffn));
    at = end + 1;
  }
  return accept(bytes);
}

/** An interface name of `-i`/`-o`: the name, and whether a trailing `+` makes it a prefix. */
export interface InterfaceName {
  readonly name: string;
  readonly wildcard: boolean;
  /** Whether it has `/` or a blank, which iptables warns of and the kernel never names an interface with. */
  readonly weird: boolean;
}

/** `-i`/`-o` (`xtables_parse_interface`, `check_empty_interface`): at most 15 bytes, not empty. */
export function parseInterface(word: string): Parsed<InterfaceName> {
  if (word.length === 0) return refuse("Empty interface is likely to be undesired");
  if (byteLength(word) > 15) return refuse(`interface name \`${word}' must be shorter than IFNAMSIZ (15)`);
  return accept({ name: word, wildcard: word.endsWith("+"), weird: word.indexOf("/") !== -1 || word.indexOf(" ") !== -1 });
}
