/**
 * Where the kernel accepts each match of iptables 1.8.9: its tables, its hooks, and the checks
 * of its own that depend on the place (`--limit-iface-in`, `--dir out`, `--physdev-out`).
 *
 * Measured, not guessed: every match (and each option that changes where it may go) was loaded
 * with iptables 1.8.9 (nft and legacy, iptables and ip6tables) on Linux 6.18 into every
 * built-in chain of every table, into a user chain jumped to from each of them, and into a user
 * chain nothing jumps to, in a private network namespace; test/rules/places.test.ts repeats the
 * measurement (`npm run conformance` every placement, `npm test` a share) and fails on any
 * difference. `iptables-restore --test` accepts all of them: only a real load asks the kernel.
 *
 *   owner                     OUTPUT, POSTROUTING            (x_tables: the match's hooks)
 *   cgroup                    INPUT, OUTPUT, POSTROUTING     (x_tables)
 *   socket                    PREROUTING, INPUT              (x_tables)
 *   mac, osf (iptables)       PREROUTING, INPUT, FORWARD     (x_tables)
 *   eui64 (ip6tables)         PREROUTING, INPUT, FORWARD     (x_tables)
 *   realm (iptables)          INPUT, FORWARD, OUTPUT, POSTROUTING (x_tables)
 *   rpfilter                  raw and mangle, PREROUTING     (its own table check; x_tables hooks)
 *   addrtype --limit-iface-in   PREROUTING, INPUT, FORWARD    \
 *   addrtype --limit-iface-out  FORWARD, OUTPUT, POSTROUTING   |  the module's own checks:
 *   policy --dir in             PREROUTING, INPUT, FORWARD     |  iptables-nft makes them only
 *   policy --dir out            FORWARD, OUTPUT, POSTROUTING   |  for a rule written in a
 *   devgroup --src-group        PREROUTING, INPUT, FORWARD     |  built-in chain
 *   devgroup --dst-group        FORWARD, OUTPUT, POSTROUTING   |
 *   physdev --physdev-out, --physdev-is-out (without --physdev-is-bridged): not OUTPUT
 *   every other match: anywhere
 *
 * The table is checked for every rule, reached or not; the hooks against the hooks that reach
 * the rule's chain (rules/model/hooks.ts): a user chain nothing reaches loads. iptables-nft
 * checks a match's x_tables hooks in user chains too, but a module's own hook checks
 * (checkentry) only in a built-in chain, where it knows the hook.
 *
 * What the kernel logs (`dmesg`), with `ip6_tables` for ip6tables:
 *   x_tables: ip_tables: owner match: used from hooks INPUT, but only valid from OUTPUT/POSTROUTING
 *   xt_addrtype: input interface limitation not valid in POSTROUTING and OUTPUT
 *   xt_policy: output policy not valid in PREROUTING and INPUT
 *   xt_physdev: --physdev-out and --physdev-is-out only supported in the FORWARD and POSTROUTING chains with bridged traffic
 *   ipt_rpfilter: only valid in 'raw' or 'mangle' table, not 'nat'       (ip6t_rpfilter for ip6tables)
 * (devgroup refuses without a word). iptables-nft-restore then says
 * "line N: RULE_APPEND failed (Invalid argument): rule in chain CHAIN", iptables-legacy-restore
 * "iptables-restore: line N failed" (N: the table's COMMIT line).
 */
import type { Family, Hook } from "./tables.js";

/** When a place limit holds: the match has one of these options (with this value), and not `unless`. */
export interface PlaceCondition {
  options: readonly string[];
  /** The option's value must be this (`--dir in`). */
  value?: string;
  /** ...unless the match also has this option, not negated (`--physdev-is-bridged`). */
  unless?: string;
}

