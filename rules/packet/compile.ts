/**
 * A table's rules made ready for the packet walk: each rule's matches become tests on the
 * walk's packet (typed values from netfilter/values, read once per rule), its target an
 * action. A test answers true, false, or "maybe" with the condition it depends on: the walk
 * then follows both ways (never a silent guess). A chain with many rules is indexed by what
 * most of its rules match exactly (destination address, else destination port), so that a
 * packet tries only the rules that can match it: KUBE-SERVICES has tens of thousands.
 *
 * A chain's rules are compiled when the walk first tries each. The lines most rules of a big
 * dump are (addresses, ports, comments, a random pick, any target) are read straight from the
 * line's view, their value-free tests shared through the table's RuleCache
 * (compileCommonRule); every other line goes through compileRule, which reads them all.
 */
import { LineView, parseValueMask, type CommandLine, type Document, type ViewedLine } from "../../grammar/index.js";
import { IdSlots, NONE, type LineNo, type NameId, type TableModel } from "../model/index.js";
import {
  findExtension,
  findOption,
  genericMatchOf,
  implicitMatch,
  readOptions,
  type OptionReading,
  markOptionEffect,
  markTest,
  parseCtState,
  parseCtStatus,
  parseGenericAddresses,
  parseGenericProtocol,
  parseHostMask,
  formatIpv6,
  parseIcmpType,
  parseMultiport,
  parsePortRange,
  parseTcpFlags,
  parseTcpPorts,
  optionsOf,
  type Family,
  type Hook,
  type XMark,
} from "../netfilter/index.js";
import { bitsOf, inNet, netOf, parseAddress, prefixMask, type Net } from "./addresses.js";
import { MarkState } from "./marks.js";
import type { NodeInfo, Route } from "./node.js";

/** A condition the walk cannot decide: `key` holds (with `probability` when known), or, `negated`, it does not. */
export interface Maybe {
  readonly key: string;
  readonly probability: number | null;
  readonly negated: boolean;
}

export type Answer = boolean | Maybe;

const maybe = (key: string, probability: number | null = null): Maybe => ({ key, probability, negated: false });
const not = (a: Answer): Answer => (typeof a === "boolean" ? !a : { ...a, negated: !a.negated });
const answer = (a: Answer, negated: boolean): Answer => (negated ? not(a) : a);

export type CtStateBit = "INVALID" | "NEW" | "ESTABLISHED" | "RELATED" | "UNTRACKED";

/** The packet as the walk carries it; copied when the walk forks. */
export interface WalkPacket {
  family: Family;
  protocol: string;
  protocolNumber: number;
  /** Null once MASQUERADE gave it an address the node's files do not tell. */
  source: bigint | null;
  destination: bigint;
  sourcePort: number | null;
  destinationPort: number | null;
  icmpType: number | null;
  icmpCode: number | null;
  /** The interface it arrived on; "" where it has none (OUTPUT). */
  inInterface: string;
  /** The interface it leaves by; "" before the routing decision, null when the routes do not tell. */
  outInterface: string | null;
  route: Route | null | undefined;
  mark: MarkState;
  /** Replaced, never changed in place (branches share it). */
  tcpFlags: Readonly<{ known: number; value: number }>;
  ct: ConnState;
  /** Locally generated (it has a socket: owner). */
  local: boolean;
  /** TPROXY found it a socket: delivered locally. */
  tproxy: boolean;
}

export interface ConnState {
  state: CtStateBit;
  /** Whether the connection's addresses were rewritten (ctstate DNAT and SNAT); null: not known. */
  dnat: boolean | null;
  snat: boolean | null;
  mark: MarkState;
  /** The connection's first packet as conntrack saw it (null: an established connection's, not known). */
  original: { source: bigint; destination: bigint; sourcePort: number | null; destinationPort: number | null } | null;
  /** Whether the packet goes the connection's original way: null when not known. */
  originalDirection: boolean | null;
}

/** Where the walk is: the hook, the table, the node. */
export interface Place {
  hook: Hook;
  table: string;
  node: NodeInfo;
  /** Before conntrack (the raw table): the packet has no connection yet. */
  beforeConntrack: boolean;
}

export type Test = (p: WalkPacket, at: Place) => Answer;

export type NatKind = "DNAT" | "SNAT" | "MASQUERADE" | "REDIRECT" | "NETMAP";

export type Action =
  | { kind: "none" }
  | { kind: "verdict"; verdict: "accept" | "drop" | "reject" | "queue" }
  | { kind: "return" }
  /** `chainId`: the model's id of the chain's name, or -1 when the compile was not told it. */
  | { kind: "jump"; chain: string; goto: boolean; chainId: number }
  | { kind: "mark"; effect: XMark | null }
  | { kind: "connmark"; apply: (p: WalkPacket) => void }
  | { kind: "nat"; nat: NatKind; addresses: { from: bigint; to: bigint } | null; ports: { from: number; to: number } | null; netmap: Net | null }
  | { kind: "notrack" }
  | { kind: "tproxy"; port: number; effect: XMark | null }
  | { kind: "continue" };

export interface CompiledRule {
  /** 0-based line in its document. */
  line: number;
  target: string | null;
  tests: readonly Test[];
  action: Action;
  /** Exact matches the chain's index may use. */
  destinationKey: bigint | null;
  destinationPortKey: number | null;
}

export interface CompiledChain {
  name: string;
  table: string;
  /** How many rules the chain has. */
  readonly size: number;
  /** Rule `i`, compiled the first time it is asked for (a packet tries a few of KUBE-SERVICES' tens of thousands). */
  rule(i: number): CompiledRule;
  /** Every rule, compiled (for a caller that reads them all). */
  readonly rules: CompiledRule[];
  /** ACCEPT or DROP for a built-in chain. */
  policy: string | null;
  policyLine: number | null;
  /** The rules a packet can match, by index, in order. */
  candidates(p: WalkPacket): ArrayLike<number>;
}

/** A command line as compileCommonRule reads it: a `CommandLine`, or its plan and place without the node. */
export interface RuleLine extends ViewedLine {
  readonly source: ViewedLine["source"] & { readonly filePath: string | undefined };
}

/** A walk's view of one table of a document. */
export interface CompiledTable {
  name: string;
  filePath: string;
  chain(name: string): CompiledChain | undefined;
}

const INDEX_FROM = 16;

/** What compiling a table's rules asks of its names. */
export interface TargetNames {
  /** Whether a target's name is a chain of the table (a jump to it enters it), not a target (ACCEPT, DNAT) or a built-in chain. */
  isChain(name: string): boolean;
  /** The id of the name line `line` jumps or goes to (the model's, one per name), or -1 when not known. */
  targetId(line: number): number;
  /** isChain, by a name's id. */
  isChainId(id: number): boolean;
}

/**
 * A table's rules for the walk, each compiled the first time the walk tries it and kept by line
 * number: chains hold only their rules' line numbers. The tests and targets that hold no line's
 * own text are shared by the table's rules (RuleCache).
 */
export class TableRules implements TargetNames {
  /** By line offset from the table's first command: rules the walk tried more than once. */
  private readonly compiled: (CompiledRule | undefined)[];
  /** By line offset, 1 once the walk has tried the rule. */
  private readonly tried: Uint8Array;
  private readonly first: number;
  private readonly cache = new RuleCache();
  private readonly isChainName = (name: string): boolean => this.isChain(name);

  constructor(
    private readonly document: Document,
    private readonly model: TableModel,
    readonly family: Family,
  ) {
    const table = model.table;
    this.first = table.firstCommand;
    this.compiled = new Array(table.commandCount === 0 ? 0 : table.lastCommand - table.firstCommand + 1);
    this.tried = new Uint8Array(this.compiled.length);
  }

  /**
   * The rule of a command line of the table. It is kept from its second try on: most rules of a
   * kube-proxy dump (a service's and its endpoints' chains) are tried once by a set of traces,
   * and compiling such a rule again costs less than keeping it, which the garbage collector
   * copies and the heap grows for (measured on 10,000 traces: 17% of their CPU time).
   */
  rule(line: number): CompiledRule {
    const at = line - this.first;
    let r = this.compiled[at];
    if (r === undefined) {
      // Read from the token arrays: a node per rule would be kept by the document (tens of thousands of them after 10,000 traces).
      const viewed = this.viewed(line);
      r = (viewed === null ? null : compileCommonRule(viewed, this.family, this, this.cache)) ?? compileRule(this.document.line(line) as CommandLine, this.family, this.isChainName);
      if (this.tried[at] === 1) this.compiled[at] = r;
      else this.tried[at] = 1;
    }
    return r;
  }

  /**
   * What the chain index keys the line's rule by (its compiled rule's destinationKey and
   * destinationPortKey), without compiling it: from the values its shape says are the keys, else
   * by indexKeys (KUBE-SERVICES' 20,000 lines are read in the first trace).
   */
  indexKeysOf(line: number): IndexKeys {
    const viewed = this.viewed(line);
    if (viewed === null) return indexKeys((this.document.line(line) as CommandLine).view, this.family);
    return this.cache.reader.keys(viewed, this.family, this.cache) ?? indexKeys(new LineView(viewed), this.family);
  }

  /** The command line's plan and place, without its node; null when it is no command line. */
  private viewed(line: number): RuleLine | null {
    const plan = this.document.commandPlan(line);
    return plan === null ? null : { source: this.document.source, index: line, plan };
  }

  isChain(name: string): boolean {
    const id = this.model.idOf(name);
    return id !== NONE && this.isChainId(id);
  }

  targetId(line: number): number {
    return this.model.targetOf(line as LineNo);
  }

  isChainId(id: number): boolean {
    // Two reads of the model's arrays: cheaper than remembering the answer.
    return !this.model.isBuiltin(id as NameId) && this.model.chains.exists(id as NameId);
  }
}

/** A chain of `rules`' table: its rules' lines, in kernel order; long chains are indexed. */
export function compileChain(name: string, table: string, lines: readonly number[], rules: TableRules, policy: string | null, policyLine: number | null): CompiledChain {
  return new LazyChain(name, table, lines, rules, policy, policyLine);
}

/** `0 .. n-1`: shared by every chain of n rules too short to index, else the chain's own. */
const ranges: Int32Array[] = [];
const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
const rangeOf = (n: number): Int32Array => (n < INDEX_FROM ? (ranges[n] ??= range(n)) : range(n));

/** A chain whose rules are compiled the first time the walk asks for each; long chains indexed. */
class LazyChain implements CompiledChain {
  private readonly index: ((p: WalkPacket) => ArrayLike<number>) | null = null;
  private readonly all: Int32Array;

