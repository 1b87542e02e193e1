/**
 * Concrete marks for brute force: every mark over a few bit positions. Rules test and change
 * BITS (bit 31 among them, where a 32-bit number read as signed turns negative); NOISE is a bit
 * no rule names, which a concrete packet may have either way.
 */
import fc from "fast-check";

import type { MarkState } from "../../../rules/packet/index.js";

export const BITS = [0, 1, 16, 31];
export const NOISE = 5;
const UNIVERSE = [...BITS, NOISE];

const maskOf = (positions: number[]): number => positions.reduce((m, b) => (m | (1 << b)) >>> 0, 0);

export const bitsOf = { rules: maskOf(BITS), all: maskOf(UNIVERSE) };

/** Every concrete mark over the universe's bits (32 of them). */
export function fromIndex(): number[] {
  const marks: number[] = [];
  for (let k = 0; k < 1 << UNIVERSE.length; k++) marks.push(maskOf(UNIVERSE.filter((_, i) => (k >> i) & 1)));
  return marks;
}

/** A number made of some of the bits rules name. */
export const subsetOfBits: fc.Arbitrary<number> = fc.subarray(BITS).map(maskOf);

/** Whether a concrete mark is one the state allows: its known bits have their values. */
export const inState = (state: MarkState, mark: number): boolean => ((mark & state.known) >>> 0) === state.value;

/** The concrete marks a state allows. */
export const concreteMarks = (state: MarkState): number[] => fromIndex().filter((m) => inState(state, m));

export const format = (n: number): string => `0x${(n >>> 0).toString(16)}`;
