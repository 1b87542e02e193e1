/**
 * Ctrl-C. The built CLI runs on a real pseudo-terminal (python3's pty module, see
 * test/helpers/pty-run.py) while its spinner shows; Ctrl-C must end the run at once, as the
 * shell expects (killed by SIGINT: exit status 130), with the terminal's modes as they were and
 * no file written. And a write in place interrupted half-way leaves the file as it was.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { binPath, fromRoot } from "../helpers/project.js";

const hasPython = spawnSync("python3", ["-c", "import pty"]).status === 0;
// The spinner shows while worker threads lint, which needs two cores; one thread linting blocks
// the event loop, so no spinner is drawn (and Ctrl-C ends the run at once by default).
const skip = !hasPython ? "python3 is not installed (.ci/run installs it)" : availableParallelism() < 2 ? "the spinner needs two cores (worker threads)" : false;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "iptlint-interrupt-"));
  // Two files of 3 MB: more than lint-pool's threshold for worker threads, and seconds of work.
  const rules = Array.from({ length: 30000 }, (_, i) => `-A INPUT -s 10.${i >> 16}.${(i >> 8) & 255}.${i & 255}/32 -p tcp -m tcp --dport 22 -m comment --comment "rule ${i}" -j ACCEPT\n`).join("");
  for (const name of ["a.rules", "b.rules"]) writeFileSync(join(dir, name), `*filter\n:INPUT ACCEPT [0:0]\n${rules}COMMIT\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface PtyRun {
  exitCode: number | null;
  signal: string | null;
  sentCtrlC: boolean;
  secondsAfterCtrlC: number | null;
  modesKept: boolean;
  output: string;
}

/** Runs the CLI on a terminal and types Ctrl-C half a second after the spinner shows. */
function ctrlCWhileSpinning(args: string[], env: Record<string, string> = {}): PtyRun {
  const ran = spawnSync("python3", [fromRoot("test", "helpers", "pty-run.py"), "linted|iptlint", "0.5", "60", "--", process.execPath, binPath, ...args], {
    cwd: dir,
    encoding: "utf8",
    // As in a person's terminal: no CI variable (a spinner is never shown in CI), no NO_COLOR unless given.
    env: { PATH: process.env.PATH ?? "", HOME: dir, TERM: "xterm-256color", ...env },
  });
  assert.equal(ran.status, 0, ran.stderr);
  const result = JSON.parse(ran.stdout) as PtyRun;
  return { ...result, output: Buffer.from(result.output, "base64").toString("utf8") };
}

test("Ctrl-C while the spinner shows ends the run at once: SIGINT (exit 130), terminal as it was, no report written", { skip }, () => {
  const r = ctrlCWhileSpinning(["lint", "--output-file", "report.txt", "a.rules", "b.rules"]);
  assert.match(r.output, /⠋|⠙|⠹/, "the spinner showed");
  assert.match(r.output, /\x1b\[36m/, "coloured: on a terminal, no NO_COLOR");
  assert.ok(r.sentCtrlC);
  assert.deepEqual([r.signal, r.exitCode], ["SIGINT", null], "killed by SIGINT, as the shell reports with 130");
  assert.ok(r.secondsAfterCtrlC! < 2, `ended ${r.secondsAfterCtrlC} s after Ctrl-C`);
  assert.ok(r.modesKept, "the terminal's modes (stty -g) are as they were");
  assert.match(r.output, /\x1b\[0K$/, "the spinner's line is cleared last");
  assert.deepEqual(readdirSync(dir).sort(), ["a.rules", "b.rules"], "no report, no temporary file");
});

test("NO_COLOR and --no-color reach the spinner", { skip }, () => {
  const cyan = /\x1b\[36m/;
  assert.doesNotMatch(ctrlCWhileSpinning(["lint", "a.rules", "b.rules"], { NO_COLOR: "1" }).output, cyan);
  assert.doesNotMatch(ctrlCWhileSpinning(["lint", "--no-color", "a.rules", "b.rules"]).output, cyan);
});

test("a write in place stopped by SIGINT half-way leaves the file as it was and no temporary file", async () => {
  const folder = mkdtempSync(join(dir, "write-"));
  const target = join(folder, "rules.v4");
  writeFileSync(target, "*filter\nCOMMIT\n");
  // 256 MB written and flushed to disk: long enough to be interrupted while the temporary file exists.
  const script = `
    import { nodeIo } from ${JSON.stringify(fromRoot("build", "src", "cli", "io.js"))};
    await nodeIo(${JSON.stringify(folder)}).writeFileAtomic("rules.v4", Buffer.alloc(256 * 1024 * 1024, "#"));
    process.stdout.write("written");`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const watcher = watch(folder, () => {
    if (readdirSync(folder).some((name) => name.includes(".iptlint-"))) child.kill("SIGINT");
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on("close", (c, s) => done([c, s])));
  watcher.close();
  assert.deepEqual([code, signal, stdout], [null, "SIGINT", ""], "stopped by SIGINT before the write ended");
  assert.deepEqual(readdirSync(folder), ["rules.v4"], "no temporary file left");
  assert.equal(readFileSync(target, "utf8"), "*filter\nCOMMIT\n", "the file as it was");
});