  constructor(
    readonly name: string,
    readonly table: string,
    private readonly lines: readonly number[],
    private readonly tableRules: TableRules,
    readonly policy: string | null,
    readonly policyLine: number | null,
  ) {
    this.all = rangeOf(lines.length);
    if (lines.length >= INDEX_FROM) {
      // The index needs only each rule's exact destination and port, read without compiling the rule.
      const keys = lines.map((line) => tableRules.indexKeysOf(line));
      const byDestination = keys.filter((k) => k.destination !== null).length;
      const byPort = keys.filter((k) => k.destinationPort !== null).length;
      if (byDestination * 2 >= lines.length) this.index = indexBy(keys.map((k) => (k.destination === null ? null : addressKey(k.destination))), (p) => addressKey(p.destination));
      else if (byPort * 2 >= lines.length) this.index = indexBy(keys.map((k) => k.destinationPort), (p) => p.destinationPort);
    }
  }

  get size(): number {
    return this.lines.length;
  }

  rule(i: number): CompiledRule {
    return this.tableRules.rule(this.lines[i]);
  }

  get rules(): CompiledRule[] {
    return this.lines.map((line) => this.tableRules.rule(line));
  }

  candidates(p: WalkPacket): ArrayLike<number> {
    return this.index === null ? this.all : this.index(p);
  }
}

/**
 * What the index keys a rule by, as compileRule reads them (`destinationKey`,
 * `destinationPortKey`): one destination address (`-d A/32`, not negated), and one destination
 * port of a ported protocol's match (`--dport 53`, not negated) under a `-p` that is not negated.
 */
export interface IndexKeys {
  destination: bigint | null;
  destinationPort: number | null;
}

export function indexKeys(view: LineView, family: Family): IndexKeys {
  let destination: bigint | null = null;
  let port: number | null = null;
  let protocolNumber = false;
  let protocol: string | null = null;
  /** The match the options read now belong to: a name, "" after the target, null before any. */
  let current: string | null = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    // Names compared in place (`is`): KUBE-SERVICES' 10,000 lines are read in the first trace.
    if (role === "generic") {
      if (view.is(i, "-p") || view.is(i, "--protocol")) {
        const value = view.value(i) ?? "";
        protocol = value.toLowerCase();
        const n = protocolNumberOf(value);
        if (n !== null && n !== 0 && !view.negated(i)) protocolNumber = true;
      } else if ((view.is(i, "-d") || view.is(i, "--destination") || view.is(i, "--dst")) && !view.negated(i)) {
        const value = view.value(i) ?? "";
        const plain = family === 4 ? plainNet4(value) : null;
        if (plain !== null) {
          if (plain.prefix === 32) destination = plain.network;
        } else {
          const parsed = parseGenericAddresses(value, family);
          if (parsed.kind === "value" && parsed.value.length === 1) {
            const net = netOf(parsed.value[0]);
            if (net.prefix === bitsOf(family)) destination = net.network;
          }
        }
      }
    } else if (role === "match") {
      current = view.value(i) ?? "";
    } else if (role === "jump" || role === "goto") {
      current = "";
    } else if (role === "module") {
      // Options of the protocol's match, loaded by `-p` (`-p tcp --dport 22`, `-p 6 --dport 22`), as compileRule reads them.
      current ??= protocol === null ? "?" : (implicitMatch(protocol, family)?.name ?? "?");
      if (!Object.hasOwn(PORTED, current)) continue;
      if ((view.is(i, "--dport") || view.is(i, "--destination-port")) && !view.negated(i)) {
        const range = portRangeOf(view.value(i) ?? "");
        if (range !== null && range.min === range.max) port = range.min;
      }
    }
  }
  return { destination, destinationPort: protocolNumber ? port : null };
}

/** What parseGenericProtocol reads (null: not a protocol it reads), `tcp` and `udp` without asking it. */
function protocolNumberOf(text: string): number | null {
  if (text === "tcp") return 6;
  if (text === "udp") return 17;
  const parsed = parseGenericProtocol(text);
  return parsed.kind === "value" ? parsed.value : null;
}

/** What parseTcpPorts reads (null: not a range it reads), a port of up to five digits without asking it. */
function portRangeOf(text: string): { min: number; max: number } | null {
  const port = plainPort(text);
  if (port !== -1) return { min: port, max: port };
  const parsed = parseTcpPorts(text);
  return parsed.kind === "value" ? parsed.value : null;
}

/** A port written as one to five decimal digits, at most 65535, as parseTcpPorts reads it; -1 for anything else (a leading 0 is octal to it). */
export function plainPort(text: string): number {
  return plainPortIn(text, 0, text.length);
}

/** plainPort of `text.slice(from, to)`, read in place. */
export function plainPortIn(text: string, from: number, to: number): number {
  const length = to - from;
  if (length <= 0 || length > 5 || (length > 1 && text.charCodeAt(from) === 0x30)) return -1;
  let port = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return -1;
    port = port * 10 + (c - 0x30);
  }
  return port <= 0xffff ? port : -1;
}

/** portRangeOf of element `i`'s value: a plain port read in place, else the value read by portRangeOf. */
function portRangeAt(view: LineView, text: string, i: number): { min: number; max: number } | null {
  const start = view.valueStart(i);
  const port = start === -1 ? -1 : plainPortIn(text, start, view.valueEnd(i));
  return port !== -1 ? { min: port, max: port } : portRangeOf(view.value(i) ?? "");
}

/** plainNet4 of element `i`'s value, read in place when it is a word of its own. */
function plainNet4At(view: LineView, text: string, i: number): Net | null {
  const start = view.valueStart(i);
  return start === -1 ? plainNet4(view.value(i) ?? "") : plainNet4In(text, start, view.valueEnd(i));
}

/**
 * An address element's value (`-s`, `-d`) as compileRule reads it: one network when plainNet4
 * reads it (IPv4 as iptables-save writes it), else the networks parseGenericAddresses reads;
 * null when it reads none (compileRule then reads the line).
 */
function addressesAt(view: LineView, text: string, i: number, family: Family): Net | Net[] | null {
  const plain = family === 4 ? plainNet4At(view, text, i) : null;
  if (plain !== null) return plain;
  const parsed = parseGenericAddresses(view.value(i) ?? "", family);
  return parsed.kind === "value" ? parsed.value.map(netOf) : null;
}

/** The one address the networks are (a destination the chain index keys by), or null. */
function oneAddress(nets: Net | Net[], family: Family): bigint | null {
  const net = Array.isArray(nets) ? (nets.length === 1 ? nets[0] : null) : nets;
  return net !== null && net.prefix === bitsOf(family) ? net.network : null;
}

/** The test of an address element: a plain network's own, or the general one. Not shared: most addresses are one endpoint's, and a key costs more than the test. */
const addressTestOf = (source: boolean, nets: Net | Net[], negated: boolean, family: Family): Test =>
  Array.isArray(nets) ? addressTest(source, nets, negated, family) : netTest(source, nets, negated, family);

/** Rules with a key in one list per key, the others in `rest`; a packet's candidates are its key's list merged with `rest`, in rule order. */
function indexBy<K>(keys: (K | null)[], packetKey: (p: WalkPacket) => K | null): (p: WalkPacket) => ArrayLike<number> {
  // A key's rule, or its rules when it has several (a ClusterIP has one rule per port).
  const lists = new Map<K, number | number[]>();
  const rest: number[] = [];
  keys.forEach((key, i) => {
    if (key === null) rest.push(i);
    else {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, i);
      else if (typeof list === "number") lists.set(key, [list, i]);
      else list.push(i);
    }
  });
  const restArray = Int32Array.from(rest);
  const allRules = Int32Array.from(keys.keys());
  const merged = new Map<K, Int32Array>();
  return (p) => {
    const key = packetKey(p);
    if (key === null) return allRules;
    const found = lists.get(key);
    if (found === undefined) return restArray;
    let out = merged.get(key);
    if (out === undefined) {
      const list = typeof found === "number" ? [found] : found;
      out = new Int32Array(list.length + rest.length);
      let a = 0;
      let b = 0;
      for (let k = 0; k < out.length; k++) out[k] = b >= rest.length || (a < list.length && list[a] < rest[b]) ? list[a++] : rest[b++];
      merged.set(key, out);
    }
    return out;
  };
}

/** An address as an index key: a number when it fits one (every IPv4 address: hashed faster than a bigint), else the bigint. */
const addressKey = (address: bigint): number | bigint => (address <= MAX_EXACT ? Number(address) : address);
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** A rule's elements grouped as iptables reads them: generic options, each match with its options, the target with its options. */
class Element {
  readonly name: string;
  readonly negated: boolean;
  readonly values: string[];

  constructor(
    private readonly view: LineView,
    private readonly i: number,
    withValues: boolean,
  ) {
    this.name = view.name(i);
    this.negated = view.negated(i);
    this.values = withValues ? view.values(i) : NO_VALUES;
  }

  /** The element as written (made when a condition quotes it). */
  get written(): string {
    return this.view.written(this.i);
  }
}

const NO_VALUES: string[] = [];

class Module {
  constructor(
    readonly name: string,
    private readonly first: Element | null,
    readonly options: Element[],
  ) {}

  /** Loaded by `-p`, not by a `-m`. */
  get implicit(): boolean {
    return this.first === null;
  }

  /** The `-m` element, if any, and its options, as written. */
  get written(): string[] {
    return [...(this.first === null ? [] : [this.first.written]), ...this.options.map((o) => o.written)];
  }
}

const element = (view: LineView, i: number, withValues: boolean): Element => new Element(view, i, withValues);
const moduleOf = (name: string, first: Element | null, options: Element[]): Module => new Module(name, first, options);

/** Whether `extension` has an option spelled `option`, or one getopt takes `option` for (a unique beginning: `--to-dest`). */
function hasOption(kind: "match" | "target", extension: string, option: string): boolean {
  const found = findExtension(kind, extension, null);
  if (found === undefined) return false;
  if (findOption(found, option, null) !== undefined) return true;
  return option.startsWith("--") && optionsOf(found, null).some((o) => o.names.some((n) => n.startsWith(option)));
}

/** The options of the matches the common reader reads, by match: an option of another is read by compileRule. */
const COMMON_MATCH_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  comment: ["--comment"],
  statistic: ["--mode", "--probability"],
};
const ownOption = (match: string, option: string): boolean => !Object.hasOwn(COMMON_MATCH_OPTIONS, match) || COMMON_MATCH_OPTIONS[match].includes(option);

/**
 * Whether an option after the target is the target's (`-j DNAT --to-destination x`): getopt gives
 * an option to the loaded extension that has it, wherever it stands, so `-p tcp -j DROP --dport 22`
 * is tcp's `--dport` (both backends save it as `-p tcp -m tcp --dport 22 -j DROP`, measured).
 */
