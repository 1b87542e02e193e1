/**
 * The repository as a fresh clone has it, for the tests of real clients (npm, pre-commit, the
 * GitHub Action): a new git repository in a temporary folder holding the files git would commit
 * (tracked or new, not ignored) as they are in the working tree, in one commit. No node_modules,
 * no build/: only what a user's clone has.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./project.js";

export const run = promisify(execFile);

/** A commit author, so that git commits anywhere (CI has no git identity configured). */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "iptlint tests",
  GIT_AUTHOR_EMAIL: "tests@iptlint.invalid",
  GIT_COMMITTER_NAME: "iptlint tests",
  GIT_COMMITTER_EMAIL: "tests@iptlint.invalid",
};

export interface Checkout {
  dir: string;
  /** The commit's hash. */
  commit: string;
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `iptlint-${prefix}-`));
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies the repository's committable files into `dir` (made if need be) and commits them there. */
export async function freshClone(dir: string): Promise<Checkout> {
  const { stdout } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: projectRoot, maxBuffer: 64 << 20 });
  for (const file of stdout.split("\0")) {
    const from = join(projectRoot, file);
    // A tracked file deleted in the working tree is not in the next commit either.
    if (file === "" || !existsSync(from) || statSync(from).isDirectory()) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(from, join(dir, file));
  }
  const git = (...args: string[]) => run("git", args, { cwd: dir, env: { ...process.env, ...GIT_IDENTITY } });
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "--no-verify", "-m", "snapshot of the working tree");
  const { stdout: commit } = await git("rev-parse", "HEAD");
  return { dir, commit: commit.trim() };
}
