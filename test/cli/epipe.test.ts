/**
 * `iptlint FILE | head -1`: the reader closes the pipe early. The built CLI runs in a real
 * process whose standard output is a pipe that the test reads one chunk of and then closes, for
 * every command that prints a lot and every report format. It must end quietly: standard error
 * exactly as when the whole output is read (the same command run in-process), and the same exit code.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { nodeIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { formatNames } from "../../src/format/index.js";
import { binPath } from "../helpers/project.js";

const dir = mkdtempSync(join(tmpdir(), "iptlint-epipe-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// 720 rules with long comments, each twice: 720 findings, each with a fix. Every output below
// is larger than a pipe's buffer (64 KiB), so the writer meets the closed pipe.
const comment = "x".repeat(250);
const rules = Array.from({ length: 720 }, (_, i) => `-A INPUT -s 10.0.${i >> 8}.${i & 255}/32 -p tcp -m tcp --dport 22 -m comment --comment "${comment}" -j ACCEPT\n`);
writeFileSync(join(dir, "dup.rules"), `*filter\n:INPUT ACCEPT [0:0]\n${rules.map((r) => r + r).join("")}COMMIT\n`);

interface Ended {
  status: number | null;
  signal: string | null;
  stdoutBytes: number;
  stderr: string;
}

/** The whole run, in-process: what the CLI writes when its output is read to the end. */
async function runWhole(args: string[]): Promise<Ended> {
  let stdoutBytes = 0;
  let stderr = "";
  const io = nodeIo(dir);
  const status = await main(args, {
    ...io,
    stdout: { write: (text) => void (stdoutBytes += Buffer.byteLength(text)) },
    stderr: { write: (text) => void (stderr += typeof text === "string" ? text : Buffer.from(text).toString("utf8")) },
  });
  return { status, signal: null, stdoutBytes, stderr };
}

/** Runs the built CLI with its standard output closed after the first chunk read. */
function runClosingEarly(args: string[]): Promise<Ended> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let stdoutBytes = 0;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.on("close", (status, signal) => done({ status, signal, stdoutBytes, stderr }));
  });
}

const COMMANDS: string[][] = [
  // `markdown` is a summary (counts and the first 50 findings) and `prometheus` counts: they never fill a pipe.
  ...formatNames.filter((format) => format !== "markdown" && format !== "prometheus").map((format) => ["lint", "--format", format, "dup.rules"]),
  ["fix", "--unsafe-fixes", "--emit", "diff", "dup.rules"],
  ["fix", "--unsafe-fixes", "--emit", "restore", "dup.rules"],
  ["fix", "--unsafe-fixes", "--emit", "patch", "dup.rules"],
  ["fmt", "dup.rules"],
];

test("EPIPE: a reader that closes early ends the run quietly, for every command and format", async () => {
  await Promise.all(
    COMMANDS.map(async (args) => {
      const whole = await runWhole(args);
      const cut = await runClosingEarly(args);
      const name = args.join(" ");
      assert.ok(whole.stdoutBytes > 72 * 1024, `${name}: the output (${whole.stdoutBytes} bytes) is larger than a pipe holds`);
      assert.ok(cut.stdoutBytes < whole.stdoutBytes, `${name}: the reader left before the end`);
      assert.doesNotMatch(cut.stderr, /EPIPE|Error|    at /, `${name}: no stack trace`);
      assert.equal(cut.stderr, whole.stderr, `${name}: standard error as when the whole output is read`);
      assert.deepEqual([cut.status, cut.signal], [whole.status, null], `${name}: the run's own exit code`);
    }),
  );
});
