/**
 * option-needs-newer-iptables: nothing without a configured release; the releases compared; every
 * option of the history is one iptables 1.8.9 has (its --help lists it, nft and legacy); each
 * fixture line and README example loads on iptables 1.8.9; the configuration's key.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { findExtension, findOption, OPTION_HISTORY } from "../../rules/netfilter/index.js";
import { optionNeedsNewerIptables as rule, parseRelease } from "../../rules/option-needs-newer-iptables/rule.js";
import { checkConfig, ConfigError } from "../../src/config/load.js";
import { requireNetfilter } from "../helpers/netfilter.js";
import { check } from "./support.js";
import { corpusHasNoFindings } from "./load-checks.js";
import { linesAgainstNetfilter } from "./line-loads.js";

linesAgainstNetfilter(rule);
corpusHasNoFindings(rule, "no release configured");

const nat = (...rules: string[]) => `*nat\n:POSTROUTING ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`;
const findings = (text: string, iptablesVersion?: string) => check(text, { rules: [rule], node: { iptablesVersion } }).of(rule.id);
const MASQUERADE = "-A POSTROUTING -s 10.0.0.0/8 -j MASQUERADE --random-fully";

test("nothing without a configured release, nor for a release that has the option", () => {
  assert.deepEqual(findings(nat(MASQUERADE)), []);
  for (const release of ["1.6.2", "v1.8.4", "1.8", "2.0"]) assert.deepEqual(findings(nat(MASQUERADE), release), [], release);
  for (const release of ["1.6.1", "v1.4.21", "1.4.21.1", "1.6"]) assert.equal(findings(nat(MASQUERADE), release).length, 1, release);
});

test("releases are read with or without `v`, a missing part being 0; anything else is no release", () => {
  assert.deepEqual(parseRelease("v1.4.21.1"), [1, 4, 21, 1]);
  assert.deepEqual(parseRelease("1.8"), [1, 8]);
  assert.equal(parseRelease("latest"), null);
  assert.deepEqual(findings(nat(MASQUERADE), "latest"), []);
});

test("an abbreviation is the option getopt reads it as (`--random-f`), and every line of a shape is reported", () => {
  const found = findings(nat(MASQUERADE.replace("--random-fully", "--random-f"), "-A POSTROUTING -s 10.1.0.0/16 -j MASQUERADE --random-fully"), "1.4.21");
  assert.deepEqual(found.map((d) => d.loc.start.line), [3, 4]);
});

test("every option of the history is one the model has for its extension", () => {
  for (const h of OPTION_HISTORY.filter((h) => h.addedIn !== undefined)) {
    const extension = findExtension(h.kind, h.extension, null);
    assert.ok(extension && findOption(extension, h.option, null), `${h.extension} ${h.option}`);
    assert.ok(parseRelease(h.addedIn!), h.addedIn);
  }
});

test("iptables 1.8.9 has every option of the history (its --help lists it, nft and legacy)", (t) => {
  if (!requireNetfilter(t)) return;
  for (const h of OPTION_HISTORY.filter((h) => h.addedIn !== undefined)) {
    for (const command of ["iptables-nft", "iptables-legacy"]) {
      const result = spawnSync(command, [h.kind === "match" ? "-m" : "-j", h.extension, "--help"], { encoding: "utf8" });
      assert.ok(`${result.stdout}${result.stderr}`.includes(h.option), `${command} ${h.kind} ${h.extension} --help lists ${h.option}`);
    }
  }
});

test("the configuration's node.iptablesVersion: a release, or a clear problem", () => {
  checkConfig({ node: { iptablesVersion: "1.8.4" } }, "/etc/iptlint/.iptlintrc.json");
  assert.throws(
    () => checkConfig({ node: { iptablesVersion: "latest" } }, "/etc/iptlint/.iptlintrc.json"),
    (error: unknown) => error instanceof ConfigError && error.message.includes("`node.iptablesVersion` does not look like an iptables version such as 1.8.4"),
  );
});