/** One limit the kernel puts on where a match may be. */
export interface PlaceLimit {
  /** Undefined: the limit holds for every use of the match. */
  when?: PlaceCondition;
  /** Tables the kernel accepts the match in; undefined: any. */
  tables?: readonly string[];
  /** Hooks the kernel accepts the match at; undefined: any. */
  hooks?: readonly Hook[];
  /**
   * What the kernel logs when it refuses (without `x_tables: ip_tables: `): "x_tables" for the
   * generic hook check (`owner match: used from hooks INPUT, but only valid from ...`), a
   * module's own words (after `module: `), or null when it says nothing.
   */
  logged: "x_tables" | string | null;
  /** The module whose words `logged` are, by family: the kernel logs them after its name and a colon. */
  module?: Readonly<Record<Family, string>>;
  /** The module checks the hooks itself: iptables-nft does it only for a rule in a built-in chain. */
  hooksCheckedInBuiltinOnlyByNft?: boolean;
}

/** What is known of a match's places, for one family. */
export type MatchPlaces =
  /** Loads in every table and at every hook. */
  | { readonly kind: "anywhere" }
  | { readonly kind: "limited"; readonly limits: readonly PlaceLimit[] }
  /** Not measured: this kernel lacks the module, or the probe cannot load it; nothing is said. */
  | { readonly kind: "unknown"; readonly why: string };

const ANYWHERE = { kind: "anywhere" } as const;
const limited = (...limits: PlaceLimit[]): MatchPlaces => ({ kind: "limited", limits });
const hooks = (...names: Hook[]): readonly Hook[] => names;

const INPUT_SIDE = hooks("PREROUTING", "INPUT", "FORWARD");
const OUTPUT_SIDE = hooks("FORWARD", "OUTPUT", "POSTROUTING");
const XT = (name: string) => ({ 4: `xt_${name}`, 6: `xt_${name}` });
const OWN_CHECK = { hooksCheckedInBuiltinOnlyByNft: true } as const;

