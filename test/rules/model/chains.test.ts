/**
 * The chains a table leaves and its chain graph, checked on generated rulesets against the
 * reference in rulesets.ts: each chain's rules in kernel order, `forEachRule`, `ruleCount`,
 * `previousRule`, `keeps`, `exists`, user chains, callers, unreached chains (breadth first from
 * the built-in chains, then from the roots) and repeated rules (the nearest earlier rule of the
 * chain with the same text), for tables that only append (read from the replay's links) and
 * tables that insert, replace, delete, flush, delete and rename (replayed command by command).
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type Document } from "../../../grammar/index.js";
import { modelOf, NONE, type LineNo, type NameId } from "../../../rules/model/index.js";
import { isKnownTarget } from "../../../rules/netfilter/index.js";
import { runs } from "../../helpers/properties.js";
import { namesOf, parseSpec, reference, refCallers, refIsUserChain, refTargets, refUserChains, rulesetSpec, type Reference } from "./rulesets.js";

/** The chains reached from `roots` through the kept rules' targets (any name but a target iptables knows). */
function reachedFrom(ref: Reference, roots: Iterable<string>, reached = new Set<string>()): Set<string> {
  const stack = [...roots].filter((r) => !reached.has(r));
  for (const r of stack) reached.add(r);
  while (stack.length) {
    for (const next of refTargets(ref, stack.pop()!)) {
      if (reached.has(next) || isKnownTarget(next)) continue;
      reached.add(next);
      stack.push(next);
    }
  }
  return reached;
}

/**
 * Each kept rule that is an earlier kept rule of its chain, with the nearest one. The generated
 * rules differ only in spacing, which iptables-save does not keep (rule-key.ts; the spellings it
 * does normalize are checked against iptables-save in test/rules/duplicate-rule-netfilter.test.ts).
 */
function refRepeats(ref: Reference): string[] {
  const found: string[] = [];
  for (const chain of ref.chains.values()) {
    const seen = new Map<string, number>();
    for (const line of chain.rules) {
      const text = ref.ruleText.get(line)!.split(/[ \t]+/).join(" ");
      const earlier = seen.get(text);
      if (earlier !== undefined) found.push(`${earlier}<${line}@${chain.name}`);
      seen.set(text, line);
    }
  }
  return found.sort();
}

