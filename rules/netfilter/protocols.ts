/**
 * Protocols as iptables reads `-p`, the matches bound to one protocol, and which protocols the
 * options and targets that need one accept (iptables 1.8.9's extensions and the kernel's checks).
 */
import type { Family } from "./tables.js";

/** Protocol numbers by the names `-p` reads (case-insensitive; /etc/protocols as Debian has it). */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  tcp: 6,
  udp: 17,
  dccp: 33,
  esp: 50,
  ah: 51,
  "ipv6-icmp": 58,
  sctp: 132,
  udplite: 136,
};

/** Spellings `-p` reads for the same protocol as a name above. */
const ALIASES: Readonly<Record<string, string>> = { icmpv6: "ipv6-icmp" };

const NAMES_BY_NUMBER = new Map(Object.entries(PROTOCOL_NUMBERS).map(([name, number]) => [String(number), name]));

/** `-p` as iptables reads it: names are case-insensitive, numbers name their protocol (`6` is tcp). */
export function normalizeProtocol(protocol: string): string {
  const p = protocol.toLowerCase();
  return ALIASES[p] ?? NAMES_BY_NUMBER.get(p) ?? p;
}

/** The number of a protocol name (`tcp` → `6`), or the name itself when it has none here. */
export const protocolNumber = (name: string): string => (Object.hasOwn(PROTOCOL_NUMBERS, name) ? String(PROTOCOL_NUMBERS[name]) : name);

/** `-p` values that match every protocol: `all` and `0`. */
export const ANY_PROTOCOL: ReadonlySet<string> = new Set(["all", "0"]);

const PORTS = ["--sport", "--source-port", "--dport", "--destination-port"];

/** The options of each protocol's match, which `-p PROTO` loads on its own (`-p tcp --dport 80`). */
export const PROTOCOL_MATCH_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  tcp: [...PORTS, "--tcp-flags", "--syn", "--tcp-option"],
  udp: PORTS,
  sctp: [...PORTS, "--chunk-types"],
  dccp: [...PORTS, "--dccp-types", "--dccp-option"],
  icmp: ["--icmp-type"],
  "ipv6-icmp": ["--icmpv6-type"],
  esp: ["--espspi"],
  ah: ["--ahspi", "--ahlen", "--ahres"],
};

/** For each option of a protocol match, the protocols whose match has it. */
export const PROTOCOL_OPTION_OWNERS: ReadonlyMap<string, readonly string[]> = (() => {
  const owners = new Map<string, string[]>();
  for (const [protocol, options] of Object.entries(PROTOCOL_MATCH_OPTIONS)) {
    for (const option of options) owners.set(option, [...(owners.get(option) ?? []), protocol]);
  }
  return owners;
})();

/**
 * Match modules bound to one protocol (the kernel's `.proto`), by `-m` name, with that protocol,
 * in iptables. ip6tables binds all but `ah` (see `protocolOfMatch`).
 */
export const PROTOCOL_MATCHES: Readonly<Record<string, string>> = {
  tcp: "tcp",
  udp: "udp",
  sctp: "sctp",
  dccp: "dccp",
  icmp: "icmp",
  icmp6: "ipv6-icmp",
  icmpv6: "ipv6-icmp",
  esp: "esp",
  ah: "ah",
};

/**
 * ip6tables matches that read IPv6 extension headers, whatever the rule's protocol: they need no
 * `-p` (ip6t_ah, ip6t_frag, ip6t_hbh for `hbh` and `dst`, ip6t_rt, ip6t_ipv6header have no
 * `.proto`). Measured with ip6tables 1.8.9, nft and legacy: `-A INPUT -m ah --ahspi 5 -j ACCEPT`
 * loads (and `-m mh`, `-m esp` without their `-p` do not: they are bound to a protocol).
 */
export const EXTENSION_HEADER_MATCHES: readonly string[] = ["ah", "frag", "hbh", "dst", "rt", "ipv6header"];

/**
 * The protocol a match is bound to in a family: `undefined` when it is bound to none there;
 * `"unsure"` when it depends on the family and the family is not known (`-m ah` needs `-p ah`
 * in iptables only).
 */
export function protocolOfMatch(match: string, family: Family | null): string | undefined | "unsure" {
  const protocol = Object.hasOwn(PROTOCOL_MATCHES, match) ? PROTOCOL_MATCHES[match] : undefined;
  if (protocol === undefined || !EXTENSION_HEADER_MATCHES.includes(match)) return protocol;
  return family === 4 ? protocol : family === 6 ? undefined : "unsure";
}

/** The protocols `-m multiport` takes ports for. */
export const MULTIPORT_PROTOCOLS: readonly string[] = ["tcp", "udp", "udplite", "sctp", "dccp"];

/** Protocols the NAT targets take a port range for (libxt_DNAT & co. in iptables 1.8.9). */
export const NAT_PORT_PROTOCOLS: Readonly<Record<Family, readonly string[]>> = {
  4: ["tcp", "udp", "sctp", "dccp", "icmp"],
  6: ["tcp", "udp", "sctp", "dccp"],
};

/**
 * Targets that need a protocol, or a protocol for some of their options: the NAT targets for a
 * port range (`--to-ports`, a port in `--to-destination`), TPROXY (tcp or udp), TCPMSS,
 * SYNPROXY and TCPOPTSTRIP (tcp), REJECT `--reject-with tcp-reset` and ECN's `--ecn-tcp-*` (tcp).
 */
export const PROTOCOL_TARGETS: readonly string[] = ["MASQUERADE", "REDIRECT", "DNAT", "SNAT", "TPROXY", "TCPMSS", "SYNPROXY", "TCPOPTSTRIP", "REJECT", "ECN"];
