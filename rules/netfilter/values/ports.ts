/**
 * Ports as iptables 1.8.9 reads them. Two readers with different rules:
 *
 * - `xtables_parse_port(word, proto)` (tcp's `--sport/--dport`, multiport, and most old-style
 *   extensions): a whole `strtoul(…, 0)` number up to 65535 (`0x50` is 80, `010` is 8), else
 *   `getservbyname(word, proto)`, else "invalid port/service `x' specified".
 * - XTTYPE_PORT and PORTRC (udp's `--sport/--dport`, conntrack's `--ctorigsrcport`, ...):
 *   glibc's `getaddrinfo(NULL, word)`, which reads a decimal number itself (`strtoul(…, 10)`,
 *   kept to its low 16 bits) and looks any other word up as a service of any protocol, else
 *   "Port "x" does not resolve to anything.".
 *
 * Service names come from /etc/services, which differs between machines: a name outside the
 * few every netbase has (KNOWN_SERVICES) is "unsure", never an error.
 */
import { isCSpace, strtoumax, xtStrtoul } from "./cnum.js";
import { hasAsciiLetter } from "./enums.js";
import { accept, refuse, refuseAfter, unsure, type OptionSpec, type Parsed, type Unsure } from "./result.js";

/** Service names whose port every services file agrees on, by protocol (Debian netbase 6.4, and older ones). */
export const KNOWN_SERVICES: Readonly<Record<"tcp" | "udp", ReadonlyMap<string, number>>> = {
  tcp: new Map([
    ["ftp-data", 20], ["ftp", 21], ["ssh", 22], ["telnet", 23], ["smtp", 25], ["domain", 53], ["http", 80], ["www", 80],
    ["pop3", 110], ["sunrpc", 111], ["bgp", 179], ["ldap", 389], ["https", 443], ["submission", 587], ["ldaps", 636],
    ["imaps", 993], ["pop3s", 995], ["mysql", 3306], ["postgresql", 5432],
  ]),
  udp: new Map([["domain", 53], ["bootps", 67], ["bootpc", 68], ["tftp", 69], ["ntp", 123], ["snmp", 161], ["isakmp", 500], ["syslog", 514]]),
};

/** Any protocol (getaddrinfo with no hints). */
const KNOWN_ANY: ReadonlyMap<string, number> = new Map([...KNOWN_SERVICES.tcp, ...KNOWN_SERVICES.udp]);

/**
 * A service name looked up on the node: its number when every services file agrees, "unsure"
 * when the node's file decides, null when no services file can hold it (empty, blanks, a word
 * of digits).
 */
export function lookUpService(word: string, known: ReadonlyMap<string, number> = KNOWN_ANY, proto = "tcp or udp"): Parsed<number> | null {
  const port = known.get(word);
  if (port !== undefined) return accept(port);
  if (!couldBeServiceName(word)) return null;
  return unsure(`whether /etc/services on the node names a ${proto} service "${word}"`);
}

/**
 * Whether a services file could name a service so: a word with no blank, `#`, `:` or `,`, with a
 * letter. (IANA's service names are letters, digits and `-`, with at least one letter (RFC 6335);
 * files add `_`, `.`, `+`, `*`, `/`; a `:` or `,` would be split by iptables itself before any
 * lookup. A word with no letter, `10.0.0.0/8` written for `-d`, names no service.)
 */
export function couldBeServiceName(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (isCSpace(c) || c === 0x23 || c === 0 || c === 0x3a || c === 0x2c) return false;
  }
  return hasAsciiLetter(word);
}

/** `xtables_parse_port(word, proto)`: a port number. */
export function parsePortNumberOrService(word: string, proto: string): Parsed<number> {
  const n = xtStrtoul(word, 0, 0, 0xffff, true);
  if (n !== null) return accept(n.value);
  const known = proto === "tcp" || proto === "udp" ? KNOWN_SERVICES[proto] : new Map<string, number>();
  return lookUpService(word, known, proto) ?? refuse(`invalid port/service \`${word}' specified`);
}

/** A port range `[min, max]`; one port is `[p, p]`. */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/**
 * tcp's `--sport`/`--dport` (`parse_tcp_ports`, libxt_tcp.c), and sctp's (`parse_sctp_ports`,
 * libxt_sctp.c, the same code with "sctp"): `p`, `a:b`, `a:` (to 65535), `:b` (from 0); split at
 * the first `:`; `a > b` is "invalid portrange (min > max)" (a == b loads).
 */
export function parseTcpPorts(word: string, proto: "tcp" | "sctp" = "tcp"): Parsed<PortRange> {
  const colon = word.indexOf(":");
  if (colon === -1) {
    const p = parsePortNumberOrService(word, proto);
    return p.kind === "value" ? accept({ min: p.value, max: p.value }) : p;
  }
  const low = colon === 0 ? accept(0) : parsePortNumberOrService(word.slice(0, colon), proto);
  if (low.kind === "refused") return low;
  const high = colon === word.length - 1 ? accept(0xffff) : parsePortNumberOrService(word.slice(colon + 1), proto);
  if (high.kind === "refused") return refuseAfter(high, low.kind === "unsure" ? low : null);
  if (low.kind === "unsure") return low;
  if (high.kind === "unsure") return high;
  if (low.value > high.value) return refuse("invalid portrange (min > max)");
  return accept({ min: low.value, max: high.value });
}

