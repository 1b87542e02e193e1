/**
 * The VXLAN lab (examples/vxlan-lab/run.sh) end to end on the real kernel: the double SNAT that
 * kube-proxy v1.16.0-v1.18.5's KUBE-POSTROUTING causes over VXLAN, then the same connections
 * after `iptlint fix --emit patch` is applied with `iptables-restore --noflush`.
 *
 * Needs root, iproute2, iptables and conntrack; elsewhere it skips and says why, and with
 * IPTLINT_REQUIRE_NETFILTER=1 (CI) it fails instead.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { test, type TestContext } from "node:test";

import { requireNetfilter } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";

const script = fromRoot("examples", "vxlan-lab", "run.sh");

/** The lab's own "cannot run here" exit status (not root, a tool missing, no VXLAN). */
const CANNOT_RUN = 77;

const which = (tool: string): boolean => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;

/** Skips with the reason, or fails when IPTLINT_REQUIRE_NETFILTER=1; the test ends there. */
function skipOrFail(t: TestContext, reason: string): false {
  if (process.env.IPTLINT_REQUIRE_NETFILTER === "1") assert.fail(`the VXLAN lab is required here but ${reason}`);
  t.skip(reason);
  return false;
}

/** requireNetfilter (root, ip, iptables) and what it does not check: the rest of the lab's tools. */
function requireLab(t: TestContext): boolean {
  if (!requireNetfilter(t)) return false;
  const missing = ["bridge", "iptables", "iptables-save", "iptables-restore", "conntrack", "timeout", "bash"].filter((tool) => !which(tool));
  if (missing.length) return skipOrFail(t, `needs ${missing.join(", ")} (Debian packages iproute2, iptables, conntrack, coreutils, bash)`);
  return true;
}

interface LabRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/**
 * Runs the lab; `onOutput` sees stdout as it grows (to interrupt it). A run that outlives
 * `timeoutMs` gets SIGTERM, which the script answers by cleaning up.
 */
function runLab(args: string[], timeoutMs = 120_000, onOutput?: (stdout: string, child: ChildProcess) => void): Promise<LabRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [script, ...args], {
      cwd: fromRoot(),
      // The lab runs the CLI with the same node as the tests.
      env: { ...process.env, NODE: process.execPath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      onOutput?.(stdout, child);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, pid: child.pid ?? -1 });
    });
  });
}

/** The lab's namespaces still present (the script names them iptlint-vxlan-<its pid>-...). */
function leftoverNamespaces(pid: number): string[] {
  const list = spawnSync("ip", ["netns", "list"], { encoding: "utf8" }).stdout;
  return list.split("\n").filter((line) => line.startsWith(`iptlint-vxlan-${pid}-`));
}

/** Processes the lab started that are still running (the pod's listener runs under
 * `timeout 120 ip netns exec iptlint-vxlan-<pid>-pod node ...`). */
