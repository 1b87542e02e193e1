/**
 * forward-drop-strands-traffic: FORWARD's policy is DROP (Docker 1.13+ sets it) and traffic that
 * the dump itself shows the node forwards has no way through: a network the nat table
 * masquerades (a VM, LXD or container bridge), kube-proxy's pod network, or a port DNATed to a
 * container. Found with the packet walk: packets of the flow, and one shaped after each ACCEPT
 * rule FORWARD reaches, all end at the policy. See README.md beside this file.
 */
import type { ChainDeclaration, CommandLine, Document } from "../../grammar/index.js";
import { defaultDeny, NONE, type RulesetModel, type TableModel } from "../model/index.js";
import type { Family } from "../netfilter/index.js";
import {
  addressOutside,
  bridgeRoutes,
  droppedByPolicy,
  dumpNode,
  formatAddress,
  formatNet,
  hostOf,
  inNet,
  overlaps,
  parseAddress,
  protocolName,
  readMatches,
  TraceError,
  tracePacket,
  within,
  type Net,
  type RuleMatches,
  type TraceInput,
} from "../packet/index.js";
import type { RuleModule } from "../types.js";

const ID = "forward-drop-strands-traffic";

/** Bounds: flows per ruleset, lines read looking for them, FORWARD's chains and rules, interfaces, traces. */
const MAX_FLOWS = 8;
const MAX_SCANNED = 64;
const MAX_FORWARD_RULES = 256;
const MAX_INTERFACES = 6;
const MAX_TRACES = 400;

const OUTSIDE = { 4: ["198.51.100.7", "203.0.113.7", "192.0.2.77"], 6: ["2001:db8:ffff::7", "2001:db8:fffe::7"] } as const;
const NODE = { 4: ["192.0.2.1", "192.0.2.201"], 6: ["2001:db8::1", "2001:db8::201"] } as const;
const CLIENT = { 4: ["198.51.100.9", "203.0.113.9"], 6: ["2001:db8:ffff::9", "2001:db8:fffe::9"] } as const;
/** An interface name no rule names. */
const FRESH = "uplink0";

/** Traffic the dump shows the node forwards. */
type Flow =
  | { kind: "from"; evidence: CommandLine; net: Net; bridge: string | null; why: "masquerade" | "pods" }
  | { kind: "dnat"; evidence: CommandLine; protocol: number; port: number; to: string; destination: bigint | null; inInterface: { name: string; negated: boolean } | null };

export const forwardDropStrandsTraffic: RuleModule = {
  id: ID,
  description: "FORWARD's policy is DROP and no FORWARD rule accepts traffic the dump shows the node forwards (a masqueraded bridge, the pod network, a DNATed port)",
  severity: "warning",
  fixable: false,
  check(context) {
    const { model, document } = context;
    const family: Family = model.family()?.family ?? 4;
    const filter = model.tables().find((t) => t.table.name === "filter");
    const nat = model.tables().find((t) => t.table.name === "nat");
    if (filter === undefined || nat === undefined || filter.partial) return;
    const deny = defaultDeny(filter, "FORWARD");
    if (deny === null || !isPolicy(deny.deny)) return;
    const flows = flowsOf(model, document, nat, family);
    if (flows.length === 0) return;
    const forward = forwardRules(filter, family);
    if (forward === null) return;
    const bridges = bridgeRoutes(model, family);
    const budget = { traces: 0 };
    for (const flow of flows) {
      // A bridge the dump ties to another network does not carry this network's packets.
      const foreign = flow.kind === "from" ? bridges.filter((b) => !overlaps(b.net, flow.net)).map((b) => b.dev) : [];
      const stranded = strands(document, family, flow, { ...forward, interfaces: forward.interfaces.filter((i) => !foreign.includes(i)), foreign }, budget);
      if (stranded === null) return;
      if (!stranded) continue;
      const policy = `FORWARD's DROP policy (line ${deny.deny.index + 1})`;
      const message =
        flow.kind === "dnat"
          ? `Connections to ${protocolName(flow.protocol)} port ${flow.port}, DNATed here to ${flow.to}, are dropped by ${policy}: no FORWARD rule accepts them`
          : flow.why === "pods"
            ? `New connections from the pod network ${formatNet(family, flow.net)} (kube-proxy's \`! -s\` here) are dropped by ${policy}: no FORWARD rule accepts them`
            : `New connections from ${formatNet(family, flow.net)}, which this rule ${flow.evidence.target?.name === "SNAT" ? "SNATs" : "masquerades"}, are dropped by ${policy}: no FORWARD rule accepts them`;
      context.report({ range: flow.evidence.range, message });
    }
  },
};