const targetOwns = (target: string, option: string): boolean => hasOption("target", target, option);

type ReadRule = { generic: Element[]; modules: Module[]; target: { kind: "jump" | "goto"; name: string; options: Element[] } | null };

/**
 * A rule's generic options, matches and target, each option with the extension getopt gives it
 * (`readOptions`: by its name, the newest loaded extension that has it, then the protocol's match):
 * `-p tcp -m comment --comment x --dport 22` is tcp's `--dport`. When that reading cannot tell (an
 * extension the model does not know, an unknown option), options go to the match before them.
 */
function readRule(view: LineView, family: Family): ReadRule {
  const reading = readOptions(view, family);
  return reading === null ? readRuleInPlace(view) : readRuleAsGetopt(view, reading);
}

function readRuleAsGetopt(view: LineView, reading: OptionReading): ReadRule {
  const generic: Element[] = [];
  const modules: Module[] = [];
  let target: ReadRule["target"] = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") generic.push(element(view, i, true));
    else if (role === "jump" || role === "goto") target = { kind: role, name: view.value(i) ?? "", options: [] };
  }
  for (const instance of reading.instances) {
    if (instance.extension.kind === "target") {
      if (target !== null) for (const g of instance.given) target.options.push(element(view, g.element, true));
      continue;
    }
    const name = instance.extension.name;
    const options = instance.given.map((g) => element(view, g.element, name !== "comment"));
    modules.push(moduleOf(name, instance.implicit ? null : element(view, instance.element, true), options));
  }
  return { generic, modules, target };
}

function readRuleInPlace(view: LineView): ReadRule {
  const generic: Element[] = [];
  const modules: Module[] = [];
  let target: { kind: "jump" | "goto"; name: string; options: Element[] } | null = null;
  let current: Module | null = null;
  let protocol: string | null = null;
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const g = element(view, i, true);
      generic.push(g);
      if (g.name === "-p" || g.name === "--protocol") protocol = g.values[0]?.toLowerCase() ?? null;
    } else if (role === "match") {
      const m = element(view, i, true);
      current = moduleOf(m.values[0] ?? "", m, []);
      modules.push(current);
    } else if (role === "jump" || role === "goto") {
      target = { kind: role, name: view.value(i) ?? "", options: [] };
      current = null;
    } else if (role === "module") {
      if (target !== null && current === null) {
        // After the target, an option it does not have is the match's that has it, or the protocol's; one no
        // extension has stays the target's (iptables refuses the line).
        const name = view.name(i);
        const implicit = protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : (protocol ?? "?");
        let owner = targetOwns(target.name, name) ? undefined : modules.findLast((m) => hasOption("match", m.name, name));
        if (owner === undefined && !targetOwns(target.name, name) && hasOption("match", implicit, name)) {
          owner = modules.find((m) => m.implicit && m.name === implicit);
          if (owner === undefined) modules.push((owner = moduleOf(implicit, null, [])));
        }
        if (owner === undefined) target.options.push(element(view, i, true));
        else owner.options.push(element(view, i, owner.name !== "comment"));
      } else if (current !== null) current.options.push(element(view, i, current.name !== "comment"));
      else {
        // Options of the protocol's match, loaded by `-p` (`-p tcp --dport 22`).
        current = moduleOf(protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : (protocol ?? "?"), null, [element(view, i, true)]);
        modules.push(current);
      }
    }
  }
  return { generic, modules, target };
}

/** `file:line` of a rule, for the conditions that name it (made when one does). */
class Where {
  constructor(private readonly line: CommandLine) {}
  toString(): string {
    return placeOf(this.line);
  }
}

export function compileRule(line: CommandLine, family: Family, isChain: (name: string) => boolean): CompiledRule {
  const where = new Where(line);
  const { generic, modules, target } = readRule(line.view, family);
  const tests: Test[] = [];
  let destinationKey: bigint | null = null;
  let destinationPortKey: number | null = null;
  let protocolNumber: number | null = null;
  for (const g of generic) {
    const value = g.values[0] ?? "";
    const match = genericMatchOf(g.name);
    switch (match) {
      case "source":
      case "destination": {
        const parsed = parseGenericAddresses(value, family);
        if (parsed.kind !== "value") {
          tests.push(unread(where, g.written));
          break;
        }
        const nets = parsed.value.map(netOf);
        const source = match === "source";
        if (!source && !g.negated && nets.length === 1 && nets[0].prefix === bitsOf(family)) destinationKey = nets[0].network;
        tests.push(addressTest(source, nets, g.negated, family));
        break;
      }
      case "in-interface":
      case "out-interface":
        tests.push(interfaceTest(match === "in-interface", value, g.negated));
        break;
      case "protocol": {
        const parsed = parseGenericProtocol(value);
        if (parsed.kind !== "value") {
          tests.push(unread(where, g.written));
          break;
        }
        const n = parsed.value;
        if (!g.negated && n !== 0) protocolNumber = n;
        tests.push((p) => (n === 0 ? true : (p.protocolNumber === n) !== g.negated));
        break;
      }
      case "fragment":
        // The walk's packets are whole (or the first fragment): `-f` matches the later fragments only.
        tests.push(() => g.negated);
        break;
    }
  }
  for (const m of modules) {
    const built = moduleTests(m, where, family, protocolNumber);
    tests.push(...built.tests);
    if (built.destinationPort !== null && protocolNumber !== null) destinationPortKey = built.destinationPort;
  }
  const action = target === null ? ({ kind: "none" } as const) : actionOf(target, family, isChain(target.name));
  return { line: line.index, target: target?.name ?? null, tests, action, destinationKey, destinationPortKey };
}

/**
 * Tests that hold no line's own text (a protocol, a port range, an interface), made once per
 * table and shared by every rule that has them: a kube-proxy dump's 30,000 service and endpoint
 * chains spell a handful of shapes, and a closure per rule was most of the walk's memory. Keys
 * are the whole values, never a hash: two rules share a test only when they test the same thing.
 * One cache serves one table of one family (its targets' actions depend on them).
 */
export class RuleCache {
  /** By protocol number and negation (`-p`). */
  private readonly protocols: Test[] = [];
  /** By protocol number (a ported match's own test). */
  private readonly matches: Test[] = [];
  private readonly constants: Test[] = [];
  /** By range, side and negation. */
  private readonly ports = new Map<number, Test>();
  private readonly interfaces = new Map<string, Test>();
  /** Targets without options of their own, by the id of their name (dense: arrays), else by the name: jumps, gotos. */
  private readonly jumps = new IdSlots<PlainTarget>();
  private readonly gotos = new IdSlots<PlainTarget>();
  private readonly jumpsByName = new Map<string, PlainTarget>();
  private readonly gotosByName = new Map<string, PlainTarget>();
  /** Lists of shared tests, as a trie by test. */
  private readonly lists = new TestLists();
  /** compileCommonRule's reader, reused rule after rule. */
  readonly reader = new CommonRuleReader();
  /** The rule shapes of the table's lines, by plan. */
  readonly shapes = new Map<ViewedLine["plan"], RuleShape[]>();

  /**
   * A target with no options (`-j ACCEPT`, `-j KUBE-MARK-MASQ`), element `element` of the view:
   * its name and action, one for all rules of the table (the family and names are the table's).
   * The name is read from the line only the first time.
   */
  target(kind: "jump" | "goto", view: LineView, element: number, id: number, family: Family, names: TargetNames): PlainTarget {
    if (id === -1) {
      const known = kind === "goto" ? this.gotosByName : this.jumpsByName;
      const name = view.value(element) ?? "";
      let t = known.get(name);
      if (t === undefined) known.set(name, (t = plainTarget(kind, name, names.isChain(name), id, family)));
      return t;
    }
    const known = kind === "goto" ? this.gotos : this.jumps;
    return known.get(id) ?? known.set(id, plainTarget(kind, view.value(element) ?? "", names.isChainId(id), id, family));
  }

  /** The first `count` tests, all shared ones, as a list shared by every rule with them. */
  testList(tests: readonly Test[], count: number): readonly Test[] {
    let node = this.lists;
    for (let k = 0; k < count; k++) {
      node.next ??= new Map();
      let next = node.next.get(tests[k]);
      if (next === undefined) node.next.set(tests[k], (next = new TestLists()));
      node = next;
    }
    return (node.list ??= tests.slice(0, count));
  }

  protocol(n: number, negated: boolean): Test {
    return (this.protocols[n * 2 + (negated ? 1 : 0)] ??= protocolTest(n, negated));
  }

  match(n: number): Test {
    return (this.matches[n] ??= isProtocol(n));
  }

  constant(value: boolean): Test {
    return (this.constants[value ? 1 : 0] ??= constantTest(value));
  }

  port(source: boolean, range: { min: number; max: number }, negated: boolean): Test {
    const key = ((range.min * 65536 + range.max) * 2 + (source ? 1 : 0)) * 2 + (negated ? 1 : 0);
    let t = this.ports.get(key);
    if (t === undefined) this.ports.set(key, (t = portTest(source, range, negated)));
    return t;
  }

  interface(incoming: boolean, pattern: string, negated: boolean): Test {
    const key = `${incoming ? "i" : "o"}${negated ? "!" : ""}${pattern}`;
    let t = this.interfaces.get(key);
    if (t === undefined) this.interfaces.set(key, (t = interfaceTest(incoming, pattern, negated)));
    return t;
  }
}

interface PlainTarget {
  readonly name: string;
  readonly action: Action;
}

const plainTarget = (kind: "jump" | "goto", name: string, isChain: boolean, id: number, family: Family): PlainTarget => ({
  name,
  action: actionOf({ kind, name, options: NO_ELEMENTS }, family, isChain, isChain ? id : -1),
});

/** A node of RuleCache's trie of test lists: the list that ends here, and the lists that go on. */
class TestLists {
  list: readonly Test[] | undefined;
  next: Map<Test, TestLists> | undefined;
}

const NO_TESTS: Test[] = [];
const NO_ELEMENTS: Element[] = [];
const NO_ACTION: Action = { kind: "none" };

const protocolTest = (n: number, negated: boolean): Test => (p) => (n === 0 ? true : (p.protocolNumber === n) !== negated);
const isProtocol = (n: number): Test => (p) => p.protocolNumber === n;
const portTest = (source: boolean, r: { min: number; max: number }, negated: boolean): Test => (p) => inRange(source ? p.sourcePort : p.destinationPort, r) !== negated;
const constantTest = (value: boolean): Test => () => value;
const pickTest = (c: Maybe): Test => () => c;

