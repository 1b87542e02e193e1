/**
 * `iptlint test --cases` against the kernel: for a small ruleset (filter and nat) and a few
 * packets, what the kernel did to each real packet (test/helpers/packet-lab.ts, nft and legacy)
 * is written as a case's expectations; `iptlint test` must find every one of them holding, and
 * must fail each case once one of its expectations is turned into what the kernel did not do.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/io.js";
import { LAB, requirePacketLab, withPacketLab, type LabPacket, type Observation } from "../helpers/packet-lab.js";

const RULESET = [
  "*nat",
  ":PREROUTING ACCEPT [0:0]",
  ":INPUT ACCEPT [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  ":POSTROUTING ACCEPT [0:0]",
  `-A PREROUTING -p udp -m udp --dport 53 -j DNAT --to-destination ${LAB.far.v4}:5353`,
  "-A POSTROUTING -o eth1 -j MASQUERADE",
  "COMMIT",
  "*filter",
  ":INPUT DROP [0:0]",
  ":FORWARD DROP [0:0]",
  ":OUTPUT ACCEPT [0:0]",
  "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT",
  "-A INPUT -p tcp -m tcp --dport 23 -j REJECT --reject-with tcp-reset",
  `-A FORWARD -d ${LAB.far.v4}/32 -p udp -j ACCEPT`,
  "COMMIT",
  "",
].join("\n");

const packet = (protocol: "tcp" | "udp", destinationPort: number): LabPacket => ({
  family: 4,
  protocol,
  source: LAB.peer.v4,
  sourcePort: 40100,
  destination: LAB.nodeEth0.v4,
  destinationPort,
  direction: "in",
});

const PACKETS = [packet("tcp", 22), packet("tcp", 23), packet("tcp", 24), packet("udp", 53)];

/** The kernel's observation as a case's expectations (YAML flow mapping entries). */
function expectations(o: Observation): Record<string, string> {
  const out: Record<string, string> = { verdict: o.verdict };
  if (o.delivery !== null) out.delivery = o.delivery;
  const seen = o.delivery === "forward" ? o.atFar[0] : o.delivery === "local" ? o.delivered[0] : undefined;
  if (seen !== undefined) {
    out.dnat = seen.destination === LAB.nodeEth0.v4 ? "false" : `"${seen.destination}:${seen.destinationPort}"`;
    out.snat = seen.source === LAB.peer.v4 ? "false" : `"${seen.source}"`;
  }
  return out;
}

/** An expectation the kernel did not meet, in place of a true one. */
function wrong(key: string, value: string): string {
  if (key === "verdict") return value === "drop" ? "accept" : "drop";
  if (key === "delivery") return value === "local" ? "forward" : "local";
  return value === "false" ? "true" : "false";
}

const yaml = (cases: { packet: LabPacket; expect: Record<string, string> }[]) =>
  [
    "node: { addresses: addr.json, routes: [route4.json] }",
    "cases:",
    ...cases.flatMap((c) => [
      `  - packet: ${c.packet.protocol} ${c.packet.source}:${c.packet.sourcePort} -> ${c.packet.destination}:${c.packet.destinationPort} in eth0`,
      `    expect: { ${Object.entries(c.expect).map(([k, v]) => `${k}: ${v}`).join(", ")} }`,
    ]),
    "",
  ].join("\n");

async function iptlintTest(dir: string, cases: string): Promise<{ code: number; stdout: string }> {
  writeFileSync(join(dir, "cases.yaml"), cases);
  let stdout = "";
  const io = { ...nodeIo(dir), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) }, stderr: { write: (t: string | Uint8Array) => void (stdout += String(t)) } };
  return { code: await main(["test", "rules.v4", "--cases", "cases.yaml", "-f", "compact"], io), stdout };
}

test("iptlint test: the kernel's verdict, delivery and NAT of real packets are the cases that hold (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const dir = mkdtempSync(join(tmpdir(), "iptlint-cases-kernel-"));
  try {
    await withPacketLab(async (lab) => {
      writeFileSync(join(dir, "rules.v4"), RULESET);
      writeFileSync(join(dir, "addr.json"), lab.nodeAddresses());
      writeFileSync(join(dir, "route4.json"), lab.nodeRoutes(4));
      for (const backend of ["nft", "legacy"] as const) {
        const observed = PACKETS.map((p) => ({ packet: p, expect: expectations(lab.probe(backend, 4, RULESET, p)) }));
        // The lab saw each kind of outcome: the cases are not all alike.
        assert.deepEqual(
          observed.map((c) => c.expect.verdict),
          ["accept", "reject", "drop", "accept"],
          `${backend}: ${JSON.stringify(observed)}`,
        );
        assert.equal(observed[3].expect.dnat, `"${LAB.far.v4}:5353"`);
        const held = await iptlintTest(dir, yaml(observed));
        assert.equal(held.code, 0, `${backend}: ${held.stdout}\n${yaml(observed)}`);
        for (const [k, c] of observed.entries()) {
          for (const [key, value] of Object.entries(c.expect)) {
            const changed = observed.map((o, j) => (j === k ? { ...o, expect: { ...o.expect, [key]: wrong(key, value) } } : o));
            const failed = await iptlintTest(dir, yaml(changed));
            assert.equal(failed.code, 1, `${backend}: case ${k} with ${key} not ${value} should fail`);
            assert.equal(failed.stdout.trim().split("\n").length, 1, failed.stdout);
            assert.match(failed.stdout, new RegExp(`^cases\\.yaml:${4 + 2 * k}:\\d+: error: expected .*\\[packet-assertion\\]$`, "m"));
          }
        }
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
