/**
 * Facts about netfilter that several rules need: the tables and their built-in chains, the
 * targets iptables knows. (Which address family a ruleset is for: origin.ts.)
 */
import type { Table } from "../../grammar/index.js";

/** Built-in chains of each table, in the kernel's hook order (iptables-save prints them so). */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

export const TABLES = Object.keys(BUILTIN_CHAINS);

/** The built-in chains of a table; for `iptables -S` output (no table name), those of every table. */
export function builtinChains(table: Table): ReadonlySet<string> {
  return new Set(table.name === null ? Object.values(BUILTIN_CHAINS).flat() : (BUILTIN_CHAINS[table.name] ?? []));
}

/** Verdicts and RETURN: targets of iptables itself, not extensions. */
export const STANDARD_TARGETS = new Set(["ACCEPT", "DROP", "RETURN", "QUEUE"]);

/**
 * Target extensions of iptables 1.8 (libxt_*, libipt_*, libip6t_* with an upper-case name).
 * A jump to a name that is neither one of these nor a chain of the table is refused.
 */
export const EXTENSION_TARGETS = new Set([
  "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DNPT", "DSCP", "ECN",
  "HL", "HMARK", "IDLETIMER", "LED", "LOG", "MARK", "MASQUERADE", "MIRROR", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK",
  "RATEEST", "REDIRECT", "REJECT", "SAME", "SECMARK", "SET", "SNAT", "SNPT", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP",
  "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG",
]);

export const isKnownTarget = (name: string): boolean => STANDARD_TARGETS.has(name) || EXTENSION_TARGETS.has(name);

export type Family = 4 | 6;
