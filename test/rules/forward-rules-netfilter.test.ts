/**
 * forward-drop-strands-traffic and published-port-bypasses-input on the real kernel (nft and
 * legacy), in the packet lab (test/helpers/packet-lab.ts: peer 10.0.0.9 - node eth0 10.0.0.1,
 * eth1 10.1.0.1 - far 10.1.0.2). Each fixture is loaded into the node with its addresses and
 * interfaces moved onto the lab's: the flow's network onto the peer's side (eth0, 10.0.0.0/24),
 * the container or VM behind the bridge onto far (eth1, 10.1.0.2). The rule reports the moved
 * text too, so what is proved is what it says:
 *
 * - a NodePort with endpoints: the SYN passes an INPUT REJECT of the NodePort range;
 * - a published port: the peer's SYN to the node's port 5432 leaves the node DNATed to the
 *   container although INPUT drops the port (its DROP counts nothing, Docker's ACCEPT counts the
 *   SYN); with the unsafe fix the SYN is dropped in FORWARD and the DOCKER-USER rule counts it;
 * - a stranded flow: the peer's SYN from the masqueraded network, from the pod network, or to
 *   the DNATed port is dropped by FORWARD's policy (its counter rises); with the README's valid
 *   ACCEPT rules the masqueraded network's SYN leaves the node.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { forwardDropStrandsTraffic } from "../../rules/forward-drop-strands-traffic/rule.js";
import { publishedPortBypassesInput } from "../../rules/published-port-bypasses-input/rule.js";
import type { RuleModule } from "../../rules/types.js";
import type { Backend } from "../helpers/netfilter.js";
import { LAB, requirePacketLab, withPacketLab, type LabPacket } from "../helpers/packet-lab.js";
import { fromRoot } from "../helpers/project.js";
import { fixturesAgainstNetfilter } from "./load-checks.js";
import { check } from "./support.js";

fixturesAgainstNetfilter(forwardDropStrandsTraffic);
fixturesAgainstNetfilter(publishedPortBypassesInput);

const BACKENDS: Backend[] = ["nft", "legacy"];
const fixture = (rule: RuleModule, name: string) => readFileSync(fromRoot("rules", rule.id, "fixtures", name), "utf8");
/** The 1-based line of the first line of `text` that starts with `prefix`. */
const lineOf = (text: string, prefix: string): number => text.split("\n").findIndex((line) => line.startsWith(prefix)) + 1;

const syn = (destination: string, destinationPort: number, source: string = LAB.peer.v4): LabPacket => ({
  family: 4,
  protocol: "tcp",
  source,
  sourcePort: 40200,
  destination,
  destinationPort,
  direction: "in",
});

/** Docker's fixture on the lab: docker0 is eth1, the container far. */
const docker = (text: string) => text.replaceAll("docker0", "eth1").replaceAll("172.17.0.2", LAB.far.v4).replaceAll("172.17.0.0/16", "10.1.0.0/24");

test("published-port-bypasses-input: the SYN to the published port passes INPUT's DROP untouched and reaches the container; with the DOCKER-USER fix it is dropped (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const rule = publishedPortBypassesInput;
  const text = docker(fixture(rule, "invalid-docker-published-port.rules"));
  const fixed = docker(fixture(rule, "invalid-docker-published-port.unsafe.fixed"));
  const inputDrop = lineOf(text, "-A INPUT -p tcp -m tcp --dport 5432 -j DROP");
  const dockerAccept = lineOf(text, "-A DOCKER -d ");
  const mirrored = lineOf(fixed, "-A DOCKER-USER -p tcp -m conntrack");
  // What the rule says of the lab's text, and that its fix gives the lab's fixed text.
  const result = check(text, { rules: [rule], unsafe: true });
  assert.deepEqual(result.of(rule.id).map((d) => d.loc.start.line), [inputDrop]);
  assert.match(result.of(rule.id)[0].message, /DNATed to 10\.1\.0\.2:5432/);
  assert.equal(result.fixed.output, fixed);
  await withPacketLab((lab) => {
    for (const backend of BACKENDS) {
      const open = lab.probe(backend, 4, text, syn(LAB.nodeEth0.v4, 5432));
      assert.deepEqual([open.verdict, open.delivery], ["accept", "forward"], `${backend}: the SYN is forwarded`);
      assert.deepEqual(open.left.map((p) => [p.destination, p.destinationPort, p.interface]), [[LAB.far.v4, 5432, "eth1"]]);
      assert.deepEqual(open.atFar.map((p) => [p.source, p.destination, p.destinationPort]), [[LAB.peer.v4, LAB.far.v4, 5432]]);
      const moved = open.moved.map((m) => m.line);
      assert.ok(!moved.includes(inputDrop), `${backend}: INPUT's DROP never sees the packet`);
      assert.ok(moved.includes(dockerAccept), `${backend}: Docker's ACCEPT takes it`);

      const closed = lab.probe(backend, 4, fixed, syn(LAB.nodeEth0.v4, 5432));
      assert.equal(closed.verdict, "drop", `${backend}: the fixed ruleset drops it`);
      assert.deepEqual(closed.atFar, []);
      assert.ok(closed.moved.some((m) => m.line === mirrored && m.chain === "DOCKER-USER"), `${backend}: the mirrored rule drops it`);
    }
  });
});