/** `--probability P` as the kernel keeps it (libxt_statistic: lround(P * 2^31), which 31 random bits are compared with); null for no number. */
function pickProbability(text: string | undefined): number | null {
  const p = Number(text);
  return Number.isFinite(p) ? Math.min(1, Math.max(0, Math.round(p * 0x80000000) / 0x80000000)) : null;
}

/** A rule's place as the walk's conditions name it: `file:line`. */
const placeOf = (line: { readonly source: { readonly filePath: string | undefined }; readonly index: number }): string => `${line.source.filePath ?? "<input>"}:${line.index + 1}`;

/** The condition a random pick puts on the walk: the rule's place and its statistic words (`written`). */
const randomPick = (place: string, written: string, probability: number, negated: boolean): Maybe => ({ key: `${place} \`${written}\` picks the packet`, probability, negated });

/**
 * `10.244.1.2` or `10.0.0.0/8` written the one way iptables-save writes it (no leading zero, no
 * mask as an address), read as `netOf(parseGenericAddresses(...))` reads it; null for anything
 * else (octal groups, masks, names, lists), which the general parser reads.
 */
export function plainNet4(text: string): Net | null {
  return plainNet4In(text, 0, text.length);
}

/** The value of the last dotted quad dottedQuadEnd read (a scratch: the readers below run for every rule a walk compiles). */
let quadValue = 0;

/**
 * Where an IPv4 address written as iptables-save writes it (four groups of at most 255, no
 * leading zero) that starts `text[from, to)` ends, its value left in quadValue; -1 for none.
 */
function dottedQuadEnd(text: string, from: number, to: number): number {
  let address = 0;
  let group = 0;
  let digits = 0;
  let dots = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digits === 1 && group === 0) return -1;
      group = group * 10 + (c - 0x30);
      if (++digits > 3 || group > 255) return -1;
    } else if (c === 0x2e && digits > 0 && dots < 3) {
      address = address * 256 + group;
      group = digits = 0;
      dots++;
    } else break;
  }
  if (dots !== 3 || digits === 0) return -1;
  quadValue = address * 256 + group;
  return i;
}

/** plainNet4 of `text.slice(from, to)`, read in place. */
export function plainNet4In(text: string, from: number, to: number): Net | null {
  const i = dottedQuadEnd(text, from, to);
  if (i === -1) return null;
  const address = quadValue;
  let prefix = 32;
  if (i < to) {
    if (text.charCodeAt(i) !== 0x2f /* / */ || i + 1 === to || to - i > 3) return null;
    prefix = 0;
    for (let k = i + 1; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x30 || c > 0x39 || (k > i + 1 && prefix === 0)) return null;
      prefix = prefix * 10 + (c - 0x30);
    }
    if (prefix > 32) return null;
  }
  const mask = prefixMask(4, prefix);
  return { network: prefix === 32 ? BigInt(address) : BigInt(address) & mask, mask, prefix, exact: prefix === 32 };
}

/**
 * compileRule for the lines most rules of a big dump are (addresses, interfaces, `-p`, comments,
 * ports, a random `statistic`, any target), read from the line's view with no node made and the
 * tests shared through `cache`; null for any other line, which compileRule then reads. It gives
 * what compileRule gives, test for test in the same order (test/packet/compile-common.test.ts).
 */
export function compileCommonRule(line: RuleLine, family: Family, names: TargetNames, cache: RuleCache): CompiledRule | null {
  return cache.reader.read(line, family, names, cache);
}

/** compileCommonRule's reading of one line; its fields are the reading's state (one object for all lines, no closure per line). */
class CommonRuleReader {
  private view!: LineView;
  private line!: RuleLine;
  private cache!: RuleCache;
  /** The rule's tests so far: the generic options', then the modules' (compileRule's order). */
  private readonly genericTests: Test[] = [];
  private readonly moduleTests: Test[] = [];
  /** How many of each list are this rule's (the lists keep their room from rule to rule: `length = 0` would free it). */
  private genericCount = 0;
  private moduleCount = 0;
  private optionCount = 0;
  /** The module the options read now belong to (its name), null before any and after the target. */
  private current: string | null = null;
  /** Its `-m` element (-1 for the protocol's, loaded by `-p`) and its options' elements. */
  private currentFirst = -1;
  private readonly currentOptions: number[] = [];
  private moduleDestinationPort: number | null = null;
  /** Whether some test holds the line's own values (an address, a random pick): the rule then has its own list. */
  private ownTests = false;

  read(line: RuleLine, family: Family, names: TargetNames, cache: RuleCache): CompiledRule | null {
    const view = new LineView(line);
    const shape = shapeOfLine(line, view, cache.shapes, cache);
    if (shape !== null) return shape.steps === null ? null : this.readShaped(line, view, shape, family, names, cache);
    this.view = view;
    this.line = line;
    this.cache = cache;
    this.genericCount = 0;
    this.moduleCount = 0;
    this.ownTests = false;
    this.current = null;
    this.moduleDestinationPort = null;
    let destinationKey: bigint | null = null;
    let destinationPortKey: number | null = null;
    let protocolNumber: number | null = null;
    let protocol: string | null = null;
    /** The target's element (-1: none yet) and its options, if any. */
    let targetElement = -1;
    let targetKind: "jump" | "goto" = "jump";
    let targetOptions: Element[] | null = null;
    for (let i = 0; i < view.count; i++) {
      const role = view.role(i);
      if (role === "generic") {
        const match = genericMatchOf(view.name(i));
        switch (match) {
          case "source":
          case "destination": {
            const nets = addressesAt(view, line.source.text, i, family);
            if (nets === null) return null;
            const negated = view.negated(i);
            const source = match === "source";
            if (!source && !negated) destinationKey = oneAddress(nets, family) ?? destinationKey;
            this.addGenericTest(addressTestOf(source, nets, negated, family));
            this.ownTests = true;
            break;
          }
          case "in-interface":
          case "out-interface":
            this.addGenericTest(cache.interface(match === "in-interface", view.value(i) ?? "", view.negated(i)));
            break;
          case "protocol": {
            const value = view.value(i);
            protocol = value?.toLowerCase() ?? null;
            const n = protocolNumberOf(value ?? "");
            if (n === null) return null;
            const negated = view.negated(i);
            if (!negated && n !== 0) protocolNumber = n;
            this.addGenericTest(cache.protocol(n, negated));
            break;
          }
          case "fragment":
            this.addGenericTest(cache.constant(view.negated(i)));
            break;
        }
      } else if (role === "match") {
        if (!this.closeModule()) return null;
        this.current = view.value(i) ?? "";
        this.currentFirst = i;
        this.optionCount = 0;
      } else if (role === "jump" || role === "goto") {
        if (!this.closeModule()) return null;
        targetElement = i;
        targetKind = role;
        targetOptions = null;
      } else if (role === "module") {
        if (targetElement !== -1 && this.current === null) {
          // An option the target does not have is a match's (compileRule reads the line).
          if (!targetOwns(view.value(targetElement) ?? "", view.name(i))) return null;
          (targetOptions ??= []).push(element(view, i, true));
        } else if (this.current !== null) this.addOption(i);
        else {
          // Options of the protocol's match, loaded by `-p` (`-p tcp --dport 22`).
          this.current = protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : (protocol ?? "?");
          this.currentFirst = -1;
          this.optionCount = 0;
          this.addOption(i);
        }
      }
    }
    if (!this.closeModule()) return null;
    if (this.moduleDestinationPort !== null && protocolNumber !== null) destinationPortKey = this.moduleDestinationPort;
    const { genericTests, genericCount, moduleTests, moduleCount } = this;
    for (let k = 0; k < moduleCount; k++) genericTests[genericCount + k] = moduleTests[k];
    const count = genericCount + moduleCount;
    // Tests all shared: a list shared too; else a list of the rule's own, of its length (a list grown by push keeps room for 17).
    const tests = count === 0 ? NO_TESTS : this.ownTests ? genericTests.slice(0, count) : cache.testList(genericTests, count);
    return ruleOf(line, view, tests, targetElement, targetKind, targetOptions, destinationKey, destinationPortKey, family, names, cache);
  }

