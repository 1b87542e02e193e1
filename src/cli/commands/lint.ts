/** `iptlint [lint] PATH...`: report syntax errors and findings. */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { Severity } from "../../../grammar/index.js";
import { allRules } from "../../../rules/index.js";
import { formatNames, formatters, type FormatName } from "../../format/index.js";
import type { LintResult } from "../../lint.js";
import { lintAll, type LintJob } from "../lint-pool.js";
import { bytesDigest, cacheKey, countsOf, readCache, resultsForPrometheus, saveOutputDigest, writeCache, type KeyedInput, type Rendered } from "../cache.js";
import { nodePartners, type NodeCandidate } from "../../nodes.js";
import { ExitCode } from "../exit-codes.js";
import { readInputs } from "../inputs.js";
import { UsageError } from "../errors.js";
import { liveInputs } from "../live.js";
import { version } from "../package-info.js";
import { expandPaths } from "../paths.js";
import { readRuleReadmes } from "../rule-docs.js";
import { useColor } from "../terminal.js";
import type { CliIo } from "../io.js";
import { nodeFlags, settingsFor, withLintOptions, type CommandState, type LintOptions } from "./shared.js";

export function registerLint(program: Command, io: CliIo, state: CommandState): void {
  withLintOptions(
    program
      .command("lint", { isDefault: true })
      .description("report syntax errors and findings (the default command)")
      .argument("[paths...]", "ruleset files, folders to search for rulesets, or quoted glob patterns; - reads standard input")
      .option("--live", "lint this node's own rules: iptables-save and ip6tables-save of both backends")
      .option("--max-warnings <n>", "fail when there are more warnings than this", parseCount)
      .option("--quiet", "report errors only")
      .addOption(new Option("-f, --format <format>", "report format").choices(formatNames).default("stylish"))
      .option("-o, --output-file <path>", "write the report to this file instead of standard output")
      .option("--report <format=path>", "also write a report in this format to this file, from the same run (repeatable)", collectReport, [])
      .option("--color", "colour the report even when not on a terminal")
      .option("--no-color", "never colour the report")
      .addOption(new Option("--failure-threshold <severity>", "fail on findings of this severity or above").choices(["error", "warning", "info"]).default("error"))
      .option("--cache <file>", "keep the run's reports in this file, and print them from it while the rules, configuration, options and iptlint are unchanged"),
  ).action(async (paths: string[], options: LintCommandOptions) => {
    const started = performance.now();
    if (paths.length === 0 && !options.live) {
      throw new UsageError("lint: give ruleset files, folders or patterns (- for standard input, --live for this node's rules)");
    }
    const cacheFile = options.cache;
    const inputs = [
      ...(options.live ? await liveInputs(io, cacheFile === undefined ? undefined : saveOutputDigest) : []),
      ...(await readInputs(await expandPaths(paths, io), options.stdinFilename, io, cacheFile === undefined ? undefined : bytesDigest)),
    ];
    const files: KeyedInput[] = [];
    for (const input of inputs) files.push({ input, settings: await settingsFor(input, options, io) });
    const color = options.outputFile === undefined && useColor(io.stdout, io.env, options.color);
    // SARIF describes every rule with its README, for code scanning's rule help.
    const ruleDocs = options.format === "sarif" ? await readRuleReadmes(io, allRules.map((r) => r.id)) : undefined;
    const { cache: _, ...keyedOptions } = options;
    const key = cacheFile === undefined ? undefined : cacheKey({ cwd: io.cwd, color, options: keyedOptions, inputs: files, ruleDocs });
    // The reports this command line asks for: on a hit, the cache gives their texts, never where they go.
    const outputs: Rendered[] = [{ path: options.outputFile, format: options.format }, ...options.report.map((extra) => ({ path: extra.path, format: extra.format }))];
    const cached = key === undefined ? undefined : await readCache(io, cacheFile!, key, outputs);
    if (cached !== undefined) {
      // The run as `prometheus` reports it: reading the rules and finding them unchanged.
      const run = { endedAt: Date.now(), durationMs: performance.now() - started };
      for (const [i, output] of outputs.entries()) {
        const stored = cached.outputs[i];
        const text = stored.text ?? formatters.prometheus(resultsForPrometheus(stored.counts!), { cwd: io.cwd, color: false, rules: allRules, version, run });
        await writeReport(io, output.path, text);
      }
      state.exitCode = cached.exitCode;
      return;
    }
    const machine = options.format !== "stylish" && options.format !== "compact";
    const progress = io.progress({ machineOutputOnStdout: machine && options.outputFile === undefined, color: useColor(io.stderr, io.env, options.color) });
    const jobs: LintJob[] = [];
    const live = new Set<number>();
    const partnersOnly = new Set<number>();
    const linted: NodeCandidate[] = [];
    for (const { input, settings } of files) {
      if (settings.ignored) continue;
      if (input.live) live.add(jobs.length);
      if (input.partnerOnly) partnersOnly.add(jobs.length);
      jobs.push({ id: jobs.length, text: input.text, filePath: input.name, settings, node: nodeFlags(options), spareMemory: input.takeSpareMemory });
      linted.push({ ...input, nodeKey: settings.nodeKey });
    }
    nodePartners(linted).forEach((partners, i) => (jobs[i].partners = partners));
    let results: LintResult[];
    try {
      results = (await lintAll(jobs, (done) => progress.update(`linted ${done}/${jobs.length} files`)))
        .map((r, i) => (live.has(i) ? { ...r, live: true } : r))
        .filter((_, i) => !partnersOnly.has(i));
    } finally {
      progress.stop();
    }
    const shown = options.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") })) : results;
    // The run as `prometheus` reports it: reading the rules and linting them, all but the writing.
    const run = { endedAt: Date.now(), durationMs: performance.now() - started };
    outputs.forEach((output, i) => {
      const text = formatters[output.format](shown, { cwd: io.cwd, color: i === 0 ? color : false, rules: allRules, version, ...(i === 0 ? { ruleDocs } : {}), run });
      if (output.format === "prometheus" && key !== undefined) output.counts = countsOf(shown);
      output.text = text;
    });
    for (const output of outputs) await writeReport(io, output.path, output.text!);
    state.exitCode = failed(shown, options) ? ExitCode.Findings : ExitCode.Ok;
    if (key !== undefined) {
      await writeCache(io, cacheFile!, key, state.exitCode, outputs.map((o) => (o.counts ? { format: o.format, counts: o.counts } : { format: o.format, text: o.text })));
    }
  });
}

