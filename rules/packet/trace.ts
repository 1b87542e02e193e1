/**
 * The packet walk: what happens to one packet in a node's whole ruleset, in the kernel's order
 * of hooks and tables (net/netfilter: each table registers at its hook with its priority):
 *
 *   arriving:  PREROUTING raw, mangle, nat -> routing decision ->
 *              INPUT mangle, filter, security, nat            (for the node)
 *              FORWARD mangle, filter, security -> POSTROUTING mangle, nat   (routed on)
 *   sent:      routing decision -> OUTPUT raw, mangle, nat, filter, security (routed again when
 *              mangle or nat changed the destination) -> POSTROUTING mangle, nat; to one of the
 *              node's own addresses it then comes back in by lo: PREROUTING raw, mangle ->
 *              INPUT mangle, filter, security.
 *
 * The nat table sees a connection's first packet only (state NEW), once per direction of
 * rewriting; conntrack runs after raw, so raw sees no connection. A later packet of the
 * connection (state ESTABLISHED, going the way its first packet went) gets the connection's
 * NAT at the same hooks: the walk works it out by walking nat as the first packet would (its
 * rules' counters do not move for this packet) and says which rule chose it. The routing
 * decisions follow the node's policy routing rules (`ip rule`: a packet's mark picks a table).
 * Where a match cannot be decided (a rate limit, a random pick, an address the node's files do
 * not tell) the walk follows both ways and says under which condition, with its probability
 * when it has one.
 */
import type { Document } from "../../grammar/index.js";
import { IdSlots, modelOf, NONE, type Backend, type NameId, type None, type TableModel } from "../model/index.js";
import type { Family, Hook, XMark } from "../netfilter/index.js";
import { formatAddress, parseAddress } from "./addresses.js";
import { compileChain, formatKey, hasConnection, TableRules, type Action, type CompiledChain, type CompiledRule, type ConnState, type Maybe, type Place, type WalkPacket } from "./compile.js";
import { MarkState } from "./marks.js";
import { NodeInfo, type Route } from "./node.js";
import type { CtStateName, Packet } from "./packet.js";

/** A packet to trace: its headers, and what the connection and the mark are. */
export interface TraceInput extends Packet {
  /** The connection's state: a first packet (the default) or one of an established connection. */
  state?: CtStateName;
  /** The packet's mark as it arrives (or as its socket sets it). */
  mark?: number;
}

/** The packet as an outcome leaves it. */
export interface TracedPacket {
  protocol: string;
  /** Null when MASQUERADE gave it an address the node's files do not tell. */
  source: string | null;
  destination: string;
  sourcePort: number | null;
  destinationPort: number | null;
  /** `0x4000`, or `value/known-bits` when some bits are not known. */
  mark: string;
  inInterface: string | null;
  outInterface: string | null;
}

export interface PathStep {
  filePath: string;
  /** 1-based. */
  line: number;
  table: string;
  chain: string;
  target: string | null;
  /** The packet after a rule that changed it (NAT, MARK, CONNMARK). */
  after?: TracedPacket;
}

export interface PolicyStep {
  filePath: string;
  line: number | null;
  table: string;
  chain: string;
  policy: string;
  /** How many rules of the path the packet had matched when it met this policy (to show them in order). */
  afterStep: number;
}

export type Verdict = "accept" | "drop" | "reject" | "queue";
export type Delivery = "local" | "forward" | "out";

/**
 * Where a later packet of a connection got the connection's NAT: the hook, the nat rules its
 * first packet matched there (their counters do not move for this packet) and the packet after.
 */
export interface ConnectionNatStep {
  hook: Hook;
  firstPacketPath: PathStep[];
  /** The packet after the translation. */
  after: TracedPacket;
  /** How many rules of the path the packet had matched when it was translated (to show it in order). */
  afterStep: number;
}

export interface Outcome {
  verdict: Verdict;
  /** For `accept`: delivered to the node, forwarded, or sent out by the node. */
  delivery: Delivery | null;
  /** Null when some condition has no known probability. */
  probability: number | null;
  /** The undecided matches this outcome assumes, in the order met. */
  conditions: string[];
  path: PathStep[];
  /** The built-in chains whose policy the packet met. */
  policies: PolicyStep[];
  packet: TracedPacket;
  /** Why, when no rule or policy decided it (no route). */
  reason?: string;
  /** Choices the walk made for the packet: the first of a NAT range. */
  notes: string[];
  /** The hooks the packet entered, in order (PREROUTING, INPUT, ...): where it went before its verdict. */
  hooks: Hook[];
  /** For a later packet of a connection (state established): where it got the connection's NAT. */
  connectionNat: ConnectionNatStep[];
}

export interface TraceResult {
  family: Family;
  outcomes: Outcome[];
  /** The files of the packet's family whose tables the walk read. */
  files: string[];
}

export interface TraceOptions {
  /** The documents' family when their headers and names do not tell (`--family`). */
  family?: Family;
  /** The backend that loads the rules, when the files' headers do not tell (it orders INPUT's security and nat tables). */
  backend?: Backend;
  /** The most outcomes one trace may have; more is an error. */
  maxOutcomes?: number;
  /** Tables to walk as if the documents had none (`["nat"]`: the packet as INPUT would see it, not DNATed). */
  withoutTables?: readonly string[];
}

/** A trace that cannot be made: documents that give a table twice, a packet of no family the files have. */
export class TraceError extends Error {}