  /** The keys readShaped gives the line's rule, read alone; null when the line has no plain shape or a value readShaped does not read. */
  keys(line: RuleLine, family: Family, cache: RuleCache): IndexKeys | null {
    const view = new LineView(line);
    const shape = shapeOfLine(line, view, cache.shapes, cache);
    if (shape === null || shape.steps === null) return null;
    const steps = shape.steps;
    let destination: bigint | null = null;
    let port: number | null = null;
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k];
      if (step.source || step.negated) continue;
      if (step.kind === StepKind.Address) {
        const nets = addressesAt(view, line.source.text, step.element, family);
        if (nets === null) return null;
        destination = oneAddress(nets, family) ?? destination;
      } else if (step.kind === StepKind.Port) {
        const r = portRangeAt(view, line.source.text, step.element);
        if (r === null) return null;
        if (r.min === r.max) port = r.min;
      }
    }
    return { destination, destinationPort: port !== null && shape.protocolNumber !== null ? port : null };
  }

  /** read() for a line of a known shape: the shape's steps, each with the line's own value. */
  private readShaped(line: RuleLine, view: LineView, shape: RuleShape, family: Family, names: TargetNames, cache: RuleCache): CompiledRule | null {
    const tests = this.genericTests;
    let count = 0;
    let ownTests = false;
    let destinationKey: bigint | null = null;
    let moduleDestinationPort: number | null = null;
    const steps = shape.steps ?? NO_STEPS;
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k];
      switch (step.kind) {
        case StepKind.Shared:
          tests[count++] = step.test as Test;
          break;
        case StepKind.Address: {
          const { source, negated } = step;
          const nets = addressesAt(view, line.source.text, step.element, family);
          if (nets === null) return null;
          if (!source && !negated) destinationKey = oneAddress(nets, family) ?? destinationKey;
          tests[count++] = addressTestOf(source, nets, negated, family);
          ownTests = true;
          break;
        }
        case StepKind.Interface:
          tests[count++] = cache.interface(step.source, view.value(step.element) ?? "", step.negated);
          break;
        case StepKind.Port: {
          const r = portRangeAt(view, line.source.text, step.element);
          if (r === null) return null;
          if (!step.source && !step.negated && r.min === r.max) moduleDestinationPort = r.min;
          tests[count++] = cache.port(step.source, r, step.negated);
          break;
        }
        case StepKind.Pick: {
          const p = pickProbability(view.value(step.element) ?? undefined);
          if (p === null) return null;
          if (p === 0 || p === 1) tests[count++] = cache.constant((p === 1) !== step.negated);
          else {
            let written = "";
            for (let q = 0; q < step.quoted.length; q++) written += q === 0 ? view.written(step.quoted[q]) : ` ${view.written(step.quoted[q])}`;
            tests[count++] = pickTest(randomPick(placeOf(line), written, p, step.negated));
            ownTests = true;
          }
          break;
        }
      }
    }
    const destinationPortKey = moduleDestinationPort !== null && shape.protocolNumber !== null ? moduleDestinationPort : null;
    const list = count === 0 ? NO_TESTS : ownTests ? tests.slice(0, count) : cache.testList(tests, count);
    if (shape.nat !== null && !names.isChain(shape.nat)) {
      // DNAT and SNAT, the targets with options of nearly every such rule of a dump, read without an Element per option.
      const action = natActionAt(shape.nat, view, line.source.text, shape.natElement, family);
      return { line: line.index, target: shape.nat, tests: list, action, destinationKey, destinationPortKey };
    }
    const targetOptions = shape.targetOptions === null ? null : shape.targetOptions.map((i) => element(view, i, true));
    return ruleOf(line, view, list, shape.targetElement, shape.targetKind, targetOptions, destinationKey, destinationPortKey, family, names, cache);
  }

  private addGenericTest(t: Test): void {
    this.genericTests[this.genericCount++] = t;
  }

  private addModuleTest(t: Test): void {
    this.moduleTests[this.moduleCount++] = t;
  }

  private addOption(i: number): void {
    this.currentOptions[this.optionCount++] = i;
  }

  /** Ends the module being read: its tests, or false when compileRule must read the line. */
  private closeModule(): boolean {
    const name = this.current;
    if (name === null) return true;
    this.current = null;
    const { view, currentOptions, optionCount, cache } = this;
    // An option the match does not have is another's (getopt places an option by its name: `-m comment
    // --comment x --dport 22` is the protocol's `--dport`): compileRule reads such a line.
    for (let k = 0; k < optionCount; k++) if (!ownOption(name, view.name(currentOptions[k]))) return false;
    if (name === "comment") return true;
    const ported = PORTED[name];
    if (ported !== undefined && Object.hasOwn(PORTED, name)) {
      this.addModuleTest(cache.match(ported));
      for (let k = 0; k < optionCount; k++) {
        const o = currentOptions[k];
        const option = view.name(o);
        const source = option === "--sport" || option === "--source-port";
        if (!source && option !== "--dport" && option !== "--destination-port") return false;
        const r = portRangeOf(view.value(o) ?? "");
        if (r === null) return false;
        const negated = view.negated(o);
        if (!source && !negated && r.min === r.max) this.moduleDestinationPort = r.min;
        this.addModuleTest(cache.port(source, r, negated));
      }
      return true;
    }
    if (name === "statistic") {
      // The first of each, as compileRule reads them.
      let mode = -1;
      let probability = -1;
      for (let k = 0; k < optionCount; k++) {
        const o = currentOptions[k];
        const option = view.name(o);
        if (option === "--mode") mode = mode === -1 ? o : mode;
        else if (option === "--probability") probability = probability === -1 ? o : probability;
      }
      if (mode === -1 || view.value(mode) !== "random" || probability === -1) return false;
      const p = pickProbability(view.value(probability) ?? undefined);
      if (p === null) return false;
      const negated = view.negated(probability);
      if (p === 0 || p === 1) this.addModuleTest(cache.constant((p === 1) !== negated));
      else {
        const words = this.currentFirst === -1 ? [] : [view.written(this.currentFirst)];
        for (let k = 0; k < optionCount; k++) words.push(view.written(currentOptions[k]));
        const written = words.join(" ");
        this.addModuleTest(pickTest(randomPick(placeOf(this.line), written, p, negated)));
        this.ownTests = true;
      }
      return true;
    }
    return false;
  }
}

/** What a step of a rule shape adds to the rule's tests, from the rule's own value or from none. */
const enum StepKind {
  /** A test the shape decides alone (`-p tcp`, `-m tcp`, `-f`): the same for every rule of the shape. */
  Shared,
  /** `-s`, `-d` and their long names: the address is the rule's. */
  Address,
  /** `-i`, `-o`: the interface is the rule's (tests shared by name through the cache). */
  Interface,
  /** `--sport`, `--dport` of a ported match. */
  Port,
  /** `-m statistic --mode random --probability P`. */
  Pick,
}

/** One step: its element (the option it reads the value of), which side or direction, whether negated. */
class ShapeStep {
  constructor(
    readonly kind: StepKind,
    readonly element: number,
    /** The source address or port (`-s`, `--sport`), or the incoming interface (`-i`). */
    readonly source: boolean,
    readonly negated: boolean,
    /** The shared test (Shared); the elements a pick's condition quotes (Pick); else null. */
    readonly test: Test | null = null,
    readonly quoted: readonly number[] = NO_ELEMENT_INDEXES,
  ) {}
}

const NO_ELEMENT_INDEXES: number[] = [];

/**
 * Command lines of one shape: the same token codes (so the same plan) and the same words wherever
 * a word decides what CommonRuleReader makes of a line (every option's name, the `-m` modules, `-p`'s
 * protocol, statistic's mode, the name of a target with options). What it makes of them is decided
 * once, from the first line of the shape: a kube-proxy dump's 60,000 service and endpoint rules
 * are a handful of shapes, and each rule then reads only its values (addresses, ports, a probability).
 */
class RuleShape {
  constructor(
    /** The key words and where they are: token offsets from the line's first token. */
    private readonly keyTokens: Int32Array,
    private readonly keyWords: readonly string[],
    /** The tests' steps in the rule's order (generic options', then modules'); null when CommonRuleReader reads no line of the shape. */
    readonly steps: readonly ShapeStep[] | null,
    readonly protocolNumber: number | null,
    readonly targetElement: number,
    readonly targetKind: "jump" | "goto",
    /** The target's option elements, null when it has none. */
    readonly targetOptions: readonly number[] | null,
    /** For a DNAT or SNAT target: its name, and the element of its address (-1: none), read without the other options. */
    readonly nat: "DNAT" | "SNAT" | null,
    readonly natElement: number,
  ) {}

  /** Whether the line's key words are this shape's, compared in place. */
  fits(text: string, starts: Int32Array, ends: Int32Array, first: number): boolean {
    const { keyTokens, keyWords } = this;
    for (let k = 0; k < keyTokens.length; k++) {
      const t = first + keyTokens[k];
      const word = keyWords[k];
      if (ends[t] - starts[t] !== word.length || !text.startsWith(word, starts[t])) return false;
    }
    return true;
  }
}

/** A plan's shapes kept at most: lines of junk, each its own shape, are read one by one. */
const MAX_SHAPES_PER_PLAN = 64;

/**
 * The shape of `line`, made from it the first time; null when the line has a key word that is
 * quoted or has an inline value (`--dport=80`), which CommonRuleReader reads line by line.
 */
function shapeOfLine(line: RuleLine, view: LineView, shapes: Map<ViewedLine["plan"], RuleShape[]>, cache: RuleCache): RuleShape | null {
  const { text, lexed } = line.source;
  const { starts, ends } = lexed.tokens;
  const first = lexed.firstTokens[line.index];
  let known = shapes.get(line.plan);
  if (known !== undefined) {
    for (const shape of known) if (shape.fits(text, starts, ends, first)) return shape;
    if (known.length >= MAX_SHAPES_PER_PLAN) return null;
  }
  const shape = readShape(line, view, cache);
  if (shape === null) return null;
  if (known === undefined) shapes.set(line.plan, (known = []));
  known.push(shape);
  return shape;
}

/** CommonRuleReader.read's decisions for the line's shape, as steps; null when a key word is not plain. */
function readShape(line: RuleLine, view: LineView, cache: RuleCache): RuleShape | null {
  const { text, lexed } = line.source;
  const { starts, ends } = lexed.tokens;
  const first = lexed.firstTokens[line.index];
  const elements = line.plan.elements;
  const keyTokens: number[] = [];
  const keyWords: string[] = [];
  let plain = true;
  const key = (token: number, option: boolean): void => {
    const word = text.slice(starts[first + token], ends[first + token]);
    if (word.includes('"') || (option && word.includes("="))) plain = false;
    keyTokens.push(token);
    keyWords.push(word);
  };
  /** The element's first value, as view.value reads it, made part of the key. */
  const keyValue = (i: number): string | null => {
    const from = Math.max(elements[i * 4 + 1], elements[i * 4 + 2]) + 1;
    if (from < elements[i * 4 + 3]) key(from, false);
    return view.value(i);
  };
  for (let i = 0; i < view.count; i++) key(elements[i * 4 + 1], true);
  const generic: ShapeStep[] = [];
  const modules: ShapeStep[] = [];
  let protocolNumber: number | null = null;
  let protocol: string | null = null;
  let current: string | null = null;
  let currentFirst = -1;
  let currentOptions: number[] = [];
  let targetElement = -1;
  let targetKind: "jump" | "goto" = "jump";
  let targetOptions: number[] | null = null;
  /** CommonRuleReader.closeModule's decisions: false when it gives up on the line. */
  const closeModule = (): boolean => {
    const name = current;
    if (name === null) return true;
    current = null;
    for (const o of currentOptions) if (!ownOption(name, view.name(o))) return false;
    if (name === "comment") return true;
    const ported = PORTED[name];
    if (ported !== undefined && Object.hasOwn(PORTED, name)) {
      modules.push(new ShapeStep(StepKind.Shared, -1, false, false, cache.match(ported)));
      for (const o of currentOptions) {
        const option = view.name(o);
        const source = option === "--sport" || option === "--source-port";
        if (!source && option !== "--dport" && option !== "--destination-port") return false;
        modules.push(new ShapeStep(StepKind.Port, o, source, view.negated(o)));
      }
      return true;
    }
    if (name === "statistic") {
      let mode = -1;
      let probability = -1;
      for (const o of currentOptions) {
        const option = view.name(o);
        if (option === "--mode") mode = mode === -1 ? o : mode;
        else if (option === "--probability") probability = probability === -1 ? o : probability;
      }
      if (mode === -1 || keyValue(mode) !== "random" || probability === -1) return false;
      const quoted = currentFirst === -1 ? currentOptions : [currentFirst, ...currentOptions];
      modules.push(new ShapeStep(StepKind.Pick, probability, false, view.negated(probability), null, quoted));
      return true;
    }
    return false;
  };
  let readable = true;
  for (let i = 0; i < view.count && readable; i++) {
    const role = view.role(i);
    if (role === "generic") {
      const match = genericMatchOf(view.name(i));
      switch (match) {
        case "source":
        case "destination":
          generic.push(new ShapeStep(StepKind.Address, i, match === "source", view.negated(i)));
          break;
        case "in-interface":
        case "out-interface":
          generic.push(new ShapeStep(StepKind.Interface, i, match === "in-interface", view.negated(i)));
          break;
        case "protocol": {
          const value = keyValue(i);
          protocol = value?.toLowerCase() ?? null;
          const n = protocolNumberOf(value ?? "");
          if (n === null) {
            readable = false;
            break;
          }
          const negated = view.negated(i);
          if (!negated && n !== 0) protocolNumber = n;
          generic.push(new ShapeStep(StepKind.Shared, i, false, negated, cache.protocol(n, negated)));
          break;
        }
        case "fragment":
          generic.push(new ShapeStep(StepKind.Shared, i, false, false, cache.constant(view.negated(i))));
          break;
      }
    } else if (role === "match") {
      if (!closeModule()) readable = false;
      current = keyValue(i) ?? "";
      currentFirst = i;
      currentOptions = [];
    } else if (role === "jump" || role === "goto") {
      if (!closeModule()) readable = false;
      targetElement = i;
      targetKind = role;
      targetOptions = null;
    } else if (role === "module") {
      if (targetElement !== -1 && current === null) {
        // An option the target does not have is a match's: compileRule reads the line (the target's name is then in the key).
        if (!targetOwns(keyValue(targetElement) ?? "", view.name(i))) readable = false;
        (targetOptions ??= []).push(i);
      } else if (current !== null) currentOptions.push(i);
      else {
        current = protocol === "icmpv6" || protocol === "ipv6-icmp" ? "icmp6" : (protocol ?? "?");
        currentFirst = -1;
        currentOptions = [i];
      }
    }
  }
  if (readable && !closeModule()) readable = false;
  // A target with options is read by its name (DNAT, MARK): the name is part of the key.
  const targetName = readable && targetOptions !== null ? keyValue(targetElement) : null;
  if (!plain) return null;
  const steps = readable ? [...generic, ...modules] : null;
  const nat = targetName === "DNAT" || targetName === "SNAT" ? targetName : null;
  // As actionOf reads it: the first option of that name.
  const natElement = nat === null ? -1 : (targetOptions?.find((o) => view.name(o) === natOptionOf(nat)) ?? -1);
  return new RuleShape(Int32Array.from(keyTokens), keyWords, steps, protocolNumber, targetElement, targetKind, targetOptions, nat, natElement);
}

