/**
 * `iptlint lint --live` in a network namespace loaded with a buggy ruleset: it reads the
 * node's own rules from both backends and names each source in the report.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { requireNetfilter, withNamespace } from "../helpers/netfilter.js";
import { binPath, fromRoot } from "../helpers/project.js";

const corpus = (name: string) => readFileSync(fromRoot("test", "fixtures", "corpus", "kube", name), "utf8");

test("--live reads both backends of the node and reports the double SNAT in each", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("live", (ns) => {
    ns.restore("nft", 4, corpus("kube-proxy-1.18.2-iptables.nft.save"));
    ns.restore("legacy", 4, corpus("kube-proxy-1.14-iptables.legacy.save"));
    const r = ns.run(process.execPath, [binPath, "lint", "--live"]);
    assert.equal(r.status, 1, r.stderr);
    const sources = r.stdout.split("\n").filter((l) => l.startsWith("live:"));
    assert.deepEqual(sources, ["live:iptables-nft-save", "live:iptables-legacy-save"]);
    assert.match(r.stdout, /live:iptables-nft-save\n(?: {2}.*\n)*? {2}\d+:1 +error +`-j MASQUERADE --random-fully` on packets still marked/);
    assert.match(r.stdout, /live:iptables-legacy-save\n(?: {2}.*\n)*? {2}\d+:1 +warning +`-j MASQUERADE` on packets still marked/);
    // Rules in both backends: each dump also says the node is split (iptables-backend-split).
    assert.match(r.stdout, /live:iptables-nft-save\n {2}1:1 +warning +The node also has iptables-legacy rules in `live:iptables-legacy-save`/);
  });
});

test("--live without the right to read the rules fails clearly (exit 4)", async (t) => {
  if (!requireNetfilter(t)) return;
  // nobody may not read netfilter state: the tool says so, and iptlint passes it on.
  const r = spawnSync("su", ["nobody", "-s", "/bin/sh", "-c", `"${process.execPath}" "${binPath}" lint --live`], { encoding: "utf8" });
  assert.equal(r.status, 4, r.stdout + r.stderr);
  assert.match(r.stderr, /^iptlint: --live: ip6?tables-(nft|legacy)-save failed: permission denied/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
});
