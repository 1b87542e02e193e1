/**
 * The `prometheus` format: Prometheus' text exposition format for node_exporter's textfile
 * collector, read back by a real parser and checked by promtool.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { allRules } from "../../rules/index.js";
import { formatters } from "../../src/format/index.js";
import { lintText } from "../../src/lint.js";
import { parseExposition, promtoolCheckMetrics, sampleValue } from "../helpers/exposition.js";
import { fromRoot } from "../helpers/project.js";
import { requireTool } from "../helpers/tools.js";
import { RUN, VERSION, context, lintFixture, mixedResults } from "./support.js";

const KUBE_BUGGY = "test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save";
const KUBE_FIXED = "test/fixtures/corpus/kube/kube-proxy-1.19-iptables.nft.save";

test("prometheus: parses; every family a gauge with its help; findings counted by rule and severity", () => {
  const results = mixedResults();
  const families = parseExposition(formatters.prometheus(results, context()));
  assert.deepEqual(
    families.map((f) => f.name),
    ["iptlint_info", "iptlint_findings", "iptlint_rules", "iptlint_chains", "iptlint_last_run_timestamp_seconds", "iptlint_last_run_duration_seconds"],
  );
  for (const f of families) {
    assert.equal(f.type, "GAUGE", f.name);
    assert.ok(f.help.length > 10, f.name);
  }
  const all = results.flatMap((r) => r.diagnostics);
  const findings = families.find((f) => f.name === "iptlint_findings")!.metrics;
  for (const m of findings) {
    const expected = all.filter((d) => d.ruleId === m.labels!.rule && d.severity === m.labels!.severity).length;
    assert.equal(Number(m.value), expected, JSON.stringify(m.labels));
  }
  assert.equal(findings.reduce((n, m) => n + Number(m.value), 0), all.length, "every finding in some series");
  assert.equal(sampleValue(families, "iptlint_info", { version: VERSION }), 1);
  assert.equal(sampleValue(families, "iptlint_last_run_timestamp_seconds"), RUN.endedAt / 1000);
  assert.equal(sampleValue(families, "iptlint_last_run_duration_seconds"), 1.235);
});

test("prometheus: a fixed ruleset reads 0 for every rule at its default severity, not an absent series", () => {
  const metric = (path: string) =>
    sampleValue(parseExposition(formatters.prometheus([lintFixture(path)], context())), "iptlint_findings", { rule: "masquerade-mark-not-cleared", severity: "error" });
  assert.equal(metric(KUBE_BUGGY), 1);
  assert.equal(metric(KUBE_FIXED), 0);
  const clean = parseExposition(formatters.prometheus([lintText("*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n", { filePath: "rules.v4" })], context({ rules: allRules })));
  const series = clean.find((f) => f.name === "iptlint_findings")!.metrics;
  assert.deepEqual(
    series.map((m) => `${m.labels!.rule}/${m.labels!.severity}=${m.value}`),
    ["syntax", ...allRules.map((r) => r.id), "unused-suppression", "invalid-suppression"].map((id) => {
      const severity = id === "syntax" ? "error" : (allRules.find((r) => r.id === id)?.severity ?? "warning");
      return `${id}/${severity}=0`;
    }),
  );
});

test("prometheus: bounded labels (rule, severity, ruleset, version), never a line number or rule text; values escaped", () => {
  const odd = lintText(readFileSync(fromRoot(KUBE_BUGGY), "utf8"), { filePath: 'a "quoted"\\back\nslash.v4', rules: allRules });
  const text = formatters.prometheus([odd, ...mixedResults()], context({ rules: allRules }));
  const families = parseExposition(text);
  const names = new Set(families.flatMap((f) => f.metrics.flatMap((m) => Object.keys(m.labels ?? {}))));
  assert.deepEqual([...names].sort(), ["rule", "ruleset", "severity", "version"]);
  for (const m of families.find((f) => f.name === "iptlint_findings")!.metrics) {
    assert.match(m.labels!.rule, /^[a-z][a-z0-9-]*$/);
    assert.match(m.labels!.severity, /^(error|warning|info)$/);
  }
  assert.equal(sampleValue(families, "iptlint_rules", { ruleset: 'a "quoted"\\back\nslash.v4' }), 59, "the name read back as it was");
  assert.match(text, /^iptlint_rules\{ruleset="a \\"quoted\\"\\\\back\\nslash\.v4"\} 59$/m);
  assert.doesNotMatch(text, /MASQUERADE|KUBE-|:57/, "no rule text, no place");
});

test("prometheus: rules and chains counted as the dump has them (-A lines, chain declarations)", () => {
  const text = readFileSync(fromRoot(KUBE_BUGGY), "utf8");
  const families = parseExposition(formatters.prometheus([lintFixture(KUBE_BUGGY, "live:iptables-nft-save")], context()));
  assert.equal(sampleValue(families, "iptlint_rules", { ruleset: "live:iptables-nft-save" }), text.match(/^-A /gm)!.length);
  assert.equal(sampleValue(families, "iptlint_chains", { ruleset: "live:iptables-nft-save" }), text.match(/^:/gm)!.length);
});

test("prometheus: a ruleset name given twice makes one series of each count, their sum (the collector refuses repeated series)", () => {
  const twice = [lintFixture(KUBE_BUGGY, "rules.v4"), lintFixture(KUBE_FIXED, "rules.v4")];
  const text = formatters.prometheus(twice, context());
  assert.equal(text.match(/^iptlint_rules\{ruleset="rules\.v4"\}/gm)!.length, 1);
  const families = parseExposition(text);
  const count = (path: string) => readFileSync(fromRoot(path), "utf8").match(/^-A /gm)!.length;
  assert.equal(sampleValue(families, "iptlint_rules", { ruleset: "rules.v4" }), count(KUBE_BUGGY) + count(KUBE_FIXED));
});

test("prometheus: without a run (the API's formatters), no timestamp and no duration", () => {
  const text = formatters.prometheus([lintFixture(KUBE_FIXED)], context({ run: undefined }));
  assert.doesNotMatch(text, /iptlint_last_run/);
  assert.ok(parseExposition(text).length === 4);
});

test("prometheus: promtool check metrics has nothing to say of the reports", (t) => {
  if (!requireTool(t, "promtool", "prometheus")) return;
  for (const results of [mixedResults(), [lintFixture(KUBE_FIXED)], []]) {
    assert.equal(promtoolCheckMetrics(formatters.prometheus(results, context({ rules: allRules }))), "");
  }
  // The check can fail: a counter without _total is one of its complaints.
  assert.match(promtoolCheckMetrics("# HELP x_count a\n# TYPE x_count counter\nx_count 1\n"), /_total/);
});
