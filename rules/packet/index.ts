/**
 * The packet walk engine: what happens to a packet in a node's ruleset. `tracePacket` walks a
 * packet through every table in the kernel's order of hooks (trace.ts), over rules compiled to
 * tests on typed values (compile.ts), with the node's addresses, routes and ipsets (node.ts).
 * `MarkWalk` is the older walk of one table's chains following the mark only
 * (masquerade-mark-not-cleared).
 */
export { allOf, MarkState, markMatchTests, markTargetEffect, type Tri } from "./marks.js";
export { MarkWalk, type RuleFacts, type WalkClient } from "./walk.js";
export { formatAddress, parseAddress } from "./addresses.js";
export { parsePacket, PacketSyntaxError, type CtStateName, type Packet } from "./packet.js";
export { NodeInfo, NodeInputError, routeOfSpec, type IpSet, type NodeAddress, type NodeInput, type Route } from "./node.js";
export {
  tracePacket,
  TraceError,
  type ConnectionNatStep,
  type Delivery,
  type Outcome,
  type PathStep,
  type PolicyStep,
  type TracedPacket,
  type TraceInput,
  type TraceOptions,
  type TraceResult,
  type Verdict,
} from "./trace.js";
export { addressOutside, bridgeRoutes, routeTo, decidingStep, droppedByPolicy, dumpNode, formatNet, hostOf, inNet, netOfText, overlaps, protocolName, readMatches, within, type AddressMatch, type InterfaceMatch, type Net, type RuleMatches } from "./probes.js";
export { dnatMayReach, disjoint, implies, impliesAtom, matchSetOf, withAtoms, type Atom, type MatchSet } from "./match-set.js";
