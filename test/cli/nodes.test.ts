/**
 * A node's files linted together: paired by name in one folder, by the configuration's `nodes`
 * globs, and `--live`'s dumps; the node rules' findings go through every output format,
 * suppressions, configured severities, `fix` and the worker pool like any other.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/cli/io.js";
import { lintAll, type LintJob } from "../../src/cli/lint-pool.js";
import { checkConfig, ConfigError } from "../../src/config/load.js";
import { defaultSettings } from "../../src/config/resolve.js";
import { lintText } from "../../src/lint.js";
import { lintFiles } from "../../src/lint-files.js";
import { requireNetfilter, withNamespace } from "../helpers/netfilter.js";
import { binPath } from "../helpers/project.js";

const V4_DENY = "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n";
const V6_OPEN = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n";
const ID = "ipv6-left-open";

const root = mkdtempSync(join(tmpdir(), "iptlint-nodes-"));
after(() => rmSync(root, { recursive: true, force: true }));
let count = 0;

/** A fresh folder with these files (path → text). */
function folder(files: Record<string, string>): string {
  const dir = join(root, String(count++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const iptlint = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: "utf8" });
type JsonReport = { filePath: string; messages: { ruleId: string; line: number; severity: number | string }[] }[];
const findingsOf = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).flatMap((f) => f.messages.filter((m) => m.ruleId === ID).map((m) => `${f.filePath.split(/[\\/]/).slice(-2).join("/")}:${m.line}`));

test("a folder's rules.v4 and rules.v6 are one node: the finding is in rules.v4, in every format", () => {
  const dir = folder({ "edge-1/rules.v4": V4_DENY, "edge-1/rules.v6": V6_OPEN, "edge-2/rules.v4": V4_DENY });
  const json = iptlint(dir, "lint", "--no-config", ".", "-f", "json");
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(findingsOf(json.stdout), ["edge-1/rules.v4:2"], "edge-2 has no IPv6 file: nothing is said of it");
  const sarif = iptlint(dir, "lint", "--no-config", ".", "-f", "sarif");
  assert.match(sarif.stdout, /"ruleId": "ipv6-left-open"/);
  const stylish = iptlint(dir, "lint", "--no-config", "edge-1/rules.v4", "edge-1/rules.v6");
  assert.match(stylish.stdout, /edge-1\/rules\.v4\n {2}2:1 {2}warning {2}IPv4 INPUT denies by default here, but the node's IPv6 ruleset `rules\.v6` accepts everything/);
  const alone = iptlint(dir, "lint", "--no-config", "edge-1/rules.v4", "-f", "json");
  assert.deepEqual(findingsOf(alone.stdout), [], "given without its partner, the file is linted alone");
});

test("a suppression in the IPv4 file silences it; the configuration sets its severity or turns it off", () => {
  const suppressed = V4_DENY.replace(":INPUT DROP", "# iptlint-disable-next-line ipv6-left-open -- IPv6 is disabled by sysctl\n:INPUT DROP");
  const dir = folder({ "rules.v4": suppressed, "rules.v6": V6_OPEN });
  const r = iptlint(dir, "lint", "--no-config", "rules.v4", "rules.v6", "-f", "json");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).flatMap((f: JsonReport[number]) => f.messages), [], "no finding, and no unused suppression");

  const strict = folder({ "rules.v4": V4_DENY, "rules.v6": V6_OPEN, ".iptlintrc.json": JSON.stringify({ rules: { [ID]: "error" } }) });
  assert.equal(iptlint(strict, "lint", "rules.v4", "rules.v6").status, 1);
  const off = folder({ "rules.v4": V4_DENY, "rules.v6": V6_OPEN, ".iptlintrc.json": JSON.stringify({ rules: { [ID]: "off" } }) });
  assert.deepEqual(findingsOf(iptlint(off, "lint", "rules.v4", "rules.v6", "-f", "json").stdout), []);
});

test("the configuration's `nodes` pairs files whose globs' wildcards matched the same text, and gives them their family", async () => {
  const config = { nodes: [{ v4: "dumps/*-fw4.txt", v6: "dumps/*-fw6.txt" }, { v4: "hosts/*/v4.save", v6: "hosts/*/v6.save" }] };
  const dir = folder({
    ".iptlintrc.json": JSON.stringify(config),
    // No header, no family in the name: only the configuration says which is which.
    "dumps/a-fw4.txt": V4_DENY,
    "dumps/a-fw6.txt": V6_OPEN,
    "dumps/b-fw4.txt": V4_DENY,
    "dumps/c-fw6.txt": V6_OPEN,
    "hosts/x/v4.save": V4_DENY,
    "hosts/x/v6.save": V6_OPEN,
    "hosts/y/v4.save": V4_DENY,
  });
  const r = iptlint(dir, "lint", "dumps/a-fw4.txt", "dumps/a-fw6.txt", "dumps/b-fw4.txt", "dumps/c-fw6.txt", "hosts", "-f", "json");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(findingsOf(r.stdout).sort(), ["dumps/a-fw4.txt:2", "x/v4.save:2"]);
  // The library's lintFiles pairs them the same way.
  const results = await lintFiles([join(dir, "dumps/a-fw4.txt"), join(dir, "dumps/a-fw6.txt")]);
  assert.deepEqual(results.map((res) => res.diagnostics.filter((d) => d.ruleId === ID).length), [1, 0]);
});