/** Matches of both families whose places are the same in both. */
const BOTH: Readonly<Record<string, MatchPlaces>> = {
  owner: limited({ hooks: hooks("OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  cgroup: limited({ hooks: hooks("INPUT", "OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  socket: limited({ hooks: hooks("PREROUTING", "INPUT"), logged: "x_tables" }),
  mac: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  // x_tables checks the match's hooks before the match checks its table: rpfilter in filter INPUT is refused for its hook.
  rpfilter: limited({ hooks: hooks("PREROUTING"), logged: "x_tables" }, { tables: ["raw", "mangle"], module: { 4: "ipt_rpfilter", 6: "ip6t_rpfilter" }, logged: "only valid in 'raw' or 'mangle' table, not '{table}'" }),
  addrtype: limited(
    { when: { options: ["--limit-iface-in"] }, hooks: INPUT_SIDE, module: XT("addrtype"), logged: "input interface limitation not valid in POSTROUTING and OUTPUT", ...OWN_CHECK },
    { when: { options: ["--limit-iface-out"] }, hooks: OUTPUT_SIDE, module: XT("addrtype"), logged: "output interface limitation not valid in PREROUTING and INPUT", ...OWN_CHECK },
  ),
  policy: limited(
    { when: { options: ["--dir"], value: "in" }, hooks: INPUT_SIDE, module: XT("policy"), logged: "input policy not valid in POSTROUTING and OUTPUT", ...OWN_CHECK },
    { when: { options: ["--dir"], value: "out" }, hooks: OUTPUT_SIDE, module: XT("policy"), logged: "output policy not valid in PREROUTING and INPUT", ...OWN_CHECK },
  ),
  devgroup: limited(
    { when: { options: ["--src-group"] }, hooks: INPUT_SIDE, logged: null, ...OWN_CHECK },
    { when: { options: ["--dst-group"] }, hooks: OUTPUT_SIDE, logged: null, ...OWN_CHECK },
  ),
  physdev: limited({
    when: { options: ["--physdev-out", "--physdev-is-out"], unless: "--physdev-is-bridged" },
    hooks: hooks("PREROUTING", "INPUT", "FORWARD", "POSTROUTING"),
    module: XT("physdev"),
    logged: "--physdev-out and --physdev-is-out only supported in the FORWARD and POSTROUTING chains with bridged traffic",
    ...OWN_CHECK,
  }),
  ipvs: { kind: "unknown", why: "this kernel has no xt_ipvs" },
  nfacct: { kind: "unknown", why: "needs an accounting object made with nfacct(8)" },
};

const MATCHES_ANYWHERE = [
  "ah", "bpf", "cluster", "comment", "connbytes", "connlabel", "connlimit", "connmark", "conntrack", "cpu", "dccp", "dscp",
  "ecn", "esp", "hashlimit", "helper", "ipcomp", "iprange", "length", "limit", "mark", "multiport", "pkttype", "quota",
  "rateest", "recent", "sctp", "set", "state", "statistic", "string", "tcp", "tcpmss", "time", "tos", "u32", "udp",
];

const V4: Readonly<Record<string, MatchPlaces>> = {
  osf: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  realm: limited({ hooks: hooks("INPUT", "FORWARD", "OUTPUT", "POSTROUTING"), logged: "x_tables" }),
  icmp: ANYWHERE,
  ttl: ANYWHERE,
};

const V6: Readonly<Record<string, MatchPlaces>> = {
  eui64: limited({ hooks: INPUT_SIDE, logged: "x_tables" }),
  dst: ANYWHERE,
  frag: ANYWHERE,
  hbh: ANYWHERE,
  hl: ANYWHERE,
  icmp6: ANYWHERE,
  ipv6header: ANYWHERE,
  mh: ANYWHERE,
  rt: ANYWHERE,
  srh: ANYWHERE,
};

/** Every match of iptables 1.8.9 by family, with what is known of its places. */
export const MATCH_PLACES: Readonly<Record<Family, Readonly<Record<string, MatchPlaces>>>> = {
  4: { ...Object.fromEntries(MATCHES_ANYWHERE.map((name) => [name, ANYWHERE])), ...BOTH, ...V4 },
  6: { ...Object.fromEntries(MATCHES_ANYWHERE.map((name) => [name, ANYWHERE])), ...BOTH, ...V6 },
};

/** The matches some place limit holds for, in either family. */
export const PLACED_MATCHES: readonly string[] = [...new Set(([4, 6] as const).flatMap((f) => Object.keys(MATCH_PLACES[f]).filter((m) => MATCH_PLACES[f][m].kind === "limited")))].sort();

/** The places known of a match in a family: undefined for a match iptables 1.8.9 does not ship there. */
export const matchPlaces = (name: string, family: Family): MatchPlaces | undefined => MATCH_PLACES[family][name];

/** An option of a match as a rule has it. */
export interface MatchOption {
  value: string | null;
  negated: boolean;
}

/** Whether a limit holds for a use of the match; `find` gives the match's option by name, or null. */
export function limitHolds(limit: PlaceLimit, find: (option: string) => MatchOption | null): boolean {
  const when = limit.when;
  if (when === undefined) return true;
  const present = when.options.some((option) => {
    const found = find(option);
    return found !== null && (when.value === undefined || found.value === when.value);
  });
  if (!present) return false;
  if (when.unless === undefined) return true;
  const unless = find(when.unless);
  return unless === null || unless.negated;
}

/** The kernel's words for a refusal by a limit (without `x_tables: ip_tables: `), or null when it logs none. */
export function placeRefusal(limit: PlaceLimit, match: string, table: string, used: readonly Hook[]): string | null {
  if (limit.logged === null) return null;
  if (limit.logged !== "x_tables") return limit.logged.replace("{table}", table);
  return `${match} match: used from hooks ${used.join("/")}, but only valid from ${limit.hooks!.join("/")}`;
}
