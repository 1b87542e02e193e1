/**
 * Settings of fast-check runs. A failure prints fast-check's seed and shrunk counterexample;
 * `IPTLINT_PROPERTY_SEED=<seed>` replays a run, `IPTLINT_PROPERTY_SCALE=10` runs each property
 * ten times longer than the suite does.
 */
import type { Parameters } from "fast-check";

export function runs<T>(base: number): Parameters<T> {
  const scale = Number(process.env.IPTLINT_PROPERTY_SCALE ?? "1");
  const numRuns = Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
  const seed = process.env.IPTLINT_PROPERTY_SEED;
  // The failing assertion's message goes into the report, which the test runner prints.
  return seed === undefined || seed === "" ? { numRuns, includeErrorInReport: true } : { numRuns, includeErrorInReport: true, seed: Number(seed) };
}
