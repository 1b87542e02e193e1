/**
 * Policy routing in the packet walk: the node's `ip -j rule` (fwmark/mask, from, to, iif, not,
 * suppress_prefixlength, blackhole...) picks the table a packet's route is looked up in, by
 * priority; what the walk cannot read leaves the route undecided instead of guessed.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { NodeInfo, NodeInputError, parsePacket, trace, type TraceInput } from "../../src/index.js";

const DEFAULT_RULES = [
  { priority: 0, src: "all", table: "local" },
  { priority: 32766, src: "all", table: "main" },
  { priority: 32767, src: "all", table: "default" },
];

/** `ip -4 -j route show table all`: main to eth1, table 100 to eth0, table 101 has 10.8/16 only. */
const ROUTES = [
  { dst: "default", gateway: "10.1.0.2", dev: "eth1", flags: [] },
  { dst: "10.0.0.0/24", dev: "eth0", protocol: "kernel", scope: "link", prefsrc: "10.0.0.1", flags: [] },
  { dst: "10.1.0.0/24", dev: "eth1", protocol: "kernel", scope: "link", prefsrc: "10.1.0.1", flags: [] },
  { dst: "default", gateway: "10.0.0.9", dev: "eth0", table: "100", flags: [] },
  { dst: "10.8.0.0/16", gateway: "10.0.0.9", dev: "eth0", table: "101", flags: [] },
  { type: "blackhole", dst: "10.66.0.0/16", table: "102", flags: [] },
  { type: "local", dst: "10.0.0.1", dev: "eth0", table: "local", protocol: "kernel", scope: "host", prefsrc: "10.0.0.1", flags: [] },
];

const node = (rules: object[]) => new NodeInfo({ routes: [ROUTES], rules4: [...DEFAULT_RULES, ...rules], local: ["10.0.0.1", "10.1.0.1"] });

const MANGLE = [
  "*mangle",
  ":PREROUTING ACCEPT [0:0]",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  "-A PREROUTING -p udp --dport 53 -j MARK --set-xmark 0x20/0xff",
  "-A OUTPUT -p udp --dport 53 -j MARK --set-xmark 0x10/0xff",
  "-A OUTPUT -p udp --dport 99 -j CONNMARK --restore-mark",
  "COMMIT",
  "",
].join("\n");

function walk(rules: object[], packet: string, extra: Partial<TraceInput> = {}) {
  return trace([parse(MANGLE, { filePath: "rules.v4" })], { ...parsePacket(packet), ...extra }, node(rules)).outcomes.map((o) => ({ verdict: o.verdict, out: o.packet.outInterface, notes: o.notes, reason: o.reason }));
}

const FWMARK_100 = { priority: 100, src: "all", fwmark: "0x10", fwmask: "0xff", table: "100" };

test("policy routing: a MARK in mangle OUTPUT routes the packet again, by the table of the rule its mark matches", () => {
  assert.deepEqual(walk([FWMARK_100], "udp 10.1.0.1:40000 -> 8.8.8.8:53 out").map((o) => [o.verdict, o.out, o.notes]), [["accept", "eth0", ["routed by ip rule 100 (table 100)"]]]);
  // Unmarked: the main table.
  assert.deepEqual(walk([FWMARK_100], "udp 10.1.0.1:40000 -> 8.8.8.8:54 out").map((o) => [o.out, o.notes]), [["eth1", []]]);
  // The mask: 0x110 & 0xff is 0x10.
  assert.deepEqual(walk([FWMARK_100], "udp 10.1.0.1:40000 -> 8.8.8.8:54 out", { mark: 0x110 }).map((o) => o.out), ["eth0"]);
  // Without a mask, the whole mark must be equal.
  assert.deepEqual(walk([{ ...FWMARK_100, fwmask: undefined }], "udp 10.1.0.1:40000 -> 8.8.8.8:54 out", { mark: 0x110 }).map((o) => o.out), ["eth1"]);
});

test("policy routing: a MARK in mangle PREROUTING decides a forwarded packet's route; priority order; a table without the route passes on", () => {
  const rules = [{ priority: 200, src: "all", fwmark: "0x20", fwmask: "0xff", table: "100" }];
  assert.deepEqual(walk(rules, "udp 10.0.0.9:40000 -> 8.8.8.8:53 in eth0").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(rules, "udp 10.0.0.9:40000 -> 8.8.8.8:54 in eth0").map((o) => o.out), ["eth1"]);
  // Table 101 has no route to 8.8.8.8: the lookup goes on to the next rule (main).
  const first = [{ priority: 50, src: "all", fwmark: "0x20", fwmask: "0xff", table: "101" }, ...rules];
  assert.deepEqual(walk(first, "udp 10.0.0.9:40000 -> 8.8.8.8:53 in eth0").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(first, "udp 10.0.0.9:40000 -> 10.8.1.1:53 in eth0").map((o) => [o.out, o.notes]), [["eth0", ["routed by ip rule 50 (table 101)"]]]);
});

