/** mark-bit-conflict: the contract, the fixtures (all load: the rule warns), and the kube-proxy dumps are clean. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { markBitConflict as rule } from "../../rules/mark-bit-conflict/rule.js";
import { checkWith, corpusFiles, fixturesAgainstNetfilter } from "./load-checks.js";

fixturesAgainstNetfilter(rule);

test("no finding on the corpus: kube-proxy's 0x4000 and 0x8000 are two owners on two bits", () => {
  for (const file of corpusFiles()) assert.deepEqual(checkWith(rule, file.text).of(rule.id).map((d) => d.message), [], file.name);
});

test("one finding per pair of owners, on the CNI's rule when a CNI meets kube-proxy's bits", () => {
  const text =
    "*nat\n:KUBE-MARK-MASQ - [0:0]\n:cali-a - [0:0]\n:cali-b - [0:0]\n" +
    "-A cali-a -j MARK --set-xmark 0x4000/0xc000\n-A cali-b -j MARK --set-xmark 0x0/0xc000\n" +
    "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\nCOMMIT\n";
  const findings = checkWith(rule, text).of(rule.id);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].loc.start.line, 5);
  assert.match(findings[0].message, /^cali-a \(Calico\) sets or clears mark bit 0x4000, kube-proxy's masquerade mark \(KUBE-MARK-MASQ, line \d+\): /);
  assert.equal(findings[0].severity, "warning");
});

test("a MARK without a mask, and chains of unknown owners, are left alone", () => {
  const text = "*mangle\n:KUBE-MARK-MASQ - [0:0]\n:DOCKER-INGRESS - [0:0]\n-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n-A DOCKER-INGRESS -j MARK --set-mark 0x101\n-A OUTPUT -j MARK --set-xmark 0x4000/0x4000\nCOMMIT\n";
  assert.deepEqual(checkWith(rule, text).of(rule.id), []);
});
