/**
 * The hashlimit match (libxt_hashlimit.c, iptables 1.8.9), as revisions 2 and 3 read it (what
 * iptables loads on any kernel since 4.11): the rate of `--hashlimit-upto`/`--hashlimit-above`
 * (and the old `--hashlimit`), `--hashlimit-burst`, `--hashlimit-mode` and
 * `--hashlimit-rate-interval`. What the kernel checks at COMMIT (a rate so slow that the burst
 * overflows, `1/day` on some kernels) is not read here.
 */
import { atoi, atoll, xtStrtoull } from "./cnum.js";
import { rateUnitSeconds } from "./limit.js";
import { accept, refuse, unsure, type Parsed } from "./result.js";

/** XT_HASHLIMIT_SCALE_v2: revisions 2 and 3 count the interval in millionths of a second. */
const SCALE = 1_000_000n;
/** XT_HASHLIMIT_BURST_MAX of revisions 2 and 3. */
export const HASHLIMIT_BURST_MAX = 1_000_000;
/** XT_HASHLIMIT_BYTE_SHIFT: a byte rate is counted in units of 16 bytes. */
const BYTE_SHIFT = 4n;
const UINT32_MAX = 0xffffffffn;

export type HashlimitRate =
  /** Packets: the mean interval in millionths of a second. */
  | { readonly bytes: false; readonly interval: bigint }
  /** Bytes per second (`5kb/s`), as written. */
  | { readonly bytes: true; readonly perSecond: bigint };

/** `get_factor`: a `k` or `m` before `b/s` or after a burst multiplies, any other character does not. */
const factorOf = (c: string | undefined): bigint => (c === "m" ? 1024n * 1024n : c === "k" ? 1024n : 1n);

/**
 * `--hashlimit-upto` and `--hashlimit-above` (`option`, as iptables names it: the old
 * `--hashlimit` is `--hashlimit-upto`). First `parse_bytes`: a word with `b/s` after its first
 * character and a non-zero `atoll` is a byte rate. Else `parse_rate`: `atoll` of the word and a
 * unit after the first `/` that is a case-insensitive prefix of second, minute, hour or day; a
 * zero count is a bad value, and an interval that rounds to 0 "too fast".
 */
export function parseHashlimitRate(word: string, option: "--hashlimit-upto" | "--hashlimit-above"): Parsed<HashlimitRate> {
  const bad = () => refuse(`hashlimit: Bad value for "${option}" option: "${word}"`);
  const bytesAt = word.indexOf("b/s");
  if (bytesAt > 0) {
    const count = atoll(word);
    if (count !== 0n) {
      const perSecond = BigInt.asUintN(64, BigInt.asUintN(64, count) * factorOf(word[bytesAt - 1]));
      // bytes_to_cost divides by a 32-bit `r + 1`, which wraps to 0 at the top (iptables dies).
      if (BigInt.asUintN(32, perSecond >> BYTE_SHIFT) === UINT32_MAX) return unsure(`what iptables does with the byte rate "${word}"`);
      return accept({ bytes: true, perSecond });
    }
  }
  const seconds = rateUnitSeconds(word);
  if (seconds === null) return bad();
  const count = BigInt.asUintN(64, atoll(word));
  if (count === 0n) return bad();
  const interval = (SCALE * BigInt(seconds)) / count;
  if (interval === 0n) return refuse(`Rate too fast "${word}"`);
  return accept({ bytes: false, interval });
}

export interface HashlimitBurst {
  /** The burst as iptables reads it: times 1024 or 1024² after a `k` or an `m`. */
  readonly value: bigint;
  /** Whether a suffix followed the number: the match's mode then decides whether it is packets or bytes. */
  readonly suffixed: boolean;
}

/**
 * `--hashlimit-burst` (`parse_burst`): `xtables_strtoul` from 1, a plain number at most
 * 1,000,000; after the number any character is taken, `k` and `m` multiplying. The match
 * then checks the burst against the rate: a packet rate takes at most 1,000,000 (so a burst
 * multiplied past that is "unsure" here), a byte rate at least its own bytes (not read here).
 */
export function parseHashlimitBurst(word: string): Parsed<HashlimitBurst> {
  const bad = () => refuse(`bad value for option "--hashlimit-burst", or out of range (1-${HASHLIMIT_BURST_MAX}).`);
  const read = xtStrtoull(word, 0, 1n, 0n, false);
  if (read === null) return bad();
  const suffixed = read.end < word.length;
  if (!suffixed && read.value > BigInt(HASHLIMIT_BURST_MAX)) return bad();
  const value = BigInt.asUintN(64, read.value * factorOf(word[read.end]));
  // A packet rate then refuses it, a byte rate may take it (as bytes): the rule's rate decides.
  if (value > BigInt(HASHLIMIT_BURST_MAX)) return unsure(`whether the rate is in bytes, which the burst "${word}" (${value}) is then counted in`);
  return accept({ value, suffixed });
}

const MODES = new Set(["srcip", "srcport", "dstip", "dstport"]);

/** `--hashlimit-mode` (`parse_mode`): words split at `,` and `|` (empty ones skipped, as strtok does), each srcip, srcport, dstip or dstport. */
export function parseHashlimitMode(word: string): Parsed<readonly string[]> {
  const modes = word.split(/[,|]/).filter((m) => m.length > 0);
  if (modes.some((m) => !MODES.has(m))) return refuse(`hashlimit: Bad value for "--hashlimit-mode" option: "${word}"`);
  return accept(modes);
}

/** `--hashlimit-rate-interval` (`parse_interval`): `atoi` of the word, above 0. */
export function parseHashlimitRateInterval(word: string): Parsed<number> {
  const seconds = atoi(word);
  return seconds > 0 ? accept(seconds) : refuse(`hashlimit: Bad value for "--hashlimit-rate-interval" option: "${word}"`);
}