/** The compiled rule of `line` with these tests: its target's action, shared when the target has no options. */
function ruleOf(
  line: RuleLine,
  view: LineView,
  tests: readonly Test[],
  targetElement: number,
  targetKind: "jump" | "goto",
  targetOptions: Element[] | null,
  destinationKey: bigint | null,
  destinationPortKey: number | null,
  family: Family,
  names: TargetNames,
  cache: RuleCache,
): CompiledRule {
  if (targetElement === -1) return { line: line.index, target: null, tests, action: NO_ACTION, destinationKey, destinationPortKey };
  if (targetOptions === null) {
    // A target with no options of its own is the same action for every rule of the table that names it.
    const { name, action } = cache.target(targetKind, view, targetElement, names.targetId(line.index), family, names);
    return { line: line.index, target: name, tests, action, destinationKey, destinationPortKey };
  }
  const name = view.value(targetElement) ?? "";
  const action = actionOf({ kind: targetKind, name, options: targetOptions }, family, names.isChain(name));
  return { line: line.index, target: name, tests, action, destinationKey, destinationPortKey };
}

const NO_STEPS: ShapeStep[] = [];

function unread(where: Where, written: string): Test {
  return () => maybe(`${where} \`${written}\` matches (its value is not one the walk reads)`);
}

/** addressTest for one network, holding no list: the same answers. */
function netTest(source: boolean, net: Net, negated: boolean, family: Family): Test {
  const { network, mask } = net;
  const exact = net.exact === true;
  return (p) => {
    const address = source ? p.source : p.destination;
    if (address === null) return maybe("the address MASQUERADE gives is in 1 network(s) of the rule");
    if (p.family !== family) return false;
    return (exact ? address === network : (address & mask) === network) !== negated;
  };
}

function addressTest(source: boolean, nets: Net[], negated: boolean, family: Family): Test {
  return (p) => {
    const address = source ? p.source : p.destination;
    if (address === null) return maybe(`the address MASQUERADE gives is in ${nets.length} network(s) of the rule`);
    if (p.family !== family) return false;
    let hit = false;
    for (const net of nets) if (inNet(address, net)) hit = true;
    return hit !== negated;
  };
}

/** `eth0` or `eth+` (any name starting with `eth`), as the kernel compares names. */
function interfaceMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("+") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function interfaceTest(incoming: boolean, pattern: string, negated: boolean): Test {
  return (p) => {
    const name = incoming ? p.inInterface : p.outInterface;
    if (name === null) return answer(maybe(`the packet leaves by an interface named ${JSON.stringify(pattern)}`), negated);
    return interfaceMatches(pattern, name) !== negated;
  };
}

const PORTED: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132, udplite: 136, dccp: 33 };

const inRange = (value: number | null, range: { min: number; max: number }): boolean => value !== null && value >= range.min && value <= range.max;

function moduleTests(m: Module, where: Where, family: Family, protocolNumber: number | null): { tests: Test[]; destinationPort: number | null } {
  const tests: Test[] = [];
  let destinationPort: number | null = null;
  const whole = () => `${where} \`${m.written.join(" ")}\``;
  const undecided = (): Test => {
    let c: Maybe | undefined;
    return () => (c ??= maybe(`${whole()} matches`));
  };
  const ported = PORTED[m.name];
  switch (m.name) {
    case "comment":
    case "tcp":
    case "udp":
    case "udplite":
    case "sctp":
    case "dccp":
      if (m.name === "comment") break;
      tests.push((p) => p.protocolNumber === ported);
      for (const o of m.options) {
        const value = o.values[0] ?? "";
        if (["--sport", "--source-port", "--dport", "--destination-port"].includes(o.name)) {
          const range = parseTcpPorts(value);
          if (range.kind !== "value") {
            tests.push(unread(where, o.written));
            continue;
          }
          const r = range.value;
          const source = o.name === "--sport" || o.name === "--source-port";
          if (!source && !o.negated && r.min === r.max) destinationPort = r.min;
          tests.push((p) => inRange(source ? p.sourcePort : p.destinationPort, r) !== o.negated);
        } else if (m.name === "tcp" && (o.name === "--tcp-flags" || o.name === "--syn")) {
          const flags = o.name === "--syn" ? { mask: 0x17, comp: 0x02 } : parseTcpFlags(o.values[0] ?? "", o.values[1] ?? "").kind === "value" ? (parseTcpFlags(o.values[0], o.values[1]) as { value: { mask: number; comp: number } }).value : null;
          if (flags === null) {
            tests.push(unread(where, o.written));
            continue;
          }
          tests.push((p) => {
            const { known, value } = p.tcpFlags;
            if ((flags.mask & ~known) !== 0) {
              if (((value ^ flags.comp) & flags.mask & known) !== 0) return o.negated;
              return answer(maybe(`the TCP flags of the packet are ${o.values.join(" ")} under ${o.name}`), o.negated);
            }
            return ((value & flags.mask) === flags.comp) !== o.negated;
          });
        } else tests.push(unread(where, o.written));
      }
      break;
    case "icmp":
    case "icmp6":
      tests.push((p) => p.protocolNumber === (m.name === "icmp" ? 1 : 58));
      for (const o of m.options) {
        const parsed = parseIcmpType(o.values[0] ?? "", m.name === "icmp" ? 4 : 6);
        if (parsed.kind !== "value") {
          tests.push(unread(where, o.written));
          continue;
        }
        const t = parsed.value;
        tests.push((p) => (t.type === 255 || (p.icmpType === t.type && p.icmpCode !== null && p.icmpCode >= t.codeMin && p.icmpCode <= t.codeMax)) !== o.negated);
      }
      break;
    case "multiport":
      for (const o of m.options) {
        const proto = protocolNumber === null ? "tcp" : (Object.entries(PORTED).find(([, n]) => n === protocolNumber)?.[0] ?? "tcp");
        const parsed = parseMultiport(o.values[0] ?? "", proto);
        if (parsed.kind !== "value") {
          tests.push(unread(where, o.written));
          continue;
        }
        const ranges = parsed.value.ports;
        const which = o.name === "--sports" || o.name === "--source-ports" ? "source" : o.name === "--ports" ? "either" : "destination";
        tests.push((p) => {
          const hit = (port: number | null) => ranges.some((r) => inRange(port, r));
          const matched = which === "source" ? hit(p.sourcePort) : which === "destination" ? hit(p.destinationPort) : hit(p.sourcePort) || hit(p.destinationPort);
          return matched !== o.negated;
        });
      }
      break;
    case "iprange":
      for (const o of m.options) {
        const [fromText, toText] = (o.values[0] ?? "").split("-");
        const from = parseAddress(fromText ?? "");
        const to = parseAddress(toText ?? fromText ?? "");
        if (from === null || to === null || from.family !== family || to.family !== family) {
          tests.push(unread(where, o.written));
          continue;
        }
        const source = o.name === "--src-range";
        tests.push((p) => {
          const a = source ? p.source : p.destination;
          if (a === null) return answer(maybe(`the address MASQUERADE gives is in ${o.values[0]}`), o.negated);
          return (a >= from.address && a <= to.address) !== o.negated;
        });
      }
      break;
    case "mark":
    case "connmark":
      for (const o of m.options) {
        const t = o.name === "--mark" ? markTest(o.values[0] ?? "", o.negated) : null;
        if (t === null) {
          tests.push(unread(where, o.written));
          continue;
        }
        const conn = m.name === "connmark";
        tests.push((p, at) => {
          if (conn && !hasConnection(p, at)) return false;
          const r = (conn ? p.ct.mark : p.mark).test(t);
          if (r !== "maybe") return r;
          return answer(maybe(`the ${conn ? "connection's mark" : "packet's mark"} has ${o.values[0]}`), t.negated);
        });
      }
      break;
    case "state":
    case "conntrack":
      tests.push(...conntrackTests(m, where, family));
      break;
    case "addrtype":
      tests.push(...addrtypeTests(m, where));
      break;
    case "owner":
      tests.push((p) => {
        if (!p.local) return m.options.every((o) => o.negated);
        const all = m.options.map((o) => (o.name === "--socket-exists" ? !o.negated : answer(maybe(`the sending socket's ${o.name.slice(2)} is ${o.values[0] ?? ""}`), o.negated)));
        return allOf(all);
      });
      break;
    case "set":
      tests.push(...setTests(m, where, family));
      break;
    case "statistic": {
      const mode = m.options.find((o) => o.name === "--mode")?.values[0];
      const probability = m.options.find((o) => o.name === "--probability");
      const every = m.options.find((o) => o.name === "--every");
      const packet = m.options.find((o) => o.name === "--packet");
      const p = mode === "random" && probability !== undefined ? pickProbability(probability.values[0]) : null;
      if (probability !== undefined && p !== null) {
        // 0 and 1 are no chance: the kernel's test then always fails, or always holds.
        if (p === 0 || p === 1) tests.push(() => (p === 1) !== probability.negated);
        else {
          const c = randomPick(`${where}`, m.written.join(" "), p, probability.negated);
          tests.push(() => c);
        }
      } else if (mode === "nth" && every !== undefined) {
        const n = Number(every.values[0]);
        const c: Maybe = { key: `${whole()} picks the packet (packet ${packet?.values[0] ?? "0"} of every ${n})`, probability: n > 0 ? 1 / n : null, negated: every.negated };
        tests.push(() => c);
      } else tests.push(undecided());
      break;
    }
    default:
      // limit, hashlimit, recent, connlimit, quota, time, length, ttl...: either way.
      tests.push(undecided());
  }
  return { tests, destinationPort };
}

