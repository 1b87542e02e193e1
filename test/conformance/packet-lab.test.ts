/**
 * The packet lab's observations (test/helpers/packet-lab.ts) against expectations worked out by
 * hand for a handful of fixed rulesets, nft and legacy: that the lab tells accepted, forwarded,
 * dropped and rejected packets apart, reads the NAT, the mark and the connection's state as the
 * kernel left them, and maps counters to the file's lines. The walk's differential test trusts
 * these readings.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { LAB, requirePacketLab, withPacketLab, type LabPacket, type Observation } from "../helpers/packet-lab.js";

const FILTER = (rules: string[], policies = "ACCEPT") =>
  `*filter\n:INPUT ${policies} [0:0]\n:FORWARD ${policies} [0:0]\n:OUTPUT ACCEPT [0:0]\n${rules.map((rule) => `${rule}\n`).join("")}COMMIT\n`;
const NAT = (rules: string[]) => `*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${rules.map((rule) => `${rule}\n`).join("")}COMMIT\n`;
const MANGLE = (rules: string[]) => `*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${rules.map((rule) => `${rule}\n`).join("")}COMMIT\n`;

const fromPeer = (protocol: LabPacket["protocol"], destination: string, destinationPort: number, extra: Partial<LabPacket> = {}): LabPacket => ({
  family: destination.includes(":") ? 6 : 4,
  protocol,
  source: destination.includes(":") ? LAB.peer.v6 : LAB.peer.v4,
  sourcePort: 40100,
  destination,
  destinationPort,
  direction: "in",
  ...extra,
});

interface Case {
  name: string;
  ruleset: string;
  packet: LabPacket;
  check: (observation: Observation) => void;
}

const lines = (observation: Observation) => observation.moved.map((rule) => rule.line);

const CASES: Case[] = [
  {
    name: "tcp to an open port: delivered; the stack's RST (no listener) is recorded as an answer, not a verdict",
    ruleset: FILTER(["-A INPUT -p tcp --dport 22 -j ACCEPT", "-A INPUT -j DROP"], "DROP"),
    packet: fromPeer("tcp", LAB.nodeEth0.v4, 22),
    check: (o) => {
      assert.deepEqual(lines(o), [5]);
      assert.deepEqual([o.verdict, o.delivery], ["accept", "local"]);
      assert.deepEqual(o.delivered.map((p) => [p.source, p.destination, p.sourcePort, p.destinationPort, p.interface]), [[LAB.peer.v4, LAB.nodeEth0.v4, 40100, 22, "eth0"]]);
      assert.deepEqual(o.replies.map((r) => r.tcpFlags.sort()), [["ack", "rst"]]);
      assert.deepEqual(o.policies, []);
    },
  },
  {
    name: "tcp to a closed port: the policy drops it, nothing is answered or delivered",
    ruleset: FILTER(["-A INPUT -p tcp --dport 22 -j ACCEPT"], "DROP"),
    packet: fromPeer("tcp", LAB.nodeEth0.v4, 23),
    check: (o) => {
      assert.deepEqual(lines(o), []);
      assert.equal(o.verdict, "drop");
      assert.deepEqual([o.delivered, o.left, o.replies, o.atFar], [[], [], [], []]);
      assert.deepEqual(o.policies.map((p) => [p.table, p.chain, p.policy, p.packets]), [["filter", "INPUT", "DROP", 1]]);
    },
  },
  {
    name: "udp REJECT: an ICMP port unreachable (type 3 code 3) back to the sender",
    ruleset: FILTER(["-A INPUT -p udp -j REJECT"]),
    packet: fromPeer("udp", LAB.nodeEth0.v4, 53),
    check: (o) => {
      assert.deepEqual(lines(o), [5]);
      assert.equal(o.verdict, "reject");
      assert.deepEqual(o.replies.map((r) => [r.protocol, r.source, r.destination, r.sourcePort]), [["icmp", LAB.nodeEth0.v4, LAB.peer.v4, (3 << 8) | 3]]);
    },
  },
  {
    name: "tcp REJECT --reject-with tcp-reset in FORWARD: a RST back, nothing forwarded",
    ruleset: FILTER(["-A FORWARD -p tcp -j REJECT --reject-with tcp-reset"]),
    packet: fromPeer("tcp", LAB.far.v4, 80),
    check: (o) => {
      assert.deepEqual(lines(o), [5]);
      assert.equal(o.verdict, "reject");
      assert.deepEqual(o.atFar, []);
      assert.deepEqual(o.replies.map((r) => [r.source, r.destination, r.sourcePort, r.destinationPort, r.tcpFlags.includes("rst")]), [[LAB.far.v4, LAB.peer.v4, 80, 40100, true]]);
    },
  },
  {
    name: "DNAT to the far peer's port 8080 and MASQUERADE: the far peer sees the node's address and the new port; conntrack has both tuples",
    ruleset: NAT(["-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.1.0.2:8080", "-A POSTROUTING -o eth1 -j MASQUERADE"]) + FILTER(["-A FORWARD -p tcp --dport 8080 -j ACCEPT"], "DROP"),
    packet: fromPeer("tcp", LAB.nodeEth0.v4, 80),
    check: (o) => {
      assert.deepEqual(lines(o), [6, 7, 13]);
      assert.deepEqual([o.verdict, o.delivery], ["accept", "forward"]);
      assert.deepEqual(o.atFar.map((p) => [p.source, p.destination, p.sourcePort, p.destinationPort]), [[LAB.nodeEth1.v4, LAB.far.v4, 40100, 8080]]);
      assert.deepEqual(o.left.map((p) => p.interface), ["eth1"]);
      assert.equal(o.conntrack.length, 1);
      assert.match(o.conntrack[0], /src=10\.0\.0\.9 dst=10\.0\.0\.1 sport=40100 dport=80 .*src=10\.1\.0\.2 dst=10\.1\.0\.1 sport=8080 dport=40100/);
    },
  },
  {
    name: "REDIRECT: delivered to the node's own port 8080",
    ruleset: NAT(["-A PREROUTING -p udp -j REDIRECT --to-ports 8080"]),
    packet: fromPeer("udp", LAB.far.v4, 53),
    check: (o) => {
      assert.deepEqual([o.verdict, o.delivery], ["accept", "local"]);
      assert.deepEqual(o.delivered.map((p) => [p.destination, p.destinationPort]), [[LAB.nodeEth0.v4, 8080]]);
      assert.deepEqual(o.atFar, []);
    },
  },
  {
    name: "marks: PREROUTING sets, a user chain is entered by goto and ends the built-in chain; the mark is read where it is delivered",
    ruleset: MANGLE([":M - [0:0]", "-A PREROUTING -j MARK --set-mark 0x4", "-A PREROUTING -m mark --mark 0x4 -g M", "-A PREROUTING -j MARK --set-mark 0x8", "-A M -j MARK --or-mark 0x1", "-A M -j RETURN", "-A M -j MARK --or-mark 0x2"]),
    packet: fromPeer("udp", LAB.nodeEth1.v4, 53),
    check: (o) => {
      // Line 7 is the chain declaration; the rules are lines 8-13.
      assert.deepEqual(lines(o), [8, 9, 11, 12]);
      assert.deepEqual(o.delivered.map((p) => p.mark), [0x5]);
      assert.deepEqual(o.policies.map((p) => `${p.table}/${p.chain}`), ["mangle/PREROUTING", "mangle/INPUT"]);
    },
  },
  {
    name: "a locally made packet with SO_MARK: OUTPUT sees the mark, changes it, and the packet leaves by eth1 with it",
    ruleset: MANGLE(["-A OUTPUT -m mark --mark 0x10 -j MARK --set-mark 0x20", "-A POSTROUTING -m mark --mark 0x20"]),
    packet: { family: 4, protocol: "udp", source: LAB.nodeEth1.v4, sourcePort: 40101, destination: LAB.far.v4, destinationPort: 53, direction: "out", mark: 0x10 },
    check: (o) => {
      assert.deepEqual(lines(o), [7, 8]);
      assert.deepEqual([o.verdict, o.delivery], ["accept", "out"]);
      assert.deepEqual(o.left.map((p) => [p.mark, p.interface]), [[0x20, "eth1"]]);
      assert.deepEqual(o.atFar.map((p) => p.destinationPort), [53]);
    },
  },
  {
    name: "an established udp flow whose first packet was DNATed: nat is not consulted (its counter stays), the connection's DNAT applies",
    ruleset: NAT(["-A PREROUTING -j DNAT --to-destination 10.0.0.1"]) + FILTER(["-A INPUT -m conntrack --ctstate ESTABLISHED -j ACCEPT", "-A FORWARD -j DROP"]),
    packet: fromPeer("udp", LAB.far.v4, 53, { state: "established" }),
    check: (o) => {
      assert.equal(o.connection, "first packet");
      assert.deepEqual(lines(o), [12]);
      assert.deepEqual([o.verdict, o.delivery], ["accept", "local"]);
      assert.deepEqual(o.delivered.map((p) => [p.source, p.destination, p.destinationPort]), [[LAB.peer.v4, LAB.nodeEth0.v4, 53]]);
      assert.ok(o.conntrack.some((line) => /src=10\.0\.0\.9 dst=10\.1\.0\.2 sport=40100 dport=53 src=10\.0\.0\.1 dst=10\.0\.0\.9 /.test(line)), o.conntrack.join("\n"));
    },
  },
  {
    name: "an established udp flow whose first packet the ruleset drops: the lab makes the connection by hand, without NAT",
    ruleset: NAT(["-A PREROUTING -j DNAT --to-destination 10.0.0.1"]) + FILTER(["-A INPUT -m conntrack --ctstate NEW -j DROP", "-A FORWARD -m conntrack --ctstate ESTABLISHED -j ACCEPT", "-A FORWARD -j DROP"]),
    packet: fromPeer("udp", LAB.far.v4, 53, { state: "established" }),
    check: (o) => {
      assert.equal(o.connection, "inserted");
      assert.deepEqual(lines(o), [13]);
      assert.deepEqual(o.atFar.map((p) => [p.source, p.destination]), [[LAB.peer.v4, LAB.far.v4]]);
    },
  },
  {
    name: "IPv6: REJECT answers with ICMPv6 port unreachable (type 1 code 4)",
    ruleset: FILTER(["-A INPUT -p udp -j REJECT"]),
    packet: fromPeer("udp", LAB.nodeEth0.v6, 53),
    check: (o) => {
      assert.equal(o.verdict, "reject");
      assert.deepEqual(o.replies.map((r) => [r.protocol, r.destination, r.sourcePort]), [["ipv6-icmp", LAB.peer.v6, (1 << 8) | 4]]);
    },
  },
  {
    name: "IPv6: DNAT to the far peer and an echo request forwarded as it is",
    ruleset: NAT(["-A PREROUTING -p tcp -j DNAT --to-destination [fd01::2]:8080"]),
    packet: fromPeer("tcp", LAB.nodeEth0.v6, 80),
    check: (o) => {
      assert.deepEqual([o.verdict, o.delivery], ["accept", "forward"]);
      assert.deepEqual(o.atFar.map((p) => [p.source, p.destination, p.destinationPort]), [[LAB.peer.v6, LAB.far.v6, 8080]]);
    },
  },
];

test("packet lab: hand-checked observations of fixed rulesets (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  await withPacketLab((lab) => {
    for (const backend of ["nft", "legacy"] as const) {
      for (const c of CASES) {
        const observation = lab.probe(backend, c.packet.family, c.ruleset, c.packet);
        try {
          c.check(observation);
        } catch (error) {
          (error as Error).message = `${c.name} (${backend}):\n${(error as Error).message}\nobservation: ${JSON.stringify(observation)}`;
          throw error;
        }
      }
    }
  });
});

test("packet lab: its namespaces are gone afterwards, even when the body fails", async (t) => {
  if (!requirePacketLab(t)) return;
  let names: string[] = [];
  await assert.rejects(
    withPacketLab((lab) => {
      names = [lab.peer.name, lab.node.name, lab.far.name];
      throw new Error("the body failed");
    }),
    /the body failed/,
  );
  const { spawnSync } = await import("node:child_process");
  const list = spawnSync("ip", ["netns", "list"], { encoding: "utf8" }).stdout;
  assert.equal(names.length, 3);
  for (const name of names) assert.ok(!list.split("\n").some((line) => line.split(" ")[0] === name), `${name} is still there`);
});
