/** `iptlint fix PATH...`: apply the fixes in place, or print them as a diff, a restore file or a live patch. */
import { Option, type Command } from "commander";
import { parse } from "../../../grammar/index.js";
import type { FixResult } from "../../fix/apply.js";
import { livePatch, restoreText, unifiedDiff } from "../../fix/emit.js";
import { formatStylish } from "../../format/stylish.js";
import { errorCount, fixFound, lintAndFix, lintDocument, type LintResult } from "../../lint.js";
import { UsageError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import type { FileSettings } from "../../config/resolve.js";
import { encode, readInputs, type Input } from "../inputs.js";
import { expandPaths } from "../paths.js";
import { nodePartners } from "../../nodes.js";
import type { CliIo } from "../io.js";
import { nodeFlags, settingsFor, withLintOptions, type CommandState, type LintOptions } from "./shared.js";

interface FixOptions extends LintOptions {
  emit?: "diff" | "restore" | "patch";
  unsafeFixes?: boolean;
  cache?: string;
}

export function registerFix(program: Command, io: CliIo, state: CommandState): void {
  withLintOptions(
    program
      .command("fix")
      .description("apply the fixes: in place, or print them as a diff, a restore file or a live patch")
      .argument("<paths...>", "ruleset files; - reads standard input (with --emit)")
      .addOption(
        new Option("--emit <form>", "print instead of writing: diff (for patch/git apply), restore (the fixed ruleset), patch (iptables-restore --noflush input for a live node)").choices(["diff", "restore", "patch"]),
      )
      .option("--unsafe-fixes", "also apply fixes that change which packets match")
      .addOption(new Option("--cache <file>").hideHelp()),
  ).action(async (paths: string[], options: FixOptions) => {
      // A fix changes the files it reads: a stored result would be of other text.
      if (options.cache !== undefined) throw new UsageError("fix: --cache is for `iptlint lint` only; fix always reads and lints the files it changes");
      if (!options.emit && paths.includes("-")) throw new UsageError("fix: standard input can only be fixed with --emit");
      if (options.emit && paths.length !== 1) throw new UsageError("fix --emit takes exactly one file");
      const inputs = await readInputs(await expandPaths(paths, io), options.stdinFilename, io);
      const remaining: LintResult[] = [];
      const files: { input: Input; settings: FileSettings }[] = [];
      for (const input of inputs) {
        const settings = await settingsFor(input, options, io);
        if (!settings.ignored) files.push({ input, settings });
      }
      // A node's other files are read as they were given, before any is fixed.
      const documents = files.map(({ input }) => parse(input.text, { filePath: input.name }));
      const partnersOf = nodePartners(files.map(({ input, settings }) => ({ ...input, nodeKey: settings.nodeKey })));
      for (const [i, { input, settings }] of files.entries()) {
        const document = documents[i];
        const partners = partnersOf[i].map((j) => ({ document: documents[j], family: files[j].settings.family }));
        const fixOptions = { settings, node: nodeFlags(options), unsafe: options.unsafeFixes, partners };
        if (options.emit) {
          // The file is not changed: what is left to see to is reported where it is in the file
          // the user has, the findings this fix does not resolve.
          const found = lintDocument(document, fixOptions);
          const { result, stable, left } = fixFound(document, found, fixOptions);
          if (options.emit === "diff") io.stdout.write(encode(unifiedDiff(document, result, input.name), input));
          else if (options.emit === "restore") io.stdout.write(encode(restoreText(result), input));
          else io.stdout.write(encode(livePatch(document, result), input));
          reportSkipped(io, input.name, result, stable);
          remaining.push({ filePath: input.name, document, diagnostics: left });
        } else {
          const { result, diagnostics, stable } = lintAndFix(document, fixOptions);
          if (result.applied.length > 0) await io.writeFileAtomic(input.name, Buffer.from(result.output, input.encoding));
          reportSkipped(io, input.name, result, stable);
          // The file now holds the fixed text: what is left is found in it.
          remaining.push({ filePath: input.name, document: result.document, diagnostics });
        }
      }
      const report = formatStylish(remaining);
      (options.emit ? io.stderr : io.stdout).write(report);
      state.exitCode = remaining.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
    });

}

function reportSkipped(io: CliIo, name: string, result: FixResult, stable: boolean): void {
  for (const { fix, reason } of result.skipped) io.stderr.write(`iptlint: ${name}: fix "${fix.title}" not applied: ${reason}\n`);
  if (!stable) io.stderr.write(`iptlint: ${name}: stopped after ${result.passes} passes of fixes: some fixes keep undoing others; please report it\n`);
}
