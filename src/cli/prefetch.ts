/**
 * Reading big input files while the rest of the command line loads. `bin.ts` starts the read of
 * every argument naming a large regular file before it imports the CLI; compiling and running
 * the CLI's code takes a tenth of a second or more, in which one read of a 25 MB dump (most of it
 * the kernel filling fresh pages) finishes on one of libuv's threads instead of on the main one.
 * `nodeIo().readFile` takes a prefetched file's bytes; any other path, or a read that failed, is
 * read as before, so a prefetch changes when bytes are read, never what is read or reported.
 *
 * No import here but node:fs and node:path: this module runs before the CLI's code is loaded.
 */
import { close, fstat, open, read, statSync, type Stats } from "node:fs";
import { resolve } from "node:path";

/** Below this, a file is read in less time than starting its read costs to think about. */
const PREFETCH_MIN_BYTES = 1 << 20;

const prefetched = new Map<string, Promise<Buffer>>();

/** Starts reading each argument that names a regular file of at least 1 MiB (an option's value too: a wasted read, nothing worse). */
export function prefetchInputs(args: readonly string[], cwd = process.cwd()): void {
  for (const arg of args) {
    if (arg === "-" || arg.startsWith("-")) continue;
    const path = resolve(cwd, arg);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (!stats.isFile() || stats.size < PREFETCH_MIN_BYTES || prefetched.has(path)) continue;
    const bytes = readWhole(path);
    // A failed prefetch is read again by the CLI, which reports the error in its own words.
    bytes.catch(() => {});
    prefetched.set(path, bytes);
  }
}

/** The bytes of `path` if a prefetch of it succeeded (each prefetch is taken once), else undefined. */
export async function takePrefetched(path: string): Promise<Buffer | undefined> {
  const bytes = prefetched.get(path);
  if (bytes === undefined) return undefined;
  prefetched.delete(path);
  return bytes.catch(() => undefined);
}

/** The whole file in as few reads as the kernel allows (fs.promises.readFile reads 512 KiB at a time, each a round trip). */
function readWhole(path: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    open(path, "r", (openError, fd) => {
      if (openError) return fail(openError);
      const closeThen = (finish: () => void): void => close(fd, () => finish());
      fstat(fd, (statError, stats) => {
        if (statError) return closeThen(() => fail(statError));
        let buffer = Buffer.allocUnsafeSlow(stats.size);
        let length = 0;
        const finish = (): void => closeThen(() => done(length === buffer.length ? buffer : buffer.subarray(0, length)));
        const next = (): void => {
          if (length < buffer.length) {
            read(fd, buffer, length, buffer.length - length, length, (readError, count) => {
              if (readError) return closeThen(() => fail(readError));
              if (count === 0) return finish();
              length += count;
              next();
            });
            return;
          }
          // Full: the file may have grown since its size was read. Read on until a read returns
          // nothing, as readFileSync does, into a spare buffer so that the usual case copies nothing.
          const spare = Buffer.allocUnsafe(64 * 1024);
          read(fd, spare, 0, spare.length, length, (readError, count) => {
            if (readError) return closeThen(() => fail(readError));
            if (count === 0) return finish();
            const larger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, length + count));
            buffer.copy(larger, 0, 0, length);
            spare.copy(larger, length, 0, count);
            buffer = larger;
            length += count;
            next();
          });
        };
        next();
      });
    });
  });
}
