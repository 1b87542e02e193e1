/**
 * The command line: parses arguments, reads inputs, runs the library, writes the report and
 * returns the exit code. It never calls process.exit and never throws.
 */
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/load.js";
import { registerExplain, registerRules } from "./commands/rules.js";
import { registerFix } from "./commands/fix.js";
import { registerFmt } from "./commands/fmt.js";
import { registerInit, registerPrintConfig } from "./commands/config.js";
import { registerLint } from "./commands/lint.js";
import { registerTest } from "./commands/test.js";
import { registerTrace } from "./commands/trace.js";
import type { CommandState } from "./commands/shared.js";
import { UnreadableInput, UnwritableFile, UsageError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { version } from "./package-info.js";

const HELP_CODES = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

export async function main(argv: string[], io: CliIo): Promise<number> {
  const state: CommandState = { exitCode: ExitCode.Ok };
  // `--version` works after any command too (`iptlint lint --version`), as `--help` does.
  const options = argv.slice(0, argv.includes("--") ? argv.indexOf("--") : argv.length);
  if (options.includes("--version") || options.includes("-v")) {
    io.stdout.write(`${version}\n`);
    return ExitCode.Ok;
  }
  const program = new Command("iptlint")
    .description("Lint iptables rulesets: iptables-save output, iptables -S output and iptables-restore input.")
    .version(version, "-v, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showSuggestionAfterError(true);
  for (const register of [registerLint, registerFix, registerFmt, registerRules, registerExplain, registerInit, registerPrintConfig, registerTrace, registerTest]) {
    register(program, io, state);
  }

  try {
    await program.parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version arrive as "errors"; their exit code follows process.exitCode, which
      // is not ours to read, so they are told apart by their code.
      return HELP_CODES.has(error.code) ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`iptlint: ${error.message}\n`);
      return ExitCode.Config;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`iptlint: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof UnreadableInput || error instanceof UnwritableFile) {
      io.stderr.write(`iptlint: ${error.message}\n`);
      return ExitCode.Unreadable;
    }
    const detail = error instanceof Error ? (io.env.IPTLINT_DEBUG ? error.stack : error.message) : String(error);
    io.stderr.write(`iptlint: internal error: ${detail}\nThis is a bug in iptlint; please report it.\n`);
    return ExitCode.Internal;
  }
}

