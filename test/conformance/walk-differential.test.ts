/**
 * The walk against the kernel (issue 13, "Proof against the kernel"): generated rulesets and
 * packets (walk-cases.ts) through the packet lab (test/helpers/packet-lab.ts: the real kernel,
 * nft and legacy, v4 and v6) and through `iptlint trace -f json` given the lab node's own
 * `ip -j addr` and `ip -j route`. They must agree on the rules whose counters moved (the union
 * of the walk's path), the policies that counted, the verdict and delivery, and for a packet
 * that got through, its addresses, ports, mark and interface as it left (or was delivered).
 *
 * `npm test` runs WALK_CASES cases (24) with a fixed seed, the backends taking turns and one
 * case in four on IPv6; `npm run conformance` runs more (IPTLINT_WALK_CASES, 300) on both
 * backends each, with a seed of its own (IPTLINT_SEED=N or random). A disagreement prints the
 * ruleset, the packet, the kernel's view and the walk's. Established packets are rare there and
 * their nat rules rarely rewrite them, so a second test makes established udp packets of
 * generated rulesets whose nat table rewrites them (IPTLINT_WALK_NAT_CASES: 8, and 100 in
 * `npm run conformance`): the walk must give them their connection's NAT as the kernel does.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";

import type { Backend, Family } from "../helpers/netfilter.js";
import { leftTheNode, requirePacketLab, withPacketLab, type LabPacket, type Observation, type PacketLab } from "../helpers/packet-lab.js";
import { binPath } from "../helpers/project.js";
import { packetText, walkCase, type WalkCase } from "./walk-cases.js";

const CASES = Number(process.env.IPTLINT_WALK_CASES ?? 24);
const BOTH_BACKENDS = process.env.IPTLINT_WALK_CASES !== undefined;
const SEED = process.env.IPTLINT_SEED === undefined ? 20261206 : process.env.IPTLINT_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.IPTLINT_SEED);

/** `iptlint trace -f json`'s answer, as far as this test reads it. */
interface TraceOutcome {
  verdict: string;
  delivery: string | null;
  probability: number | null;
  conditions: string[];
  path: { filePath: string; line: number; table: string; chain: string; target: string | null }[];
  connectionNat?: unknown[];
  policies?: { table: string; chain: string; policy: string }[];
  packet: { protocol: string; source: string | null; destination: string; sourcePort: number | null; destinationPort: number | null; mark: string; inInterface: string | null; outInterface: string | null };
}

/** What both sides are compared on. */
interface View {
  moved: number[];
  policies: string[];
  verdict: string;
  delivery: string | null;
  packet: { source: string | null; destination: string; sourcePort: number | null; destinationPort: number | null; mark: number | string; interface: string | null } | null;
}

function kernelView(observation: Observation, packet: LabPacket): View {
  const ported = packet.protocol !== "icmp";
  const seen = observation.delivery === "local" ? observation.delivered[0] : observation.left.find(leftTheNode);
  return {
    moved: [...new Set(observation.moved.map((rule) => rule.line))].sort((a, b) => a - b),
    policies: observation.policies.map((p) => `${p.table}/${p.chain}`).sort(),
    verdict: observation.verdict,
    delivery: observation.delivery,
    packet:
      observation.verdict === "accept" && seen
        ? {
            source: seen.source,
            destination: seen.destination,
            sourcePort: ported ? seen.sourcePort : null,
            destinationPort: ported ? seen.destinationPort : null,
            mark: seen.mark,
            interface: observation.delivery === "local" ? null : seen.interface,
          }
        : null,
  };
}

function walkView(outcome: TraceOutcome, packet: LabPacket): View {
  const ported = packet.protocol !== "icmp";
  const mark = /^0x[0-9a-f]+$/i.test(outcome.packet.mark) ? Number(outcome.packet.mark) : outcome.packet.mark;
  return {
    moved: [...new Set(outcome.path.map((step) => step.line))].sort((a, b) => a - b),
    policies: (outcome.policies ?? []).map((p) => `${p.table}/${p.chain}`).sort(),
    verdict: outcome.verdict,
    delivery: outcome.verdict === "accept" ? outcome.delivery : null,
    packet:
      outcome.verdict === "accept"
        ? {
            source: outcome.packet.source,
            destination: outcome.packet.destination,
            sourcePort: ported ? outcome.packet.sourcePort : null,
            destinationPort: ported ? outcome.packet.destinationPort : null,
            mark,
            interface: outcome.delivery === "local" ? null : outcome.packet.outInterface,
          }
        : null,
  };
}

