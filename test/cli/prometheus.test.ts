/**
 * `-f prometheus -o FILE` from the command line: the report replaces the file in one rename
 * (node_exporter's textfile collector must never read half a file), keeps its mode, leaves no
 * temporary file, and carries this run's time; `--report prometheus=FILE` the same.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseExposition, sampleValue } from "../helpers/exposition.js";
import { binPath, fromRoot } from "../helpers/project.js";

const BUGGY = fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.18.2-iptables.nft.save");

test("bin: -f prometheus -o replaces the report in one rename, mode kept, nothing left beside it; the run's time and duration", () => {
  const folder = mkdtempSync(join(tmpdir(), "iptlint-prom-"));
  try {
    const report = join(folder, "iptlint.prom");
    writeFileSync(report, "# an older report\n");
    chmodSync(report, 0o640);
    const inodeBefore = statSync(report).ino;
    const before = Date.now() / 1000;
    const r = spawnSync(process.execPath, [binPath, "lint", BUGGY, "-f", "prometheus", "-o", report, "--report", `prometheus=${join(folder, "also.prom")}`], { encoding: "utf8" });
    const after = Date.now() / 1000;
    assert.deepEqual([r.status, r.stdout, r.stderr], [1, "", ""]);
    assert.deepEqual(readdirSync(folder).sort(), ["also.prom", "iptlint.prom"], "no temporary file left");
    assert.notEqual(statSync(report).ino, inodeBefore, "a new file renamed over the old one, not the old one rewritten");
    assert.equal(statSync(report).mode & 0o777, 0o640);
    const families = parseExposition(readFileSync(report, "utf8"));
    assert.equal(sampleValue(families, "iptlint_findings", { rule: "masquerade-mark-not-cleared", severity: "error" }), 1);
    const stamp = sampleValue(families, "iptlint_last_run_timestamp_seconds")!;
    assert.ok(stamp >= Math.floor(before) && stamp <= after, `${before} <= ${stamp} <= ${after}`);
    const duration = sampleValue(families, "iptlint_last_run_duration_seconds")!;
    assert.ok(duration > 0 && duration < after - before, `${duration}`);
    const also = parseExposition(readFileSync(join(folder, "also.prom"), "utf8"));
    assert.equal(sampleValue(also, "iptlint_last_run_timestamp_seconds"), stamp, "--report carries the same run");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("bin: -f prometheus -o into a folder that does not exist exits 4 with a one-line reason", () => {
  const r = spawnSync(process.execPath, [binPath, "lint", BUGGY, "-f", "prometheus", "-o", "/nonexistent-iptlint/iptlint.prom"], { encoding: "utf8" });
  assert.equal(r.status, 4, r.stderr);
  assert.match(r.stderr, /^iptlint: cannot write \/nonexistent-iptlint\/iptlint\.prom: [^\n]+\n$/);
});
