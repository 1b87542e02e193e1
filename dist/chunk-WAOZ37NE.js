import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);

// src/cli/prefetch.ts
import { close, fstat, open, read, statSync } from "node:fs";
import { resolve } from "node:path";
var PREFETCH_MIN_BYTES = 1 << 20;
var prefetched = /* @__PURE__ */ new Map();
function prefetchInputs(args, cwd = process.cwd()) {
  for (const arg of args) {
    if (arg === "-" || arg.startsWith("-")) continue;
    const path = resolve(cwd, arg);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (!stats.isFile() || stats.size < PREFETCH_MIN_BYTES || prefetched.has(path)) continue;
    const bytes = readWhole(path);
    bytes.catch(() => {
    });
    prefetched.set(path, bytes);
  }
}
async function takePrefetched(path) {
  const bytes = prefetched.get(path);
  if (bytes === void 0) return void 0;
  prefetched.delete(path);
  return bytes.catch(() => void 0);
}
function readWhole(path) {
  return new Promise((done, fail) => {
    open(path, "r", (openError, fd) => {
      if (openError) return fail(openError);
      const closeThen = (finish) => close(fd, () => finish());
      fstat(fd, (statError, stats) => {
        if (statError) return closeThen(() => fail(statError));
        let buffer = Buffer.allocUnsafeSlow(stats.size);
        let length = 0;
        const finish = () => closeThen(() => done(length === buffer.length ? buffer : buffer.subarray(0, length)));
        const next = () => {
          if (length < buffer.length) {
            read(fd, buffer, length, buffer.length - length, length, (readError, count) => {
              if (readError) return closeThen(() => fail(readError));
              if (count === 0) return finish();
              length += count;
              next();
            });
            return;
          }
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

export {
  prefetchInputs,
  takePrefetched
};
