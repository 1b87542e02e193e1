/**
 * What rules that ask the walk about a node need when all they have is the node's dump: a
 * rule's matches read as the walk's values (to build a packet that takes the rule), a node with
 * one address of its own and the routes the dump itself shows (Docker's and libvirt's
 * `-s NET ! -o BRIDGE -j MASQUERADE`), outcomes sorted by what decided them, and the document
 * without some of its tables (a packet as the node's INPUT chain would see it without the nat
 * table's DNAT).
 */
import type { CommandLine } from "../../grammar/index.js";
import { NONE, type LineNo, type RulesetModel } from "../model/index.js";
import { BUILTIN_PROTOCOLS, parseGenericAddresses, parseGenericProtocol, parseMultiport, parseTcpPorts, type Family } from "../netfilter/index.js";
import { bitsOf, formatAddress, formatNet, inNet, netOf, parseAddress, type Net } from "./addresses.js";
import { NodeInfo } from "./node.js";
import type { Outcome } from "./trace.js";

export { formatAddress, formatNet, inNet, parseAddress, type Net } from "./addresses.js";

/** One address option of a rule: its networks, negated or not. */
export interface AddressMatch {
  nets: Net[];
  negated: boolean;
}

export interface InterfaceMatch {
  name: string;
  negated: boolean;
}

/** What a rule matches, as far as a packet built to take it needs; `unread` when a value is not one the reader knows. */
export interface RuleMatches {
  sources: AddressMatch[];
  destinations: AddressMatch[];
  inInterface: InterfaceMatch | null;
  outInterface: InterfaceMatch | null;
  /** The protocol number of an un-negated `-p`, or null. */
  protocol: number | null;
  protocolNegated: boolean;
  /** Un-negated destination ports (`--dport`, `--dports`): their ranges; null when the rule has none. */
  destinationPorts: { min: number; max: number }[] | null;
  destinationPortsNegated: boolean;
  /** The rule's target name, or null. */
  target: string | null;
  /** `--to-destination`'s value (DNAT). */
  toDestination: string | null;
  unread: boolean;
}

const SOURCE = new Set(["-s", "--source", "--src"]);
const DESTINATION = new Set(["-d", "--destination", "--dst"]);
const IN = new Set(["-i", "--in-interface"]);
const OUT = new Set(["-o", "--out-interface"]);
const PROTOCOL = new Set(["-p", "--protocol"]);
const DPORT = new Set(["--dport", "--destination-port"]);
const DPORTS = new Set(["--dports", "--destination-ports"]);

const PROTOCOL_NAMES = new Map<number, string>([...BUILTIN_PROTOCOLS].map(([name, n]) => [n, name] as [number, string]).reverse());

/** The name the walk's packet gives a protocol number. */
export const protocolName = (n: number): string => (n === 58 ? "icmpv6" : (PROTOCOL_NAMES.get(n) ?? String(n)));

/** Reads a rule's addresses, interfaces, protocol, destination ports and target from its line view. */
export function readMatches(line: CommandLine, family: Family): RuleMatches {
  const view = line.view;
  const m: RuleMatches = { sources: [], destinations: [], inInterface: null, outInterface: null, protocol: null, protocolNegated: false, destinationPorts: null, destinationPortsNegated: false, target: line.target?.name ?? null, toDestination: null, unread: false };
  let protocolWord = "tcp";
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    const name = view.name(i);
    const negated = view.negated(i) || view.lateBang(i);
    const value = view.value(i);
    if (role === "generic") {
      if (SOURCE.has(name) || DESTINATION.has(name)) {
        const parsed = value === null ? null : parseGenericAddresses(value, family);
        if (parsed === null || parsed.kind !== "value") m.unread = true;
        else (SOURCE.has(name) ? m.sources : m.destinations).push({ nets: parsed.value.map(netOf), negated });
      } else if (IN.has(name) || OUT.has(name)) {
        if (value === null) m.unread = true;
        else if (IN.has(name)) m.inInterface = { name: value, negated };
        else m.outInterface = { name: value, negated };
      } else if (PROTOCOL.has(name)) {
        const parsed = value === null ? null : parseGenericProtocol(value);
        if (parsed === null || parsed.kind !== "value") m.unread = true;
        else if (parsed.value !== 0) {
          m.protocol = parsed.value;
          m.protocolNegated = negated;
          protocolWord = value!.toLowerCase();
        }
      }
    } else if (role === "module" && (DPORT.has(name) || DPORTS.has(name))) {
      const parsed = value === null ? null : DPORT.has(name) ? parseTcpPorts(value) : parseMultiport(value, protocolWord);
      if (parsed === null || parsed.kind !== "value") m.unread = true;
      else {
        const v = parsed.value as { min: number; max: number } | { ports: readonly { min: number; max: number }[] };
        m.destinationPorts = "ports" in v ? [...v.ports] : [v];
        m.destinationPortsNegated = negated;
      }
    } else if (role === "module" && name === "--to-destination") {
      m.toDestination = value;
    }
  }
  return m;
}

