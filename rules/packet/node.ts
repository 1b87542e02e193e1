/**
 * The node a packet crosses: its addresses (which packets it delivers locally, what
 * MASQUERADE and REDIRECT take, addrtype), its routes (local delivery or forwarding, and the
 * outgoing interface), its ipsets (`-m set`). Read from what a user saves beside the dump:
 *
 *   ip -j addr > addr.json; ip -4 -j route show table all > route.json (and ip -6 ...);
 *   ip -4 -j rule > rule.json (and ip -6 -j rule > rule6.json); ipset save > ipset.txt
 *
 * or given by flags for the simple cases (`--local 10.0.0.5`, `--route "10.244.0.0/16 dev
 * flannel.1"`). What the node does not tell stays unknown: the walk then follows both ways.
 */
import type { Family } from "../netfilter/index.js";
import { bitsOf, inNet, parseAddress, parseNet, prefixMask, type Net } from "./addresses.js";

export interface NodeAddress {
  iface: string;
  family: Family;
  address: bigint;
  prefix: number;
  broadcast: bigint | null;
}

export type RouteType = "unicast" | "local" | "broadcast" | "blackhole" | "unreachable" | "prohibit" | "throw" | "multicast" | "anycast" | "nat";

export interface Route {
  family: Family;
  /** The routing table: "main", "local" or another's name or number (`ip route ... table 100`). */
  table: string;
  net: Net;
  type: RouteType;
  dev: string | null;
  via: bigint | null;
  prefsrc: bigint | null;
  metric: number;
}

/** One member of an ipset: each of its dimensions (address or network, port, interface...). */
type SetPart = { kind: "net"; net: Net } | { kind: "port"; protocol: number; port: number } | { kind: "iface"; name: string } | { kind: "other"; text: string };

export interface IpSet {
  name: string;
  type: string;
  family: Family | null;
  /** The set's dimensions, from its type (`hash:ip,port` is ip, port). */
  dims: string[];
  members: { parts: SetPart[]; nomatch: boolean }[];
  /** list:set: the sets it holds. */
  sets: string[];
}

/** A policy routing rule (`ip rule`): which packets it takes, and the table it looks their route up in. */
export interface IpRule {
  family: Family;
  priority: number;
  /** `not`: the rule takes the packets its selectors do not match. */
  not: boolean;
  from: Net | null;
  to: Net | null;
  fwmark: { value: number; mask: number } | null;
  iif: string | null;
  oif: string | null;
  /** Selectors the walk does not read (uidrange, ipproto, sport, tos...): a packet may or may not match. */
  unread: string[];
  /** "lookup" (in `table`), or a rule that ends the lookup: blackhole, unreachable, prohibit; or one the walk does not follow (goto, nop). */
  action: "lookup" | "blackhole" | "unreachable" | "prohibit" | "other";
  table: string | null;
  /** `suppress_prefixlength N`: a route of the table with a prefix of N or less does not count. */
  suppressPrefix: number | null;
}

/** What the policy routing rules make of a packet: the route (as `route`), or why the walk cannot tell. */
export interface PolicyRoute {
  route: Route | null | undefined;
  /** Why the route is not decided (a rule whose selector the walk cannot read or the packet's mark does not tell). */
  undecided?: string;
  /** The rule that chose the table, when it is not the main one. */
  rule?: IpRule;
}

/** What the rules' selectors look at in the packet. */
export interface RouteQuery {
  destination: bigint;
  source: bigint | null;
  /** The mark's known bits and their values. */
  mark: { known: number; value: number };
  /** The interface it arrived on; "" for a packet the node sends (the rules' iif is then lo). */
  inInterface: string;
}

/** Bad node input (a file that is not `ip -j addr` output, a malformed --route). */
export class NodeInputError extends Error {}

export interface NodeInput {
  /** Parsed `ip -j addr` output (both families in one). */
  addresses?: unknown;
  /** Parsed `ip -j route` outputs (`ip -j route`, `ip -6 -j route`, `ip -4 -j route show table all`). */
  routes?: unknown[];
  /** Parsed `ip -4 -j rule` output (the policy routing rules of IPv4). */
  rules4?: unknown;
  /** Parsed `ip -6 -j rule` output. */
  rules6?: unknown;
  /** `ipset save` output. */
  ipset?: string;
  /** `--local ADDR[,ADDR...]`. */
  local?: string[];
  /** `--route "CIDR dev IFACE [via GW]"`. */
  route?: string[];
}

