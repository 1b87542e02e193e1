/**
 * Options by what their values are: addresses, interfaces, free text. (The options of each
 * protocol's match: protocols.ts.)
 */

/** Iptables' own address options: `-s` and `-d` with their long spellings. */
export const GENERIC_ADDRESS_OPTIONS: ReadonlySet<string> = new Set(["-s", "--source", "--src", "-d", "--destination", "--dst"]);

/** NAT targets' address options, `address[-address][:port[-port]]`, IPv6 addresses in brackets. */
export const NAT_ADDRESS_OPTIONS: ReadonlySet<string> = new Set(["--to-destination", "--to-source"]);

/** iprange's `address-address` options. */
export const RANGE_ADDRESS_OPTIONS: ReadonlySet<string> = new Set(["--src-range", "--dst-range"]);

/** Other options whose value is one address (or a network): NETMAP, TEE, TPROXY, conntrack, policy. */
export const PLAIN_ADDRESS_OPTIONS: ReadonlySet<string> = new Set([
  "--to", "--gateway", "--on-ip", "--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst", "--tunnel-src", "--tunnel-dst",
]);

/** Interface options by direction. */
export const INTERFACE_OPTIONS = {
  in: ["-i", "--in-interface"],
  out: ["-o", "--out-interface"],
} as const;

/** Options whose value is free text that iptables keeps as written (a CR at its end stays in it). */
export const FREE_TEXT_OPTIONS: ReadonlySet<string> = new Set(["--comment", "--log-prefix", "--nflog-prefix", "--ulog-prefix"]);
