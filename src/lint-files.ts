/**
 * Linting files the way the command line does: paths, folders searched for rulesets and glob
 * patterns; each file with the configuration found from its folder upward.
 */
import { settingsFor } from "./cli/commands/shared.js";
import { readInputs } from "./cli/inputs.js";
import { nodeIo, type CliIo } from "./cli/io.js";
import { expandPaths } from "./cli/paths.js";
import type { NodeContext } from "../rules/types.js";
import { lintHere, type LintJob } from "./cli/lint-pool.js";
import type { LintResult } from "./lint.js";
import { nodePartners, type NodeCandidate } from "./nodes.js";

export interface LintFilesOptions {
  /** What is known of the node; over the configuration's `node`. */
  node?: NodeContext;
  /** A configuration file to use instead of searching, or false for none. */
  config?: string | false;
  /** Where relative paths start; the process's working folder by default. */
  cwd?: string;
}

/** Throws the CLI's errors: UnreadableInput (a file cannot be read), UsageError (a pattern matched nothing), ConfigError. */
export async function lintFiles(paths: readonly string[], options: LintFilesOptions = {}, io: CliIo = nodeIo(options.cwd)): Promise<LintResult[]> {
  const base = io;
  const inputs = await readInputs(await expandPaths(paths, base), "<stdin>", base);
  const jobs: LintJob[] = [];
  const linted: NodeCandidate[] = [];
  for (const input of inputs) {
    const settings = await settingsFor(input, { stdinFilename: "<stdin>", config: options.config }, base);
    if (settings.ignored) continue;
    jobs.push({ id: jobs.length, text: input.text, filePath: input.name, settings, node: options.node ?? {} });
    linted.push({ ...input, nodeKey: settings.nodeKey });
  }
  // A node's files are linted together (`nodes.ts`), as the command line does.
  nodePartners(linted).forEach((partners, i) => (jobs[i].partners = partners));
  return lintHere(jobs);
}