/** The node's saved state for `iptlint trace`, written once per lab. */
interface NodeFiles {
  addresses: string;
  routes: Record<Family, string>;
}

function nodeFiles(lab: PacketLab, dir: string): NodeFiles {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  return { addresses: write("addr.json", lab.nodeAddresses()), routes: { 4: write("route4.json", lab.nodeRoutes(4)), 6: write("route6.json", lab.nodeRoutes(6)) } };
}

function trace(walkCase: WalkCase, file: string, node: NodeFiles): { outcomes: TraceOutcome[] } | string {
  const { packet } = walkCase;
  const args = [binPath, "trace", file, "--packet", packetText(packet), "-f", "json", "--addresses", node.addresses, "--routes", node.routes[walkCase.family], "--family", String(walkCase.family)];
  if (packet.state) args.push("--state", packet.state);
  if (packet.mark) args.push("--mark", `0x${packet.mark.toString(16)}`);
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (run.status !== 0) return `iptlint trace exited ${run.status}: ${run.stderr.trim()}`;
  return JSON.parse(run.stdout) as { outcomes: TraceOutcome[] };
}

/**
 * The same view, where a mark the walk gives as `value/known-bits` (a CONNMARK --restore-mark of
 * a connection whose mark the files cannot tell) agrees with any kernel mark with those bits.
 */
function agrees(kernel: View, walk: View): boolean {
  const partial = typeof walk.packet?.mark === "string" ? /^(0x[0-9a-f]+)\/(0x[0-9a-f]+)$/i.exec(walk.packet.mark) : null;
  if (partial && kernel.packet && typeof kernel.packet.mark === "number" && (kernel.packet.mark & Number(partial[2])) === Number(partial[1])) {
    return JSON.stringify(kernel) === JSON.stringify({ ...walk, packet: { ...walk.packet, mark: kernel.packet.mark } });
  }
  return JSON.stringify(kernel) === JSON.stringify(walk);
}

const show = (view: View | string): string => (typeof view === "string" ? view : JSON.stringify(view));

interface CaseResult {
  refused?: string;
  disagreement?: string;
  /** The walk gave several outcomes, one of them the kernel's: under which conditions. */
  unsure?: string;
  /** An established packet: how the lab made its connection, and whether the walk gave it the connection's NAT. */
  connection?: string;
}

/** The ruleset with the nat table's rules turned into comments. */
function withoutNatRules(ruleset: string): string {
  let table = "";
  return ruleset
    .split("\n")
    .map((line) => {
      if (line.startsWith("*")) table = line.slice(1).trim();
      return table === "nat" && line.startsWith("-A ") ? `# ${line}` : line;
    })
    .join("\n");
}

