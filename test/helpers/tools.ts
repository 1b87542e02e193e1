/**
 * Programs of the monitoring stack the tests run (promtool, node_exporter): present in CI,
 * where .ci/run installs them with apt-get. Elsewhere a test that needs one skips and says
 * why; with IPTLINT_REQUIRE_NETFILTER=1 (CI) a missing one fails the test instead.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import type { TestContext } from "node:test";

export const installed = (tool: string): boolean => spawnSync("sh", ["-c", 'command -v "$1"', "sh", tool], { encoding: "utf8" }).status === 0;

/** Skips the test (or fails it in CI) unless `tool` is installed; true when the test may go on. */
export function requireTool(t: TestContext, tool: string, debianPackage: string): boolean {
  if (installed(tool)) return true;
  const reason = `needs ${tool} (Debian package ${debianPackage})`;
  if (process.env.IPTLINT_REQUIRE_NETFILTER === "1") assert.fail(`required here (IPTLINT_REQUIRE_NETFILTER=1) but ${reason}`);
  t.skip(reason);
  return false;
}
