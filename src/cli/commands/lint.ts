/** `iptlint [lint] PATH...`: report syntax errors and findings. */
import type { Command } from "commander";
import { formatStylish } from "../../format/stylish.js";
import { errorCount, lintText, type LintResult } from "../../lint.js";
import { ExitCode } from "../exit-codes.js";
import { readInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import { nodeContext, withLintOptions, type CommandState, type LintOptions } from "./shared.js";

export function registerLint(program: Command, io: CliIo, state: CommandState): void {
  withLintOptions(
    program
      .command("lint", { isDefault: true })
      .description("report syntax errors and findings (the default command)")
      .argument("<paths...>", "ruleset files to lint; - reads standard input"),
  ).action(async (paths: string[], options: LintOptions) => {
    const inputs = await readInputs(paths, options.stdinFilename, io);
    const results: LintResult[] = [];
    for (const input of inputs) {
      results.push(lintText(input.text, { filePath: input.name, node: await nodeContext(input, options, io) }));
    }
    io.stdout.write(formatStylish(results));
    state.exitCode = results.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
  });
}
