/** unknown-extension: the fixtures against the real iptables (refused with the quoted message), the corpus, and the configured extra matches. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { unknownExtension as rule } from "../../rules/unknown-extension/rule.js";
import { check } from "./support.js";
import { checkWith, corpusHasNoFindings, fixturesAgainstNetfilter } from "./load-checks.js";

// A warning here is still a refusal on this machine, which has no xtables-addons.
fixturesAgainstNetfilter(rule, { quoted: true, warningsRefused: true });
corpusHasNoFindings(rule, "every file of the corpus loads");

const filter = (...rules: string[]) => `*filter\n:INPUT ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`;

test("the matches the configuration lists are known; others are still reported", () => {
  const text = filter("-A INPUT -m geoip --src-cc CN -j DROP", "-A INPUT -m pknock --knockports 1 -j DROP");
  assert.equal(checkWith(rule, text).of(rule.id).length, 2);
  const settings = { ignored: false, node: {}, reportUnusedSuppressions: "warning" as const, rules: new Map([[rule.id, { severity: rule.severity, options: { matches: ["geoip"] } }]]) };
  const configured = check(text, { rules: [rule], settings }).of(rule.id);
  assert.deepEqual(configured.map((d) => d.loc.start.line), [4]);
});

test("a match of either family is known when the family is not (icmp6 is ip6tables', ah both)", () => {
  assert.deepEqual(checkWith(rule, filter("-A INPUT -m icmp6 --icmpv6-type 1 -j DROP", "-A INPUT -m ah -j DROP")).of(rule.id), []);
});

test("no suggestion far from every shipped name", () => {
  const [finding] = checkWith(rule, filter("-A INPUT -m foo -j DROP")).of(rule.id);
  assert.equal(finding.fix, undefined);
  assert.doesNotMatch(finding.message, /is\)/);
});
