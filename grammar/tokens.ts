/**
 * Token types of an iptables ruleset line.
 *
 * These are Chevrotain token types used by the parser, but no Chevrotain regex lexer produces
 * them: iptables splits a line with its own hand-written routine (`add_param_to_argv` in
 * xshared.c), where a quote may open mid-word, a closing quote ends the word and the kind of
 * the first word depends on its position. `lexer.ts` replicates that routine and assigns these
 * types. Every type therefore has `Lexer.NA` as its pattern.
 *
 * The parser is a "super grammar": it knows the line structure (counters, commands, `!`,
 * options and their values), never which options a match module or target takes.
 */
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";
import { EXTENSION_OPTIONS } from "./option-arguments.js";

const category = (name: string, categories: TokenType[] = []): TokenType =>
  createToken({ name, pattern: Lexer.NA, categories });

// Categories.
/** Any word at all: what iptables-restore ignores after a table name or chain declaration. */
export const AnyWord = category("AnyWord");
/** Any word that starts with `-` or `--` followed by a letter. */
export const AnyOption = category("AnyOption");
/** A command (`-A`, `-I`, `-N`, `-P`, ...): one per line, anywhere among its options. */
export const AnyCommand = category("AnyCommand", [AnyOption]);
/** Any option that is not a command: a rule's options, before or after the command. */
export const AnyRuleOption = category("AnyRuleOption", [AnyOption]);
/** Anything that can be an option's value or a command's positional argument. */
export const AnyValue = category("AnyValue");

/** A concrete token type: every one is also `AnyWord`. */
const define = (name: string, categories: TokenType[] = []): TokenType =>
  category(name, [...categories, AnyWord]);

// Line heads, recognised only as the first word of a line (as iptables-restore does).
/** `*filter`: opens a table. */
export const TableHeader = define("TableHeader");
/** `:CHAIN POLICY [p:b]`: declares a chain. */
export const ChainDecl = define("ChainDecl");
/** `COMMIT`: ends a table. */
export const Commit = define("Commit");
/** `[packets:bytes]`: counters, before a rule or at the end of a chain declaration. */
export const Counters = define("Counters");

/** `!`, standing alone (a quoted `"!"` is a value). */
export const Bang = define("Bang");

// Commands.
export const Append = define("Append", [AnyCommand]);
export const Insert = define("Insert", [AnyCommand]);
export const Delete = define("Delete", [AnyCommand]);
export const Replace = define("Replace", [AnyCommand]);
export const NewChain = define("NewChain", [AnyCommand]);
export const DeleteChain = define("DeleteChain", [AnyCommand]);
export const Flush = define("Flush", [AnyCommand]);
export const Zero = define("Zero", [AnyCommand]);
export const RenameChain = define("RenameChain", [AnyCommand]);
export const Policy = define("Policy", [AnyCommand]);
/** `-C`, `-L`, `-S`: valid iptables commands that make no sense in a ruleset file. */
export const OtherCommand = define("OtherCommand", [AnyCommand]);

// Options with a structural meaning.
/** `-m` / `--match`: starts a match module. */
export const MatchOption = define("MatchOption", [AnyRuleOption, AnyOption]);
/** `-j` / `--jump`: the target. */
export const JumpOption = define("JumpOption", [AnyRuleOption, AnyOption]);
/** `-g` / `--goto`: the target, without return. */
export const GotoOption = define("GotoOption", [AnyRuleOption, AnyOption]);
/** `-c` / `--set-counters`: counters printed by `iptables -v -S`. */
export const SetCountersOption = define("SetCountersOption", [AnyRuleOption, AnyOption]);
/** `-t` / `--table`: refused by iptables-restore inside a line. */
export const TableOption = define("TableOption", [AnyRuleOption, AnyOption]);
/** `-s -d -i -o -p -f -4 -6` and their long forms: iptables' own generic options. */
export const GenericOption = define("GenericOption", [AnyRuleOption, AnyOption]);
/** Any other option: it belongs to the match or target before it. */
export const ModuleOption = define("ModuleOption", [AnyRuleOption, AnyOption]);

// Values.
/** A word with no quote in it. */
export const Word = define("Word", [AnyValue]);
/** A word with at least one `"` in it; its decoded value drops the quotes and escapes. */
export const QuotedWord = define("QuotedWord", [AnyValue]);

