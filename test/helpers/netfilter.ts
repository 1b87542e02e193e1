/**
 * Running the real iptables in a private network namespace.
 *
 * These tests need root, `ip` (iproute2) and Debian's iptables (nft and legacy). Elsewhere
 * they skip and say why; with IPTLINT_REQUIRE_NETFILTER=1 (set by .ci/run) a missing piece
 * fails the test instead, so CI can never pass them by skipping. IPTLINT_SKIP_NETFILTER=1 skips
 * them on purpose (the mutation run).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";

// iptables-legacy takes the machine-wide /run/xtables.lock even inside a network namespace
// and waits for it, so any other iptables process (another test file, the benchmark) would
// stall these tests. Each namespace here is private and used by one command at a time, so a
// lock file of this process's own is safe; `ip netns exec` passes the environment on.
const lockFile = join(tmpdir(), `iptlint-tests-${process.pid}.xtables.lock`);
process.env.XTABLES_LOCKFILE = lockFile;
process.on("exit", () => rmSync(lockFile, { force: true }));

export type Backend = "nft" | "legacy";
export type Family = 4 | 6;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const which = (tool: string): boolean => spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).status === 0;

let cachedReason: string | null | undefined;

/** Why the real iptables cannot be used here, or null when it can. */
export function netfilterUnavailableReason(): string | null {
  if (cachedReason !== undefined) return cachedReason;
  const missing = ["ip", "iptables-nft-restore", "iptables-legacy-restore", "ip6tables-nft-restore", "ip6tables-legacy-restore"].filter(
    (tool) => !which(tool),
  );
  // The mutation run (npm run mutate) leaves the real iptables out: its checks are slow and
  // test the fixtures more than the code.
  if (process.env.IPTLINT_SKIP_NETFILTER === "1") cachedReason = "IPTLINT_SKIP_NETFILTER=1";
  else if (process.getuid?.() !== 0) cachedReason = "needs root to create network namespaces";
  else if (missing.length) cachedReason = `needs ${missing.join(", ")} (Debian packages iptables and iproute2)`;
  else cachedReason = null;
  return cachedReason;
}

/**
 * Skips the test with the reason when the real iptables is not available, or fails it when
 * IPTLINT_REQUIRE_NETFILTER=1. Returns true when the test may go on.
 */
export function requireNetfilter(t: TestContext): boolean {
  const reason = netfilterUnavailableReason();
  if (reason === null) return true;
  if (process.env.IPTLINT_REQUIRE_NETFILTER === "1") assert.fail(`netfilter tests are required here but ${reason}`);
  t.skip(reason);
  return false;
}

let namespaceCount = 0;

/** A throwaway network namespace; always deleted, even when `body` throws. */
export async function withNamespace<T>(label: string, body: (ns: Namespace) => Promise<T> | T): Promise<T> {
  const name = `iptlint-${label}-${process.pid}-${namespaceCount++}`.slice(0, 60);
  const created = spawnSync("ip", ["netns", "add", name], { encoding: "utf8" });
  assert.equal(created.status, 0, `ip netns add ${name}: ${created.stderr}`);
  try {
    return await body(new Namespace(name));
  } finally {
    spawnSync("ip", ["netns", "delete", name]);
  }
}

export class Namespace {
  constructor(readonly name: string) {}

  /** Runs a command inside the namespace. */
  run(command: string, args: string[], input?: string): RunResult {
    const result = spawnSync("ip", ["netns", "exec", this.name, command, ...args], {
      input,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `iptables-restore` (or ip6tables-restore) of the backend; fails the test if it refuses. */
  restore(backend: Backend, family: Family, text: string, args: string[] = []): RunResult {
    const result = this.run(tool("restore", backend, family), args, text);
    assert.equal(result.status, 0, `${tool("restore", backend, family)} ${args.join(" ")} refused the ruleset:\n${result.stderr}\n${text}`);
    return result;
  }

  /** `iptables-save` of the backend, with extra arguments such as `-c` or `-t nat`. */
  save(backend: Backend, family: Family, args: string[] = []): string {
    const result = this.run(tool("save", backend, family), args);
    assert.equal(result.status, 0, `${tool("save", backend, family)} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** `iptables -S` (args such as `-t nat`, `-v`). */
  listRules(backend: Backend, family: Family, args: string[] = []): string {
    const command = `${family === 6 ? "ip6tables" : "iptables"}-${backend}`;
    const result = this.run(command, ["-S", ...args]);
    assert.equal(result.status, 0, `${command} -S failed: ${result.stderr}`);
    return result.stdout;
  }
}

/** `iptables-nft-restore`, `ip6tables-legacy-save`, ... */
export function tool(kind: "restore" | "save", backend: Backend, family: Family): string {
  return `${family === 6 ? "ip6tables" : "iptables"}-${backend}-${kind}`;
}
