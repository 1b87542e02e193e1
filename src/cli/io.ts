/**
 * What the CLI may touch of the outside world. `main` gets it as an argument so tests run the
 * whole CLI in-process with files and streams in memory.
 */
import { readFile, stat } from "node:fs/promises";

export interface Output {
  write(text: string): void;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** The whole of standard input. */
  readStdin(): Promise<Buffer>;
  readFile(path: string): Promise<Buffer>;
  isDirectory(path: string): Promise<boolean>;
  env: Record<string, string | undefined>;
}

export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    readFile: (path) => readFile(path),
    isDirectory: async (path) => (await stat(path)).isDirectory(),
    env: process.env,
  };
}
