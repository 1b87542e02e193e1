/**
 * Which parser reads each option value of a line, as iptables 1.8.9 hands the words to its
 * extensions: a `Checker` per option, made once per (extension, option, family, protocol) and
 * keeping its verdict for every word it has seen (a 10k-service dump repeats its ports and
 * marks, and its ClusterIPs are one word each).
 */
import type { LineView } from "../../grammar/index.js";
import {
  accept,
  addressReaderOf,
  addressWords,
  EXTENSION_PARSERS,
  extensionParser,
  findExtension,
  findOption,
  GLOBAL_LONG_OPTIONS,
  implicitMatch,
  inetPton4,
  isOtherFamilysAddress,
  natPortsAllowed,
  optionsOf,
  parseGenericAddresses,
  parseGenericInterface,
  parseGenericProtocol,
  parseTcpFlags,
  parseValue,
  PROTOCOL_READING_TARGETS,
  XT_TYPES,
  type ExtensionData,
  type Family,
  type OptionData,
  type Parsed,
  type XtType,
} from "../netfilter/index.js";

/** What a value gives in every family the rule reads the line for. */
export type Verdict =
  | { readonly kind: "ok" }
  /** Refused with the same message in every family read (and by both backends: the parsers are iptables' own). */
  | { readonly kind: "refused"; readonly message: string }
  /** A string iptables cuts to `kept` bytes without a word (`--comment`, `--log-prefix`). */
  | { readonly kind: "cut"; readonly kept: number }
  /** An iprange range written backwards: it loads, with a warning, and never matches. */
  | { readonly kind: "reversed" };

const OK: Verdict = { kind: "ok" };

/** The verdicts of one option's values, by word. */
export class Checker {
  private readonly seen = new Map<string, Verdict>();

  constructor(
    /** The option as the message names it (`--dport`, `-s`). */
    readonly option: string,
    /** How many words it reads (tcp's `--tcp-flags MASK COMP`: 2). */
    readonly words: 1 | 2,
    private readonly parse: (words: readonly string[]) => Verdict,
    /**
     * Whether a value word, as written in `text[start, end)`, is surely fine without reading it:
     * a string well within its limits, a plain IPv4 address. Most of a dump's words are.
     */
    readonly surelyFine: SurelyFine = NEVER_SURE,
  ) {}

  /** The verdict of a one-word value. */
  check(word: string): Verdict {
    let verdict = this.seen.get(word);
    if (verdict === undefined) {
      // Bounded: a long-running process (the lint pool, the language server) lints many files.
      if (this.seen.size >= MAX_WORDS_KEPT) this.seen.clear();
      verdict = this.parse([word]);
      this.seen.set(word, verdict);
    }
    return verdict;
  }

  /**
   * The verdict of the value's words (as many as `words`). None: "ok", the grammar reports a
   * missing value. One of two: the extension finds no second word (the next is an option, a `!`
   * or nothing) and says so (libxt_tcp.c: "--tcp-flags requires two args.").
   */
  checkWords(words: readonly string[]): Verdict {
    if (words.length === 0) return OK;
    if (words.length < this.words) return { kind: "refused", message: `${this.option} requires two args.` };
    return this.words === 1 ? this.check(words[0]) : this.parse(words);
  }
}

const MAX_WORDS_KEPT = 100_000;

/** Whether a value word, as written in `text[start, end)`, is surely fine without reading it (Checker.surelyFine). */
type SurelyFine = (text: string, start: number, end: number, quoted: boolean) => boolean;

const NEVER_SURE: SurelyFine = () => false;

/**
 * A string whose length alone decides: at least `min` bytes and at most `limit`. A UTF-16 unit is
 * at most 3 bytes of UTF-8; a quoted word is longer than its value.
 */
const withinLength =
  (min: number, limit: number) =>
  (_text: string, start: number, end: number, quoted: boolean): boolean =>
    (end - start) * 3 <= limit && (quoted ? min === 0 : end - start >= min);

