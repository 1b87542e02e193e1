/** line-ends: the contract, the fixtures against the real iptables, the corpus, and a whole dump saved on Windows. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { lineEnds as rule } from "../../rules/line-ends/rule.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, corpusHasNoErrors, fixturesAgainstNetfilter } from "./load-checks.js";

fixturesAgainstNetfilter(rule);
corpusHasNoErrors(rule);

test("a kube-proxy dump saved with CR LF: one finding on the first line iptables refuses, and one fix that gives the dump back", () => {
  const dump = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.19-iptables.nft.save"), "utf8");
  const windows = dump.replace(/\n/g, "\r\n");
  const result = checkWith(rule, windows);
  const findings = result.of(rule.id);
  assert.equal(findings.length, 1);
  // Line 1 is the header comment, which loads with a CR; `*filter\r` on line 2 does not.
  assert.equal(findings[0].loc.start.line, 2);
  assert.match(findings[0].message, /^\d+ lines of \d+ end in CR LF/);
  assert.equal(result.fixed.output, dump);
});

test("CR LF and no final newline are two findings, fixed together", () => {
  const text = "*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -j ACCEPT\r\nCOMMIT";
  const result = checkWith(rule, text);
  assert.equal(result.of(rule.id).length, 2);
  assert.equal(result.fixed.output, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n");
});

test("an option left with no value at a CR LF line end takes the CR as its value: the line loads, with no finding and no syntax error", () => {
  // Measured, both backends: `-i\r` and `-i \r` load (an interface named CR); `--in-interface\r` is an option iptables does not know.
  for (const line of ["-A INPUT -j ACCEPT -i\r", "-A INPUT -j ACCEPT -i \r"]) {
    const text = `*filter\n:INPUT ACCEPT [0:0]\n${line}\nCOMMIT\n`;
    assert.deepEqual(checkWith(rule, text).of(rule.id), [], JSON.stringify(line));
    assert.deepEqual(parse(text).diagnostics, [], JSON.stringify(line));
  }
  const long = checkWith(rule, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT --in-interface\r\nCOMMIT\n").of(rule.id);
  assert.equal(long.length, 1);
  assert.equal(long[0].severity, "error");
  assert.equal(long[0].loc.start.line, 3);
});
