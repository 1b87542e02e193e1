/**
 * The packet a trace starts with, and its one-line spelling for the command line:
 *
 *   tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0
 *   udp [fd00::9]:5353 -> [fd00::10]:53 out
 *   icmp 10.0.0.1 -> 10.0.0.2 type echo-request in eth0
 *
 * `in IFACE` is a packet arriving on that interface, `out` one the node itself sends.
 */
import { BUILTIN_PROTOCOLS, parseIcmpType, type Family } from "../netfilter/index.js";
import { parseAddress } from "./addresses.js";

export type CtStateName = "new" | "established" | "related" | "invalid";

export interface Packet {
  family: Family;
  /** `tcp`, `udp`, `sctp`, `icmp`, `icmpv6`, or another protocol's name or number. */
  protocol: string;
  protocolNumber: number;
  source: string;
  destination: string;
  /** For tcp, udp, sctp (and udplite, dccp). */
  sourcePort: number | null;
  destinationPort: number | null;
  /** For icmp and icmpv6. */
  icmpType: number | null;
  icmpCode: number | null;
  /** The interface it arrives on, or null for a packet the node sends (`out`). */
  inInterface: string | null;
}

/** Bad packet text: what is wrong, and the 1-based column where. */
export class PacketSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
  }
}

const PORTED = new Set(["tcp", "udp", "sctp", "udplite", "dccp"]);

interface Token {
  text: string;
  column: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) tokens.push({ text: m[0], column: m.index + 1 });
  return tokens;
}

/** Reads a packet's spelling; throws PacketSyntaxError. */
export function parsePacket(text: string): Packet {
  const tokens = tokenize(text);
  let at = 0;
  const end = text.length + 1;
  const next = (what: string): Token => {
    const t = tokens[at++];
    if (t === undefined) throw new PacketSyntaxError(end, `expected ${what}, found the end of the packet`);
    return t;
  };

  const protoToken = next("a protocol (tcp, udp, sctp, icmp, icmpv6)");
  let protocol = protoToken.text.toLowerCase();
  if (protocol === "ipv6-icmp" || protocol === "icmp6") protocol = "icmpv6";
  let protocolNumber = BUILTIN_PROTOCOLS.get(protocol);
  if (protocolNumber === undefined && /^\d{1,3}$/.test(protocol) && Number(protocol) <= 255) protocolNumber = Number(protocol);
  if (protocolNumber === undefined || protocolNumber === 0) throw new PacketSyntaxError(protoToken.column, `unknown protocol "${protoToken.text}" (tcp, udp, sctp, icmp, icmpv6 or a number)`);
  const ported = PORTED.has(protocol);

  const endpoint = (t: Token) => {
    let address = t.text;
    let port: string | null = null;
    if (address.startsWith("[")) {
      const close = address.indexOf("]");
      if (close === -1) throw new PacketSyntaxError(t.column, `"${t.text}" opens [ without closing it`);
      if (close < address.length - 1) {
        if (address[close + 1] !== ":") throw new PacketSyntaxError(t.column + close + 1, `expected ":PORT" after "]"`);
        port = address.slice(close + 2);
      }
      address = address.slice(1, close);
    } else if (address.split(":").length === 2) {
      [address, port] = address.split(":");
    }
    const parsed = parseAddress(address);
    if (parsed === null) throw new PacketSyntaxError(t.column, `"${address}" is not an IPv4 or IPv6 address`);
    let portNumber: number | null = null;
    if (port !== null) {
      const portColumn = t.column + t.text.lastIndexOf(":") + 1;
      if (!ported) throw new PacketSyntaxError(portColumn, `${protocol} has no ports`);
      if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new PacketSyntaxError(portColumn, `"${port}" is not a port (0-65535)`);
      portNumber = Number(port);
    } else if (ported) throw new PacketSyntaxError(t.column + t.text.length, `${protocol} needs a port: ADDRESS:PORT (IPv6: [ADDRESS]:PORT)`);
    return { ...parsed, text: address, port: portNumber };
  };

  const source = endpoint(next("the source address"));
  const arrow = next(`"->"`);
  if (arrow.text !== "->") throw new PacketSyntaxError(arrow.column, `expected "->", found "${arrow.text}"`);
  const destinationToken = next("the destination address");
  const destination = endpoint(destinationToken);
  if (destination.family !== source.family) throw new PacketSyntaxError(destinationToken.column, "the source and destination are of different families");
  const family = source.family;
  if (protocol === "icmp" && family === 6) throw new PacketSyntaxError(protoToken.column, "an IPv6 packet's ICMP is icmpv6");
  if (protocol === "icmpv6" && family === 4) throw new PacketSyntaxError(protoToken.column, "icmpv6 is for IPv6 addresses; IPv4 uses icmp");

  let inInterface: string | null | undefined;
  let icmpType: number | null = null;
  let icmpCode: number | null = null;
  while (at < tokens.length) {
    const word = next("in, out or type");
    if (word.text === "in") {
      if (inInterface !== undefined) throw new PacketSyntaxError(word.column, "the direction is given twice");
      const iface = next("the interface the packet arrives on");
      if (!/^[^\s/:]{1,15}$/.test(iface.text)) throw new PacketSyntaxError(iface.column, `"${iface.text}" is not an interface name`);
      inInterface = iface.text;
    } else if (word.text === "out") {
      if (inInterface !== undefined) throw new PacketSyntaxError(word.column, "the direction is given twice");
      inInterface = null;
    } else if (word.text === "type") {
      if (protocol !== "icmp" && protocol !== "icmpv6") throw new PacketSyntaxError(word.column, `only icmp and icmpv6 packets have a type`);
      const t = next("an ICMP type (echo-request, 8, 3/1)");
      const parsed = parseIcmpType(t.text, family);
      if (parsed.kind !== "value" || parsed.value.type === 255) throw new PacketSyntaxError(t.column, `"${t.text}" is not an ${family === 4 ? "ICMP" : "ICMPv6"} type`);
      icmpType = parsed.value.type;
      icmpCode = parsed.value.codeMin;
    } else {
      throw new PacketSyntaxError(word.column, `expected "in IFACE", "out" or "type", found "${word.text}"`);
    }
  }
  if (inInterface === undefined) throw new PacketSyntaxError(end, `expected "in IFACE" (a packet arriving) or "out" (a packet the node sends)`);
  if ((protocol === "icmp" || protocol === "icmpv6") && icmpType === null) {
    // An echo request unless told otherwise: the packet people mean by "ping".
    icmpType = protocol === "icmp" ? 8 : 128;
    icmpCode = 0;
  }
  return {
    family,
    protocol,
    protocolNumber,
    source: source.text,
    destination: destination.text,
    sourcePort: source.port,
    destinationPort: destination.port,
    icmpType,
    icmpCode,
    inInterface,
  };
}
