/**
 * What iptables 1.8.9 checks of a line's options beyond the option tables' XTOPT_MAND, `.excl`,
 * `.also` and XTOPT_MULTI (data.ts): the extensions' own final checks (`x6_fcheck`,
 * `final_check`), which refuse an extension given none of some options with words of their own,
 * and the parsers of the extensions that still read their options with getopt (tcp, sctp), which
 * refuse an option given twice with their own words. Kept by hand from iptables' sources
 * (extensions/libxt_*.c at v1.8.9) and measured with both backends and both families:
 * `test/rules/option-relations-netfilter.test.ts` loads each and checks the message.
 *
 * An extension's own final check runs before the option table's checks (libxtables'
 * xtables_option_tfcheck/mfcheck), so its words are what iptables prints when both would refuse.
 */
import type { ExtensionKind } from "./types.js";

export interface OneOfRequirement {
  readonly kind: ExtensionKind;
  readonly extension: string;
  /** The options one of which the extension needs (first names as in data.ts); null: any of its options. */
  readonly options: readonly string[] | null;
  /** What iptables prints without them. */
  readonly message: string;
}

/** Extensions refused, with these words, when given none of the options (the bare extension, measured). */
export const ONE_OF_REQUIREMENTS: readonly OneOfRequirement[] = [
  { kind: "match", extension: "addrtype", options: ["--src-type", "--dst-type"], message: "addrtype: you must specify --src-type or --dst-type" },
  { kind: "match", extension: "bpf", options: ["--bytecode", "--object-pinned"], message: "bpf: one of --bytecode or --pinned is required" },
  { kind: "match", extension: "cluster", options: ["--cluster-local-node", "--cluster-local-nodemask"], message: "cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing" },
  { kind: "match", extension: "connlimit", options: ["--connlimit-upto", "--connlimit-above"], message: 'You must specify "--connlimit-above" or "--connlimit-upto".' },
  { kind: "match", extension: "conntrack", options: null, message: "conntrack: At least one option is required" },
  { kind: "match", extension: "devgroup", options: ["--src-group", "--dst-group"], message: "devgroup match: You must specify either '--src-group' or '--dst-group'" },
  { kind: "match", extension: "dscp", options: ["--dscp", "--dscp-class"], message: "DSCP match: Parameter --dscp is required" },
  { kind: "match", extension: "ecn", options: null, message: "ECN match: some option required" },
  { kind: "match", extension: "hashlimit", options: ["--hashlimit-upto", "--hashlimit-above"], message: "You have to specify --hashlimit" },
  { kind: "match", extension: "hl", options: ["--hl-eq", "--hl-lt", "--hl-gt"], message: "HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt'" },
  { kind: "match", extension: "iprange", options: ["--src-range", "--dst-range"], message: "iprange match: You must specify `--src-range' or `--dst-range'" },
  { kind: "match", extension: "multiport", options: null, message: "multiport expection an option" },
  { kind: "match", extension: "owner", options: ["--uid-owner", "--gid-owner", "--socket-exists"], message: "owner: At least one of --uid-owner, --gid-owner or --socket-exists is required" },
  { kind: "match", extension: "physdev", options: null, message: "PHYSDEV: no physdev option specified" },
  { kind: "match", extension: "policy", options: ["--dir"], message: "policy match: neither --dir in nor --dir out specified" },
  { kind: "match", extension: "recent", options: ["--set", "--rcheck", "--update", "--remove"], message: "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'" },
  { kind: "match", extension: "set", options: ["--match-set", "--set"], message: "You must specify `--match-set' with proper arguments" },
  { kind: "match", extension: "string", options: ["--string", "--hex-string"], message: "STRING match: You must specify `--string' or `--hex-string'" },
  { kind: "match", extension: "ttl", options: ["--ttl-eq", "--ttl-lt", "--ttl-gt"], message: "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt" },
  {
    kind: "target",
    extension: "CONNMARK",
    options: ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark", "--save-mark", "--restore-mark"],
    message: "CONNMARK target: No operation specified",
  },
  { kind: "target", extension: "CONNSECMARK", options: ["--save", "--restore"], message: "CONNSECMARK target: parameter required" },
  { kind: "target", extension: "DSCP", options: ["--set-dscp", "--set-dscp-class"], message: "DSCP target: Parameter --set-dscp is required" },
  { kind: "target", extension: "ECN", options: null, message: "ECN target: An operation is required" },
  { kind: "target", extension: "HL", options: ["--hl-set", "--hl-dec", "--hl-inc"], message: "HL: You must specify an action" },
  { kind: "target", extension: "HMARK", options: ["--hmark-mod"], message: "--hmark-mod is mandatory" },
  {
    kind: "target",
    extension: "MARK",
    options: ["--set-xmark", "--set-mark", "--and-mark", "--or-mark", "--xor-mark"],
    message: "MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required",
  },
  { kind: "target", extension: "SET", options: ["--add-set", "--del-set", "--map-set"], message: "You must specify either `--add-set' or `--del-set' or `--map-set'" },
  { kind: "target", extension: "TCPMSS", options: ["--set-mss", "--clamp-mss-to-pmtu"], message: "TCPMSS target: At least one parameter is required" },
  { kind: "target", extension: "TOS", options: ["--set-tos", "--and-tos", "--or-tos", "--xor-tos"], message: "TOS: An action is required" },
  { kind: "target", extension: "TTL", options: ["--ttl-set", "--ttl-dec", "--ttl-inc"], message: "TTL: You must specify an action" },
];

