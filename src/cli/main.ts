/**
 * The command line: parses arguments, reads inputs, runs the library, writes the report and
 * returns the exit code. It never calls process.exit and never throws.
 */
import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { parse, print } from "../../grammar/index.js";
import type { NodeContext } from "../../rules/types.js";
import { ConfigError, type Config } from "../config/load.js";
import { applyFixes } from "../fix/apply.js";
import { livePatch, restoreText, unifiedDiff } from "../fix/emit.js";
import { formatStylish } from "../format/stylish.js";
import { errorCount, lintDocument, lintText, type LintResult } from "../lint.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIo } from "./io.js";

const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

const HELP_CODES = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

/** An input that could not be read: exit code 4, with the reason. */
class UnreadableInput extends Error {}

/** Arguments that make no sense together: exit code 2. */
class UsageError extends Error {}

interface LintOptions {
  stdinFilename: string;
  kernelVersion?: string;
  kubernetesVersion?: string;
  /** A path, or false for --no-config. */
  config?: string | false;
}

interface FixOptions extends LintOptions {
  emit?: "diff" | "restore" | "patch";
  unsafeFixes?: boolean;
}

/** The options `lint` and `fix` share: standard input's name, the node, the configuration. */
function withLintOptions(command: Command): Command {
  return command
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .option("--kernel-version <release>", "the node's kernel (uname -r), to weigh the findings")
    .option("--kubernetes-version <version>", "the node's Kubernetes (kube-proxy) version, to weigh the findings")
    .option("-c, --config <path>", "use this configuration file instead of searching for one")
    .option("--no-config", "use no configuration file");
}

/** What is known of the node: the command line's flags over the configuration's `node`. */
async function nodeContext(input: Input, options: LintOptions, io: CliIo): Promise<NodeContext> {
  let config: Config = {};
  if (options.config !== false) {
    const directory = input.path === undefined ? undefined : dirname(input.path);
    config = (await io.loadConfig(typeof options.config === "string" ? { path: options.config } : { directory })).config;
  }
  return {
    kernelVersion: options.kernelVersion ?? config.node?.kernelVersion,
    kubernetesVersion: options.kubernetesVersion ?? config.node?.kubernetesVersion,
  };
}

interface Input {
  /** The path as given, or the name given to standard input. */
  name: string;
  /** The path as given; undefined for standard input. */
  path: string | undefined;
  text: string;
  /** How the bytes were read, so that what is written back keeps every byte that is not changed. */
  encoding: "utf8" | "latin1";
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
      exitCode = results.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
    });

  withLintOptions(
    program
      .command("fix")
      .description("apply the fixes: in place, or print them as a diff, a restore file or a live patch")
      .argument("<paths...>", "ruleset files; - reads standard input (with --emit)")
      .addOption(
        new Option("--emit <form>", "print instead of writing: diff (for patch/git apply), restore (the fixed ruleset), patch (iptables-restore --noflush input for a live node)").choices(["diff", "restore", "patch"]),
      )
      .option("--unsafe-fixes", "also apply fixes that change which packets match"),
  ).action(async (paths: string[], options: FixOptions) => {
      if (!options.emit && paths.includes("-")) throw new UsageError("fix: standard input can only be fixed with --emit");
      if (options.emit && paths.length !== 1) throw new UsageError("fix --emit takes exactly one file");
      const inputs = await readInputs(paths, options.stdinFilename, io);
      const remaining: LintResult[] = [];
      for (const input of inputs) {
        const document = parse(input.text, { filePath: input.name });
        const node = await nodeContext(input, options, io);
        const diagnostics = lintDocument(document, { node });
        const fixes = diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
        const result = applyFixes(document, fixes, { unsafe: options.unsafeFixes });
        if (options.emit === "diff") io.stdout.write(encode(unifiedDiff(document, result, input.name), input));
        else if (options.emit === "restore") io.stdout.write(encode(restoreText(result), input));
        else if (options.emit === "patch") io.stdout.write(encode(livePatch(document, result), input));
        else if (result.applied.length > 0) await io.writeFileAtomic(input.name, Buffer.from(result.output, input.encoding));
        for (const { fix, reason } of result.skipped) io.stderr.write(`iptlint: ${input.name}: fix "${fix.title}" not applied: ${reason}\n`);
        // What is left after fixing is what the user still has to see to.
        remaining.push({ filePath: input.name, document: result.document, diagnostics: result.applied.length ? lintDocument(result.document, { node }) : diagnostics });
      }
      const report = formatStylish(remaining);
      (options.emit ? io.stderr : io.stdout).write(report);
      exitCode = remaining.some((r) => errorCount(r) > 0) ? ExitCode.Findings : ExitCode.Ok;
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
      io.stdout.write(encode(print(document, { style: options.compact ? "compact" : "preserve" }), input));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
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
    const name = path === "-" ? stdinName : path;
    let bytes: Buffer;
    try {
      if (path === "-") {
        bytes = await io.readStdin();
      } else {
        if (await io.isDirectory(path)) throw new UnreadableInput(`cannot read ${path}: it is a directory`);
        bytes = await io.readFile(path);
      }
    } catch (error) {
      if (error instanceof UnreadableInput) throw error;
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UnreadableInput(`cannot read ${name}: ${reason}`);
    }
    inputs.push({ name, path: path === "-" ? undefined : path, ...decode(bytes) });
  }
  return inputs;
}

// ignoreBOM: keep a byte order mark in the text (a syntax error to report), do not drop it.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * iptables reads bytes. Text that is not UTF-8 (an old Latin-1 comment) is read byte for byte
 * as Latin-1, so printing it back gives the same bytes.
 */
function decode(bytes: Buffer): { text: string; encoding: Input["encoding"] } {
  try {
    return { text: utf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: bytes.toString("latin1"), encoding: "latin1" };
  }
}

/** Text to write out, in the input's encoding. */
const encode = (text: string, input: Input): string | Buffer => (input.encoding === "utf8" ? text : Buffer.from(text, "latin1"));
