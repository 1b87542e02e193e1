/**
 * `iptlint lint --cache FILE`: the last run's reports, kept with a key of everything that decides
 * them. A run whose key matches prints the stored reports without parsing or linting anything:
 * on a node, where a DaemonSet lints the same rules every minute, that is the whole cost of a
 * run but for the save tools and the hashing.
 *
 * The key covers iptlint itself (version, a hash of its code, Node's version), the working folder,
 * the command line's options, each input's name, configuration (`FileSettings`) and bytes, and
 * the rule READMEs when SARIF describes rules with them. `--live` output is hashed with only what
 * no finding reads left out (see `saveOutputDigest`). A cache file that cannot be read, does not
 * parse or has another key is a miss; one that cannot be written is said in one line on standard
 * error, and the run's result stands.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Severity } from "../../grammar/index.js";
import type { FileSettings } from "../config/resolve.js";
import type { FormatName } from "../format/index.js";
import { lazyModule } from "../lazy.js";
import { rulesetSize, type LintResult, type RulesetSize } from "../lint.js";
import type { Input } from "./inputs.js";
import type { CliIo } from "./io.js";
import { packageRoot, version } from "./package-info.js";

const crypto = lazyModule<typeof import("node:crypto")>("node:crypto");

/** The cache file's layout; a file of another layout is a miss. */
const LAYOUT = 1;

/** One report of the run: where it goes (undefined: standard output; not stored), in which format, and its text. */
export interface Rendered {
  path?: string;
  format: FormatName;
  /** The report as printed; absent for `prometheus`, which is rendered again from `counts` with the new run's time. */
  text?: string;
  /** For `prometheus`: each ruleset's findings by rule and severity, and its size. */
  counts?: RulesetCounts[];
}

/** What `prometheus` reads of a result. */
export interface RulesetCounts {
  filePath: string | undefined;
  size: RulesetSize;
  /** [rule, severity, how many], in the order of each pair's first finding. */
  findings: [string, Severity, number][];
}

interface CacheFile {
  iptlintCache: typeof LAYOUT;
  key: string;
  exitCode: number;
  outputs: Rendered[];
}

/** An input and the configuration it is linted with, as the key sees them. */
export interface KeyedInput {
  input: Input;
  settings: FileSettings;
}

export interface KeyParts {
  cwd: string;
  /** Whether standard output's report is coloured (a terminal, NO_COLOR, FORCE_COLOR, --color). */
  color: boolean;
  /** The command line's options (the cache's own path left out). */
  options: object;
  inputs: readonly KeyedInput[];
  ruleDocs?: ReadonlyMap<string, string>;
}

/** The key of a run: a SHA-256 over every part, in a stable JSON form. */
export function cacheKey(parts: KeyParts): string {
  const key = {
    layout: LAYOUT,
    version,
    code: codeDigest(),
    node: process.version,
    cwd: parts.cwd,
    color: parts.color,
    options: parts.options,
    inputs: parts.inputs.map(({ input, settings }) => ({
      name: input.name,
      path: input.path,
      live: input.live === true,
      partnerOnly: input.partnerOnly === true,
      digest: input.digest,
      settings,
    })),
    ruleDocs: parts.ruleDocs,
  };
  return sha256(stableJson(key));
}

/** JSON with object keys sorted and Maps as sorted entries, so that equal parts give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v instanceof Map) return [...v].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const sha256 = (text: string | Buffer): string => crypto().createHash("sha256").update(text).digest("hex");

/** A file's bytes, hashed as they are. */
export const bytesDigest = (bytes: Buffer): string => sha256(bytes);

let code: string | undefined;

/**
 * A hash of iptlint's own code: the bundle's files (dist/), or tsc's output of src/, rules/ and
 * grammar/ when run from build/ (the tests). A change in any rule misses, whatever the version says.
 */
