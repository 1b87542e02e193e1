/**
 * Protocols as iptables reads `-p`, the matches bound to one protocol, and which protocols the
 * options and targets that need one accept. The matches' facts are read from the extension model
 * (extensions/data.ts: `implicitFor`, `needsProtocol`, options); what is here beyond it is how
 * `-p` names protocols and what the NAT targets' port ranges take.
 */
import { EXTENSIONS } from "./extensions/data.js";
import type { ExtensionData } from "./extensions/types.js";
import type { Family } from "./tables.js";

/**
 * Protocol numbers by the names `-p` reads (case-insensitive): iptables' xtables_chain_protos,
 * then /etc/protocols as Debian has it. The first name of a number is its canonical one here.
 */
export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  tcp: 6,
  udp: 17,
  dccp: 33,
  esp: 50,
  ah: 51,
  "ipv6-icmp": 58,
  icmpv6: 58,
  ipcomp: 108,
  sctp: 132,
  mh: 135,
  "ipv6-mh": 135,
  "mobility-header": 135,
  udplite: 136,
};

const NAMES_BY_NUMBER = new Map<string, string>();
for (const [name, number] of Object.entries(PROTOCOL_NUMBERS)) if (!NAMES_BY_NUMBER.has(String(number))) NAMES_BY_NUMBER.set(String(number), name);

/**
 * `-p` as the kernel sees it: names are case-insensitive, numbers and other names of a protocol
 * are its canonical name (`6` is tcp, `icmpv6` is ipv6-icmp, `mobility-header` is mh).
 */
export function normalizeProtocol(protocol: string): string {
  const p = protocol.toLowerCase();
  const number = Object.hasOwn(PROTOCOL_NUMBERS, p) ? String(PROTOCOL_NUMBERS[p]) : p;
  return NAMES_BY_NUMBER.get(number) ?? p;
}

/** The number of a protocol name (`tcp` → `6`), or the name itself when it has none here. */
export const protocolNumber = (name: string): string => (Object.hasOwn(PROTOCOL_NUMBERS, name) ? String(PROTOCOL_NUMBERS[name]) : name);

/** `-p` values that match every protocol: `all` and `0`. */
export const ANY_PROTOCOL: ReadonlySet<string> = new Set(["all", "0"]);

/** The order protocols are named in messages: the common ones first (`-p tcp`, `-p udp`, `-p sctp` or `-p dccp`). */
const MESSAGE_ORDER = ["tcp", "udp", "sctp", "dccp", "icmp", "icmp6", "esp", "ah"];
const rank = (e: ExtensionData): number => (MESSAGE_ORDER.includes(e.name) ? MESSAGE_ORDER.indexOf(e.name) : MESSAGE_ORDER.length);

/** The matches `-p` loads on its own (`-p tcp --dport 80` loads tcp): those with `implicitFor`. */
const PROTOCOL_OWN_MATCHES: readonly ExtensionData[] = EXTENSIONS.filter((e) => e.kind === "match" && e.implicitFor !== undefined).sort((a, b) => rank(a) - rank(b));

/**
 * The options of each protocol's own match, which `-p PROTO` loads (`-p tcp --dport 80`), by the
 * protocol's canonical name, in either family (`--icmpv6-type` is ipv6-icmp's, `--mh-type` mh's).
 */
export const PROTOCOL_MATCH_OPTIONS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  PROTOCOL_OWN_MATCHES.map((e) => [normalizeProtocol(e.implicitFor![0]), [...new Set(e.options.flatMap((o) => o.names))]]),
);

/** For each option of a protocol match, the protocols whose match has it. */
export const PROTOCOL_OPTION_OWNERS: ReadonlyMap<string, readonly string[]> = (() => {
  const owners = new Map<string, string[]>();
  for (const [protocol, options] of Object.entries(PROTOCOL_MATCH_OPTIONS)) {
    for (const option of options) owners.set(option, [...(owners.get(option) ?? []), protocol]);
  }
  return owners;
})();

/**
 * Each protocol's own match, by `-m` name (with iptables' aliases `icmpv6`, `ipv6-icmp` of
 * icmp6), with that protocol: the match `-p` loads, which the kernel binds to the protocol in
 * iptables (ip6tables' `ah` excepted: see `protocolsNeededBy`).
 */
export const PROTOCOL_MATCHES: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const e of PROTOCOL_OWN_MATCHES) out[e.name] = normalizeProtocol(e.implicitFor![0]);
  out.icmpv6 = out.icmp6;
  return out;
})();

/**
 * The protocols a match or target needs in the rule (`-p`, not negated), one of which will do,
 * in a family: the kernel's `.proto` or check, from the model. `undefined` when it needs none
 * there (or the model does not know it); `"unsure"` when the family is not known and the two
 * families differ (`-m ah` needs `-p ah` in iptables only: ip6tables' ah reads an extension header).
 */
export function protocolsNeededBy(extension: ExtensionData, family: Family | null): readonly string[] | undefined | "unsure" {
  const needs = extension.needsProtocol;
  if (needs === undefined) return undefined;
  if (family !== null) return needs[family];
  const [v4, v6] = [extension.families.includes(4) ? needs[4] : null, extension.families.includes(6) ? needs[6] : null];
  if (v4 === null) return v6 ?? undefined;
  if (v6 === null) return v4 ?? undefined;
  return String(v4) === String(v6) ? v4 : "unsure";
}

/**
 * ip6tables matches that read IPv6 extension headers, whatever the rule's protocol: they need no
 * `-p` (ip6t_ah, ip6t_frag, ip6t_hbh for `hbh` and `dst`, ip6t_rt, ip6t_ipv6header have no
 * `.proto`). Measured with ip6tables 1.8.9, nft and legacy: `-A INPUT -m ah --ahspi 5 -j ACCEPT`
 * loads (and `-m mh`, `-m esp` without their `-p` do not: they are bound to a protocol).
 */
export const EXTENSION_HEADER_MATCHES: readonly string[] = ["ah", "frag", "hbh", "dst", "rt", "ipv6header"];

/** The protocols `-m multiport` takes ports for (its `needsProtocol`). */
export const MULTIPORT_PROTOCOLS: readonly string[] = EXTENSIONS.find((e) => e.kind === "match" && e.name === "multiport")!.needsProtocol![4]!;

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
