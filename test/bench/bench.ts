/**
 * `npm run bench`: times iptlint against `iptables-restore --test` on generated
 * kube-proxy dumps (services x 5 endpoints) and prints a table of wall time and peak memory.
 *
 *   node build/test/bench/bench.js [--sizes 1000,10000,50000] [--runs 3]
 *     [--cmd lint] [--cmd "fix --emit patch"] [--timeout 600]
 *
 * IPTLINT_BENCH_CMD=/path/to/script.js runs that script with node instead of
 * dist/iptlint.js. The report exits 0 whether or not the goals are met; it exits 1 when
 * the generator or a measurement breaks (including iptables-restore rejecting a dump).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { generateKubeProxyDump } from "./kube-dump.js";
import { describe as describeTraces, medianRun, type TraceFigures } from "./trace-bench.js";

const ENDPOINTS = 5;
/** 1.18.2 carries the double-SNAT rule, so `lint` has a finding to report and `fix` something to fix. */
const ERA = "1.18.2";
const GNU_TIME = "/usr/bin/time";
/** Size the goals are stated for, and the pair of sizes the growth ratio compares. */
const GOAL_SIZE = 10_000;
const GROWTH_FROM = 10_000;
const GROWTH_TO = 50_000;
/**
 * The goals, against `iptables-restore --test` as this machine resolves the name (Debian's
 * alternatives point it at the nft backend): `lint` with every rule on at most 0.45 of its wall
 * time and 0.7 of its peak memory (the bars of issues 11, 12 and 14); `fix --emit patch|diff` at
 * most 0.6 of its wall time. The other backend is shown for comparison.
 */
const goalFor = (label: string): { wall: number; memory?: number } => (label.includes(" fix") ? { wall: 0.6 } : { wall: 0.45, memory: 0.7 });
/** 5x the services is 5x the lines, so linear is 5.0; a little slack for GC and startup. */
const GROWTH_GOAL = 5.5;
const BACKENDS = ["nft", "legacy"] as const;
type Backend = (typeof BACKENDS)[number];

/** A command line to time; `file` is the dump it reads. */
interface Tool {
  label: string;
  /** Set for iptables-restore: its rows are the reference the iptlint rows are divided by. */
  backend?: Backend;
  argv(file: string): string[];
  /** Why the tool cannot run at all; its rows then carry this as their error. */
  unavailable?: string;
  /** Whether an exit means "ran to completion" (for iptlint, findings included). */
  accepts(code: number, stderr: string): boolean;
}

interface Sample {
  wallS: number;
  peakKiB: number;
}

type Result = { wallS: number; peakMiB: number } | { error: string };

interface Row {
  services: number;
  lines: number;
  bytes: number;
  tool: Tool;
  result: Result;
}

/** A failure of the measurement itself, not of the command measured: ends the bench with exit 1. */
class BenchError extends Error {}

function usage(message: string): never {
  throw new BenchError(`${message}\nusage: bench.js [--sizes 1000,10000,50000] [--runs 3] [--cmd "lint"]... [--timeout 600]`);
}

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`${what} must be a positive integer, got "${text}"`);
  return n;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `cmd args` can be started and exits 0. */
function runsOk(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.error === undefined && r.status === 0;
}

/** The last telling lines of a command's stderr, for an error cell: no stack frames or blanks. */
function tail(text: string): string {
  const telling = text.split("\n").filter((l) => l.trim() !== "" && !/^\s+at /.test(l) && !/^\s*\^+\s*$/.test(l));
  return telling.slice(-2).join(" | ") || "(no output)";
}