test("policy routing: from, to, iif, not, suppress_prefixlength, blackhole", () => {
  const from = [{ priority: 10, src: "10.0.0.0", srclen: 24, table: "100" }];
  assert.deepEqual(walk(from, "udp 10.0.0.9:40000 -> 8.8.8.8:54 in eth0").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(from, "udp 10.1.0.9:40000 -> 8.8.8.8:54 in eth1").map((o) => o.out), ["eth1"]);
  const to = [{ priority: 10, src: "all", dst: "8.8.0.0", dstlen: 16, table: "100" }];
  assert.deepEqual(walk(to, "udp 10.1.0.9:40000 -> 8.8.8.8:54 in eth1").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(to, "udp 10.1.0.9:40000 -> 9.9.9.9:54 in eth1").map((o) => o.out), ["eth1"]);
  // A packet the node sends has lo as its iif.
  const iif = [{ priority: 10, src: "all", iif: "lo", table: "100" }];
  assert.deepEqual(walk(iif, "udp 10.1.0.1:40000 -> 9.9.9.9:54 out").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(iif, "udp 10.1.0.9:40000 -> 9.9.9.9:54 in eth1").map((o) => o.out), ["eth1"]);
  const not = [{ priority: 10, not: null, src: "all", fwmark: "0x20", fwmask: "0xff", table: "100" }];
  assert.deepEqual(walk(not, "udp 10.0.0.9:40000 -> 8.8.8.8:53 in eth0").map((o) => o.out), ["eth1"]);
  assert.deepEqual(walk(not, "udp 10.0.0.9:40000 -> 8.8.8.8:54 in eth0").map((o) => o.out), ["eth0"]);
  // wg-quick's: main, but not its default route (prefix 0); then everything to table 100.
  const wg = [
    { priority: 10, src: "all", table: "main", suppress_prefixlen: 0 },
    { priority: 20, src: "all", table: "100" },
  ];
  assert.deepEqual(walk(wg, "udp 10.1.0.1:40000 -> 8.8.8.8:54 out").map((o) => o.out), ["eth0"]);
  assert.deepEqual(walk(wg, "udp 10.1.0.1:40000 -> 10.1.0.7:54 out").map((o) => o.out), ["eth1"]);
  const blackhole = [{ priority: 10, src: "all", fwmark: "0x20", fwmask: "0xff", action: "blackhole" }];
  assert.deepEqual(walk(blackhole, "udp 10.0.0.9:40000 -> 8.8.8.8:53 in eth0").map((o) => [o.verdict, o.reason]), [["drop", "the route to 8.8.8.8 is blackhole"]]);
  const table = [{ priority: 10, src: "all", table: "102" }];
  assert.deepEqual(walk(table, "udp 10.0.0.9:40000 -> 10.66.1.1:54 in eth0").map((o) => [o.verdict, o.reason]), [["drop", "the route to 10.66.1.1 is blackhole"]]);
});

test("policy routing: what the walk cannot read leaves the route undecided, not guessed", () => {
  const uid = [{ priority: 10, src: "all", uid_start: 100, uid_end: 200, table: "100" }];
  const o = walk(uid, "udp 10.1.0.1:40000 -> 8.8.8.8:54 out");
  assert.deepEqual(
    o.map((x) => [x.out, x.notes]),
    [[null, ["the route is undecided: ip rule 10 may or may not take the packet (its uid_start, uid_end is not read by the walk)"]]],
  );
  // CONNMARK --restore-mark makes the mark unknown: a fwmark rule may or may not take it.
  const marked = walk([FWMARK_100], "udp 10.1.0.1:40000 -> 8.8.8.8:99 out", { state: "established" });
  assert.deepEqual(
    marked.map((x) => [x.out, x.notes.at(-1)]),
    [[null, "the route is undecided: ip rule 100 may or may not take the packet (the packet's mark is not known in the bits of fwmark 0x10/0xff)"]],
  );
  // A table the route files do not show, when they show others: empty (the lookup goes on).
  assert.deepEqual(walk([{ priority: 10, src: "all", table: "555" }], "udp 10.1.0.1:40000 -> 8.8.8.8:54 out").map((x) => x.out), ["eth1"]);
  // goto and nop are not followed.
  assert.match(walk([{ priority: 10, src: "all", action: "goto", table: "main" }], "udp 10.1.0.1:40000 -> 8.8.8.8:54 out")[0].notes[0], /ip rule 10 is not a lookup the walk follows/);
});

test("policy routing: routes keep their tables; a rules file that is not `ip -j rule` output is a clear error", () => {
  const info = new NodeInfo({ routes: [ROUTES] });
  assert.deepEqual(
    info.routes.map((r) => `${r.table} ${r.dev}`),
    ["main eth1", "main eth0", "main eth1", "100 eth0", "101 eth0", "102 null", "local eth0"],
  );
  // Without rules: the local and main tables only, as before.
  assert.equal(info.route(4, 0x08080808n)?.dev, "eth1");
  assert.throws(() => new NodeInfo({ rules4: { priority: 1 } }), (e: Error) => e instanceof NodeInputError && /not `ip -j rule` output/.test(e.message));
  assert.throws(() => new NodeInfo({ rules4: [{ table: "main" }] }), (e: Error) => e instanceof NodeInputError && /a rule without priority/.test(e.message));
  // `ip -6 -j route` without a gateway: the file's other routes tell the family of its default route.
  const six = new NodeInfo({ routes: [[{ dst: "default", dev: "wg0", table: "51820" }, { dst: "fd00::/64", dev: "eth0" }]] });
  assert.deepEqual(six.routes.map((r) => r.family), [6, 6]);
});
