/**
 * Rerouting by mark against the kernel (issue 13): with policy routing (`ip rule fwmark ...
 * lookup N`), a MARK in mangle OUTPUT sends a packet the node makes out by the interface table N
 * names (the kernel routes it again after OUTPUT: ip_route_me_harder), and a MARK in mangle
 * PREROUTING decides the route of a forwarded packet. The packet lab (nft and legacy) against
 * `trace` given the lab node's own `ip -j addr`, `ip -4 -j route show table all` and `ip -4 -j rule`.
 *
 * The node's main table sends everything it does not have to the far peer (eth1); table 100 and
 * table 200 send it to the peer (eth0) instead.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { NodeInfo, trace } from "../../src/index.js";
import { LAB, requirePacketLab, withPacketLab, type LabPacket, type Observation } from "../helpers/packet-lab.js";
import { packetText } from "./walk-cases.js";

const RULESET = [
  "*mangle",
  ":PREROUTING ACCEPT [0:0]",
  ":INPUT ACCEPT [0:0]",
  ":FORWARD ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  "-A PREROUTING -i eth0 -p udp --dport 53 -j MARK --set-xmark 0x20/0xff",
  "-A OUTPUT -p udp --dport 53 -j MARK --set-xmark 0x10/0xff",
  "-A POSTROUTING -o eth0",
  "-A POSTROUTING -o eth1",
  "COMMIT",
  "",
].join("\n");

const packet = (direction: "in" | "out", destinationPort: number): LabPacket => ({
  family: 4,
  protocol: "udp",
  source: direction === "in" ? LAB.peer.v4 : LAB.nodeEth1.v4,
  sourcePort: 40200,
  destination: "10.9.9.9",
  destinationPort,
  direction,
});

/** Marked and not, sent and forwarded: the interface each leaves by. */
const CASES: { packet: LabPacket; leaves: string }[] = [
  { packet: packet("out", 53), leaves: "eth0" },
  { packet: packet("out", 54), leaves: "eth1" },
  { packet: packet("in", 53), leaves: "eth0" },
  { packet: packet("in", 54), leaves: "eth1" },
];

const view = (o: { verdict: string; delivery: string | null; moved: number[]; out: string | null; mark: number | string }) => JSON.stringify(o);

test("policy routing: a MARK in mangle OUTPUT or PREROUTING sends the packet by the table `ip rule fwmark` names, as the walk says (nft, legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  await withPacketLab((lab) => {
    const ip = (args: string[]) => {
      const r = lab.node.run("ip", args);
      assert.equal(r.status, 0, `ip ${args.join(" ")}: ${r.stderr}`);
      return r.stdout;
    };
    ip(["rule", "add", "fwmark", "0x10/0xff", "lookup", "100", "pref", "100"]);
    ip(["rule", "add", "fwmark", "0x20/0xff", "lookup", "200", "pref", "200"]);
    ip(["route", "add", "default", "via", LAB.peer.v4, "dev", "eth0", "table", "100"]);
    ip(["route", "add", "default", "via", LAB.peer.v4, "dev", "eth0", "table", "200"]);
    const withRules = new NodeInfo({ addresses: JSON.parse(ip(["-j", "addr"])), routes: [JSON.parse(ip(["-4", "-j", "route", "show", "table", "all"]))], rules4: JSON.parse(ip(["-4", "-j", "rule"])) });
    const withoutRules = new NodeInfo({ addresses: JSON.parse(ip(["-j", "addr"])), routes: [JSON.parse(ip(["-4", "-j", "route", "show", "table", "all"]))] });
    const document = parse(RULESET, { filePath: "rules.v4" });
    for (const backend of ["nft", "legacy"] as const) {
      for (const c of CASES) {
        const o: Observation = lab.probe(backend, 4, RULESET, c.packet);
        const kernel = { verdict: o.verdict, delivery: o.delivery, moved: o.moved.map((r) => r.line), out: o.left[0]?.interface ?? null, mark: o.left[0]?.mark ?? -1 };
        assert.equal(kernel.out, c.leaves, `${backend} ${packetText(c.packet)}: the lab's routes and rules: ${JSON.stringify(o)}`);
        const walked = (node: NodeInfo) => {
          const outcomes = trace(document, packetText(c.packet), node).outcomes;
          assert.equal(outcomes.length, 1, JSON.stringify(outcomes.map((x) => [x.verdict, x.conditions, x.packet])));
          const w = outcomes[0];
          return { verdict: w.verdict, delivery: w.delivery, moved: w.path.map((s) => s.line), out: w.packet.outInterface, mark: Number(w.packet.mark) };
        };
        assert.equal(view(walked(withRules)), view(kernel), `${backend} ${packetText(c.packet)}: the walk with the node's ip rules`);
        // Without the rules the walk would not know: the marked packets are where it is wrong.
        if (c.packet.destinationPort === 53) assert.notEqual(walked(withoutRules).out, kernel.out);
      }
    }
  });
});
