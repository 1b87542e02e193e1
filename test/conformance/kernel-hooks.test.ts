/**
 * What the packet walk takes as given, measured on the kernel with the packet lab: the order in
 * which a packet meets the tables' built-in chains (a packet for the node, a forwarded one, one
 * the node makes), IPv4 and IPv6, nft and legacy; and that the nat table sees a connection's
 * first packet only.
 *
 * The order is read from the packet itself, not from the counters' timing: every built-in chain
 * of raw, mangle, nat, filter and security gets a bit of the mark. Its chain first has one rule
 * per other chain testing that chain's bit (`-m mark --mark B/B`, no target: it only counts),
 * then `-j MARK --or-mark` of its own bit. A chain's test of another's bit counts exactly when
 * the other chain came first, which gives the whole order of the chains the packet went through.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { LAB, requirePacketLab, withPacketLab, type LabPacket, type Observation } from "../helpers/packet-lab.js";
import type { Backend, Family } from "../helpers/netfilter.js";

const TABLES: [string, string[]][] = [
  ["raw", ["PREROUTING", "OUTPUT"]],
  ["mangle", ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"]],
  ["nat", ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"]],
  ["filter", ["INPUT", "FORWARD", "OUTPUT"]],
  ["security", ["INPUT", "FORWARD", "OUTPUT"]],
];
const CHAINS = TABLES.flatMap(([table, chains]) => chains.map((chain) => `${table}/${chain}`));
const bit = (k: number): string => `0x${(1 << k).toString(16)}`;

/** The ruleset described above; `marker` maps a rule's line to [chain, the chain whose bit it tests or null for the MARK rule]. */
function orderRuleset(): { text: string; marker: Map<number, [string, string | null]> } {
  const lines: string[] = [];
  const marker = new Map<number, [string, string | null]>();
  for (const [table, chains] of TABLES) {
    lines.push(`*${table}`, ...chains.map((chain) => `:${chain} ACCEPT [0:0]`));
    for (const chain of chains) {
      const me = CHAINS.indexOf(`${table}/${chain}`);
      CHAINS.forEach((other, k) => {
        if (k === me) return;
        lines.push(`-A ${chain} -m mark --mark ${bit(k)}/${bit(k)}`);
        marker.set(lines.length, [`${table}/${chain}`, other]);
      });
      lines.push(`-A ${chain} -j MARK --or-mark ${bit(me)}`);
      marker.set(lines.length, [`${table}/${chain}`, null]);
    }
    lines.push("COMMIT");
  }
  return { text: lines.join("\n") + "\n", marker };
}

/** The chains the packet went through, in the order it did, from which bits each chain saw. */
function orderOf(observation: Observation, marker: Map<number, [string, string | null]>): string[] {
  const visited = new Set<string>();
  const before = new Map<string, Set<string>>();
  for (const rule of observation.moved) {
    const [chain, other] = marker.get(rule.line)!;
    if (other === null) visited.add(chain);
    else before.set(chain, (before.get(chain) ?? new Set()).add(other));
  }
  const order = [...visited].sort((a, b) => (before.get(a)?.size ?? 0) - (before.get(b)?.size ?? 0));
  // A total order: each chain saw exactly the bits of the chains before it.
  order.forEach((chain, k) => assert.deepEqual([...(before.get(chain) ?? [])].sort(), order.slice(0, k).sort(), `what ${chain} saw`));
  return order;
}

const addresses = (family: Family) => (family === 4 ? { peer: LAB.peer.v4, node: LAB.nodeEth0.v4, nodeOut: LAB.nodeEth1.v4, far: LAB.far.v4 } : { peer: LAB.peer.v6, node: LAB.nodeEth0.v6, nodeOut: LAB.nodeEth1.v6, far: LAB.far.v6 });

/**
 * The order, except in INPUT with the nft backend: iptables-nft 1.8.9 makes the security
 * table's chains at priority 150 (its nft.c), where the kernel's own security table (legacy) has
 * NF_IP_PRI_SECURITY, 50; the nat table's INPUT is at 100 either way. So security/INPUT comes
 * after nat/INPUT with nft, before it with legacy. (OUTPUT and FORWARD keep the same order: nat
 * OUTPUT is at -100, before filter's 0; FORWARD has no nat.)
 */
