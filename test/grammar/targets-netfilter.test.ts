/**
 * A rule's target as iptables reads it: one `-j` or `-g`, with a name. The lines the grammar
 * calls syntax errors for their target are refused by the real iptables (nft and legacy, IPv4
 * and IPv6) with the message the diagnostic quotes, and the spellings it reads are loaded.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

const table = (line: string) => `*filter\n:INPUT ACCEPT [0:0]\n:X - [0:0]\n${line}\nCOMMIT\n`;

/** Refused lines, with what iptables says of each. */
const REFUSED: [line: string, said: string][] = [
  ["-A INPUT -j ACCEPT -j DROP", "multiple -j flags not allowed"],
  ["-A INPUT -j ACCEPT -g X", "multiple -j flags not allowed"],
  ["-A INPUT -g X -g X", "multiple -j flags not allowed"],
  ["-A INPUT -j X -j", 'option "-j" requires an argument'],
  ["-A INPUT -j", 'option "-j" requires an argument'],
  ["-A INPUT -s 10.0.0.1 --goto", 'option "--goto" requires an argument'],
];

/** Loaded lines, whose target the grammar reads. */
const LOADED = ["-A INPUT -j ACCEPT", "-A INPUT -g X", "-A INPUT --goto=X", '-A INPUT -j LOG --log-prefix "-j DROP"'];

test("a second -j or -g, or one without a target: refused by iptables with the message the syntax error quotes", async (t) => {
  for (const [line] of REFUSED) {
    const document = parse(table(line));
    assert.equal(document.kindOf(3), "invalid", line);
  }
  for (const line of LOADED) assert.deepEqual(parse(table(line)).diagnostics, [], line);
  if (!requireNetfilter(t)) return;
  for (const backend of ["nft", "legacy"] as Backend[]) {
    for (const family of [4, 6] as Family[]) {
      await withNamespace(`targets-${backend}${family}`, (ns) => {
        for (const [line, said] of REFUSED) {
          const result = ns.run(tool("restore", backend, family), ["--test"], table(line));
          assert.notEqual(result.status, 0, `${tool("restore", backend, family)} loaded ${line}`);
          assert.match(result.stderr, new RegExp(said.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), `${backend} ${family}: ${line}`);
          const message = parse(table(line)).diagnostics[0].message;
          assert.ok(message.includes(said), `the diagnostic quotes iptables: ${message}`);
        }
        for (const line of LOADED) ns.restore(backend, family, table(line));
      });
    }
  }
});