function codeDigest(): string {
  if (code !== undefined) return code;
  const here = dirname(fileURLToPath(import.meta.url));
  // In dist/, the libraries' own files (dist/lib/*.cjs) too: the configuration is read with them.
  const codeFiles = (folder: string) =>
    (readdirSync(folder, { recursive: true }) as string[]).filter((name) => name.endsWith(".js") || name.endsWith(".cjs")).map((name) => join(folder, name));
  const files = basename(here) === "dist" ? codeFiles(here) : ["src", "rules", "grammar"].flatMap((folder) => codeFiles(join(packageRoot, "build", folder)));
  const hash = crypto().createHash("sha256");
  for (const file of files.sort()) hash.update(`${file.slice(packageRoot.length)}\0`).update(readFileSync(file));
  return (code = hash.digest("hex"));
}

/**
 * A save tool's output hashed without what changes between two saves of the same rules and no
 * finding reads: the date of `# Generated by ... on DATE` and `# Completed on DATE`, and the
 * counters of a built-in chain's `:CHAIN POLICY [packets:bytes]` (both backends print these
 * without -c, and they grow with traffic). Each is replaced by as many `#` as it has characters,
 * so every finding's line, column and offset stays the same, and a width that changes misses.
 *
 * Counters are read by a rule in two places only, neither of which a save tool prints: a
 * declaration with no policy (`:X [0:0]`, where the counters are the policy; never blanked) and
 * a chain declared twice in a table, whose two declarations are compared (the kernel holds one
 * chain of a name in a table, so its save tools never print one twice; a table whose first
 * declarations name a chain twice is hashed as it is all the same). Only the declarations with a policy right after each `*table` line are looked at
 * (the save tools print the built-in chains first), and the comment lines: a few searches of the
 * bytes, not a walk over the 60,000 declarations of a 10,000-service dump. Whatever is not
 * blanked is hashed as it is: at worst a miss, never a hit on other rules.
 */
export function saveOutputDigest(bytes: Buffer): string {
  const blanks: Span[] = [];
  for (const start of linesStarting(bytes, "# ")) {
    const date = generatedOrCompleted(bytes, start, lineEnd(bytes, start));
    if (date !== null) blanks.push(date);
  }
  const tables = linesStarting(bytes, "*");
  for (const [i, table] of tables.entries()) {
    const tableEnd = tables[i + 1] ?? bytes.length;
    let start = lineEnd(bytes, table) + 1;
    const headers: Span[] = [];
    const names: string[] = [];
    for (; start < tableEnd && bytes[start] === COLON; start = lineEnd(bytes, start) + 1) {
      const counters = policyCounters(bytes, start, lineEnd(bytes, start));
      if (counters === null) break;
      headers.push(counters);
      names.push(bytes.toString("latin1", start, bytes.indexOf(SPACE, start) + 1));
    }
    if (names.length === new Set(names).size) blanks.push(...headers);
  }
  const hash = crypto().createHash("sha256");
  let hashedTo = 0;
  for (const blank of blanks.sort((a, b) => a.start - b.start)) {
    hash.update(bytes.subarray(hashedTo, blank.start));
    hash.update("#".repeat(blank.end - blank.start));
    hashedTo = blank.end;
  }
  hash.update(bytes.subarray(hashedTo));
  return hash.digest("hex");
}

interface Span {
  start: number;
  end: number;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;
const DASH = 0x2d;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/** Where the lines starting with `prefix` start, in order (the runtime's byte search, not a loop over every byte). */
function linesStarting(bytes: Buffer, prefix: string): number[] {
  const found: number[] = bytes.toString("latin1", 0, prefix.length) === prefix ? [0] : [];
  const needle = Buffer.from(`\n${prefix}`, "latin1");
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) found.push(at + 1);
  return found;
}

