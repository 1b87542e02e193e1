/** What the commands share: the options of lint and fix, and the node context they resolve. */
import { Option, type Command } from "commander";
import { dirname } from "node:path";
import type { NodeContext } from "../../../rules/types.js";
import { NO_CONFIG } from "../../config/load.js";
import { resolveSettings, type FileSettings } from "../../config/resolve.js";
import type { Input } from "../inputs.js";
import type { CliIo } from "../io.js";

export interface LintOptions {
  stdinFilename: string;
  kernelVersion?: string;
  kubernetesVersion?: string;
  iptablesVersion?: string;
  /** `--family 4|6`: over the configuration's `family` and what each file says. */
  family?: "4" | "6";
  /** A path, or false for --no-config. */
  config?: string | false;
}

/** The state a command leaves for `main`: its exit code. */
export interface CommandState {
  exitCode: number;
}

/** The options `lint` and `fix` share: standard input's name, the node, the configuration. */
export function withLintOptions(command: Command): Command {
  return command
    .option("--stdin-filename <name>", "the name to report for standard input", "<stdin>")
    .option("--kernel-version <release>", "the node's kernel (uname -r), to weigh the findings")
    .option("--kubernetes-version <version>", "the node's Kubernetes (kube-proxy) version, to weigh the findings")
    .option("--iptables-version <version>", "the node's iptables release (iptables --version), to report options it lacks")
    .addOption(new Option("--family <family>", "lint as iptables (4) or ip6tables (6) rulesets, whatever their headers and names say").choices(["4", "6"]))
    .option("-c, --config <path>", "use this configuration file instead of searching for one")
    .option("--no-config", "use no configuration file");
}

/** The settings for an input: its configuration (`--config`, else found from its folder upward; none with --no-config). */
export async function settingsFor(input: Input, options: LintOptions, io: CliIo): Promise<FileSettings> {
  const loaded =
    options.config === false
      ? NO_CONFIG
      : await io.loadConfig(typeof options.config === "string" ? { path: options.config } : { directory: input.path === undefined ? undefined : dirname(input.path) });
  const settings = resolveSettings(loaded, input.path ?? options.stdinFilename);
  if (options.family !== undefined) settings.family = { family: options.family === "6" ? 6 : 4, because: `\`--family ${options.family}\`` };
  return settings;
}

/** The node as the command line describes it; each flag given wins over the configuration's field. */
export const nodeFlags = (options: LintOptions): NodeContext => ({
  kernelVersion: options.kernelVersion,
  kubernetesVersion: options.kubernetesVersion,
  iptablesVersion: options.iptablesVersion,
});
