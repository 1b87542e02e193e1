/**
 * The packets a rule's matches take, as a set the rules can compare: a conjunction of atoms on
 * typed values (addresses, interfaces, protocol, ports, conntrack state, and a few matches kept
 * as written), read once per rule. `implies(a, b)` answers whether every packet in `a` is in `b`
 * and `disjoint(a, b)` whether none is in both; both answer true only when sure (a match the set
 * does not model makes `decidable` false, and an atom they cannot compare is not implied). Rules
 * ask them where a walk over concrete packets cannot say "every packet": one rule shadowing
 * another across chains or tables.
 */
import type { LineView } from "../../grammar/index.js";
import {
  genericMatchOf,
  parseCtState,
  parseGenericAddresses,
  parseGenericProtocol,
  parseMultiport,
  parseTcpPorts,
  readOptions,
  type Family,
} from "../netfilter/index.js";
import { allOnes, netOf, type Net } from "./addresses.js";

interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** One condition of a rule; `negated` when written with `!`. */
export type Atom =
  | { readonly field: "source" | "destination"; readonly negated: boolean; readonly nets: readonly Net[] }
  | { readonly field: "in" | "out"; readonly negated: boolean; readonly pattern: string }
  | { readonly field: "protocol"; readonly negated: boolean; readonly number: number }
  | { readonly field: "sport" | "dport"; readonly negated: boolean; readonly ranges: readonly PortRange[] }
  | { readonly field: "ctstate"; readonly negated: boolean; readonly states: ReadonlySet<string> }
  /** A match compared as written only (`--syn`, `--icmp-type 8`): implied by the same words. */
  | { readonly field: "written"; readonly negated: boolean; readonly key: string };

export interface MatchSet {
  readonly atoms: readonly Atom[];
  /** False when the rule has a match the set does not model (limit, recent, an unknown extension...). */
  readonly decidable: boolean;
}

/** Matches that never narrow what a rule takes. */
const NEUTRAL = new Set(["comment"]);
const PORTED = new Set(["tcp", "udp", "udplite", "sctp", "dccp"]);

/** The match set of a rule line, from its elements (no node). */
export function matchSetOf(view: LineView, family: Family): MatchSet {
  const atoms: Atom[] = [];
  let decidable = true;
  // Each option with the match getopt gives it, by its name (`-p tcp -m comment --comment x --dport 22`
  // is tcp's `--dport`, `-p tcp -j DROP --dport 22` too): a line read otherwise is not decided.
  const reading = readOptions(view, family);
  const owners = new Map<number, { match: string; name: string }>();
  if (reading !== null) {
    for (const instance of reading.instances) {
      if (instance.extension.kind !== "match") continue;
      for (const given of instance.given) owners.set(given.element, { match: instance.extension.name, name: given.key });
    }
  }
  for (let i = 0; i < view.count; i++) {
    const role = view.role(i);
    if (role === "jump" || role === "goto" || role === "command" || role === "counters" || role === "table") continue;
    const name = view.name(i);
    const negated = view.negated(i);
    const value = view.value(i) ?? "";
    if (role === "generic") {
      const atom = genericAtom(name, value, negated, family);
      if (atom === undefined) decidable = false;
      else if (atom !== null) atoms.push(atom);
      continue;
    }
    if (role === "match") {
      const module = value.toLowerCase();
      if (!NEUTRAL.has(module) && !PORTED.has(module) && !["multiport", "conntrack", "state", "icmp", "icmp6"].includes(module)) decidable = false;
      continue;
    }
    if (reading === null) {
      decidable = false;
      continue;
    }
    // A target's option (or one of iptables' own) takes every packet.
    const owner = owners.get(i);
    if (owner === undefined || NEUTRAL.has(owner.match)) continue;
    const atom = moduleAtom(owner.match, owner.name, view.values(i), negated);
    if (atom === null) decidable = false;
    else atoms.push(atom);
  }
  return { atoms, decidable };
}

/** An atom, null for a condition that takes every packet, undefined for one not read. */
function genericAtom(name: string, value: string, negated: boolean, family: Family): Atom | null | undefined {
  const match = genericMatchOf(name);
  switch (match) {
    case "source":
    case "destination": {
      const parsed = parseGenericAddresses(value, family);
      if (parsed.kind !== "value") return undefined;
      return { field: match, negated, nets: parsed.value.map(netOf) };
    }
    case "in-interface":
    case "out-interface":
      return { field: match === "in-interface" ? "in" : "out", negated, pattern: value };
    case "protocol": {
      const parsed = parseGenericProtocol(value);
      if (parsed.kind !== "value") return undefined;
      return parsed.value === 0 ? (negated ? undefined : null) : { field: "protocol", negated, number: parsed.value };
    }
    default:
      return undefined;
  }
}