const PATHS: { name: string; expected: string[] | Record<Backend, string[]>; packet: (family: Family) => LabPacket }[] = [
  {
    name: "a packet for the node",
    expected: {
      legacy: ["raw/PREROUTING", "mangle/PREROUTING", "nat/PREROUTING", "mangle/INPUT", "filter/INPUT", "security/INPUT", "nat/INPUT"],
      nft: ["raw/PREROUTING", "mangle/PREROUTING", "nat/PREROUTING", "mangle/INPUT", "filter/INPUT", "nat/INPUT", "security/INPUT"],
    },
    packet: (family) => ({ family, protocol: "tcp", source: addresses(family).peer, sourcePort: 40000, destination: addresses(family).node, destinationPort: 22, direction: "in" }),
  },
  {
    name: "a forwarded packet",
    expected: ["raw/PREROUTING", "mangle/PREROUTING", "nat/PREROUTING", "mangle/FORWARD", "filter/FORWARD", "security/FORWARD", "mangle/POSTROUTING", "nat/POSTROUTING"],
    packet: (family) => ({ family, protocol: "tcp", source: addresses(family).peer, sourcePort: 40001, destination: addresses(family).far, destinationPort: 80, direction: "in" }),
  },
  {
    name: "a packet the node makes",
    expected: ["raw/OUTPUT", "mangle/OUTPUT", "nat/OUTPUT", "filter/OUTPUT", "security/OUTPUT", "mangle/POSTROUTING", "nat/POSTROUTING"],
    packet: (family) => ({ family, protocol: "tcp", source: addresses(family).nodeOut, sourcePort: 40002, destination: addresses(family).far, destinationPort: 80, direction: "out" }),
  },
];

test("kernel facts: the order of the tables' built-in chains for a packet for the node, a forwarded one and one the node makes (nft and legacy, v4 and v6)", async (t) => {
  if (!requirePacketLab(t)) return;
  const { text, marker } = orderRuleset();
  await withPacketLab((lab) => {
    for (const backend of ["nft", "legacy"] as const) {
      for (const family of [4, 6] as const) {
        for (const path of PATHS) {
          const expected = Array.isArray(path.expected) ? path.expected : path.expected[backend];
          const observation = lab.probe(backend, family, text, path.packet(family));
          assert.deepEqual(orderOf(observation, marker), expected, `${path.name} (${backend}, v${family})`);
          // Every chain it went through ran to its end (nothing here stops a packet).
          assert.deepEqual(observation.policies.map((p) => `${p.table}/${p.chain}`).sort(), [...expected].sort(), `${path.name}: policies (${backend}, v${family})`);
          assert.equal(observation.verdict, "accept", `${path.name} (${backend}, v${family})`);
          assert.equal(observation.delivery, path.packet(family).direction === "out" ? "out" : expected.includes("filter/INPUT") ? "local" : "forward");
        }
      }
    }
  });
});

test("kernel facts: the nat table sees a connection's first packet only; the other tables see each packet (nft and legacy, v4 and v6)", async (t) => {
  if (!requirePacketLab(t)) return;
  const { text, marker } = orderRuleset();
  await withPacketLab((lab) => {
    for (const backend of ["nft", "legacy"] as const) {
      for (const family of [4, 6] as const) {
        const a = addresses(family);
        const packet: LabPacket = { family, protocol: "udp", source: a.peer, sourcePort: 40003, destination: a.far, destinationPort: 53, direction: "in", count: 2 };
        const observation = lab.probe(backend, family, text, packet);
        const counts = new Map(observation.moved.filter((rule) => marker.get(rule.line)![1] === null).map((rule) => [marker.get(rule.line)![0], rule.packets]));
        assert.deepEqual(
          Object.fromEntries([...counts].sort()),
          { "filter/FORWARD": 2, "mangle/FORWARD": 2, "mangle/POSTROUTING": 2, "mangle/PREROUTING": 2, "nat/POSTROUTING": 1, "nat/PREROUTING": 1, "raw/PREROUTING": 2, "security/FORWARD": 2 },
          `two packets of one udp flow, forwarded (${backend}, v${family})`,
        );
      }
    }
  });
});

test("kernel facts: with no rule that needs connection tracking in the namespace, the nat table's chains see no packet (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const text = "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp\nCOMMIT\n";
  const withState = text.replace("COMMIT", "COMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -m conntrack --ctstate NEW\nCOMMIT");
  const packet: LabPacket = { family: 4, protocol: "tcp", source: LAB.peer.v4, sourcePort: 40004, destination: LAB.nodeEth0.v4, destinationPort: 22, direction: "in" };
  await withPacketLab(
    (lab) => {
      for (const backend of ["nft", "legacy"] as const) {
        assert.deepEqual(lab.probe(backend, 4, text, packet).moved, [], `nat alone (${backend})`);
        assert.deepEqual(lab.probe(backend, 4, withState, packet).moved.map((rule) => rule.line), [6, 12], `with a conntrack match (${backend})`);
      }
    },
    { conntrack: false },
  );
});

test("kernel facts: addrtype calls the node's own address LOCAL only in IPv4, LOCAL and UNICAST in IPv6 (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const text = "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -m addrtype --dst-type LOCAL\n-A PREROUTING -m addrtype --dst-type UNICAST\nCOMMIT\n";
  await withPacketLab((lab) => {
    for (const backend of ["nft", "legacy"] as const) {
      for (const family of [4, 6] as const) {
        const a = addresses(family);
        const observation = lab.probe(backend, family, text, { family, protocol: "udp", source: a.peer, sourcePort: 40005, destination: a.nodeOut, destinationPort: 53, direction: "in" });
        assert.deepEqual(observation.moved.map((rule) => rule.line), family === 4 ? [4] : [4, 5], `v${family} (${backend})`);
      }
    }
  });
});
