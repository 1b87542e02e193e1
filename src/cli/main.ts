/**
 * The command line: parses arguments, reads inputs, runs the library, writes the report and
 * returns the exit code. It never calls process.exit and never throws.
 */
import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { print } from "../../grammar/index.js";
import { formatStylish } from "../format/stylish.js";
import { errorCount, lintText, type LintResult } from "../lint.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";

const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

/** An input that could not be read: exit code 4, with the reason. */
class UnreadableInput extends Error {}

interface Input {
  /** The path as given, or the name given to standard input. */
  name: string;
  text: string;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.Ok;
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

  program
    .command("lint", { isDefault: true })
    .description("report syntax errors and findings (the default command)")
    .argument("<paths...>", "ruleset files to lint; - reads standard input")
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .action(async (paths: string[], options: { stdinFilename: string }) => {
      const inputs = await readInputs(paths, options.stdinFilename, io);
      const results: LintResult[] = inputs.map((input) => lintText(input.text, { filePath: input.name }));
      io.stdout.write(formatStylish(results));
      exitCode = results.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
    });

  program
    .command("fmt")
    .description("print the parsed ruleset (byte for byte what iptables-save printed)")
    .argument("<path>", "a ruleset file; - reads standard input")
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .option("--compact", "one space between words, \\n line ends, a final newline")
    .action(async (path: string, options: { stdinFilename: string; compact?: boolean }) => {
      const [input] = await readInputs([path], options.stdinFilename, io);
      const { document, diagnostics } = lintText(input.text, { filePath: input.name });
      const errors = diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) {
        // Never print a ruleset that did not parse: the output could silently lose lines.
        io.stderr.write(formatStylish([{ filePath: input.name, diagnostics: errors, document }]));
        exitCode = ExitCode.Findings;
        return;
      }
      io.stdout.write(print(document, { style: options.compact ? "compact" : "preserve" }));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" carry exit code 0; anything else is a usage error.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (error instanceof UnreadableInput) {
      io.stderr.write(`iptlint: ${error.message}\n`);
      return ExitCode.Unreadable;
    }
    const detail = error instanceof Error ? (io.env.IPTLINT_DEBUG ? error.stack : error.message) : String(error);
    io.stderr.write(`iptlint: internal error: ${detail}\nThis is a bug in iptlint; please report it.\n`);
    return ExitCode.Internal;
  }
}

async function readInputs(paths: string[], stdinName: string, io: CliIo): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    if (path === "-") {
      inputs.push({ name: stdinName, text: decode(await io.readStdin()) });
      continue;
    }
    try {
      if (await io.isDirectory(path)) throw new UnreadableInput(`cannot read ${path}: it is a directory`);
      inputs.push({ name: path, text: decode(await io.readFile(path)) });
    } catch (error) {
      if (error instanceof UnreadableInput) throw error;
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UnreadableInput(`cannot read ${path}: ${reason}`);
    }
  }
  return inputs;
}

/** iptables reads bytes; text that is not UTF-8 still parses, with U+FFFD in place of bad bytes. */
const decode = (bytes: Buffer): string => bytes.toString("utf8");
