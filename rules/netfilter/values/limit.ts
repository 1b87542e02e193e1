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
 * The seconds of a rate's unit, the word after its first `/` (1 with none), as limit and hashlimit
 * read it: a case-insensitive prefix of second, minute, hour or day, the first that fits (`m` is
 * minute); null for an empty or unknown unit, which they refuse.
 */
export function rateUnitSeconds(word: string): number | null {
  const slash = word.indexOf("/");
  if (slash === -1) return 1;
  const unit = word.slice(slash + 1);
  if (unit.length === 0) return null;
  return UNITS.find(([name]) => startsWithIgnoringCase(name, unit))?.[1] ?? null;
}

/**
 * `--limit` (`parse_rate`): `atoi` of the word (so `5x/min` is 5, and `/min` 0), a unit after the
 * first `/` that is a case-insensitive prefix of second, minute, hour or day (the first that
 * fits: `m` is minute). A zero count is a bad rate, an interval that rounds to 0 "too fast".
 */
export function parseLimitRate(word: string): Parsed<LimitRate> {
  const bad = () => refuse(`bad rate "${word}"'`);
  const unitSeconds = rateUnitSeconds(word);
  if (unitSeconds === null) return bad();
  const count = atoi(word) >>> 0; // uint32_t r = atoi(rate)
  if (count === 0) return bad();
  const avg = Math.floor((LIMIT_SCALE * unitSeconds) / count) >>> 0;
  if (avg === 0) return refuse(`Rate too fast "${word}"`);
  return accept({ count, unitSeconds, avg });
}

/** `--limit-burst`: XTTYPE_UINT32 within 0..10000. */
export const parseLimitBurst = (word: string): Parsed<number> => parseUint("UINT32", word, { extension: "limit", option: "limit-burst", min: 0, max: 10000 });

/** The kernel tick rates (CONFIG_HZ) kernels are built with; the node's is not in the ruleset. */
export const KERNEL_HZ = [100, 250, 300, 1000] as const;

/** The kernel's `user2credits` (xt_limit.c) for a tick rate, in 32-bit arithmetic. */
function user2credits(user: number, hz: number): number {
  // CREDITS_PER_JIFFY: the power of two below 0xFFFFFFFF / (HZ * 60 * 60 * 24).
  const maxCpj = Math.floor(0xffffffff / (hz * 86400));
  let cpj = 1;
  while (cpj * 2 <= maxCpj) cpj *= 2;
  const perTick = hz * cpj;
  if (user > Math.floor(0xffffffff / perTick)) return Number(BigInt.asUintN(32, BigInt(Math.floor(user / LIMIT_SCALE)) * BigInt(perTick)));
  return Math.floor(Number(BigInt.asUintN(32, BigInt(user) * BigInt(perTick))) / LIMIT_SCALE);
}

/**
 * Whether the legacy kernel module refuses a limit at COMMIT (xt_limit's checkentry, "Overflow,
 * try lower" in the kernel log; iptables-restore then says only "line N failed"): it computes
 * `avg * burst` in 32 bits and refuses when that buys fewer credits than `avg`, which depends on
 * the kernel's CONFIG_HZ. Measured: 1/day and 3/day with the default burst of 5 are refused at
 * HZ 250, 2/day loads. nft's limit expression has no such check.
 */
export function legacyLimitRefused(avg: number, burst: number): "refused" | "loads" | "unsure" {
  if (burst === 0) return "refused";
  const product = Number(BigInt.asUintN(32, BigInt(avg) * BigInt(burst)));
  const refusedAt = KERNEL_HZ.map((hz) => user2credits(product, hz) < user2credits(avg, hz));
  return refusedAt.every(Boolean) ? "refused" : refusedAt.some(Boolean) ? "unsure" : "loads";
}

/** The same for one tick rate, when the node's CONFIG_HZ is known. */
export function legacyLimitRefusedAt(avg: number, burst: number, hz: number): boolean {
  if (burst === 0) return true;
  return user2credits(Number(BigInt.asUintN(32, BigInt(avg) * BigInt(burst))), hz) < user2credits(avg, hz);
}
