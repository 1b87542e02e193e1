/**
 * What iptables and the kernel know, as data and pure lookups: no document, no ruleset. Rules,
 * the ruleset model and the packet walk read it; a new fact about netfilter goes here, in the
 * file of its kind, with where it was measured or read.
 */
export * from "./marks.js";
export * from "./matches.js";
export * from "./options.js";
export * from "./places.js";
export * from "./protocols.js";
export * from "./tables.js";
export * from "./targets.js";
export * from "./extensions/index.js";
export * from "./extensions/reading.js";
export * from "./values/index.js";
