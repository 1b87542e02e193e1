/**
 * Targets: which names iptables knows, what each does to a packet's path through a chain, and
 * where the kernel accepts it.
 */
import type { Family, Hook } from "./tables.js";

/** Verdicts and RETURN: targets of iptables itself, not extensions. */
export const STANDARD_TARGETS: ReadonlySet<string> = new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);

/**
 * Target extensions of iptables 1.8 (libxt_*, libipt_*, libip6t_* with an upper-case name).
 * A jump to a name that is neither one of these nor a chain of the table is refused.
 */
export const EXTENSION_TARGETS: ReadonlySet<string> = new Set([
  "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DNPT", "DSCP", "ECN",
  "HL", "HMARK", "IDLETIMER", "LED", "LOG", "MARK", "MASQUERADE", "MIRROR", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK",
  "RATEEST", "REDIRECT", "REJECT", "SAME", "SECMARK", "SET", "SNAT", "SNPT", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP",
  "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG",
]);

export const isKnownTarget = (name: string): boolean => STANDARD_TARGETS.has(name) || EXTENSION_TARGETS.has(name);

/**
 * What a target does to the packet's way through the chain that holds it:
 * - `verdict`: decides the packet's fate, and the packet leaves the chain walk for good
 *   (ACCEPT and DROP, REJECT, the queue targets that hand it to userspace, TPROXY);
 * - `nat`: rewrites addresses or ports and accepts the packet for this table (NF_ACCEPT): it
 *   leaves the chain walk too;
 * - `return`: RETURN, back to the rule after the jump (or the policy of a built-in chain);
 * - `observe`: the packet goes on unchanged for every match (logging, tracing, a checksum);
 * - `change`: the packet goes on, with something a later match may read changed (a mark, the
 *   TOS, TTL, connection tracking), or the target's effect is not modelled here.
 * A jump to a user chain or a goto is not a target class: it depends on the chain.
 */
export type TargetClass = "verdict" | "nat" | "return" | "observe" | "change";

const CLASSES: Readonly<Record<string, TargetClass>> = {
  ACCEPT: "verdict",
  DROP: "verdict",
  REJECT: "verdict",
  QUEUE: "verdict",
  NFQUEUE: "verdict",
  TPROXY: "verdict",
  DNAT: "nat",
  SNAT: "nat",
  MASQUERADE: "nat",
  REDIRECT: "nat",
  NETMAP: "nat",
  RETURN: "return",
  LOG: "observe",
  NFLOG: "observe",
  ULOG: "observe",
  TRACE: "observe",
  AUDIT: "observe",
  CHECKSUM: "observe",
};

/** The class of a known target (`change` for every other one), or undefined for a name iptables does not know. */
export const targetClass = (name: string): TargetClass | undefined => CLASSES[name] ?? (isKnownTarget(name) ? "change" : undefined);

/** Targets after which a packet leaves the chain walk for good: verdicts and NAT. */
export const isTerminalTarget = (name: string): boolean => {
  const c = CLASSES[name];
  return c === "verdict" || c === "nat";
};

/** The options of NFQUEUE (libxt_NFQUEUE). */
export const NFQUEUE_OPTIONS: readonly string[] = ["--queue-num", "--queue-balance", "--queue-bypass", "--fail-open", "--queue-cpu-fanout"];

// ---------------------------------------------------------------------------------------------
// Where the kernel accepts each target.

