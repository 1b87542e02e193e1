/**
 * What a walk knows of a packet's mark: some bits known, others not. `MarkState` keeps the known
 * bits and their values, applies MARK targets, and answers `-m mark` tests with true, false or
 * "maybe". The semantics of MARK and `--mark` are netfilter's (netfilter/marks.ts).
 */
import type { MatchNode, TargetNode } from "../../grammar/index.js";
import { markOptionEffect, markTest, type MarkTest, type XMark } from "../netfilter/index.js";

const ALL = 0xffffffff;

/** An answer the walk may not know: a match holds, does not, or may. */
export type Tri = true | false | "maybe";

/** The effect of `-j MARK ...`, or null when the options are not a mark change iptables reads. */
export function markTargetEffect(target: TargetNode): XMark | null {
  if (target.name !== "MARK") return null;
  for (const option of target.options) {
    const text = option.value;
    if (text === null) continue;
    const effect = markOptionEffect(option.name, text);
    if (effect !== null || isMarkOption(option.name)) return effect;
  }
  return null;
}

const isMarkOption = (name: string): boolean =>
  name === "--set-xmark" || name === "--set-mark" || name === "--or-mark" || name === "--and-mark" || name === "--xor-mark";

/** The tests of a `-m mark` match (usually one), or null when one cannot be read. */
export function markMatchTests(match: MatchNode): MarkTest[] | null {
  const tests: MarkTest[] = [];
  for (const option of match.options) {
    if (option.name !== "--mark") continue;
    const test = option.value === null ? null : markTest(option.value, option.negated);
    if (test === null) return null;
    tests.push(test);
  }
  return tests;
}

/** What a walk knows of a packet's mark: the values of the `known` bits. */
export class MarkState {
  private constructor(
    readonly known: number,
    readonly value: number,
  ) {}

  /** A packet with these bits set and every other bit unknown. */
  static withBits(bits: number): MarkState {
    return new MarkState(bits >>> 0, bits >>> 0);
  }

  /** A mark whose every bit is known. */
  static exactly(value: number): MarkState {
    return new MarkState(0xffffffff, value >>> 0);
  }

  /** A mark of which nothing is known. */
  static unknown(): MarkState {
    return new MarkState(0, 0);
  }

  /** The mark's value when every bit is known, else null. */
  get exact(): number | null {
    return this.known === 0xffffffff ? this.value : null;
  }

  /** Whether all these bits are known to be set. */
  has(bits: number): boolean {
    return (this.known & bits) >>> 0 === bits >>> 0 && (this.value & bits) >>> 0 === bits >>> 0;
  }

  apply(effect: XMark): MarkState {
    const known = (this.known | effect.mask) >>> 0;
    const value = (((this.value & ~effect.mask) ^ effect.value) & known) >>> 0;
    return new MarkState(known, value);
  }

  /** Every bit unknown: after a target that sets the mark from elsewhere (CONNMARK --restore-mark). */
  forget(mask = ALL): MarkState {
    const known = (this.known & ~mask) >>> 0;
    return new MarkState(known, (this.value & known) >>> 0);
  }

  test(t: MarkTest): Tri {
    const mask = t.mask >>> 0;
    // A value with bits outside the mask never equals `mark & mask`.
    if ((t.value & ~mask) >>> 0 !== 0) return t.negated;
    // A known bit that differs decides the test whatever the unknown bits are.
    if (((this.value ^ t.value) & mask & this.known) >>> 0 !== 0) return t.negated;
    if ((mask & ~this.known) >>> 0 !== 0) return "maybe";
    return !t.negated;
  }

  get key(): string {
    return `${this.known}/${this.value}`;
  }
}

/** Combines the answers of a rule's conditions: all must hold. */
export function allOf(answers: Iterable<Tri>): Tri {
  let result: Tri = true;
  for (const answer of answers) {
    if (answer === false) return false;
    if (answer === "maybe") result = "maybe";
  }
  return result;
}
