/**
 * The walk against iptables' own reading of a ruleset: every valid rule fixture, example and
 * corpus dump is loaded by the real iptables (nft and legacy), saved, and walked both as written and as
 * iptables-save prints it. iptables-save prints what the kernel holds, one way per rule, so
 * wherever the walk is sure of a packet through the file as written (one outcome, no condition),
 * it must say the same of the saved dump: the same verdict, delivery, rules and final packet.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { parse, type Document } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import { NodeInfo, parsePacket, trace, type Outcome, type TraceInput } from "../../src/index.js";
import { requireNetfilter, tool, withNamespace, type Backend } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";

const NODE = new NodeInfo({ local: ["192.168.1.10", "10.0.0.1", "fd00::1"], route: ["10.244.0.0/16 dev cni0 src 10.244.0.1", "default dev eth0 via 192.168.1.1", "fd00::/64 dev eth0", "default dev eth1 via fd00::fe"] });

function files(): string[] {
  const out: string[] = [];
  for (const rule of readdirSync(fromRoot("rules"), { withFileTypes: true })) {
    if (!rule.isDirectory()) continue;
    let names: string[] = [];
    try {
      names = readdirSync(fromRoot("rules", rule.name, "fixtures"));
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith("valid-") && name.endsWith(".rules")) out.push(join("rules", rule.name, "fixtures", name));
  }
  for (const name of readdirSync(fromRoot("examples"))) if (name.endsWith(".rules") || name.endsWith(".save")) out.push(join("examples", name));
  // Real dumps too: published ones, and kube-proxy's shapes as the real iptables saved them.
  for (const folder of ["real-world", "kube"]) {
    for (const name of readdirSync(fromRoot("test", "fixtures", "corpus", folder))) if (!name.endsWith(".md")) out.push(join("test", "fixtures", "corpus", folder, name));
  }
  return out.sort();
}

/** Packets from the file's own addresses and ports, from a fixed seed. */
function packetsFor(text: string, family: 4 | 6, count: number): TraceInput[] {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)];
  const v4 = [...new Set([...text.matchAll(/(\d+\.\d+\.\d+\.\d+)/g)].map((m) => m[1]))].slice(0, 40);
  const v6 = [...new Set([...text.matchAll(/([0-9a-f]*::[0-9a-f:]*)/gi)].map((m) => m[1]))].slice(0, 40);
  const ports = [...new Set([...text.matchAll(/(?:--dports?|--sports?|--to-ports) (\d+)/g)].map((m) => Number(m[1])))];
  const addresses = family === 6 ? [...v6, "fd00::9", "fd00::1", "2001:db8::5"] : [...v4, "10.0.0.9", "192.168.1.10", "8.8.8.8", "10.244.3.4"];
  const out: TraceInput[] = [];
  for (let k = 0; out.length < count && k < count * 3; k++) {
    const protocol = pick(family === 6 ? ["tcp", "udp", "icmpv6", "tcp"] : ["tcp", "udp", "icmp", "tcp"]);
    const port = () => (random() < 0.6 && ports.length > 0 ? pick(ports) : pick([22, 53, 80, 443, 8080]));
    const end = (a: string, p: number) => (protocol.startsWith("icmp") ? a : family === 6 ? `[${a}]:${p}` : `${a}:${p}`);
    const way = random() < 0.7 ? ` in ${pick(["eth0", "eth1", "cni0", "lo", "docker0"])}` : " out";
    const type = protocol === "icmp" ? " type echo-request" : protocol === "icmpv6" ? " type 128" : "";
    let input: TraceInput;
    try {
      input = parsePacket(`${protocol} ${end(pick(addresses), 40000 + k)} -> ${end(pick(addresses), port())}${type}${way}`);
    } catch {
      continue;
    }
    out.push({ ...input, state: pick(["new", "new", "established", "related"] as const), mark: random() < 0.2 ? pick([0x4000, 1]) : undefined });
  }
  return out;
}

const sure = (outcomes: Outcome[]): string | null => {
  if (outcomes.length !== 1 || outcomes[0].conditions.length > 0) return null;
  const o = outcomes[0];
  return JSON.stringify([o.verdict, o.delivery, o.packet, o.path.map((s) => `${s.table}/${s.chain} ${s.target}`)]);
};
const said = (document: Document, input: TraceInput): string => {
  const outcomes = trace([document], input, NODE).outcomes;
  return sure(outcomes) ?? JSON.stringify(outcomes.map((o) => [o.verdict, o.delivery, o.packet, o.conditions.length]));
};

test("the walk is as sure of the saved dump as of the file as written, and says the same (nft and legacy)", async (t) => {
  if (!requireNetfilter(t)) return;
  const wrong: string[] = [];
  let compared = 0;
  for (const path of files()) {
    const text = readFileSync(fromRoot(path), "utf8");
    const written = parse(text, { filePath: path });
    if (written.diagnostics.length > 0) continue;
    const family = modelOf(written).family()?.family ?? 4;
    const packets = packetsFor(text, family, 12);
    for (const backend of ["nft", "legacy"] as Backend[]) {
      // A namespace of its own: nothing of another file's tables (a legacy policy, a chain) in the dump.
      const dump = await withNamespace("saved-form", (ns) => (ns.run(tool("restore", backend, family), [], text).status === 0 ? ns.save(backend, family) : null));
      if (dump === null) continue;
      const saved = parse(dump, { filePath: `${path} (saved)` });
      for (const input of packets) {
        const certain = sure(trace([written], input, NODE).outcomes);
        if (certain === null) continue;
        compared++;
        const after = said(saved, input);
        if (after !== certain) wrong.push(`${path} (${backend}), ${JSON.stringify(input)}:\n  as written: ${certain}\n  as saved:   ${after}`);
      }
    }
  }
  assert.ok(compared > 800, `only ${compared} sure walks compared`);
  assert.deepEqual(wrong, []);
});
