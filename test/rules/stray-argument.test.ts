/**
 * stray-argument: the fixtures against the real iptables, quoting what it says (the invalid ones
 * are refused with "Bad argument", the valid ones load), the corpus, and which words are taken.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { strayArgument as rule } from "../../rules/stray-argument/rule.js";
import { checkWith, corpusHasNoErrors, FILTER, fixturesAgainstNetfilter, where } from "./load-checks.js";

fixturesAgainstNetfilter(rule, { quoted: true });
corpusHasNoErrors(rule);

const found = (lines: string): string[] => {
  const text = `${FILTER}${lines}\nCOMMIT\n`;
  return checkWith(rule, text).of(rule.id).map((d) => where(text, d));
};

test("the first word no option takes is reported, one per line", () => {
  assert.deepEqual(found("-A INPUT -s 10.0.0.1 10.0.0.2 10.0.0.3 -j ACCEPT"), ["5:22 10.0.0.2"]);
  assert.deepEqual(found("-A INPUT -o eth0 eth1 -j ACCEPT"), ["5:18 eth1"]);
  assert.deepEqual(found('-A INPUT -j ACCEPT "two words" x'), ['5:20 "two words"']);
  assert.match(checkWith(rule, `${FILTER}-A INPUT -i -j ACCEPT\nCOMMIT\n`).of(rule.id)[0].message, /`-i` takes `-j` as its value, which leaves `ACCEPT` to no option/);
});

test("options that take two words, or words iptables reads itself, and unknown options are not reported", () => {
  assert.deepEqual(found("-A INPUT -m set --match-set trusted src,dst -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -c 1 2 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m rateest --rateest1 a --rateest-bps1 10 -j ACCEPT"), []);
  assert.deepEqual(found("-A INPUT -m geoip --src-cc DE FR -j ACCEPT"), []);
  // Other rules' words: a `#` (comment-after-rule), `[unsupported revision]` (dump-unsupported-revision).
  assert.deepEqual(found("-A INPUT -j ACCEPT # ssh"), []);
  assert.deepEqual(found("-A INPUT -m conntrack [unsupported revision] -j ACCEPT"), []);
});

test("a command's own words are not options' words", () => {
  assert.deepEqual(found("-I INPUT 1 -j ACCEPT"), []);
  assert.deepEqual(found("-P INPUT DROP"), []);
});
