/**
 * Match sets (rules/packet/match-set.ts): containment and disjointness of two rules' matches,
 * true only when sure.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, type CommandLine } from "../../grammar/index.js";
import { disjoint, dnatMayReach, implies, matchSetOf, type MatchSet } from "../../rules/packet/index.js";

/** The match set of `-A X <rule>` in an IPv4 (or IPv6) filter table. */
function setOf(rule: string, family: 4 | 6 = 4): MatchSet {
  const document = parse(`*filter\n-A INPUT ${rule}\nCOMMIT\n`);
  return matchSetOf((document.line(1) as CommandLine).view, family);
}

const inside = (inner: string, outer: string, family: 4 | 6 = 4) => implies(setOf(inner, family), setOf(outer, family));

test("match sets: addresses and networks, negated or not", () => {
  assert.ok(inside("-s 203.0.113.7/32 -j ACCEPT", "-s 203.0.113.0/24 -j DROP"));
  assert.ok(!inside("-s 203.0.113.0/24 -j ACCEPT", "-s 203.0.113.7/32 -j DROP"));
  assert.ok(inside("-d 10.1.0.2/32 -j ACCEPT", "! -d 10.2.0.0/16 -j DROP"), "outside the negated network");
  assert.ok(!inside("-d 10.2.0.2/32 -j ACCEPT", "! -d 10.2.0.0/16 -j DROP"));
  assert.ok(inside("! -s 10.0.0.0/8 -j ACCEPT", "! -s 10.1.0.0/16 -j DROP"), "a wider exclusion is inside a narrower one");
  assert.ok(!inside("! -s 10.1.0.0/16 -j ACCEPT", "! -s 10.0.0.0/8 -j DROP"));
  assert.ok(!inside("-j ACCEPT", "-s 10.0.0.0/8 -j DROP"), "no condition is not inside one");
  assert.ok(inside("-d fd01::2/128 -j ACCEPT", "-d fd01::/64 -j DROP", 6));
});

test("match sets: interfaces with +, protocol, ports and port lists, conntrack state", () => {
  assert.ok(inside("-i eth0 -j ACCEPT", "-i eth+ -j DROP"));
  assert.ok(!inside("-i eth+ -j ACCEPT", "-i eth0 -j DROP"));
  assert.ok(inside("-i tailscale0 -j ACCEPT", "! -i bridge1 -j DROP"));
  assert.ok(!inside("-i br+ -j ACCEPT", "! -i bridge1 -j DROP"), "br+ takes bridge1 too");
  assert.ok(inside("-p tcp -m tcp --dport 22 -j ACCEPT", "-p tcp -m multiport --dports 22,80 -j DROP"));
  assert.ok(inside("-p tcp -m multiport --dports 22,80 -j ACCEPT", "-p tcp -m tcp --dport 1:1024 -j DROP"));
  assert.ok(!inside("-p tcp -m multiport --dports 22,8080 -j ACCEPT", "-p tcp -m tcp --dport 1:1024 -j DROP"));
  assert.ok(inside("-p tcp -m multiport --dports 20:25 -j ACCEPT", "-p tcp -m multiport --dports 20:22,23:30 -j DROP"), "ranges that together cover");
  assert.ok(!inside("-p udp -m udp --dport 22 -j ACCEPT", "-p tcp -m tcp --dport 22 -j DROP"));
  assert.ok(!inside("-p tcp -j ACCEPT", "-p tcp -m tcp --dport 22 -j DROP"));
  assert.ok(inside("-p tcp -m conntrack --ctstate NEW -j ACCEPT", "-p tcp -m state --state NEW,ESTABLISHED -j DROP"));
  assert.ok(!inside("-p tcp -m conntrack --ctstate NEW -j ACCEPT", "-m conntrack --ctstate RELATED,ESTABLISHED -j DROP"));
  assert.ok(disjoint(setOf("-m conntrack --ctstate NEW -j X"), setOf("-m conntrack --ctstate ESTABLISHED -j Y")));
  assert.ok(!disjoint(setOf("-m conntrack --ctstate NEW -j X"), setOf("-m conntrack --ctstate DNAT -j Y")), "DNAT is not a state of its own");
  assert.ok(disjoint(setOf("-p tcp -j X"), setOf("-p udp -j Y")));
  assert.ok(!disjoint(setOf("-p tcp -j X"), setOf("-s 10.0.0.0/8 -j Y")));
});

test("match sets: a match they do not model makes containment unsure", () => {
  assert.ok(!inside("-s 203.0.113.7/32 -m limit --limit 1/sec -j ACCEPT", "-s 203.0.113.0/24 -j DROP"));
  assert.ok(!inside("-s 203.0.113.7/32 -j ACCEPT", "-s 203.0.113.0/24 -m recent --rcheck -j DROP"));
  assert.ok(!inside("-s 203.0.113.7/32 -j ACCEPT", "-s 203.0.113.0/24 -m set --match-set x src -j DROP"));
  assert.ok(inside("-s 203.0.113.7/32 -m comment --comment x -j ACCEPT", "-s 203.0.113.0/24 -j DROP"), "a comment is no condition");
});

test("match sets: whether a DNAT may give a packet the set's destination", () => {
  const set = setOf("-d 172.18.0.2/32 -j ACCEPT");
  assert.ok(dnatMayReach("172.18.0.2:80", 4, set));
  assert.ok(!dnatMayReach("172.18.0.3:80", 4, set));
  assert.ok(dnatMayReach("172.18.0.1-172.18.0.9", 4, set));
  assert.ok(dnatMayReach(null, 4, set), "a DNAT not read may");
  assert.ok(dnatMayReach("172.18.0.3", 4, setOf("-j ACCEPT")), "a set without a destination takes any");
  assert.ok(!dnatMayReach("[fd00::3]:80", 6, setOf("-d fd00::2/128 -j ACCEPT", 6)));
});

test("match sets: options after the target or after another match still match, but the target's own do not (getopt places an option by its name)", () => {
  // Measured: both backends save `-j DROP -s 10.0.0.1` as `-s 10.0.0.1/32 -j DROP`, and `-p tcp -j DROP --dport 22` as `-p tcp -m tcp --dport 22 -j DROP`.
  assert.ok(!inside("-j ACCEPT", "-j DROP -s 10.0.0.1"), "-s after the target narrows the DROP");
  assert.ok(inside("-s 10.0.0.1 -j ACCEPT", "-j DROP -s 10.0.0.0/8"));
  assert.ok(!inside("-p tcp -j ACCEPT", "-p tcp -j DROP --dport 22"), "--dport after the target is tcp's");
  assert.ok(inside("-p tcp -m tcp --dport 22 -j ACCEPT", "-p tcp -j DROP --dport 22"));
  assert.ok(inside("-s 10.0.0.1 -j ACCEPT", '-j LOG --log-prefix "x: "'), "LOG's own option takes every packet");
  assert.equal(setOf("-j KUBE-MARK-DROP --dport 22").decidable, false, "after a chain, an option nothing owns is not read");
  assert.ok(!inside("-p tcp -j ACCEPT", "-p tcp -m comment --comment ssh --dport 22 -j DROP"), "--dport after comment is tcp's");
  assert.ok(inside("-p tcp -m tcp --dport 22 -j ACCEPT", "-p tcp -m comment --comment ssh --dport 22 -j DROP"));
});