/** The one child running now, so that Ctrl-C can take its whole process group down with it. */
let activeChild: ChildProcess | undefined;

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Peak RSS (VmHWM) of a live process in KiB, or 0 once it has exited. */
function readVmHWM(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

class Meter {
  /** GNU time reports the exact peak (rusage maxrss); polling can miss a final spike. */
  readonly method: "gnu-time" | "vmhwm";

  constructor(
    private readonly scratch: string,
    private readonly timeoutS: number,
  ) {
    this.method = isExecutable(GNU_TIME) ? "gnu-time" : "vmhwm";
  }

  describe(): string {
    return this.method === "gnu-time"
      ? `${GNU_TIME} -f %M (maxrss of the child)`
      : `polling /proc/PID/status VmHWM every 5 ms (${GNU_TIME} not found; may miss a final spike)`;
  }

  /**
   * Runs each tool `runs` times, taking turns (iptlint, then each iptables-restore, then again),
   * so that a machine that slows down or speeds up during the bench (a shared host does, by a
   * third within minutes) weighs on every tool alike instead of on whichever ran then. A failing
   * run becomes its tool's error; a tool that cannot run is left out.
   */
  async measureInTurns(tools: readonly Tool[], file: string, runs: number, log: (s: string) => void): Promise<Result[]> {
    const samples: Sample[][] = tools.map(() => []);
    const results: (Result | undefined)[] = tools.map((tool) => (tool.unavailable === undefined ? undefined : { error: tool.unavailable }));
    for (let i = 0; i < runs; i++) {
      log(`  round ${i + 1} of ${runs}: ${tools.filter((_, k) => results[k] === undefined).map((t) => t.label).join(", ")} ...`);
      for (let k = 0; k < tools.length; k++) {
        if (results[k] !== undefined) continue;
        const sample = await this.runOnce(tools[k], file);
        if ("error" in sample) results[k] = sample;
        else samples[k].push(sample);
      }
    }
    return tools.map(
      (_, k) =>
        results[k] ?? {
          wallS: median(samples[k].map((s) => s.wallS)),
          peakMiB: median(samples[k].map((s) => s.peakKiB)) / 1024,
        },
    );
  }

  private async runOnce(tool: Tool, file: string): Promise<Sample | { error: string }> {
    const memFile = join(this.scratch, "time.out");
    const argv = tool.argv(file);
    const full = this.method === "gnu-time" ? [GNU_TIME, "-f", "%M", "-o", memFile, ...argv] : argv;
    const start = process.hrtime.bigint();
    // Own process group, so that a timeout or Ctrl-C also kills what GNU time started.
    const child = spawn(full[0], full.slice(1), { stdio: ["ignore", "ignore", "pipe"], detached: true });
    activeChild = child;
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    let polledKiB = 0;
    const poll =
      this.method === "vmhwm" && child.pid !== undefined
        ? setInterval(() => {
            polledKiB = Math.max(polledKiB, readVmHWM(child.pid as number));
          }, 5)
        : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, this.timeoutS * 1000);
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>(
      (resolve) => {
        child.on("error", (spawnError) => resolve({ code: null, signal: null, spawnError }));
        child.on("close", (code, signal) => resolve({ code, signal }));
      },
    );
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    clearTimeout(timer);
    clearInterval(poll);
    activeChild = undefined;

    if (exit.spawnError) return { error: `cannot start ${full[0]}: ${exit.spawnError.message}` };
    if (timedOut) return { error: `timed out after ${this.timeoutS} s` };
    if (exit.signal !== null) return { error: `killed by ${exit.signal}: ${tail(stderr)}` };
    if (exit.code === null || !tool.accepts(exit.code, stderr)) return { error: `exit ${exit.code}: ${tail(stderr)}` };
    if (this.method === "vmhwm") return { wallS, peakKiB: polledKiB };
    // GNU time writes "Command exited with non-zero status N" before the format line.
    const lines = readFileSync(memFile, "utf8").trim().split("\n");
    const peakKiB = Number(lines[lines.length - 1]);
    if (!Number.isFinite(peakKiB) || peakKiB <= 0) {
      throw new BenchError(`cannot read peak memory from ${GNU_TIME} output: ${JSON.stringify(lines)}`);
    }
    return { wallS, peakKiB };
  }
}