export class NodeInfo {
  readonly addresses: NodeAddress[] = [];
  readonly routes: Route[] = [];
  readonly sets: Map<string, IpSet> | null;
  /** Whether the node's addresses are known (an address file or --local). */
  readonly addressesKnown: boolean;
  /** Whether its routes are known (a route file or --route). */
  readonly routesKnown: boolean;
  /** The policy routing rules of each family, by priority; null when not given (then the local table, then main). */
  readonly ipRules: Readonly<Record<Family, IpRule[] | null>>;

  constructor(input: NodeInput = {}) {
    if (input.addresses !== undefined) this.addresses.push(...readAddresses(input.addresses));
    for (const word of input.local ?? []) {
      for (const item of word.split(",").filter((s) => s !== "")) {
        const a = parseAddress(item);
        if (a === null) throw new NodeInputError(`--local: "${item}" is not an IPv4 or IPv6 address`);
        this.addresses.push({ iface: "", family: a.family, address: a.address, prefix: bitsOf(a.family), broadcast: null });
      }
    }
    for (const routes of input.routes ?? []) this.routes.push(...readRoutes(routes));
    for (const spec of input.route ?? []) this.routes.push(routeOfSpec(spec));
    this.addressesKnown = input.addresses !== undefined || (input.local ?? []).length > 0;
    this.routesKnown = (input.routes ?? []).length > 0 || (input.route ?? []).length > 0;
    this.sets = input.ipset === undefined ? null : readIpsets(input.ipset);
    this.ipRules = { 4: input.rules4 === undefined ? null : readRules(input.rules4, 4), 6: input.rules6 === undefined ? null : readRules(input.rules6, 6) };
  }

  /**
   * The route the kernel takes for a packet by the policy routing rules (`ip rule`): the first
   * rule, by priority, that takes the packet and whose table has a route; without rules, as
   * route(). A rule the walk cannot decide for the packet leaves the route undecided.
   */
  routeFor(family: Family, q: RouteQuery): PolicyRoute {
    const rules = this.ipRules[family];
    if (rules === null) return { route: this.route(family, q.destination) };
    for (const rule of rules) {
      const takes = ruleTakes(rule, q);
      if (takes === false) continue;
      if (takes !== true) return { route: undefined, undecided: `ip rule ${rule.priority} may or may not take the packet (${takes})`, rule };
      if (rule.action === "blackhole" || rule.action === "unreachable" || rule.action === "prohibit") {
        return { route: { family, table: "", net: { network: 0n, mask: 0n, prefix: 0 }, type: rule.action, dev: null, via: null, prefsrc: null, metric: 0 }, rule };
      }
      if (rule.action !== "lookup" || rule.table === null) return { route: undefined, undecided: `ip rule ${rule.priority} is not a lookup the walk follows`, rule };
      const route = this.routeIn(family, q.destination, rule.table);
      if (route === undefined) return { route: undefined, undecided: `the routes of table ${rule.table} are not known`, rule };
      if (route === null || route.type === "throw" || (rule.suppressPrefix !== null && (route.net.prefix ?? 0) <= rule.suppressPrefix)) continue;
      return rule.table === "main" ? { route } : { route, rule };
    }
    return { route: null };
  }

  /** The route to an address in one table; undefined when that table's routes are not known. */
  private routeIn(family: Family, address: bigint, table: string): Route | null | undefined {
    if (table === "main") {
      const main = this.route(family, address, "main");
      return main;
    }
    let best: Route | null = null;
    let any = false;
    for (const r of this.routes) {
      if (r.family !== family || r.table !== table) continue;
      any = true;
      if (inNet(address, r.net) && (best === null || (r.net.prefix ?? 0) > (best.net.prefix ?? 0) || ((r.net.prefix ?? 0) === (best.net.prefix ?? 0) && r.metric < best.metric))) best = r;
    }
    // The local and default tables exist on every node; another table the files do not show may be empty or not saved.
    if (!any && table !== "local" && table !== "default") return this.tablesSaved ? null : undefined;
    return best;
  }

