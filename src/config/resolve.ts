/**
 * The settings for one file: the configuration's top level, then each override whose `files`
 * match the file, in order; and whether `ignores` leaves the file out. Globs are relative to
 * the configuration file's folder and matched with picomatch.
 */
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Severity } from "../../grammar/index.js";
import type { ConfiguredFamily } from "../../rules/model/index.js";
import type { NodeContext } from "../../rules/types.js";
import { lazyModule } from "../lazy.js";
import type { Config, LoadedConfig, RuleEntry, RuleSeverity } from "./load.js";

const picomatch = lazyModule<typeof import("picomatch")>("picomatch");

export interface RuleSetting {
  severity: RuleSeverity;
  /** The rule's options; undefined when none are configured. */
  options: unknown;
}

export interface FileSettings {
  /** `ignores` matches the file: it is not to be linted. */
  ignored: boolean;
  /**
   * The configured rules only: a rule missing here runs with its own severity (and the
   * severity it gives each finding); a rule here at `off` does not run; any other severity
   * replaces the severity of each of its findings.
   */
  rules: Map<string, RuleSetting>;
  node: NodeContext;
  /** The address family the configuration gives the file (`family`, `--family`), and where it says so; wins over the file's header and name. */
  family?: ConfiguredFamily;
  /** The severity of findings at suppressions that suppress nothing. */
  reportUnusedSuppressions: Severity | "off";
  /**
   * The node the configuration's `nodes` puts the file in: files with the same key are linted
   * together (`src/nodes.ts`). Undefined when no entry matches it.
   */
  nodeKey?: string;
}

export const DEFAULT_REPORT_UNUSED_SUPPRESSIONS: Severity = "warning";

/** The settings when there is no configuration. */
export function defaultSettings(): FileSettings {
  return { ignored: false, rules: new Map(), node: {}, reportUnusedSuppressions: DEFAULT_REPORT_UNUSED_SUPPRESSIONS };
}

/**
 * The settings for `filePath` (relative to the working folder, or absolute). Without a path
 * (standard input with no --stdin-filename) only the top level applies.
 */
export function resolveSettings(loaded: LoadedConfig, filePath: string | undefined): FileSettings {
  const { config } = loaded;
  const settings = defaultSettings();
  settings.reportUnusedSuppressions = config.reportUnusedSuppressions ?? DEFAULT_REPORT_UNUSED_SUPPRESSIONS;
  applyRules(settings.rules, config.rules);
  settings.node = mergeNode({}, config.node);
  const from = loaded.filePath === undefined ? "the configuration" : `the configuration (${basename(loaded.filePath)})`;
  if (config.family !== undefined) settings.family = { family: config.family, because: `${from} says \`family: ${config.family}\`` };
  if (filePath === undefined) return settings;

  const matchers = compiled(config);
  const path = pathsOf(loaded, filePath);
  settings.ignored = matchers.ignores !== null && matchers.ignores(path);
  const member = nodeMember(matchers, path);
  if (member !== null) {
    settings.nodeKey = `${loaded.filePath ?? ""}#${member.key}`;
    settings.family = { family: member.family, because: `${from} pairs it as the IPv${member.family} file of a node (\`nodes[${member.entry}].v${member.family}\`)` };
  }
  for (const [index, override] of (config.overrides ?? []).entries()) {
    if (!matchers.overrides[index](path)) continue;
    applyRules(settings.rules, override.rules);
    settings.node = mergeNode(settings.node, override.node);
    if (override.family !== undefined) settings.family = { family: override.family, because: `${from} says \`family: ${override.family}\` for ${listGlobs(override.files)}` };
  }
  return settings;
}

const listGlobs = (files: string | string[]): string => (typeof files === "string" ? [files] : files).map((f) => `\`${f}\``).join(", ");

/** Whether `ignores` leaves the file out; the same as `resolveSettings(...).ignored`. */
export function isIgnored(loaded: LoadedConfig, filePath: string): boolean {
  const matcher = compiled(loaded.config).ignores;
  return matcher !== null && matcher(pathsOf(loaded, filePath));
}

/**
 * A later setting of a rule replaces an earlier one; a severity without options (`"error"`
 * or `["error"]`) keeps the options set before it (as in ESLint), so an override can change
 * a rule's severity alone.
 */
function applyRules(into: Map<string, RuleSetting>, rules: Record<string, RuleEntry> | undefined): void {
  for (const [id, entry] of Object.entries(rules ?? {})) {
    const [severity, options] = Array.isArray(entry) ? entry : [entry];
    into.set(id, { severity, options: options ?? into.get(id)?.options });
  }
}

/**
 * `more` over `base`, key by key; an undefined value does not hide the one below it. An
 * override's kernel keeps the Kubernetes version set above it; a command-line flag not given
 * keeps the configured value.
 */
