/** `iptlint [lint] PATH...`: report syntax errors and findings. */
import { InvalidArgumentError, Option, type Command } from "commander";
import type { Severity } from "../../../grammar/index.js";
import { formatStylish } from "../../format/stylish.js";
import { lintText, type LintResult } from "../../lint.js";
import { ExitCode } from "../exit-codes.js";
import { readInputs } from "../inputs.js";
import { UsageError } from "../errors.js";
import { liveInputs } from "../live.js";
import { expandPaths } from "../paths.js";
import type { CliIo } from "../io.js";
import { nodeContext, withLintOptions, type CommandState, type LintOptions } from "./shared.js";

export function registerLint(program: Command, io: CliIo, state: CommandState): void {
  withLintOptions(
    program
      .command("lint", { isDefault: true })
      .description("report syntax errors and findings (the default command)")
      .argument("[paths...]", "ruleset files, folders to search for rulesets, or quoted glob patterns; - reads standard input")
      .option("--live", "lint this node's own rules: iptables-save and ip6tables-save of both backends")
      .option("--max-warnings <n>", "fail when there are more warnings than this", parseCount)
      .option("--quiet", "report errors only")
      .addOption(new Option("--failure-threshold <severity>", "fail on findings of this severity or above").choices(["error", "warning", "info"]).default("error")),
  ).action(async (paths: string[], options: LintCommandOptions) => {
    if (paths.length === 0 && !options.live) {
      throw new UsageError("lint: give ruleset files, folders or patterns (- for standard input, --live for this node's rules)");
    }
    const inputs = [...(options.live ? await liveInputs(io) : []), ...(await readInputs(await expandPaths(paths, io), options.stdinFilename, io))];
    const results: LintResult[] = [];
    for (const input of inputs) {
      results.push(lintText(input.text, { filePath: input.name, node: await nodeContext(input, options, io) }));
    }
    const shown = options.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === "error") })) : results;
    io.stdout.write(formatStylish(shown));
    state.exitCode = failed(shown, options) ? ExitCode.Findings : ExitCode.Ok;
  });
}

interface LintCommandOptions extends LintOptions {
  live?: boolean;
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

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}
