/**
 * The paths a user gives: files, folders walked for rulesets, and quoted glob patterns. A
 * pattern or folder that yields no ruleset is a usage error; a missing file is left for the
 * reader to report as unreadable.
 */
import { isAbsolute } from "node:path";
import { lazyModule } from "../lazy.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

/** The names of ruleset files looked for in folders (the pre-commit hook's `files` too). */
export const RULESET_PATTERNS = ["**/rules.v4", "**/rules.v6", "**/*.rules", "**/iptables-save*", "**/ip6tables-save*", "**/*.iptables", "**/*.ip6tables", "**/*.save"];

const tinyglobby = lazyModule<typeof import("tinyglobby")>("tinyglobby");

const SKIPPED_FOLDERS = ["**/node_modules/**", "**/.git/**"];

export async function expandPaths(paths: readonly string[], io: CliIo): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if (path === "-") {
      out.push(path);
    } else if (mayBePattern(path) && tinyglobby().isDynamicPattern(path)) {
      // Found files are named the way the pattern was: absolute for an absolute pattern.
      const matches = await io.glob([path], { cwd: io.cwd, ignore: SKIPPED_FOLDERS, absolute: isAbsolute(path) });
      if (matches.length === 0) throw new UsageError(`no file matches the pattern ${path}`);
      out.push(...matches);
    } else if (await isFolder(path, io)) {
      const found = await io.glob(
        RULESET_PATTERNS.map((p) => `${path.replace(/\/+$/, "")}/${p}`),
        { cwd: io.cwd, ignore: SKIPPED_FOLDERS, absolute: isAbsolute(path) },
      );
      if (found.length === 0) throw new UsageError(`no ruleset in ${path} (looked for ${RULESET_PATTERNS.map((p) => p.replace("**/", "")).join(", ")})`);
      out.push(...found);
    } else {
      out.push(path);
    }
  }
  return [...new Set(out)];
}

/** A path without any of these characters is no pattern: tinyglobby is asked (and loaded) only for the others. */
const mayBePattern = (path: string): boolean => /[*?[\]{}()!@+]/.test(path);

async function isFolder(path: string, io: CliIo): Promise<boolean> {
  try {
    return await io.isDirectory(path);
  } catch {
    return false; // missing: the reader says so
  }
}
