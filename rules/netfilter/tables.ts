/**
 * Tables, built-in chains and hooks: what the kernel has, whatever the ruleset.
 */

/** An address family: iptables (4) or ip6tables (6). */
export type Family = 4 | 6;

/** Built-in chains of each table, in the kernel's hook order (iptables-save prints them so). */
export const BUILTIN_CHAINS: Readonly<Record<string, readonly string[]>> = {
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  raw: ["PREROUTING", "OUTPUT"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
};

export const TABLES = Object.keys(BUILTIN_CHAINS);

/** The tables the rules understand: the five of iptables, or `iptables -S` output (no name: null). */
export const isKnownTable = (name: string | null): boolean => name === null || Object.hasOwn(BUILTIN_CHAINS, name);

/** The built-in chains of a table; for `iptables -S` output (no table name), those of every table. */
export function builtinChains(table: string | null): ReadonlySet<string> {
  return new Set(table === null ? Object.values(BUILTIN_CHAINS).flat() : (BUILTIN_CHAINS[table] ?? []));
}

/** The tables a chain is built into, e.g. `FORWARD` → filter, mangle, security. */
export const tablesWithBuiltin = (name: string): string[] =>
  Object.entries(BUILTIN_CHAINS)
    .filter(([, chains]) => chains.includes(name))
    .map(([table]) => table);

/** The policies a built-in chain may have (a user chain has none: `-`). */
export const POLICIES: ReadonlySet<string> = new Set(["ACCEPT", "DROP"]);

/** What iptables 1.8.9 says of DROP in the nat table, as a target or a policy, before the kernel sees the rule (xshared.c, do_parse). */
export const NAT_DROP_REFUSED = 'The "nat" table is not intended for filtering, the use of DROP is therefore inhibited.';

/** The hooks in the kernel's order (NF_INET_PRE_ROUTING = 0 ... NF_INET_POST_ROUTING = 4). */
export const HOOKS = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"] as const;
export type Hook = (typeof HOOKS)[number];

export const isHook = (name: string): name is Hook => (HOOKS as readonly string[]).includes(name);

/** Sorts hook names in the kernel's order. */
export function sortHooks(hooks: Iterable<string>): Hook[] {
  const set = new Set(hooks);
  return HOOKS.filter((h) => set.has(h));
}

/** Which interface a packet has at a hook: `-i` names the input interface, `-o` the output one. */
export type Direction = "in" | "out";

/**
 * The hooks where a packet has no interface of that direction: PREROUTING comes before routing
 * chooses the output interface, INPUT delivers to this host; OUTPUT sees packets this host
 * sends, and netfilter does not give POSTROUTING the input interface even of a forwarded packet.
 */
export const BLIND_HOOKS: Readonly<Record<Direction, readonly Hook[]>> = {
  in: ["OUTPUT", "POSTROUTING"],
  out: ["PREROUTING", "INPUT"],
};

/**
 * The chain names iptables refuses `-i` or `-o` in, whatever the table: it compares the rule's
 * chain name ("Can't use -o with PREROUTING"), so a user chain is never refused.
 */
export const INTERFACE_REFUSED_IN: Readonly<Record<string, Direction>> = {
  PREROUTING: "out",
  INPUT: "out",
  OUTPUT: "in",
  POSTROUTING: "in",
};

/** The most bytes a chain or target name may have (XT_EXTENSION_MAXNAMELEN 29, with the NUL). */
export const MAX_CHAIN_NAME_BYTES = 28;

/** A name's length in UTF-8 bytes, as iptables counts it. */
export const nameBytes = (name: string): number => Buffer.byteLength(name, "utf8");

export const isNameTooLong = (name: string): boolean =>
  name.length > MAX_CHAIN_NAME_BYTES || (name.length * 3 > MAX_CHAIN_NAME_BYTES && nameBytes(name) > MAX_CHAIN_NAME_BYTES);
