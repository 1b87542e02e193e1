/**
 * Packet marks as the kernel handles them: the `mark` match and the `MARK` target.
 *
 * The MARK target always does `mark = (mark & ~mask) ^ value`; its options are spellings of
 * that (libxt_MARK.c): `--set-xmark v/m` is (v, m), `--set-mark v/m` is (v, v|m), `--or-mark v`
 * is (v, v), `--and-mark v` is (0, ~v), `--xor-mark v` is (v, 0). iptables-save prints them all
 * as `--set-xmark v/m`. The match `[!] --mark v/m` tests `(mark & m) == v`.
 *
 * A walk over a chain knows some bits of a packet's mark and not others: `MarkState` keeps
 * the known bits and their values, and answers tests with true, false or "maybe".
 */
import { parseUint32, parseValueMask, type MatchNode, type TargetNode } from "../../grammar/index.js";

const ALL = 0xffffffff;

/** The effect of a MARK target: `mark = (mark & ~mask) ^ value`. */
export interface XMark {
  value: number;
  mask: number;
}

/** The effect of `-j MARK ...`, or null when the options are not a mark change iptables reads. */
export function markTargetEffect(target: TargetNode): XMark | null {
  if (target.name !== "MARK") return null;
  for (const option of target.options) {
    const text = option.value;
    if (text === null) continue;
    switch (option.name) {
      case "--set-xmark": {
        const vm = parseValueMask(text);
        return vm && { value: vm.value, mask: vm.mask };
      }
      case "--set-mark": {
        const vm = parseValueMask(text);
        return vm && { value: vm.value, mask: (vm.value | vm.mask) >>> 0 };
      }
      case "--or-mark": {
        const v = parseUint32(text);
        return v === null ? null : { value: v, mask: v };
      }
      case "--and-mark": {
        const v = parseUint32(text);
        return v === null ? null : { value: 0, mask: ~v >>> 0 };
      }
      case "--xor-mark": {
        const v = parseUint32(text);
        return v === null ? null : { value: v, mask: 0 };
      }
    }
  }
  return null;
}

/** `[!] --mark value/mask` of a `-m mark` match. */
export interface MarkTest {
  value: number;
  mask: number;
  negated: boolean;
}

/** The tests of a `-m mark` match (usually one), or null when one cannot be read. */
export function markMatchTests(match: MatchNode): MarkTest[] | null {
  const tests: MarkTest[] = [];
  for (const option of match.options) {
    if (option.name !== "--mark") continue;
    const vm = option.value === null ? null : parseValueMask(option.value);
    if (vm === null) return null;
    tests.push({ value: vm.value, mask: vm.mask, negated: option.negated });
  }
  return tests;
}

export type Tri = true | false | "maybe";

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

/** `0x4000` as iptables-save prints marks. */
export const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
