/**
 * old-negation-syntax: the contract, the fixtures against the real iptables, the corpus (the
 * libvirt dump of iptables 1.4.21 is the one file with findings), and the libvirt dump fixed:
 * it loads with both backends and iptables-save prints the negations as iptlint wrote them.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { oldNegationSyntax as rule } from "../../rules/old-negation-syntax/rule.js";
import { requireNetfilter, withNamespace, type Backend } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, corpusHasNoErrors, fixturesAgainstNetfilter, load } from "./load-checks.js";

fixturesAgainstNetfilter(rule);

const LIBVIRT = "real-world/libvirt-v1.4.21-old-negation.txt";
corpusHasNoErrors(rule, (name) => name === LIBVIRT);

const libvirt = readFileSync(fromRoot("test", "fixtures", "corpus", LIBVIRT), "utf8");

test("the libvirt dump of iptables 1.4.21: every `-d !` is reported and fixed, nothing else changes", () => {
  const result = checkWith(rule, libvirt);
  const findings = result.of(rule.id);
  assert.ok(findings.length > 100);
  assert.ok(findings.every((d) => d.severity === "error" && /^`-d ! 192\.168\.122\.0\/24` puts `!` after the option/.test(d.message)));
  const before = libvirt.split("\n");
  const after = result.fixed.output.split("\n");
  assert.equal(after.length, before.length);
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) assert.equal(after[i], before[i].replace(" -d ! ", " ! -d "));
  }
  assert.deepEqual(checkWith(rule, result.fixed.output).of(rule.id), []);
});

for (const backend of ["nft", "legacy"] as Backend[]) {
  test(`the libvirt dump (${backend}): refused as it is, loaded once fixed, and saved as iptlint wrote it`, async (t) => {
    if (!requireNetfilter(t)) return;
    const fixed = checkWith(rule, libvirt).fixed.output;
    await withNamespace("libvirt", (ns) => {
      const original = load(ns, backend, 4, libvirt);
      assert.notEqual(original.status, 0);
      assert.match(original.said, /Bad argument `192\.168\.122\.0\/24'/);
      const loaded = load(ns, backend, 4, fixed);
      assert.equal(loaded.status, 0, loaded.said);
      const saved = ns.save(backend, 4, ["-t", "nat"]);
      const negated = saved.split("\n").filter((line) => line.includes("! -d 192.168.122.0/24"));
      assert.equal(negated.length, fixed.split("\n").filter((line) => line.startsWith("-A") && line.includes("! -d 192.168.122.0/24") && /^-A (PREROUTING|INPUT|OUTPUT|POSTROUTING)/.test(line)).length);
    });
  });
}