/**
 * Compact codes for the concrete token types, stored one byte per token by the lexer.
 * `tokenTypeOf[code]` gives the Chevrotain type.
 */
export const enum TokenCode {
  TableHeader,
  ChainDecl,
  Commit,
  Counters,
  Bang,
  Append,
  Insert,
  Delete,
  Replace,
  NewChain,
  DeleteChain,
  Flush,
  Zero,
  RenameChain,
  Policy,
  OtherCommand,
  MatchOption,
  JumpOption,
  GotoOption,
  SetCountersOption,
  TableOption,
  GenericOption,
  ModuleOption,
  Word,
  QuotedWord,
}

/** Whether a token is an option word of a rule: `-m`, `-j`, `-g`, `-c`, `-t`, a generic one or an extension's. */
export const isRuleOptionCode = (code: number): boolean => code >= TokenCode.MatchOption && code <= TokenCode.ModuleOption;

/** The Chevrotain type of each `TokenCode`, in the same order. */
export const tokenTypeOf: readonly TokenType[] = [
  TableHeader,
  ChainDecl,
  Commit,
  Counters,
  Bang,
  Append,
  Insert,
  Delete,
  Replace,
  NewChain,
  DeleteChain,
  Flush,
  Zero,
  RenameChain,
  Policy,
  OtherCommand,
  MatchOption,
  JumpOption,
  GotoOption,
  SetCountersOption,
  TableOption,
  GenericOption,
  ModuleOption,
  Word,
  QuotedWord,
];

/** Every token type, categories first: the parser's vocabulary. */
export const allTokenTypes: readonly TokenType[] = [AnyWord, AnyOption, AnyCommand, AnyRuleOption, AnyValue, ...tokenTypeOf];

/** Options whose token code is not `ModuleOption`, by the spelling iptables accepts. */
export const structuralOptions: ReadonlyMap<string, TokenCode> = new Map([
  ["-A", TokenCode.Append],
  ["--append", TokenCode.Append],
  ["-I", TokenCode.Insert],
  ["--insert", TokenCode.Insert],
  ["-D", TokenCode.Delete],
  ["--delete", TokenCode.Delete],
  ["-R", TokenCode.Replace],
  ["--replace", TokenCode.Replace],
  ["-N", TokenCode.NewChain],
  ["--new-chain", TokenCode.NewChain],
  ["--new", TokenCode.NewChain],
  ["-X", TokenCode.DeleteChain],
  ["--delete-chain", TokenCode.DeleteChain],
  ["-F", TokenCode.Flush],
  ["--flush", TokenCode.Flush],
  ["-Z", TokenCode.Zero],
  ["--zero", TokenCode.Zero],
  ["-E", TokenCode.RenameChain],
  ["--rename-chain", TokenCode.RenameChain],
  ["-P", TokenCode.Policy],
  ["--policy", TokenCode.Policy],
  ["-C", TokenCode.OtherCommand],
  ["--check", TokenCode.OtherCommand],
  ["-L", TokenCode.OtherCommand],
  ["--list", TokenCode.OtherCommand],
  ["-S", TokenCode.OtherCommand],
  ["--list-rules", TokenCode.OtherCommand],
  ["-m", TokenCode.MatchOption],
  ["--match", TokenCode.MatchOption],
  ["-j", TokenCode.JumpOption],
  ["--jump", TokenCode.JumpOption],
  ["-g", TokenCode.GotoOption],
  ["--goto", TokenCode.GotoOption],
  ["-c", TokenCode.SetCountersOption],
  ["--set-counters", TokenCode.SetCountersOption],
  ["-t", TokenCode.TableOption],
  ["--table", TokenCode.TableOption],
  ["-s", TokenCode.GenericOption],
  ["--source", TokenCode.GenericOption],
  ["--src", TokenCode.GenericOption],
  ["-d", TokenCode.GenericOption],
  ["--destination", TokenCode.GenericOption],
  ["--dst", TokenCode.GenericOption],
  ["-i", TokenCode.GenericOption],
  ["--in-interface", TokenCode.GenericOption],
  ["-o", TokenCode.GenericOption],
  ["--out-interface", TokenCode.GenericOption],
  ["-p", TokenCode.GenericOption],
  ["--protocol", TokenCode.GenericOption],
  ["-f", TokenCode.GenericOption],
  ["--fragment", TokenCode.GenericOption],
  ["--fragments", TokenCode.GenericOption],
  ["-4", TokenCode.GenericOption],
  ["--ipv4", TokenCode.GenericOption],
  ["-6", TokenCode.GenericOption],
  ["--ipv6", TokenCode.GenericOption],
]);