function leftoverProcesses(pid: number): string[] {
  const mark = `iptlint-vxlan-${pid}-`;
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "latin1").replaceAll("\0", " ");
      if (cmdline.includes(mark)) found.push(`${entry}: ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** The value of the report line starting with `label: `. */
function reportLine(stdout: string, label: string): string {
  const line = stdout.split("\n").find((l) => l.startsWith(`${label}: `));
  assert.ok(line !== undefined, `no "${label}:" line in the report:\n${stdout}`);
  return line.slice(label.length + 2);
}

/** "3 of 3 connections" → [3, 3]. */
function fraction(text: string): [number, number] {
  const match = /^(\d+) of (\d+)/.exec(text);
  assert.ok(match, `not "N of M": ${text}`);
  return [Number(match[1]), Number(match[2])];
}

/** "2 2 2 (inner TCP ...)" → [2, 2, 2]. */
function perConnection(text: string): number[] {
  const match = /^(\d+(?: \d+)*)/.exec(text);
  assert.ok(match, `not a list of numbers: ${text}`);
  return match[1].split(" ").map(Number);
}

/** Asserts the run succeeded, or skips/fails when the script says it cannot run here. */
function assertPassed(t: TestContext, run: LabRun): boolean {
  if (run.status === CANNOT_RUN) return skipOrFail(t, run.stderr.trim().replace(/^run\.sh: /, ""));
  assert.equal(run.status, 0, `run.sh exited ${run.status ?? run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  return true;
}

for (const backend of ["nft", "legacy"] as const) {
  test(`vxlan-lab (${backend}): the outer VXLAN flow is SNATed a second time, and iptlint's patch stops it`, async (t) => {
    if (!requireLab(t)) return;
    const run = await runLab(["--backend", backend]);
    if (!assertPassed(t, run)) return;
    const out = run.stdout;

    const [beforeSnated, connections] = fraction(reportLine(out, "before: outer VXLAN flow SNATed"));
    assert.ok(connections >= 1, out);
    assert.equal(beforeSnated, connections, "before the fix every outer VXLAN flow is SNATed");
    const beforeMasq = perConnection(reportLine(out, "before: MASQUERADE packets per connection"));
    assert.equal(beforeMasq.length, connections);
    for (const packets of beforeMasq) assert.ok(packets >= 2, `MASQUERADE counts the inner and the outer packet: ${beforeMasq.join(" ")}`);
    assert.ok(fraction(reportLine(out, "before: outer VXLAN packets carrying mark 0x4000"))[0] >= 1, "the outer packet keeps the mark");
    assert.deepEqual(fraction(reportLine(out, "before: inner connection masqueraded")), [connections, connections]);

    // iptlint on the node's own iptables-save: the headline finding, then nothing once patched.
    assert.equal(reportLine(out, "iptlint before"), "lint exit status 1, findings: masquerade-mark-not-cleared (error)");
    assert.match(reportLine(out, "iptlint after"), /^patch applied with iptables-\w+-restore --noflush; lint exit status 0, findings: none$/);
    assert.match(out, /^ {4}:KUBE-POSTROUTING - \[0:0\]$/m, "the patch declares (flushes) KUBE-POSTROUTING");

    assert.deepEqual(fraction(reportLine(out, "after: outer VXLAN flow SNATed")), [0, connections], "after the fix no outer flow is SNATed");
    assert.deepEqual(perConnection(reportLine(out, "after: MASQUERADE packets per connection")), Array(connections).fill(1), "masqueraded once");
    assert.equal(fraction(reportLine(out, "after: outer VXLAN packets carrying mark 0x4000"))[0], 0);
    assert.deepEqual(fraction(reportLine(out, "after: inner connection masqueraded")), [connections, connections]);

    assert.doesNotMatch(out, /FAIL/);
    assert.match(out, /^RESULT: PASS/m);
    assert.deepEqual(leftoverNamespaces(run.pid), [], "the lab deletes its namespaces");
    assert.deepEqual(leftoverProcesses(run.pid), [], "the lab stops the pod's listener");
  });
}

test("vxlan-lab: an interrupted run still deletes its namespaces", async (t) => {
  if (!requireLab(t)) return;
  let interrupted = false;
  const run = await runLab([], 120_000, (stdout, child) => {
    // The namespaces, devices, rules and the pod's listener all exist once the first phase starts.
    if (!interrupted && stdout.includes("== BEFORE")) {
      interrupted = true;
      child.kill("SIGINT");
    }
  });
  if (run.status === CANNOT_RUN) {
    skipOrFail(t, run.stderr.trim().replace(/^run\.sh: /, ""));
    return;
  }
  assert.ok(interrupted, `the run never reached its first phase:\n${run.stdout}\n${run.stderr}`);
  // 130, or 2 when bash 5.2 misparses its INT trap (it can when the signal lands while it expands
  // a command substitution); the cleanup runs either way, which is what this test is about.
  assert.ok(
    run.status === 130 || (run.status === 2 && /interrupt trap/.test(run.stderr)),
    `an interrupted run exits 130, got ${run.status ?? run.signal}\n${run.stdout}\n${run.stderr}`,
  );
  assert.doesNotMatch(run.stdout, /^RESULT: PASS/m);
  assert.deepEqual(leftoverNamespaces(run.pid), [], "the lab deletes its namespaces when interrupted");
  assert.deepEqual(leftoverProcesses(run.pid), [], "the lab stops the pod's listener when interrupted");
});
