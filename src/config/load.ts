/**
 * Finding and checking the configuration. cosmiconfig finds it from the linted file's folder
 * upward (module name `iptlint`); ajv checks it against the schema that ships with the
 * package (with the rule list filled in, see schema.ts), and every mistake is reported with
 * the file, the key path in plain words and, where one is close, the key or value that was
 * probably meant.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { basename } from "node:path";
import type { Severity } from "../../grammar/index.js";
import { allRules } from "../../rules/index.js";
import type { ConfiguredFamily } from "../../rules/model/index.js";
import type { NodeContext, RuleModule } from "../../rules/types.js";
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from "../builtin-findings.js";
import { lazyModule } from "../lazy.js";
import { nearest } from "./nearest.js";
import { buildSchema, type JsonSchema } from "./schema.js";

export { nearest } from "./nearest.js";

/** A rule's severity in the configuration; `off` does not run it. */
export type RuleSeverity = Severity | "off";

/** What `rules` maps a rule id to: a severity, or `[severity, options]`. */
export type RuleEntry = RuleSeverity | [RuleSeverity] | [RuleSeverity, Record<string, unknown>];

/** Settings for the files that `files` matches. */
export interface Override {
  files: string | string[];
  rules?: Record<string, RuleEntry>;
  node?: NodeContext;
  family?: ConfiguredFamily["family"];
}

/** A node's files: each file a `v4` glob matches is paired with the file a `v6` glob matches where their wildcards matched the same text. */
export interface NodeFiles {
  v4: string | string[];
  v6: string | string[];
}

export interface Config {
  $schema?: string;
  rules?: Record<string, RuleEntry>;
  overrides?: Override[];
  ignores?: string[];
  reportUnusedSuppressions?: RuleSeverity;
  node?: NodeContext;
  /** The address family of the rulesets (4: iptables, 6: ip6tables), over what their headers and names say. */
  family?: ConfiguredFamily["family"];
  /** The IPv4 and IPv6 files that are one node's, linted together by the node rules. */
  nodes?: NodeFiles[];
}

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when none was found. Globs are relative to its folder. */
  filePath: string | undefined;
}

/** No configuration file: what `--no-config` uses, and what a search that finds nothing gives. */
export const NO_CONFIG: LoadedConfig = Object.freeze({ config: Object.freeze({}), filePath: undefined });

/** A configuration that cannot be used: exit code 3. The message names the file and the key. */
export class ConfigError extends Error {}

/** The places searched in each folder, in order (cosmiconfig's defaults less `.ts` and `.config/`). */
export const SEARCH_PLACES = [
  "package.json",
  ".iptlintrc",
  ".iptlintrc.json",
  ".iptlintrc.yaml",
  ".iptlintrc.yml",
  ".iptlintrc.js",
  ".iptlintrc.mjs",
  ".iptlintrc.cjs",
  "iptlint.config.js",
  "iptlint.config.mjs",
  "iptlint.config.cjs",
];

// `global`: from the start folder up to the home folder (or the root), then the user's
// configuration folder (~/.config/iptlint/config.yaml). A folder of rulesets rarely has a
// package.json to stop at, so `project` would not stop any sooner.
const cosmiconfigModule = lazyModule<typeof import("cosmiconfig")>("cosmiconfig");
const ajvModule = lazyModule<typeof import("ajv")>("ajv");
let explorer: ReturnType<typeof import("cosmiconfig").cosmiconfig> | undefined;

/** The configuration for a file in `directory`, or for `path` when given (`--config`). */
export async function loadConfig(options: { directory?: string; path?: string }): Promise<LoadedConfig> {
  let found: { config: unknown; filepath: string } | null;
  explorer ??= cosmiconfigModule().cosmiconfig("iptlint", { searchStrategy: "global", searchPlaces: SEARCH_PLACES });
  try {
    found = options.path ? await explorer.load(options.path) : await explorer.search(options.directory);
  } catch (error) {
    // cosmiconfig names the file it failed on (a YAML or JSON syntax error, a throwing .js).
    const where = (error as { filepath?: string }).filepath ?? options.path ?? options.directory ?? ".";
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new ConfigError(`cannot read the configuration (${where}): ${reason}`);
  }
  if (found === null) return NO_CONFIG;
  if (found.config === undefined || found.config === null) return { config: {}, filePath: found.filepath };
  return { config: checkConfig(found.config, found.filepath), filePath: found.filepath };
}

const validators = new WeakMap<readonly RuleModule[], ValidateFunction<Config>>();

function validatorFor(rules: readonly RuleModule[]): ValidateFunction<Config> {
  let validate = validators.get(rules);
  if (!validate) {
    // verbose: errors carry the offending value, for "did you mean". strictTuples off: the
    // options item of `[severity, options]` is optional on purpose.
    const ajv = new (ajvModule().Ajv)({ allErrors: true, verbose: true, strictTuples: false });
    validate = ajv.compile<Config>(buildSchema(rules));
    validators.set(rules, validate);
  }
  return validate;
}

/**
 * The configuration if it fits the schema, else a ConfigError listing every mistake.
 * `rules` is the rule list the ids are checked against (all rules by default).
 */
