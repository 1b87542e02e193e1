/**
 * What the packet walk knows of a mark (`MarkState`: known bits and their values), checked
 * against brute force: every concrete mark over a few bit positions (bit 31 among them, where a
 * signed 32-bit number turns negative) that the state allows, run through the concrete operation.
 * And `markTargetEffect` for every MARK spelling, against the formulas in netfilter/marks.ts:
 * `--set-xmark v/m` is (v, m), `--set-mark v/m` (v, v|m), `--or-mark v` (v, v), `--and-mark v`
 * (0, ~v), `--xor-mark v` (v, 0), a missing mask all ones; `mark = (mark & ~mask) ^ value`.
 *
 * A failure prints fast-check's seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";

import { parse, type CommandLine } from "../../../grammar/index.js";
import { allOf, MarkState, markMatchTests, markTargetEffect, type Tri } from "../../../rules/packet/index.js";
import { runs } from "../../helpers/properties.js";
import { bitsOf, concreteMarks, format, fromIndex, inState, subsetOfBits } from "./support.js";

/** The states a walk can be in: some bits known set (withBits), then changed and forgotten. */
export const stateArb: fc.Arbitrary<MarkState> = fc
  .tuple(subsetOfBits, fc.array(fc.tuple(fc.constantFrom("apply", "forget"), subsetOfBits, subsetOfBits), { maxLength: 3 }))
  .map(([bits, steps]) =>
    steps.reduce((s, [step, a, b]) => (step === "apply" ? s.apply({ value: a, mask: b }) : s.forget(a === 0 ? undefined : a)), MarkState.withBits(bits)),
  );

const xmark = fc.record({ value: subsetOfBits, mask: subsetOfBits });

const holds = (mark: number, t: { value: number; mask: number; negated: boolean }): boolean => (((mark & t.mask) >>> 0 === t.value) !== t.negated);

/** true when every mark holds, false when none does, "maybe" otherwise. */
function brute(marks: number[], predicate: (mark: number) => boolean): Tri {
  const results = new Set(marks.map(predicate));
  return results.size === 2 ? "maybe" : results.has(true);
}

const sameSet = (a: number[], b: number[]) => assert.deepEqual([...new Set(a)].sort(), [...new Set(b)].sort());

test("MarkState: its marks, apply, forget, has and test, against every concrete mark it allows", () => {
  fc.assert(
    fc.property(stateArb, xmark, subsetOfBits, fc.record({ value: subsetOfBits, mask: subsetOfBits, negated: fc.boolean() }), (state, effect, bits, t) => {
      const marks = concreteMarks(state);
      assert.ok(marks.length > 0, "a state allows some mark");
      assert.equal((state.value & ~state.known) >>> 0, 0, "no value outside the known bits");
      // apply: exactly the images of its marks.
      const applied = state.apply(effect);
      sameSet(concreteMarks(applied), marks.map((m) => (((m & ~effect.mask) ^ effect.value) >>> 0)));
      // forget: the marks that agree with one of its marks outside the forgotten bits.
      const forgotten = state.forget(bits);
      sameSet(concreteMarks(forgotten), fromIndex().filter((m) => marks.some((k) => (((m ^ k) & ~bits) & bitsOf.all) === 0)));
      assert.deepEqual(concreteMarks(state.forget()), fromIndex(), "forget() forgets every bit");
      // has: every mark has all the bits.
      assert.equal(state.has(bits), marks.every((m) => ((m & bits) >>> 0) === bits), `has(${format(bits)})`);
      // test: true, false or maybe, exactly as the marks say.
      assert.equal(state.test(t), brute(marks, (m) => holds(m, t)), `test(${format(t.value)}/${format(t.mask)}${t.negated ? " negated" : ""})`);
      // Two states with the same key allow the same marks.
      assert.equal(state.key === applied.key, concreteMarks(state).join() === concreteMarks(applied).join(), "keys are equal when the marks are");
    }),
    runs(300),
  );
});

test("MarkState.withBits: those bits set, every other bit unknown", () => {
  for (const bits of fromIndex()) {
    const state = MarkState.withBits(bits);
    sameSet(concreteMarks(state), fromIndex().filter((m) => ((m & bits) >>> 0) === bits));
    assert.ok(state.has(bits));
    assert.ok(inState(state, bits));
  }
});

test("allOf: false beats maybe beats true", () => {
  const answers: Tri[] = [true, false, "maybe"];
  for (const a of answers) for (const b of answers) for (const c of answers) {
    const list = [a, b, c];
    assert.equal(allOf(list), list.includes(false) ? false : list.includes("maybe") ? "maybe" : true, `${list}`);
  }
  assert.equal(allOf([]), true);
});

