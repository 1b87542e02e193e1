/** lintText with a file's settings: rules off, configured severities, node, end to end from a file. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { loadConfig } from "../../src/config/load.js";
import { defaultSettings, resolveSettings, type FileSettings, type RuleSetting } from "../../src/config/resolve.js";
import type { RuleContext, RuleModule } from "../../rules/types.js";
import { lintText } from "../../src/lint.js";
import { fromRoot } from "../helpers/project.js";

const RULE = "masquerade-mark-not-cleared";
const fixture = (name: string) => readFileSync(fromRoot("rules", RULE, "fixtures", name), "utf8");
/** The rule gives this one an error (--random-fully) ... */
const RANDOM_FULLY = fixture("invalid-v1.18.2.rules");
/** ... and this one a warning (no --random-fully). */
const LATENT = fixture("invalid-openshift-bit-0.rules");

const withRule = (setting: RuleSetting["severity"]): FileSettings => ({
  ...defaultSettings(),
  rules: new Map([[RULE, { severity: setting, options: undefined }]]),
});
const severities = (text: string, settings?: FileSettings) => lintText(text, { settings }).diagnostics.map((d) => `${d.ruleId}:${d.severity}`);

test("settings: a rule left at its default keeps the severity it gives each finding", () => {
  assert.deepEqual(severities(RANDOM_FULLY, defaultSettings()), [`${RULE}:error`]);
  assert.deepEqual(severities(LATENT, defaultSettings()), [`${RULE}:warning`]);
  assert.deepEqual(severities(LATENT), [`${RULE}:warning`]);
});

test("settings: a rule turned off is not run; syntax errors are reported all the same", () => {
  assert.deepEqual(severities(RANDOM_FULLY, withRule("off")), []);
  assert.deepEqual(severities(`${RANDOM_FULLY}-A X`, withRule("off")), ["syntax:error"]);
});

test("settings: a configured severity replaces the rule's own; the message, which names no severity, stays the rule's own", () => {
  assert.deepEqual(severities(RANDOM_FULLY, withRule("warning")), [`${RULE}:warning`]);
  assert.deepEqual(severities(LATENT, withRule("error")), [`${RULE}:error`]);
  assert.deepEqual(severities(LATENT, withRule("info")), [`${RULE}:info`]);
  for (const [text, severity] of [[RANDOM_FULLY, "warning"], [LATENT, "error"], [RANDOM_FULLY, "error"]] as const) {
    const message = lintText(text, { settings: withRule(severity) }).diagnostics[0].message;
    assert.equal(message, lintText(text).diagnostics[0].message);
    assert.doesNotMatch(message, /\b(error|warning)\b/i);
  }
});

test("settings: node from the settings, the node option winning field by field", () => {
  const settings: FileSettings = { ...defaultSettings(), node: { kernelVersion: "5.4.41", kubernetesVersion: "v1.18.2" } };
  const message = (node?: { kernelVersion?: string; kubernetesVersion?: string }) =>
    lintText(RANDOM_FULLY, { settings, node }).diagnostics[0];
  assert.equal(message().severity, "warning");
  assert.match(message().message, /kernel 5\.4\.41 has the checksum fix/);
  assert.match(message({ kernelVersion: "4.19.100" }).message, /kernel 4\.19\.100 lacks the checksum fix/);
  // An undefined field (a flag not given) does not hide the configured one.
  assert.match(message({ kernelVersion: undefined }).message, /kernel 5\.4\.41 has the checksum fix/);
});

test("settings: suppressions: false ignores the iptlint-disable comments", () => {
  const text = `# iptlint-disable-file ${RULE}\n${RANDOM_FULLY}`;
  assert.deepEqual(severities(text), []);
  assert.deepEqual(lintText(text, { suppressions: false }).diagnostics.map((d) => d.ruleId), [RULE]);
});

test("settings: end to end, a YAML configuration found upward, its overrides and ignores", async () => {
  const root = mkdtempSync(join(tmpdir(), "iptlint-settings-"));
  try {
    writeFileSync(
      join(root, ".iptlintrc.yaml"),
      [
        "reportUnusedSuppressions: error",
        "node:",
        "  kubernetesVersion: v1.18.2",
        "overrides:",
        "  - files: lab/**",
        "    rules:",
        `      ${RULE}: info`,
        "ignores:",
        "  - archive/",
      ].join("\n"),
    );
    for (const dir of ["lab/edge", "prod", "archive/2020"]) mkdirSync(join(root, dir), { recursive: true });
    const lintAt = async (relative: string, text: string) => {
      const path = join(root, relative);
      const settings = resolveSettings(await loadConfig({ directory: join(path, "..") }), path);
      return { ignored: settings.ignored, rows: lintText(text, { filePath: path, settings }).diagnostics.map((d) => `${d.ruleId}:${d.severity}`) };
    };
    assert.deepEqual(await lintAt("prod/rules.v4", RANDOM_FULLY), { ignored: false, rows: [`${RULE}:error`] });
    assert.deepEqual(await lintAt("lab/edge/rules.v4", RANDOM_FULLY), { ignored: false, rows: [`${RULE}:info`] });
    assert.deepEqual(await lintAt("archive/2020/rules.v4", RANDOM_FULLY), { ignored: true, rows: [`${RULE}:error`] });
    assert.deepEqual(await lintAt("prod/rules.v4", `# iptlint-disable-file ${RULE}\n${LATENT.replace("--random-fully", "")}`), {
      ignored: false,
      rows: [],
    });
    const clean = fixture("valid-v1.18.6-sequence.rules");
    assert.deepEqual(await lintAt("prod/clean.v4", `# iptlint-disable-file ${RULE}\n${clean}`), { ignored: false, rows: ["unused-suppression:error"] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("settings: a rule's configured options reach its check", () => {
  const seen: unknown[] = [];
  const rule: RuleModule = {
    id: "fake-rule",
    description: "records its options",
    severity: "warning",
    fixable: false,
    check(context: RuleContext) {
      seen.push((context as RuleContext & { options?: unknown }).options);
    },
  };
  const settings: FileSettings = { ...defaultSettings(), rules: new Map([["fake-rule", { severity: "error", options: { clearMark: true } }]]) };
  lintText(RANDOM_FULLY, { rules: [rule], settings });
  lintText(RANDOM_FULLY, { rules: [rule] });
  assert.deepEqual(seen, [{ clearMark: true }, undefined]);
});