/** A report to standard output, or to its file all at once. */
async function writeReport(io: CliIo, path: string | undefined, text: string): Promise<void> {
  if (path === undefined) io.stdout.write(text);
  else await io.writeFileAtomic(path, Buffer.from(text), { create: true });
}

interface LintCommandOptions extends LintOptions {
  live?: boolean;
  cache?: string;
  format: FormatName;
  outputFile?: string;
  report: ExtraReport[];
  /** --color or --no-color; undefined when neither was given. */
  color?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  failureThreshold: Severity;
}

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether the run fails: a finding at or above the threshold, or more warnings than allowed. */
function failed(results: readonly LintResult[], options: LintCommandOptions): boolean {
  const all = results.flatMap((r) => r.diagnostics);
  if (all.some((d) => rank[d.severity] >= rank[options.failureThreshold])) return true;
  return options.maxWarnings !== undefined && all.filter((d) => d.severity === "warning").length > options.maxWarnings;
}

interface ExtraReport {
  format: FormatName;
  path: string;
}

/** `--report sarif=iptlint.sarif`: one more report of the same findings (the GitHub Action writes three). */
function collectReport(text: string, previous: ExtraReport[]): ExtraReport[] {
  const equals = text.indexOf("=");
  const format = text.slice(0, equals) as FormatName;
  const path = text.slice(equals + 1);
  if (equals < 1 || path === "" || !formatNames.includes(format)) {
    throw new InvalidArgumentError(`expected FORMAT=PATH, FORMAT one of ${formatNames.join(", ")}`);
  }
  return [...previous, { format, path }];
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}