const TABLES_AT: Readonly<Record<Hook, readonly string[]>> = {
  PREROUTING: ["raw", "mangle", "nat"],
  // The kernel's security table is at priority 50, before nat INPUT (100); iptables-nft 1.8.9
  // makes its security chains at 150, after it (measured by lab: test/conformance/kernel-hooks).
  INPUT: ["mangle", "filter", "security", "nat"],
  FORWARD: ["mangle", "filter", "security"],
  OUTPUT: ["raw", "mangle", "nat", "filter", "security"],
  POSTROUTING: ["mangle", "nat"],
};

const NFT_INPUT = ["mangle", "filter", "nat", "security"];
const NFT_KEY = "the ruleset is loaded by iptables-nft (its security INPUT chain runs after nat INPUT)";

const MAX_DEPTH = 64;

/** What Walk.decided answers when every test of a rule is decided (else the first undecided test's index). */
const MATCHED = -1;
const MISSED = -2;

/** A document's table, compiled chain by chain as the walk enters them. */
class TableChains {
  /** The chains the walk has entered, by name (built-in chains, jumps compiled without ids) and by the id of their name. */
  private readonly compiled = new Map<string, CompiledChain | null>();
  /** By the id of the name (the model's ids are dense: an array, where a Map of 60,000 chains cost the walk more than the chains). */
  private readonly byId = new IdSlots<CompiledChain | null>();
  private readonly policies = new Map<string, { policy: string; line: number | null }>();
  /** The table's rules, compiled as the walk tries them. */
  private readonly rules: TableRules;

  constructor(
    readonly model: TableModel,
    document: Document,
    readonly filePath: string,
    readonly family: Family,
    readonly backend: Backend | null,
  ) {
    // The replay's list of `:NAME POLICY` lines not `-` (the table's 60,000 declarations are not made).
    for (const d of model.policyDeclarations) if (d.policy !== null && d.policy !== "-") this.policies.set(d.name, { policy: d.policy, line: d.index });
    for (const c of model.policyCommands) {
      const [chain, policy] = c.positional.map((w) => w.value);
      if (chain !== undefined && policy !== undefined) this.policies.set(chain, { policy, line: c.index });
    }
    this.rules = new TableRules(document, model, family);
  }

  chain(name: string): CompiledChain | undefined {
    let c = this.compiled.get(name);
    if (c === undefined) this.compiled.set(name, (c = this.chainWithId(this.model.idOf(name), name) ?? null));
    return c ?? undefined;
  }

  /** The chain a jump enters: by the id of its name when the compile knew it (no name looked up). */
  jumpTarget(jump: Extract<Action, { kind: "jump" }>): CompiledChain | undefined {
    return jump.chainId === NONE ? this.chain(jump.chain) : this.chainWithId(jump.chainId as NameId, jump.chain);
  }

  private chainWithId(id: NameId | None, name: string): CompiledChain | undefined {
    if (id === NONE) return undefined;
    let c = this.byId.get(id);
    if (c === undefined) {
      // The chain's rules by line number, from the model's links (no line node made until the walk tries a rule).
      const chains = this.model.chains;
      if (!chains.exists(id)) c = null;
      else {
        const policy = this.policies.get(name);
        const builtin = this.model.builtins.has(name);
        c = compileChain(name, this.model.table.name ?? "filter", chains.rulesOf(id), this.rules, builtin ? (policy?.policy ?? "ACCEPT") : null, policy?.line ?? null);
      }
      this.byId.set(id, c);
    }
    return c ?? undefined;
  }
}

const compiledDocuments = new WeakMap<Document, Map<string, TableChains>>();

function tablesOf(document: Document, family: Family, configured: Family | undefined): Map<string, TableChains> {
  let tables = compiledDocuments.get(document);
  if (tables === undefined) {
    tables = new Map();
    // The model the document has (the lint's, when a rule traces) unless it reads another family:
    // asking for a family the model already reads would build and cache a second model.
    const known = modelOf(document);
    const model = configured === undefined || known.family()?.family === configured ? known : modelOf(document, { family: { family: configured, because: `--family ${configured}` } });
    for (const t of model.tables()) {
      const name = t.table.name;
      if (name === null || !(name in { raw: 1, mangle: 1, nat: 1, filter: 1, security: 1 })) continue;
      tables.set(name, new TableChains(t, document, document.filePath ?? "<input>", family, model.backend()));
    }
    compiledDocuments.set(document, tables);
  }
  return tables;
}

/** A list that forks share: each branch adds to its own end (a fork copies nothing). */
interface List<T> {
  readonly value: T;
  readonly prev: List<T> | null;
  readonly length: number;
}

const push = <T>(list: List<T> | null, value: T): List<T> => ({ value, prev: list, length: (list?.length ?? 0) + 1 });

function toArray<T>(list: List<T> | null): T[] {
  const out: T[] = new Array(list?.length ?? 0);
  for (let at = list; at !== null; at = at.prev) out[at.length - 1] = at.value;
  return out;
}

/** One way the walk goes: the packet, and what it assumed and met on the way. */
interface Branch {
  p: WalkPacket;
  probability: number;
  probabilityKnown: boolean;
  /** The undecided matches it assumed, and which way. */
  assumed: List<{ key: string; holds: boolean }> | null;
  path: List<PathStep> | null;
  policies: List<PolicyStep> | null;
  notes: List<string> | null;
  hooks: List<Hook> | null;
  /** The nat table has chosen this connection's destination, source rewriting. */
  destinationNatDone: boolean;
  sourceNatDone: boolean;
  connectionNat: List<ConnectionNatStep> | null;
  /** The MARKs the nat table gave the connection's first packet (not this one): the first packet still had them at the next nat hook. */
  firstPacketMarks: List<XMark> | null;
  /** A walk of the connection's first packet through nat, for a later packet's NAT: it collects the MARKs it meets. */
  firstPacket: boolean;
  /** The destination and mark before an OUTPUT table that may change them (the kernel routes the packet again when they change). */
  routedAs: { destination: bigint; mark: string } | null;
}