/**
 * Options that take this many arguments whatever the arguments look like. getopt gives a
 * required argument the next word even when it starts with `-`, and iptables-save prints a
 * comment such as `-t` or `--x` without quotes, so `--comment -t` is a comment, not `-t`.
 * Besides iptables' own options these are the options whose value is free text; any other
 * option's values are the words after it that do not look like options.
 */
export const optionArity: ReadonlyMap<string, number> = new Map([
  ...["-A", "--append", "-I", "--insert", "-R", "--replace", "-D", "--delete", "-N", "--new-chain", "--new"].map((o) => [o, 1] as const),
  ...["-E", "--rename-chain", "-P", "--policy", "-c", "--set-counters"].map((o) => [o, 2] as const),
  ...["-j", "--jump", "-g", "--goto", "-m", "--match", "-t", "--table"].map((o) => [o, 1] as const),
  ...["-s", "--source", "--src", "-d", "--destination", "--dst", "-i", "--in-interface", "-o", "--out-interface", "-p", "--protocol"].map((o) => [o, 1] as const),
  ...["--comment", "--log-prefix", "--nflog-prefix", "--ulog-prefix", "--string"].map((o) => [o, 1] as const),
]);

/**
 * Flags above a packed option's code and arguments (`code | arguments << 8 | flag`), for the
 * few words the lexer reads more closely: a packed value above 0xffff has one.
 */
export const enum PackedFlag {
  /**
   * `-mtcp`, `-AINPUT`: a one-letter option with its value in the same word, which getopt gives
   * it as its argument and iptables reads as if written `-m tcp` (measured, nft and legacy).
   */
  Glued = 1 << 16,
  /**
   * `--new`: getopt's abbreviation of iptables' own `--new-chain`, which an extension's option
   * spells exactly (CLUSTERIP's `--new`): getopt takes the exact spelling when a `-m` or `-j`
   * before it on the line has loaded that extension (`extensionSpellings`).
   */
  Shared = 1 << 17,
}

/**
 * iptables' own long options, as getopt_long sees them before any extension is loaded
 * (`original_opts` of iptables 1.8.9: iptables.c and ip6tables.c for legacy, xtables.c for both
 * families of nft), each with its letter: getopt takes two names with the same letter and
 * argument as one (`--src`, `--source`). ip6tables-legacy has no `--fragments`.
 */
const OWN_LONG_OPTIONS: readonly (readonly [name: string, letter: string, hasArgument: number])[] = [
  ["append", "A", 1], ["delete", "D", 1], ["check", "C", 1], ["insert", "I", 1], ["replace", "R", 1],
  ["list", "L", 2], ["list-rules", "S", 2], ["flush", "F", 2], ["zero", "Z", 2], ["new-chain", "N", 1],
  ["delete-chain", "X", 2], ["rename-chain", "E", 1], ["policy", "P", 1], ["source", "s", 1],
  ["destination", "d", 1], ["src", "s", 1], ["dst", "d", 1], ["protocol", "p", 1], ["in-interface", "i", 1],
  ["jump", "j", 1], ["table", "t", 1], ["match", "m", 1], ["numeric", "n", 0], ["out-interface", "o", 1],
  ["verbose", "v", 0], ["wait", "w", 2], ["wait-interval", "W", 2], ["exact", "x", 0], ["fragments", "f", 0],
  ["version", "V", 0], ["help", "h", 2], ["line-numbers", "0", 0], ["modprobe", "M", 1],
  ["set-counters", "c", 1], ["goto", "g", 1], ["ipv4", "4", 0], ["ipv6", "6", 0],
];