function iptlintTools(commands: string[]): Tool[] {
  const script = process.env.IPTLINT_BENCH_CMD ?? fileURLToPath(new URL("../../../dist/iptlint.js", import.meta.url));
  // Checked up front: node's own "Cannot find module" would exit 1, which looks like findings.
  const unavailable = existsSync(script) ? undefined : `not found: ${script} (build iptlint first)`;
  return commands.map((command) => ({
    label: `iptlint ${command}`,
    argv: (file) => [process.execPath, script, ...command.split(/\s+/), file],
    unavailable,
    // iptlint exits 1 for findings, but so does node on an uncaught exception, which
    // ends with a "Node.js vX.Y.Z" line on stderr.
    accepts: (code, stderr) => code === 0 || (code === 1 && !/^Node\.js v\d+/m.test(stderr)),
  }));
}

/**
 * iptables-restore --test still reads the kernel's tables, so it needs root; it runs in a
 * throwaway network namespace so that nothing on the host is touched.
 */
function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return "iptables-restore --test: skipped, needs root (CAP_NET_ADMIN in a network namespace)";
  if (!runsOk("ip", ["-V"])) return "iptables-restore --test: skipped, no `ip` (iproute2) to make a network namespace";
  return undefined;
}

/**
 * The iptables-restore backends to compare with. One that cannot load even a one-service
 * dump here is skipped, not reported as a broken measurement.
 */
function referenceTools(netns: string, scratch: string): { tools: Tool[]; skipped: string[] } {
  const probe = join(scratch, "probe.save");
  writeFileSync(probe, generateKubeProxyDump({ services: 1, endpoints: 1, era: ERA }));
  const tools: Tool[] = [];
  const skipped: string[] = [];
  for (const backend of BACKENDS) {
    const bin = `iptables-${backend}-restore`;
    if (!runsOk(bin, ["--version"])) {
      skipped.push(`${bin}: skipped, not installed`);
    } else if (!runsOk("ip", ["netns", "exec", netns, bin, "--test", probe])) {
      skipped.push(`${bin}: skipped, rejects even a one-service dump here (no kernel support?)`);
    } else {
      tools.push({
        label: `${bin} --test`,
        backend,
        argv: (file) => ["ip", "netns", "exec", netns, bin, "--test", file],
        accepts: (code) => code === 0,
      });
    }
  }
  return { tools, skipped };
}

function sizeLabel(services: number): string {
  return `${services >= 1000 && services % 1000 === 0 ? `${services / 1000}k` : services}×${ENDPOINTS}`;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** Writes the dump for one size; the string itself is left to the GC before anything is timed. */
function writeDump(services: number, file: string): { lines: number; bytes: number } {
  const dump = generateKubeProxyDump({ services, endpoints: ENDPOINTS, era: ERA });
  writeFileSync(file, dump);
  let lines = 0;
  for (let i = dump.indexOf("\n"); i !== -1; i = dump.indexOf("\n", i + 1)) lines++;
  return { lines, bytes: Buffer.byteLength(dump) };
}

function formatTable(rows: Row[], backends: Backend[]): string {
  const header = ["size", "lines", "MB", "tool", "wall s", "peak MiB"];
  for (const b of backends) header.push(`wall/${b}`, `mem/${b}`);
  const body = rows.map((row, i) => {
    const first = i === 0 || rows[i - 1].services !== row.services;
    const cells = first
      ? [sizeLabel(row.services), row.lines.toLocaleString("en-US"), (row.bytes / 1e6).toFixed(1)]
      : ["", "", ""];
    cells.push(row.tool.label);
    if ("error" in row.result) return [...cells, `ERROR: ${row.result.error}`];
    cells.push(row.result.wallS.toFixed(3), row.result.peakMiB.toFixed(1));
    for (const b of backends) {
      const ref = rows.find((r) => r.services === row.services && r.tool.backend === b)?.result;
      const comparable = row.tool.backend === undefined && ref !== undefined && !("error" in ref);
      cells.push(comparable ? ratio(row.result.wallS, ref.wallS) : "", comparable ? ratio(row.result.peakMiB, ref.peakMiB) : "");
    }
    return cells;
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.filter((r) => r.length > c + 1).map((r) => r[c].length)));
  // Right-align numbers, left-align the size and tool names; an error cell runs to the end.
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        if (c === cells.length - 1 && cells.length < header.length) return cell;
        return c === 0 || c === 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]);
      })
      .join("  ")
      .trimEnd();
  return [line(header), ...body.map(line)].join("\n");
}

