/**
 * The shadowing rules of issue 14, proved with real packets in the packet lab (nft and legacy,
 * IPv4 and IPv6), on the dump patterns they report:
 *
 * - raw-drop-shadows-filter-accept: Docker 28's "direct access" DROP in raw PREROUTING drops a
 *   routed packet that the DOCKER-USER ACCEPT was written for; without the raw DROP that ACCEPT
 *   forwards it;
 * - security-jump-shadowed: a banned peer's SYN to port 22 is delivered through the ACCEPT above
 *   fail2ban's jump; after the rule's unsafe fix the ban chain rejects it, and a peer that is not
 *   banned is still delivered.
 *
 * Every fixture of both rules loads on both backends.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { rawDropShadowsFilterAccept } from "../../rules/raw-drop-shadows-filter-accept/rule.js";
import { securityJumpShadowed } from "../../rules/security-jump-shadowed/rule.js";
import type { RuleModule } from "../../rules/types.js";
import { fixText } from "../../src/fix/fix-text.js";
import { lintDocument } from "../../src/lint.js";
import { LAB, requirePacketLab, withPacketLab, type LabPacket, type Observation } from "../helpers/packet-lab.js";
import { fixturesAgainstNetfilter } from "./load-checks.js";

for (const rule of [rawDropShadowsFilterAccept, securityJumpShadowed]) fixturesAgainstNetfilter(rule);

const findingsOf = (rule: RuleModule, text: string) => lintDocument(parse(text), { rules: [rule], suppressions: false }).filter((d) => d.ruleId === rule.id);
const movedLines = (o: Observation) => o.moved.map((m) => m.line);
const lineNumberOf = (text: string, rule: string): number => text.split("\n").indexOf(rule) + 1;

const FAMILIES = [4, 6] as const;
const BACKENDS = ["nft", "legacy"] as const;

const fromPeer = (family: 4 | 6, destination: string, destinationPort: number): LabPacket => ({
  family,
  protocol: "tcp",
  source: family === 4 ? LAB.peer.v4 : LAB.peer.v6,
  sourcePort: 40200,
  destination,
  destinationPort,
  direction: "in",
});

/** Docker 28's shape: far (behind the node's eth1) is the container, eth1 its bridge; the peer routes to it directly. */
function dockerRouted(family: 4 | 6): { text: string; drop: string; accept: string } {
  const container = family === 4 ? `${LAB.far.v4}/32` : `${LAB.far.v6}/128`;
  const peers = family === 4 ? "10.0.0.0/24" : "fd00::/64";
  const drop = `-A PREROUTING -d ${container} ! -i eth1 -j DROP`;
  const accept = `-A DOCKER-USER -s ${peers} -d ${container} -i eth0 -o eth1 -j ACCEPT`;
  const text = [
    "*raw",
    ":PREROUTING ACCEPT [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    drop,
    "COMMIT",
    "*filter",
    ":INPUT ACCEPT [0:0]",
    ":FORWARD DROP [0:0]",
    ":OUTPUT ACCEPT [0:0]",
    ":DOCKER-USER - [0:0]",
    "-A FORWARD -j DOCKER-USER",
    accept,
    "-A DOCKER-USER -j RETURN",
    "COMMIT",
    "",
  ].join("\n");
  return { text, drop, accept };
}

test("raw-drop-shadows-filter-accept: the raw DROP drops the routed packet the DOCKER-USER ACCEPT was written for; without it the ACCEPT forwards it (nft and legacy, IPv4 and IPv6)", async (t) => {
  if (!requirePacketLab(t)) return;
  await withPacketLab((lab) => {
    for (const family of FAMILIES) {
      const { text, drop, accept } = dockerRouted(family);
      const acceptLine = lineNumberOf(text, accept);
      const dropLine = lineNumberOf(text, drop);
      const findings = findingsOf(rawDropShadowsFilterAccept, text);
      assert.deepEqual(findings.map((f) => f.loc.start.line), [acceptLine], "reported at the ACCEPT");
      assert.match(findings[0].message, new RegExp(`line ${dropLine}\\b`), "naming the raw DROP's line");
      const withoutDrop = text.replace(`${drop}\n`, "");
      assert.equal(findingsOf(rawDropShadowsFilterAccept, withoutDrop).length, 0);
      const packet = fromPeer(family, family === 4 ? LAB.far.v4 : LAB.far.v6, 80);
      for (const backend of BACKENDS) {
        const what = `${backend} IPv${family}`;
        const shadowed = lab.probe(backend, family, text, packet);
        assert.equal(shadowed.verdict, "drop", `${what}: dropped`);
        assert.ok(movedLines(shadowed).includes(dropLine), `${what}: the raw DROP counted it: ${JSON.stringify(shadowed.moved)}`);
        assert.ok(!movedLines(shadowed).includes(acceptLine), `${what}: the ACCEPT never saw it`);
        assert.equal(shadowed.left.length, 0, `${what}: nothing left the node`);
        const open = lab.probe(backend, family, withoutDrop, packet);
        assert.equal(open.verdict, "accept", `${what}: without the raw DROP the packet is forwarded`);
        assert.equal(open.delivery, "forward");
        assert.ok(movedLines(open).includes(lineNumberOf(withoutDrop, accept)), `${what}: by the ACCEPT: ${JSON.stringify(open.moved)}`);
      }
    }
  });
});

