/**
 * The chain index reads each rule's exact destination and port without compiling the rule
 * (`indexKeys`); the walk is only right if they are the keys compileRule gives the rule. Checked
 * on every rule of the corpus and on lines written to catch each way the two could part.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { parse, type CommandLine, type Document } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import { compileRule, indexKeys, TableRules } from "../../rules/packet/compile.js";
import { fromRoot } from "../helpers/project.js";

function compare(document: Document, family: 4 | 6): number {
  let rules = 0;
  for (const table of modelOf(document).tables()) {
    // The walk's reading of the keys by the line's shape (TableRules.indexKeysOf), too.
    const tableRules = new TableRules(document, table, family);
    table.chains.forEachRule((n) => {
      const line = document.line(n) as CommandLine;
      const compiled = compileRule(line, family, () => true);
      const keys = indexKeys(line.view, family);
      assert.deepEqual(keys, { destination: compiled.destinationKey, destinationPort: compiled.destinationPortKey }, `${document.filePath}:${n + 1}: ${line.text}`);
      assert.deepEqual(tableRules.indexKeysOf(n), keys, `${document.filePath}:${n + 1}: ${line.text} (by its shape)`);
      rules++;
    });
  }
  return rules;
}

test("indexKeys: the keys compileRule gives, for every rule of the corpus", () => {
  let rules = 0;
  for (const folder of ["kube", "real-world"]) {
    for (const name of readdirSync(fromRoot("test", "fixtures", "corpus", folder))) {
      if (name.endsWith(".md")) continue;
      const path = join("test", "fixtures", "corpus", folder, name);
      const document = parse(readFileSync(fromRoot(path), "utf8"), { filePath: path });
      rules += compare(document, /ip6|ipv6/.test(name) ? 6 : 4);
    }
  }
  assert.ok(rules > 1000, `${rules} rules`);
});

test("indexKeys: the keys compileRule gives, for lines that could tell them apart", () => {
  const lines = [
    "-A X -p tcp --dport 22 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22 -j ACCEPT",
    "-A X -p tcp -m tcp ! --dport 22 -j ACCEPT",
    "-A X ! -p tcp -m tcp --dport 22 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 20:22 -j ACCEPT",
    "-A X -p tcp -m tcp --destination-port 22 -j ACCEPT",
    "-A X -p tcp -m tcp --sport 22 -j ACCEPT",
    "-A X -p tcp -m multiport --dports 22 -j ACCEPT",
    "-A X -m tcp --dport 22 -j ACCEPT",
    "-A X -p 6 --dport 22 -j ACCEPT",
    "-A X -p all -m tcp --dport 22 -j ACCEPT",
    "-A X -p udp -m udp --dport 53 -m tcp --dport 54 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22 -m comment --comment x -j ACCEPT",
    "-A X -p tcp -j DNAT --to-destination 10.0.0.1:80",
    "-A X -p tcp -m constructor --dport 1 -j ACCEPT",
    "-A X -p tcp -m tcp --dport http -j ACCEPT",
    "-A X -d 10.0.0.1 -j ACCEPT",
    "-A X -d 10.0.0.1/32 -j ACCEPT",
    "-A X -d 10.0.0.0/24 -j ACCEPT",
    "-A X ! -d 10.0.0.1 -j ACCEPT",
    "-A X -d 10.0.0.1,10.0.0.2 -j ACCEPT",
    "-A X --destination 10.0.0.1 -p udp --dport 53 -j ACCEPT",
    "-A X -d 10.0.0.1/255.255.255.255 -j ACCEPT",
    "-A X -d example.invalid -j ACCEPT",
    "-A X -d 10.0.0.1/32 -d 10.0.0.0/24 -j ACCEPT",
    "-A X -d 10.0.0.0/24 -d 10.0.0.2/32 -j ACCEPT",
    "-A X -d 010.0.0.1 -p tcp -m tcp --dport 22 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22 --dport 23 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22:23 --dport 24 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 022 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22 -m statistic --mode random --probability 0.5 -j ACCEPT",
    "-A X -p tcp -m tcp --dport 22 -m statistic --mode random --probability x -j ACCEPT",
    "-A X -d 10.0.0.1/32 -p tcp -m tcp --dport 22 -j DNAT --to-destination 10.0.0.2:80",
  ];
  const document = parse(`*filter\n:X - [0:0]\n${lines.join("\n")}\nCOMMIT\n`, { filePath: "keys.rules" });
  assert.equal(compare(document, 4), lines.length);
  const six = parse("*filter\n:X - [0:0]\n-A X -d fd00::1/128 -p udp --dport 53 -j ACCEPT\n-A X -d fd00::/64 -j ACCEPT\n-A X -p ipv6-icmp --icmpv6-type 128 -j ACCEPT\nCOMMIT\n", { filePath: "keys6.rules" });
  assert.equal(compare(six, 6), 3);
});
