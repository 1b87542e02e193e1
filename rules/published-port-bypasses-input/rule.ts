/**
 * published-port-bypasses-input: an INPUT rule drops or rejects a port that the nat table DNATs
 * to a container or pod (Docker's published ports, CNI portmap, NodePorts): the DNATed packets
 * are forwarded, never delivered, so they pass through FORWARD and the INPUT rule never sees
 * them. Found with the packet walk: the packet to the node's port is traced as the node handles
 * it (forwarded and accepted), and as INPUT would see it without the nat table (dropped by that
 * rule). See README.md beside this file.
 */
import type { CommandLine, Document } from "../../grammar/index.js";
import { NONE, type LineNo, type NameId, type TableModel } from "../model/index.js";
import type { Family } from "../netfilter/index.js";
import {
  addressOutside,
  bridgeRoutes,
  decidingStep,
  dumpNode,
  formatAddress,
  hostOf,
  parseAddress,
  protocolName,
  readMatches,
  routeTo,
  TraceError,
  tracePacket,
  type Net,
  type Outcome,
  type RuleMatches,
  type TraceInput,
} from "../packet/index.js";
import type { Fix, RuleModule } from "../types.js";

const ID = "published-port-bypasses-input";

/** Bounds: port-keyed INPUT rules looked at, ports per rule, packets traced per ruleset. */
const MAX_BLOCKS = 16;
const MAX_PORTS = 4;
const MAX_TRACES = 48;
const MAX_BAN_SOURCES = 3;

/** The node's own address and an outside client's, when the dump names none: documentation addresses. */
const NODE = { 4: ["192.0.2.1", "192.0.2.201"], 6: ["2001:db8::1", "2001:db8::201"] } as const;
const CLIENT = { 4: ["198.51.100.9", "203.0.113.9"], 6: ["2001:db8:ffff::9", "2001:db8:fffe::9"] } as const;
/** An interface name no rule names: a packet from the outside on the node's uplink. */
const UPLINK = "uplink0";

/** An INPUT rule that drops, rejects or jumps by destination port. */
interface PortBlock {
  line: CommandLine;
  matches: RuleMatches;
  protocol: number;
  ports: number[];
}

export const publishedPortBypassesInput: RuleModule = {
  id: ID,
  description: "An INPUT rule blocks a port that nat DNATs to a container or pod: the packets are forwarded, never see INPUT, and the port stays open",
  severity: "warning",
  fixable: "unsafe",
  check(context) {
    const { model, document } = context;
    const family: Family = model.family()?.family ?? 4;
    const filter = model.tables().find((t) => t.table.name === "filter");
    const nat = model.tables().find((t) => t.table.name === "nat");
    if (filter === undefined || nat === undefined || filter.partial || nat.partial) return;
    // No DNAT at all: nothing is published.
    if (model.lines.linesTargeting("DNAT").length === 0) return;
    const blocks = portBlocks(document, filter, family, () => publishedPorts(document, model.lines.linesWith({ options: ["--dport", "--destination-port"], modules: ["multiport"] }), nat, family));
    if (blocks.length === 0) return;

    const bridges = bridgeRoutes(model, family);
    let traces = 0;
    const reported = new Set<number>();
    const tried = new Set<string>();
    for (const block of blocks) {
      for (const port of block.ports) {
        for (const input of packetsFor(block, port, family, filter)) {
          const key = `${input.protocol} ${input.source} ${input.destination} ${input.destinationPort} ${input.inInterface}`;
          if (tried.has(key)) continue;
          tried.add(key);
          if ((traces += 3) > MAX_TRACES) return;
          const finding = judge(document, family, input, block, bridges);
          if (finding === null || reported.has(finding.deciding.index)) continue;
          reported.add(finding.deciding.index);
          context.report({
            range: finding.deciding.range,
            message: `${protocolName(block.protocol)} port ${port} is DNATed to ${finding.to} (${finding.dnat}) and forwarded: INPUT never sees it, so this ${finding.verdict} leaves the port open`,
            fix: mirrorFix(document, filter, finding.deciding, block, port) ?? undefined,
          });
        }
      }
    }
  },
};

