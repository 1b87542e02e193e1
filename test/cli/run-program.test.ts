/**
 * `nodeIo().run`, which `--live` reads the save tools with: the output comes back as the bytes
 * the program wrote, through a temporary file with no name (nothing is left behind), or through
 * a pipe where no file can be made; a failure keeps its exit status and standard error.
 */
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { nodeIo } from "../../src/cli/io.js";

async function withTmpdir<T>(folder: string, body: () => Promise<T>): Promise<T> {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

test("run: a program's output, byte for byte, through a file that leaves nothing behind, or a pipe where none can be made", async () => {
  const folder = mkdtempSync(join(tmpdir(), "iptlint-run-"));
  try {
    // 3 MB with every byte value, more than a pipe holds at once.
    const out = join(folder, "out");
    const script = `head -c 3000000 /dev/urandom > ${out}; for i in 0 1 2 3 4 5 6 7; do printf '\\377\\000\\n'; done >> ${out}; cat ${out}; echo warned >&2`;
    for (const writable of [true, false]) {
      const tmp = mkdtempSync(join(folder, "tmp-"));
      // Root may write anywhere: a folder that does not exist is what a read-only TMPDIR is to open().
      const r = await withTmpdir(writable ? tmp : join(tmp, "missing"), () => nodeIo(folder).run("sh", ["-c", script]));
      assert.equal(r.status, 0);
      assert.equal(r.stderr, "warned\n");
      assert.ok(Buffer.isBuffer(r.stdout));
      assert.ok((r.stdout as Buffer).equals(readFileSync(out)), `${writable}: the same bytes`);
      assert.deepEqual(readdirSync(tmp), [], "nothing left in TMPDIR");
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("run: a missing program, one that may not run, and one that fails keep what --live reports of them", async () => {
  const folder = mkdtempSync(join(tmpdir(), "iptlint-run-"));
  try {
    const io = nodeIo(folder);
    assert.equal((await io.run("iptlint-no-such-program", [])).error, "ENOENT");
    const script = join(folder, "script.sh");
    await io.writeFileAtomic("script.sh", Buffer.from("#!/bin/sh\necho out\n"), { create: true });
    chmodSync(script, 0o644);
    assert.equal((await io.run(script, [])).error, "EACCES");
    const failed = await io.run("sh", ["-c", "echo partial; echo 'Permission denied (you must be root)' >&2; exit 3"]);
    assert.deepEqual([failed.status, failed.stdout.toString(), failed.stderr, failed.error], [3, "partial\n", "Permission denied (you must be root)\n", undefined]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