  /** Whether the route files name their tables (`ip -j route show table all`): a table none of their routes names is empty. */
  private get tablesSaved(): boolean {
    return this.routes.some((r) => r.table !== "main" && r.table !== "local");
  }

  /** IPv6 answers by address. */
  private readonly localCache = new Map<bigint, boolean | null>();
  /** What findLocal reads for IPv4, made on first use: the addresses and /32 local routes as numbers, the wider local routes. */
  private local4: { exact: Set<number>; nets: Net[] } | null = null;

  /** Whether the node owns this address (local delivery): true, false, or null when the node's addresses are not known. */
  isLocal(family: Family, address: bigint): boolean | null {
    if (family === 4) {
      // findLocal's answer without a cache: a walk asks for tens of thousands of addresses, and a
      // Map that large cost more than the few lookups below.
      const n = Number(address);
      if (n >>> 24 === 127) return true;
      const local = (this.local4 ??= this.localOf4());
      if (local.exact.has(n)) return true;
      for (let k = 0; k < local.nets.length; k++) if (inNet(address, local.nets[k])) return true;
      return this.addressesKnown ? false : null;
    }
    let local = this.localCache.get(address);
    if (local === undefined) this.localCache.set(address, (local = this.findLocal(family, address)));
    return local;
  }

  private localOf4(): { exact: Set<number>; nets: Net[] } {
    const exact = new Set<number>();
    const nets: Net[] = [];
    for (const a of this.addresses) if (a.family === 4) exact.add(Number(a.address));
    // The routes findLocal's lookupRoute takes: local ones of the local and main tables.
    for (const r of this.routes) {
      if (r.family !== 4 || r.type !== "local" || (r.table !== "main" && r.table !== "local")) continue;
      if (r.net.prefix === 32) exact.add(Number(r.net.network));
      else nets.push(r.net);
    }
    return { exact, nets };
  }

  private findLocal(family: Family, address: bigint): boolean | null {
    if (family === 4 ? address >> 24n === 127n : address === 1n) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address)) return true;
    const route = this.lookupRoute(family, address, true);
    if (route !== null && route.type === "local") return true;
    return this.addressesKnown ? false : null;
  }

  /** Whether it is a broadcast address of one of the node's networks (or the limited broadcast). */
  isBroadcast(family: Family, address: bigint): boolean | null {
    if (family === 6) return false;
    if (address === 0xffffffffn) return true;
    if (this.addresses.some((a) => a.family === 4 && a.broadcast === address)) return true;
    return this.addressesKnown ? false : null;
  }

  /**
   * The route the kernel takes to an address: the longest prefix (then the lowest metric), or
   * null when no route matches; undefined when the routes are not known and none of the
   * networks the node's addresses give matches.
   */
  route(family: Family, address: bigint, table: "main" | null = null): Route | null | undefined {
    const found = this.lookupRoute(family, address, false, table);
    if (found !== null) return found;
    // The networks of the node's own addresses are routes the kernel adds itself.
    let best: NodeAddress | null = null;
    for (const a of this.addresses) {
      if (a.family !== family || a.iface === "") continue;
      if (inNet(address, { network: a.address & prefixMask(family, a.prefix), mask: prefixMask(family, a.prefix), prefix: a.prefix }) && (best === null || a.prefix > best.prefix)) best = a;
    }
    if (best !== null) {
      const mask = prefixMask(family, best.prefix);
      return { family, table: "main", net: { network: best.address & mask, mask, prefix: best.prefix }, type: "unicast", dev: best.iface, via: null, prefsrc: best.address, metric: 0 };
    }
    return this.routesKnown ? null : undefined;
  }

  private lookupRoute(family: Family, address: bigint, localOnly: boolean, table: "main" | null = null): Route | null {
    let best: Route | null = null;
    for (const r of this.routes) {
      // Without policy rules: the local and main tables, as the kernel's default rules have it.
      if (r.family !== family || (table === null ? r.table !== "main" && r.table !== "local" : r.table !== table) || (localOnly && r.type !== "local") || !inNet(address, r.net)) continue;
      // The local table wins over the main one, as the kernel's rule order has it.
      if (best === null || (r.type === "local") > (best.type === "local") || ((r.type === "local") === (best.type === "local") && ((r.net.prefix ?? 0) > (best.net.prefix ?? 0) || ((r.net.prefix ?? 0) === (best.net.prefix ?? 0) && r.metric < best.metric)))) best = r;
    }
    return best;
  }

  /** The address a packet leaving by `iface` gets from MASQUERADE: the route's preferred source, else the interface's first address of the family. */
  sourceFor(family: Family, iface: string, route: Route | null | undefined): bigint | null {
    if (route?.prefsrc != null) return route.prefsrc;
    const own = this.addresses.find((a) => a.family === family && a.iface === iface && (family === 4 || a.address >> 118n !== 0x3fan));
    return own?.address ?? null;
  }

  /** The first address of an interface (REDIRECT's target on the way in). */
  addressOf(family: Family, iface: string): bigint | null {
    return this.addresses.find((a) => a.family === family && a.iface === iface)?.address ?? null;
  }

  /** Whether the address is on this interface (addrtype's --limit-iface-*). */
  isLocalOn(family: Family, address: bigint, iface: string): boolean | null {
    if (iface === "lo" && (family === 4 ? address >> 24n === 127n : address === 1n)) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address && a.iface === iface)) return true;
    if (this.addresses.some((a) => a.family === family && a.address === address && a.iface === "")) return null;
    return this.addressesKnown ? false : null;
  }
}

