import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prefetchInputs, takePrefetched } from "../../src/cli/prefetch.js";
import { nodeIo } from "../../src/cli/io.js";

function withFolder(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-prefetch-"));
  return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** A dump-like file of about `megabytes` MiB, every line different so that a misplaced chunk shows. */
function bigDump(megabytes: number): Buffer {
  const lines = ["*filter"];
  for (let i = 0; lines.length * 60 < megabytes * (1 << 20); i++) lines.push(`-A INPUT -s 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32 -j ACCEPT`);
  lines.push("COMMIT", "");
  return Buffer.from(lines.join("\n"));
}

test("a big input is read while the CLI loads, and readFile gives exactly its bytes", () =>
  withFolder(async (dir) => {
    const path = join(dir, "big.save");
    writeFileSync(path, bigDump(3));
    prefetchInputs(["lint", "big.save", "-f", "json"], dir);
    const io = nodeIo(dir);
    // The prefetched bytes are the file's; a second read (nothing prefetched any more) reads the disk.
    assert.ok((await io.readFile("big.save")).equals(readFileSync(path)));
    writeFileSync(path, "*filter\nCOMMIT\n");
    assert.equal((await io.readFile("big.save")).toString(), "*filter\nCOMMIT\n");
  }));

test("small files, folders, missing paths and options are not prefetched", () =>
  withFolder(async (dir) => {
    writeFileSync(join(dir, "small.save"), "*filter\nCOMMIT\n");
    prefetchInputs(["small.save", ".", "missing.save", "--live", "-"], dir);
    for (const name of ["small.save", ".", "missing.save", "--live", "-"]) assert.equal(await takePrefetched(join(dir, name)), undefined, name);
  }));

test("a file that grew after its size was read is read to its end", () =>
  withFolder(async (dir) => {
    const path = join(dir, "growing.save");
    const first = bigDump(2);
    writeFileSync(path, first);
    prefetchInputs([path], dir);
    // The read may or may not have passed the old end when this lands; either way it ends at an end the file had.
    appendFileSync(path, "# appended\n");
    const bytes = await takePrefetched(path);
    assert.ok(bytes !== undefined);
    assert.ok(bytes.equals(first) || bytes.equals(readFileSync(path)), `read ${bytes.length} bytes`);
  }));
