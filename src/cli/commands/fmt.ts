/** `iptlint fmt PATH`: print the parsed ruleset. */
import type { Command } from "commander";
import { SYNTAX, print } from "../../../grammar/index.js";
import { formatStylish } from "../../format/stylish.js";
import { lintText } from "../../lint.js";
import { ExitCode } from "../exit-codes.js";
import { encode, readInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import type { CommandState } from "./shared.js";

export function registerFmt(program: Command, io: CliIo, state: CommandState): void {
  program
    .command("fmt")
    .description("print the parsed ruleset (byte for byte what iptables-save printed)")
    .argument("<path>", "a ruleset file; - reads standard input")
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .option("--compact", "one space between words, \\n line ends, a final newline")
    .action(async (path: string, options: { stdinFilename: string; compact?: boolean }) => {
      const [input] = await readInputs([path], options.stdinFilename, io);
      const { document, diagnostics } = lintText(input.text, { filePath: input.name });
      // Only what did not parse stops fmt: rule findings are lint's business.
      const errors = diagnostics.filter((d) => d.ruleId === SYNTAX);
      if (errors.length > 0) {
        // Never print a ruleset that did not parse: the output could silently lose lines.
        io.stderr.write(formatStylish([{ filePath: input.name, diagnostics: errors, document }]));
        state.exitCode = ExitCode.Findings;
        return;
      }
      io.stdout.write(encode(print(document, { style: options.compact ? "compact" : "preserve" }), input));
    });

}
