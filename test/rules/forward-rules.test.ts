/**
 * forward-drop-strands-traffic and published-port-bypasses-input: what each finds with the
 * packet walk and what it leaves alone; the corpus of real dumps. Their proofs on the real
 * kernel are in forward-rules-netfilter.test.ts.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { forwardDropStrandsTraffic } from "../../rules/forward-drop-strands-traffic/rule.js";
import { publishedPortBypassesInput } from "../../rules/published-port-bypasses-input/rule.js";
import type { RuleModule } from "../../rules/types.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, corpusFiles, corpusHasNoFindings } from "./load-checks.js";

const fixture = (rule: RuleModule, name: string) => readFileSync(fromRoot("rules", rule.id, "fixtures", name), "utf8");
const found = (rule: RuleModule, text: string) => checkWith(rule, text).of(rule.id).map((d) => `${d.loc.start.line}: ${d.message}`);

corpusHasNoFindings(publishedPortBypassesInput, "the Docker dump publishes no port; no other dump both DNATs and blocks a port in INPUT");

test("forward-drop-strands-traffic: on the corpus, only libvirt's network, which the dump masquerades and whose FORWARD has no rule under policy DROP", () => {
  for (const file of corpusFiles()) {
    const findings = checkWith(forwardDropStrandsTraffic, file.text).of(forwardDropStrandsTraffic.id);
    if (file.name !== "real-world/libvirt-v1.4.21-old-negation.txt") {
      // docker-bridge: FORWARD DROP, but its ACCEPT rules take both masqueraded networks' traffic.
      assert.deepEqual(findings.map((d) => d.message), [], file.name);
      continue;
    }
    // `:FORWARD DROP` (line 4), no FORWARD rule at all, and libvirt's MASQUERADE of
    // 192.168.122.0/24 (from line 71): the VMs' connections out are dropped. Reported once.
    assert.deepEqual(findings.map((d) => [d.loc.start.line, d.message]), [[71, "New connections from 192.168.122.0/24, which this rule masquerades, are dropped by FORWARD's DROP policy (line 4): no FORWARD rule accepts them"]]);
  }
});

const pods = fixture(forwardDropStrandsTraffic, "invalid-docker-policy-strands-pods.rules");

test("forward-drop-strands-traffic: only under FORWARD's DROP policy, not an explicit DROP rule", () => {
  assert.equal(found(forwardDropStrandsTraffic, pods).length, 1);
  assert.deepEqual(found(forwardDropStrandsTraffic, pods.replace(":FORWARD DROP [0:0]", ":FORWARD ACCEPT [0:0]")), []);
  // A DROP rule is the owner's choice: the flow ends there, not at the policy.
  assert.deepEqual(found(forwardDropStrandsTraffic, pods.replace("-A DOCKER-USER -j RETURN", "-A DOCKER-USER -s 10.244.0.0/16 -j DROP\n-A DOCKER-USER -j RETURN")), []);
  // `-P FORWARD DROP` in a restore file is the same policy.
  assert.equal(found(forwardDropStrandsTraffic, pods.replace(":FORWARD DROP [0:0]", ":FORWARD ACCEPT [0:0]").replace("-A FORWARD -m comment", "-P FORWARD DROP\n-A FORWARD -m comment")).length, 1);
});

test("forward-drop-strands-traffic: kube-proxy's negated pod network however it is spelled (`! --src`, `! --sou`, a tab, a quoted `-s`)", () => {
  const negation = "! -s 10.244.0.0/16 -d 10.96.0.10/32";
  assert.ok(pods.includes(negation));
  for (const spelled of ["! --src 10.244.0.0/16 -d 10.96.0.10/32", "! --sou 10.244.0.0/16 -d 10.96.0.10/32", "!\t-s 10.244.0.0/16 -d 10.96.0.10/32", '! "-s" 10.244.0.0/16 -d 10.96.0.10/32', "-d 10.96.0.10/32 ! -s 10.244.0.0/16"]) {
    assert.deepEqual(found(forwardDropStrandsTraffic, pods.replace(negation, spelled)), found(forwardDropStrandsTraffic, pods), spelled);
  }
});

test("forward-drop-strands-traffic: an ACCEPT that takes some of the flow's packets (one port, a subnet, an undecided match) is a way through", () => {
  const withAccept = (rule: string) => pods.replace("-A DOCKER-USER -j RETURN", `${rule}\n-A DOCKER-USER -j RETURN`);
  assert.deepEqual(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -s 10.244.0.0/16 -p udp -m udp --dport 53 -j ACCEPT")), []);
  assert.deepEqual(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -s 10.244.3.0/24 -j ACCEPT")), []);
  assert.deepEqual(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -s 10.244.0.0/16 -m limit --limit 10/second -j ACCEPT")), []);
  assert.deepEqual(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -i flannel.1 -j ACCEPT")), []);
  assert.deepEqual(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -m mark --mark 0x1/0x1 -j ACCEPT")).length, 1, "a mark nothing sets takes none of the flow");
  // An ACCEPT for another network takes none of it.
  assert.equal(found(forwardDropStrandsTraffic, withAccept("-A DOCKER-USER -s 192.168.0.0/16 -j ACCEPT")).length, 1);
  // Docker's `-i docker0` ACCEPT is for docker0's own network (its MASQUERADE names the bridge).
  assert.equal(found(forwardDropStrandsTraffic, pods).length, 1);
});

test("forward-drop-strands-traffic: a DNAT without one destination port is not a flow; one restricted to an interface is tried from it", () => {
  const forward = fixture(forwardDropStrandsTraffic, "invalid-port-forward-dropped.rules");
  assert.equal(found(forwardDropStrandsTraffic, forward).length, 1);
  assert.deepEqual(found(forwardDropStrandsTraffic, forward.replace("-p tcp -m tcp --dport 8080 ", "-p tcp ")), []);
  assert.deepEqual(found(forwardDropStrandsTraffic, forward.replace("-A FORWARD -d 192.168.1.10/32 -p tcp -m tcp --dport 443 -j ACCEPT", "-A FORWARD -i eth0 -d 192.168.1.10/32 -j ACCEPT")), []);
  assert.equal(found(forwardDropStrandsTraffic, forward.replace("-A FORWARD -d 192.168.1.10/32 -p tcp -m tcp --dport 443 -j ACCEPT", "-A FORWARD -i eth1 -d 192.168.1.10/32 -j ACCEPT")).length, 1);
});

const docker = fixture(publishedPortBypassesInput, "invalid-docker-published-port.rules");

test("published-port-bypasses-input: an explicit port block only; INPUT's DROP policy alone is not a block", () => {
  assert.deepEqual(found(publishedPortBypassesInput, docker).map((f) => f.split(":")[0]), ["25"]);
  const policyOnly = docker.replace(":INPUT ACCEPT [0:0]", ":INPUT DROP [0:0]").replace("-A INPUT -p tcp -m tcp --dport 5432 -j DROP\n", "");
  assert.deepEqual(found(publishedPortBypassesInput, policyOnly), []);
  // An earlier ACCEPT for the port: INPUT would not drop it either.
  assert.deepEqual(found(publishedPortBypassesInput, docker.replace("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 5432 -j ACCEPT")), []);
  // A multiport list and REJECT are blocks too.
  assert.equal(found(publishedPortBypassesInput, docker.replace("-m tcp --dport 5432 -j DROP", "-m multiport --dports 3306,5432 -j REJECT --reject-with tcp-reset")).length, 1);
});

test("published-port-bypasses-input: not when FORWARD does not accept the DNATed packet, or the DNAT does not take packets to the node", () => {
  // Without Docker's ACCEPT for the container the policy drops it: the port is closed after all.
  assert.deepEqual(found(publishedPortBypassesInput, docker.replace(/^-A DOCKER -d 172\.17\.0\.2.*\n/m, "")), []);
  // A DNAT for packets that arrive on docker0 only.
  assert.deepEqual(found(publishedPortBypassesInput, docker.replace("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 5432 -j DNAT", "-A DOCKER -i docker1 -p tcp -m tcp --dport 5432 -j DNAT")), []);
});

test("published-port-bypasses-input: the DOCKER-USER fix only when sure (the port on the INPUT rule itself, DOCKER-USER first in FORWARD, plain matches)", () => {
  const fixOf = (text: string) => checkWith(publishedPortBypassesInput, text, true).of(publishedPortBypassesInput.id).map((d) => d.fix?.edits.map((e) => e.text).join("") ?? null);
  assert.deepEqual(fixOf(docker), ["-A DOCKER-USER -p tcp -m conntrack --ctorigdstport 5432 --ctdir ORIGINAL -j DROP\n"]);
  assert.deepEqual(fixOf(docker.replace("-A INPUT -p tcp -m tcp --dport 5432 -j DROP", "-A INPUT -s 198.51.100.0/24 -i eth0 -p tcp -m tcp --dport 5432 -j REJECT --reject-with tcp-reset")), [
    "-A DOCKER-USER -s 198.51.100.0/24 -i eth0 -p tcp -m conntrack --ctorigdstport 5432 --ctdir ORIGINAL -j REJECT --reject-with tcp-reset\n",
  ]);
  // DOCKER-USER not first in FORWARD: Docker's ACCEPT could come before the mirror.
  const late = docker.replace("-A FORWARD -j DOCKER-USER\n", "").replace("-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n", "-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n-A FORWARD -j DOCKER-USER\n");
  assert.deepEqual(fixOf(late), [null]);
  // A match the mirror would not carry over, or a port range.
  assert.deepEqual(fixOf(docker.replace("--dport 5432 -j DROP", "--dport 5432 -m conntrack --ctstate NEW -j DROP")), [null]);
  assert.deepEqual(fixOf(docker.replace("-m tcp --dport 5432 -j DROP", "-m tcp --dport 5000:5500 -j DROP")), [null]);
  // A ban in fail2ban's chain: the port is on the jump, the REJECT on the source.
  assert.deepEqual(fixOf(fixture(publishedPortBypassesInput, "invalid-fail2ban-ban-bypassed.rules")), [null]);
});

test("published-port-bypasses-input: ip6tables, with IPv6 addresses", () => {
  const v6 = docker
    .replace("# Generated by iptables-save", "# Generated by ip6tables-save")
    .replaceAll("127.0.0.0/8", "::1/128")
    .replaceAll("172.17.0.0/16", "fd00:17::/64")
    .replaceAll("172.17.0.2/32", "fd00:17::2/128")
    .replace("172.17.0.2:5432", "[fd00:17::2]:5432");
  assert.deepEqual(found(publishedPortBypassesInput, v6), ["25: tcp port 5432 is DNATed to [fd00:17::2]:5432 (test.rules:12) and forwarded: INPUT never sees it, so this DROP leaves the port open"]);
});

test("forward-drop-strands-traffic: an SNAT of a network is a flow too; a host's own address (/32) is not a network", () => {
  const libvirt = fixture(forwardDropStrandsTraffic, "invalid-libvirt-network-after-docker.rules");
  const snat = libvirt.replaceAll(" -j MASQUERADE --to-ports 1024-65535", " -j SNAT --to-source 192.0.2.50").replace(" -j MASQUERADE\n", " -j SNAT --to-source 192.0.2.50\n");
  assert.deepEqual(found(forwardDropStrandsTraffic, snat).map((f) => f.replace(/\(line \d+\)/, "")), ["9: New connections from 192.168.122.0/24, which this rule SNATs, are dropped by FORWARD's DROP policy : no FORWARD rule accepts them"]);
  assert.deepEqual(found(forwardDropStrandsTraffic, libvirt.replaceAll("-s 192.168.122.0/24", "-s 192.168.122.1/32")), []);
});
