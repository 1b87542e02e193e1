/**
 * `--live`: the rulesets of the running node, from iptables-save and ip6tables-save of both
 * backends where the node has them. Run with execFile, never a shell.
 */
import { UnreadableInput } from "./errors.js";
import { inputOf, type Input } from "./inputs.js";
import type { CliIo } from "./io.js";

/** Split binaries first (Debian, Ubuntu, Fedora); plain ones where a distribution has only those. */
const SAVE_TOOLS = ["iptables-nft-save", "iptables-legacy-save", "ip6tables-nft-save", "ip6tables-legacy-save"];
const FALLBACK_TOOLS = ["iptables-save", "ip6tables-save"];

/** The node's rulesets; `digest`, when given, hashes each save tool's output (`Input.digest`). */
export async function liveInputs(io: CliIo, digest?: (bytes: Buffer) => string): Promise<Input[]> {
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
    // Bytes, decoded as a file is (`inputOf`) when first read: a run answered from the cache never decodes them.
    .map((r) =>
      inputOf({ name: `live:${r.tool}`, path: undefined, live: true, ...(isBlank(r.output) ? { partnerOnly: true } : {}), ...(digest ? { digest: digest(r.output) } : {}) }, r.output),
    );
}

/** Whether the output is empty or white space only (a backend with no tables). */
function isBlank(bytes: Buffer): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

interface Ran {
  tool: string;
  missing: boolean;
  output: Buffer;
  problem?: string;
}

async function runAll(tools: string[], io: CliIo): Promise<Ran[]> {
  const ran: Ran[] = [];
  for (const tool of tools) {
    const result = await io.run(tool, []);
    if (result.error === "ENOENT") {
      ran.push({ tool, missing: true, output: Buffer.alloc(0) });
    } else if (result.error !== undefined || result.status !== 0) {
      const said = result.stderr.trim().split("\n").filter((l) => !l.startsWith("# Warning:"))[0] ?? "";
      const permission = result.error === "EACCES" || /permission denied|operation not permitted/i.test(said);
      const problem = permission ? `permission denied (reading the live rules needs root or CAP_NET_ADMIN)${said ? `: ${said}` : ""}` : said || `exit status ${result.status}`;
      ran.push({ tool, missing: false, output: Buffer.alloc(0), problem });
    } else {
      ran.push({ tool, missing: false, output: typeof result.stdout === "string" ? Buffer.from(result.stdout) : result.stdout });
    }
  }
  return ran;
}
