/** The programmatic API, as a library user sees it: one import, typed. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as iptlint from "../src/index.js";
import { fromRoot } from "./helpers/project.js";

const BUGGY = readFileSync(fromRoot("test", "fixtures", "corpus", "kube", "kube-proxy-1.18.2-iptables.nft.save"), "utf8");

test("lintText finds the double SNAT; fixText fixes it and finds nothing left", () => {
  const linted = iptlint.lintText(BUGGY, { filePath: "rules.v4" });
  assert.deepEqual(linted.diagnostics.map((d) => [d.ruleId, d.severity, d.loc.start.line]), [["masquerade-mark-not-cleared", "error", 57]]);
  const fixed = iptlint.fixText(BUGGY);
  assert.equal(fixed.applied.length, 1);
  assert.deepEqual(fixed.diagnostics, []);
  assert.match(fixed.output, /-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000\/0x0\n/);
  assert.match(iptlint.livePatch(fixed.result.document === undefined ? iptlint.parse(BUGGY) : iptlint.parse(BUGGY), fixed.result), /^:KUBE-POSTROUTING - \[0:0\]$/m);
});

test("lintFiles searches folders and applies each file's configuration", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-api-"));
  try {
    mkdirSync(join(dir, "patched"));
    writeFileSync(join(dir, "rules.v4"), BUGGY);
    writeFileSync(join(dir, "patched", "rules.v4"), BUGGY);
    writeFileSync(join(dir, "patched", ".iptlintrc.json"), JSON.stringify({ node: { kernelVersion: "5.4.41" } }));
    const results = await iptlint.lintFiles(["."], { cwd: dir });
    const bySeverity = Object.fromEntries(results.map((r) => [r.filePath, r.diagnostics.map((d) => d.severity)]));
    assert.deepEqual(bySeverity, { "patched/rules.v4": ["warning"], "rules.v4": ["error"] });
    await assert.rejects(iptlint.lintFiles(["nothing-*.rules"], { cwd: dir }), iptlint.UsageError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