/** `a.b.c.d` or `a.b.c.d/n`, each part a number within its limit, as written: every iptables loads it. */
function plainIpv4(text: string, start: number, end: number, quoted: boolean): boolean {
  if (quoted) return false;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let slash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digits === 3 || (slash && digits === 1 && part === 0)) return false;
      part = part * 10 + c - 0x30;
      digits++;
    } else if (c === 0x2e /* . */ && !slash && dots < 3 && digits > 0 && part <= 255) {
      dots++;
      part = 0;
      digits = 0;
    } else if (c === 0x2f /* / */ && !slash && dots === 3 && digits > 0 && part <= 255) {
      slash = true;
      part = 0;
      digits = 0;
    } else return false;
  }
  return dots === 3 && digits > 0 && part <= (slash ? 32 : 255);
}

/**
 * A plain `a.b.c.d`, or `a.b.c.d:port` (a decimal port of 1 to 65535) when the rule's protocol
 * takes ports: a DNAT's `--to-destination` as kube-proxy writes 50,000 of them, which every
 * iptables loads (read in place: parsing each distinct word cost a lint of that dump 70 ms).
 */
function plainNatTo4(portsAllowed: boolean): SurelyFine {
  return (text: string, start: number, end: number, quoted: boolean): boolean => {
    if (quoted) return false;
    const colon = text.indexOf(":", start);
    if (colon === -1 || colon >= end) return inetPton4(text, start, end);
    return portsAllowed && inetPton4(text, start, colon) && plainPort(text, colon + 1, end, false);
  };
}

/** A decimal port of 1 to 65535 as written, no leading zero: every port parser takes it (tcp's, udp's, libxtables' PORTRC). */
function plainPort(text: string, start: number, end: number, quoted: boolean): boolean {
  if (quoted || end - start < 1 || end - start > 5 || text.charCodeAt(start) === 0x30 /* 0 */) return false;
  let port = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    port = port * 10 + c - 0x30;
  }
  return port <= 0xffff;
}

