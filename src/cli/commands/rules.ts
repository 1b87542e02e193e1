/** `iptlint rules` lists the rules; `iptlint explain RULE` prints a rule's documentation, offline. */
import type { Command } from "commander";
import { allRules } from "../../../rules/index.js";
import { BUILTIN_FINDINGS } from "../../builtin-findings.js";
import { nearest } from "../../config/load.js";
import { UsageError } from "../errors.js";
import type { CliIo } from "../io.js";
import { readRuleReadme } from "../rule-docs.js";
import type { CommandState } from "./shared.js";

export function registerRules(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("rules")
    .description("list the rules: id, default severity, whether it fixes, what it finds")
    .option("-f, --format <format>", "text or json", "text")
    .action((options: { format: string }) => {
      const rows = [
        ...allRules.map((r) => ({ id: r.id, severity: r.severity, fixable: r.fixable, description: r.description })),
        ...BUILTIN_FINDINGS.map((f) => ({ id: f.id, severity: f.severity, fixable: false as const, description: f.description })),
      ];
      if (options.format === "json") {
        io.stdout.write(JSON.stringify(rows, null, 2) + "\n");
        return;
      }
      if (options.format !== "text") throw new UsageError(`rules: unknown format \`${options.format}\`: use text or json`);
      const idWidth = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows) {
        const fixable = r.fixable ? `fixable (${r.fixable})` : "not fixable";
        io.stdout.write(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${fixable.padEnd(16)}  ${r.description}\n`);
      }
    });
}

export function registerExplain(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("explain")
    .description("print a rule's documentation: what it does, why it matters, an example, the fix")
    .argument("<rule>", "a rule id, as `iptlint rules` lists them")
    .action(async (id: string) => {
      const builtin = BUILTIN_FINDINGS.find((f) => f.id === id);
      if (builtin) {
        io.stdout.write(`# ${builtin.id}\n\nDefault severity: ${builtin.severity}. Reported by iptlint itself, not by a rule.\n\n${builtin.description}.\n`);
        return;
      }
      const rule = allRules.find((r) => r.id === id);
      if (!rule) {
        const guess = nearest(id, [...allRules, ...BUILTIN_FINDINGS].map((r) => r.id));
        throw new UsageError(`explain: unknown rule \`${id}\`${guess ? `: did you mean \`${guess}\`?` : ""} (see \`iptlint rules\`)`);
      }
      io.stdout.write(await readRuleReadme(io, rule.id));
    });
}