/** The first address of a network a host can have: past the network's own address (and the gateway's .1) when there is room. */
export function hostOf(family: Family, net: Net): bigint {
  const size = bitsOf(family) - (net.prefix ?? bitsOf(family));
  if (size >= 3) return net.network + 2n;
  return net.network;
}

/** Whether two networks share an address. */
export const overlaps = (a: Net, b: Net): boolean => inNet(a.network, b) || inNet(b.network, a);

/** Whether `inner` lies inside `outer`. */
export const within = (inner: Net, outer: Net): boolean => (outer.prefix ?? 0) <= (inner.prefix ?? 0) && inNet(inner.network, outer);

/** Networks parsed from text, for the few constants rules compare with. */
export function netOfText(family: Family, text: string): Net {
  const parsed = parseGenericAddresses(text, family);
  if (parsed.kind !== "value") throw new Error(`not a network: ${text}`);
  return netOf(parsed.value[0]);
}

/**
 * A node known only from its dump: one address of its own (`local`), and a route to `route.net`
 * by `route.dev` when the probe's destination is in it (Docker's and libvirt's MASQUERADE rules
 * name the bridge a network is on). Other destinations have routes the node does not tell: the
 * walk then follows every outgoing interface.
 */
export function dumpNode(family: Family, local: bigint, route: { net: Net; dev: string } | null): NodeInfo {
  return new NodeInfo({ local: [formatAddress(family, local)], route: route === null ? [] : [`${formatNet(family, route.net)} dev ${route.dev}`] });
}

/** Whether an outcome is a drop by a built-in chain's policy, met after the last rule of its path (not a DROP rule, not a missing route). */
export function droppedByPolicy(outcome: Outcome, table: string, chain: string): boolean {
  if (outcome.verdict !== "drop" || outcome.reason !== undefined) return false;
  const last = outcome.policies[outcome.policies.length - 1];
  return last !== undefined && last.table === table && last.chain === chain && last.policy === "DROP" && last.afterStep === outcome.path.length;
}

/** The rule that gave an outcome its verdict (the last step of its path), when no policy did. */
export function decidingStep(outcome: Outcome): Outcome["path"][number] | null {
  const last = outcome.policies[outcome.policies.length - 1];
  if (last !== undefined && last.afterStep === outcome.path.length) return null;
  return outcome.path[outcome.path.length - 1] ?? null;
}

/** An address of the family outside every one of these networks: documentation addresses, tried in turn. */
export function addressOutside(family: Family, nets: readonly Net[], tried: readonly string[]): bigint | null {
  for (const text of tried) {
    const a = parseAddress(text);
    if (a === null || a.family !== family) continue;
    if (!nets.some((n) => inNet(a.address, n))) return a.address;
  }
  return null;
}

/** How many MASQUERADE lines `bridgeRoutes` reads. */
const MAX_BRIDGE_LINES = 64;

/**
 * The bridges the dump names with their networks: Docker's and libvirt's
 * `-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` (what leaves the network by
 * another interface than its bridge is masqueraded: the network is on the bridge).
 */
export function bridgeRoutes(model: RulesetModel, family: Family): { net: Net; dev: string }[] {
  const nat = model.tables().find((t) => t.table.name === "nat");
  if (nat === undefined) return [];
  const routes: { net: Net; dev: string }[] = [];
  const lines = model.lines.linesTargeting("MASQUERADE");
  for (let k = 0, read = 0; k < lines.length && read < MAX_BRIDGE_LINES; k++) {
    const n = lines[k] as LineNo;
    if (nat.chainOf(n) === NONE || !nat.chains.keeps(n)) continue;
    read++;
    const m = readMatches(model.document.line(n) as CommandLine, family);
    const source = m.sources.find((s) => !s.negated && s.nets.length === 1);
    if (m.unread || source === undefined || m.outInterface === null || !m.outInterface.negated || m.outInterface.name.endsWith("+")) continue;
    const net = source.nets[0];
    if (!routes.some((r) => r.net.network === net.network && r.net.mask === net.mask)) routes.push({ net, dev: m.outInterface.name });
  }
  return routes;
}

/** The bridge route of an address, or null. */
export const routeTo = (routes: readonly { net: Net; dev: string }[], address: bigint): { net: Net; dev: string } | null => routes.find((r) => inNet(address, r.net)) ?? null;
