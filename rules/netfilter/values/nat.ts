/**
 * The NAT targets' addresses and ports as iptables 1.8.9 reads them (libxt_NAT.c: `parse_to`,
 * `parse_ports`, for SNAT `--to-source`, DNAT `--to-destination`, MASQUERADE and REDIRECT
 * `--to-ports`, both families, every revision): `[addr[-addr]][:port[-port[/base]]]`, IPv6 in
 * brackets when a port follows. Ports are read before the addresses, so their message comes
 * first; a port needs `-p tcp`, `udp`, `sctp`, `dccp` (or `icmp`) before the target.
 */
import type { Family } from "../tables.js";
import { inetPton6 } from "./addresses.js";
import { xtStrtoul } from "./cnum.js";
import { lookUpService, type PortRange } from "./ports.js";
import { accept, refuse, unsure, type Parsed } from "./result.js";

/** `-p` values whose rules may give NAT ports (`portok` in libxt_NAT.c: TCP, UDP, SCTP, DCCP, ICMP), by name and number. */
const PORT_PROTOCOLS: ReadonlySet<string> = new Set(["tcp", "udp", "sctp", "dccp", "icmp", "6", "17", "132", "33", "1"]);
/** `-p` values that surely give no ports (no `-p` at all is protocol 0). */
const NO_PORT_PROTOCOLS: ReadonlySet<string> = new Set(["all", "0", "icmpv6", "ipv6-icmp", "58", "esp", "50", "ah", "51", "gre", "47", "udplite", "136"]);

/** Whether the rule's `-p` lets a NAT target take ports: null when only the node's /etc/protocols can tell. */
export function natPortsAllowed(proto: string | null): boolean | null {
  if (proto === null) return false;
  const p = proto.toLowerCase();
  return PORT_PROTOCOLS.has(p) ? true : NO_PORT_PROTOCOLS.has(p) ? false : null;
}

const NEED_PORT_PROTOCOL = "Need TCP, UDP, SCTP or DCCP with port specification";

/**
 * `--to-ports` (MASQUERADE, REDIRECT): `parse_ports`. A shifted range (`80-90/1000`) is left
 * unsure: the targets' final checks decide (REDIRECT: "Shifted portmap ranges not supported").
 */
export function parseNatPorts(word: string, proto: string | null): Parsed<PortRange> {
  const allowed = natPortsAllowed(proto);
  if (allowed === null) return unsure(`whether the node's /etc/protocols names "${proto}" TCP, UDP, SCTP or DCCP`);
  if (!allowed) return refuse(NEED_PORT_PROTOCOL);
  const range = natPortRange(word);
  return range.kind === "value" && word.includes("/") ? unsure("whether the target takes a shifted port range") : range;
}

/** `parse_ports` past its protocol check: `p`, `p-q` (`q` >= `p`), `p-q/base`; a service name only alone. */
function natPortRange(arg: string): Parsed<PortRange> {
  const first = xtStrtoul(arg, 0, 0, 0xffff, false);
  if (first === null) {
    const service = lookUpService(arg);
    if (service === null) return refuse(`Port \`${arg}' not valid`);
    return service.kind === "value" ? accept({ min: service.value, max: service.value }) : service;
  }
  if (first.end === arg.length) return accept({ min: first.value, max: first.value });
  if (arg[first.end] === ":") return refuse("Invalid port:port syntax - use dash");
  if (arg[first.end] !== "-") return refuse(`Garbage after port value: \`${arg.slice(first.end)}'`);
  const rest = arg.slice(first.end + 1);
  const last = xtStrtoul(rest, 0, 0, 0xffff, false);
  if (last === null) return refuse(`Port \`${rest}' not valid`);
  if (last.value < first.value) return refuse(`Port range \`${rest}' funky`);
  if (last.end === rest.length) return accept({ min: first.value, max: last.value });
  if (rest[last.end] !== "/") return refuse(`Garbage after port range: \`${rest.slice(last.end)}'`);
  const base = rest.slice(last.end + 1);
  if (xtStrtoul(base, 0, 1, 0xffff, false) === null) {
    const service = lookUpService(base);
    if (service === null) return refuse(`Port \`${base}' not valid`);
    if (service.kind === "unsure") return service;
  }
  return accept({ min: first.value, max: last.value });
}

/** `--to-source`, `--to-destination`: `parse_to`. */
export function parseNatTo(word: string, family: Family, proto: string | null): Parsed<{ ports: PortRange | null }> {
  let start = 0;
  let stop: number;
  let colon: number;
  const bracket = word.indexOf("[");
  if (bracket === -1) {
    // One colon is a port; more, an IPv6 address.
    colon = word.indexOf(":");
    if (colon !== -1 && word.indexOf(":", colon + 1) !== -1) colon = -1;
    stop = colon === -1 ? word.length : colon;
  } else {
    start = bracket + 1;
    stop = word.indexOf("]", start);
    if (stop === -1 || family === 4) return refuse("Invalid address format");
    colon = word.indexOf(":", stop + 1);
  }
  let ports: PortRange | null = null;
  if (colon !== -1) {
    const parsed = parseNatPorts(word.slice(colon + 1), proto);
    if (parsed.kind !== "value") return parsed;
    ports = parsed.value;
    // No address before the colon (`:80`, `[]:80`; libxt_NAT.c tests the colon's place only).
    if (colon === 0 || colon === 2) return accept({ ports });
  }
  const address = word.slice(start, stop);
  const dash = address.indexOf("-");
  const low = dash === -1 ? address : address.slice(0, dash);
  if (!inetPton(family, low)) return refuse(`Bad IP address "${low}"`);
  if (dash !== -1 && !inetPton(family, address.slice(dash + 1))) return refuse(`Bad IP address "${address.slice(dash + 1)}"`);
  return accept({ ports });
}

const inetPton = (family: Family, text: string): boolean => (family === 4 ? inetPton4(text) : inetPton6(text) !== null);

/** glibc's `inet_pton(AF_INET, …)`: four decimal parts of at most 255, no leading zero, nothing else. */
export function inetPton4(text: string, start = 0, end = text.length): boolean {
  let octets = 0;
  let part = -1;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) {
      if (part === 0) return false;
      part = (part === -1 ? 0 : part) * 10 + c - 0x30;
      if (part > 255) return false;
      if (k === start || text.charCodeAt(k - 1) === 0x2e) octets++;
    } else if (c === 0x2e && part !== -1 && octets < 4) part = -1;
    else return false;
  }
  return octets === 4 && part !== -1;
}
