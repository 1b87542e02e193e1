/** security-jump-shadowed beyond its fixtures: `iptables -S` output, gotos, several jumps. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { securityJumpShadowed } from "../../rules/security-jump-shadowed/rule.js";
import { check } from "./support.js";

const run = (text: string) => check(text, { rules: [securityJumpShadowed], unsafe: true });

test("security-jump-shadowed: `iptables -S` output (no table named) is read as filter, and fixed", () => {
  const text = [
    "-P INPUT DROP",
    "-N f2b-sshd",
    "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT",
    "-A INPUT -p tcp -m multiport --dports 22 -j f2b-sshd",
    "-A f2b-sshd -s 203.0.113.7/32 -j REJECT --reject-with icmp-port-unreachable",
    "-A f2b-sshd -j RETURN",
    "",
  ].join("\n");
  const result = run(text);
  assert.deepEqual(result.of(securityJumpShadowed.id).map((d) => d.loc.start.line), [4]);
  assert.equal(result.fixed.output, text.replace("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -p tcp -m multiport --dports 22 -j f2b-sshd\n", "-A INPUT -p tcp -m multiport --dports 22 -j f2b-sshd\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n"));
});

test("security-jump-shadowed: a goto to the ban chain is reported without a fix (its RETURN would leave the calling chain)", () => {
  const text = "*filter\n:INPUT ACCEPT [0:0]\n:f2b-x - [0:0]\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -g f2b-x\n-A INPUT -j LOG\n-A f2b-x -j RETURN\nCOMMIT\n";
  const [finding, ...more] = run(text).of(securityJumpShadowed.id);
  assert.equal(more.length, 0);
  assert.equal(finding.loc.start.line, 5);
  assert.equal(finding.fix, undefined);
});

test("security-jump-shadowed: a jump taking more ports than the ACCEPT, a narrower ACCEPT, and a ban chain with a jump of its own", () => {
  const base = (accept: string, jump: string, ban = "-A f2b-x -s 203.0.113.7/32 -j DROP") =>
    `*filter\n:INPUT ACCEPT [0:0]\n:f2b-x - [0:0]\n:LOGDROP - [0:0]\n${accept}\n${jump}\n${ban}\n-A f2b-x -j RETURN\n-A LOGDROP -j DROP\nCOMMIT\n`;
  assert.equal(run(base("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT", "-A INPUT -p tcp -m multiport --dports 22,2222 -j f2b-x")).of(securityJumpShadowed.id).length, 0, "port 2222 still meets the ban");
  assert.equal(run(base("-A INPUT -i eth0 -p tcp -m tcp --dport 22 -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 22 -j f2b-x")).of(securityJumpShadowed.id).length, 0, "other interfaces still meet the ban");
  assert.equal(run(base("-A INPUT -p tcp -j ACCEPT", "-A INPUT -i eth0 -p tcp -m tcp --dport 22 -j f2b-x")).of(securityJumpShadowed.id).length, 1, "a wider ACCEPT");
  const [withJump] = run(base("-A INPUT -p tcp -j ACCEPT", "-A INPUT -p tcp -m tcp --dport 22 -j f2b-x", "-A f2b-x -s 203.0.113.7/32 -j LOGDROP")).of(securityJumpShadowed.id);
  assert.equal(withJump.fix, undefined, "a ban chain that jumps elsewhere is not moved");
  // The fixture and README pattern, fixed, is found no more.
  const fixture = readFileSync(new URL("../../../rules/security-jump-shadowed/fixtures/invalid-fail2ban-after-accept.rules", import.meta.url), "utf8");
  assert.equal(run(run(fixture).fixed.output).of(securityJumpShadowed.id).length, 0);
});
