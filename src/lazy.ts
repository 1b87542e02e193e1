/**
 * Libraries loaded on first use. Most runs need few of them (no configuration file, no glob,
 * no diff, no terminal), and loading every one at start cost a tenth of a second per run:
 * more than linting a thousand-service dump.
 */
import { createRequire } from "node:module";

/**
 * Each module, required by name. The committed bundle (dist/, scripts/bundle.mjs) is built from
 * these `require` calls: esbuild sees each name, bundles the library in and runs it on its first
 * call. From tsc's output (ES modules, where Node defines no `require`) they are required from
 * node_modules instead.
 */
const modules = {
  ajv: () => require("ajv"),
  cosmiconfig: () => require("cosmiconfig"),
  diff: () => require("diff"),
  "fastest-levenshtein": () => require("fastest-levenshtein"),
  picomatch: () => require("picomatch"),
  tinyglobby: () => require("tinyglobby"),
  yaml: () => require("yaml"),
  "node:child_process": () => require("node:child_process"),
  "node:crypto": () => require("node:crypto"),
  "node:os": () => require("node:os"),
  "node:worker_threads": () => require("node:worker_threads"),
};

export type LazyModuleId = keyof typeof modules;

const load: (id: LazyModuleId) => unknown =
  typeof require === "function" ? (id) => modules[id]() : (id) => createRequire(import.meta.url)(id);

/**
 * A function returning the CommonJS module (or Node.js built-in) `id`, required the first time
 * it is called. Built-ins such as child_process and crypto are not in Node's start-up snapshot:
 * each costs a few milliseconds to load, on every run that does not use it.
 */
export function lazyModule<T>(id: LazyModuleId): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