function moduleAtom(module: string, name: string, values: string[], negated: boolean): Atom | null {
  const value = values[0] ?? "";
  if (PORTED.has(module)) {
    if (["--sport", "--source-port", "--dport", "--destination-port"].includes(name)) {
      const parsed = parseTcpPorts(value);
      if (parsed.kind !== "value") return null;
      return { field: name === "--sport" || name === "--source-port" ? "sport" : "dport", negated, ranges: [parsed.value] };
    }
    if (module === "tcp" && (name === "--syn" || name === "--tcp-flags")) return { field: "written", negated, key: `tcp ${name} ${values.join(" ").toUpperCase()}` };
    return null;
  }
  if (module === "multiport") {
    if (!["--sports", "--source-ports", "--dports", "--destination-ports"].includes(name)) return null;
    const parsed = parseMultiport(value, "tcp");
    if (parsed.kind !== "value") return null;
    return { field: name === "--sports" || name === "--source-ports" ? "sport" : "dport", negated, ranges: parsed.value.ports };
  }
  if (module === "conntrack" || module === "state") {
    if (name !== "--ctstate" && name !== "--state") return null;
    const parsed = parseCtState(value);
    if (parsed.kind !== "value") return null;
    const states = new Set([...parsed.value].map((s) => s.toUpperCase()));
    // SNAT and DNAT are not states of their own: a NEW packet may also be DNAT.
    if (states.has("SNAT") || states.has("DNAT")) return null;
    return { field: "ctstate", negated, states };
  }
  if (module === "icmp" || module === "icmp6") {
    if (name !== "--icmp-type" && name !== "--icmpv6-type") return null;
    return { field: "written", negated, key: `${module} ${values.join(" ").toLowerCase()}` };
  }
  return null;
}

/** Whether every packet in `inner` is in `outer`: true only when sure. */
export function implies(inner: MatchSet, outer: MatchSet): boolean {
  if (!inner.decidable || !outer.decidable) return false;
  return outer.atoms.every((atom) => impliesAtom(inner, atom));
}

/** Whether no packet is in both: true only when sure (one atom of `b` that `a` contradicts). */
export function disjoint(a: MatchSet, b: MatchSet): boolean {
  return b.atoms.some((atom) => impliesAtom(a, { ...atom, negated: !atom.negated } as Atom)) || a.atoms.some((atom) => impliesAtom(b, { ...atom, negated: !atom.negated } as Atom));
}

/** Whether the set's atoms imply `atom` (one of its atoms on the same field does). */
export function impliesAtom(set: MatchSet, atom: Atom): boolean {
  return set.atoms.some((have) => have.field === atom.field && atomImplies(have, atom));
}

/** Adds atoms (a condition known to hold: `--ctstate NEW` for a connection's first packet). */
export const withAtoms = (set: MatchSet, atoms: readonly Atom[]): MatchSet => ({ atoms: [...set.atoms, ...atoms], decidable: set.decidable });

function atomImplies(have: Atom, want: Atom): boolean {
  switch (want.field) {
    case "source":
    case "destination": {
      const h = have as typeof want;
      if (!h.negated && !want.negated) return h.nets.every((n) => want.nets.some((w) => netWithin(n, w)));
      if (!h.negated && want.negated) return h.nets.every((n) => want.nets.every((w) => !netsMeet(n, w)));
      if (h.negated && want.negated) return want.nets.every((w) => h.nets.some((n) => netWithin(w, n)));
      return false;
    }
    case "in":
    case "out": {
      const h = have as typeof want;
      if (!h.negated && !want.negated) return patternWithin(h.pattern, want.pattern);
      if (!h.negated && want.negated) return !patternsMeet(h.pattern, want.pattern);
      if (h.negated && want.negated) return patternWithin(want.pattern, h.pattern);
      return false;
    }
    case "protocol": {
      const h = have as typeof want;
      if (!h.negated && !want.negated) return h.number === want.number;
      if (!h.negated && want.negated) return h.number !== want.number;
      if (h.negated && want.negated) return h.number === want.number;
      return false;
    }
    case "sport":
    case "dport": {
      const h = have as typeof want;
      if (!h.negated && !want.negated) return h.ranges.every((r) => covered(r, want.ranges));
      if (!h.negated && want.negated) return h.ranges.every((r) => want.ranges.every((w) => r.max < w.min || w.max < r.min));
      if (h.negated && want.negated) return want.ranges.every((w) => covered(w, h.ranges));
      return false;
    }
    case "ctstate": {
      const h = have as typeof want;
      if (!h.negated && !want.negated) return [...h.states].every((s) => want.states.has(s));
      if (!h.negated && want.negated) return [...h.states].every((s) => !want.states.has(s));
      if (h.negated && want.negated) return [...want.states].every((s) => h.states.has(s));
      return false;
    }
    case "written": {
      const h = have as typeof want;
      return h.key === want.key && h.negated === want.negated;
    }
  }
}

