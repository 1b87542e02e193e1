/**
 * Packet marks as the kernel handles them: the `mark` match and the `MARK` target.
 *
 * The MARK target always does `mark = (mark & ~mask) ^ value`; its options are spellings of
 * that (libxt_MARK.c): `--set-xmark v/m` is (v, m), `--set-mark v/m` is (v, v|m), `--or-mark v`
 * is (v, v), `--and-mark v` is (0, ~v), `--xor-mark v` is (v, 0). iptables-save prints them all
 * as `--set-xmark v/m`. The match `[!] --mark v/m` tests `(mark & m) == v`.
 */
import { parseUint32, parseValueMask } from "../../grammar/values.js";

/** The effect of a MARK target: `mark = (mark & ~mask) ^ value`. */
export interface XMark {
  value: number;
  mask: number;
}

/** The effect of one MARK option with its value, or null when it is not a mark change iptables reads. */
export function markOptionEffect(option: string, text: string): XMark | null {
  switch (option) {
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
    default:
      return null;
  }
}

/** `[!] --mark value/mask` of a `-m mark` match: it holds when `(mark & mask) == value`, or the opposite. */
export interface MarkTest {
  value: number;
  mask: number;
  negated: boolean;
}

/** One `--mark` option of `-m mark`, or null when its value is not one iptables reads. */
export function markTest(text: string, negated: boolean): MarkTest | null {
  const vm = parseValueMask(text);
  return vm === null ? null : { value: vm.value, mask: vm.mask, negated };
}