const lineEnd = (bytes: Buffer, start: number): number => {
  const end = bytes.indexOf(NEWLINE, start);
  return end === -1 ? bytes.length : end;
};

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** In `:NAME POLICY [digits:digits]` (POLICY not `-`), the digits from the first to the last; null on any other line. */
function policyCounters(bytes: Buffer, start: number, end: number): Span | null {
  const space = bytes.indexOf(SPACE, start);
  if (space === -1 || space >= end || space === start + 1) return null;
  if (bytes[space + 1] === DASH && bytes[space + 2] === SPACE) return null; // a user chain: `- [0:0]`
  const policyEnd = bytes.indexOf(SPACE, space + 1);
  if (policyEnd === -1 || policyEnd >= end || policyEnd === space + 1 || bytes[policyEnd + 1] !== OPEN || bytes[end - 1] !== CLOSE) return null;
  let colons = 0;
  for (let at = policyEnd + 2; at < end - 1; at++) {
    if (bytes[at] === COLON) colons++;
    else if (!isDigit(bytes[at])) return null;
  }
  if (colons !== 1 || !isDigit(bytes[policyEnd + 2]) || !isDigit(bytes[end - 2])) return null;
  return { start: policyEnd + 2, end: end - 1 };
}

/** `Sun Dec  6 16:15:25 2026`: ctime's form, which both backends print. */
const DATE = / on ([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;
const COMPLETED = /^# Completed on ([A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/** The date of `# Generated by ip[6]tables...-save ... on DATE` or `# Completed on DATE`; null on any other line. */
function generatedOrCompleted(bytes: Buffer, start: number, end: number): Span | null {
  const line = bytes.toString("latin1", start, end);
  const date = line.startsWith("# Generated by ip") ? DATE.exec(line) : line.startsWith("# Completed on ") ? COMPLETED.exec(line) : null;
  if (date === null) return null;
  return { start: end - date[1].length, end };
}

/**
 * Reads the cache: the stored run when its key is `key` and it holds a report of each format
 * `wanted` asks for, in order; else undefined (no file, unreadable, not ours, another key). Where
 * the reports go is the command line's, never the file's.
 */
export async function readCache(io: CliIo, path: string, key: string, wanted: readonly Rendered[]): Promise<CacheFile | undefined> {
  try {
    const stored = JSON.parse((await io.readFile(path)).toString("utf8")) as Partial<CacheFile>;
    if (stored?.iptlintCache !== LAYOUT || stored.key !== key || !Number.isInteger(stored.exitCode) || !Array.isArray(stored.outputs)) return undefined;
    if (stored.outputs.length !== wanted.length) return undefined;
    const wellFormed = (o: Rendered, i: number) =>
      o !== null && typeof o === "object" && o.format === wanted[i].format && (typeof o.text === "string" || (o.format === "prometheus" && Array.isArray(o.counts)));
    return stored.outputs.every(wellFormed) ? (stored as CacheFile) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the run under `key`, atomically; a cache that cannot be written is said in one line, and the run stands. */
export async function writeCache(io: CliIo, path: string, key: string, exitCode: number, outputs: readonly Rendered[]): Promise<void> {
  const stored: CacheFile = { iptlintCache: LAYOUT, key, exitCode, outputs: [...outputs] };
  try {
    await io.writeFileAtomic(path, Buffer.from(JSON.stringify(stored)), { create: true });
  } catch (error) {
    io.stderr.write(`iptlint: --cache: ${(error as Error).message}; the next run lints again\n`);
  }
}

/** What `prometheus` needs of the results, to render it again on a hit. */
export function countsOf(results: readonly LintResult[]): RulesetCounts[] {
  return results.map((result) => {
    const findings = new Map<string, [string, Severity, number]>();
    for (const d of result.diagnostics) {
      const pair = `${d.ruleId}\0${d.severity}`;
      const counted = findings.get(pair);
      if (counted) counted[2]++;
      else findings.set(pair, [d.ruleId, d.severity, 1]);
    }
    return { filePath: result.filePath, size: result.size ?? rulesetSize(result.document), findings: [...findings.values()] };
  });
}

/**
 * Results carrying just what `prometheus` reads (`filePath`, `size`, each finding's rule and
 * severity), for rendering it from the cache. No other format may be given these.
 */
export function resultsForPrometheus(counts: readonly RulesetCounts[]): LintResult[] {
  return counts.map((c) => ({
    filePath: c.filePath ?? undefined,
    size: c.size,
    diagnostics: c.findings.flatMap(([ruleId, severity, count]) => Array.from({ length: count }, () => ({ ruleId, severity }))),
  })) as unknown as LintResult[];
}