export function mergeNode(base: NodeContext | undefined, more: NodeContext | undefined): NodeContext {
  const merged: NodeContext = { ...base };
  for (const [key, value] of Object.entries(more ?? {}) as [keyof NodeContext, string | undefined][]) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** The file's path as the globs see it. */
interface FilePath {
  /** Relative to the configuration's folder, with `/`; null when the file is outside it. */
  relative: string | null;
  /** Absolute, with `/`, for globs that are absolute paths. */
  absolute: string;
}

type Matcher = (path: FilePath) => boolean;

interface Compiled {
  overrides: Matcher[];
  ignores: Matcher | null;
  /** Per `nodes` entry, its globs of each family. */
  nodes: { family: 4 | 6; capture: Capture }[][];
}

// Compiled once per configuration object: a run lints many files with the same one.
const cache = new WeakMap<Config, Compiled>();

function compiled(config: Config): Compiled {
  let entry = cache.get(config);
  if (!entry) {
    entry = {
      overrides: (config.overrides ?? []).map((o) => matcher(typeof o.files === "string" ? [o.files] : o.files)),
      ignores: config.ignores?.length ? matcher(config.ignores) : null,
      nodes: (config.nodes ?? []).map((entry) =>
        ([4, 6] as const).flatMap((family) => listOf(entry[`v${family}`]).map((glob) => ({ family, capture: capturing(glob) }))),
      ),
    };
    cache.set(config, entry);
  }
  return entry;
}

const listOf = (globs: string | string[]): string[] => (typeof globs === "string" ? [globs] : globs);

/** What a glob's wildcards matched in a path (the parts that name the node), or null when it does not match. */
type Capture = (path: FilePath) => string[] | null;

/**
 * A `nodes` glob, matched like the others (a glob without a `/` matches names in any folder,
 * relative ones the path from the configuration's folder, absolute ones the absolute path), giving
 * what its `*`, `**` and `{a,b}` matched; a name-only glob adds the folder, so `*.v4` pairs within one folder.
 */
function capturing(glob: string): Capture {
  const cleaned = glob.replace(/^(\.\/)+/, "");
  const re = picomatch().makeRe(toSlashes(cleaned), { dot: true, capture: true });
  const groups = (text: string) => {
    const m = re.exec(text);
    return m === null ? null : m.slice(1).map((g) => g ?? "");
  };
  if (isAbsolute(glob)) return (path) => groups(path.absolute);
  if (cleaned.includes("/")) return (path) => (path.relative === null ? null : groups(path.relative));
  return (path) => {
    if (path.relative === null) return null;
    const slash = path.relative.lastIndexOf("/");
    const found = groups(path.relative.slice(slash + 1));
    return found === null ? null : [path.relative.slice(0, Math.max(slash, 0)), ...found];
  };
}

/** The first `nodes` entry with a glob matching the file: which entry, the family its glob gives, and the node's key. */
function nodeMember(matchers: Compiled, path: FilePath): { entry: number; family: 4 | 6; key: string } | null {
  for (const [entry, globs] of matchers.nodes.entries()) {
    for (const { family, capture } of globs) {
      const parts = capture(path);
      if (parts !== null) return { entry, family, key: `${entry}:${JSON.stringify(parts)}` };
    }
  }
  return null;
}

const toSlashes = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"));

function pathsOf(loaded: LoadedConfig, filePath: string): FilePath {
  const absolute = resolve(filePath);
  // Without a configuration file (a configuration given in code), globs are relative to the working folder.
  const base = loaded.filePath === undefined ? process.cwd() : dirname(resolve(loaded.filePath));
  const rel = relative(base, absolute);
  const outside = rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return { relative: outside ? null : toSlashes(rel), absolute: toSlashes(absolute) };
}

/**
 * The file and each folder above it, up to the configuration's folder: `a/b/c`, `a/b`, `a`.
 * For a file outside that folder, the file and the folders of its absolute path.
 */
function ancestry(path: FilePath): FilePath[] {
  const out: FilePath[] = [path];
  let { relative: rel, absolute } = path;
  while (rel === null ? absolute.lastIndexOf("/") > 0 : rel.includes("/")) {
    rel = rel === null ? null : rel.slice(0, rel.lastIndexOf("/"));
    absolute = absolute.slice(0, absolute.lastIndexOf("/"));
    out.push({ relative: rel, absolute });
  }
  return out;
}

/**
 * One matcher for a list of globs. A glob applies to a file when it matches the file or a
 * folder above it (up to the configuration's folder), so `nodes/edge-1` covers every file in
 * that folder; a glob ending in `/` matches folders only. A glob without any other `/`
 * matches a name in any folder, as in .gitignore (picomatch's own `basename` option applies
 * to every glob, slashes or not, so it is done here). `dot`: `*` matches hidden names too,
 * as in ESLint. A leading `./` is dropped; an absolute glob is matched against the absolute path.
 */
function matcher(globs: string[]): Matcher {
  const tests: ((path: FilePath, isFolder: boolean) => boolean)[] = [];
  for (const glob of globs) {
    const foldersOnly = glob.endsWith("/");
    const cleaned = glob.replace(/^(\.\/)+/, "").replace(/(.)\/+$/, "$1");
    let test: (path: FilePath) => boolean;
    if (isAbsolute(glob)) {
      const match = picomatch()(toSlashes(cleaned), { dot: true });
      test = (path) => match(path.absolute);
    } else if (cleaned.includes("/")) {
      const match = picomatch()(cleaned, { dot: true });
      test = (path) => path.relative !== null && match(path.relative);
    } else {
      const match = picomatch()(cleaned, { dot: true });
      test = (path) => path.relative !== null && match(path.relative.slice(path.relative.lastIndexOf("/") + 1));
    }
    tests.push((path, isFolder) => (isFolder || !foldersOnly) && test(path));
  }
  return (file) => ancestry(file).some((path, i) => tests.some((test) => test(path, i > 0)));
}
