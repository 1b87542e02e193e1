/**
 * The restore replay (what iptables-restore meets reading a table, line by line), checked on
 * generated rulesets against the reference in rulesets.ts: missing chains and jumps, jumps to
 * built-in chains, redeclarations, declarations, policies, fragments, and each line's step,
 * chain, target and rule text.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type Document } from "../../../grammar/index.js";
import { lineNo, modelOf, NONE, RestoreStep, type LineNo, type NameId, type TableModel } from "../../../rules/model/index.js";
import { isKnownTarget } from "../../../rules/netfilter/index.js";
import { runs } from "../../helpers/properties.js";
import { namesOf, parseSpec, reference, rulesetSpec } from "./rulesets.js";

const STEPS: Record<string, RestoreStep> = {
  append: RestoreStep.Append,
  insert: RestoreStep.Insert,
  replace: RestoreStep.Replace,
  delete: RestoreStep.Delete,
  "new-chain": RestoreStep.NewChain,
};

function checkReplay(document: Document): void {
  const model = modelOf(document);
  assert.equal(model.tables().length, document.tables.length, "every table is one the rules understand");
  for (const table of document.tables) {
    const t = model.tableOf(table)!;
    assert.equal(model.tables()[document.tables.indexOf(table)], t, "tables() and tableOf() agree");
    const ref = reference(document, table);
    const what = `table ${table.name ?? "(iptables -S)"}`;
    assert.deepEqual(new Set(t.builtins), ref.builtins, `${what}: builtins`);
    assert.equal(t.partial, ref.partial, `${what}: partial`);
    assert.equal(t.appendOnly, ref.appendOnly, `${what}: appendOnly`);
    assert.equal(t.deletesOrRenames, ref.deletesOrRenames, `${what}: deletesOrRenames`);
    assert.deepEqual(t.missingChains.map(lineNo), ref.missingChains, `${what}: missingChains`);
    const jumps = (list: TableModel["missingJumps"]) =>
      list.map((j) => {
        // The target's place in the text names it.
        assert.equal(document.text.slice(j.target.start, j.target.end), j.target.name, `${what}: line ${j.line.index + 1}: the jump's range`);
        assert.equal(j.target.kind, ref.targetOf.get(j.line.index)?.kind, `${what}: line ${j.line.index + 1}: the jump's kind`);
        return { line: j.line.index, name: j.target.name };
      });
    assert.deepEqual(jumps(t.missingJumps), ref.missingJumps, `${what}: missingJumps`);
    assert.deepEqual(jumps(t.builtinJumps), ref.builtinJumps, `${what}: builtinJumps`);
    assert.deepEqual(
      t.redeclarations.map((r) => ({ line: r.line.index, previous: r.previous?.index ?? null })),
      ref.redeclarations,
      `${what}: redeclarations`,
    );
    assert.deepEqual(t.policyDeclarations.map(lineNo), ref.policyDeclarations, `${what}: policyDeclarations`);
    assert.deepEqual(t.policyCommands.map(lineNo), ref.policyCommands, `${what}: policyCommands`);
    assert.deepEqual(t.newChainCommands.map(lineNo), ref.newChainCommands, `${what}: newChainCommands`);
    assert.deepEqual(t.declaredNames(), [...ref.declarations.keys()], `${what}: declaredNames`);

    const names = namesOf(ref);
    const lineCount = document.source.lexed.lineCount;
    for (const name of names) {
      const declared = ref.declarations.get(name) ?? [];
      assert.deepEqual(t.declarationsOf(name).map(lineNo), declared, `${what}: declarationsOf(${name})`);
      for (let index = 0; index < lineCount; index++) {
        assert.equal(t.declaredLater(name, { index })?.index, declared.find((d) => d > index), `${what}: declaredLater(${name}, line ${index + 1})`);
      }
      const uses = [...ref.missingChains.filter((l) => ref.chainOf.get(l) === name), ...ref.missingJumps.filter((j) => j.name === name).map((j) => j.line)];
      assert.equal(t.firstMissingUse(name)?.index, uses.length ? Math.min(...uses) : undefined, `${what}: firstMissingUse(${name})`);
      const targeting = [...ref.targetOf].filter(([, target]) => target.name === name).map(([line]) => line);
      assert.deepEqual(t.linesTargeting(name), targeting, `${what}: linesTargeting(${name})`);
      const id = t.idOf(name);
      const named = ref.builtins.has(name) || [...ref.chainOf.values()].includes(name) || [...ref.targetOf.values()].some((target) => target.name === name);
      if (named) assert.notEqual(id, NONE, `${what}: ${name} has an id`);
      if (id === NONE) continue;
      assert.equal(t.nameOf(id as NameId), name, `${what}: nameOf(idOf(${name}))`);
      assert.equal(t.nameLength(id as NameId), name.length, `${what}: nameLength(${name})`);
      assert.equal(t.isBuiltin(id as NameId), ref.builtins.has(name), `${what}: isBuiltin(${name})`);
      assert.equal(t.isKnownTarget(id as NameId), isKnownTarget(name), `${what}: isKnownTarget(${name})`);
      const ruleLines = table.commands.filter((c) => c.chain === name && ["append", "insert", "replace"].includes(c.command)).map(lineNo);
      assert.deepEqual(t.ruleLinesOf(id as NameId), ruleLines, `${what}: ruleLinesOf(${name})`);
    }
    assert.equal(t.idOf("NO-SUCH-NAME-ANYWHERE"), NONE, `${what}: idOf of a name no line has`);

    // By line: every line of the document, the other tables' and the comments too.
    const inTable = new Set([...table.chains, ...table.commands].map((l) => l.index));
    const texts = document.text.split("\n");
    for (let index = 0; index < lineCount; index++) {
      const n = index as LineNo;
      const at = `${what}: line ${index + 1}: ${texts[index]}`;
      const line = document.line(index);
      const step = !inTable.has(index) ? RestoreStep.None : line.kind === "chain" ? RestoreStep.Declaration : line.kind === "command" ? (STEPS[line.command] ?? RestoreStep.Other) : RestoreStep.None;
      assert.equal(t.stepOf(n), step, `${at}: stepOf`);
      const chain = inTable.has(index) ? ref.chainOf.get(index) : undefined;
      assert.equal(t.chainOf(n) === NONE ? undefined : t.nameOf(t.chainOf(n) as NameId), chain, `${at}: chainOf`);
      const target = inTable.has(index) ? ref.targetOf.get(index) : undefined;
      assert.equal(t.targetOf(n) === NONE ? undefined : t.nameOf(t.targetOf(n) as NameId), target?.name, `${at}: targetOf`);
      assert.equal(t.targetName(n), target?.name, `${at}: targetName`);
      assert.equal(t.isGoto(n), target?.kind === "goto", `${at}: isGoto`);
      if (line.kind === "command" && inTable.has(index)) {
        const ref_ = t.target(line);
        assert.deepEqual(ref_ && { kind: ref_.kind, name: ref_.name }, target ?? null, `${at}: target(line)`);
      }
      const text = ref.ruleText.get(index);
      if (text !== undefined && inTable.has(index)) assert.equal(document.text.slice(t.ruleText(n).start, t.ruleText(n).end), text, `${at}: rule text`);
    }
  }
}

test("the replay of generated tables that only append, as iptables-save writes them (restore files and iptables -S output)", () => {
  fc.assert(fc.property(rulesetSpec({ rewrite: false }), (spec) => checkReplay(parseSpec(spec))), runs(200));
});

test("the replay of generated tables that append, insert, replace, delete, flush, delete and rename chains", () => {
  fc.assert(fc.property(rulesetSpec({ rewrite: true }), (spec) => checkReplay(parseSpec(spec))), runs(200));
});

test("the replay of generated tables with chain declarations among the commands", () => {
  fc.assert(fc.property(rulesetSpec({ rewrite: false, lateDeclarations: true, form: "restore" }), (spec) => checkReplay(parseSpec(spec))), runs(100));
  fc.assert(fc.property(rulesetSpec({ rewrite: true, lateDeclarations: true, form: "restore" }), (spec) => checkReplay(parseSpec(spec))), runs(100));
});

test("a chain declared twice, a jump to a chain declared later, a missing chain: the replay names each line", () => {
  const text = [
    "*filter",
    ":INPUT ACCEPT [0:0]",
    ":A - [0:0]",
    ":A - [0:0]",
    "-A INPUT -j B",
    ":B - [0:0]",
    "-N B",
    "-A NOPE -j ACCEPT",
    "-A INPUT -j INPUT",
    "COMMIT",
    "",
  ].join("\n");
  const d = modelOf(parseText(text));
  const t = d.tables()[0];
  assert.deepEqual(t.redeclarations.map((r) => [r.line.index, r.previous?.index ?? null]), [[3, 2], [6, 5]]);
  assert.deepEqual(t.missingJumps.map((j) => [j.line.index, j.target.name]), [[4, "B"]]);
  assert.equal(t.declaredLater("B", { index: 4 })?.index, 5);
  assert.deepEqual(t.missingChains.map(lineNo), [7]);
  assert.deepEqual(t.builtinJumps.map((j) => j.line.index), [8]);
  assert.equal(t.partial, false);
});

test("a rule's text, read from its tokens when asked: after the command's arguments, from options written before the command, without `[p:b]` before or `-c P B` after; 0 for other lines", () => {
  const lines = [
    "*filter",
    ":INPUT ACCEPT [0:0]",
    "-A INPUT -p tcp --dport 22 -j ACCEPT",
    "[1:2] -A INPUT -s 10.0.0.1 -j DROP",
    "-p tcp -A INPUT --dport 23 -j ACCEPT",
    "[3:4] -p udp -A INPUT --dport 53 -j ACCEPT",
    "-A INPUT -j ACCEPT -c 1 2",
    "-I INPUT 1  -m comment --comment \"a  b\"   -j ACCEPT  ",
    "-D INPUT -j ACCEPT",
    "-A INPUT",
    "-P INPUT DROP",
    "COMMIT",
    "*nat",
    ":OUTPUT ACCEPT [0:0]",
    "-A OUTPUT -j ACCEPT",
    "COMMIT",
    "",
  ];
  const document = parseText(lines.join("\n"));
  const [filter, nat] = modelOf(document).tables();
  const ruleText = (t: TableModel, index: number) => document.text.slice(t.ruleText(index as LineNo).start, t.ruleText(index as LineNo).end);
  assert.deepEqual(
    [2, 3, 4, 5, 6, 7, 8, 9].map((index) => ruleText(filter, index)),
    ["-p tcp --dport 22 -j ACCEPT", "-s 10.0.0.1 -j DROP", "-p tcp -A INPUT --dport 23 -j ACCEPT", "-p udp -A INPUT --dport 53 -j ACCEPT", "-j ACCEPT", '-m comment --comment "a  b"   -j ACCEPT', "-j ACCEPT", ""],
  );
  // The declaration, `-P`, COMMIT, and the other table's lines are no rules of the filter table.
  for (const index of [1, 10, 11, 14, 16]) assert.deepEqual([filter.ruleText(index as LineNo).start, filter.ruleText(index as LineNo).end], [0, 0], `line ${index + 1}`);
  assert.equal(ruleText(nat, 14), "-j ACCEPT");
});

function parseText(text: string): Document {
  const document = parse(text);
  assert.deepEqual(document.diagnostics, []);
  return document;
}