/** Appends `items` to `list` (a loop: a spread of an empty list costs the walk a compile, see Walk). */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) list.push(items[k]);
}

/** The assumptions as an outcome lists them, first met first. */
function conditionsOf(list: List<{ key: string; holds: boolean }> | null): string[] {
  const out = new Array<string>(list?.length ?? 0);
  for (let at = list; at !== null; at = at.prev) out[at.length - 1] = at.value.holds ? at.value.key : `not: ${at.value.key}`;
  return out;
}

function assumedOf(b: Branch, key: string): boolean | undefined {
  for (let at = b.assumed; at !== null; at = at.prev) if (at.value.key === key) return at.value.holds;
  return undefined;
}

/**
 * The walk's branches, packets and connections are made by these three functions only, each
 * one object literal naming every field: objects of one map, so that the walk's reads of them
 * stay monomorphic (copies made by spread took new maps, and made those reads megamorphic).
 */
function branchOf(b: Omit<Branch, "p">, p: WalkPacket): Branch {
  return {
    p,
    probability: b.probability,
    probabilityKnown: b.probabilityKnown,
    assumed: b.assumed,
    path: b.path,
    policies: b.policies,
    notes: b.notes,
    hooks: b.hooks,
    destinationNatDone: b.destinationNatDone,
    sourceNatDone: b.sourceNatDone,
    connectionNat: b.connectionNat,
    firstPacketMarks: b.firstPacketMarks,
    firstPacket: b.firstPacket,
    routedAs: b.routedAs,
  };
}

function packetOf(p: Omit<WalkPacket, "ct">, ct: ConnState): WalkPacket {
  return {
    family: p.family,
    protocol: p.protocol,
    protocolNumber: p.protocolNumber,
    source: p.source,
    destination: p.destination,
    sourcePort: p.sourcePort,
    destinationPort: p.destinationPort,
    icmpType: p.icmpType,
    icmpCode: p.icmpCode,
    inInterface: p.inInterface,
    outInterface: p.outInterface,
    route: p.route,
    mark: p.mark,
    tcpFlags: p.tcpFlags,
    ct,
    local: p.local,
    tproxy: p.tproxy,
  };
}

function connectionOf(c: ConnState): ConnState {
  return { state: c.state, dnat: c.dnat, snat: c.snat, mark: c.mark, original: c.original, originalDirection: c.originalDirection };
}

function clone(b: Branch): Branch {
  // tcpFlags is replaced, never changed in place: the copies share it.
  return branchOf(b, packetOf(b.p, connectionOf(b.p.ct)));
}

/** A path step; the packet after it is formatted when asked for. */
class Step implements PathStep {
  private packetAfter: TracedFields | undefined;

  constructor(
    readonly filePath: string,
    readonly line: number,
    readonly table: string,
    readonly chain: string,
    readonly target: string | null,
  ) {}

  snapshot(p: WalkPacket): void {
    // What `traced` reads, not the whole packet: the walk changes the packet after this step.
    const { family, protocol, source, destination, sourcePort, destinationPort, mark, inInterface, outInterface } = p;
    this.packetAfter = { family, protocol, source, destination, sourcePort, destinationPort, mark, inInterface, outInterface };
  }

  get after(): TracedPacket | undefined {
    return this.packetAfter === undefined ? undefined : traced(this.packetAfter);
  }
}

type Exit = { b: Branch; verdict: Verdict | null };

/** What Walk.act gives: the branch goes on to the chain's next rule, or leaves the chain. */
type Acted = { kind: "next"; b: Branch } | { kind: "exit"; exit: Exit };
const next = (branch: Branch): Acted => ({ kind: "next", b: branch });
const exit = (branch: Branch, verdict: Verdict | null): Acted => ({ kind: "exit", exit: { b: branch, verdict } });

/** Traces a packet through the documents' tables of its family. */
export function tracePacket(documents: readonly Document[], input: TraceInput, node: NodeInfo = new NodeInfo(), options: TraceOptions = {}): TraceResult {
  const family = input.family;
  const tables = new Map<string, TableChains>();
  const files: string[] = [];
  for (const document of documents) {
    const docFamily = options.family ?? modelOf(document).family()?.family ?? null;
    if (docFamily !== null && docFamily !== family) continue;
    const own = tablesOf(document, family, options.family);
    if (own.size > 0) files.push(document.filePath ?? "<input>");
    for (const [name, t] of own) {
      if (options.withoutTables?.includes(name)) continue;
      const earlier = tables.get(name);
      if (earlier !== undefined) throw new TraceError(`${earlier.filePath} and ${t.filePath} both give the ${name} table for IPv${family}: give each table once`);
      tables.set(name, t);
    }
  }
  // The files' one backend, null when none or several tell it.
  let told: Backend | null | undefined;
  for (const t of tables.values()) if (t.backend !== null) told = told === undefined || told === t.backend ? t.backend : null;
  const backend = options.backend ?? told ?? null;
  return new Walk(tables, node, family, backend, options.maxOutcomes ?? 4096).run(input, files);
}

class Walk {
  private forks = 0;

  constructor(
    private readonly tables: ReadonlyMap<string, TableChains>,
    private readonly node: NodeInfo,
    private readonly family: Family,
    private readonly backend: Backend | null,
    private readonly maxOutcomes: number,
  ) {}

  /** Whether a table has rules at a hook. */
  private hasRules(table: string, hook: Hook): boolean {
    return (this.tables.get(table)?.chain(hook)?.size ?? 0) > 0;
  }

