/**
 * unterminated-quote against the real iptables: a quote never closed is no syntax error, for
 * both backends load the line with the rest of it as one value (the rule loses what follows the
 * quote); `! -i ! -d x` is an interface named `!`, negated, as getopt reads it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { unterminatedQuote as rule } from "../../rules/unterminated-quote/rule.js";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { checkWith, where } from "./load-checks.js";

const fixture = readFileSync(fromRoot("rules", "unterminated-quote", "fixtures", "invalid-comment-swallows-target.rules"), "utf8");

test("unterminated-quote: no syntax error, a finding on every rule line with an open quote, none elsewhere", () => {
  assert.deepEqual(parse(fixture).diagnostics, []);
  assert.deepEqual(
    checkWith(rule, fixture).of(rule.id).map((d) => `${d.severity} ${where(fixture, d)}`),
    ['error 5:56 "ssh -j ACCEPT'],
  );
  assert.match(checkWith(rule, fixture).of(rule.id)[0].message, /`--comment` takes the rest of the line and its line end/);
  const refused = readFileSync(fromRoot("rules", "unterminated-quote", "fixtures", "invalid-target-and-address.rules"), "utf8");
  assert.deepEqual(
    checkWith(rule, refused).of(rule.id).map((d) => `${where(refused, d)}: ${/refuses the line/.test(d.message)}`),
    ['5:13 "ACCEPT: true', '6:15 "10.0.0.1: true'],
  );
  // `--comment="ssh -j ACCEPT`: the quote is in the inline value, free text too.
  const inline = checkWith(rule, fixture.replace('--comment "ssh', '--comment="ssh')).of(rule.id);
  assert.equal(inline.length, 1);
  assert.match(inline[0].message, /`--comment` takes the rest of the line and its line end/);
  const elsewhere = '*filter\n:INPUT ACCEPT [0:0] "declarations ignore extra words\n-A INPUT -j ACCEPT\nCOMMIT\n';
  assert.deepEqual(checkWith(rule, elsewhere).of(rule.id), []);
});

test("a `!` before another option is that option's value: `! -i ! -d x` parses, `-s ! x` is still the old negation", () => {
  const loaded = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ! -i ! -d 10.0.0.1 -j ACCEPT\nCOMMIT\n";
  const document = parse(loaded);
  assert.deepEqual(document.diagnostics, []);
  const element = document.tables[0].commands[0].elements[0];
  assert.deepEqual([element.name, element.negated, element.intrapositioned, element.value], ["-i", true, false, "!"]);
  assert.equal(document.tables[0].commands[0].rule!.genericOption("destination")!.value, "10.0.0.1");
  const old = parse("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s ! 10.0.0.1 -j ACCEPT\nCOMMIT\n").tables[0].commands[0].elements[0];
  assert.deepEqual([old.name, old.intrapositioned, old.value], ["-s", true, "10.0.0.1"]);
});

test("unterminated quote and `! -i !` against the real iptables: what loads, what is refused, and a saved open comment that no longer restores", async (t) => {
  if (!requireNetfilter(t)) return;
  const refused = readFileSync(fromRoot("rules", "unterminated-quote", "fixtures", "invalid-target-and-address.rules"), "utf8");
  const negated = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT ! -i ! -d 10.0.0.1/32 -j ACCEPT\nCOMMIT\n";
  for (const backend of ["nft", "legacy"] as Backend[]) {
    for (const family of [4, 6] as Family[]) {
      await withNamespace(`quote-${backend}${family}`, (ns) => {
        const restore = `${family === 6 ? "ip6tables" : "iptables"}-${backend}-restore`;
        // `-j "ACCEPT` (and, in IPv4, `-s "10.0.0.1`): the line end is part of the value, refused.
        const target = ns.run(restore, [], refused.replace('-A FORWARD -s "10.0.0.1\n', ""));
        assert.notEqual(target.status, 0, `${backend} v${family}: -j "ACCEPT loads`);
        assert.match(target.stderr, /Invalid target name `ACCEPT\n/);
        // The open comment loads: the rest of the line and its line end are the comment, no target.
        ns.restore(backend, family, fixture);
        const saved = ns.save(backend, family);
        assert.match(saved, /-A INPUT -p tcp -m tcp --dport 22 -m comment --comment "ssh -j ACCEPT\n"\n/, `${backend} v${family}`);
        // What the node saves then fails to restore.
        const again = ns.run(restore, [], saved);
        assert.notEqual(again.status, 0, `${backend} v${family}: the saved dump restores`);
        assert.match(again.stderr, /Bad argument `\n/);
        // The same with the quote after `--comment=`: it loads the same comment.
        ns.restore(backend, family, fixture.replace('--comment "ssh', '--comment="ssh'));
        assert.match(ns.save(backend, family), /--comment "ssh -j ACCEPT\n"\n/, `${backend} v${family}: --comment="`);
        if (family === 4) {
          const address = ns.run(restore, [], refused.replace('-A INPUT -j "ACCEPT\n', ""));
          assert.notEqual(address.status, 0);
          assert.match(address.stderr, /host\/network `10\.0\.0\.1\n/);
          ns.restore(backend, family, negated);
          assert.match(ns.save(backend, family), /-A INPUT -d 10\.0\.0\.1\/32 ! -i ! -j ACCEPT\n/, `${backend}: an interface named !`);
        }
      });
    }
  }
});
