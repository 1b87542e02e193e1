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

/**
 * How an option reads its addresses: `-s`/`-d` (`xtables_ipparse_multiple`: getaddrinfo, and no
 * address at all behind a zero mask), HOST and HOSTMASK options (getaddrinfo: `--ctorigsrc`,
 * `--gateway`, NETMAP's `--to`), or numbers only (NAT targets, iprange).
 */
export type AddressReader = "generic" | "host" | "numeric";

/** How an address option reads its addresses, or null for an option that takes none. */
export function addressReaderOf(option: string): AddressReader | null {
  if (GENERIC_ADDRESS_OPTIONS.has(option)) return "generic";
  if (PLAIN_ADDRESS_OPTIONS.has(option)) return "host";
  return NAT_ADDRESS_OPTIONS.has(option) || RANGE_ADDRESS_OPTIONS.has(option) ? "numeric" : null;
}

/**
 * The addresses written in an address option's value, as its reader splits them: a NAT value's
 * range ends (`1.2.3.4-1.2.3.9:80`, `[2001:db8::1]:80`), iprange's two ends, `-s`'s comma list.
 */
export function addressWords(option: string, value: string): string[] {
  if (NAT_ADDRESS_OPTIONS.has(option)) return natAddressWords(value);
  return value.split(RANGE_ADDRESS_OPTIONS.has(option) ? "-" : ",");
}

/** The addresses of a DNAT/SNAT value as written: `1.2.3.4-1.2.3.9:80-90`, `[2001:db8::1]:80`, `2001:db8::1`. */
function natAddressWords(value: string): string[] {
  if (value.startsWith("[")) return [value.slice(1, value.indexOf("]") === -1 ? undefined : value.indexOf("]"))];
  const colons = value.match(/:/g)?.length ?? 0;
  const address = colons === 1 ? value.slice(0, value.indexOf(":")) : value;
  return address === "" ? [] : address.split("-");
}

/** Interface options by direction. */
export const INTERFACE_OPTIONS = {
  in: ["-i", "--in-interface"],
  out: ["-o", "--out-interface"],
} as const;

/** `-4`, `-6` and their long spellings, by the family they name: the other family's restore tool skips the line (iptables(8)). */
export const FAMILY_OPTIONS: Readonly<Record<string, 4 | 6>> = { "-4": 4, "--ipv4": 4, "-6": 6, "--ipv6": 6 };

/** Options whose value is free text that iptables keeps as written (a CR at its end stays in it). */
export const FREE_TEXT_OPTIONS: ReadonlySet<string> = new Set(["--comment", "--log-prefix", "--nflog-prefix", "--ulog-prefix"]);

/** What an option of iptables' own matches tests, whatever its spelling (`--src` is `-s`). */
export type GenericMatch = "source" | "destination" | "in-interface" | "out-interface" | "protocol" | "fragment";

const GENERIC_MATCHES: ReadonlyMap<string, GenericMatch> = new Map([
  ...(["-s", "--source", "--src"] as const).map((name) => [name, "source"] as const),
  ...(["-d", "--destination", "--dst"] as const).map((name) => [name, "destination"] as const),
  ...INTERFACE_OPTIONS.in.map((name) => [name, "in-interface"] as const),
  ...INTERFACE_OPTIONS.out.map((name) => [name, "out-interface"] as const),
  ...(["-p", "--protocol"] as const).map((name) => [name, "protocol"] as const),
  // `--fragment` is getopt's abbreviation of `--fragments`, which iptables-save never prints.
  ...(["-f", "--fragment", "--fragments"] as const).map((name) => [name, "fragment"] as const),
]);

/** The match an option word of iptables' own is (`-s`, `--in-interface`, ...), or undefined for any other word. */
export const genericMatchOf = (name: string): GenericMatch | undefined => GENERIC_MATCHES.get(name);
