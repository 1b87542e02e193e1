/**
 * Where the kernel accepts each target: measured, not guessed.
 *
 * Every target below was loaded with iptables 1.8.9 (nft and legacy, iptables and ip6tables)
 * on Linux 6.18, into every built-in chain of every table, into a user chain jumped to from
 * that chain, and into a user chain nothing jumps to, in a private network namespace
 * (test/rules/target-bindings.test.ts repeats it). `iptables-restore --test` accepts all of
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
import type { Hook } from "../shared/hooks.js";

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
