/**
 * The fix of masquerade-mark-not-cleared against the real iptables, in private network
 * namespaces (nft and legacy): the fixed ruleset loads, iptables-save prints the fixed chain
 * exactly as iptlint wrote it, the --noflush live patch turns a node holding the original into
 * the same chain and touches no other chain, and the diff applies with `patch`.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { applyFixes } from "../../src/fix/apply.js";
import { livePatch, unifiedDiff } from "../../src/fix/emit.js";
import { lintDocument } from "../../src/lint.js";
import { requireNetfilter, withNamespace, type Backend, type Family, type Namespace } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";

const kube = (name: string) => readFileSync(fromRoot("test", "fixtures", "corpus", "kube", name), "utf8");
const fixture = (name: string) => readFileSync(fromRoot("rules", "masquerade-mark-not-cleared", "fixtures", name), "utf8");

interface Case {
  name: string;
  text: string;
  family: Family;
  counters: boolean;
}

const cases: Case[] = [
  { name: "1.18.2 iptables nft dump", text: kube("kube-proxy-1.18.2-iptables.nft.save"), family: 4, counters: false },
  { name: "1.18.2 iptables legacy dump", text: kube("kube-proxy-1.18.2-iptables.legacy.save"), family: 4, counters: false },
  { name: "1.18.2 counters dump", text: kube("kube-proxy-1.18.2-iptables.nft.counters.save"), family: 4, counters: true },
  { name: "1.18.2 ipvs dump", text: kube("kube-proxy-1.18.2-ipvs.nft.save"), family: 4, counters: false },
  { name: "1.14 dump", text: kube("kube-proxy-1.14-iptables.legacy.save"), family: 4, counters: false },
  { name: "stale rules after an upgrade", text: fixture("invalid-stale-rules-after-upgrade.rules"), family: 4, counters: false },
  { name: "OpenShift bit 0", text: fixture("invalid-openshift-bit-0.rules"), family: 4, counters: false },
  { name: "mark and another condition", text: fixture("invalid-mark-and-other-condition.rules"), family: 4, counters: false },
  { name: "ip6tables", text: fixture("invalid-ip6tables.rules"), family: 6, counters: false },
];

function fixOf(text: string) {
  const document = parse(text);
  const fixes = lintDocument(document).flatMap((d) => (d.fix ? [d.fix] : []));
  assert.ok(fixes.length > 0, "the rule offers a fix");
  return { document, result: applyFixes(document, fixes) };
}

/** A dump without its `#` lines (dates) and counters: what two loads of the same rules share. */
function comparable(dump: string): string {
  return dump
    .split("\n")
    .filter((line) => !line.startsWith("#"))
    .map((line) => line.replace(/^\[\d+:\d+\] /, "").replace(/ \[\d+:\d+\]$/, " [0:0]"))
    .join("\n");
}

const chainRules = (dump: string, chain: string) =>
  dump.split("\n").filter((line) => line.replace(/^\[\d+:\d+\] /, "").startsWith(`-A ${chain} `));

/** The IPVS dump matches on an ipset, which must exist before the rules load. */
function prepare(ns: Namespace, family: Family, text: string): void {
  if (!text.includes("KUBE-LOOP-BACK")) return;
  const created = ns.run("ipset", ["create", "KUBE-LOOP-BACK", "hash:ip,port,ip", "family", family === 6 ? "inet6" : "inet"]);
  assert.equal(created.status, 0, `ipset create: ${created.stderr}`);
}

for (const backend of ["nft", "legacy"] as Backend[]) {
  for (const c of cases) {
    test(`${c.name} (${backend}): the fixed ruleset loads and iptables-save prints the fixed chain as iptlint wrote it`, async (t) => {
      if (!requireNetfilter(t)) return;
      const { result } = fixOf(c.text);
      await withNamespace("mfix", (ns) => {
        prepare(ns, c.family, c.text);
        const args = c.counters ? ["-c"] : [];
        ns.restore(backend, c.family, result.output, ["--test", ...args]);
        ns.restore(backend, c.family, result.output, args);
        const saved = ns.save(backend, c.family, ["-t", "nat", ...args]);
        assert.deepEqual(chainRules(saved, "KUBE-POSTROUTING"), chainRules(result.output, "KUBE-POSTROUTING"));
      });
    });

    test(`${c.name} (${backend}): the --noflush live patch gives the same chain and leaves every other chain alone`, async (t) => {
      if (!requireNetfilter(t)) return;
      const { document, result } = fixOf(c.text);
      const patch = livePatch(document, result);
      assert.match(patch, /^# .*--noflush/m);
      await withNamespace("mpatch", (ns) => {
        prepare(ns, c.family, c.text);
        ns.restore(backend, c.family, c.text);
        const before = ns.save(backend, c.family);
        ns.restore(backend, c.family, patch, ["--noflush"]);
        const after = ns.save(backend, c.family);
        assert.deepEqual(chainRules(after, "KUBE-POSTROUTING").map(stripCounters), chainRules(result.output, "KUBE-POSTROUTING").map(stripCounters));
        // Everything but KUBE-POSTROUTING's rules is as it was.
        const others = (dump: string) => comparable(dump).split("\n").filter((l) => !l.startsWith("-A KUBE-POSTROUTING "));
        assert.deepEqual(others(after), others(before));
      });
    });
  }
}

const stripCounters = (line: string) => line.replace(/^\[\d+:\d+\] /, "");

test("the diff applies with patch -p1 and gives the fixed file", (t) => {
  const patchTool = spawnSync("sh", ["-c", "command -v patch"]);
  if (patchTool.status !== 0) {
    if (process.env.IPTLINT_REQUIRE_NETFILTER === "1") assert.fail("patch is required here (Debian package patch)");
    t.skip("needs the patch tool");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "iptlint-diff-"));
  try {
    for (const c of cases) {
      const { document, result } = fixOf(c.text);
      writeFileSync(join(dir, "rules.v4"), c.text);
      const diff = unifiedDiff(document, result, "rules.v4");
      const applied = spawnSync("patch", ["-p1", "--quiet"], { cwd: dir, input: diff, encoding: "utf8" });
      assert.equal(applied.status, 0, `${c.name}: ${applied.stdout}${applied.stderr}\n${diff}`);
      assert.equal(readFileSync(join(dir, "rules.v4"), "utf8"), result.output, c.name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