/**
 * glibc's `getaddrinfo(NULL, word)` port (xtables_getportbyname): a word that `strtoul(…, 10)`
 * reads whole is a number, of which the port keeps the low 16 bits (glibc stores it in an int:
 * `70000` is port 4464, and a value whose int is negative is looked up as a name); any other
 * word is a service of any protocol. The empty word is no service at all: port 0.
 */
export function parseXtPort(word: string): Parsed<number> | null {
  if (word.length === 0) return accept(0);
  {
    const n = strtoumax(word, 0, 10);
    if (n.end === word.length && n.end > 0) {
      const asInt = Number(BigInt.asIntN(32, n.big ?? BigInt(n.value)));
      if (n.overflow) return null; // strtoul saturates: -1 as an int, looked up as a name
      if (asInt >= 0) return accept(asInt & 0xffff);
      return null;
    }
  }
  return lookUpService(word, KNOWN_ANY, "tcp or udp");
}

/** XTTYPE_PORT: one port. */
export function parsePort(word: string): Parsed<number> {
  return parseXtPort(word) ?? refuse(`Port "${word}" does not resolve to anything.`);
}

/**
 * XTTYPE_PORTRC: `p`, `a:b`, `a:`, `:b`, parts split at every `:` (strsep), at most
 * `size / 2` parts (2 without a size); an empty part keeps its default (0, 65535). The parts
 * are not ordered: `4:3` loads (udp's range then matches nothing).
 */
export function parsePortRange(word: string, spec: OptionSpec): Parsed<PortRange> {
  const maxIter = spec.size ? Math.floor(spec.size / 2) : 2;
  const range = [0, 0xffff];
  let count = 0;
  let from = 0;
  let pending: Unsure | null = null;
  for (;;) {
    const colon = word.indexOf(":", from);
    const part = word.slice(from, colon === -1 ? word.length : colon);
    if (count === maxIter) return refuseAfter(refuse(`${spec.extension}: Too many components for option "--${spec.option}" (max: ${maxIter})`), pending);
    if (part.length > 0) {
      const port = parsePort(part);
      if (port.kind === "refused") return refuseAfter(port, pending);
      if (port.kind === "unsure") pending ??= port;
      else if (count < 2) range[count] = port.value;
    }
    count++;
    if (colon === -1) break;
    from = colon + 1;
  }
  if (pending !== null) return pending;
  if (count === 1) range[1] = range[0];
  return accept({ min: range[0], max: range[1] });
}

/** multiport's ports: each entry a port or (revision 1) a range, and the slots they take (at most 15). */
export interface MultiportPorts {
  readonly ports: readonly PortRange[];
  /** Slots in the kernel's array of 15: a range takes two. */
  readonly slots: number;
}

export const MULTIPORT_SLOTS = 15;

/**
 * multiport's `--sports/--dports/--ports` (`parse_multi_ports_v1`, libxt_multiport.c, the
 * revision iptables 1.8.9 uses): a comma list of ports and `a:b` ranges (a range needs a < b:
 * "invalid portrange specified", and two slots), at most 15 slots ("too many ports
 * specified"), each port read by `xtables_parse_port(…, proto)`, `proto` being the rule's `-p`.
 */
export function parseMultiport(word: string, proto: string): Parsed<MultiportPorts> {
  const ports: PortRange[] = [];
  let slot = 0;
  let from = 0;
  let pending: Unsure | null = null;
  let more = true;
  while (more && slot < MULTIPORT_SLOTS) {
    const comma = word.indexOf(",", from);
    more = comma !== -1;
    const item = word.slice(from, more ? comma : word.length);
    from = comma + 1;
    const colon = item.indexOf(":");
    if (colon !== -1 && slot === MULTIPORT_SLOTS - 1) return refuseAfter(refuse("too many ports specified"), pending);
    const first = parsePortNumberOrService(colon === -1 ? item : item.slice(0, colon), proto);
    if (first.kind === "refused") return refuseAfter(first, pending);
    if (colon === -1) {
      if (first.kind === "unsure") pending ??= first;
      else ports.push({ min: first.value, max: first.value });
      slot++;
      continue;
    }
    const second = parsePortNumberOrService(item.slice(colon + 1), proto);
    if (first.kind === "unsure") pending ??= first;
    if (second.kind === "refused") return refuseAfter(second, pending);
    slot += 2;
    if (first.kind === "unsure" || second.kind === "unsure") {
      if (second.kind === "unsure") pending ??= second;
      continue;
    }
    if (first.value >= second.value) return refuseAfter(refuse("invalid portrange specified"), pending);
    ports.push({ min: first.value, max: second.value });
  }
  if (more) return refuseAfter(refuse("too many ports specified"), pending);
  return pending ?? accept({ ports, slots: slot });
}
