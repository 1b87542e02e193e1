/**
 * Libraries loaded on first use. Most runs need few of them (no configuration file, no glob,
 * no diff, no terminal), and loading every one at start cost a tenth of a second per run:
 * more than linting a thousand-service dump.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A function returning the CommonJS module `id`, required the first time it is called. */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