/** `walkRuleset` (the case's own unless given) is what iptlint traces; the kernel gets the case's. */
function runCase(lab: PacketLab, generated: WalkCase, backend: Backend, dir: string, node: NodeFiles, walkRuleset = generated.ruleset): CaseResult {
  // The header iptables-save writes names the backend, which decides an order the walk needs
  // (security and nat in INPUT: kernel-hooks.test.ts).
  const saveTool = `${generated.family === 6 ? "ip6tables" : "iptables"}${backend === "nft" ? "-nft" : ""}-save`;
  const header = `# Generated by ${saveTool} v1.8.9${backend === "nft" ? " (nf_tables)" : ""} on Sun Dec  6 10:00:00 2026\n`;
  const walkCase = { ...generated, ruleset: header + generated.ruleset };
  const file = join(dir, `ruleset-v${walkCase.family}.rules`);
  writeFileSync(file, header + walkRuleset);
  const refused = lab.tryLoad(backend, walkCase.family, walkCase.ruleset);
  if (refused !== null) return { refused };
  const observation = lab.send(backend, walkCase.family, walkCase.ruleset, walkCase.packet);
  // A connection the lab made by hand (the ruleset dropped its first packet) has no NAT: the walk
  // gets the ruleset without its nat rules, the lines kept in their places.
  if (observation.connection === "inserted") writeFileSync(file, header + withoutNatRules(walkRuleset));
  const kernel = kernelView(observation, walkCase.packet);
  const traced = trace(walkCase, file, node);
  const walks = typeof traced === "string" ? [traced] : traced.outcomes.map((outcome) => walkView(outcome, walkCase.packet));
  const same = walks.some((walk) => typeof walk !== "string" && agrees(kernel, walk));
  const connection = observation.connection === undefined ? {} : { connection: `${observation.connection}${typeof traced !== "string" && traced.outcomes.some((o) => (o.connectionNat ?? []).length > 0) ? " with NAT" : ""}` };
  if (same) return { ...connection, ...(typeof traced !== "string" && traced.outcomes.length > 1 ? { unsure: [...new Set(traced.outcomes.flatMap((outcome) => outcome.conditions))].join("; ") } : {}) };
  const numbered = walkCase.ruleset
    .split("\n")
    .map((line, k) => `${String(k + 1).padStart(3)}  ${line}`)
    .join("\n");
  return {
    disagreement: [
      `--- ${backend}, v${walkCase.family}, packet: ${packetText(walkCase.packet)}${walkCase.packet.state ? ` --state ${walkCase.packet.state}` : ""}${walkCase.packet.mark ? ` --mark 0x${walkCase.packet.mark.toString(16)}` : ""}`,
      numbered,
      `kernel: ${show(kernel)}`,
      ...walks.map((walk, k) => `walk${walks.length > 1 ? ` (outcome ${k + 1} of ${walks.length})` : ""}: ${show(walk)}`),
    ].join("\n"),
  };
}

test(`walk differential: iptlint trace agrees with the kernel on generated rulesets and packets (${CASES} cases, seed ${SEED})`, async (t) => {
  if (!requirePacketLab(t)) return;
  const cases = fc.sample(
    fc.integer({ min: 0, max: 3 }).chain((k) => walkCase(k === 0 ? 6 : 4)),
    { numRuns: CASES, seed: SEED },
  );
  const dir = mkdtempSync(join(tmpdir(), "iptlint-walk-differential-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withPacketLab((lab) => {
    const node = nodeFiles(lab, dir);
    const disagreements: string[] = [];
    const refusals: string[] = [];
    const unsure: string[] = [];
    const connections = new Map<string, number>();
    let compared = 0;
    cases.forEach((walkCase, k) => {
      const backends: Backend[] = BOTH_BACKENDS ? ["nft", "legacy"] : [k % 2 === 0 ? "nft" : "legacy"];
      for (const backend of backends) {
        const result = runCase(lab, walkCase, backend, dir, node);
        if (result.refused !== undefined) refusals.push(`${backend} v${walkCase.family}: ${result.refused}\n${walkCase.ruleset}`);
        else compared++;
        if (result.unsure !== undefined) unsure.push(result.unsure);
        if (result.connection !== undefined) connections.set(result.connection, (connections.get(result.connection) ?? 0) + 1);
        if (result.disagreement) disagreements.push(result.disagreement);
      }
    });
    const conditions = [...new Set(unsure.map((condition) => condition.replaceAll(`${dir}/`, "").replace(/ruleset-v\d\.rules:\d+ /g, "")))];
    t.diagnostic(`${compared} compared, ${refusals.length} refused by iptables-restore, ${disagreements.length} disagreements; ${unsure.length} where the walk gave several outcomes, one the kernel's: ${conditions.slice(0, 5).join(" | ")}`);
    t.diagnostic(`established packets, by how the lab made the connection: ${JSON.stringify(Object.fromEntries(connections))}`);
    assert.equal(disagreements.length, 0, `seed ${SEED}: the walk disagrees with the kernel:\n${disagreements.join("\n\n")}`);
    assert.deepEqual(refusals, [], "the generator writes rulesets iptables-restore loads");
  });
});