/** Every address of `n` is in `w` (masks of any shape). */
const netWithin = (n: Net, w: Net): boolean => (w.mask & ~n.mask) === 0n && (n.network & w.mask) === w.network;
/** Some address is in both. */
const netsMeet = (a: Net, b: Net): boolean => ((a.network ^ b.network) & a.mask & b.mask) === 0n;

/** Every name `inner` matches, `outer` matches (`eth+` is every name starting with `eth`). */
function patternWithin(inner: string, outer: string): boolean {
  const o = outer.endsWith("+") ? outer.slice(0, -1) : null;
  if (o === null) return inner === outer;
  return (inner.endsWith("+") ? inner.slice(0, -1) : inner).startsWith(o);
}

function patternsMeet(a: string, b: string): boolean {
  const pa = a.endsWith("+") ? a.slice(0, -1) : null;
  const pb = b.endsWith("+") ? b.slice(0, -1) : null;
  if (pa === null && pb === null) return a === b;
  if (pa === null) return a.startsWith(pb!);
  if (pb === null) return b.startsWith(pa);
  return pa.startsWith(pb) || pb.startsWith(pa);
}

/** Whether the ranges together cover `r`. */
function covered(r: PortRange, ranges: readonly PortRange[]): boolean {
  let next = r.min;
  const sorted = [...ranges].sort((a, b) => a.min - b.min);
  for (const x of sorted) {
    if (x.min > next) break;
    if (x.max >= next) next = x.max + 1;
    if (next > r.max) return true;
  }
  return next > r.max;
}

/**
 * Whether a DNAT's `--to-destination` may give a packet an address in the set's destination
 * (so a packet the set did not take before NAT is in it after): false only when the DNAT's
 * addresses are read and lie outside every network of a positive `-d` of the set.
 */
export function dnatMayReach(toDestination: string | null, family: Family, set: MatchSet): boolean {
  if (toDestination === null) return true;
  const wanted = set.atoms.filter((a): a is Extract<Atom, { nets: readonly Net[] }> => a.field === "destination" && !a.negated);
  if (wanted.length === 0) return true;
  const range = dnatAddresses(toDestination, family);
  if (range === null) return true;
  return wanted.every((atom) => atom.nets.some((net) => rangeMeetsNet(range, net, family)));
}

/** `a[-b][:ports]` (IPv6: `[a[-b]][:ports]` or a bare address): the addresses, or null. */
function dnatAddresses(text: string, family: Family): { from: bigint; to: bigint } | null {
  let addresses: string;
  if (family === 4) addresses = text.split(":")[0];
  else if (text.startsWith("[")) addresses = text.slice(1, text.indexOf("]") === -1 ? text.length : text.indexOf("]"));
  else addresses = text;
  if (addresses === "") return null;
  const [fromText, toText] = addresses.split("-");
  const from = parseGenericAddresses(fromText, family);
  const to = parseGenericAddresses(toText ?? fromText, family);
  if (from.kind !== "value" || to.kind !== "value" || from.value.length !== 1 || to.value.length !== 1) return null;
  const a = netOf(from.value[0]);
  const b = netOf(to.value[0]);
  if (a.exact !== true || b.exact !== true) return null;
  return { from: a.network, to: b.network };
}

function rangeMeetsNet(range: { from: bigint; to: bigint }, net: Net, family: Family): boolean {
  if (net.prefix === null) return true;
  const last = net.network | (~net.mask & allOnes(family));
  return range.from <= last && range.to >= net.network;
}
