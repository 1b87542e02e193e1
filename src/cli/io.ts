/**
 * What the CLI may touch of the outside world. `main` gets it as an argument so tests run the
 * whole CLI in-process with files and streams in memory.
 */
import { readFileSync } from "node:fs";
import { chmod, open, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { lazyModule } from "../lazy.js";
import { progress, type Progress } from "./terminal.js";

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
  /** Runs a program (never through a shell); `error` is set (ENOENT, EACCES, ...) when it could not start. */
  run(file: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; error?: string }>;
  /** The folder relative paths are taken from. */
  cwd: string;
  /** Replaces a file's content all at once (never a half-written file), keeping its mode; `create` allows a new file. */
  writeFileAtomic(path: string, content: Buffer, options?: { create?: boolean }): Promise<void>;
  /** A spinner on standard error for a person watching a long run, or nothing (see terminal.ts). */
  progress(options: { machineOutputOnStdout: boolean }): Progress;
  env: Record<string, string | undefined>;
}

const tinyglobby = lazyModule<typeof import("tinyglobby")>("tinyglobby");
const childProcess = lazyModule<typeof import("node:child_process")>("node:child_process");
const crypto = lazyModule<typeof import("node:crypto")>("node:crypto");

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
    // One synchronous read: fs.promises.readFile reads a large file in many small chunks and
    // spent a third of a second idle on a 25 MB dump. The CLI has nothing else to do meanwhile.
    readFile: async (path) => readFileSync(at(path)),
    isDirectory: async (path) => (await stat(at(path))).isDirectory(),
    writeFileAtomic: (path, content, options) => writeFileAtomic(at(path), content, options?.create === true),
    progress: (options) => progress(process.stderr, process.env, options),
    writeNewFile: (path, content) => writeFile(at(path), content, { flag: "wx" }),
    cwd,
    run: (file, args) =>
      new Promise((done) => {
        childProcess().execFile(file, args, { maxBuffer: 1024 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          const status = error === null ? 0 : typeof code === "number" ? code : null;
          done({ status: typeof code === "string" ? null : status, stdout, stderr, error: typeof code === "string" ? code : undefined });
        });
      }),
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

/** Writes a temporary file beside the target, flushes it to disk, then renames it over the target. */
async function writeFileAtomic(path: string, content: Buffer, create: boolean): Promise<void> {
  const mode = await stat(path).then(
    (s) => s.mode,
    (error: NodeJS.ErrnoException) => {
      if (create && error.code === "ENOENT") return 0o644;
      throw error;
    },
  );
  const temporary = join(dirname(path), `.${basename(path)}.iptlint-${crypto().randomBytes(6).toString("hex")}`);
  try {
    const handle = await open(temporary, "wx", mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
