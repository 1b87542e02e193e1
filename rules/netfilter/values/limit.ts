/**
 * The limit match (libxt_limit.c, iptables 1.8.9): `--limit rate[/unit]` and `--limit-burst`.
 */
import { atoi } from "./cnum.js";
import { startsWithIgnoringCase } from "./enums.js";
import { parseUint } from "./integers.js";
import { accept, refuse, type Parsed } from "./result.js";

/** XT_LIMIT_SCALE: the kernel counts the average interval in 1/10000 of a second. */
export const LIMIT_SCALE = 10000;

export interface LimitRate {
  /** Packets per `unitSeconds`, as written. */
  readonly count: number;
  readonly unitSeconds: number;
  /** What the kernel gets: the mean interval in 1/10000 s (`XT_LIMIT_SCALE * unit / count`, integer division). */
  readonly avg: number;
}

const UNITS: readonly (readonly [string, number])[] = [["second", 1], ["minute", 60], ["hour", 3600], ["day", 86400]];

/**
 * `--limit` (`parse_rate`): `atoi` of the word (so `5x/min` is 5, and `/min` 0), a unit after the
 * first `/` that is a case-insensitive prefix of second, minute, hour or day (the first that
 * fits: `m` is minute). A zero count is a bad rate, an interval that rounds to 0 "too fast".
 */
export function parseLimitRate(word: string): Parsed<LimitRate> {
  const bad = () => refuse(`bad rate "${word}"'`);
  const slash = word.indexOf("/");
  let unitSeconds = 1;
  if (slash !== -1) {
    const unit = word.slice(slash + 1);
    if (unit.length === 0) return bad();
    const found = UNITS.find(([name]) => startsWithIgnoringCase(name, unit));
    if (found === undefined) return bad();
    unitSeconds = found[1];
  }
  const count = atoi(word) >>> 0; // uint32_t r = atoi(rate)
  if (count === 0) return bad();
  const avg = Math.floor((LIMIT_SCALE * unitSeconds) / count) >>> 0;
  if (avg === 0) return refuse(`Rate too fast "${word}"`);
  return accept({ count, unitSeconds, avg });
}

/** `--limit-burst`: XTTYPE_UINT32 within 0..10000. */
export const parseLimitBurst = (word: string): Parsed<number> => parseUint("UINT32", word, { extension: "limit", option: "limit-burst", min: 0, max: 10000 });
