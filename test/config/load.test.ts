/**
 * Loading the configuration: discovery from the linted file's folder upward, `--config`-style
 * explicit loading, and the errors (file, key path in plain words, "did you mean") for JSON,
 * YAML, package.json#iptlint and JavaScript sources.
 */
import assert from "node:assert/strict";
import { allRules } from "../../rules/index.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

import { ConfigError, NO_CONFIG, checkConfig, loadConfig } from "../../src/config/load.js";

const roots: string[] = [];
after(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder with these files (path → content); folders are made as needed. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "iptlint-config-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The ConfigError message that loading throws. */
async function loadError(options: { directory?: string; path?: string }): Promise<string> {
  try {
    await loadConfig(options);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail("the configuration loaded without an error");
}

/** The error lines of checkConfig for a configuration object. */
function problems(config: unknown, file = "/etc/iptlint/.iptlintrc.json"): string[] {
  try {
    checkConfig(config, file);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const [head, ...lines] = error.message.split("\n");
    assert.equal(head, `invalid configuration in ${file}:`);
    return lines.map((l) => l.replace(/^ {2}- /, ""));
  }
  assert.fail("the configuration was accepted");
}

// ---------------------------------------------------------------------------------------------
// Discovery

test("config: found from the linted file's folder upward, the nearest one winning", async () => {
  const root = project({
    ".iptlintrc.yaml": "rules:\n  masquerade-mark-not-cleared: warning\n",
    "nodes/edge/.keep": "",
    "nodes/core/.iptlintrc.json": JSON.stringify({ rules: { "masquerade-mark-not-cleared": "off" } }),
    "nodes/core/rack-1/.keep": "",
  });
  const far = await loadConfig({ directory: join(root, "nodes", "edge") });
  assert.equal(far.filePath, join(root, ".iptlintrc.yaml"));
  assert.deepEqual(far.config, { rules: { "masquerade-mark-not-cleared": "warning" } });

  const near = await loadConfig({ directory: join(root, "nodes", "core", "rack-1") });
  assert.equal(near.filePath, join(root, "nodes", "core", ".iptlintrc.json"));
  assert.deepEqual(near.config.rules, { "masquerade-mark-not-cleared": "off" });
});

test("config: every search place of the issue is read", async () => {
  const config = { rules: { "masquerade-mark-not-cleared": "info" } };
  const places: Record<string, string> = {
    ".iptlintrc": "rules:\n  masquerade-mark-not-cleared: info\n",
    ".iptlintrc.json": JSON.stringify(config),
    ".iptlintrc.yaml": "rules: { masquerade-mark-not-cleared: info }\n",
    ".iptlintrc.yml": "rules:\n  masquerade-mark-not-cleared: info\n",
    ".iptlintrc.js": `export default ${JSON.stringify(config)};\n`,
    ".iptlintrc.mjs": `export default ${JSON.stringify(config)};\n`,
    ".iptlintrc.cjs": `module.exports = ${JSON.stringify(config)};\n`,
    "iptlint.config.js": `export default ${JSON.stringify(config)};\n`,
    "iptlint.config.mjs": `export default ${JSON.stringify(config)};\n`,
    "iptlint.config.cjs": `module.exports = ${JSON.stringify(config)};\n`,
  };
  for (const [name, content] of Object.entries(places)) {
    // .js files are ES modules here, as in a project with "type": "module".
    const root = project({ "package.json": JSON.stringify({ name: "rulesets", type: "module" }), [name]: content, "a/.keep": "" });
    const loaded = await loadConfig({ directory: join(root, "a") });
    assert.equal(loaded.filePath, join(root, name), name);
    assert.deepEqual(loaded.config, config, name);
  }
});

test("config: package.json#iptlint, and a package.json without it is passed over", async () => {
  const root = project({
    "package.json": JSON.stringify({ name: "infra", iptlint: { node: { kernelVersion: "5.4.0-107-generic" } } }),
    "nodes/package.json": JSON.stringify({ name: "nodes" }),
    "nodes/edge/.keep": "",
  });
  const loaded = await loadConfig({ directory: join(root, "nodes", "edge") });
  assert.equal(loaded.filePath, join(root, "package.json"));
  assert.deepEqual(loaded.config, { node: { kernelVersion: "5.4.0-107-generic" } });
});

test("config: --config loads the named file, whatever its name, and searches nothing", async () => {
  const root = project({
    ".iptlintrc.json": JSON.stringify({ rules: { "masquerade-mark-not-cleared": "off" } }),
    "ci/lint-settings.yaml": "reportUnusedSuppressions: error\n",
  });
  const loaded = await loadConfig({ path: join(root, "ci", "lint-settings.yaml") });
  assert.deepEqual(loaded, { config: { reportUnusedSuppressions: "error" }, filePath: join(root, "ci", "lint-settings.yaml") });

  const missing = await loadError({ path: join(root, "ci", "nope.json") });
  assert.equal(missing, `cannot read the configuration (${join(root, "ci", "nope.json")}): no such file`);
});

test("config: an empty file is passed over (cosmiconfig's rule); no file at all is NO_CONFIG", async () => {
  const root = project({ ".iptlintrc.yaml": "rules: {}\n", "deep/.iptlintrc.yaml": "# nothing yet\n", "deep/er/.iptlintrc.json": "" });
  assert.deepEqual(await loadConfig({ directory: join(root, "deep", "er") }), { config: { rules: {} }, filePath: join(root, ".iptlintrc.yaml") });
  // Nothing from a temporary folder up to the root (a machine with a configuration above
  // the temporary folder or in ~/.config/iptlint would find that one instead).
  const bare = project({ "x/.keep": "" });
  const none = await loadConfig({ directory: join(bare, "x") });
  if (none.filePath === undefined) assert.equal(none, NO_CONFIG);
});

test("config: a file that does not parse names the file and the parser's reason", async () => {
  const root = project({ ".iptlintrc.yaml": "rules:\n  masquerade-mark-not-cleared: [error\n", "a/.keep": "" });
  const message = await loadError({ directory: join(root, "a") });
  assert.ok(message.startsWith(`cannot read the configuration (${join(root, ".iptlintrc.yaml")}): `), message);
  const json = project({ ".iptlintrc.json": '{ "rules": { } ', "a/.keep": "" });
  assert.match(await loadError({ directory: join(json, "a") }), /^cannot read the configuration \(.*\.iptlintrc\.json\): /);
});

// ---------------------------------------------------------------------------------------------
// Errors, from each kind of source

test("config errors: JSON source, an unknown rule id with the nearest id", async () => {
  const root = project({ ".iptlintrc.json": JSON.stringify({ rules: { "masquerade-mark-not-cleard": "error" } }), "n/.keep": "" });
  assert.equal(
    await loadError({ directory: join(root, "n") }),
    `invalid configuration in ${join(root, ".iptlintrc.json")}:\n` +
      "  - unknown rule `masquerade-mark-not-cleard` in `rules`: did you mean `masquerade-mark-not-cleared`?",
  );
});

test("config errors: YAML source, a severity with the nearest severity", async () => {
  const root = project({ ".iptlintrc.yml": "rules:\n  masquerade-mark-not-cleared: warn\n", "n/.keep": "" });
  assert.equal(
    await loadError({ directory: join(root, "n") }),
    `invalid configuration in ${join(root, ".iptlintrc.yml")}:\n` +
      "  - `rules.masquerade-mark-not-cleared` must be one of off, info, warning, error: did you mean `warning`?",
  );
});

test("config errors: package.json#iptlint source names the file and the property", async () => {
  const root = project({
    "package.json": JSON.stringify({ name: "infra", iptlint: { overrides: [{ files: "*.v6", rules: { "masquerade-mark-not-cleared": "eror" } }] } }),
  });
  assert.equal(
    await loadError({ directory: root }),
    `invalid configuration in ${join(root, "package.json")}#iptlint:\n` +
      "  - `overrides[0].rules.masquerade-mark-not-cleared` must be one of off, info, warning, error: did you mean `error`?",
  );
});

test("config errors: JavaScript source and --config source", async () => {
  const root = project({ "iptlint.config.cjs": "module.exports = { ignore: ['*.bak'] };\n", "ci/strict.json": '{"reportUnusedSuppressions": "warn"}' });
  assert.match(
    await loadError({ directory: root }),
    /^invalid configuration in .*iptlint\.config\.cjs:\n {2}- unknown key `ignore` at the top level: did you mean `ignores`\?/,
  );
  assert.equal(
    await loadError({ path: join(root, "ci", "strict.json") }),
    `invalid configuration in ${join(root, "ci", "strict.json")}:\n` +
      "  - `reportUnusedSuppressions` must be one of off, info, warning, error: did you mean `warning`?",
  );
});

test("config errors: rule ids", () => {
  assert.deepEqual(problems({ rules: { "masquerade-mark-not-cleard": "error" } }), [
    "unknown rule `masquerade-mark-not-cleard` in `rules`: did you mean `masquerade-mark-not-cleared`?",
  ]);
  // A shortening of one id is taken as that id.
  assert.deepEqual(problems({ overrides: [{ files: "*", rules: { masquerade: "off" } }] }), [
    "unknown rule `masquerade` in `overrides[0].rules`: did you mean `masquerade-mark-not-cleared`?",
  ]);
  assert.deepEqual(problems({ rules: { "no-such-rule": "off" } }), [
    `unknown rule \`no-such-rule\` in \`rules\` (known rules: ${allRules.map((r) => r.id).join(", ")})`,
  ]);
  assert.deepEqual(problems({ rules: { syntax: "off" } }), [
    "`syntax` in `rules` cannot be configured: syntax errors are what iptables-restore refuses, and are always reported",
  ]);
  assert.deepEqual(problems({ rules: { "unused-suppression": "error" } }), [
    "`unused-suppression` in `rules` is not a rule: set `reportUnusedSuppressions` at the top level instead",
  ]);
});

test("config errors: severities and [severity, options]", () => {
  const rule = "masquerade-mark-not-cleared";
  assert.deepEqual(problems({ rules: { [rule]: "warn" } }), [`\`rules.${rule}\` must be one of off, info, warning, error: did you mean \`warning\`?`]);
  assert.deepEqual(problems({ rules: { [rule]: "Error" } }), [`\`rules.${rule}\` must be one of off, info, warning, error: did you mean \`error\`?`]);
  // ESLint's numbers are understood enough to suggest the name.
  assert.deepEqual(problems({ rules: { [rule]: 1 } }), [`\`rules.${rule}\` must be one of off, info, warning, error: did you mean \`warning\`?`]);
  assert.deepEqual(problems({ rules: { [rule]: "fatal" } }), [`\`rules.${rule}\` must be one of off, info, warning, error (got \`fatal\`)`]);
  assert.deepEqual(problems({ rules: { [rule]: ["warn"] } }), [`\`rules.${rule}[0]\` must be one of off, info, warning, error: did you mean \`warning\`?`]);
  assert.deepEqual(problems({ rules: { [rule]: [] } }), [`\`rules.${rule}\` must have at least 1 item`]);
  assert.deepEqual(problems({ rules: { [rule]: ["error", {}, {}] } }), [`\`rules.${rule}\` must be \`[severity]\` or \`[severity, options]\`, not 3 items`]);
  // This rule declares no options.
  assert.deepEqual(problems({ rules: { [rule]: ["error", { clearMark: true }] } }), [
    `rule \`${rule}\` takes no options, but \`rules.${rule}[1]\` has \`clearMark\`: write \`"${rule}": "<severity>"\``,
  ]);
  assert.deepEqual(problems({ rules: { [rule]: ["error", "x"] } }), [`\`rules.${rule}[1]\` must be an object, not a string`]);
  assert.deepEqual(problems({ rules: [rule] }), ["`rules` must be an object, not an array"]);
  // The valid forms.
  for (const entry of ["off", "info", "warning", "error", ["error"], ["warning", {}]]) {
    assert.deepEqual(checkConfig({ rules: { [rule]: entry } }, "x.json"), { rules: { [rule]: entry } });
  }
});

test("config errors: overrides, ignores, reportUnusedSuppressions, node, the top level", () => {
  assert.deepEqual(problems({ overrides: [{ file: "*.v6" }] }), [
    "`overrides[0]` has no `files`: give the files it applies to, a glob or a list of globs",
    "unknown key `file` in `overrides[0]`: did you mean `files`? (known keys: files, rules, node, family)",
  ]);
  assert.deepEqual(problems({ overrides: [{ files: [] }, { files: "" }, { files: ["a", 3] }, { files: 3 }] }), [
    "`overrides[0].files` must list at least one glob",
    "`overrides[1].files` must not be empty",
    "`overrides[2].files[1]` must be a string, not a number",
    "`overrides[3].files` must be a glob or a list of globs, not a number",
  ]);
  assert.deepEqual(problems({ overrides: { files: "*" } }), ["`overrides` must be an array, not an object"]);
  assert.deepEqual(problems({ overrides: [{ files: "*", node: { kernel: "5.4.0" } }] }), [
    "unknown key `kernel` in `overrides[0].node`: did you mean `kernelVersion`? (known keys: kernelVersion, kubernetesVersion, iptablesVersion)",
  ]);
  assert.deepEqual(problems({ ignores: "*.bak" }), ['`ignores` must be an array, not a string: write `["*.bak"]`']);
  assert.deepEqual(problems({ ignores: ["old/", ""] }), ["`ignores[1]` must not be empty"]);
  assert.deepEqual(problems({ reportUnusedSuppressions: "eror" }), [
    "`reportUnusedSuppressions` must be one of off, info, warning, error: did you mean `error`?",
  ]);
  assert.deepEqual(problems({ node: { kubernetesVersion: "latest" } }), ["`node.kubernetesVersion` does not look like a version such as v1.18.2"]);
  assert.deepEqual(problems({ rule: {} }), [
    "unknown key `rule` at the top level: did you mean `rules`? (known keys: $schema, rules, overrides, ignores, reportUnusedSuppressions, node, family, nodes)",
  ]);
  assert.deepEqual(problems("rules: x"), ["the configuration must be an object of settings, not a string"]);
  // Every mistake at once, in one message.
  assert.equal(problems({ rules: { "masquerade-mark-not-cleared": "warn" }, ignores: "x", reportUnusedSuppressions: 2 }).length, 3);
});