test("published-port-bypasses-input: a banned client still reaches the container behind fail2ban's REJECT (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const rule = publishedPortBypassesInput;
  const text = fixture(rule, "invalid-fail2ban-ban-bypassed.rules")
    .replaceAll("br-5c1e0a6b7f2d", "eth1")
    .replaceAll("172.18.0.3", LAB.far.v4)
    .replaceAll("172.18.0.0/16", "10.1.0.0/24")
    .replaceAll("203.0.113.66/32", `${LAB.peer.v4}/32`);
  const ban = lineOf(text, "-A f2b-mailu -s ");
  assert.deepEqual(check(text, { rules: [rule] }).of(rule.id).map((d) => d.loc.start.line), [ban]);
  await withPacketLab((lab) => {
    for (const backend of BACKENDS) {
      const o = lab.probe(backend, 4, text, syn(LAB.nodeEth0.v4, 443));
      assert.deepEqual([o.verdict, o.delivery], ["accept", "forward"], `${backend}: the banned peer's SYN is forwarded`);
      assert.deepEqual(o.atFar.map((p) => [p.source, p.destination, p.destinationPort]), [[LAB.peer.v4, LAB.far.v4, 443]]);
      assert.ok(!o.moved.some((m) => m.line === ban), `${backend}: the ban never sees it`);
    }
  });
});

test("published-port-bypasses-input: a NodePort with endpoints passes INPUT's REJECT of the NodePort range (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const rule = publishedPortBypassesInput;
  // Both endpoints are far, whichever kube-proxy's random pick takes.
  const text = fixture(rule, "invalid-nodeport-blocked.rules").replaceAll("10.244.1.7", LAB.far.v4).replaceAll("10.244.2.4", LAB.far.v4);
  const reject = lineOf(text, "-A INPUT -p tcp -m tcp --dport 30000:32767");
  assert.deepEqual(check(text, { rules: [rule] }).of(rule.id).map((d) => d.loc.start.line), [reject]);
  await withPacketLab((lab) => {
    for (const backend of BACKENDS) {
      const o = lab.probe(backend, 4, text, syn(LAB.nodeEth0.v4, 30080));
      assert.deepEqual([o.verdict, o.delivery], ["accept", "forward"], `${backend}: the SYN to the NodePort is forwarded`);
      assert.deepEqual(o.atFar.map((p) => [p.destination, p.destinationPort]), [[LAB.far.v4, 8080]]);
      assert.ok(!o.moved.some((m) => m.line === reject), `${backend}: the REJECT never sees it`);
      assert.deepEqual(o.replies, [], `${backend}: nothing was rejected`);
    }
  });
});

test("forward-drop-strands-traffic: the masqueraded network's, the pods' and the DNATed port's SYNs end at FORWARD's DROP policy; the README's ACCEPT rules let the network's through (nft and legacy)", async (t) => {
  if (!requirePacketLab(t)) return;
  const rule = forwardDropStrandsTraffic;
  const cases: { name: string; text: string; packet: LabPacket; reported: boolean; verdict: "drop" | "accept" }[] = [];
  // libvirt's network is the peer's: 192.168.122.0/24 on virbr0 is 10.0.0.0/24 on eth0.
  const libvirt = (text: string) => text.replaceAll("192.168.122.0/24", "10.0.0.0/24").replaceAll("virbr0", "eth0");
  const readme = readFileSync(fromRoot("rules", rule.id, "README.md"), "utf8");
  const valid = [...readme.matchAll(/^```iptables valid\n([\s\S]*?)^```$/gm)][0][1];
  cases.push({ name: "libvirt", text: libvirt(fixture(rule, "invalid-libvirt-network-after-docker.rules")), packet: syn(LAB.far.v4, 443), reported: true, verdict: "drop" });
  cases.push({ name: "libvirt with its ACCEPT rules", text: libvirt(valid), packet: syn(LAB.far.v4, 443), reported: false, verdict: "accept" });
  // The pod network is the peer's: 10.244.0.0/16 is 10.0.0.0/24.
  cases.push({ name: "pods", text: fixture(rule, "invalid-docker-policy-strands-pods.rules").replaceAll("10.244.0.0/16", "10.0.0.0/24"), packet: syn(LAB.far.v4, 443), reported: true, verdict: "drop" });
  // The port forward's target is far.
  cases.push({ name: "port forward", text: fixture(rule, "invalid-port-forward-dropped.rules").replaceAll("192.168.1.10", LAB.far.v4), packet: syn(LAB.nodeEth0.v4, 8080), reported: true, verdict: "drop" });
  for (const c of cases) assert.equal(check(c.text, { rules: [rule] }).of(rule.id).length > 0, c.reported, `${c.name}: ${c.reported ? "reported" : "not reported"}`);
  await withPacketLab((lab) => {
    for (const backend of BACKENDS) {
      for (const c of cases) {
        const o = lab.probe(backend, 4, c.text, c.packet);
        assert.equal(o.verdict, c.verdict, `${backend}, ${c.name}`);
        const policy = o.policies.some((p) => p.table === "filter" && p.chain === "FORWARD" && p.policy === "DROP");
        assert.equal(policy, c.verdict === "drop", `${backend}, ${c.name}: FORWARD's policy ${c.verdict === "drop" ? "counts" : "does not count"} the SYN`);
        if (c.verdict === "accept") assert.deepEqual(o.atFar.map((p) => p.destination), [LAB.far.v4], `${backend}, ${c.name}: the SYN reaches far (masqueraded)`);
        else assert.deepEqual(o.atFar, [], `${backend}, ${c.name}: nothing reaches far`);
      }
    }
  });
});
