/** `iptlint init` writes a commented configuration; `iptlint print-config` shows the one in force. */
import type { Command } from "commander";
import { join, resolve } from "node:path";
import { allRules } from "../../../rules/index.js";
import { resolveSettings } from "../../config/resolve.js";
import { UsageError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { CommandState } from "./shared.js";

const CONFIG_FILE = ".iptlintrc.yaml";

/** The configuration `init` writes: every key, commented, with the defaults. */
export function initialConfig(): string {
  const rules = allRules.map((r) => `#   # ${r.description}\n#   ${r.id}: ${r.severity}`).join("\n");
  return `# yaml-language-server: $schema=./node_modules/iptlint/src/config/iptlint.schema.json
# iptlint configuration, found from each linted file's folder upward.

# What is known of the nodes these rulesets come from; it weighs the findings. The command
# line's --kernel-version, --kubernetes-version and --iptables-version take precedence.
# node:
#   kernelVersion: 5.4.0-107-generic   # uname -r
#   kubernetesVersion: v1.18.2
#   iptablesVersion: 1.8.4             # iptables --version

# The severity of each rule: off, info, warning or error. A rule left out weighs each finding
# itself (masquerade-mark-not-cleared: error or warning, by the node); one given a severity
# reports every finding at it.
# rules:
${rules}

# Settings for some files only, by glob relative to this file's folder.
# overrides:
#   - files: ["nodes/legacy-*/**"]
#     node: { kernelVersion: 3.10.0-1127.el7.x86_64 }

# Files never to lint.
# ignores: ["archive/**"]

# Suppressions (# iptlint-disable ...) that suppress nothing: off, info, warning or error.
reportUnusedSuppressions: warning
`;
}

export function registerInit(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("init")
    .description(`write a commented ${CONFIG_FILE} in the current folder`)
    .action(async () => {
      const path = join(io.cwd, CONFIG_FILE);
      try {
        await io.writeNewFile(path, initialConfig());
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`init: ${path} exists already; not overwritten`);
        throw error;
      }
      io.stdout.write(`wrote ${path}\n`);
    });
}

export function registerPrintConfig(program: Command, io: CliIo, _state: CommandState): void {
  program
    .command("print-config")
    .description("print the configuration that applies to a file (or to the current folder)")
    .argument("[path]", "a ruleset file")
    .action(async (path: string | undefined) => {
      const directory = path === undefined ? io.cwd : resolve(io.cwd, path, "..");
      const loaded = await io.loadConfig({ directory });
      const settings = resolveSettings(loaded, path);
      const printable = {
        configFile: loaded.filePath ?? null,
        ignored: settings.ignored,
        node: settings.node,
        rules: Object.fromEntries([...settings.rules].map(([id, { severity, options }]) => [id, options === undefined ? severity : [severity, options]])),
        reportUnusedSuppressions: settings.reportUnusedSuppressions,
      };
      io.stdout.write(JSON.stringify(printable, null, 2) + "\n");
    });
}
