/**
 * `iptlint fix` in place, in a real file system, as root and as an unprivileged user (nobody,
 * through setpriv): a symbolic link is followed and kept; the owner, group and mode are kept; a
 * file the user may not write is left as it was, with a clear error and exit code 4.
 */
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, chownSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { binPath, fromRoot } from "../helpers/project.js";

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const notRoot = isRoot ? false : "changing owners and running as another user needs root";
const NOBODY_ARGS = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];

// CR LF line ends: `fix` rewrites them (a safe fix).
const CRLF = "*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -i lo -j ACCEPT\r\nCOMMIT\r\n";
const FIXED = CRLF.replaceAll("\r\n", "\n");

let dir: string;
/** The CLI as a user other than root can run it: the project's own, or a copy where nobody can read it. */
let nobodysBin: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "iptlint-write-"));
  chmodSync(dir, 0o755);
  if (!isRoot) return;
  nobodysBin = binPath;
  const reachable = spawnSync("setpriv", [...NOBODY_ARGS, process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(binPath)})`]);
  if (reachable.status !== 0) {
    // The project lies where nobody may not look (a clone under /root): run a copy.
    const copy = join(dir, "iptlint");
    // The bundle carries its dependencies: the package's own files are all it needs.
    for (const part of ["dist", "package.json"]) cpSync(fromRoot(part), join(copy, part), { recursive: true });
    nobodysBin = join(copy, "dist", "iptlint.js");
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `iptlint fix --no-config FILE` in `cwd`, as root or as nobody. */
function fix(cwd: string, file: string, as: "root" | "nobody" = "root"): SpawnSyncReturns<string> {
  const args = [as === "root" ? binPath : nobodysBin, "fix", "--no-config", file];
  const options = { cwd, encoding: "utf8" as const, env: { ...process.env, HOME: dir } };
  return as === "root" ? spawnSync(process.execPath, args, options) : spawnSync("setpriv", [...NOBODY_ARGS, process.execPath, ...args], options);
}

/** A fresh folder with the given mode and owner. */
function folder(name: string, mode: number, owner = 0): string {
  const path = join(dir, name);
  mkdirSync(path);
  chownSync(path, owner, owner);
  chmodSync(path, mode);
  return path;
}

function file(path: string, mode: number, owner = 0, group = owner): void {
  writeFileSync(path, CRLF);
  chownSync(path, owner, group);
  chmodSync(path, mode);
}

const noTemporaryFiles = (folderPath: string) => assert.deepEqual(readdirSync(folderPath).filter((n) => n.includes(".iptlint-")), []);

test("fix in place: a symbolic link is followed: the file it points to is fixed, the link kept", { skip: notRoot }, () => {
  const real = folder("real", 0o755);
  const links = folder("links", 0o755);
  file(join(real, "rules.v4"), 0o640);
  symlinkSync("../real/rules.v4", join(links, "rules.v4"));
  const r = fix(links, "rules.v4");
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(join(links, "rules.v4")).isSymbolicLink(), "still a link");
  assert.equal(readlinkSync(join(links, "rules.v4")), "../real/rules.v4");
  assert.equal(readFileSync(join(real, "rules.v4"), "utf8"), FIXED);
  assert.equal(statSync(join(real, "rules.v4")).mode & 0o7777, 0o640);
  noTemporaryFiles(real);
  noTemporaryFiles(links);
});

test("fix in place: the owner, group and mode are kept (root fixing another user's file)", { skip: notRoot }, () => {
  const home = folder("owned", 0o755);
  file(join(home, "rules.v4"), 0o640, NOBODY, NOBODY);
  const r = fix(home, "rules.v4");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(home, "rules.v4"), "utf8"), FIXED);
  const after = statSync(join(home, "rules.v4"));
  assert.deepEqual([after.uid, after.gid, after.mode & 0o7777], [NOBODY, NOBODY, 0o640]);
});

test("fix in place: root fixes a read-only (0444) file and it stays read-only, as sed -i does", { skip: notRoot }, () => {
  const home = folder("root-readonly", 0o755);
  file(join(home, "rules.v4"), 0o444);
  const r = fix(home, "rules.v4");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(home, "rules.v4"), "utf8"), FIXED);
  assert.equal(statSync(join(home, "rules.v4")).mode & 0o7777, 0o444);
});

test("fix in place: a user fixes their own file, which keeps its owner and group", { skip: notRoot }, () => {
  const home = folder("nobody-own", 0o755, NOBODY);
  file(join(home, "rules.v4"), 0o600, NOBODY);
  const r = fix(home, "rules.v4", "nobody");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(home, "rules.v4"), "utf8"), FIXED);
  const after = statSync(join(home, "rules.v4"));
  assert.deepEqual([after.uid, after.gid, after.mode & 0o7777], [NOBODY, NOBODY, 0o600]);
});

/** What a refused write must look like: exit 4, one clear line, the file as it was, nothing left behind. */
function assertRefused(r: SpawnSyncReturns<string>, path: string, mode: number, reason: RegExp): void {
  assert.equal(r.status, 4, r.stderr);
  assert.doesNotMatch(r.stderr, /internal error|bug/);
  assert.match(r.stderr, new RegExp(`^iptlint: cannot write rules\\.v4: ${reason.source}`, "m"));
  assert.equal(readFileSync(path, "utf8"), CRLF, "the file is untouched");
  assert.equal(statSync(path).mode & 0o7777, mode);
}

test("fix in place: a user's read-only (0444) file in a folder they may write: exit 4, file untouched", { skip: notRoot }, () => {
  const home = folder("nobody-readonly", 0o755, NOBODY);
  file(join(home, "rules.v4"), 0o444, NOBODY);
  assertRefused(fix(home, "rules.v4", "nobody"), join(home, "rules.v4"), 0o444, /permission denied \(the file is read-only for this user\)/);
  noTemporaryFiles(home);
});

test("fix in place: a writable file in a read-only folder: exit 4, file untouched", { skip: notRoot }, () => {
  const home = folder("nobody-readonly-folder", 0o755, NOBODY);
  file(join(home, "rules.v4"), 0o644, NOBODY);
  chmodSync(home, 0o555);
  assertRefused(fix(home, "rules.v4", "nobody"), join(home, "rules.v4"), 0o644, /permission denied: cannot create a file in /);
  noTemporaryFiles(home);
});

test("fix in place: a file a user may write but not own (mode 0666, root's): refused, its owner would change", { skip: notRoot }, () => {
  const home = folder("shared", 0o777);
  file(join(home, "rules.v4"), 0o666);
  const r = fix(home, "rules.v4", "nobody");
  assertRefused(r, join(home, "rules.v4"), 0o666, /it belongs to user 0, group 0/);
  assert.equal(statSync(join(home, "rules.v4")).uid, 0);
  noTemporaryFiles(home);
});

test("fix in place: a file with other names (hard links) is fixed under every name, the same file as before", { skip: notRoot }, () => {
  const home = folder("hardlinks", 0o755);
  file(join(home, "rules.v4"), 0o640, NOBODY, NOBODY);
  linkSync(join(home, "rules.v4"), join(home, "rules.v4.link"));
  const inode = statSync(join(home, "rules.v4")).ino;
  const r = fix(home, "rules.v4");
  assert.equal(r.status, 0, r.stderr);
  for (const name of ["rules.v4", "rules.v4.link"]) {
    assert.equal(readFileSync(join(home, name), "utf8"), FIXED, name);
    const after = statSync(join(home, name));
    assert.deepEqual([after.ino, after.nlink, after.uid, after.gid, after.mode & 0o7777], [inode, 2, NOBODY, NOBODY, 0o640], name);
  }
  noTemporaryFiles(home);
});