function checkChains(document: Document, isRoot: (name: string) => boolean): void {
  const model = modelOf(document);
  for (const table of document.tables) {
    const t = model.tableOf(table)!;
    const ref = reference(document, table);
    const what = `table ${table.name ?? "(iptables -S)"}${ref.appendOnly ? "" : " (replayed)"}`;
    const chains = t.chains;
    const id = (name: string) => t.idOf(name) as NameId;
    const name = (chain: NameId) => t.nameOf(chain);

    for (const n of namesOf(ref)) {
      const expected = ref.chains.get(n);
      const chain = chains.get(n);
      assert.equal(chain !== undefined, expected !== undefined, `${what}: get(${n}) exists`);
      if (chain !== undefined && expected !== undefined) {
        assert.equal(chain.name, n, `${what}: get(${n}).name`);
        assert.deepEqual(chain.rules.map((l) => l.index), expected.rules, `${what}: get(${n}).rules`);
        if (expected.declarations.length === 0) assert.equal(chain.declaration, null, `${what}: get(${n}).declaration`);
        else assert.ok(chain.declaration !== null && expected.declarations.includes(chain.declaration.index), `${what}: get(${n}).declaration is one of its declarations`);
      }
      assert.equal(chains.isUserChain(n), refIsUserChain(ref, document, n), `${what}: isUserChain(${n})`);
      if (t.idOf(n) === NONE) continue;
      assert.equal(chains.exists(id(n)), expected !== undefined, `${what}: exists(${n})`);
      assert.equal(chains.ruleCount(id(n)), expected?.rules.length ?? 0, `${what}: ruleCount(${n})`);
      const callers = chains.callers(id(n)).map(name);
      assert.equal(new Set(callers).size, callers.length, `${what}: callers(${n}) once each`);
      assert.deepEqual(new Set(callers), new Set(refCallers(ref, n)), `${what}: callers(${n})`);
    }

    // Every kept rule once, each chain's in kernel order.
    const visited = new Map<string, number[]>();
    chains.forEachRule((line, chain) => {
      const list = visited.get(name(chain));
      if (list) list.push(line);
      else visited.set(name(chain), [line]);
    });
    const expectedRules = new Map([...ref.chains.values()].filter((c) => c.rules.length > 0).map((c) => [c.name, c.rules]));
    assert.deepEqual(visited, expectedRules, `${what}: forEachRule`);

    const kept = new Map<number, number | null>();
    for (const c of ref.chains.values()) c.rules.forEach((line, k) => kept.set(line, k === 0 ? null : c.rules[k - 1]));
    for (let index = 0; index < document.source.lexed.lineCount; index++) {
      const n = index as LineNo;
      assert.equal(chains.keeps(n), kept.has(index), `${what}: keeps(line ${index + 1})`);
      const previous = chains.previousRule(n);
      assert.equal(previous === NONE ? null : previous, kept.get(index) ?? null, `${what}: previousRule(line ${index + 1})`);
    }

    // User chains: in table order when the table only appends.
    const users = chains.userChains().map(name);
    if (ref.appendOnly) assert.deepEqual(users, [...ref.declarations.keys()].filter((n) => !ref.builtins.has(n)), `${what}: userChains`);
    else assert.deepEqual([...users].sort(), refUserChains(ref).sort(), `${what}: userChains`);

    // Unreached: breadth first from the built-in chains, then from the roots among the rest.
    const fromBuiltins = reachedFrom(ref, ref.builtins);
    const left = users.filter((u) => !fromBuiltins.has(u));
    const reached = reachedFrom(ref, left.filter(isRoot), fromBuiltins);
    const expectedUnreached = left.filter((u) => !reached.has(u));
    const reach = chains.unreached(isRoot);
    assert.deepEqual(reach.unreached.map((u) => u.name), expectedUnreached, `${what}: unreached`);
    for (const u of reach.unreached) {
      assert.equal(u.rules, ref.chains.get(u.name)!.rules.length, `${what}: unreached ${u.name}: rules`);
      assert.equal(name(u.id as NameId), u.name, `${what}: unreached ${u.name}: id`);
      assert.ok(ref.chains.get(u.name)!.declarations.includes(u.declaration.index), `${what}: unreached ${u.name}: declaration`);
      const referrers = expectedUnreached.filter((other) => other !== u.name && refTargets(ref, other).includes(u.name));
      assert.deepEqual(new Set(reach.referrers(u)), new Set(referrers), `${what}: referrers(${u.name})`);
    }

    // Repeated rules.
    const repeats = chains.repeatedRules().map((r) => `${r.earlier}<${r.later}@${name(r.chain)}`).sort();
    assert.deepEqual(repeats, refRepeats(ref), `${what}: repeatedRules`);
    if ([...ref.chains.values()].some((c) => c.rules.length > 16 && refRepeats(ref).some((r) => r.endsWith(`@${c.name}`)))) longChainsWithRepeats++;
  }
}

/** Tables with a chain of more than 16 rules, some repeated (the hash path of repeatedRules). */
let longChainsWithRepeats = 0;

/** Some user chains are roots (chains entered from elsewhere, as KUBE-* ones are). */
const roots = fc.subarray(["A", "B", "C", "D", "E", "R1", "R2"]).map((names) => (name: string) => names.includes(name));

test("the chains of generated tables that only append (restore files and iptables -S output)", () => {
  fc.assert(fc.property(rulesetSpec({ rewrite: false }), roots, (spec, isRoot) => checkChains(parseSpec(spec), isRoot)), runs(200));
});

test("the chains of generated tables that insert, replace, delete, flush, delete and rename chains", () => {
  fc.assert(
    fc.property(rulesetSpec({ rewrite: true }), roots, (spec, isRoot) => {
      const document = parseSpec(spec);
      // iptables refuses `-R CHAIN n` beyond the chain's rules: tested apart below.
      checkChains(document, isRoot);
    }),
    runs(200),
  );
});

