/**
 * The model's name table (names.ts): ids for ranges of a text, with the probing, growth and
 * rehashing a dump of many chains goes through.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { NameTable } from "../../../rules/model/names.js";

test("names interned from a text and as strings: one id a name, kept through growth and rehashing, with many slot collisions", () => {
  // More names than the table expects: it grows (and rehashes) several times, and with a table
  // at most half full many names start their probe in a taken slot.
  const names = Array.from({ length: 5000 }, (_, k) => `KUBE-SEP-${(k * 7919).toString(36).toUpperCase().padStart(6, "0")}`);
  const text = names.join("\n") + "\n";
  const table = new NameTable(text, 100);
  const initialCapacity = table.capacity;
  const ids: number[] = [];
  for (let k = 0, at = 0; k < names.length; at += names[k].length + 1, k++) ids.push(table.intern(text, at, at + names[k].length));
  assert.ok(table.capacity > initialCapacity, "the table grew");
  assert.equal(new Set(ids).size, names.length, "a different id each name");
  assert.deepEqual(ids, names.map((_, k) => k), "ids in the order names are first seen");
  assert.equal(table.count, names.length);
  for (let k = 0; k < names.length; k++) {
    assert.equal(table.find(names[k]), ids[k], `find(${names[k]})`);
    assert.equal(table.internString(names[k]), ids[k], `internString(${names[k]}) again`);
    assert.equal(table.name(ids[k]), names[k]);
    assert.equal(table.length(ids[k]), names[k].length);
    assert.ok(table.startsWith(ids[k], "KUBE-SEP-"));
  }
  assert.equal(table.count, names.length, "interning a name again adds nothing");
  assert.equal(table.find("KUBE-SEP-NOSUCH"), -1);
  // A name not in the text is kept as a string.
  const other = table.internString("NOT-IN-TEXT");
  assert.equal(other, names.length);
  assert.equal(table.name(other), "NOT-IN-TEXT");
  assert.ok(table.startsWith(other, "NOT-"));
  assert.equal(table.maxLength, Math.max(...names.map((n) => n.length), "NOT-IN-TEXT".length));
  assert.equal(table.nonAscii, false);
  table.internString("ché");
  assert.equal(table.nonAscii, true);
});