function fail(what: string): never {
  throw new NodeInputError(what);
}

function readAddresses(json: unknown): NodeAddress[] {
  if (!Array.isArray(json)) fail("the addresses file is not `ip -j addr` output (a JSON array of interfaces)");
  const out: NodeAddress[] = [];
  for (const link of json as Record<string, unknown>[]) {
    if (typeof link !== "object" || link === null || typeof link.ifname !== "string") fail("the addresses file is not `ip -j addr` output (an interface without ifname)");
    for (const info of (Array.isArray(link.addr_info) ? link.addr_info : []) as Record<string, unknown>[]) {
      if (typeof info.local !== "string") continue;
      const a = parseAddress(info.local);
      if (a === null) continue;
      const broadcast = typeof info.broadcast === "string" ? parseAddress(info.broadcast) : null;
      out.push({ iface: link.ifname, family: a.family, address: a.address, prefix: typeof info.prefixlen === "number" ? info.prefixlen : bitsOf(a.family), broadcast: broadcast?.address ?? null });
    }
  }
  return out;
}

const ROUTE_TYPES = new Set<RouteType>(["unicast", "local", "broadcast", "blackhole", "unreachable", "prohibit", "throw", "multicast", "anycast", "nat"]);

function netOfRouteDst(dst: string, familyHint: Family | null): { family: Family; net: Net } | null {
  if (dst === "default") return familyHint === null ? null : { family: familyHint, net: { network: 0n, mask: 0n, prefix: 0 } };
  const net = parseNet(dst);
  if (net === null) return null;
  return { family: dst.includes(":") ? 6 : 4, net };
}

function readRoutes(json: unknown): Route[] {
  if (!Array.isArray(json)) fail("the routes file is not `ip -j route` output (a JSON array of routes)");
  const out: Route[] = [];
  // A file of one family (`ip -4`/`ip -6`) tells the family of a route that does not ("default dev wg0").
  const families = new Set((json as Record<string, unknown>[]).map((r) => familyHint(r)).filter((f) => f !== null));
  const fileFamily: Family | null = families.size === 1 ? [...families][0] : null;
  for (const r of json as Record<string, unknown>[]) {
    if (typeof r !== "object" || r === null || typeof r.dst !== "string") fail("the routes file is not `ip -j route` output (a route without dst)");
    const table = r.table === undefined || r.table === 254 ? "main" : r.table === 255 ? "local" : String(r.table);
    const gateway = typeof r.gateway === "string" ? parseAddress(r.gateway) : null;
    const prefsrc = typeof r.prefsrc === "string" ? parseAddress(r.prefsrc) : null;
    const hint: Family | null = gateway?.family ?? prefsrc?.family ?? (typeof r.dst === "string" && r.dst.includes(":") ? 6 : null);
    // `ip -6 -j route` prints "default" with an IPv6 gateway, or "::/0".
    const dst = netOfRouteDst(r.dst, hint ?? (r.dst === "default" ? (fileFamily ?? 4) : null));
    if (dst === null) continue;
    const type = typeof r.type === "string" && ROUTE_TYPES.has(r.type as RouteType) ? (r.type as RouteType) : "unicast";
    out.push({ family: dst.family, table, net: dst.net, type, dev: typeof r.dev === "string" ? r.dev : null, via: gateway?.address ?? null, prefsrc: prefsrc?.address ?? null, metric: typeof r.metric === "number" ? r.metric : 0 });
  }
  return out;
}

