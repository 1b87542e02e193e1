/** repeated-option: each fixture line and README example against the real iptables, the corpus, iptables' own options from the tokens. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { repeatedOption as rule } from "../../rules/repeated-option/rule.js";
import { checkWith, corpusHasNoFindings } from "./load-checks.js";
import { linesAgainstNetfilter } from "./line-loads.js";

linesAgainstNetfilter(rule);
corpusHasNoFindings(rule, "every file of the corpus loads");

const findings = (text: string) => checkWith(rule, text).of(rule.id);
const filter = (...rules: string[]) => `*filter\n:INPUT ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`;

test("iptables' own options: every spelling counts, `-m` may repeat, a list in one value is one option", () => {
  const found = findings(filter("-A INPUT -p tcp --protocol udp -j ACCEPT", "-A INPUT -d 10.0.0.1 --dst 10.0.0.2 -j ACCEPT", "-A INPUT -s 10.0.0.1,10.0.0.2 -m comment --comment a -m comment --comment b -j ACCEPT"));
  assert.deepEqual(found.map((d) => [d.loc.start.line, d.message]), [
    [3, '`--protocol` is given twice: iptables-restore refuses the line ("multiple -p flags not allowed")'],
    [4, '`--dst` is given twice: iptables-restore refuses the line ("multiple -d flags not allowed")'],
  ]);
});

test("an XTOPT_MULTI option may repeat (`-m policy --proto` once per element)", () => {
  assert.deepEqual(findings(filter("-A INPUT -m policy --dir in --pol ipsec --strict --proto esp --next --proto ah -j ACCEPT")), []);
  assert.equal(findings(filter("-A INPUT -m policy --dir in --dir out --pol ipsec -j ACCEPT")).length, 1);
});