/**
 * The filter rules INPUT reaches that drop, reject or jump to a user chain by destination port
 * (ufw's `--dport 5432 -j DROP`, fail2ban's `-m multiport --dports 5432 -j f2b-postgres`).
 */
function portBlocks(document: Document, filter: TableModel, family: Family, published: () => { protocol: number; port: number }[]): PortBlock[] {
  const candidates: { n: LineNo; chain: NameId }[] = [];
  const text = document.text;
  // The filter table's rules, not the whole dump's port lines: a kube-proxy dump's are in nat.
  filter.chains.forEachRule((n, chain) => {
    const target = filter.targetName(n);
    if (target === undefined || (target !== "DROP" && target !== "REJECT" && !filter.chains.isUserChain(target))) return;
    // --dport, --dports, --destination-port(s): read closely below.
    const rule = filter.ruleText(n);
    if (!text.slice(rule.start, rule.end).includes("port")) return;
    candidates.push({ n, chain });
  });
  candidates.sort((a, b) => a.n - b.n);
  if (candidates.length === 0) return [];
  const reach = filter.hooks.hooksReaching(["INPUT"], candidates.map((c) => c.chain));
  const blocks: PortBlock[] = [];
  candidates.forEach(({ n }, k) => {
    if (reach[k].length === 0 || blocks.length >= MAX_BLOCKS) return;
    const line = document.line(n) as CommandLine;
    const matches = readMatches(line, family);
    if (matches.unread || matches.protocol === null || matches.protocolNegated || matches.destinationPorts === null || matches.destinationPortsNegated) return;
    const ports: number[] = [];
    for (const range of matches.destinationPorts) {
      // A range (NodePorts' 30000:32767): the ports the nat table publishes in it.
      if (range.min === range.max) ports.push(range.min);
      else for (const p of published()) if (p.protocol === matches.protocol && p.port >= range.min && p.port <= range.max && !ports.includes(p.port)) ports.push(p.port);
    }
    blocks.push({ line, matches, protocol: matches.protocol, ports: ports.slice(0, MAX_PORTS) });
  });
  return blocks;
}

/** How many nat lines `publishedPorts` reads. */
const MAX_PUBLISHED_LINES = 256;

const publishedCache: WeakMap<Document, { protocol: number; port: number }[]> = new WeakMap();

/** The single ports that nat rules PREROUTING reaches match on (`--dport`): a DNAT's, or a jump's to the chains that DNAT (KUBE-NODEPORTS). */
function publishedPorts(document: Document, lines: ArrayLike<LineNo>, nat: TableModel, family: Family): { protocol: number; port: number }[] {
  let found = publishedCache.get(document);
  if (found !== undefined) return found;
  found = [];
  const reached = new Map<number, boolean>();
  for (let k = 0, read = 0; k < lines.length && read < MAX_PUBLISHED_LINES; k++) {
    const n = lines[k];
    const chain = nat.chainOf(n);
    if (chain === NONE || !nat.chains.keeps(n)) continue;
    let r = reached.get(chain);
    if (r === undefined) reached.set(chain, (r = nat.hooks.reaches("PREROUTING", chain)));
    if (!r) continue;
    read++;
    const m = readMatches(document.line(n) as CommandLine, family);
    if (m.unread || m.protocol === null || m.protocolNegated || m.destinationPortsNegated || m.destinationPorts === null) continue;
    // A service's cluster IP is not the node's: its rules are not published ports.
    if (m.destinations.some((d) => !d.negated)) continue;
    for (const range of m.destinationPorts) if (range.min === range.max) found.push({ protocol: m.protocol, port: range.min });
  }
  publishedCache.set(document, found);
  return found;
}