  run(input: TraceInput, files: string[]): TraceResult {
    const state = input.state ?? "new";
    const source = parseAddress(input.source)!.address;
    const destination = parseAddress(input.destination)!.address;
    const tcp = input.protocolNumber === 6;
    const ct = connectionOf({
      state: state.toUpperCase() as WalkPacket["ct"]["state"],
      dnat: state === "new" ? false : null,
      snat: state === "new" ? false : null,
      // A new connection's mark is 0; an older one's is whatever rules saved in it.
      mark: state === "new" ? MarkState.exactly(0) : MarkState.unknown(),
      // An established packet is taken to go the way its connection's first packet went.
      original: state === "new" || state === "established" ? { source, destination, sourcePort: input.sourcePort, destinationPort: input.destinationPort } : null,
      originalDirection: state === "new" || state === "established" ? true : null,
    });
    const p = packetOf(
      {
        family: input.family,
        protocol: input.protocol,
        protocolNumber: input.protocolNumber,
        source,
        destination,
        sourcePort: input.sourcePort,
        destinationPort: input.destinationPort,
        icmpType: input.icmpType,
        icmpCode: input.icmpCode,
        inInterface: input.inInterface ?? "",
        outInterface: "",
        route: undefined,
        mark: MarkState.exactly(input.mark ?? 0),
        // A first packet is a SYN; an established connection's has ACK set and SYN clear, the rest unknown.
        tcpFlags: !tcp ? { known: 0x3f, value: 0 } : state === "new" ? { known: 0x3f, value: 0x02 } : state === "established" ? { known: 0x12, value: 0x10 } : { known: 0, value: 0 },
        local: input.inInterface === null,
        tproxy: false,
      },
      ct,
    );
    const b = branchOf(
      {
        probability: 1,
        probabilityKnown: true,
        assumed: null,
        path: null,
        policies: null,
        notes: null,
        hooks: null,
        // nat runs for a connection's first packet: a new one's, or the first of a related one (an
        // expected connection); an established one gets the NAT its first packet got; an invalid one has none.
        destinationNatDone: state === "invalid",
        sourceNatDone: state === "invalid",
        connectionNat: null,
        firstPacketMarks: null,
        firstPacket: false,
        routedAs: null,
      },
      p,
    );
    const outcomes = input.inInterface === null ? this.sent(b) : this.arriving(b);
    return { family: this.family, outcomes, files };
  }

  // The walk's lists are read with index loops and filled by push, never spread or read by for-of:
  // an empty list has another array map than a full one, and an optimized for-of or spread that
  // meets it is thrown away and compiled again (compiling the walk is about a quarter of a cold trace's work).

  private arriving(b: Branch): Outcome[] {
    const outcomes: Outcome[] = [];
    const exits = this.hook("PREROUTING", [b]);
    for (let e = 0; e < exits.length; e++) {
      const exit = exits[e];
      if (exit.verdict !== null) {
        outcomes.push(this.outcome(exit.b, exit.verdict, null));
        continue;
      }
      const ways = this.isLocal(exit.b);
      for (let w = 0; w < ways.length; w++) {
        const [branch, local] = ways[w];
        if (local) this.finish(this.hook("INPUT", [branch]), "local", outcomes);
        else this.forward(branch, outcomes);
      }
    }
    return outcomes;
  }

  private forward(b: Branch, outcomes: Outcome[]): void {
    const routed = this.routeOut(b);
    if (routed !== null) {
      outcomes.push(routed);
      return;
    }
    const afterForward = this.hook("FORWARD", [b]);
    for (let e = 0; e < afterForward.length; e++) {
      const exit = afterForward[e];
      if (exit.verdict !== null) outcomes.push(this.outcome(exit.b, exit.verdict, null));
      else this.finish(this.hook("POSTROUTING", [exit.b]), "forward", outcomes);
    }
  }

  private sent(b: Branch): Outcome[] {
    const outcomes: Outcome[] = [];
    const ways = this.isLocal(b);
    for (let w = 0; w < ways.length; w++) {
      const [branch, local] = ways[w];
      if (local) branch.p.outInterface = "lo";
      else {
        const unroutable = this.routeOut(branch);
        if (unroutable !== null) {
          outcomes.push(unroutable);
          continue;
        }
      }
      const exits = this.hook("OUTPUT", [branch]);
      for (let e = 0; e < exits.length; e++) {
        const exit = exits[e];
        if (exit.verdict !== null) {
          outcomes.push(this.outcome(exit.b, exit.verdict, null));
          continue;
        }
        const posts = this.hook("POSTROUTING", [exit.b]);
        for (let q = 0; q < posts.length; q++) {
          const post = posts[q];
          if (post.verdict !== null) {
            outcomes.push(this.outcome(post.b, post.verdict, null));
            continue;
          }
          if (post.b.p.outInterface !== "lo") {
            outcomes.push(this.outcome(post.b, "accept", "out"));
            continue;
          }
          // To the node itself: back in by lo, with its connection (nat has chosen both ways).
          const back = post.b;
          back.p.inInterface = "lo";
          back.p.outInterface = "";
          const input: Exit[] = [];
          const pres = this.hook("PREROUTING", [back], true);
          for (let r = 0; r < pres.length; r++) {
            const pre = pres[r];
            if (pre.verdict !== null) outcomes.push(this.outcome(pre.b, pre.verdict, null));
            else pushAll(input, this.hook("INPUT", [pre.b]));
          }
          this.finish(input, "local", outcomes);
        }
      }
    }
    return outcomes;
  }

