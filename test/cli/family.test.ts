/**
 * `--family 4|6` and the configuration's `family` (top level and per file in `overrides`) reach
 * the rules: run as users run it, the built command on files in a folder.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { checkConfig } from "../../src/config/load.js";
import { resolveSettings } from "../../src/config/resolve.js";
import { binPath } from "../helpers/project.js";

// `-m ah` without `-p ah`: iptables refuses it, ip6tables loads it (an extension header match).
const AH = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m ah --ahspi 5 -j ACCEPT\nCOMMIT\n";

const dir = mkdtempSync(join(tmpdir(), "iptlint-family-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const root = join(dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const lint = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [binPath, "lint", "--format", "json", ...args], { cwd, encoding: "utf8" });
  const files = JSON.parse(r.stdout || "[]") as { filePath: string; messages: { ruleId: string | null }[] }[];
  return { code: r.status, stderr: r.stderr, rules: files.flatMap((f) => f.messages.map((m) => `${f.filePath.split("/").pop()}: ${m.ruleId}`)) };
};

test("--family 4|6 says the family of every file linted, over the file's name", () => {
  const cwd = folder("flag", { "rules.v6": AH, "firewall.rules": AH });
  assert.deepEqual(lint(cwd, "rules.v6", "firewall.rules").rules, [], "name says 6; nothing tells for firewall.rules");
  const v4 = lint(cwd, "--family", "4", "rules.v6", "firewall.rules");
  assert.deepEqual(v4.rules, ["rules.v6: option-needs-protocol", "firewall.rules: option-needs-protocol"]);
  assert.equal(v4.code, 1);
  assert.deepEqual(lint(cwd, "--family", "6", "firewall.rules").rules, []);
  const bad = lint(cwd, "--family", "5", "firewall.rules");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--family/);
});

test("the configuration's family, at the top level and per file in overrides; --family wins", () => {
  const config = { family: 4, overrides: [{ files: "edge/**", family: 6 }] };
  const cwd = folder("config", { ".iptlintrc.json": JSON.stringify(config), "core/firewall.rules": AH, "edge/firewall.rules": AH });
  const found = lint(cwd, "core/firewall.rules", "edge/firewall.rules");
  assert.deepEqual(found.rules, ["firewall.rules: option-needs-protocol"]);
  assert.deepEqual(lint(cwd, "--family", "6", "core/firewall.rules").rules, []);
  assert.deepEqual(lint(cwd, "--family", "4", "edge/firewall.rules").rules, ["firewall.rules: option-needs-protocol"]);

  const loaded = { config: checkConfig(config, join(cwd, ".iptlintrc.json")), filePath: join(cwd, ".iptlintrc.json") };
  assert.deepEqual(resolveSettings(loaded, join(cwd, "edge", "a.rules")).family, {
    family: 6,
    because: "the configuration (.iptlintrc.json) says `family: 6` for `edge/**`",
  });
  assert.deepEqual(resolveSettings(loaded, join(cwd, "core", "a.rules")).family, { family: 4, because: "the configuration (.iptlintrc.json) says `family: 4`" });
  assert.throws(() => checkConfig({ family: 5 }, "x.json"), /family/);
  assert.throws(() => checkConfig({ overrides: [{ files: "*", family: "6" }] }, "x.json"), /family/);
});