const isPolicy = (deny: CommandLine | ChainDeclaration): boolean => deny.kind === "chain" || (deny as CommandLine).command === "policy";

/** The flows the nat table shows: networks it masquerades, kube-proxy's pod network, ports it DNATs elsewhere. */
function flowsOf(model: RulesetModel, document: Document, nat: TableModel, family: Family): Flow[] {
  const flows: Flow[] = [];
  const seen = new Set<string>();
  const add = (key: string, flow: Flow) => {
    if (flows.length < MAX_FLOWS && !seen.has(key)) {
      seen.add(key);
      flows.push(flow);
    }
  };
  const natLines = (lines: ArrayLike<number>, hook: "PREROUTING" | "POSTROUTING", visit: (line: CommandLine) => void, filterLine: (n: number) => boolean = () => true) => {
    let scanned = 0;
    for (let k = 0; k < lines.length && scanned < MAX_SCANNED && flows.length < MAX_FLOWS; k++) {
      const n = lines[k] as never;
      const chain = nat.chainOf(n);
      if (chain === NONE || !nat.chains.keeps(n) || !filterLine(n)) continue;
      scanned++;
      if (!nat.hooks.reaches(hook, chain)) continue;
      visit(document.line(n) as CommandLine);
    }
  };
  const bits = family === 4 ? 32 : 128;
  for (const target of ["MASQUERADE", "SNAT"]) {
    natLines(model.lines.linesTargeting(target), "POSTROUTING", (line) => {
      const m = readMatches(line, family);
      const source = m.sources.find((s) => !s.negated && s.nets.length === 1);
      const net = source?.nets[0];
      if (m.unread || net === undefined || net.prefix === null || net.prefix === 0 || net.prefix >= bits - 1) return;
      const bridge = m.outInterface?.negated === true && !m.outInterface.name.endsWith("+") ? m.outInterface.name : null;
      add(`from ${formatNet(family, net)}`, { kind: "from", evidence: line, net, bridge, why: "masquerade" });
    });
  }
  natLines(nat.linesTargeting("KUBE-MARK-MASQ"), "PREROUTING", (line) => {
    const m = readMatches(line, family);
    const source = m.sources.find((s) => s.negated && s.nets.length === 1);
    const net = source?.nets[0];
    if (m.unread || net === undefined || net.prefix === null || net.prefix === 0 || net.prefix >= bits - 1) return;
    add(`from ${formatNet(family, net)}`, { kind: "from", evidence: line, net, bridge: null, why: "pods" });
  }, (n) => {
    // kube-proxy's `! -s CLUSTER-CIDR` lines, told from the endpoints' `-s POD/32` ones by a `!`
    // anywhere in their text (`! --src`, `-s ! x`, a quoted word): the closer read decides.
    const rule = nat.ruleText(n as never);
    const text = document.text;
    for (let i = rule.start; i < rule.end; i++) if (text.charCodeAt(i) === 0x21 /* ! */) return true;
    return false;
  });
  natLines(
    model.lines.linesTargeting("DNAT"),
    "PREROUTING",
    (line) => {
      const m = readMatches(line, family);
      if (m.unread || m.protocol === null || m.protocolNegated || m.destinationPorts?.length !== 1 || m.destinationPortsNegated || m.toDestination === null) return;
      const port = m.destinationPorts[0].min;
      const to = m.toDestination.startsWith("[") ? m.toDestination.slice(1, m.toDestination.indexOf("]")) : family === 4 ? m.toDestination.split(":")[0] : m.toDestination;
      const address = parseAddress(to.split("-")[0]);
      if (address === null || address.family !== family || (family === 4 ? address.address >> 24n === 127n : address.address === 1n)) return;
      const destination = m.destinations.find((d) => !d.negated && d.nets.length === 1 && d.nets[0].exact === true)?.nets[0].network ?? null;
      add(`dnat ${m.protocol} ${port} ${m.toDestination}`, { kind: "dnat", evidence: line, protocol: m.protocol, port, to: m.toDestination, destination, inInterface: m.inInterface });
    },
    (n) => model.lines.uses(n as never, "--dport") || model.lines.uses(n as never, "--destination-port"),
  );
  return flows;
}

/** The filter rules FORWARD reaches: the ACCEPT rules (each a shape of packet to try) and the interfaces rules name. */
interface ForwardRules {
  accepts: RuleMatches[];
  interfaces: string[];
  /** Bridges of other networks: no packet of the flow arrives on them. */
  foreign?: string[];
}