  private finish(exits: Exit[], delivery: Delivery, outcomes: Outcome[]): void {
    for (let k = 0; k < exits.length; k++) {
      const e = exits[k];
      outcomes.push(this.outcome(e.b, e.verdict ?? "accept", e.verdict === null || e.verdict === "accept" ? delivery : null));
    }
  }

  /** Whether the packet is for the node: the branches where it is, and where it is not. */
  private isLocal(b: Branch): [Branch, boolean][] {
    const p = b.p;
    if (p.tproxy) return [[b, true]];
    const local = this.node.isLocal(p.family, p.destination);
    if (local !== null) return [[b, local || this.node.isBroadcast(p.family, p.destination) === true]];
    const key = `${formatKey(p.family, p.destination)} is an address of the node`;
    const known = assumedOf(b, key);
    if (known !== undefined) return [[b, known]];
    const other = this.fork(b);
    this.assume(b, { key, probability: null, negated: false }, true);
    this.assume(other, { key, probability: null, negated: false }, false);
    return [
      [b, true],
      [other, false],
    ];
  }

  /** Sets the outgoing interface from the routes; an outcome when the packet has no way out. */
  private routeOut(b: Branch): Outcome | null {
    const p = b.p;
    // The policy routing rules (`ip rule`) pick the table by the packet's mark, source, interface.
    const chosen = this.node.routeFor(p.family, { destination: p.destination, source: p.source, mark: { known: p.mark.known, value: p.mark.value }, inInterface: p.inInterface });
    const route = chosen.route;
    if (chosen.undecided !== undefined) b.notes = push(b.notes, `the route is undecided: ${chosen.undecided}`);
    else if (chosen.rule !== undefined && route !== null && route !== undefined) b.notes = push(b.notes, `routed by ip rule ${chosen.rule.priority}${chosen.rule.table === null ? "" : ` (table ${chosen.rule.table})`}`);
    p.route = route;
    if (route === null) return { ...this.outcome(b, "drop", null), reason: `no route to ${formatAddress(p.family, p.destination)}` };
    if (route === undefined) {
      p.outInterface = null;
      return null;
    }
    if (route.type === "blackhole" || route.type === "unreachable" || route.type === "prohibit") return { ...this.outcome(b, "drop", null), reason: `the route to ${formatAddress(p.family, p.destination)} is ${route.type}` };
    p.outInterface = route.dev ?? null;
    return null;
  }

  /** Runs a hook's tables in priority order; exits with a verdict (not accept) or null (the packet goes on). */
  private hook(hook: Hook, branches: Branch[], loopedBack = false): Exit[] {
    for (let k = 0; k < branches.length; k++) branches[k].hooks = push(branches[k].hooks, hook);
    if (hook !== "INPUT" || this.backend === "legacy" || !this.hasRules("security", "INPUT") || !this.hasRules("nat", "INPUT")) return this.tablesAt(hook, this.backend === "nft" && hook === "INPUT" ? NFT_INPUT : TABLES_AT[hook], branches, loopedBack);
    if (this.backend === "nft") return this.tablesAt(hook, NFT_INPUT, branches, loopedBack);
    // Which of security and nat INPUT comes first depends on the backend the files do not name.
    const nft: Branch[] = [];
    const legacy: Branch[] = [];
    for (const b of branches) {
      const known = assumedOf(b, NFT_KEY);
      if (known !== undefined) (known ? nft : legacy).push(b);
      else {
        const other = this.fork(b);
        this.assume(b, { key: NFT_KEY, probability: null, negated: false }, true);
        this.assume(other, { key: NFT_KEY, probability: null, negated: false }, false);
        nft.push(b);
        legacy.push(other);
      }
    }
    const exits = this.tablesAt(hook, NFT_INPUT, nft, loopedBack);
    pushAll(exits, this.tablesAt(hook, TABLES_AT.INPUT, legacy, loopedBack));
    return exits;
  }

  private tablesAt(hook: Hook, order: readonly string[], branches: Branch[], loopedBack: boolean): Exit[] {
    let going = branches;
    const stopped: Exit[] = [];
    for (let o = 0; o < order.length; o++) {
      const name = order[o];
      const table = this.tables.get(name);
      const reroutes = hook === "OUTPUT" && (name === "mangle" || name === "nat");
      // On the branch, not by it: a branch the table forks (a random pick) is a copy that keeps it.
      if (reroutes) for (let k = 0; k < going.length; k++) going[k].routedAs = { destination: going[k].p.destination, mark: going[k].p.mark.key };
      if (name === "nat") {
        // nat chooses a connection's rewriting once, on its first packet.
        const destinationSide = hook === "PREROUTING" || hook === "OUTPUT";
        const next: Branch[] = [];
        for (let k = 0; k < going.length; k++) {
          const b = going[k];
          const done = destinationSide ? b.destinationNatDone : b.sourceNatDone;
          const state = b.p.ct.state;
          if ((state !== "NEW" && state !== "RELATED" && state !== "ESTABLISHED") || done || table === undefined) {
            next.push(b);
            continue;
          }
          if (state === "ESTABLISHED") {
            pushAll(next, this.connectionNat(table, hook, b, destinationSide));
            continue;
          }
          const exits = this.table(table, hook, b, false);
          for (let e = 0; e < exits.length; e++) {
            const exit = exits[e];
            if (destinationSide) exit.b.destinationNatDone = true;
            else exit.b.sourceNatDone = true;
            if (exit.verdict === null || exit.verdict === "accept") next.push(exit.b);
            else stopped.push(exit);
          }
        }
        going = next;
      } else if (table !== undefined) {
        const next: Branch[] = [];
        for (let k = 0; k < going.length; k++) {
          const exits = this.table(table, hook, going[k], name === "raw" && !loopedBack);
          for (let e = 0; e < exits.length; e++) {
            const exit = exits[e];
            if (exit.verdict === null || exit.verdict === "accept") next.push(exit.b);
            else stopped.push(exit);
          }
        }
        going = next;
      }
      if (name === "raw" && !loopedBack) {
        // Conntrack runs after raw: a packet raw left untracked has no connection.
        for (let k = 0; k < going.length; k++) if (going[k].p.ct.state === "UNTRACKED") going[k].destinationNatDone = going[k].sourceNatDone = true;
      }
      if (reroutes) {
        // The kernel routes a sent packet again when mangle or nat changed where it goes.
        const next: Branch[] = [];
        for (let k = 0; k < going.length; k++) {
          const b = going[k];
          const before = b.routedAs;
          if (before !== null && (before.destination !== b.p.destination || (name === "mangle" && before.mark !== b.p.mark.key))) {
            const ways = this.isLocal(b);
            for (let w = 0; w < ways.length; w++) {
              const [branch, local] = ways[w];
              if (local) {
                branch.p.outInterface = "lo";
                next.push(branch);
              } else {
                const unroutable = this.routeOut(branch);
                if (unroutable !== null) stopped.push({ b: branch, verdict: "drop" });
                else next.push(branch);
              }
            }
          } else next.push(b);
        }
        going = next;
      }
    }
    const exits: Exit[] = [];
    for (let k = 0; k < going.length; k++) exits.push({ b: going[k], verdict: null });
    pushAll(exits, stopped);
    return exits;
  }