/** `0.` and up to 20 digits: a probability strtod reads within [0, 1] (statistic's `--probability 0.20000000000`). */
function plainFraction(text: string, start: number, end: number, quoted: boolean): boolean {
  if (quoted || end - start < 3 || end - start > 22 || text.charCodeAt(start) !== 0x30 || text.charCodeAt(start + 1) !== 0x2e) return false;
  for (let i = start + 2; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A word equal to one of `words`, read in place. */
const oneOf =
  (...words: string[]) =>
  (text: string, start: number, end: number, quoted: boolean): boolean =>
    !quoted && words.some((w) => w.length === end - start && text.startsWith(w, start));

/**
 * Values a kube-proxy dump gives on nearly every line, passed as written (each read and looked up
 * otherwise: 170,000 of them cost a lint of its 10k-service dump about 20 ms), by extension and
 * option. Each is a word the option's parser takes in both families.
 */
const PLAIN_VALUES: ReadonlyMap<string, SurelyFine> = new Map([
  ["tcp:--dport", plainPort], ["tcp:--destination-port", plainPort], ["tcp:--sport", plainPort], ["tcp:--source-port", plainPort],
  ["udp:--dport", plainPort], ["udp:--destination-port", plainPort], ["udp:--sport", plainPort], ["udp:--source-port", plainPort],
  ["statistic:--mode", oneOf("random", "nth")],
  ["statistic:--probability", plainFraction],
]);

/** The values of an extension's option passed as written: PLAIN_VALUES', and a plain IPv4 NAT address (not in an ip6tables ruleset). */
function plainValuesOf(extension: string, option: string, family: Family | null, protocol: string | null): SurelyFine {
  const plain = PLAIN_VALUES.get(`${extension}:${option}`);
  if (plain !== undefined) return plain;
  const nat = (extension === "DNAT" && option === "--to-destination") || (extension === "SNAT" && option === "--to-source");
  return nat && family !== 6 ? plainNatTo4(natPortsAllowed(protocol) === true) : NEVER_SURE;
}

/** `-p` words every iptables knows, in both families. */
const PLAIN_PROTOCOLS = oneOf("tcp", "udp", "icmp", "sctp", "all");

/** Each family's result for the same word, made one verdict: refused only when every family refuses alike. */
function verdictOf(results: readonly Parsed<unknown>[], cuts: boolean): Verdict {
  const first = results[0];
  if (first.kind === "refused") {
    for (const r of results) if (r.kind !== "refused" || r.message !== first.message) return OK;
    return { kind: "refused", message: first.message.trimEnd() };
  }
  if (!cuts || first.kind !== "value") return OK;
  const values: { truncated?: boolean; bytes?: number; reversed?: boolean }[] = [];
  for (const r of results) {
    if (r.kind !== "value") return OK;
    values.push(r.value as (typeof values)[number]);
  }
  if (values.every((v) => v.reversed === true)) return { kind: "reversed" };
  if (values[0].truncated !== true) return OK;
  return { kind: "cut", kept: values[0].bytes ?? 0 };
}

/** Refusals another rule reports with the same words. */
const OTHER_RULES_MESSAGES: ReadonlySet<string> = new Set([
  // multiport-too-many-ports
  "too many ports specified",
  // option-needs-protocol: a NAT port without `-p tcp` (udp, sctp, dccp)
  "Need TCP, UDP, SCTP or DCCP with port specification",
]);

const checkers = new Map<string, Checker | null>();

function memo(key: string, make: () => Checker | null): Checker | null {
  let checker = checkers.get(key);
  if (checker === undefined) {
    checker = make();
    checkers.set(key, checker);
  }
  return checker;
}

const familiesOf = (family: Family | null): readonly Family[] => (family === null ? [4, 6] : [family]);

type GenericKind = "-p" | "-s" | "-d" | "-i" | "-o";

const GENERIC_SPELLINGS: Readonly<Record<string, GenericKind>> = {
  "-p": "-p", "--protocol": "-p", "-s": "-s", "--source": "-s", "--src": "-s", "-d": "-d", "--destination": "-d", "--dst": "-d",
  "-i": "-i", "--in-interface": "-i", "-o": "-o", "--out-interface": "-o",
};

/** `-p`, `-s`, `-d`, `-i`, `-o` for a spelling of one (a unique beginning of its long name too), else null. */
export function genericKind(spelling: string): GenericKind | null {
  const exact = GENERIC_SPELLINGS[spelling];
  if (exact !== undefined) return exact;
  if (!spelling.startsWith("--") || spelling.length < 3) return null;
  const longs = GLOBAL_LONG_OPTIONS.filter((o) => o.startsWith(spelling));
  return longs.length === 1 ? (GENERIC_SPELLINGS[longs[0]] ?? null) : null;
}

/** The checker of one of iptables' own options in a family (null: both). */
export function genericChecker(kind: GenericKind, family: Family | null): Checker {
  return memo(`generic:${kind}:${family ?? "?"}`, () => {
    const families = familiesOf(family);
    const parse =
      kind === "-p"
        ? (w: string) => verdictOf([parseGenericProtocol(w)], false)
        : kind === "-s" || kind === "-d"
          ? (w: string) => verdictOf(families.map((f) => parseGenericAddresses(w, f)), false)
          : (w: string) => verdictOf([parseGenericInterface(w)], false);
    // A plain IPv4 address loads in an iptables ruleset, and in one of unknown family (the other family's refusal alone is no finding).
    const surelyFine = (kind === "-s" || kind === "-d") && family !== 6 ? plainIpv4 : kind === "-p" ? PLAIN_PROTOCOLS : NEVER_SURE;
    return new Checker(kind, 1, (words) => parse(words[0]), surelyFine);
  })!;
}

/** The parser of an extension's option in one family, or null when the model has none for it (a value iptables reads without a check we know). */
interface OptionParser {
  parse(words: readonly string[]): Parsed<unknown>;
  /** An extension's own parser (not libxtables' for the type). */
  own: boolean;
  words: 1 | 2;
  /** A string whose length alone decides: at least `min` bytes, at most `limit` bytes kept. */
  length?: { min: number; limit: number };
}

/** The strings our own parsers read by their length alone (comment's buffer of 256 bytes, LOG's prefix of 30). */
const OWN_LENGTHS: Readonly<Record<string, { min: number; limit: number }>> = { "ext:comment:comment": { min: 0, limit: 255 }, "ext:LOG:log-prefix": { min: 1, limit: 29 } };

/** ipset's options that read two words, the second being the flags (`src,dst`). */
const SET_OPTIONS: ReadonlySet<string> = new Set(["ext:set:match-set", "ext:SET:add-set", "ext:SET:del-set", "ext:SET:map-set"]);

function parserOf(extension: ExtensionData, option: OptionData, family: Family, protocol: string | null): OptionParser | null {
  if (option.type === "ext:tcp:tcp-flags") return { parse: (w) => parseTcpFlags(w[0], w[1]), own: true, words: 2 };
  // The set's name and its flags: only a missing second word is sure ("--match-set requires two
  // args."); whether the set exists is the node's to say.
  if (SET_OPTIONS.has(option.type)) return { parse: (w) => accept(w), own: true, words: 2 };
  for (const name of option.names) {
    const own = extensionParser(extension.name, name);
    if (own !== undefined) return { parse: (w) => own(w[0], family, protocol), own: true, words: 1, length: OWN_LENGTHS[`ext:${extension.name}:${name.slice(2)}`] };
  }
  if (option.type.startsWith("ext:")) {
    const own = EXTENSION_PARSERS.get(option.type);
    return own === undefined ? null : { parse: (w) => own(w[0], family, protocol), own: true, words: 1 };
  }
  if (!(XT_TYPES as readonly string[]).includes(option.type)) return null;
  const spec = { extension: extension.name, option: option.names[0].replace(/^--/, ""), min: option.min, max: option.max, size: option.size };
  if (option.type === "STRING") {
    // libxtables refuses a string only by its `min` and `max` (a longer one is cut to `size`, which only our own parsers report).
    if (!option.min && !option.max) return null;
    return { parse: (w) => parseValue("STRING", w[0], spec, family), own: false, words: 1, length: { min: option.min ?? 0, limit: option.max || Infinity } };
  }
  return { parse: (w) => parseValue(option.type as XtType, w[0], spec, family), own: false, words: 1 };
}

/**
 * The checker of an extension's option (by one of its names) in a family (null: both, and then
 * only an option both families have), or null when no parser of ours reads it.
 */
export function optionChecker(extension: ExtensionData, name: string, family: Family | null, protocol: string | null): Checker | null {
  const multiport = extension.name === "multiport" || PROTOCOL_READING_TARGETS.has(extension.name);
  return memo(`${extension.kind}:${extension.name}:${name}:${family ?? "?"}:${multiport ? (protocol ?? "") : ""}`, () => {
    const parsers: OptionParser[] = [];
    for (const f of familiesOf(family)) {
      if (!extension.families.includes(f)) return null;
      const option = findOption(extension, name, f);
      if (option === undefined || !option.value) return null;
      const parser = parserOf(extension, option, f, protocol);
      if (parser === null) return null;
      parsers.push(parser);
    }
    const words = parsers[0].words;
    // Only our own parsers know a value that loads and does not do what it says: comment's and
    // LOG's prefix cut text, iprange's reversed range.
    const cuts = parsers[0].own;
    const length = parsers.every((p) => p.length !== undefined) ? parsers[0].length! : undefined;
    return new Checker(
      name,
      words,
      (w) => {
        if (w.length < words) return OK;
        const verdict = verdictOf(parsers.map((p) => p.parse(w)), cuts);
        return verdict.kind === "refused" && OTHER_RULES_MESSAGES.has(verdict.message) ? OK : verdict;
      },
      length !== undefined ? withinLength(length.min, length.limit) : plainValuesOf(extension.name, name, family, protocol),
    );
  });
}

/** How getopt reads an option word among the loaded extensions' options: whose it is, or why it cannot say. */
type Owner = { extension: ExtensionData; name: string } | "none" | "unclear";

function ownerOf(spelling: string, loaded: readonly ExtensionData[], family: Family | null): Owner {
  // An exact name wins; the extension loaded last comes first in iptables' merged options.
  for (let k = loaded.length - 1; k >= 0; k--) {
    if (optionsOf(loaded[k], family).some((o) => o.names.includes(spelling))) return { extension: loaded[k], name: spelling };
  }
  if (GLOBAL_LONG_OPTIONS.some((o) => o.startsWith(spelling))) return "unclear";
  // A unique beginning of one option (its aliases share it) of one loaded extension.
  let found: { extension: ExtensionData; name: string; id: OptionData } | null = null;
  for (let k = loaded.length - 1; k >= 0; k--) {
    for (const option of optionsOf(loaded[k], family)) {
      const name = option.names.find((n) => n.startsWith(spelling));
      if (name === undefined) continue;
      if (found !== null && (found.extension !== loaded[k] || found.id.names[0] !== option.names[0])) return "unclear";
      found = { extension: loaded[k], name: option.names[0], id: option };
    }
  }
  return found === null ? "none" : { extension: found.extension, name: found.name };
}

/**
 * The checker of each element of a line (null where none applies), as iptables reads the line:
 * extensions load at `-m` and at the target, the protocol's match (`-p tcp`) when an option no
 * loaded one has comes after `-p`. After a match or a target the model does not know, its
 * options are left alone.
 */
export function checkersOf(view: LineView, family: Family | null): (Checker | null)[] {
  const out: (Checker | null)[] = new Array(view.count).fill(null);
  const loaded: ExtensionData[] = [];
  let protocol: string | null = null;
  let implicitLoaded = false;
  let opaque = false;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const kind = genericKind(view.name(i));
      if (kind === null) continue;
      if (kind === "-p") protocol = view.value(i);
      out[i] = genericChecker(kind, family);
    } else if (role === "match" || role === "jump" || role === "goto") {
      const name = view.value(i);
      const extension = name === null ? undefined : findExtension(role === "match" ? "match" : "target", name, family);
      if (extension === undefined) opaque = true;
      else loaded.push(extension);
    } else if (role === "module" && !opaque) {
      const spelling = view.name(i);
      let owner = ownerOf(spelling, loaded, family);
      if (owner === "none" && protocol !== null && !implicitLoaded) {
        implicitLoaded = true;
        const implicit = implicitMatch(protocol, family);
        if (implicit !== undefined) {
          loaded.push(implicit);
          owner = ownerOf(spelling, loaded, family);
        }
      }
      if (typeof owner === "object") out[i] = optionChecker(owner.extension, owner.name, family, protocol === null ? null : protocol.toLowerCase());
    }
  }
  return out;
}

/**
 * Whether address-family-mismatch reports this value in a ruleset of `family` (an address of the
 * other family: `-s 2001:db8::1` in an iptables ruleset; `--reject-with icmp6-...` in it): the
 * same test as that rule's, so that one value is never reported twice.
 */
export function otherFamilysValue(option: string, word: string, family: Family | null): boolean {
  if (family === null) return false;
  if (option === "--reject-with") return family === 6 ? word.startsWith("icmp-") : word.startsWith("icmp6-");
  const reader = addressReaderOf(option);
  if (reader === null) return false;
  return addressWords(option, word).some((a) => isOtherFamilysAddress(a, family, reader));
}