/**
 * Where the kernel accepts each target: measured, not guessed.
 *
 * Every target below was loaded with iptables 1.8.9 (nft and legacy, iptables and ip6tables)
 * on Linux 6.18, into every built-in chain of every table, into a user chain jumped to from
 * that chain, and into a user chain nothing jumps to, in a private network namespace
 * (test/rules/target-not-allowed-here.test.ts repeats it). `iptables-restore --test` accepts all of
 * them: only a real load asks the kernel. What was measured ("ok": loads with both backends,
 * "--": refused by both, a table or hook list: accepted only there):
 *
 *   MASQUERADE   nat POSTROUTING                  SNAT        nat INPUT, POSTROUTING
 *   DNAT         nat PREROUTING, OUTPUT           REDIRECT    nat PREROUTING, OUTPUT
 *   NETMAP       nat (any chain)                  REJECT      filter (INPUT, FORWARD, OUTPUT)
 *   TPROXY       mangle PREROUTING                CT, NOTRACK raw (any chain)
 *   TTL, HL, TOS, DSCP, ECN, CHECKSUM, TCPOPTSTRIP            mangle (any chain)
 *   DNPT         mangle PREROUTING, OUTPUT (v6)   SNPT        mangle INPUT, POSTROUTING (v6)
 *   SECMARK, CONNSECMARK   mangle, security       CLASSIFY    any table: FORWARD, OUTPUT, POSTROUTING
 *   SYNPROXY     any table: INPUT, FORWARD        TRACE       raw (legacy); nft: anywhere
 *   TCPMSS --clamp-mss-to-pmtu   any table: FORWARD, OUTPUT, POSTROUTING (legacy; nft checks
 *                only a rule written in the built-in chain itself, not one in a user chain)
 *   MARK, CONNMARK, LOG, NFLOG, NFQUEUE, TEE, AUDIT, HMARK, IDLETIMER, RATEEST,
 *   TCPMSS --set-mss, ACCEPT   anywhere
 *
 * The table is checked for every rule, reached or not; the hooks only against the hooks that
 * reach the rule's chain (an unreached user chain loads).
 *
 * What the kernel logs (`dmesg`), with `ip6_tables` for ip6tables:
 *   x_tables: ip_tables: MASQUERADE target: only valid in nat table, not filter
 *   x_tables: ip_tables: DNAT target: used from hooks INPUT, but only usable from PREROUTING/OUTPUT
 *   x_tables: ip_tables: CT target: only valid in raw table, not mangle      (NOTRACK too)
 *   xt_SECMARK: only valid in 'mangle' or 'security' table, not 'filter'
 *   xt_CONNSECMARK: only valid in 'mangle' or 'security' table, not 'nat'
 *   xt_TCPMSS: path-MTU clamping only supported in FORWARD, OUTPUT and POSTROUTING hooks
 * and what iptables-restore says:
 *   legacy: "iptables-restore: line N failed" (N: the table's COMMIT line)
 *   nft:    "line N: RULE_APPEND failed (Invalid argument): rule in chain CHAIN"
 */
export interface Binding {
  /** Tables the kernel accepts the target in; undefined: any. */
  tables?: readonly string[];
  /** Hooks the kernel accepts the target at; undefined: any. */
  hooks?: readonly Hook[];
  /** The name the kernel logs (NOTRACK is CT with --notrack). */
  kernelName?: string;
  /** Only iptables-legacy refuses the wrong table (iptables-nft makes TRACE a native expression). */
  tableLegacyOnly?: boolean;
  /**
   * The hooks are checked by the target's own check function rather than by x_tables:
   * iptables-nft runs it only for a rule written in a built-in chain.
   */
  hooksCheckedInBuiltinOnlyByNft?: boolean;
  /** The binding holds only when the rule has this target option. */
  whenOption?: string;
  /** How the kernel words the refusal. */
  style?: "x_tables" | "secmark" | "tcpmss";
}

const MANGLE = ["mangle"];

export const BINDINGS: Readonly<Record<string, Binding>> = {
  MASQUERADE: { tables: ["nat"], hooks: ["POSTROUTING"] },
  SNAT: { tables: ["nat"], hooks: ["INPUT", "POSTROUTING"] },
  DNAT: { tables: ["nat"], hooks: ["PREROUTING", "OUTPUT"] },
  REDIRECT: { tables: ["nat"], hooks: ["PREROUTING", "OUTPUT"] },
  NETMAP: { tables: ["nat"] },
  REJECT: { tables: ["filter"], hooks: ["INPUT", "FORWARD", "OUTPUT"] },
  TPROXY: { tables: MANGLE, hooks: ["PREROUTING"] },
  CT: { tables: ["raw"] },
  NOTRACK: { tables: ["raw"], kernelName: "CT" },
  TRACE: { tables: ["raw"], tableLegacyOnly: true },
  TTL: { tables: MANGLE },
  HL: { tables: MANGLE },
  TOS: { tables: MANGLE },
  DSCP: { tables: MANGLE },
  ECN: { tables: MANGLE },
  CHECKSUM: { tables: MANGLE },
  TCPOPTSTRIP: { tables: MANGLE },
  DNPT: { tables: MANGLE, hooks: ["PREROUTING", "OUTPUT"] },
  SNPT: { tables: MANGLE, hooks: ["INPUT", "POSTROUTING"] },
  SECMARK: { tables: ["mangle", "security"], style: "secmark" },
  CONNSECMARK: { tables: ["mangle", "security"], style: "secmark" },
  CLASSIFY: { hooks: ["FORWARD", "OUTPUT", "POSTROUTING"] },
  SYNPROXY: { hooks: ["INPUT", "FORWARD"] },
  TCPMSS: {
    hooks: ["FORWARD", "OUTPUT", "POSTROUTING"],
    whenOption: "--clamp-mss-to-pmtu",
    hooksCheckedInBuiltinOnlyByNft: true,
    style: "tcpmss",
  },
};

export const BOUND_TARGETS: ReadonlySet<string> = new Set(Object.keys(BINDINGS));