/**
 * The packets to try for a blocked port: from an outside client (and from the sources a ban
 * chain lists), to the node's address (or the one the INPUT rule names), on the uplink (or the
 * interface the INPUT rule names).
 */
function packetsFor(block: PortBlock, port: number, family: Family, filter: TableModel): TraceInput[] {
  const m = block.matches;
  const sources: bigint[] = [];
  const positiveSource = m.sources.find((s) => !s.negated && s.nets.length > 0);
  if (positiveSource !== undefined) sources.push(hostOf(family, positiveSource.nets[0]));
  else {
    const negated = m.sources.flatMap((s) => (s.negated ? s.nets : []));
    const client = addressOutside(family, negated, CLIENT[family]);
    if (client !== null) sources.push(client);
    // A ban chain: the sources its DROP and REJECT rules list.
    const target = block.line.target?.name;
    if (target !== undefined && filter.chains.isUserChain(target)) {
      for (const rule of filter.chains.get(target)?.rules ?? []) {
        if (sources.length > MAX_BAN_SOURCES) break;
        const verdict = rule.target?.name;
        if (verdict !== "DROP" && verdict !== "REJECT") continue;
        const banned = readMatches(rule, family).sources.find((s) => !s.negated && s.nets.length > 0);
        if (banned !== undefined) sources.push(hostOf(family, banned.nets[0]));
      }
    }
  }
  const positiveDestination = m.destinations.find((d) => !d.negated && d.nets.length === 1 && d.nets[0].exact === true);
  const destination = positiveDestination?.nets[0].network ?? addressOutside(family, m.destinations.flatMap((d) => d.nets), NODE[family]);
  if (destination === null) return [];
  const inInterface = m.inInterface !== null && !m.inInterface.negated ? m.inInterface.name.replace(/\+$/, "0") : UPLINK;
  return sources.map((source) => ({
    family,
    protocol: protocolName(block.protocol),
    protocolNumber: block.protocol,
    source: formatAddress(family, source),
    destination: formatAddress(family, destination),
    sourcePort: 40000,
    destinationPort: port,
    icmpType: null,
    icmpCode: null,
    inInterface,
    state: "new",
  }));
}

interface Judged {
  /** The INPUT rule that drops the packet when nat does not DNAT it. */
  deciding: CommandLine;
  verdict: string;
  /** `file:line` of the DNAT the packet takes. */
  dnat: string;
  /** Where it goes: `172.17.0.2:80`. */
  to: string;
}

/** Traces the packet as the node handles it and as INPUT would see it without nat; the finding when the first forwards and accepts it and the second drops it at this block. */
function judge(document: Document, family: Family, input: TraceInput, block: PortBlock, bridges: readonly { net: Net; dev: string }[]): Judged | null {
  const nodeAddress = parseAddress(input.destination)!.address;
  const node = dumpNode(family, nodeAddress, null);
  let real: Outcome[];
  let local: Outcome[];
  try {
    real = tracePacket([document], input, node, { family }).outcomes;
    // Where the DNAT sends it, on a bridge the dump names: traced again with that route.
    const destinations = new Set(real.map((o) => o.packet.destination));
    const to = destinations.size === 1 ? parseAddress([...destinations][0]) : null;
    const route = to === null ? null : routeTo(bridges, to.address);
    if (route !== null) real = tracePacket([document], input, dumpNode(family, nodeAddress, route), { family }).outcomes;
    if (real.length === 0 || !real.every((o) => o.verdict === "accept" && o.delivery === "forward")) return null;
    local = tracePacket([document], input, node, { family, withoutTables: ["nat"] }).outcomes;
  } catch (error) {
    if (error instanceof TraceError) return null;
    throw error;
  }
  const dnat = real[0].path.find((s) => s.table === "nat" && s.target === "DNAT");
  if (dnat === undefined) return null;
  // Dropped or rejected in INPUT, every way, by one rule that the port block is (or leads to).
  let deciding: number | null = null;
  for (const o of local) {
    if (o.verdict !== "drop" && o.verdict !== "reject") return null;
    const step = decidingStep(o);
    if (step === null || step.table !== "filter" || (step.target !== "DROP" && step.target !== "REJECT")) return null;
    if (!o.path.some((s) => s.line === block.line.index + 1)) return null;
    if (deciding !== null && deciding !== step.line) return null;
    deciding = step.line;
  }
  if (deciding === null) return null;
  const after = dnat.after;
  const to = after === undefined ? "its DNAT target" : family === 6 ? `[${after.destination}]:${after.destinationPort}` : `${after.destination}:${after.destinationPort}`;
  return { deciding: document.line(deciding - 1) as CommandLine, verdict: (document.line(deciding - 1) as CommandLine).target?.name ?? "DROP", dnat: `${dnat.filePath.slice(dnat.filePath.lastIndexOf("/") + 1)}:${dnat.line}`, to };
}