/**
 * Options of the getopt extensions that share one "given" flag: iptables refuses a second of the
 * group, the same option or another, with these words (libxt_tcp.c, libxt_sctp.c `*_parse`).
 */
export interface OnceGroup {
  readonly kind: ExtensionKind;
  readonly extension: string;
  /** First names as in data.ts. */
  readonly options: readonly string[];
  readonly message: string;
}

export const ONCE_GROUPS: readonly OnceGroup[] = [
  { kind: "match", extension: "tcp", options: ["--source-port"], message: "Only one `--source-port' allowed" },
  { kind: "match", extension: "tcp", options: ["--destination-port"], message: "Only one `--destination-port' allowed" },
  { kind: "match", extension: "tcp", options: ["--syn", "--tcp-flags"], message: "Only one of `--syn' or `--tcp-flags'  allowed" },
  { kind: "match", extension: "tcp", options: ["--tcp-option"], message: "Only one `--tcp-option' allowed" },
  { kind: "match", extension: "sctp", options: ["--source-port"], message: "Only one `--source-port' allowed" },
  { kind: "match", extension: "sctp", options: ["--destination-port"], message: "Only one `--destination-port' allowed" },
  { kind: "match", extension: "sctp", options: ["--chunk-types"], message: "Only one `--chunk-types' allowed" },
];

/**
 * iptables' own options that may be given once (xshared.c set_option: "multiple -%c flags not
 * allowed"), by every spelling, with the letter iptables names. `-j` and `-g` twice are syntax
 * errors of the grammar; `-m` may repeat (each loads another instance).
 */
export const ONCE_BUILTINS: Readonly<Record<string, string>> = {
  "-p": "p", "--protocol": "p",
  "-s": "s", "--source": "s", "--src": "s",
  "-d": "d", "--destination": "d", "--dst": "d",
  "-i": "i", "--in-interface": "i",
  "-o": "o", "--out-interface": "o",
  "-f": "f", "--fragments": "f",
  "-c": "c", "--set-counters": "c",
};

/**
 * Extensions whose own final check, which runs before the option table's, refuses a line that
 * lacks a mandatory option in words that depend on the values given (`-m statistic` without
 * `--mode`: "--probability must be specified when using random mode"; `-j RATEEST` without
 * `--rateest-name`: "RATEEST: ewmalog value is out of range"): what iptables says is not told
 * from the option table alone (missing-option reads statistic's check itself).
 */
export const OWN_CHECK_FIRST: ReadonlySet<string> = new Set(["match:statistic", "target:RATEEST"]);
