/**
 * The packet walk engine: what happens to a packet in a table's chains. Today it follows the
 * packet's mark (masquerade-mark-not-cleared is its first client); addresses, ports, NAT and
 * connection state come next.
 */
export { allOf, MarkState, markMatchTests, markTargetEffect, type Tri } from "./marks.js";
export { MarkWalk, type RuleFacts, type WalkClient } from "./walk.js";
