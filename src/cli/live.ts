/**
 * `--live`: the rulesets of the running node, from iptables-save and ip6tables-save of both
 * backends where the node has them. Run with execFile, never a shell.
 */
import { UnreadableInput } from "./errors.js";
import type { Input } from "./inputs.js";
import type { CliIo } from "./io.js";

/** Split binaries first (Debian, Ubuntu, Fedora); plain ones where a distribution has only those. */
const SAVE_TOOLS = ["iptables-nft-save", "iptables-legacy-save", "ip6tables-nft-save", "ip6tables-legacy-save"];
const FALLBACK_TOOLS = ["iptables-save", "ip6tables-save"];

export async function liveInputs(io: CliIo): Promise<Input[]> {
  let ran = await runAll(SAVE_TOOLS, io);
  if (ran.every((r) => r.missing)) ran = await runAll(FALLBACK_TOOLS, io);
  if (ran.every((r) => r.missing)) {
    throw new UnreadableInput(`--live: none of ${[...SAVE_TOOLS, ...FALLBACK_TOOLS].join(", ")} is installed (Debian package iptables)`);
  }
  const refused = ran.find((r) => r.problem !== undefined);
  if (refused) throw new UnreadableInput(`--live: ${refused.tool} failed: ${refused.problem}`);
  // A backend with no tables prints nothing: nothing of it to lint, but it is part of the node
  // (an IPv6 side with no tables accepts everything), which node rules compare.
  return ran
    .filter((r) => !r.missing)
    // The output is already text, read as UTF-8 (`io.run`): encoding it again to decode it cost a
    // 10,000-service dump 50 MB of fresh memory and gave back the same text.
    .map((r): Input => ({ name: `live:${r.tool}`, path: undefined, live: true, ...(r.output.trim() === "" ? { partnerOnly: true } : {}), text: r.output, encoding: "utf8" }));
}

interface Ran {
  tool: string;
  missing: boolean;
  output: string;
  problem?: string;
}

async function runAll(tools: string[], io: CliIo): Promise<Ran[]> {
  const ran: Ran[] = [];
  for (const tool of tools) {
    const result = await io.run(tool, []);
    if (result.error === "ENOENT") {
      ran.push({ tool, missing: true, output: "" });
    } else if (result.error !== undefined || result.status !== 0) {
      const said = result.stderr.trim().split("\n").filter((l) => !l.startsWith("# Warning:"))[0] ?? "";
      const permission = result.error === "EACCES" || /permission denied|operation not permitted/i.test(said);
      const problem = permission ? `permission denied (reading the live rules needs root or CAP_NET_ADMIN)${said ? `: ${said}` : ""}` : said || `exit status ${result.status}`;
      ran.push({ tool, missing: false, output: "", problem });
    } else {
      ran.push({ tool, missing: false, output: result.stdout });
    }
  }
  return ran;
}
