/** "Did you mean": the known word a mistyped one was probably meant to be. */
import { lazyModule } from "../lazy.js";

const levenshtein = lazyModule<typeof import("fastest-levenshtein")>("fastest-levenshtein");

/** The candidate closest to `word` by edit distance, if close enough to be a typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  // `kernel` for `kernelVersion`: a word that begins one candidate only is a shortening of it.
  const lower = word.toLowerCase();
  const extended = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein().distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