  /**
   * A later packet of a connection at a nat hook: the kernel does not walk nat for it but applies
   * the rewriting the connection's first packet got there. The walk finds it by walking nat with
   * a copy of the packet as the first one was (state NEW, a SYN, the MARKs nat gave it before), and
   * gives this packet its addresses; one branch per way the first packet could go (a random pick).
   */
  private connectionNat(table: TableChains, hook: Hook, b: Branch, destinationSide: boolean): Branch[] {
    const p = b.p;
    const first = clone(b);
    let mark = p.mark;
    const marks = toArray(b.firstPacketMarks);
    for (let k = 0; k < marks.length; k++) mark = mark.apply(marks[k]);
    first.p.mark = mark;
    first.p.ct.state = "NEW";
    first.p.ct.dnat = p.ct.dnat === true;
    first.p.ct.snat = false;
    if (p.protocolNumber === 6) first.p.tcpFlags = { known: 0x3f, value: 0x02 };
    first.path = null;
    first.policies = null;
    first.firstPacket = true;
    first.firstPacketMarks = null;
    const out: Branch[] = [];
    const exits = this.table(table, hook, first, false);
    for (let e = 0; e < exits.length; e++) {
      const exit = exits[e];
      const f = exit.b;
      const later = branchOf(b, packetOf(p, connectionOf(p.ct)));
      later.probability = f.probability;
      later.probabilityKnown = f.probabilityKnown;
      later.assumed = f.assumed;
      later.notes = f.notes;
      if (destinationSide) later.destinationNatDone = true;
      else later.sourceNatDone = true;
      const steps = toArray(f.path);
      if (exit.verdict !== null && exit.verdict !== "accept") {
        const rule = steps.at(-1);
        later.notes = push(later.notes, `the connection's first packet would be dropped by nat/${hook}${rule === undefined ? "" : ` (${rule.filePath}:${rule.line})`}: no connection has this packet's addresses`);
        out.push(later);
        continue;
      }
      const rewritten = destinationSide ? f.p.ct.dnat === true : f.p.ct.snat === true;
      if (destinationSide) {
        later.p.ct.dnat = f.p.ct.dnat === true;
        later.p.destination = f.p.destination;
        later.p.destinationPort = f.p.destinationPort;
      } else {
        later.p.ct.snat = f.p.ct.snat === true;
        later.p.source = f.p.source;
        later.p.sourcePort = f.p.sourcePort;
      }
      later.firstPacketMarks = f.firstPacketMarks === null ? b.firstPacketMarks : toArray(f.firstPacketMarks).reduce((list, effect) => push(list, effect), b.firstPacketMarks);
      if (rewritten) later.connectionNat = push(later.connectionNat, { hook, firstPacketPath: steps, after: traced(later.p), afterStep: later.path?.length ?? 0 });
      out.push(later);
    }
    return out;
  }

  /** A table's built-in chain at a hook, then its policy. */
  private table(table: TableChains, hook: Hook, b: Branch, beforeConntrack: boolean): Exit[] {
    const chain = table.chain(hook);
    if (chain === undefined) return [{ b, verdict: null }];
    const at: Place = { hook, table: chain.table, node: this.node, beforeConntrack };
    const exits: Exit[] = [];
    const fromChain = this.chain(table, chain, b, at, 0);
    for (let e = 0; e < fromChain.length; e++) {
      const exit = fromChain[e];
      if (exit.verdict !== null) {
        exits.push(exit);
        continue;
      }
      const policy = chain.policy ?? "ACCEPT";
      exit.b.policies = push(exit.b.policies, { filePath: table.filePath, line: chain.policyLine === null ? null : chain.policyLine + 1, table: chain.table, chain: chain.name, policy, afterStep: exit.b.path?.length ?? 0 });
      exits.push({ b: exit.b, verdict: policy === "DROP" ? "drop" : policy === "ACCEPT" ? null : "drop" });
    }
    for (let e = 0; e < exits.length; e++) if (exits[e].verdict === "accept") exits[e] = { b: exits[e].b, verdict: null };
    return exits;
  }