function familyHint(r: Record<string, unknown>): Family | null {
  if (typeof r !== "object" || r === null) return null;
  for (const key of ["gateway", "prefsrc", "dst"]) {
    const value = r[key];
    if (typeof value === "string" && value !== "default") return value.includes(":") ? 6 : 4;
  }
  return null;
}

/** `--route "CIDR dev IFACE [via GW]"` (also `default dev eth0 via 10.0.0.1`, and `blackhole CIDR`). */
export function routeOfSpec(spec: string): Route {
  const words = spec.trim().split(/\s+/);
  let type: RouteType = "unicast";
  if (ROUTE_TYPES.has(words[0] as RouteType)) type = words.shift() as RouteType;
  const dstWord = words.shift() ?? "";
  let dev: string | null = null;
  let via: { family: Family; address: bigint } | null = null;
  let src: { family: Family; address: bigint } | null = null;
  while (words.length > 0) {
    const key = words.shift()!;
    const value = words.shift();
    if (value === undefined) fail(`--route "${spec}": "${key}" needs a value`);
    if (key === "dev") dev = value;
    else if (key === "via") via = parseAddress(value) ?? fail(`--route "${spec}": "${value}" is not an address`);
    else if (key === "src") src = parseAddress(value) ?? fail(`--route "${spec}": "${value}" is not an address`);
    else fail(`--route "${spec}": expected "dev IFACE", "via GATEWAY" or "src ADDRESS", found "${key}"`);
  }
  const dst = netOfRouteDst(dstWord === "default" ? "default" : dstWord, via?.family ?? src?.family ?? 4);
  if (dst === null) fail(`--route "${spec}": "${dstWord}" is not CIDR (10.244.0.0/16) or default`);
  if (dev === null && type === "unicast") fail(`--route "${spec}": a route needs "dev IFACE"`);
  return { family: dst.family, table: "main", net: dst.net, type, dev, via: via?.address ?? null, prefsrc: src?.address ?? null, metric: 0 };
}

/** Whether a rule takes the packet: true, false, or why the walk cannot tell. */
function ruleTakes(rule: IpRule, q: RouteQuery): boolean | string {
  if (rule.unread.length > 0) return `its ${rule.unread.join(", ")} is not read by the walk`;
  let matches = true;
  if (rule.from !== null) {
    if (q.source === null) return "the packet's source is not known";
    matches &&= inNet(q.source, rule.from);
  }
  if (rule.to !== null) matches &&= inNet(q.destination, rule.to);
  // A packet the node sends has the loopback interface as its iif in the rules.
  if (rule.iif !== null) matches &&= (q.inInterface === "" ? "lo" : q.inInterface) === rule.iif;
  // oif is the interface a sending socket is bound to; a forwarded packet has none.
  if (rule.oif !== null) {
    if (q.inInterface !== "") matches = false;
    else return "its oif (the interface the socket is bound to) is not known";
  }
  if (rule.fwmark !== null && matches) {
    const { value, mask } = rule.fwmark;
    const differs = ((q.mark.value ^ value) & mask & q.mark.known) >>> 0 !== 0;
    if (differs) matches = false;
    else if ((mask & ~q.mark.known) >>> 0 !== 0) return `the packet's mark is not known in the bits of fwmark 0x${value.toString(16)}/0x${mask.toString(16)}`;
  }
  return matches !== rule.not;
}

const RULE_KNOWN_KEYS = new Set(["priority", "not", "src", "srclen", "dst", "dstlen", "fwmark", "fwmask", "iif", "iif_detached", "oif", "oif_detached", "table", "action", "suppress_prefixlen", "flags", "protocol", "l3mdev"]);