/** Matches a rule may have for its block to be mirrored into DOCKER-USER as it is. */
const MIRRORED_GENERIC = new Set(["-p", "--protocol", "-s", "--source", "--src", "-i", "--in-interface"]);
const MIRRORED_MATCHES = new Set(["tcp", "udp", "sctp", "comment"]);

/**
 * Docker's own recipe: the same block in DOCKER-USER, keyed on the port the client asked for
 * (`-m conntrack --ctorigdstport P --ctdir ORIGINAL`), which FORWARD runs first. Offered only
 * when that is sure to block what the INPUT rule meant: FORWARD's first rule jumps to DOCKER-USER
 * unconditionally, the dump only appends rules, and the INPUT rule is itself the port block with
 * nothing but a protocol, one port, a source, an interface and a comment.
 */
function mirrorFix(document: Document, filter: TableModel, deciding: CommandLine, block: PortBlock, port: number): Fix | null {
  if (deciding !== block.line || !filter.appendOnly) return null;
  const ports = block.matches.destinationPorts;
  if (ports === null || ports.length !== 1 || ports[0].min !== ports[0].max) return null;
  const forward = filter.chains.get("FORWARD")?.rules ?? [];
  const first = forward[0];
  if (first === undefined || first.target?.name !== "DOCKER-USER" || first.target.kind !== "jump" || first.view.count !== 1) return null;
  const dockerUser = filter.chains.get("DOCKER-USER")?.rules ?? [];
  if (dockerUser.length === 0) return null;
  const view = deciding.view;
  const parts: string[] = [];
  let targetWords = "";
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    const name = view.name(i);
    if (role === "generic") {
      if (!MIRRORED_GENERIC.has(name) || view.lateBang(i)) return null;
      parts.push(view.written(i));
    } else if (role === "match") {
      if (!MIRRORED_MATCHES.has(view.value(i) ?? "")) return null;
    } else if (role === "module") {
      if (name === "--dport" || name === "--destination-port" || name === "--comment") continue;
      if (view.targetIndex() !== -1 && i > view.targetIndex()) targetWords += ` ${view.written(i)}`;
      else return null;
    } else if (role === "jump") {
      targetWords = `${view.written(i)}${targetWords}`;
    } else if (role !== "command") return null;
  }
  if (!targetWords.startsWith("-j DROP") && !targetWords.startsWith("-j REJECT")) return null;
  const text = `-A DOCKER-USER ${parts.join(" ")} -m conntrack --ctorigdstport ${port} --ctdir ORIGINAL ${targetWords}\n`;
  const at = lineStart(document.text, dockerUser[0].range.start);
  return { title: `block port ${port} in DOCKER-USER too`, applicability: "unsafe", edits: [{ start: at, end: at, text }] };
}

function lineStart(text: string, offset: number): number {
  const nl = text.lastIndexOf("\n", offset - 1);
  return nl + 1;
}
