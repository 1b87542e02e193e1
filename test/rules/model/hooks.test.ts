/**
 * Which hooks reach a table's chains, checked on generated rulesets against a breadth-first walk
 * from each hook's built-in chain (rulesets.ts): a built-in chain reaches only itself, a jump to a
 * built-in chain or a target iptables knows is not followed. Asked one chain at a time (the
 * model follows callers back), for more than 16 chains at once (it walks each hook forward), and
 * after a forward walk; `path` must be a shortest path of real jumps.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type Document } from "../../../grammar/index.js";
import { modelOf, NONE, type NameId, type TableModel } from "../../../rules/model/index.js";
import { HOOKS, type Hook } from "../../../rules/netfilter/index.js";
import { runs } from "../../helpers/properties.js";
import { namesOf, parseSpec, reference, refHasCycle, refHooks, refReach, refReaches, refTargets, rulesetSpec, rulesetText, type Reference, type RulesetSpec } from "./rulesets.js";

/** Many user chains, for questions about more than 16 at once. */
const MANY = Array.from({ length: 30 }, (_, k) => `C${String(k).padStart(2, "0")}`);

/** A fresh model of the same text: nothing asked of it yet. */
const fresh = (spec: RulesetSpec): Document => parse(rulesetText(spec));

/** The question's order: the model keeps what it learns, so each property asks in a generated order. */
type Order = number[];

function shuffled<T>(items: readonly T[], order: Order): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = order[i % order.length] % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function tablesOf(document: Document): { t: TableModel; ref: Reference; what: string }[] {
  return document.tables.map((table) => ({
    t: modelOf(document).tableOf(table)!,
    ref: reference(document, table),
    what: `table ${table.name ?? "(iptables -S)"}`,
  }));
}

/** `reaches` and `hooksOf` for every chain and hook, one at a time, in the given order. */
function checkOneByOne(document: Document, order: Order): void {
  for (const { t, ref, what } of tablesOf(document)) {
    assert.deepEqual(t.hooks.hooks, refHooks(ref), `${what}: hooks`);
    const questions = shuffled(namesOf(ref).flatMap((name) => HOOKS.map((hook) => [name, hook] as const)), order);
    for (const [name, hook] of questions) {
      assert.equal(t.hooks.reaches(hook, name), refReaches(ref, hook, name), `${what}: reaches(${hook}, ${name})`);
      const id = t.idOf(name);
      if (id !== NONE) assert.equal(t.hooks.reaches(hook, id as NameId), refReaches(ref, hook, name), `${what}: reaches(${hook}, id of ${name})`);
    }
    for (const name of shuffled(namesOf(ref), order)) {
      const expected = refHooks(ref).filter((hook) => refReaches(ref, hook, name));
      assert.deepEqual(t.hooks.hooksOf(name), expected, `${what}: hooksOf(${name})`);
    }
  }
}

/** How many questions asked about more than 16 chains at once. */
let manyAtOnce = 0;

/** `hooksReaching` for these chains at once, then `reaches` and `path`. */
function checkAtOnce(document: Document, hooks: readonly Hook[], extra: number, order: Order): void {
  for (const { t, ref, what } of tablesOf(document)) {
    // Names with ids, some of them twice.
    const names = shuffled(namesOf(ref).filter((n) => t.idOf(n) !== NONE), order);
    const ids = [...names.map((n) => t.idOf(n)), ...names.slice(0, extra).map((n) => t.idOf(n))] as NameId[];
    if (new Set(ids).size > 16) manyAtOnce++;
    const found = t.hooks.hooksReaching(hooks, ids);
    assert.equal(found.length, ids.length, `${what}: one answer per chain`);
    ids.forEach((id, k) => {
      const name = t.nameOf(id);
      assert.deepEqual([...found[k]], hooks.filter((hook) => refReaches(ref, hook, name)), `${what}: hooksReaching([${hooks}], ${ids.length} chains): ${name}`);
    });
    for (const name of names) {
      for (const hook of HOOKS) {
        assert.equal(t.hooks.reaches(hook, name), refReaches(ref, hook, name), `${what}: reaches(${hook}, ${name}) after hooksReaching`);
        checkPath(t, ref, what, name, hook);
      }
    }
  }
}