function successful(rows: Row[], services: number, tool: Tool): { wallS: number; peakMiB: number } | undefined {
  const result = rows.find((r) => r.services === services && r.tool === tool)?.result;
  return result === undefined || "error" in result ? undefined : result;
}

function summary(rows: Row[], tools: Tool[], references: Tool[]): string[] {
  const out: string[] = [];
  for (const tool of tools) {
    const from = successful(rows, GROWTH_FROM, tool);
    const to = successful(rows, GROWTH_TO, tool);
    const isIptlint = tool.backend === undefined;
    if (from === undefined || to === undefined) {
      if (isIptlint) out.push(`growth ${tool.label}: n/a (needs successful runs at ${GROWTH_FROM} and ${GROWTH_TO} services)`);
      continue;
    }
    const growth = to.wallS / from.wallS;
    const verdict = isIptlint ? ` (goal <= ${GROWTH_GOAL}: ${growth <= GROWTH_GOAL ? "MET" : "MISSED"})` : "";
    out.push(`growth ${tool.label}: ${sizeLabel(GROWTH_TO)} / ${sizeLabel(GROWTH_FROM)} wall = ${growth.toFixed(2)}${verdict}`);
  }
  const yardstick = defaultBackend();
  for (const tool of tools.filter((t) => t.backend === undefined)) {
    const target = goalFor(tool.label);
    const memoryGoal = target.memory === undefined ? "" : ` and at most ${target.memory}× its peak memory`;
    const goal = `${tool.label} <= ${target.wall}× the wall time of iptables-restore --test (${yardstick})${memoryGoal} on ${sizeLabel(GOAL_SIZE)}`;
    const mine = successful(rows, GOAL_SIZE, tool);
    const reference = references.find((r) => r.backend === yardstick);
    const ref = reference && successful(rows, GOAL_SIZE, reference);
    if (mine === undefined || ref === undefined) {
      out.push(`verdict: n/a: ${goal} (needs successful ${GOAL_SIZE}-service runs of both sides)`);
      continue;
    }
    const met = mine.wallS <= target.wall * ref.wallS && (target.memory === undefined || mine.peakMiB <= target.memory * ref.peakMiB);
    const others = references
      .filter((r) => r.backend !== yardstick)
      .map((r) => {
        const other = successful(rows, GOAL_SIZE, r);
        return other ? `; beside ${r.backend}: wall ${ratio(mine.wallS, other.wallS)}, mem ${ratio(mine.peakMiB, other.peakMiB)}` : "";
      })
      .join("");
    out.push(`verdict: ${met ? "MET" : "MISSED"}: ${goal}: wall ${ratio(mine.wallS, ref.wallS)}, mem ${ratio(mine.peakMiB, ref.peakMiB)}${others}`);
  }
  return out;
}

/** The backend `iptables-restore` runs here, by where the name leads. */
function defaultBackend(): Backend {
  const r = spawnSync("sh", ["-c", "readlink -f \"$(command -v iptables-restore)\""], { encoding: "utf8" });
  return r.stdout.includes("legacy") ? "legacy" : "nft";
}

/** How many fresh processes measure the packet walk; the median run is shown. */
const TRACE_RUNS = 3;

/** The packet walk's figures on a dump, each run from a fresh node process (its own heap, its code not yet compiled). */
function traceFigures(file: string, log: (s: string) => void): string[] {
  const script = fileURLToPath(new URL("./trace-bench.js", import.meta.url));
  const runs: TraceFigures[] = [];
  for (let run = 1; run <= TRACE_RUNS; run++) {
    log(`  trace x 10000, run ${run} of ${TRACE_RUNS} ...`);
    const r = spawnSync(process.execPath, [script, file, "--json"], { encoding: "utf8" });
    if (r.status !== 0) return [`trace: failed: ${tail(r.stderr)}`];
    runs.push(JSON.parse(r.stdout) as TraceFigures);
  }
  return describeTraces(medianRun(runs), runs.length);
}

