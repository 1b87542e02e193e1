/** The settings of one file: overrides in order, ignores, node, relative to the configuration's folder. */
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { test } from "node:test";

import { NO_CONFIG, type Config, type LoadedConfig } from "../../src/config/load.js";
import { defaultSettings, isIgnored, resolveSettings } from "../../src/config/resolve.js";

const RULE = "masquerade-mark-not-cleared";
const ROOT = resolve("/srv/infra");
const loaded = (config: Config, file = join(ROOT, ".iptlintrc.yaml")): LoadedConfig => ({ config, filePath: file });
const at = (...parts: string[]) => join(ROOT, ...parts);

test("resolve: no configuration gives the defaults", () => {
  assert.deepEqual(resolveSettings(NO_CONFIG, "rules.v4"), defaultSettings());
  assert.deepEqual(defaultSettings(), { ignored: false, rules: new Map(), node: {}, reportUnusedSuppressions: "warning" });
});

test("resolve: the top level, then each matching override in order; a bare severity keeps earlier options", () => {
  const config = loaded({
    rules: { [RULE]: ["warning", { keep: 1 }] },
    node: { kernelVersion: "4.19.100", kubernetesVersion: "v1.18.2" },
    reportUnusedSuppressions: "error",
    overrides: [
      { files: "*.v6", rules: { [RULE]: "off" } },
      { files: ["nodes/edge-*/**"], rules: { [RULE]: "error" }, node: { kernelVersion: "5.4.41" } },
      { files: "nodes/edge-2/rules.v4", rules: { [RULE]: ["info", { keep: 2 }] } },
    ],
  });
  const top = resolveSettings(config, at("core", "rules.v4"));
  assert.deepEqual(top, {
    ignored: false,
    rules: new Map([[RULE, { severity: "warning", options: { keep: 1 } }]]),
    node: { kernelVersion: "4.19.100", kubernetesVersion: "v1.18.2" },
    reportUnusedSuppressions: "error",
  });
  // A glob without a slash matches the name in any folder; a later override wins.
  assert.equal(resolveSettings(config, at("nodes", "core", "rules.v6")).rules.get(RULE)?.severity, "off");
  assert.equal(resolveSettings(config, at("nodes", "edge-1", "rules.v6")).rules.get(RULE)?.severity, "error");
  const edge1 = resolveSettings(config, at("nodes", "edge-1", "rules.v4"));
  assert.deepEqual(edge1.rules.get(RULE), { severity: "error", options: { keep: 1 } });
  assert.deepEqual(edge1.node, { kernelVersion: "5.4.41", kubernetesVersion: "v1.18.2" });
  assert.deepEqual(resolveSettings(config, at("nodes", "edge-2", "rules.v4")).rules.get(RULE), { severity: "info", options: { keep: 2 } });
  const severityOnly = loaded({ rules: { [RULE]: ["warning", { keep: 1 }] }, overrides: [{ files: "*", rules: { [RULE]: ["error"] } }] });
  assert.deepEqual(resolveSettings(severityOnly, at("a")).rules.get(RULE), { severity: "error", options: { keep: 1 } });
  // Without a path (standard input) only the top level applies.
  assert.deepEqual(resolveSettings(config, undefined), { ...top });
});

test("resolve: paths are relative to the configuration's folder, not the working folder", () => {
  const config = loaded({ overrides: [{ files: "edge/*.v4", rules: { [RULE]: "off" } }] }, at("nodes", ".iptlintrc.json"));
  assert.equal(resolveSettings(config, at("nodes", "edge", "a.v4")).rules.get(RULE)?.severity, "off");
  assert.equal(resolveSettings(config, at("edge", "a.v4")).rules.size, 0);
  // A file outside the configuration's folder matches no relative glob.
  const anyV4 = loaded({ overrides: [{ files: "**/*.v4", rules: { [RULE]: "off" } }] }, at("nodes", ".iptlintrc.json"));
  assert.equal(resolveSettings(anyV4, at("other", "a.v4")).rules.size, 0);
  // A relative path is taken from the working folder.
  const here = loaded({ overrides: [{ files: "x/*.v4", rules: { [RULE]: "off" } }] }, join(process.cwd(), "package.json"));
  assert.equal(resolveSettings(here, "x/a.v4").rules.get(RULE)?.severity, "off");
  assert.equal(resolveSettings(here, "./x/a.v4").rules.get(RULE)?.severity, "off");
});

test("resolve: ignores match a file, a folder above it, a name anywhere, or an absolute path", () => {
  const config = loaded({ ignores: ["old/", "*.bak", "nodes/**/scratch", "./generated/*.rules", "/var/backups/**"] });
  const ignored = (path: string) => resolveSettings(config, path).ignored;
  assert.equal(ignored(at("old", "rules.v4")), true);
  assert.equal(ignored(at("old", "deep", "rules.v4")), true);
  // As in .gitignore, a trailing `/` alone does not anchor the glob, and matches folders only.
  assert.equal(ignored(at("nodes", "old", "rules.v4")), true);
  assert.equal(ignored(at("nodes", "old")), false, "a file named old");
  assert.equal(ignored(at("rules.v4.bak")), true);
  assert.equal(ignored(at("nodes", "edge", "rules.v4.bak")), true);
  assert.equal(ignored(at("nodes", "edge", "scratch", "a.rules")), true);
  assert.equal(ignored(at("generated", "a.rules")), true);
  assert.equal(ignored(at("generated", "a.v4")), false);
  assert.equal(ignored("/var/backups/node1/rules.v4"), true);
  assert.equal(ignored(at("nodes", "edge", "rules.v4")), false);
  // Hidden names are matched too.
  assert.equal(resolveSettings(loaded({ ignores: ["*.rules"] }), at(".cache", ".x.rules")).ignored, true);
  assert.equal(isIgnored(config, at("old", "x")), true);
  assert.equal(isIgnored(config, at("x")), false);
  assert.equal(isIgnored(NO_CONFIG, "x"), false);
});

test("resolve: an override naming a folder applies to every file in it", () => {
  const config = loaded({ overrides: [{ files: "nodes/edge-1", rules: { [RULE]: "info" } }] });
  assert.equal(resolveSettings(config, at("nodes", "edge-1", "rules.v4")).rules.get(RULE)?.severity, "info");
  assert.equal(resolveSettings(config, at("nodes", "edge-1", "deep", "rules.v4")).rules.get(RULE)?.severity, "info");
  assert.equal(resolveSettings(config, at("nodes", "edge-10", "rules.v4")).rules.size, 0);
});
