/**
 * Fingerprints (SARIF's primaryLocationLineHash, GitLab's fingerprint): unique per finding, the
 * same when the line moves or its counters change, different for another rule, file or line.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatters } from "../../src/format/index.js";
import type { CodeQualityIssue } from "../../src/format/gitlab.js";
import { lintText } from "../../src/lint.js";
import { context, mixedResults, RULES } from "./support.js";

const RULESET = (counters: string, before = "") =>
  "*nat\n" +
  before +
  ":POSTROUTING ACCEPT [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n" +
  "-A POSTROUTING -j KUBE-POSTROUTING\n" +
  "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n" +
  `${counters}-A KUBE-POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE --random-fully\n` +
  "COMMIT\n";

const gitlab = (text: string, filePath = "nodes/a.rules") =>
  JSON.parse(formatters.gitlab([lintText(text, { filePath, rules: RULES })], context())) as CodeQualityIssue[];

const lineHashes = (text: string, filePath = "nodes/a.rules") =>
  (
    JSON.parse(formatters.sarif([lintText(text, { filePath, rules: RULES })], context())) as {
      runs: [{ results: { partialFingerprints: { primaryLocationLineHash: string } }[] }];
    }
  ).runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash);

test("gitlab: fingerprints are unique, identical lines included", () => {
  const issues = JSON.parse(formatters.gitlab(mixedResults(), context())) as CodeQualityIssue[];
  const fingerprints = issues.map((i) => i.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length);
  for (const f of fingerprints) assert.match(f, /^[0-9a-f]{64}$/);
  const duplicates = issues.filter((i) => i.location.path === "test/format/fixtures/syntax-errors.rules" && [7, 8].includes(i.location.lines.begin));
  assert.equal(duplicates.length, 2);
  assert.equal(duplicates[0].description, duplicates[1].description);
  assert.notEqual(duplicates[0].fingerprint, duplicates[1].fingerprint);
});

test("gitlab: severities and locations", () => {
  const issues = JSON.parse(formatters.gitlab(mixedResults(), context())) as CodeQualityIssue[];
  const diagnostics = mixedResults().flatMap((r) => r.diagnostics);
  const severities = { error: "major", warning: "minor", info: "info" };
  issues.forEach((issue, i) => {
    assert.equal(issue.severity, severities[diagnostics[i].severity]);
    assert.equal(issue.check_name, diagnostics[i].ruleId);
    assert.equal(issue.description, `${diagnostics[i].ruleId}: ${diagnostics[i].message}`);
    assert.deepEqual(issue.location.lines, { begin: diagnostics[i].loc.start.line, end: diagnostics[i].loc.end.line });
  });
});

test("fingerprints: the same when the line moves or its counters change", () => {
  const base = RULESET("");
  assert.equal(gitlab(base).length, 1);
  const moved = RULESET("", "# a comment\n\n");
  const counted = RULESET("[1234:567890] ");
  const respaced = RULESET("").replace("-j MASQUERADE", "-j  MASQUERADE");
  assert.notEqual(gitlab(moved)[0].location.lines.begin, gitlab(base)[0].location.lines.begin);
  for (const variant of [moved, counted, respaced]) {
    assert.equal(gitlab(variant)[0].fingerprint, gitlab(base)[0].fingerprint);
    assert.deepEqual(lineHashes(variant), lineHashes(base));
  }
  const withC = RULESET("").replace("-A KUBE-POSTROUTING -m mark", "-A KUBE-POSTROUTING -c 10 2000 -m mark");
  assert.deepEqual(lineHashes(withC), lineHashes(base));
});

test("fingerprints: different for another file or another line", () => {
  const base = RULESET("");
  assert.notEqual(gitlab(base, "nodes/b.rules")[0].fingerprint, gitlab(base)[0].fingerprint);
  assert.notDeepEqual(lineHashes(base, "nodes/b.rules"), lineHashes(base));
  const other = base.replace("--random-fully", "--random");
  assert.notEqual(gitlab(other)[0].fingerprint, gitlab(base)[0].fingerprint);
});