export function checkConfig(config: unknown, filePath: string, rules: readonly RuleModule[] = allRules): Config {
  const validate = validatorFor(rules);
  if (validate(config)) return config;
  const schema = validate.schema as JsonSchema;
  const ruleIds = rules.map((r) => r.id);
  // ajv reports an `if` failure beside the errors of the branch taken; only the latter say anything.
  const problems = [...new Set((validate.errors ?? []).filter((e) => e.keyword !== "if").map((e) => describe(e, schema, ruleIds)))];
  const name = basename(filePath) === "package.json" ? `${filePath}#iptlint` : filePath;
  throw new ConfigError(`invalid configuration in ${name}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
}

/** `/overrides/0/rules/x` → ["overrides", "0", "rules", "x"] (JSON pointer, unescaped). */
const segmentsOf = (pointer: string): string[] =>
  pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

/** ["overrides", "0", "rules"] → `overrides[0].rules`. */
function keyPath(segments: string[]): string {
  let path = "";
  for (const s of segments) path += /^\d+$/.test(s) ? `[${s}]` : path === "" ? s : `.${s}`;
  return path;
}

const SEVERITIES = ["off", "info", "warning", "error"];
/** ESLint's numeric severities, for a configuration copied from ESLint. */
const ESLINT_SEVERITIES: Record<number, string> = { 0: "off", 1: "warning", 2: "error" };

const typeName = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const shown = (value: unknown): string => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

function describe(error: ErrorObject, schema: JsonSchema, ruleIds: string[]): string {
  const segments = segmentsOf(error.instancePath);
  const where = segments.length === 0 ? "the configuration" : `\`${keyPath(segments)}\``;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = params.additionalProperty as string;
      // Errors inside a `$ref` have schema paths relative to the definition, which do not
      // tell `rules` from `node`; the definition itself does (ajv hands out the schema's own objects).
      const definitions = schema.definitions as Record<string, JsonSchema>;
      if (error.parentSchema === definitions.rules) return unknownRule(key, where, ruleIds);
      if (error.parentSchema === definitions.noOptions) {
        const rule = segments[segments.length - 2];
        return `rule \`${rule}\` takes no options, but ${where} has \`${key}\`: write \`"${rule}": "<severity>"\``;
      }
      const known = Object.keys((error.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = nearest(key, known);
      const within = segments.length === 0 ? "at the top level" : `in ${where}`;
      return `unknown key \`${key}\` ${within}${guess ? `: did you mean \`${guess}\`?` : ""} (known keys: ${known.join(", ")})`;
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = error.data;
      let guess = typeof value === "string" ? nearest(value, allowed) : undefined;
      if (typeof value === "number" && allowed.join() === SEVERITIES.join()) guess = ESLINT_SEVERITIES[value];
      return `${where} must be one of ${allowed.join(", ")}${guess ? `: did you mean \`${guess}\`?` : ` (got ${shown(value)})`}`;
    }
    case "type": {
      const expected = params.type as string;
      const got = typeName(error.data);
      const last = segments[segments.length - 1];
      if (segments.length === 0) return `the configuration must be an object of settings, not ${article(got)}`;
      if (last === "files") return `${where} must be a glob or a list of globs, not ${article(got)}`;
      if (last === "ignores" && typeof error.data === "string") {
        return `${where} must be an array, not a string: write \`[${JSON.stringify(error.data)}]\``;
      }
      return `${where} must be ${article(expected)}, not ${article(got)}`;
    }
    case "required":
      if (params.missingProperty === "files") {
        return `${where} has no \`files\`: give the files it applies to, a glob or a list of globs`;
      }
      return `${where} has no \`${params.missingProperty as string}\``;
    case "minItems":
      if (segments[segments.length - 1] === "files") return `${where} must list at least one glob`;
      return `${where} must have at least ${params.limit as number} item${params.limit === 1 ? "" : "s"}`;
    case "maxItems":
      if (segments[segments.length - 2] === "rules") {
        return `${where} must be \`[severity]\` or \`[severity, options]\`, not ${(error.data as unknown[]).length} items`;
      }
      return `${where} must have at most ${params.limit as number} items`;
    case "minLength":
      return `${where} must not be empty`;
    case "pattern":
      if (segments[segments.length - 1] === "kubernetesVersion") return `${where} does not look like a version such as v1.18.2`;
      if (segments[segments.length - 1] === "iptablesVersion") return `${where} does not look like an iptables version such as 1.8.4`;
      return `${where} does not match \`${params.pattern as string}\``;
    default:
      return `${where} ${error.message ?? "is invalid"}`;
  }
}

function unknownRule(id: string, where: string, ruleIds: string[]): string {
  if (id === "syntax") {
    return `\`syntax\` in ${where} cannot be configured: syntax errors are what iptables-restore refuses, and are always reported`;
  }
  if (id === UNUSED_SUPPRESSION) {
    return `\`${UNUSED_SUPPRESSION}\` in ${where} is not a rule: set \`reportUnusedSuppressions\` at the top level instead`;
  }
  if (id === INVALID_SUPPRESSION) {
    return `\`${INVALID_SUPPRESSION}\` in ${where} cannot be configured: correct or remove the suppression comment it reports`;
  }
  const guess = nearest(id, ruleIds);
  return `unknown rule \`${id}\` in ${where}${guess ? `: did you mean \`${guess}\`?` : ` (known rules: ${ruleIds.join(", ")})`}`;
}