/**
 * getopt's abbreviations of iptables' own long options (`--dest`, `--proto`, `--jum`, `--new`
 * of `--new-chain`, `--fragment` of `--fragments`), by spelling, with the option each stands
 * for in every backend and family: a beginning that is ambiguous anywhere (`--de`: `--delete`,
 * `--destination`), or unknown to ip6tables-legacy (`--frag`), is left out, and so is one of an
 * option the lexer gives no kind (`--verb`). `--fragment` is kept for what it was read as before.
 * getopt_long takes a beginning for the first option it begins when all those it begins are one
 * option (the same letter and argument: `--s` is not one, `--sr` is `--src`).
 */
const ABBREVIATIONS: ReadonlyMap<string, string> = (() => {
  // The options each beginning begins, in table order (run at every start: one pass over the names).
  const begun = new Map<string, (readonly [string, string, number])[]>();
  const names = new Set(OWN_LONG_OPTIONS.map(([name]) => name));
  for (const option of OWN_LONG_OPTIONS) {
    for (let length = 1; length < option[0].length; length++) {
      const prefix = option[0].slice(0, length);
      if (names.has(prefix)) continue;
      const list = begun.get(prefix);
      if (list === undefined) begun.set(prefix, [option]);
      else list.push(option);
    }
  }
  const out = new Map<string, string>([["--fragment", "--fragments"]]);
  for (const [prefix, options] of begun) {
    const [name, letter, hasArgument] = options[0];
    // One option, and in ip6tables-legacy too (which has no `--fragments`).
    if (!options.every(([, l, a]) => l === letter && a === hasArgument) || name === "fragments") continue;
    if (structuralOptions.has(`--${name}`)) out.set(`--${prefix}`, `--${name}`);
  }
  return out;
})();

/** The full name of an abbreviation of iptables' own long option (`--proto`: `--protocol`), else the spelling itself. */
export function ownOptionName(spelling: string): string {
  return ABBREVIATIONS.get(spelling) ?? spelling;
}

/**
 * The matches whose options `-p` may have loaded before a word: getopt loads the protocol's
 * match when a word is no option it knows yet (`-p tcp --dport 22 --dest x`: then `--dest` is
 * both `--destination` and `--destination-port`, and iptables refuses it, measured).
 */
export const PROTOCOL_MATCH_NAMES: ReadonlySet<string> = new Set(["tcp", "udp", "udplite", "sctp", "dccp", "icmp", "icmp6", "ah", "esp", "mh"]);

/**
 * By abbreviation: the matches and targets that have an option spelled so or beginning so
 * (`--new`: CLUSTERIP's; `--dest`: tcp's `--destination-port`). Once one of them is loaded on
 * the line, getopt takes the word for that option, or refuses it as ambiguous: the lexer then
 * reads it as an extension's option, as it reads any word it does not know.
 */
export const extensionSpellings: ReadonlyMap<string, readonly string[]> = (() => {
  // Each extension option's beginnings looked up among the abbreviations (run at every start: no scan of all options per abbreviation).
  const owners = new Map<string, Set<string>>();
  for (const name in EXTENSION_OPTIONS) {
    const entry = EXTENSION_OPTIONS[name];
    for (let length = 3; length <= name.length; length++) {
      const prefix = length === name.length ? name : name.slice(0, length);
      if (!ABBREVIATIONS.has(prefix)) continue;
      let set = owners.get(prefix);
      if (set === undefined) owners.set(prefix, (set = new Set()));
      for (let k = 1; k < entry.length; k++) {
        const owner = entry[k];
        set.add(owner.endsWith("/4") || owner.endsWith("/6") ? owner.slice(0, -2) : owner);
      }
    }
  }
  return new Map([...owners].map(([spelling, set]) => [spelling, [...set]]));
})();

/**
 * Every option with a kind other than `ModuleOption` or a fixed number of arguments, packed
 * as `code | arguments << 8` for the lexer, which looks up every option of a dump (with
 * `PackedFlag.Shared` for a spelling in `extensionSpellings`).
 */
export const optionTable: ReadonlyMap<string, number> = new Map(
  [...new Set([...structuralOptions.keys(), ...optionArity.keys(), ...ABBREVIATIONS.keys()])].map((spelling) => {
    const name = structuralOptions.has(spelling) || optionArity.has(spelling) ? spelling : ownOptionName(spelling);
    return [
      spelling,
      (structuralOptions.get(name) ?? TokenCode.ModuleOption) | ((optionArity.get(name) ?? 0) << 8) | (extensionSpellings.has(spelling) ? PackedFlag.Shared : 0),
    ];
  }),
);

