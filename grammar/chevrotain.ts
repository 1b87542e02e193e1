/**
 * Chevrotain, loaded from its single-file bundle.
 *
 * The package entry point (`lib/src/api.js`) pulls in some 700 modules, its own sources and
 * lodash-es, which costs about 300 ms on every run; the package ships the same code bundled
 * as `lib/chevrotain.mjs`, which loads in about 15 ms. Its `exports` map does not expose the
 * bundle, so it is found next to the entry point; if a release moves it, the entry point is used.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type Chevrotain = typeof import("chevrotain");

async function load(): Promise<Chevrotain> {
  const entry = createRequire(import.meta.url).resolve("chevrotain");
  const bundle = join(dirname(entry), "..", "chevrotain.mjs");
  return existsSync(bundle) ? ((await import(pathToFileURL(bundle).href)) as Chevrotain) : import("chevrotain");
}

const chevrotain = await load();

export const { CstParser, EOF, Lexer, createToken, tokenMatcher } = chevrotain;