/** `ip -j rule` output (of one family). */
function readRules(json: unknown, family: Family): IpRule[] {
  if (!Array.isArray(json)) fail(`the IPv${family} rules file is not \`ip -j rule\` output (a JSON array of rules)`);
  const out: IpRule[] = [];
  const net = (address: unknown, length: unknown): Net | null => {
    if (typeof address !== "string" || address === "all") return null;
    const parsed = parseNet(typeof length === "number" ? `${address}/${length}` : address);
    if (parsed === null) fail(`the IPv${family} rules file: "${address}" is not an address`);
    return parsed;
  };
  for (const r of json as Record<string, unknown>[]) {
    if (typeof r !== "object" || r === null || typeof r.priority !== "number") fail(`the IPv${family} rules file is not \`ip -j rule\` output (a rule without priority)`);
    const unread = Object.keys(r).filter((key) => !RULE_KNOWN_KEYS.has(key));
    if (r.l3mdev !== undefined) unread.push("l3mdev");
    const mark = typeof r.fwmark === "string" ? Number(r.fwmark) : null;
    const mask = typeof r.fwmask === "string" ? Number(r.fwmask) : 0xffffffff;
    const action = r.action === undefined || r.action === "lookup" ? "lookup" : r.action === "blackhole" || r.action === "unreachable" || r.action === "prohibit" ? r.action : "other";
    const table = r.table === undefined ? null : r.table === 254 ? "main" : r.table === 255 ? "local" : r.table === 253 ? "default" : String(r.table);
    out.push({
      family,
      priority: r.priority,
      not: r.not !== undefined,
      from: net(r.src, r.srclen),
      to: net(r.dst, r.dstlen),
      fwmark: mark === null || !Number.isInteger(mark) ? null : { value: mark >>> 0, mask: mask >>> 0 },
      iif: typeof r.iif === "string" ? r.iif : null,
      oif: typeof r.oif === "string" ? r.oif : null,
      unread,
      action: action as IpRule["action"],
      table: action === "lookup" ? (table ?? "main") : null,
      suppressPrefix: typeof r.suppress_prefixlen === "number" ? r.suppress_prefixlen : null,
    });
  }
  return out.sort((a, b) => a.priority - b.priority);
}

const SET_DIMS: Readonly<Record<string, string>> = { ip: "ip", net: "net", port: "port", iface: "iface", mac: "mac", mark: "mark" };

function readIpsets(text: string): Map<string, IpSet> {
  const sets = new Map<string, IpSet>();
  text.split("\n").forEach((raw, index) => {
    const words = raw.trim().split(/\s+/);
    if (words[0] === "create") {
      const [, name, type] = words;
      if (name === undefined || type === undefined) fail(`ipset file line ${index + 1}: "create" needs a name and a type`);
      const family = words.includes("inet6") ? 6 : type.startsWith("list:") || type.endsWith(":port") ? null : 4;
      const dims = (type.split(":")[1] ?? "").split(",").map((d) => SET_DIMS[d] ?? d);
      sets.set(name, { name, type, family: type === "bitmap:port" ? null : family, dims, members: [], sets: [] });
    } else if (words[0] === "add") {
      const [, name, element] = words;
      const set = sets.get(name ?? "");
      if (set === undefined || element === undefined) fail(`ipset file line ${index + 1}: "add" to a set not created before it`);
      if (set.type.startsWith("list:")) set.sets.push(element);
      else set.members.push({ parts: partsOf(element, set), nomatch: words.includes("nomatch") });
    }
  });
  return sets;
}

const PROTO_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132, udplite: 136, icmp: 1, icmpv6: 58 };

function partsOf(element: string, set: IpSet): SetPart[] {
  const words = element.split(",");
  return set.dims.map((dim, k): SetPart => {
    const word = words[k] ?? "";
    if (dim === "ip" || dim === "net") {
      const net = parseNet(word);
      return net === null ? { kind: "other", text: word } : { kind: "net", net };
    }
    if (dim === "port") {
      const colon = word.indexOf(":");
      const proto = colon === -1 ? "tcp" : word.slice(0, colon);
      const port = Number(colon === -1 ? word : word.slice(colon + 1));
      const protocol = PROTO_NUMBERS[proto];
      return protocol === undefined || !Number.isInteger(port) ? { kind: "other", text: word } : { kind: "port", protocol, port };
    }
    if (dim === "iface") return { kind: "iface", name: word };
    return { kind: "other", text: word };
  });
}