/** The same for the one-letter options, indexed by the letter's code: no string is made. */
export const shortOptionTable: Int32Array = (() => {
  const table = new Int32Array(128).fill(-1);
  for (const [name, packed] of optionTable) if (name.length === 2) table[name.charCodeAt(1)] = packed;
  return table;
})();

/**
 * The one-letter options whose value iptables 1.8.9 takes from getopt's argument (`optarg`),
 * which may be the rest of the word (`-mtcp`, `-AINPUT`, `-gCHAIN`): by letter, packed as in
 * `shortOptionTable` with `PackedFlag.Glued`, or -1. Not `-s -d -p -i -o -j`: for those
 * iptables reads the whole word (`argv[optind - 1]` in xshared.c's do_parse), so `-s10.0.0.1`
 * is the address `-s10.0.0.1`; not `-f -4 -6`, which take no value.
 */
export const gluedOptionTable: Int32Array = (() => {
  const table = new Int32Array(128).fill(-1);
  for (const letter of "ACDEFILNPRSXZcgmt") table[letter.charCodeAt(0)] = shortOptionTable[letter.charCodeAt(0)] | PackedFlag.Glued;
  return table;
})();

const LONG_MAX = 64;
const longNames = [...optionTable.keys()].filter((name) => name.length > 2);
const longPacked = longNames.map((name) => optionTable.get(name)!);
/** The long names by length and third character (length * 128 + code), and 1 where there is some. */
const longBuckets: number[][] = [];
const longFilter = new Uint8Array(LONG_MAX * 128);
longNames.forEach((name, id) => {
  (longBuckets[name.length * 128 + name.charCodeAt(2)] ??= []).push(id);
  longFilter[name.length * 128 + name.charCodeAt(2)] = 1;
});

/**
 * `optionTable`'s value for the long option `text[start, end)` (`--name`, without an inline
 * `=value`), or `ModuleOption` for one it does not list, read in place: a dump has hundreds of
 * thousands of long options, most of them module options (`--dport`, `--probability`) that
 * the table does not list, and a string and a hash for each cost more than comparing a few
 * characters.
 */
export function longOptionCode(text: string, start: number, end: number): number {
  const length = end - start;
  if (length >= LONG_MAX) return TokenCode.ModuleOption;
  const third = text.charCodeAt(start + 2);
  if (third >= 128 || longFilter[length * 128 + third] === 0) return TokenCode.ModuleOption;
  const bucket = longBuckets[length * 128 + third];
  for (let b = 0; b < bucket.length; b++) {
    const name = longNames[bucket[b]];
    // `--` is the caller's, and the bucket's names have the word's third character.
    let i = 3;
    while (i < length && name.charCodeAt(i) === text.charCodeAt(start + i)) i++;
    if (i === length) return longPacked[bucket[b]];
  }
  return TokenCode.ModuleOption;
}

/**
 * Extension options that take a second word as well, which the extension reads itself
 * (`--tcp-flags SYN,ACK SYN`, `--match-set NAME src`), and the rateest options, which may.
 */
const TWO_WORDS = new Set(["--tcp-flags", "--chunk-types", "--match-set", "--add-set", "--del-set", "--map-set"]);

/**
 * How many words an option (not a command) takes as its value, as iptables 1.8.9 reads it: its
 * own options' (`-s` 1, `-f` 0, `-c` 2), an extension's (`--dport` 1, `--syn` 0, from
 * option-arguments.ts), or null when that is not known (no extension has the option, the
 * extensions differ, or the option may read more words).
 */
export function optionValueCount(name: string): number | null {
  const code = structuralOptions.get(name);
  if (code !== undefined) return code >= TokenCode.Append && code <= TokenCode.OtherCommand ? null : (optionArity.get(name) ?? 0);
  const arity = optionArity.get(name);
  if (arity !== undefined) return arity;
  if (!Object.hasOwn(EXTENSION_OPTIONS, name) || name.startsWith("--rateest")) return null;
  const [argument] = EXTENSION_OPTIONS[name];
  return argument === "none" ? 0 : argument === "required" ? (TWO_WORDS.has(name) ? 2 : 1) : null;
}