// ---------------------------------------------------------------------------------------------
// MARK and --mark as written.

type Spelling = "--set-xmark" | "--set-mark" | "--or-mark" | "--and-mark" | "--xor-mark";

/** The formula of each spelling (netfilter/marks.ts's header). */
function formula(spelling: Spelling, value: number, mask: number | null): { value: number; mask: number } {
  const m = mask ?? 0xffffffff;
  switch (spelling) {
    case "--set-xmark":
      return { value, mask: m };
    case "--set-mark":
      return { value, mask: (value | m) >>> 0 };
    case "--or-mark":
      return { value, mask: value };
    case "--and-mark":
      return { value: 0, mask: ~value >>> 0 };
    case "--xor-mark":
      return { value, mask: 0 };
  }
}

/** A number as iptables reads it (strtoul base 0): hex, decimal or octal. */
const written = (n: number, how: number): string => (how === 0 ? `0x${n.toString(16)}` : how === 1 ? String(n) : n === 0 ? "0" : `0${n.toString(8)}`);

const ruleOf = (options: string): CommandLine => {
  const document = parse(`*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING ${options}\nCOMMIT\n`);
  assert.deepEqual(document.diagnostics, [], options);
  return document.line(2) as CommandLine;
};

test("markTargetEffect: every MARK spelling, the formulas of netfilter/marks.ts", () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Spelling>("--set-xmark", "--set-mark", "--or-mark", "--and-mark", "--xor-mark"),
      fc.oneof(subsetOfBits, fc.nat({ max: 0xffffffff })),
      fc.option(fc.oneof(subsetOfBits, fc.nat({ max: 0xffffffff }))),
      fc.nat(2),
      fc.nat(2),
      (spelling, value, mask, howValue, howMask) => {
        // --or-mark, --and-mark and --xor-mark take one number.
        const withMask = spelling === "--set-xmark" || spelling === "--set-mark" ? mask : null;
        const text = `${written(value, howValue)}${withMask === null ? "" : `/${written(withMask, howMask)}`}`;
        const line = ruleOf(`-j MARK ${spelling} ${text}`);
        assert.deepEqual(markTargetEffect(line.rule!.target!), formula(spelling, value, withMask), `MARK ${spelling} ${text}`);
        // The effect on concrete marks: the kernel's mark = (mark & ~mask) ^ value.
        const effect = formula(spelling, value, withMask);
        for (const m of fromIndex()) {
          const expected = spelling === "--or-mark" ? (m | value) >>> 0 : spelling === "--and-mark" ? (m & value) >>> 0 : spelling === "--xor-mark" ? (m ^ value) >>> 0 : null;
          if (expected !== null) assert.equal((((m & ~effect.mask) ^ effect.value) >>> 0), expected, `${spelling} on ${format(m)}`);
        }
      },
    ),
    runs(300),
  );
});

test("markTargetEffect: other targets and unreadable values give null", () => {
  assert.equal(markTargetEffect(ruleOf("-j CONNMARK --set-xmark 0x1/0x1").rule!.target!), null);
  assert.equal(markTargetEffect(ruleOf("-j MARK --set-mark foo").rule!.target!), null);
  assert.equal(markTargetEffect(ruleOf("-j MARK --set-xmark 0x1/0x100000000").rule!.target!), null);
  assert.equal(markTargetEffect(ruleOf("-j MARK").rule!.target!), null);
  assert.deepEqual(markTargetEffect(ruleOf("-j MARK --set-xmark 010/0x3f").rule!.target!), { value: 8, mask: 0x3f });
});

test("markMatchTests: -m mark [!] --mark v[/m]", () => {
  fc.assert(
    fc.property(subsetOfBits, fc.option(subsetOfBits), fc.boolean(), fc.nat(2), (value, mask, negated, how) => {
      const text = `${written(value, how)}${mask === null ? "" : `/${written(mask, how)}`}`;
      const match = ruleOf(`-m mark ${negated ? "! " : ""}--mark ${text} -j ACCEPT`).rule!.matches[0];
      assert.deepEqual(markMatchTests(match), [{ value, mask: mask ?? 0xffffffff, negated }], `-m mark ${negated ? "! " : ""}--mark ${text}`);
    }),
    runs(100),
  );
  assert.equal(markMatchTests(ruleOf("-m mark --mark zero -j ACCEPT").rule!.matches[0]), null);
  assert.deepEqual(markMatchTests(ruleOf("-m mark -j ACCEPT").rule!.matches[0]), []);
});