/** A shortest path of jumps from the hook's chain, or [] when the hook does not reach the chain. */
function checkPath(t: TableModel, ref: Reference, what: string, name: string, hook: Hook): void {
  const path = t.hooks.path(name, hook);
  const at = `${what}: path(${name}, ${hook}) = [${path}]`;
  if (!refReaches(ref, hook, name)) {
    assert.deepEqual(path, [], at);
    return;
  }
  assert.equal(path[0], hook, `${at}: starts at the hook's chain`);
  assert.equal(path[path.length - 1], name, `${at}: ends at the chain`);
  assert.equal(path.length, refReach(ref, hook).get(name)! + 1, `${at}: shortest`);
  for (let k = 1; k < path.length; k++) {
    assert.ok(refTargets(ref, path[k - 1]).includes(path[k]), `${at}: ${path[k - 1]} jumps to ${path[k]}`);
    assert.ok(!ref.builtins.has(path[k]), `${at}: no built-in chain after the first`);
  }
}

const order = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });
const hookSets = fc.oneof(fc.constant([...HOOKS]), fc.subarray([...HOOKS]));
/** No cycle, and no `-R` beyond a chain's rules (tested in chains.test.ts). */
const acyclic = (spec: RulesetSpec): boolean => {
  const document = parseSpec(spec);
  return document.tables.every((table) => {
    const ref = reference(document, table);
    return !refHasCycle(ref);
  });
};

test("hooks reaching chains of generated tables, asked one chain at a time (no cycle)", () => {
  fc.assert(
    fc.property(fc.oneof(rulesetSpec({ rewrite: false }), rulesetSpec({ rewrite: true })), order, (spec, o) => {
      fc.pre(acyclic(spec));
      checkOneByOne(fresh(spec), o);
    }),
    runs(200),
  );
});

test("hooks reaching chains of generated tables, asked for many chains at once (a forward walk per hook)", () => {
  const many = rulesetSpec({ users: MANY, acyclic: true, minCommands: 20, maxCommands: 60, form: "restore" });
  fc.assert(
    fc.property(fc.oneof(many, rulesetSpec({ rewrite: true })), hookSets, fc.nat(20), order, (spec, hooks, extra, o) => {
      fc.pre(acyclic(spec));
      checkAtOnce(fresh(spec), hooks, extra, o);
      // The same questions one at a time, on a model that has walked nothing yet.
      checkOneByOne(fresh(spec), o);
    }),
    runs(100),
  );
  assert.ok(manyAtOnce >= 10, `only ${manyAtOnce} questions about more than 16 chains at once`);
});

test("a chain in a cycle: every hook reaching one chain of the cycle reaches all of them, whatever is asked first", () => {
  fc.assert(
    fc.property(rulesetSpec({ rewrite: false, users: ["A", "B", "C"] }), order, (spec, o) => {
      checkOneByOne(fresh(spec), o);
    }),
    runs(200),
  );
});

test("a cycle, asked in both orders", () => {
  const text = ["*filter", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]", ":X - [0:0]", ":Y - [0:0]", "-A INPUT -j X", "-A OUTPUT -j Y", "-A X -j Y", "-A Y -j X", "COMMIT", ""].join("\n");
  for (const first of ["X", "Y"]) {
    const t = modelOf(parse(text)).tables()[0];
    t.hooks.hooksOf(first);
    assert.deepEqual(t.hooks.hooksOf("X"), ["INPUT", "OUTPUT"], `X, after asking ${first} first`);
    assert.deepEqual(t.hooks.hooksOf("Y"), ["INPUT", "OUTPUT"], `Y, after asking ${first} first`);
  }
});

test("hooksReaching for NONE among many chains, with hooks the table does not have", () => {
  const lines = ["*filter", ":INPUT ACCEPT [0:0]", ...MANY.slice(0, 20).map((c) => `:${c} - [0:0]`), ...MANY.slice(0, 20).map((c) => `-A INPUT -j ${c}`), "COMMIT", ""];
  const t = modelOf(parse(lines.join("\n"))).tables()[0];
  const ids = [...MANY.slice(0, 20).map((c) => t.idOf(c)), NONE] as NameId[];
  const found = t.hooks.hooksReaching(["PREROUTING", "INPUT"], ids);
  assert.deepEqual(found[0], ["INPUT"]);
  assert.deepEqual(found[20], [], "no hook reaches NONE");
});
