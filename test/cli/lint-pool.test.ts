/** Linting in worker threads gives exactly the findings and reports of linting in one thread. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { allRules } from "../../rules/index.js";
import { lintAll, workerCount, type LintJob } from "../../src/cli/lint-pool.js";
import { defaultSettings } from "../../src/config/resolve.js";
import { formatters } from "../../src/format/index.js";
import { lintText } from "../../src/lint.js";
import { generateKubeProxyDump } from "../bench/kube-dump.js";

test("workers find what one thread finds, and every format prints the same report", async () => {
  // Four 1,000-service dumps (2.5 MB each) are past the size where workers start.
  const jobs: LintJob[] = [
    generateKubeProxyDump({ services: 1000, endpoints: 5 }),
    generateKubeProxyDump({ services: 1000, endpoints: 5, era: "1.19" }),
    generateKubeProxyDump({ services: 1000, endpoints: 5, counters: true }),
    generateKubeProxyDump({ services: 1000, endpoints: 5, backend: "legacy" }) + 'COMMIT "\n',
  ].map((text, id) => ({ id, text, filePath: `node-${id}.save`, settings: defaultSettings(), node: { kernelVersion: "5.4.41" } }));
  const parallel = await lintAll(jobs);
  const serial = jobs.map((j) => lintText(j.text, { filePath: j.filePath, settings: j.settings, node: j.node }));
  assert.deepEqual(parallel.map((r) => r.diagnostics), serial.map((r) => r.diagnostics));
  assert.ok(serial[0].diagnostics.length > 0 && serial[1].diagnostics.length === 0 && serial[3].diagnostics.some((d) => d.ruleId === "syntax"));
  const context = { cwd: process.cwd(), color: false, rules: allRules, version: "test" };
  for (const [name, format] of Object.entries(formatters)) {
    assert.equal(format(parallel, context), format(serial, context), name);
  }
});

test("workers only where they can shorten the run: not for one big text beside small ones (`--live` on a node with one big backend)", () => {
  const MB = 1024 * 1024;
  // A 25 MB dump and the three empty backends of `--live`: linted in this thread.
  assert.equal(workerCount([25 * MB, 0, 0, 0], 2), 0);
  assert.equal(workerCount([25 * MB, MB], 4), 0);
  // Two big ones, or many middling ones: one worker per core, at most one per text.
  assert.equal(workerCount([25 * MB, 25 * MB], 2), 2);
  assert.equal(workerCount([2.5 * MB, 2.5 * MB, 2.5 * MB, 2.5 * MB], 2), 2);
  assert.equal(workerCount([2.5 * MB, 2.5 * MB, 2.5 * MB], 8), 3);
  // Too little in all, or one core.
  assert.equal(workerCount([MB, MB, MB], 2), 0);
  assert.equal(workerCount([25 * MB, 25 * MB], 1), 0);
});
