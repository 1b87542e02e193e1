/**
 * comment-after-rule: the fixtures against the real iptables (the invalid one is refused, the
 * valid one and the fixed text load), and which `#` words are values.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commentAfterRule as rule } from "../../rules/comment-after-rule/rule.js";
import { checkWith, FILTER, fixturesAgainstNetfilter, where } from "./load-checks.js";

fixturesAgainstNetfilter(rule);

const found = (lines: string): string[] => {
  const text = `${FILTER}${lines}\nCOMMIT\n`;
  return checkWith(rule, text).of(rule.id).map((d) => where(text, d));
};

test("a `#` word no option takes is reported, from `#` to the end of the line", () => {
  assert.deepEqual(found("-A INPUT -j ACCEPT # ssh from anywhere"), ["5:20 # ssh from anywhere"]);
  assert.deepEqual(found("-A INPUT -p tcp --dport 22 #ssh"), ["5:28 #ssh"]);
  assert.deepEqual(found("-A INPUT --jump=ACCEPT #ssh"), ["5:24 #ssh"]);
  assert.deepEqual(found("-A INPUT -m comment --comment x # y"), ["5:33 # y"]);
  assert.deepEqual(found('-A INPUT -j ACCEPT "#quoted"'), ['5:20 "#quoted"']);
  assert.deepEqual(found("-I INPUT # first"), ["5:10 # first"]);
  assert.deepEqual(found("-P INPUT DROP # default"), ["5:15 # default"]);
});

test("a `#` word an option takes, or may take, is not", () => {
  assert.deepEqual(found("-A INPUT -m comment --comment # -j ACCEPT"), []);
  assert.deepEqual(found('-A INPUT -j LOG --log-prefix "#" --log-level 4'), []);
  assert.deepEqual(found("-A INPUT -p tcp --tcp-flags SYN #x"), []);
  assert.deepEqual(found("-A INPUT -m unknownmatch --unknown-option # x"), []);
  assert.deepEqual(found("-E OLD #NEW"), []);
  assert.deepEqual(found('-A INPUT -m comment --comment "a # b" -j ACCEPT'), []);
});

test("the unsafe fix moves the text to a line of its own, above the rule: the new line ends in LF, the rule keeps its own end", () => {
  const text = `${FILTER}-A INPUT -j ACCEPT  # ssh \r\nCOMMIT\n`.replace(/\n/g, "\r\n").replace("\r\r\n", "\r\n");
  const fixed = checkWith(rule, text, true).fixed.output;
  // A CR LF is refused on a rule line and the line-end fix's to mend: a fix writes none (report/edits.ts).
  assert.ok(fixed.includes("\r\n# ssh\n-A INPUT -j ACCEPT\r\nCOMMIT"), JSON.stringify(fixed));
  assert.equal(checkWith(rule, text).fixed.output, text, "not a safe fix");
});