function iptablesVersion(): string {
  const r = spawnSync("iptables", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "iptables not found";
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        sizes: { type: "string", default: "1000,10000,50000" },
        runs: { type: "string", default: "3" },
        cmd: { type: "string", multiple: true },
        timeout: { type: "string", default: "600" },
      },
      strict: true,
    }).values;
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<number> {
  const values = parseOptions();
  const sizes = values.sizes.split(",").map((s) => positiveInt(s.trim(), "--sizes entry"));
  const runs = positiveInt(values.runs, "--runs");
  const timeoutS = positiveInt(values.timeout, "--timeout");
  const commands = (values.cmd ?? ["lint"]).map((c) => c.trim());
  if (commands.some((c) => c === "")) usage("--cmd must not be empty");

  const scratch = mkdtempSync(join(tmpdir(), "iptlint-bench-"));
  let netns: string | undefined;
  const cleanUp = () => {
    if (activeChild) killGroup(activeChild);
    if (netns) spawnSync("ip", ["netns", "delete", netns]);
    rmSync(scratch, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);

  try {
    const meter = new Meter(scratch, timeoutS);
    const noNetns = netnsUnavailable();
    if (noNetns === undefined) {
      const name = `iptlint-bench-${process.pid}`;
      if (!runsOk("ip", ["netns", "add", name])) throw new BenchError(`ip netns add ${name} failed`);
      netns = name;
    }
    const reference = netns === undefined ? { tools: [], skipped: [noNetns as string] } : referenceTools(netns, scratch);
    const tools = [...iptlintTools(commands), ...reference.tools];
    const log = (s: string) => process.stderr.write(`${s}\n`);

    console.log(`iptlint benchmark: kube-proxy ${ERA} iptables-save dumps, services × ${ENDPOINTS} endpoints, IPv4`);
    console.log(`node ${process.version}; ${iptablesVersion()}; ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}`);
    console.log(`wall: median of ${runs} run(s), the tools taking turns, including process start; peak memory: ${meter.describe()}`);
    console.log(`iptlint: node ${process.env.IPTLINT_BENCH_CMD ?? "dist/iptlint.js"} <cmd> FILE (stdout discarded)`);
    if (netns) console.log(`iptables-restore runs inside network namespace ${netns}`);
    for (const s of reference.skipped) console.log(s);
    console.log("");

    const rows: Row[] = [];
    const traceLines: string[] = [];
    let broken = false;
    for (const services of sizes) {
      log(`generating ${sizeLabel(services)} ...`);
      const file = join(scratch, `kube-${services}x${ENDPOINTS}.save`);
      const { lines, bytes } = writeDump(services, file);
      if (services === GOAL_SIZE) traceLines.push(...traceFigures(file, log));
      const results = await meter.measureInTurns(tools, file, runs, log);
      tools.forEach((tool, k) => {
        const result = results[k];
        // iptables-restore loaded the probe dump, so rejecting this one is a generator bug.
        if (tool.backend !== undefined && "error" in result) broken = true;
        rows.push({ services, lines, bytes, tool, result });
      });
      rmSync(file);
    }

    const backends = reference.tools.map((t) => t.backend as Backend);
    console.log(formatTable(rows, backends));
    if (backends.length > 0) console.log(`wall/B, mem/B: the iptlint row divided by iptables-B-restore --test at the same size`);
    console.log("");
    for (const line of summary(rows, tools, reference.tools)) console.log(line);
    for (const line of traceLines) console.log(line);
    if (broken) console.error("bench: iptables-restore --test failed on a generated dump (see the table)");
    return broken ? 1 : 0;
  } finally {
    process.removeListener("SIGINT", onSignal).removeListener("SIGTERM", onSignal);
    cleanUp();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench: ${err instanceof BenchError ? err.message : err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  },
);
