/**
 * libxtables' integer types (xtoptions.c, iptables 1.8.9): XTTYPE_UINT8/16/32/64, read whole with
 * `strtoumax(…, 0)` (so `0x10`, `010` (octal 8) and ` +7` are numbers, `-1` is not), within
 * `[min, max]` (the option's, else the type's), and the `*RC` forms: `a:b`, an empty part being
 * 0 first and the type's maximum second, at most `size / element size` parts (2 without a size).
 * The RC forms do not order their parts: an extension that wants `a <= b` says so itself.
 */
import { xtStrtoul, xtStrtoull } from "./cnum.js";
import { accept, refuse, type OptionSpec, type Parsed } from "./result.js";

export type UintType = "UINT8" | "UINT16" | "UINT32" | "UINT64";
export type UintRangeType = "UINT8RC" | "UINT16RC" | "UINT32RC" | "UINT64RC";

const BITS: Record<UintType, number> = { UINT8: 8, UINT16: 16, UINT32: 32, UINT64: 64 };
const MAX: Record<UintType, number> = { UINT8: 0xff, UINT16: 0xffff, UINT32: 0xffffffff, UINT64: 0 };

/** XTTYPE_UINT8/16/32: a number within the option's limits. */
export function parseUint(type: Exclude<UintType, "UINT64">, word: string, spec: OptionSpec): Parsed<number> {
  const min = spec.min ?? 0;
  const max = spec.max || MAX[type];
  const n = xtStrtoul(word, 0, min, max, true);
  if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(n.value);
}

/** XTTYPE_UINT64: exact, as a bigint. */
export function parseUint64(word: string, spec: OptionSpec): Parsed<bigint> {
  const min = BigInt(spec.min ?? 0);
  const max = spec.max ? BigInt(spec.max) : (1n << 64n) - 1n;
  const n = xtStrtoull(word, 0, min, max, true);
  if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}", or out of range (${min}-${max}).`);
  return accept(n.value);
}

/** The parts of an XTTYPE_UINT*RC value, as written (an empty part given its default). */
export interface UintParts<T> {
  readonly parts: readonly T[];
}

/** XTTYPE_UINT8RC/16RC/32RC (numbers) and UINT64RC (bigints). */
export function parseUintRange(type: UintRangeType, word: string, spec: OptionSpec): Parsed<UintParts<number | bigint>> {
  const base = type.slice(0, -2) as UintType;
  const bits = BITS[base];
  const esize = bits / 8;
  const maxIter = spec.size ? Math.floor(spec.size / esize) : 2;
  const lmax = base === "UINT64" ? (1n << 64n) - 1n : BigInt(MAX[base]);
  const parts: (number | bigint)[] = [];
  let at = 0;
  for (;;) {
    if (parts.length === maxIter) return refuse(`${spec.extension}: Too many components for option "--${spec.option}" (max: ${maxIter})`);
    let end: number;
    let value: bigint;
    if (at >= word.length || word[at] === ":") {
      end = at;
      value = parts.length === 1 ? lmax : 0n;
    } else {
      const n = xtStrtoull(word, at, 0n, lmax, false);
      if (n === null) return refuse(`${spec.extension}: bad value for option "--${spec.option}" near "${word.slice(at)}", or out of range (0-${lmax}).`);
      end = n.end;
      value = n.value;
      if (end < word.length && word[end] !== ":") return refuse(`${spec.extension}: Argument to "--${spec.option}" has unexpected characters near "${word.slice(end)}".`);
    }
    parts.push(base === "UINT64" ? value : Number(value));
    if (end >= word.length) break;
    at = end + 1;
  }
  return accept({ parts });
}

/** tcp's `--tcp-option` (`parse_tcp_option`, libxt_tcp.c): a number 1..255 (`xtables_strtoui`, any base). */
export function parseTcpOption(word: string): Parsed<number> {
  const n = xtStrtoul(word, 0, 1, 255, true);
  return n === null ? refuse(`Bad TCP option "${word}"`) : accept(n.value);
}

/**
 * connbytes' `--connbytes from[:to]` (libxt_connbytes.c): UINT64RC, `to` 2^64 - 1 when not
 * written, and `to < from` refused ("from should be less than to"; equal loads).
 */
export function parseConnbytes(word: string): Parsed<{ from: bigint; to: bigint }> {
  const r = parseUintRange("UINT64RC", word, { extension: "connbytes", option: "connbytes" });
  if (r.kind !== "value") return r;
  const from = r.value.parts[0] as bigint;
  const to = r.value.parts.length === 2 ? (r.value.parts[1] as bigint) : (1n << 64n) - 1n;
  if (to < from) return refuse(`${from} should be less than ${to}`);
  return accept({ from, to });
}
