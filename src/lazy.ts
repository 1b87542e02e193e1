/**
 * Libraries loaded on first use. Most runs need few of them (no configuration file, no glob,
 * no diff, no terminal), and loading every one at start cost a tenth of a second per run:
 * more than linting a thousand-service dump.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * A function returning the CommonJS module (or Node.js built-in) `id`, required the first time
 * it is called. Built-ins such as child_process and crypto are not in Node's start-up snapshot:
 * each costs a few milliseconds to load, on every run that does not use it.
 */
export function lazyModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
