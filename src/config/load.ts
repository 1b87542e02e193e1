/**
 * Finding and checking the configuration. cosmiconfig finds it from the linted file's folder
 * upward (module name `iptlint`); ajv checks it against the schema that ships with the
 * package, and every mistake is reported with the file, the key and, where one is close, the
 * key or value that was probably meant.
 */
import { Ajv, type ErrorObject } from "ajv";
import { cosmiconfig } from "cosmiconfig";
import { distance } from "fastest-levenshtein";
import type { NodeContext } from "../../rules/types.js";
import schema from "./iptlint.schema.json" with { type: "json" };

export interface Config {
  node?: NodeContext;
}

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when none was found. */
  filePath: string | undefined;
}

/** A configuration that cannot be used: exit code 3. The message names the file and the key. */
export class ConfigError extends Error {}

const validate = new Ajv({ allErrors: true }).compile<Config>(schema);

const explorer = cosmiconfig("iptlint", { searchStrategy: "global" });

/** The configuration for a file in `directory`, or for `path` when given (`--config`). */
export async function loadConfig(options: { directory?: string; path?: string }): Promise<LoadedConfig> {
  let found: { config: unknown; filepath: string } | null;
  try {
    found = options.path ? await explorer.load(options.path) : await explorer.search(options.directory);
  } catch (error) {
    const where = options.path ?? options.directory ?? ".";
    throw new ConfigError(`cannot read the configuration (${where}): ${(error as Error).message}`);
  }
  if (found === null || found.config === undefined || found.config === null) return { config: {}, filePath: found?.filepath };
  return { config: checkConfig(found.config, found.filepath), filePath: found.filepath };
}

/** The configuration if it fits the schema, else a ConfigError listing every mistake. */
export function checkConfig(config: unknown, filePath: string): Config {
  if (validate(config)) return config;
  const problems = (validate.errors ?? []).map(describe);
  throw new ConfigError(`invalid configuration in ${filePath}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}

function describe(error: ErrorObject): string {
  const path = error.instancePath === "" ? "the top level" : `\`${error.instancePath.slice(1).replace(/\//g, ".")}\``;
  if (error.keyword === "additionalProperties") {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(propertiesAt(error.schemaPath));
    const guess = nearest(key, known);
    return `unknown key \`${key}\` in ${path}${guess ? `: did you mean \`${guess}\`?` : ""} (known keys: ${known.join(", ")})`;
  }
  if (error.keyword === "type") return `${path} must be a ${(error.params as { type: string }).type}`;
  if (error.keyword === "pattern") return `${path} does not look like a version such as v1.18.2`;
  return `${path} ${error.message ?? "is invalid"}`;
}

/** The `properties` of the schema object that a `#/.../additionalProperties` path belongs to. */
function propertiesAt(schemaPath: string): Record<string, unknown> {
  let node: Record<string, unknown> = schema as Record<string, unknown>;
  for (const part of schemaPath.replace(/^#\//, "").split("/").slice(0, -1)) node = node[part] as Record<string, unknown>;
  return (node.properties as Record<string, unknown>) ?? {};
}

/** The candidate closest to `word` by edit distance, if close enough to be a typo. */
export function nearest(word: string, candidates: string[]): string | undefined {
  // `kernel` for `kernelVersion`: a word that begins one candidate only is a shortening of it.
  const lower = word.toLowerCase();
  const extended = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