  /** Walks a chain; an exit with verdict null fell off its end or met RETURN. */
  private chain(table: TableChains, chain: CompiledChain, start: Branch, at: Place, depth: number): Exit[] {
    if (depth > MAX_DEPTH) return [{ b: start, verdict: null }];
    const exits: Exit[] = [];
    const candidates = chain.candidates(start.p);
    // The branches still to walk, made when a rule first forks the walk.
    let work: [Branch, number][] | null = null;
    let b = start;
    let c = 0;
    for (;;) {
      // A branch goes on rule after rule, making nothing, while no rule forks it.
      for (;;) {
        if (c >= candidates.length) {
          exits.push({ b, verdict: null });
          break;
        }
        const rule = chain.rule(candidates[c]);
        const decided = this.decided(rule, b, at);
        if (decided === MISSED) {
          c++;
          continue;
        }
        let continuing: [Branch, number][];
        if (decided === MATCHED) {
          const results = this.act(table, chain, rule, b, at, depth);
          if (!Array.isArray(results)) {
            b = results;
            c++;
            continue;
          }
          continuing = [];
          for (let k = 0; k < results.length; k++) {
            const r = results[k];
            if (r.kind === "next") continuing.push([r.b, c + 1]);
            else exits.push(r.exit);
          }
        } else {
          continuing = [];
          const ways = this.evaluate(rule, b, at, decided);
          for (let w = 0; w < ways.length; w++) {
            const [branch, matched] = ways[w];
            if (!matched) {
              continuing.push([branch, c + 1]);
              continue;
            }
            const results = this.act(table, chain, rule, branch, at, depth);
            if (!Array.isArray(results)) {
              continuing.push([results, c + 1]);
              continue;
            }
            for (let k = 0; k < results.length; k++) {
              const r = results[k];
              if (r.kind === "next") continuing.push([r.b, c + 1]);
              else exits.push(r.exit);
            }
          }
        }
        // Pushed in reverse so that the first branch is walked first.
        work ??= [];
        for (let k = continuing.length - 1; k >= 0; k--) work.push(continuing[k]);
        break;
      }
      const pending = work?.pop();
      if (pending === undefined) break;
      [b, c] = pending;
    }
    return exits;
  }

  /** MATCHED or MISSED when every test of the rule is decided for the branch, else the first undecided test's index. */
  private decided(rule: CompiledRule, b: Branch, at: Place): number {
    const tests = rule.tests;
    for (let k = 0; k < tests.length; k++) {
      let a = tests[k](b.p, at);
      if (typeof a !== "boolean") {
        const known = assumedOf(b, a.key);
        if (known === undefined) return k;
        a = known !== a.negated;
      }
      if (!a) return MISSED;
    }
    return MATCHED;
  }

  /** What a matched rule does: the branch itself when it simply goes on to the chain's next rule (most rules), else each way it goes on or leaves the chain. */
  private act(table: TableChains, chain: CompiledChain, rule: CompiledRule, b: Branch, at: Place, depth: number): Branch | Acted[] {
    const step = new Step(table.filePath, rule.line + 1, chain.table, chain.name, rule.target);
    b.path = push(b.path, step);
    const action: Action = rule.action;
    switch (action.kind) {
      case "none":
      case "continue":
        return b;
      case "verdict":
        return [exit(b, action.verdict)];
      case "return":
        return [exit(b, null)];
      case "mark":
        if (action.effect === null) {
          b.p.mark = b.p.mark.forget();
          b.notes = push(b.notes, `${step.filePath}:${step.line}: the walk does not read this MARK; the mark is unknown after it`);
        } else {
          b.p.mark = b.p.mark.apply(action.effect);
          if (b.firstPacket) b.firstPacketMarks = push(b.firstPacketMarks, action.effect);
        }
        step.snapshot(b.p);
        return b;
      case "connmark":
        if (!hasConnection(b.p, at)) return b;
        action.apply(b.p);
        step.snapshot(b.p);
        return b;
      case "notrack":
        if (at.beforeConntrack) b.p.ct.state = "UNTRACKED";
        return b;
      case "tproxy": {
        const key = `a transparent socket takes the packet on port ${action.port} (TPROXY)`;
        const known = assumedOf(b, key);
        const out: Acted[] = [];
        const branches: [Branch, boolean][] = known !== undefined ? [[b, known]] : [[b, true], [this.fork(b), false]];
        for (const [branch, found] of branches) {
          if (known === undefined) this.assume(branch, { key, probability: null, negated: false }, found);
          if (found) {
            if (action.effect !== null) branch.p.mark = branch.p.mark.apply(action.effect);
            branch.p.tproxy = true;
            out.push(exit(branch, "accept"));
          } else out.push(exit(branch, "drop"));
        }
        return out;
      }
      case "nat":
        this.nat(action, b, at, step);
        step.snapshot(b.p);
        return [exit(b, "accept")];
      case "jump": {
        const target = table.jumpTarget(action);
        if (target === undefined) return b;
        const exits = this.chain(table, target, b, at, depth + 1);
        // Back from the chain, one way, with no verdict: the branch goes on here (the KUBE-MARK-MASQ of every endpoint).
        if (exits.length === 1 && exits[0].verdict === null && !action.goto) return exits[0].b;
        const out: Acted[] = [];
        for (let k = 0; k < exits.length; k++) {
          const e = exits[k];
          if (e.verdict !== null) out.push(exit(e.b, e.verdict));
          // A goto does not come back: what returns from its chain returns from this one.
          else out.push(action.goto ? exit(e.b, null) : next(e.b));
        }
        return out;
      }
    }
  }

