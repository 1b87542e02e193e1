/**
 * What the CLI may touch of the outside world. `main` gets it as an argument so tests run the
 * whole CLI in-process with files and streams in memory.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { constants } from "node:fs";
import { access, open, realpath, rename, rm, stat, writeFile, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { lazyModule } from "../lazy.js";
import { UnwritableFile } from "./errors.js";
import { takePrefetched } from "./prefetch.js";
import { onInterrupt, progress, type Progress } from "./terminal.js";

export interface Output {
  write(text: string | Uint8Array): void;
  /** Whether it is a terminal (decides colour). */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** The whole of standard input. */
  readStdin(): Promise<Buffer>;
  readFile(path: string): Promise<Buffer>;
  isDirectory(path: string): Promise<boolean>;
  /** The configuration for a file in `directory`, or read from `path` (`--config`). */
  loadConfig(options: { directory?: string; path?: string }): Promise<LoadedConfig>;
  /** Creates a file that must not exist yet (fails with EEXIST otherwise). */
  writeNewFile(path: string, content: string): Promise<void>;
  /** Files matching glob patterns, sorted, relative to `cwd` as given. */
  glob(patterns: string[], options: { cwd: string; ignore: string[]; absolute?: boolean }): Promise<string[]>;
  /**
   * Runs a program (never through a shell); `error` is set (ENOENT, EACCES, ...) when it could
   * not start. Its output comes as bytes, for the caller to decode (or only hash: `--cache`).
   */
  run(file: string, args: string[]): Promise<{ status: number | null; stdout: Buffer | string; stderr: string; error?: string }>;
  /** The folder relative paths are taken from. */
  cwd: string;
  /**
   * Replaces a file's content all at once (never a half-written file), keeping its owner, group
   * and mode, and following a symbolic link; `create` allows a new file. Throws `UnwritableFile`.
   */
  writeFileAtomic(path: string, content: Buffer, options?: { create?: boolean }): Promise<void>;
  /** A spinner on standard error for a person watching a long run, or nothing (see terminal.ts). */
  progress(options: { machineOutputOnStdout: boolean; color: boolean }): Progress;
  env: Record<string, string | undefined>;
}

const tinyglobby = lazyModule<typeof import("tinyglobby")>("tinyglobby");
const childProcess = lazyModule<typeof import("node:child_process")>("node:child_process");
const crypto = lazyModule<typeof import("node:crypto")>("node:crypto");
const os = lazyModule<typeof import("node:os")>("node:os");

type RunResult = Awaited<ReturnType<CliIo["run"]>>;

/**
 * Runs a program, its output into a temporary file that has no name (made in the temporary
 * folder and unlinked at once, so nothing is left behind), read back in one step: reading a
 * 25 MB save through a pipe, 64 KB at a time, cost this process ~0.2 s of CPU, the file ~0.07 s.
 * Through a pipe where no temporary file can be made (a read-only file system), and again
 * through a pipe when the program fails (it may have failed to write the file: a full disk).
 */
async function runProgram(file: string, args: string[]): Promise<RunResult> {
  const fd = unnamedTemporaryFile();
  const intoFile = fd === undefined ? undefined : await runIntoFile(file, args, fd);
  return intoFile === undefined || (intoFile.error === undefined && intoFile.status !== 0) ? runThroughPipe(file, args) : intoFile;
}