/** fail2ban's pattern: an ACCEPT for port 22 above fail2ban's jump; `banned` in f2b-sshd. */
function fail2ban(family: 4 | 6, banned: string): { text: string; accept: string; jump: string; ban: string } {
  const accept = "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT";
  const jump = "-A INPUT -p tcp -m multiport --dports 22 -j f2b-sshd";
  const ban = `-A f2b-sshd -s ${banned} -j REJECT --reject-with ${family === 4 ? "icmp-port-unreachable" : "icmp6-port-unreachable"}`;
  const text = ["*filter", ":INPUT DROP [0:0]", ":FORWARD DROP [0:0]", ":OUTPUT ACCEPT [0:0]", ":f2b-sshd - [0:0]", accept, jump, ban, "-A f2b-sshd -j RETURN", "COMMIT", ""].join("\n");
  return { text, accept, jump, ban };
}

test("security-jump-shadowed: a banned peer reaches port 22 through the ACCEPT above fail2ban's jump; after the unsafe fix the ban chain rejects it and others still get in (nft and legacy, IPv4 and IPv6)", async (t) => {
  if (!requirePacketLab(t)) return;
  await withPacketLab((lab) => {
    for (const family of FAMILIES) {
      const peer = family === 4 ? `${LAB.peer.v4}/32` : `${LAB.peer.v6}/128`;
      const other = family === 4 ? "203.0.113.7/32" : "2001:db8::7/128";
      const { text, accept, jump, ban } = fail2ban(family, peer);
      const findings = findingsOf(securityJumpShadowed, text);
      assert.deepEqual(findings.map((f) => f.loc.start.line), [lineNumberOf(text, jump)], "reported at the jump");
      assert.match(findings[0].message, new RegExp(`line ${lineNumberOf(text, accept)}\\b`), "naming the ACCEPT's line");
      const fixed = fixText(text, { rules: [securityJumpShadowed], unsafe: true }).output;
      assert.ok(lineNumberOf(fixed, jump) < lineNumberOf(fixed, accept), "the fix moves the jump above the ACCEPT");
      assert.equal(findingsOf(securityJumpShadowed, fixed).length, 0);
      const fixedForOthers = fixed.replace(peer, other);
      const packet = fromPeer(family, family === 4 ? LAB.nodeEth0.v4 : LAB.nodeEth0.v6, 22);
      for (const backend of BACKENDS) {
        const what = `${backend} IPv${family}`;
        const before = lab.probe(backend, family, text, packet);
        assert.equal(before.verdict, "accept", `${what}: the banned peer's SYN is delivered`);
        assert.equal(before.delivery, "local");
        assert.deepEqual(movedLines(before), [lineNumberOf(text, accept)], `${what}: by the ACCEPT alone; the ban chain never saw it`);
        const after = lab.probe(backend, family, fixed, packet);
        assert.equal(after.verdict, "reject", `${what}: after the fix the ban chain rejects it`);
        assert.ok(movedLines(after).includes(lineNumberOf(fixed, ban)), `${what}: by the ban: ${JSON.stringify(after.moved)}`);
        assert.ok(!movedLines(after).includes(lineNumberOf(fixed, accept)), `${what}: the ACCEPT no longer takes it`);
        const notBanned = lab.probe(backend, family, fixedForOthers, packet);
        assert.equal(notBanned.verdict, "accept", `${what}: a peer that is not banned still gets in after the fix`);
        assert.ok(movedLines(notBanned).includes(lineNumberOf(fixedForOthers, accept)), `${what}: through the same ACCEPT`);
      }
    }
  });
});