  private nat(action: Extract<Action, { kind: "nat" }>, b: Branch, at: Place, step: PathStep): void {
    const p = b.p;
    const where = `${step.filePath}:${step.line}`;
    const destinationSide = at.hook === "PREROUTING" || at.hook === "OUTPUT";
    const pickPort = (ports: { from: number; to: number } | null, current: number | null): number | null => {
      if (ports === null || current === null) return current;
      if (ports.from !== ports.to) b.notes = push(b.notes, `${where}: ${action.nat} picks a port of ${ports.from}-${ports.to}; the walk shows the first`);
      return ports.from;
    };
    const pickAddress = (range: { from: bigint; to: bigint } | null): bigint | null => {
      if (range === null) return null;
      if (range.from !== range.to) b.notes = push(b.notes, `${where}: ${action.nat} picks an address of ${formatAddress(p.family, range.from)}-${formatAddress(p.family, range.to)}; the walk shows the first`);
      return range.from;
    };
    switch (action.nat) {
      case "DNAT":
        p.destination = pickAddress(action.addresses) ?? p.destination;
        p.destinationPort = pickPort(action.ports, p.destinationPort);
        p.ct.dnat = true;
        break;
      case "SNAT":
        p.source = pickAddress(action.addresses) ?? p.source;
        p.sourcePort = pickPort(action.ports, p.sourcePort);
        p.ct.snat = true;
        break;
      case "MASQUERADE": {
        const iface = p.outInterface;
        const address = iface === null || iface === "" ? null : this.node.sourceFor(p.family, iface, p.route as Route | null | undefined);
        if (address === null) b.notes = push(b.notes, `${where}: MASQUERADE gives the address of ${iface ?? "the outgoing interface"}, which the node's addresses do not tell`);
        p.source = address;
        p.sourcePort = pickPort(action.ports, p.sourcePort);
        p.ct.snat = true;
        break;
      }
      case "REDIRECT": {
        const address = at.hook === "OUTPUT" ? (p.family === 4 ? 0x7f000001n : 1n) : this.node.addressOf(p.family, p.inInterface);
        if (address === null) b.notes = push(b.notes, `${where}: REDIRECT sends it to the address of ${p.inInterface}, which the node's addresses do not tell`);
        else p.destination = address;
        p.destinationPort = pickPort(action.ports, p.destinationPort);
        p.ct.dnat = true;
        break;
      }
      case "NETMAP": {
        const net = action.netmap;
        if (net === null) break;
        const mapped = (a: bigint) => (a & ~net.mask & (p.family === 4 ? 0xffffffffn : (1n << 128n) - 1n)) | net.network;
        if (destinationSide) {
          p.destination = mapped(p.destination);
          p.ct.dnat = true;
        } else if (p.source !== null) {
          p.source = mapped(p.source);
          p.ct.snat = true;
        }
        break;
      }
    }
  }

  /** Whether a rule matches: one branch when every test is decided, else one per way an undecided test goes. */
  private evaluate(rule: CompiledRule, start: Branch, at: Place, from = 0): [Branch, boolean][] {
    const out: [Branch, boolean][] = [];
    const work: [Branch, number][] = [[start, from]];
    while (work.length > 0) {
      const [b, from] = work.pop()!;
      let matched = true;
      for (let k = from; k < rule.tests.length; k++) {
        let a = rule.tests[k](b.p, at);
        if (typeof a !== "boolean") {
          const known = assumedOf(b, a.key);
          if (known !== undefined) a = known !== a.negated;
        }
        if (a === true) continue;
        if (a === false) {
          matched = false;
          break;
        }
        const m: Maybe = a;
        const other = this.fork(b);
        this.assume(other, m, false);
        work.push([other, k]);
        this.assume(b, m, true);
        k--;
      }
      out.push([b, matched]);
    }
    return out;
  }

  private fork(b: Branch): Branch {
    if (++this.forks >= this.maxOutcomes) throw new TraceError(`the walk splits into more than ${this.maxOutcomes} ways (undecided matches): trace a narrower packet or give the node's files`);
    return clone(b);
  }

  private assume(b: Branch, m: Maybe, holds: boolean): void {
    b.assumed = push(b.assumed, { key: m.key, holds });
    if (m.probability === null) b.probabilityKnown = false;
    else b.probability *= holds ? m.probability : 1 - m.probability;
  }

  private outcome(b: Branch, verdict: Verdict, delivery: Delivery | null): Outcome {
    return {
      verdict,
      delivery: verdict === "accept" ? delivery : null,
      probability: b.probabilityKnown ? b.probability : null,
      conditions: conditionsOf(b.assumed),
      path: toArray(b.path),
      policies: toArray(b.policies),
      packet: traced(b.p),
      notes: toArray(b.notes),
      hooks: toArray(b.hooks),
      connectionNat: toArray(b.connectionNat),
    };
  }
}

function markText(m: MarkState): string {
  const exact = m.exact;
  if (exact !== null) return `0x${exact.toString(16)}`;
  return `0x${m.value.toString(16)}/0x${m.known.toString(16)}`;
}

/** The fields of the walk's packet an outcome shows. */
type TracedFields = Pick<WalkPacket, "family" | "protocol" | "source" | "destination" | "sourcePort" | "destinationPort" | "mark" | "inInterface" | "outInterface">;

function traced(p: TracedFields): TracedPacket {
  const ported = p.sourcePort !== null || p.destinationPort !== null;
  return {
    protocol: p.protocol,
    source: p.source === null ? null : formatAddress(p.family, p.source),
    destination: formatAddress(p.family, p.destination),
    sourcePort: ported ? p.sourcePort : null,
    destinationPort: ported ? p.destinationPort : null,
    mark: markText(p.mark),
    inInterface: p.inInterface === "" ? null : p.inInterface,
    outInterface: p.outInterface === "" ? null : p.outInterface,
  };
}