function allOf(answers: Answer[]): Answer {
  let pending: Answer = true;
  for (const a of answers) {
    if (a === false) return false;
    if (a !== true && pending === true) pending = a;
    else if (a !== true && pending !== true) {
      // Two undecided conditions: the walk asks them one at a time.
      return { key: `${(pending as Maybe).negated ? "not: " : ""}${(pending as Maybe).key} and ${a.negated ? "not: " : ""}${a.key}`, probability: null, negated: false };
    }
  }
  return pending;
}

const STATE_NAMES = new Set(["INVALID", "NEW", "ESTABLISHED", "RELATED", "UNTRACKED", "SNAT", "DNAT"]);

function conntrackTests(m: Module, where: Where, family: Family): Test[] {
  const tests: Test[] = [];
  let hasState = false;
  const others: Test[] = [];
  for (const o of m.options) {
    const value = o.values[0] ?? "";
    if (o.name === "--state" || o.name === "--ctstate") {
      const parsed = o.name === "--state" ? parseCtState(value) : parseCtState(value);
      if (parsed.kind !== "value") {
        tests.push(unread(where, o.written));
        continue;
      }
      hasState = true;
      const wanted = new Set<string>([...parsed.value].filter((s) => STATE_NAMES.has(s)));
      tests.push((p, at) => answer(stateAnswer(p, at, wanted), o.negated));
    } else if (o.name === "--ctstatus") {
      const parsed = parseCtStatus(value);
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const wanted = parsed.value;
      others.push((p) => answer(statusAnswer(p, wanted, value), o.negated));
    } else if (o.name === "--ctproto") {
      const parsed = parseGenericProtocol(value);
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const n = parsed.value;
      others.push((p) => (n === 0 || p.protocolNumber === n) !== o.negated);
    } else if (["--ctorigsrc", "--ctorigdst", "--ctreplsrc", "--ctrepldst"].includes(o.name)) {
      const parsed = parseHostMask(value, family, { extension: "conntrack", option: o.name.slice(2) });
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const net = netOf(parsed.value);
      const which = o.name.slice(4);
      others.push((p) => {
        const a = connAddress(p, which);
        if (a === null) return answer(maybe(`the connection's ${which === "origsrc" ? "original source" : which === "origdst" ? "original destination" : which === "replsrc" ? "reply source" : "reply destination"} is in ${value}`), o.negated);
        return inNet(a, net) !== o.negated;
      });
    } else if (["--ctorigsrcport", "--ctorigdstport", "--ctreplsrcport", "--ctrepldstport"].includes(o.name)) {
      const parsed = parsePortRange(value, { extension: "conntrack", option: o.name.slice(2) });
      if (parsed.kind !== "value") {
        others.push(unread(where, o.written));
        continue;
      }
      const range = parsed.value;
      const which = o.name.slice(4, -4);
      others.push((p) => {
        const port = connPort(p, which);
        if (port === undefined) return answer(maybe(`the connection's ${which} port is ${value}`), o.negated);
        return inRange(port, range) !== o.negated;
      });
    } else if (o.name === "--ctdir") {
      const original = value.toUpperCase() === "ORIGINAL";
      others.push((p) => (p.ct.originalDirection === null ? maybe(`the packet goes the connection's ${original ? "original" : "reply"} way`) : p.ct.originalDirection === original));
    } else others.push(unread(where, o.written));
  }
  if (others.length === 0) return tests;
  // Without a connection the kernel's match holds only when it tested the state (and that passed).
  tests.push((p, at) => (!hasConnection(p, at) ? hasState : allOf(others.map((t) => t(p, at)))));
  return tests;
}

/** Whether the packet has a connection: not before conntrack (raw), not untracked, not invalid. */
export const hasConnection = (p: WalkPacket, at: Place): boolean => !at.beforeConntrack && p.ct.state !== "UNTRACKED" && p.ct.state !== "INVALID";

function stateAnswer(p: WalkPacket, at: Place, wanted: ReadonlySet<string>): Answer {
  const state = at.beforeConntrack ? (p.ct.state === "UNTRACKED" ? "UNTRACKED" : "INVALID") : p.ct.state;
  if (wanted.has(state)) return true;
  if (at.beforeConntrack || state === "UNTRACKED" || state === "INVALID") return false;
  let result: Answer = false;
  for (const [flag, known] of [["DNAT", p.ct.dnat], ["SNAT", p.ct.snat]] as const) {
    if (!wanted.has(flag)) continue;
    if (known === true) return true;
    if (known === null) result = maybe(`the connection's ${flag === "DNAT" ? "destination" : "source"} was rewritten (ctstate ${flag})`);
  }
  return result;
}

function statusAnswer(p: WalkPacket, wanted: ReadonlySet<string>, text: string): Answer {
  const s = p.ct.state;
  const bits: Record<string, boolean | null> = {
    EXPECTED: s === "RELATED" ? true : s === "NEW" ? false : null,
    SEEN_REPLY: s === "NEW" || s === "RELATED" ? false : s === "ESTABLISHED" ? true : null,
    ASSURED: s === "NEW" || s === "RELATED" ? false : null,
    CONFIRMED: s === "NEW" ? false : s === "ESTABLISHED" ? true : null,
  };
  let unknown = false;
  if (wanted.has("NONE") && Object.values(bits).every((b) => b === false)) return true;
  for (const w of wanted) {
    if (w === "NONE") continue;
    if (bits[w] === true) return true;
    if (bits[w] === null) unknown = true;
  }
  return unknown || wanted.has("NONE") ? maybe(`the connection's status has ${text}`) : false;
}

function connAddress(p: WalkPacket, which: string): bigint | null {
  const o = p.ct.original;
  if (o === null) return null;
  if (which === "origsrc") return o.source;
  if (which === "origdst") return o.destination;
  // The reply goes from where the packet now goes to where it now comes from (after NAT).
  return which === "replsrc" ? p.destination : p.source;
}

function connPort(p: WalkPacket, which: string): number | null | undefined {
  const o = p.ct.original;
  if (o === null) return undefined;
  if (which === "origsrc") return o.sourcePort;
  if (which === "origdst") return o.destinationPort;
  return which === "replsrc" ? p.destinationPort : p.sourcePort;
}

const ADDR_TYPES = new Set(["UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST", "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"]);

function addrtypeTests(m: Module, where: Where): Test[] {
  const limitIn = m.options.some((o) => o.name === "--limit-iface-in");
  const limitOut = m.options.some((o) => o.name === "--limit-iface-out");
  const tests: Test[] = [];
  for (const o of m.options) {
    if (o.name !== "--src-type" && o.name !== "--dst-type") continue;
    const types = (o.values[0] ?? "").split(",").map((t) => t.toUpperCase());
    if (types.some((t) => !ADDR_TYPES.has(t))) {
      tests.push(unread(where, o.written));
      continue;
    }
    const source = o.name === "--src-type";
    tests.push((p, at) => {
      const address = source ? p.source : p.destination;
      if (address === null) return answer(maybe(`the address MASQUERADE gives is of type ${types.join(",")}`), o.negated);
      const iface = limitIn ? p.inInterface : limitOut ? p.outInterface : undefined;
      return answer(addressTypeIs(p.family, address, types, at.node, iface), o.negated);
    });
  }
  return tests;
}

/** Whether an address is of one of these types, as the kernel's addrtype match asks the routing table. */
function addressTypeIs(family: Family, address: bigint, types: string[], node: NodeInfo, iface: string | null | undefined): Answer {
  if (family === 6) return addressType6(address, types, node, iface);
  let kind: string;
  if (family === 4 && (address >> 24n === 0n || address === 0xffffffffn)) kind = "BROADCAST";
  else if (family === 4 ? address >> 28n === 0xen : address >> 120n === 0xffn) kind = "MULTICAST";
  else {
    const local = iface === undefined ? node.isLocal(family, address) : iface === null ? null : node.isLocalOn(family, address, iface);
    const broadcast = node.isBroadcast(family, address);
    if (local === true) kind = "LOCAL";
    else if (broadcast === true) kind = "BROADCAST";
    else if (local === null) {
      const wantsLocal = types.includes("LOCAL");
      const wantsOther = types.includes("UNICAST");
      if (wantsLocal === wantsOther) return wantsLocal;
      const c = maybe(`${formatKey(family, address)} is an address of the node`);
      return wantsLocal ? c : not(c);
    } else kind = "UNICAST";
  }
  return types.includes(kind);
}

/**
 * IPv6 (xt_addrtype's match_type6): every type given must hold. MULTICAST and UNICAST are the
 * address's own kind (a node's own address is UNICAST too), UNSPEC is `::`; LOCAL, ANYCAST and
 * UNREACHABLE ask a route lookup: the match holds when the route is one of them.
 */
function addressType6(address: bigint, types: string[], node: NodeInfo, iface: string | null | undefined): Answer {
  const multicast = address >> 120n === 0xffn;
  if (types.includes("MULTICAST") && !multicast) return false;
  if (types.includes("UNICAST") && (multicast || address === 0n)) return false;
  if (types.includes("UNSPEC") && address !== 0n) return false;
  const routed = types.filter((t) => t === "LOCAL" || t === "ANYCAST" || t === "UNREACHABLE");
  if (routed.length === 0) return true;
  const local = iface === undefined ? node.isLocal(6, address) : iface === null ? null : node.isLocalOn(6, address, iface);
  if (local === true) return routed.includes("LOCAL");
  const route = node.route(6, address);
  const unreachable = route === null || (route !== undefined && (route.type === "unreachable" || route.type === "prohibit" || route.type === "blackhole"));
  if (local === false && route !== undefined) return unreachable ? routed.includes("UNREACHABLE") : false;
  if (routed.includes("LOCAL") && !routed.includes("UNREACHABLE")) return local === null ? maybe(`${formatKey(6, address)} is an address of the node`) : false;
  return maybe(`the route to ${formatKey(6, address)} is of type ${routed.join(",")}`);
}