/** A ruleset with nat rules that rewrite every udp packet's connection at the end of nat PREROUTING (and POSTROUTING). */
function withNatOfUdp(ruleset: string, to: string, masquerade: boolean): string {
  const rules = [`-A PREROUTING -p udp -j DNAT --to-destination ${to}`, ...(masquerade ? ["-A POSTROUTING -o eth1 -p udp -j MASQUERADE"] : [])];
  const at = ruleset.indexOf("*nat\n");
  if (at === -1) return `${ruleset}*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`;
  const commit = ruleset.indexOf("COMMIT", at);
  return `${ruleset.slice(0, commit)}${rules.join("\n")}\n${ruleset.slice(commit)}`;
}

const NAT_CASES = Number(process.env.IPTLINT_WALK_NAT_CASES ?? 8);

test(`walk differential: established udp packets of connections the generated nat table rewrote (${NAT_CASES} cases, seed ${SEED})`, async (t) => {
  if (!requirePacketLab(t)) return;
  const cases = fc.sample(
    fc
      .tuple(
        walkCase(4).filter((c) => c.packet.direction === "in"),
        fc.constantFrom("10.1.0.2", "10.1.0.2:5353", "10.0.0.1:5353"),
        fc.boolean(),
      )
      .map(([c, to, masquerade]): WalkCase => ({ ...c, ruleset: withNatOfUdp(c.ruleset, to, masquerade), packet: { ...c.packet, protocol: "udp", state: "established" } })),
    { numRuns: NAT_CASES, seed: SEED },
  );
  const dir = mkdtempSync(join(tmpdir(), "iptlint-walk-differential-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withPacketLab((lab) => {
    const node = nodeFiles(lab, dir);
    const disagreements: string[] = [];
    const connections = new Map<string, number>();
    cases.forEach((walkCase, k) => {
      const result = runCase(lab, walkCase, k % 2 === 0 ? "nft" : "legacy", dir, node);
      assert.equal(result.refused, undefined, `iptables-restore refused:\n${walkCase.ruleset}`);
      if (result.disagreement) disagreements.push(result.disagreement);
      if (result.connection !== undefined) connections.set(result.connection, (connections.get(result.connection) ?? 0) + 1);
    });
    t.diagnostic(`established packets, by how the lab made the connection: ${JSON.stringify(Object.fromEntries(connections))}`);
    assert.equal(disagreements.length, 0, `seed ${SEED}: the walk disagrees with the kernel:\n${disagreements.join("\n\n")}`);
    assert.ok((connections.get("first packet with NAT") ?? 0) > 0, "some connections were made by a first packet the nat table rewrote");
  });
});

test("walk differential: a walk that differs from the kernel is reported (the trace reads ACCEPT where the kernel has DROP, or another line)", async (t) => {
  if (!requirePacketLab(t)) return;
  const dir = mkdtempSync(join(tmpdir(), "iptlint-walk-differential-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ruleset = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -p udp -j DROP\n-A FORWARD -p tcp -j DROP\nCOMMIT\n";
  const walkCase: WalkCase = {
    family: 4,
    ruleset,
    packet: { family: 4, protocol: "tcp", source: "10.0.0.9", sourcePort: 40000, destination: "10.1.0.2", destinationPort: 80, direction: "in" },
  };
  await withPacketLab((lab) => {
    const node = nodeFiles(lab, dir);
    assert.deepEqual(runCase(lab, walkCase, "nft", dir, node), {}, "the same ruleset on both sides agrees");
    const verdict = runCase(lab, walkCase, "nft", dir, node, ruleset.replace("-p tcp -j DROP", "-p tcp -j ACCEPT"));
    assert.match(verdict.disagreement ?? "", /kernel: \{"moved":\[7\],"policies":\[\],"verdict":"drop".*\nwalk: \{"moved":\[7\],"policies":\[\],"verdict":"accept"/);
    const line = runCase(lab, walkCase, "legacy", dir, node, ruleset.replace("-A FORWARD -p udp -j DROP\n", "-A FORWARD -p udp -j DROP\n-A FORWARD -p sctp\n"));
    assert.match(line.disagreement ?? "", /kernel: \{"moved":\[7\].*\nwalk: \{"moved":\[8\]/);
  });
});