function forwardRules(filter: TableModel, family: Family): ForwardRules | null {
  const accepts: RuleMatches[] = [];
  const interfaces = new Set<string>();
  const seen = new Set<string>(["FORWARD"]);
  const queue = ["FORWARD"];
  let rules = 0;
  while (queue.length > 0) {
    const chain = filter.chains.get(queue.pop()!);
    for (const rule of chain?.rules ?? []) {
      if (++rules > MAX_FORWARD_RULES) return null;
      const m = readMatches(rule, family);
      if (m.inInterface !== null && !m.inInterface.negated) interfaces.add(m.inInterface.name.replace(/\+$/, "0"));
      const target = rule.target?.name;
      if (target === "ACCEPT") accepts.push(m);
      else if (target !== undefined && filter.chains.isUserChain(target) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  if (interfaces.size > MAX_INTERFACES) return null;
  return { accepts, interfaces: [...interfaces] };
}

/**
 * Whether the flow is stranded: every packet tried (one of the flow, and one shaped after each
 * ACCEPT rule that could take some of its packets, from each interface rules name) is dropped by
 * FORWARD's policy on every way the walk goes. Null when the bounds are met: say nothing more.
 */
function strands(document: Document, family: Family, flow: Flow, forward: ForwardRules, budget: { traces: number }): boolean | null {
  const packets = packetsOf(family, flow, forward);
  if (packets === null) return false;
  let inFlow = 0;
  const tried = new Set<string>();
  for (const { input, route } of packets) {
    // Many ACCEPT rules shape the same packet (Docker's per-container rules for another network).
    const key = `${input.protocol} ${input.source} ${input.destination}:${input.destinationPort} ${input.inInterface}`;
    if (tried.has(key)) continue;
    tried.add(key);
    if (++budget.traces > MAX_TRACES) return null;
    const node = dumpNode(family, nodeAddress(family, flow, input), route);
    let outcomes;
    try {
      outcomes = tracePacket([document], input, node, { family }).outcomes;
    } catch (error) {
      if (error instanceof TraceError) return false;
      throw error;
    }
    if (flow.kind === "dnat") {
      // Only packets the DNAT takes are of the flow; some ways taking it and others not is not sure.
      const taken = outcomes.filter((o) => o.path.some((s) => s.line === flow.evidence.index + 1 && s.table === "nat"));
      if (taken.length === 0) continue;
      if (taken.length !== outcomes.length) return false;
    }
    inFlow++;
    if (outcomes.length === 0 || !outcomes.every((o) => droppedByPolicy(o, "filter", "FORWARD"))) return false;
  }
  return inFlow > 0;
}

function nodeAddress(family: Family, flow: Flow, input: TraceInput): bigint {
  if (flow.kind === "dnat") return parseAddress(input.destination)!.address;
  const avoid = [flow.net, ...[input.source, input.destination].map((a) => ({ network: parseAddress(a)!.address, mask: (1n << BigInt(family === 4 ? 32 : 128)) - 1n, prefix: family === 4 ? 32 : 128, exact: true }))];
  return addressOutside(family, avoid, NODE[family]) ?? parseAddress(NODE[family][1])!.address;
}

interface Probe {
  input: TraceInput;
  route: { net: Net; dev: string } | null;
}

const single = (family: Family, address: bigint): Net => ({ network: address, mask: (1n << BigInt(family === 4 ? 32 : 128)) - 1n, prefix: family === 4 ? 32 : 128, exact: true });

/** The packets to try for a flow; null when one cannot be made for some ACCEPT rule that may take the flow (then the rule says nothing). */
function packetsOf(family: Family, flow: Flow, forward: ForwardRules): Probe[] | null {
  const probes: Probe[] = [];
  const interfacesFor = (fixed: string | null, shapedBy: RuleMatches | null): string[] => {
    if (fixed !== null) return [fixed];
    if (shapedBy?.inInterface != null && !shapedBy.inInterface.negated) {
      const name = shapedBy.inInterface.name.replace(/\+$/, "0");
      return forward.foreign?.includes(name) ? [] : [name];
    }
    const all = [FRESH, ...forward.interfaces];
    const negatedIn = shapedBy?.inInterface?.negated === true ? shapedBy.inInterface.name : null;
    return all.filter((name) => name !== negatedIn && (flow.kind !== "dnat" || flow.inInterface === null || (flow.inInterface.negated ? name !== flow.inInterface.name : name === flow.inInterface.name)));
  };
  const make = (protocol: number, source: bigint, destination: bigint, port: number, iface: string): TraceInput => {
    const name = protocolName(protocol);
    const ported = name === "tcp" || name === "udp" || name === "sctp";
    return {
      family,
      protocol: name,
      protocolNumber: protocol,
      source: formatAddress(family, source),
      destination: formatAddress(family, destination),
      sourcePort: ported ? 40000 : null,
      destinationPort: ported ? port : null,
      icmpType: name === "icmp" ? 8 : name === "icmpv6" ? 128 : null,
      icmpCode: name === "icmp" || name === "icmpv6" ? 0 : null,
      inInterface: iface,
      state: "new",
    };
  };

  if (flow.kind === "from") {
    const baseSource = hostOf(family, flow.net);
    const baseDestination = addressOutside(family, [flow.net], OUTSIDE[family]);
    if (baseDestination === null) return null;
    const route = (destination: bigint) => (flow.bridge !== null && inNet(destination, flow.net) ? { net: flow.net, dev: flow.bridge } : null);
    for (const iface of interfacesFor(flow.bridge, null)) probes.push({ input: make(6, baseSource, baseDestination, 443, iface), route: route(baseDestination) });
    for (const w of forward.accepts) {
      const source = pickAddress(family, w.sources, flow.net, baseSource, true);
      const destination = pickAddress(family, w.destinations, flow.net, baseDestination, false);
      if (source === "unsure" || destination === "unsure") return null;
      if (source === "none" || destination === "none") continue;
      const shaped = shape(w);
      if (shaped === null) return null;
      for (const iface of interfacesFor(flow.bridge, w)) probes.push({ input: make(shaped.protocol, source, destination, shaped.port, iface), route: route(destination) });
    }
    return probes;
  }

  const destination = flow.destination ?? addressOutside(family, [], NODE[family])!;
  const client = addressOutside(family, [single(family, destination)], CLIENT[family])!;
  const fixedIn = flow.inInterface !== null && !flow.inInterface.negated ? flow.inInterface.name.replace(/\+$/, "0") : null;
  for (const iface of interfacesFor(fixedIn, null)) probes.push({ input: make(flow.protocol, client, destination, flow.port, iface), route: null });
  for (const w of forward.accepts) {
    const positive = w.sources.find((s) => !s.negated && s.nets.length > 0);
    let source = client;
    if (positive !== undefined) {
      const net = positive.nets[0];
      source = hostOf(family, net);
      if (source === destination) continue;
    } else if (w.sources.some((s) => s.negated && s.nets.some((n) => inNet(client, n)))) {
      const other = addressOutside(family, [single(family, destination), ...w.sources.flatMap((s) => s.nets)], CLIENT[family]);
      if (other === null) return null;
      source = other;
    }
    for (const iface of interfacesFor(fixedIn, w)) probes.push({ input: make(flow.protocol, source, destination, flow.port, iface), route: null });
  }
  return probes;
}

/** A protocol and destination port that the ACCEPT rule takes, or null when its protocol or ports are negated in a way not read here. */
function shape(w: RuleMatches): { protocol: number; port: number } | null {
  let protocol = 6;
  if (w.protocol !== null) {
    if (w.protocolNegated) protocol = w.protocol === 6 ? 17 : 6;
    else protocol = w.protocol;
  }
  let port = 443;
  if (w.destinationPorts !== null) {
    if (!w.destinationPortsNegated) port = w.destinationPorts[0].min;
    else {
      const taken = (p: number) => w.destinationPorts!.some((r) => p >= r.min && p <= r.max);
      const free = [443, 80, 8080, 1, 65535].find((p) => !taken(p));
      if (free === undefined) return null;
      port = free;
    }
  }
  return { protocol, port };
}

/**
 * An address of the flow's side (`inside`: in the flow's network; else outside it) that the
 * rule's address matches take: "none" when none can, "unsure" when one may but the reader does
 * not find it.
 */
function pickAddress(family: Family, matches: readonly { nets: Net[]; negated: boolean }[], flowNet: Net, base: bigint, inside: boolean): bigint | "none" | "unsure" {
  let address = base;
  const positive = matches.filter((m) => !m.negated);
  const negative = matches.filter((m) => m.negated).flatMap((m) => m.nets);
  if (positive.length > 1) return "unsure";
  if (positive.length === 1) {
    const nets = positive[0].nets.filter((n) => (inside ? overlaps(n, flowNet) : !within(n, flowNet)));
    if (nets.length === 0) return "none";
    const net = nets[0];
    if (inside) address = within(net, flowNet) ? hostOf(family, net) : base;
    else {
      address = net.exact === true ? net.network : hostOf(family, net);
      if (inNet(address, flowNet)) return "unsure";
    }
  }
  if (negative.some((n) => inNet(address, n))) {
    if (inside && negative.some((n) => within(flowNet, n))) return "none";
    if (positive.length === 1 || inside) return "unsure";
    const other = addressOutside(family, [flowNet, ...negative], OUTSIDE[family]);
    return other ?? "unsure";
  }
  return address;
}
