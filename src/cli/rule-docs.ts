/** Reading the rules' READMEs that ship in the package, offline: `iptlint explain` and SARIF's rule help. */
import { join } from "node:path";
import type { CliIo } from "./io.js";
import { packageRoot } from "./package-info.js";

/** A rule's README, as it is in the package. */
export async function readRuleReadme(io: CliIo, ruleId: string): Promise<string> {
  return (await io.readFile(join(packageRoot, "rules", ruleId, "README.md"))).toString("utf8");
}

/** The READMEs of these rules, by id. */
export async function readRuleReadmes(io: CliIo, ruleIds: readonly string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(ruleIds.map(async (id) => [id, await readRuleReadme(io, id)] as const)));
}
