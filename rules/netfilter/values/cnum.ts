/**
 * C's number readers as iptables 1.8.9 calls them, on JavaScript strings: `strtoumax(s, &end, 0)`
 * (base 0: `0x` hex, `0` octal, else decimal; blanks and a sign first), libxtables'
 * `xtables_strtoul` around it (a leading `-` refused, ERANGE refused, `[min, max]` with max 0 as
 * "no limit"), `strtoul(s, &end, 16)` and `atoi`. No regular expressions: one pass per word.
 */

/** C's isspace in the C locale. */
export const isCSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

const digitValue = (c: number): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
};

export interface CNumber {
  /** The value read; exact below 2^53, else `big` holds it. */
  value: number;
  big: bigint | null;
  /** Index of the first character not read (C's `end`); `from` when nothing was read. */
  end: number;
  /** Negated by a `-` sign (strtoul then wraps it modulo 2^64). */
  negative: boolean;
  /** Over 2^64 - 1: ERANGE. */
  overflow: boolean;
}

const UINTMAX = (1n << 64n) - 1n;

/** `strtoumax(s + from, &end, base)` with base 0, 10 or 16. */
export function strtoumax(s: string, from: number, base: 0 | 10 | 16): CNumber {
  let at = from;
  while (at < s.length && isCSpace(s.charCodeAt(at))) at++;
  let negative = false;
  if (at < s.length && (s[at] === "+" || s[at] === "-")) {
    negative = s[at] === "-";
    at++;
  }
  let radix: number = base;
  if ((base === 0 || base === 16) && s[at] === "0" && (s[at + 1] === "x" || s[at + 1] === "X") && digitValue(s.charCodeAt(at + 2)) < 16) {
    radix = 16;
    at += 2;
  } else if (base === 0) radix = s[at] === "0" ? 8 : 10;
  const start = at;
  while (at < s.length && digitValue(s.charCodeAt(at)) < radix) at++;
  if (at === start) return { value: 0, big: null, end: from, negative: false, overflow: false };
  let first = start;
  while (first < at - 1 && s[first] === "0") first++; // leading zeros do not count
  // More than 22 significant digits is over 2^64 in any of these bases: no bigint arithmetic on long words.
  if (at - first > 22) return { value: Number(UINTMAX), big: UINTMAX, end: at, negative, overflow: true };
  const digits = s.slice(first, at);
  if (digits.length <= 13 && !negative) return { value: parseInt(digits, radix), big: null, end: at, negative, overflow: false };
  let v = parseBig(digits, radix);
  if (v > UINTMAX) return { value: Number(UINTMAX), big: UINTMAX, end: at, negative, overflow: true };
  if (negative && v !== 0n) v = (1n << 64n) - v;
  const safe = v <= BigInt(Number.MAX_SAFE_INTEGER);
  return { value: Number(v), big: safe ? null : v, end: at, negative, overflow: false };
}

function parseBig(digits: string, radix: number): bigint {
  let v = 0n;
  const r = BigInt(radix);
  for (let k = 0; k < digits.length; k++) v = v * r + BigInt(digitValue(digits.charCodeAt(k)));
  return v;
}

/** The exact value of a read number as a bigint. */
export const bigOf = (n: CNumber): bigint => n.big ?? BigInt(n.value);

/**
 * libxtables' `xtables_strtoul(s, end, &value, min, max)`: the value, and where it ended, or null
 * when it refuses. With `whole` (C's `end == NULL`) the number must be the whole rest of `s`.
 */
export function xtStrtoul(s: string, from: number, min: number, max: number, whole: boolean): { value: number; end: number } | null {
  let p = from;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return null;
  const n = strtoumax(s, from, 0);
  if (n.end === from) return null;
  if (n.overflow || n.value < min || (max !== 0 && n.value > max)) return null;
  if (whole && n.end !== s.length) return null;
  return { value: n.value, end: n.end };
}

/** `xtables_strtoul` for 64-bit values, exact. */
export function xtStrtoull(s: string, from: number, min: bigint, max: bigint, whole: boolean): { value: bigint; end: number } | null {
  let p = from;
  while (p < s.length && isCSpace(s.charCodeAt(p))) p++;
  if (s[p] === "-") return null;
  const n = strtoumax(s, from, 0);
  if (n.end === from || n.overflow) return null;
  const v = bigOf(n);
  if (v < min || (max !== 0n && v > max)) return null;
  if (whole && n.end !== s.length) return null;
  return { value: v, end: n.end };
}

/** glibc's `atoll`: `strtoll(s, NULL, 10)`, a signed 64-bit value that saturates at its limits. */
export function atoll(s: string): bigint {
  const n = strtoumax(s, 0, 10);
  if (n.end === 0) return 0n;
  if (n.negative) {
    const magnitude = n.overflow ? 1n << 64n : n.value === 0 ? 0n : (1n << 64n) - bigOf(n);
    return magnitude > 1n << 63n ? -(1n << 63n) : -magnitude;
  }
  return n.overflow || bigOf(n) > (1n << 63n) - 1n ? (1n << 63n) - 1n : bigOf(n);
}

/** glibc's `atoi`: `(int) strtol(s, NULL, 10)`: a long of 64 bits (saturating), cut to 32. */
export const atoi = (s: string): number => Number(BigInt.asIntN(32, atoll(s)));
