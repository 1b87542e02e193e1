/** What the commands share: the options of lint and fix, and the node context they resolve. */
import type { Command } from "commander";
import { dirname } from "node:path";
import type { NodeContext } from "../../../rules/types.js";
import type { Config } from "../../config/load.js";
import type { Input } from "../inputs.js";
import type { CliIo } from "../io.js";

export interface LintOptions {
  stdinFilename: string;
  kernelVersion?: string;
  kubernetesVersion?: string;
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
    .option("-c, --config <path>", "use this configuration file instead of searching for one")
    .option("--no-config", "use no configuration file");
}

/** The configuration for an input: `--config`, else found from its folder upward; none with --no-config. */
export async function configFor(input: Input, options: LintOptions, io: CliIo): Promise<Config> {
  if (options.config === false) return {};
  const directory = input.path === undefined ? undefined : dirname(input.path);
  return (await io.loadConfig(typeof options.config === "string" ? { path: options.config } : { directory })).config;
}

/** What is known of the node: the command line's flags over the configuration's `node`. */
export async function nodeContext(input: Input, options: LintOptions, io: CliIo): Promise<NodeContext> {
  const config = await configFor(input, options, io);
  return {
    kernelVersion: options.kernelVersion ?? config.node?.kernelVersion,
    kubernetesVersion: options.kubernetesVersion ?? config.node?.kubernetesVersion,
  };
}
