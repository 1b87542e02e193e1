import { createRequire as __iptlintCreateRequire } from "node:module";
const require = __iptlintCreateRequire(import.meta.url);
import {
  takePrefetched
} from "./chunk-WAOZ37NE.js";
import {
  UnwritableFile,
  loadConfig,
  onInterrupt,
  progress
} from "./chunk-AGWTKRTO.js";
import {
  lazyModule
} from "./chunk-4QJSDM7H.js";

// src/cli/io.ts
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { constants } from "node:fs";
import { access, open, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
var tinyglobby = lazyModule("tinyglobby");
var childProcess = lazyModule("node:child_process");
var crypto = lazyModule("node:crypto");
var os = lazyModule("node:os");
async function runProgram(file, args) {
  const fd = unnamedTemporaryFile();
  const intoFile = fd === void 0 ? void 0 : await runIntoFile(file, args, fd);
  return intoFile === void 0 || intoFile.error === void 0 && intoFile.status !== 0 ? runThroughPipe(file, args) : intoFile;
}
function runIntoFile(file, args, fd) {
  return new Promise((done) => {
    let stderr = "";
    let failed;
    const child = childProcess().spawn(file, args, { stdio: ["ignore", fd, "pipe"] });
    child.stderr.setEncoding("utf8").on("data", (text) => void (stderr += text));
    child.on("error", (error) => void (failed = error.code ?? error.message));
    child.on("close", (status) => {
      try {
        if (failed !== void 0) return done({ status: null, stdout: Buffer.alloc(0), stderr, error: failed });
        const stdout = Buffer.allocUnsafe(fstatSync(fd).size);
        for (let read = 0; read < stdout.length; ) {
          const got = readSync(fd, stdout, read, stdout.length - read, read);
          if (got === 0) break;
          read += got;
        }
        done({ status, stdout, stderr });
      } finally {
        closeSync(fd);
      }
    });
  });
}
function unnamedTemporaryFile() {
  const path = join(os().tmpdir(), `.iptlint-${crypto().randomBytes(6).toString("hex")}`);
  try {
    const fd = openSync(path, "wx+", 384);
    unlinkSync(path);
    return fd;
  } catch {
    return void 0;
  }
}
function runThroughPipe(file, args) {
  return new Promise((done) => {
    childProcess().execFile(file, args, { maxBuffer: 1024 * 1024 * 1024, encoding: "buffer" }, (error, stdout, stderr) => {
      const code = error?.code;
      const status = error === null ? 0 : typeof code === "number" ? code : null;
      done({ status: typeof code === "string" ? null : status, stdout, stderr: stderr.toString("utf8"), error: typeof code === "string" ? code : void 0 });
    });
  });
}
function nodeIo(cwd = process.cwd()) {
  const at = (path) => resolve(cwd, path);
  return {
    stdout: quietWhenClosed(process.stdout),
    stderr: quietWhenClosed(process.stderr),
    async readStdin() {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    // A big input was read while the CLI loaded (prefetch.ts); otherwise one synchronous read:
    // fs.promises.readFile reads a large file in many small chunks and spent a third of a second
    // idle on a 25 MB dump. The CLI has nothing else to do meanwhile.
    readFile: async (path) => await takePrefetched(at(path)) ?? readFileSync(at(path)),
    isDirectory: async (path) => (await stat(at(path))).isDirectory(),
    writeFileAtomic: (path, content, options) => writeFileAtomic(at(path), path, content, options?.create === true),
    progress: (options) => progress(process.stderr, process.env, options),
    writeNewFile: (path, content) => writeFile(at(path), content, { flag: "wx" }),
    cwd,
    run: (file, args) => runProgram(file, args),
    glob: async (patterns, { cwd: cwd2, ignore, absolute }) => (await tinyglobby().glob(patterns, { cwd: cwd2, ignore, absolute, onlyFiles: true, dot: true, expandDirectories: false })).sort(),
    loadConfig: ({ directory, path }) => loadConfig({ directory: directory && at(directory), path: path && at(path) }),
    env: process.env
  };
}
function quietWhenClosed(stream) {
  let output = quietStreams.get(stream);
  if (output) return output;
  let closed = false;
  stream.on("error", (error) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  output = {
    get isTTY() {
      return stream.isTTY;
    },
    write(text) {
      if (!closed) stream.write(text);
    }
  };
  quietStreams.set(stream, output);
  return output;
}
var quietStreams = /* @__PURE__ */ new WeakMap();
async function writeFileAtomic(path, name, content, create) {
  const absent = (error) => {
    if (create && error.code === "ENOENT") return void 0;
    throw unwritable(name, error);
  };
  const target = await realpath(path).catch(absent) ?? path;
  const existing = await stat(target).catch(absent);
  if (existing) await access(target, constants.W_OK).catch((error) => Promise.reject(unwritable(name, error)));
  const temporary = join(dirname(target), `.${basename(target)}.iptlint-${crypto().randomBytes(6).toString("hex")}`);
  let handle;
  const release = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    try {
      handle = await open(temporary, "wx", existing ? 384 : 438);
    } catch (error) {
      throw unwritable(name, error, dirname(target));
    }
    await handle.writeFile(content);
    if (existing) {
      const made = await handle.stat();
      if (made.uid !== existing.uid || made.gid !== existing.gid) {
        await handle.chown(existing.uid, existing.gid).catch((error) => {
          if (error.code !== "EPERM") throw error;
          throw new UnwritableFile(
            `cannot write ${name}: it belongs to user ${existing.uid}, group ${existing.gid}, which a file written by this user cannot keep; run iptlint as its owner or as root`
          );
        });
      }
      await handle.chmod(existing.mode & 4095);
    }
    await handle.sync();
    await handle.close();
    handle = void 0;
    if (!create && existing !== void 0 && existing.nlink > 1) {
      writeInPlace(target, content);
      await rm(temporary, { force: true });
    } else await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => {
    });
    await rm(temporary, { force: true });
    throw error instanceof UnwritableFile ? error : unwritable(name, error);
  } finally {
    release();
  }
}
function writeInPlace(path, content) {
  const fd = openSync(path, "r+");
  try {
    for (let written = 0; written < content.length; ) written += writeSync(fd, content, written, content.length - written, written);
    ftruncateSync(fd, content.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
function unwritable(name, error, folder) {
  const inFolder = `cannot create a file in ${folder} (the new content is written beside the file, then renamed over it)`;
  const reasons = {
    EACCES: folder ? `permission denied: ${inFolder}` : "permission denied (the file is read-only for this user)",
    EPERM: folder ? `operation not permitted: ${inFolder}` : "operation not permitted (an immutable or append-only file?)",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENOENT: "no such file",
    EISDIR: "it is a directory"
  };
  return new UnwritableFile(`cannot write ${name}: ${(error.code && reasons[error.code]) ?? error.message}`);
}

export {
  nodeIo
};