test("`nodes` entries are checked: both families are required, each a glob or a list of globs", () => {
  assert.throws(() => checkConfig({ nodes: [{ v4: "*.v4" }] }, ".iptlintrc.json"), (e: Error) => e instanceof ConfigError && /`nodes\[0\]` has no `v6`/.test(e.message));
  assert.throws(() => checkConfig({ nodes: [{ v4: "*.v4", v6: "*.v6", v5: "x" }] }, ".iptlintrc.json"), /unknown key `v5` in `nodes\[0\]`/);
  assert.doesNotThrow(() => checkConfig({ nodes: [{ v4: ["a/*.v4", "b/*.v4"], v6: "*.v6" }] }, ".iptlintrc.json"));
});

/** Runs `iptlint lint --live -f json` in-process with the save tools' outputs given (a missing tool: not installed). */
async function lintLive(dumps: Record<string, string>): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const io = {
    ...nodeIo(root),
    stdout: { write: (text: string | Uint8Array) => void (stdout += String(text)) },
    stderr: { write: () => {} },
    progress: () => ({ update() {}, stop() {} }),
    run: async (tool: string) => (tool in dumps ? { status: 0, stdout: dumps[tool], stderr: "" } : { status: null, stdout: "", stderr: "", error: "ENOENT" as const }),
  };
  const code = await main(["lint", "--live", "--no-config", "-f", "json"], io);
  return { code, stdout };
}

test("--live: an IPv6 side with no tables at all (its save tools print nothing) is open, and is not reported as a file", async () => {
  const { code, stdout } = await lintLive({
    "iptables-nft-save": `# Generated by iptables-nft-save v1.8.9 (nf_tables)\n${V4_DENY}`,
    "iptables-legacy-save": "",
    "ip6tables-nft-save": "",
    "ip6tables-legacy-save": "",
  });
  assert.equal(code, 0);
  assert.deepEqual(findingsOf(stdout), ["live:iptables-nft-save:3"]);
  assert.deepEqual((JSON.parse(stdout) as JsonReport).map((f) => f.filePath), ["live:iptables-nft-save"]);
  // One backend's IPv6 side denies: the node is not open.
  const closed = await lintLive({ "iptables-nft-save": V4_DENY, "ip6tables-nft-save": "", "ip6tables-legacy-save": V6_OPEN.replace(":INPUT ACCEPT", ":INPUT DROP") });
  assert.deepEqual(findingsOf(closed.stdout), []);
});

test("--live in a namespace: iptables rules loaded, no ip6tables table: the node is open over IPv6", async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("live-open6", (ns) => {
    ns.restore("nft", 4, V4_DENY);
    const r = ns.run(process.execPath, [binPath, "lint", "--live", "-f", "json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(findingsOf(r.stdout), ["live:iptables-nft-save:3"]);
    ns.restore("legacy", 6, V6_OPEN.replace(":INPUT ACCEPT", ":INPUT DROP"));
    assert.deepEqual(findingsOf(ns.run(process.execPath, [binPath, "lint", "--live", "-f", "json"]).stdout), [], "the legacy IPv6 side denies");
  });
});

test("--live: the node's dumps of both families are one node", async () => {
  let stdout = "";
  const io = {
    ...nodeIo(root),
    stdout: { write: (text: string | Uint8Array) => void (stdout += String(text)) },
    stderr: { write: () => {} },
    progress: () => ({ update() {}, stop() {} }),
    run: async (tool: string) => {
      const dumps: Record<string, string> = {
        "iptables-nft-save": `# Generated by iptables-nft-save v1.8.9 (nf_tables)\n${V4_DENY}`,
        "ip6tables-nft-save": `# Generated by ip6tables-nft-save v1.8.9 (nf_tables)\n${V6_OPEN}`,
      };
      return tool in dumps ? { status: 0, stdout: dumps[tool], stderr: "" } : { status: null, stdout: "", stderr: "", error: "ENOENT" as const };
    },
  };
  const code = await main(["lint", "--live", "--no-config", "-f", "json"], io);
  assert.equal(code, 0);
  assert.deepEqual(findingsOf(stdout), ["live:iptables-nft-save:3"]);
});

test("fix lints a node's files together and reports the node's findings with what is left", () => {
  const dir = folder({ "rules.v4": V4_DENY, "rules.v6": V6_OPEN });
  const r = iptlint(dir, "fix", "--no-config", "rules.v4", "rules.v6");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /rules\.v4\n {2}2:1 {2}warning {2}IPv4 INPUT denies by default/);
  assert.equal(readFileSync(join(dir, "rules.v4"), "utf8"), V4_DENY, "nothing to fix");
});

test("workers lint a node's files together too: the same findings as in one thread", async () => {
  // Past the size where workers start (4 MB in all).
  const padding = "# padding\n".repeat(220_000);
  const texts = [padding + V4_DENY, V6_OPEN, padding + V4_DENY];
  const jobs: LintJob[] = texts.map((text, id) => ({ id, text, filePath: ["n/rules.v4", "n/rules.v6", "m/rules.v4"][id], settings: defaultSettings(), node: {} }));
  jobs[0].partners = [1];
  jobs[1].partners = [0];
  const parallel = await lintAll(jobs);
  assert.deepEqual(parallel.map((res) => res.diagnostics.filter((d) => d.ruleId === ID).map((d) => d.loc.start.line)), [[220_002], [], []]);
  const serial = lintText(texts[0], { filePath: "n/rules.v4", partners: [{ document: lintText(texts[1], { filePath: "n/rules.v6" }).document }] });
  assert.deepEqual(parallel[0].diagnostics, serial.diagnostics);
});
