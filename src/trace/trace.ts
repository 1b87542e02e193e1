/**
 * `trace(documents, packet, node)`: what happens to a packet in a node's ruleset, from the
 * packet walk of rules/packet. The packet may be given as its one-line spelling
 * (`tcp 10.0.0.9:40000 -> 10.96.0.10:53 in eth0`), the node as `NodeInfo` or what it is read from.
 */
import type { Document } from "../../grammar/index.js";
import { NodeInfo, parsePacket, tracePacket, type NodeInput, type TraceInput, type TraceOptions, type TraceResult } from "../../rules/packet/index.js";

export function trace(documents: Document | readonly Document[], packet: TraceInput | string, node?: NodeInfo | NodeInput, options?: TraceOptions): TraceResult {
  const input = typeof packet === "string" ? parsePacket(packet) : packet;
  const info = node instanceof NodeInfo ? node : new NodeInfo(node ?? {});
  return tracePacket(Array.isArray(documents) ? documents : [documents as Document], input, info, options);
}

export {
  NodeInfo,
  NodeInputError,
  PacketSyntaxError,
  parsePacket,
  TraceError,
  type ConnectionNatStep,
  type CtStateName,
  type Delivery,
  type NodeInput,
  type Outcome,
  type Packet,
  type PathStep,
  type PolicyStep,
  type TracedPacket,
  type TraceInput,
  type TraceOptions,
  type TraceResult,
  type Verdict,
} from "../../rules/packet/index.js";