export function formatKey(family: Family, address: bigint): string {
  // The same text for the same address, for conditions several rules share: as iptables prints it.
  if (family === 4) return `${Number(address >> 24n) & 255}.${Number(address >> 16n) & 255}.${Number(address >> 8n) & 255}.${Number(address) & 255}`;
  return formatIpv6(Array.from({ length: 8 }, (_, k) => Number((address >> BigInt(112 - 16 * k)) & 0xffffn)));
}

function setTests(m: Module, where: Where, family: Family): Test[] {
  const tests: Test[] = [];
  for (const o of m.options) {
    if (o.name !== "--match-set" && o.name !== "--set") continue;
    const [name, flagText] = o.values;
    if (name === undefined || flagText === undefined) {
      tests.push(unread(where, o.written));
      continue;
    }
    const flags = flagText.split(",");
    tests.push((p, at) => answer(inSet(p, at.node, name, flags, family, 0), o.negated));
  }
  return tests;
}

function inSet(p: WalkPacket, node: NodeInfo, name: string, flags: string[], family: Family, depth: number): Answer {
  const unknown = (): Answer => maybe(`the packet's ${flags.join(",")} is in the ipset ${name}`);
  const set = node.sets?.get(name);
  if (set === undefined || depth > 8) return unknown();
  if (set.type.startsWith("list:")) {
    let result: Answer = false;
    for (const member of set.sets) {
      const a = inSet(p, node, member, flags, family, depth + 1);
      if (a === true) return true;
      if (a !== false) result = unknown();
    }
    return result;
  }
  if (set.family !== null && set.family !== family) return false;
  let result: Answer = false;
  const matches: boolean[] = [];
  for (const member of set.members) {
    let all: boolean | null = true;
    member.parts.forEach((part, k) => {
      const source = (flags[k] ?? flags[flags.length - 1]) === "src";
      if (all === false) return;
      if (part.kind === "net") {
        const a = source ? p.source : p.destination;
        if (a === null) all = null;
        else if (!inNet(a, part.net) || bitsOf(family) !== (p.family === 4 ? 32 : 128)) all = false;
      } else if (part.kind === "port") {
        const port = source ? p.sourcePort : p.destinationPort;
        if (p.protocolNumber !== part.protocol || port !== part.port) all = false;
      } else if (part.kind === "iface") {
        const iface = source ? p.inInterface : p.outInterface;
        if (iface === null) all = null;
        else if (iface !== part.name) all = false;
      } else all = null;
    });
    if (all === true) {
      // A `nomatch` entry of a hash:net set is a hole in the set.
      if (member.nomatch) return false;
      matches.push(true);
    } else if (all === null) result = unknown();
  }
  return matches.length > 0 ? true : result;
}

function actionOf(target: { kind: "jump" | "goto"; name: string; options: Element[] }, family: Family, isChain: boolean, chainId = -1): Action {
  const option = (name: string): Element | undefined => target.options.find((o) => o.name === name);
  const name = target.name;
  if (isChain) return { kind: "jump", chain: name, goto: target.kind === "goto", chainId };
  switch (name) {
    case "ACCEPT":
      return { kind: "verdict", verdict: "accept" };
    case "DROP":
      return { kind: "verdict", verdict: "drop" };
    case "REJECT":
      return { kind: "verdict", verdict: "reject" };
    case "QUEUE":
    case "NFQUEUE":
      return { kind: "verdict", verdict: "queue" };
    case "RETURN":
      return { kind: "return" };
    case "MARK": {
      for (const o of target.options) {
        const effect = o.values[0] === undefined ? null : markOptionEffect(o.name, o.values[0]);
        if (effect !== null) return { kind: "mark", effect };
      }
      return { kind: "mark", effect: null };
    }
    case "CONNMARK":
      return { kind: "connmark", apply: connmarkEffect(target.options) };
    case "DNAT":
    case "SNAT":
      return natAction(name, option(natOptionOf(name))?.values[0] ?? "", family);
    case "MASQUERADE":
    case "REDIRECT": {
      const ports = option("--to-ports")?.values[0];
      return { kind: "nat", nat: name, addresses: null, ports: ports === undefined ? null : portRange(ports), netmap: null };
    }
    case "NETMAP": {
      const to = option("--to")?.values[0] ?? "";
      const parsed = parseHostMask(to, family, { extension: "NETMAP", option: "to" });
      return { kind: "nat", nat: "NETMAP", addresses: null, ports: null, netmap: parsed.kind === "value" ? netOf(parsed.value) : null };
    }
    case "NOTRACK":
      return { kind: "notrack" };
    case "CT":
      return option("--notrack") !== undefined ? { kind: "notrack" } : { kind: "continue" };
    case "TPROXY": {
      const port = Number(option("--on-port")?.values[0] ?? "0");
      const markText = option("--tproxy-mark")?.values[0];
      const vm = markText === undefined ? null : parseValueMask(markText);
      return { kind: "tproxy", port, effect: vm === null ? null : { value: vm.value, mask: vm.mask } };
    }
    default:
      // LOG, NFLOG, TRACE, and the other targets that let the packet go on.
      return { kind: "continue" };
  }
}

const natOptionOf = (name: "DNAT" | "SNAT"): string => (name === "DNAT" ? "--to-destination" : "--to-source");

/** natAction of element `i`'s value (-1: none), a plain IPv4 one read in place. */
function natActionAt(name: "DNAT" | "SNAT", view: LineView, text: string, i: number, family: Family): Action {
  const start = family === 4 && i !== -1 ? view.valueStart(i) : -1;
  const parsed = start === -1 ? null : plainNatRange4In(text, start, view.valueEnd(i));
  if (parsed === null) return natAction(name, i === -1 ? "" : (view.value(i) ?? ""), family);
  return { kind: "nat", nat: name, addresses: parsed.addresses, ports: parsed.ports, netmap: null };
}

function natAction(name: "DNAT" | "SNAT", to: string, family: Family): Action {
  const parsed = (family === 4 ? plainNatRange4(to) : null) ?? natRange(to, family);
  return { kind: "nat", nat: name, addresses: parsed.addresses, ports: parsed.ports, netmap: null };
}

/**
 * natRange for `10.244.1.2` or `10.244.1.2:8080` written as iptables-save writes them (no leading
 * zero), with no string cut: kube-proxy's 50,000 endpoints are such; null for anything else.
 */
export function plainNatRange4(text: string): ReturnType<typeof natRange> | null {
  return plainNatRange4In(text, 0, text.length);
}

/** plainNatRange4 of `text.slice(from, to)`, read in place. */
export function plainNatRange4In(text: string, from: number, to: number): ReturnType<typeof natRange> | null {
  const i = dottedQuadEnd(text, from, to);
  if (i === -1) return null;
  const value = BigInt(quadValue);
  const addresses = { from: value, to: value };
  if (i === to) return { addresses, ports: null };
  if (text.charCodeAt(i) !== 0x3a /* : */ || to - i > 6 || (to - i > 2 && text.charCodeAt(i + 1) === 0x30)) return null;
  let port = 0;
  for (let k = i + 1; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return null;
    port = port * 10 + (c - 0x30);
  }
  return i + 1 === to ? null : { addresses, ports: { from: port, to: port } };
}

function connmarkEffect(options: Element[]): (p: WalkPacket) => void {
  const get = (name: string) => options.find((o) => o.name === name);
  const number = (name: string, fallback: number): number => {
    const v = get(name)?.values[0];
    const vm = v === undefined ? null : parseValueMask(v);
    return vm === null ? fallback : vm.value;
  };
  for (const o of options) {
    const effect = o.values[0] === undefined ? null : markOptionEffect(o.name, o.values[0]);
    if (effect !== null) return (p) => void (p.ct.mark = p.ct.mark.apply(effect));
  }
  const mask = number("--mask", 0xffffffff);
  const nfmask = number("--nfmask", mask);
  const ctmask = number("--ctmask", mask);
  if (get("--save-mark") !== undefined) {
    // ctmark = (ctmark & ~ctmask) ^ (nfmark & nfmask)
    return (p) => void (p.ct.mark = copyBits(p.ct.mark, p.mark, nfmask, ctmask));
  }
  if (get("--restore-mark") !== undefined) {
    // nfmark = (nfmark & ~nfmask) ^ (ctmark & ctmask)
    return (p) => void (p.mark = copyBits(p.mark, p.ct.mark, ctmask, nfmask));
  }
  return () => undefined;
}

/** `into = (into & ~clear) ^ (from & take)`, as CONNMARK --save-mark and --restore-mark do. */
function copyBits(into: MarkState, from: MarkState, take: number, clear: number): MarkState {
  const fromExact = from.exact;
  if (fromExact !== null) return into.apply({ value: (fromExact & take) >>> 0, mask: clear >>> 0 });
  const cleared = into.apply({ value: 0, mask: clear >>> 0 });
  return cleared.forget(take);
}

function portRange(text: string): { from: number; to: number } | null {
  const [a, b] = text.split("-");
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  return Number.isInteger(from) && Number.isInteger(to) ? { from, to } : null;
}

/** `ADDR[-ADDR][:PORT[-PORT]]`, IPv6 in brackets when a port follows. */
export function natRange(text: string, family: Family): { addresses: { from: bigint; to: bigint } | null; ports: { from: number; to: number } | null } {
  let addressPart = text;
  let portPart: string | null = null;
  if (family === 6 && text.startsWith("[")) {
    const close = text.indexOf("]");
    addressPart = text.slice(1, close);
    if (text[close + 1] === ":") portPart = text.slice(close + 2);
  } else if (family === 4 || !text.includes("::") || text.indexOf(":") === text.lastIndexOf(":")) {
    const colon = family === 4 ? text.indexOf(":") : -1;
    if (colon !== -1) [addressPart, portPart] = [text.slice(0, colon), text.slice(colon + 1)];
  }
  const [fromText, toText] = addressPart.split("-");
  const from = fromText ? parseAddress(fromText) : null;
  const to = toText ? parseAddress(toText) : from;
  return {
    addresses: from === null || to === null ? null : { from: from.address, to: to.address },
    ports: portPart === null ? null : portRange(portPart),
  };
}