function runIntoFile(file: string, args: string[], fd: number): Promise<RunResult> {
  return new Promise((done) => {
    let stderr = "";
    let failed: string | undefined;
    const child = childProcess().spawn(file, args, { stdio: ["ignore", fd, "pipe"] });
    child.stderr!.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
    child.on("error", (error: NodeJS.ErrnoException) => void (failed = error.code ?? error.message));
    child.on("close", (status) => {
      try {
        if (failed !== undefined) return done({ status: null, stdout: Buffer.alloc(0), stderr, error: failed });
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

function unnamedTemporaryFile(): number | undefined {
  const path = join(os().tmpdir(), `.iptlint-${crypto().randomBytes(6).toString("hex")}`);
  try {
    const fd = openSync(path, "wx+", 0o600);
    unlinkSync(path);
    return fd;
  } catch {
    return undefined;
  }
}

function runThroughPipe(file: string, args: string[]): Promise<RunResult> {
  return new Promise((done) => {
    // Bytes, decoded once by the caller: decoding each pipe chunk into a string of its own and
    // joining them cost a 25 MB dump a third more memory touched.
    childProcess().execFile(file, args, { maxBuffer: 1024 * 1024 * 1024, encoding: "buffer" }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      const status = error === null ? 0 : typeof code === "number" ? code : null;
      done({ status: typeof code === "string" ? null : status, stdout, stderr: stderr.toString("utf8"), error: typeof code === "string" ? code : undefined });
    });
  });
}

/** The real world; relative paths are taken from `cwd`. */
export function nodeIo(cwd: string = process.cwd()): CliIo {
  const at = (path: string) => resolve(cwd, path);
  return {
    stdout: quietWhenClosed(process.stdout),
    stderr: quietWhenClosed(process.stderr),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    // A big input was read while the CLI loaded (prefetch.ts); otherwise one synchronous read:
    // fs.promises.readFile reads a large file in many small chunks and spent a third of a second
    // idle on a 25 MB dump. The CLI has nothing else to do meanwhile.
    readFile: async (path) => (await takePrefetched(at(path))) ?? readFileSync(at(path)),
    isDirectory: async (path) => (await stat(at(path))).isDirectory(),
    writeFileAtomic: (path, content, options) => writeFileAtomic(at(path), path, content, options?.create === true),
    progress: (options) => progress(process.stderr, process.env, options),
    writeNewFile: (path, content) => writeFile(at(path), content, { flag: "wx" }),
    cwd,
    run: (file, args) => runProgram(file, args),
    glob: async (patterns, { cwd, ignore, absolute }) =>
      (await tinyglobby().glob(patterns, { cwd, ignore, absolute, onlyFiles: true, dot: true, expandDirectories: false })).sort(),
    loadConfig: ({ directory, path }) => loadConfig({ directory: directory && at(directory), path: path && at(path) }),
    env: process.env,
  };
}

/**
 * Standard output or error that stops quietly when its reader goes away (`iptlint ... | head -1`):
 * Node ignores SIGPIPE, so the write fails with EPIPE, and with no listener that is an uncaught
 * error and a stack trace. What is left to write is dropped and the run ends with the exit code
 * it has (see the README).
 */
function quietWhenClosed(stream: NodeJS.WriteStream): Output {
  let output = quietStreams.get(stream);
  if (output) return output;
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    // ERR_STREAM_DESTROYED: a write issued before the EPIPE was reported.
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  });
  output = {
    get isTTY() {
      return stream.isTTY;
    },
    write(text) {
      if (!closed) stream.write(text);
    },
  };
  quietStreams.set(stream, output);
  return output;
}

/** One listener per stream, however many `nodeIo`s are made. */
const quietStreams = new WeakMap<NodeJS.WriteStream, Output>();

/**
 * Replaces a file's content all at once: writes a temporary file beside it, flushes it to disk,
 * gives it the file's owner, group and mode, then renames it over the file. A symbolic link is
 * followed (the file it points to is replaced, the link kept); a file being fixed that has other
 * names (hard links) is written in place from that copy, so that every name sees the new text. A file is written only where the
 * user may write it, as the kernel decides (`access(2)`): not a read-only file, even in a folder
 * the user may write; for root, any file, read-only ones too (as `sed -i` does).
 */
async function writeFileAtomic(path: string, name: string, content: Buffer, create: boolean): Promise<void> {
  const absent = (error: NodeJS.ErrnoException) => {
    if (create && error.code === "ENOENT") return undefined;
    throw unwritable(name, error);
  };
  const target = (await realpath(path).catch(absent)) ?? path;
  const existing = await stat(target).catch(absent);
  if (existing) await access(target, constants.W_OK).catch((error: NodeJS.ErrnoException) => Promise.reject(unwritable(name, error)));
  const temporary = join(dirname(target), `.${basename(target)}.iptlint-${crypto().randomBytes(6).toString("hex")}`);
  let handle: FileHandle | undefined;
  // Ctrl-C from now on leaves the file as it was and no temporary file beside it.
  const release = onInterrupt(() => rmSync(temporary, { force: true }));
  try {
    try {
      handle = await open(temporary, "wx", existing ? 0o600 : 0o666);
    } catch (error) {
      throw unwritable(name, error as NodeJS.ErrnoException, dirname(target));
    }
    await handle.writeFile(content);
    if (existing) {
      const made = await handle.stat();
      if (made.uid !== existing.uid || made.gid !== existing.gid) {
        await handle.chown(existing.uid, existing.gid).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "EPERM") throw error;
          throw new UnwritableFile(
            `cannot write ${name}: it belongs to user ${existing.uid}, group ${existing.gid}, which a file written by this user cannot keep; run iptlint as its owner or as root`,
          );
        });
      }
      // After chown, which clears the set-user-ID and set-group-ID bits.
      await handle.chmod(existing.mode & 0o7777);
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (!create && existing !== undefined && existing.nlink > 1) {
      // Other names (hard links) share the file being fixed: a rename would leave them the old
      // text. (A report, written with `create`, is always renamed: readers never see it half-written.) The new
      // text is on disk beside it now; copy it into the file in one synchronous step, which no
      // signal interrupts (a crash in it leaves the copy beside the file).
      writeInPlace(target, content);
      await rm(temporary, { force: true });
    } else await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error instanceof UnwritableFile ? error : unwritable(name, error as NodeJS.ErrnoException);
  } finally {
    release();
  }
}

/** Writes `content` over the file's own bytes (same inode, owner and mode), then flushes it to disk. */
function writeInPlace(path: string, content: Buffer): void {
  const fd = openSync(path, "r+");
  try {
    for (let written = 0; written < content.length; ) written += writeSync(fd, content, written, content.length - written, written);
    ftruncateSync(fd, content.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Why a file cannot be written, in words, for exit code 4; `folder` when a new file could not be made in it. */
function unwritable(name: string, error: NodeJS.ErrnoException, folder?: string): UnwritableFile {
  const inFolder = `cannot create a file in ${folder} (the new content is written beside the file, then renamed over it)`;
  const reasons: Record<string, string> = {
    EACCES: folder ? `permission denied: ${inFolder}` : "permission denied (the file is read-only for this user)",
    EPERM: folder ? `operation not permitted: ${inFolder}` : "operation not permitted (an immutable or append-only file?)",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    ENOENT: "no such file",
    EISDIR: "it is a directory",
  };
  return new UnwritableFile(`cannot write ${name}: ${(error.code && reasons[error.code]) ?? error.message}`);
}