test("long chains (more than 16 rules, compared by a hash of their text) and their repeated rules", () => {
  longChainsWithRepeats = 0;
  const long = rulesetSpec({ rewrite: false, form: "restore", users: ["A"], minCommands: 90, maxCommands: 150, matches: ["", "-s 10.0.0.1", "-p tcp --dport 22"] });
  fc.assert(fc.property(long, roots, (spec, isRoot) => checkChains(parseSpec(spec), isRoot)), runs(25));
  fc.assert(
    fc.property(rulesetSpec({ rewrite: true, form: "restore", users: ["A"], minCommands: 90, maxCommands: 150, matches: ["", "-s 10.0.0.1"] }), roots, (spec, isRoot) => {
      const document = parseSpec(spec);
      checkChains(document, isRoot);
    }),
    runs(25),
  );
  assert.ok(longChainsWithRepeats >= 10, `only ${longChainsWithRepeats} tables with a long chain`);
});

test("chains with declarations among the commands", () => {
  fc.assert(fc.property(rulesetSpec({ rewrite: false, lateDeclarations: true, form: "restore" }), roots, (spec, isRoot) => checkChains(parseSpec(spec), isRoot)), runs(100));
});

test("chains with declarations among commands that rewrite them", () => {
  fc.assert(
    fc.property(rulesetSpec({ rewrite: true, lateDeclarations: true, form: "restore" }), roots, (spec, isRoot) => {
      const document = parseSpec(spec);
      checkChains(document, isRoot);
    }),
    runs(200),
  );
});

test("-R CHAIN n beyond the chain's rules: iptables refuses the line, the model keeps the chain as it was", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", ":X - [0:0]", "-A X -j ACCEPT", "-R X 3 -j DROP", "-A INPUT -j X", "COMMIT", ""].join("\n"));
  const t = modelOf(document).tables()[0];
  assert.deepEqual(t.chains.get("X")?.rules.map((l) => l.index), [3]);
  assert.deepEqual(t.chains.repeatedRules(), []);
  assert.deepEqual(t.hooks.hooksOf("X"), ["INPUT"]);
});

test("-X deletes user chains only, a built-in chain declared `:INPUT -` too", () => {
  const document = parse(["*filter", ":INPUT - [0:0]", ":X - [0:0]", "-A INPUT -p tcp --dport 22 -j ACCEPT", "-X", "-A INPUT -j DROP", "COMMIT", ""].join("\n"));
  const t = modelOf(document).tables()[0];
  assert.deepEqual(t.chains.get("INPUT")?.rules.map((l) => l.index), [3, 5]);
  assert.equal(t.chains.get("X"), undefined);
});

test("a table that only appends: a chain declared by -N, one by -N and then :NAME, and their user chains, as the replay records them", () => {
  const document = parse(["*filter", ":INPUT ACCEPT [0:0]", "-N A", "-A A -j ACCEPT", "-N B", ":B - [0:0]", ":INPUT ACCEPT [0:0]", "-A INPUT -j A", "-A C -j B", "COMMIT", ""].join("\n"));
  const t = modelOf(document).tables()[0];
  assert.equal(t.appendOnly, true);
  // The first `:NAME` is the declaration, before an earlier `-N`; else the first `-N`.
  assert.equal(t.chains.get("A")?.declaration?.index, 2);
  assert.equal(t.chains.get("B")?.declaration?.index, 5);
  assert.equal(t.chains.get("INPUT")?.declaration?.index, 1);
  assert.equal(t.chains.get("C")?.declaration, null);
  assert.deepEqual(t.chains.userChains().map((id) => t.nameOf(id)), ["A", "B"]);
  for (const name of ["A", "B", "INPUT", "C"]) assert.equal(t.chains.exists(t.idOf(name) as NameId), true, name);
  assert.equal(t.chains.exists(t.idOf("ACCEPT") as NameId), false);
  assert.deepEqual(["A", "B", "INPUT", "C"].map((name) => t.chains.isUserChain(name)), [true, true, false, false]);
});
