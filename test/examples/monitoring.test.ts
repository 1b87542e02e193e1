/**
 * examples/monitoring/: iptlint in the monitoring stack a cluster already runs. The report read
 * by the real node_exporter and scraped over HTTP, the DaemonSet's capabilities tried on the
 * kernel, the node-problem-detector plugin run as NPD runs it, the alert rules run by promtool,
 * and the manifests checked by validators (kubernetes-models, dockerfile-utils).
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { validate as validateDockerfile } from "dockerfile-utils";
import { load } from "js-yaml";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { parseExposition, promtoolCheckMetrics, sampleValue } from "../helpers/exposition.js";
import { requireNetfilter, withNamespace, type Namespace } from "../helpers/netfilter.js";
import { binPath, fromRoot } from "../helpers/project.js";
import { requireTool } from "../helpers/tools.js";

const example = (name: string) => fromRoot("examples", "monitoring", name);
const corpus = (name: string) => readFileSync(fromRoot("test", "fixtures", "corpus", "kube", name), "utf8");
const BUGGY = "kube-proxy-1.18.2-iptables.nft.save";
const FIXED = "kube-proxy-1.19-iptables.nft.save";
const MASQUERADE_ERRORS = { rule: "masquerade-mark-not-cleared", severity: "error" };

/** The image's `iptlint` (examples/monitoring/iptlint), running the checkout's dist/ with the node running the tests. */
const imageIptlint = example("iptlint");
const imageEnv = (): NodeJS.ProcessEnv => ({ ...process.env, IPTLINT_DIST: fromRoot("dist"), PATH: `${join(process.execPath, "..")}:${process.env.PATH}` });

// ---------------------------------------------------------------------------------------------
// node_exporter's textfile collector

/** A port nothing listens on now, on 127.0.0.1. */
const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

interface Exporter {
  url: string;
  process: ChildProcess;
  log: () => string;
}

/** Debian's node_exporter on 127.0.0.1, with the textfile collector alone, reading `folder`. */
async function startNodeExporter(folder: string): Promise<Exporter> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      "prometheus-node-exporter",
      [`--web.listen-address=127.0.0.1:${port}`, "--collector.disable-defaults", "--collector.textfile", `--collector.textfile.directory=${folder}`],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let log = "";
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")));
    const exporter = { url: `http://127.0.0.1:${port}/metrics`, process: child, log: () => log };
    const deadline = Date.now() + 15_000;
    while (child.exitCode === null && Date.now() < deadline) {
      const ok = await fetch(exporter.url).then((r) => r.ok, () => false);
      if (ok) return exporter;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    // Another process may have taken the port between freePort() and the start: try another.
    if (attempt === 2) assert.fail(`node_exporter did not answer on ${exporter.url}:\n${log}`);
  }
}

/** Scrapes node_exporter with an HTTP client (Node's fetch): the exposition text. */
async function scrape(exporter: Exporter): Promise<string> {
  const response = await fetch(exporter.url);
  assert.equal(response.status, 200);
  return response.text();
}

const lintLive = (ns: Namespace, output: string) => ns.run(process.execPath, [binPath, "lint", "--live", "-f", "prometheus", "-o", output]);

test("node_exporter: the finding goes from 1 to 0 when the fixed ruleset is loaded; no textfile error; the scrape parses", async (t) => {
  if (!requireNetfilter(t) || !requireTool(t, "prometheus-node-exporter", "prometheus-node-exporter")) return;
  const folder = mkdtempSync(join(tmpdir(), "iptlint-textfile-"));
  const exporter = await startNodeExporter(folder);
  try {
    const output = join(folder, "iptlint.prom");
    await withNamespace("textfile", async (ns) => {
      ns.restore("nft", 4, corpus(BUGGY));
      const before = Date.now() / 1000;
      const buggy = lintLive(ns, output);
      assert.deepEqual([buggy.status, buggy.stdout, buggy.stderr], [1, "", ""], "findings: exit 1, the report in the file alone");
      const first = await scrape(exporter);
      let families = parseExposition(first);
      assert.equal(sampleValue(families, "iptlint_findings", MASQUERADE_ERRORS), 1);
      assert.equal(sampleValue(families, "node_textfile_scrape_error"), 0, exporter.log());
      assert.equal(sampleValue(families, "iptlint_rules", { ruleset: "live:iptables-nft-save" }), corpus(BUGGY).match(/^-A /gm)!.length);
      const stamp = sampleValue(families, "iptlint_last_run_timestamp_seconds")!;
      assert.ok(stamp >= Math.floor(before) && stamp <= Date.now() / 1000, `${stamp}: this run's end`);
      assert.ok(sampleValue(families, "iptlint_last_run_duration_seconds")! > 0);
      // The collector read the file (node_exporter 1.5 labels it with its path; some versions with its name).
      const read = families.find((f) => f.name === "node_textfile_mtime_seconds")?.metrics.map((m) => m.labels!.file);
      assert.ok(read?.some((file) => file === output || file === "iptlint.prom"), `${read}`);

      ns.restore("nft", 4, corpus(FIXED));
      const fixed = lintLive(ns, output);
      assert.equal(fixed.status, 0, fixed.stderr);
      const second = await scrape(exporter);
      families = parseExposition(second);
      assert.equal(sampleValue(families, "iptlint_findings", MASQUERADE_ERRORS), 0, "a fixed node reads 0, not nothing");
      assert.equal(sampleValue(families, "node_textfile_scrape_error"), 0, exporter.log());
      assert.ok(sampleValue(families, "iptlint_last_run_timestamp_seconds")! >= stamp);
      if (requireTool(t, "promtool", "prometheus")) assert.equal(promtoolCheckMetrics(second), "", "the whole scrape as Prometheus reads it");
    });
    assert.deepEqual(readdirSync(folder), ["iptlint.prom"], "no temporary file left beside the report");
  } finally {
    exporter.process.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------
// The DaemonSet

interface Container {
  image: string;
  command: string[];
  args: string[];
  env: { name: string; value: string }[];
  securityContext: {
    runAsUser: number;
    allowPrivilegeEscalation: boolean;
    readOnlyRootFilesystem: boolean;
    capabilities: { drop: string[]; add: string[] };
  };
  volumeMounts: { name: string; mountPath: string }[];
}

interface PodSpec {
  hostNetwork: boolean;
  containers: Container[];
  volumes: { name: string; hostPath?: { path: string }; emptyDir?: object }[];
}

const daemonSetText = () => readFileSync(example("daemonset.yaml"), "utf8");
const daemonSet = () => load(daemonSetText()) as { spec: { template: { spec: PodSpec } } };
const container = () => daemonSet().spec.template.spec.containers[0];

/**
 * Runs `command` in the namespace as the DaemonSet's container would: uid 0 with no capability
 * but `capabilities`, no new privileges, every file system read-only but `writable`.
 */
function runConfined(ns: Namespace, capabilities: string[], writable: string, command: string[]) {
  const bounding = ["-all", ...capabilities.map((c) => `+${c.toLowerCase()}`)].join(",");
  const script = [
    'mount --bind "$1" "$1"',
    // Per-mount flags, in this private mount namespace only: the machine's mounts stay as they are.
    'for m in $(findmnt -rno TARGET | grep -Ev "^/(proc|sys|dev)(/|$)|^/run/netns/"); do [ "$m" = "$1" ] || mount -o remount,bind,ro "$m" 2>/dev/null; done',
    'touch /iptlint-ro-probe 2>/dev/null && { echo "/ is still writable" >&2; exit 99; }',
    'shift; exec setpriv --bounding-set="$BOUNDING" --inh-caps=-all --no-new-privs "$@"',
  ].join("\n");
  return ns.run("env", [`BOUNDING=${bounding}`, "unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", writable, ...command]);
}

test("DaemonSet: its capabilities (NET_ADMIN, NET_RAW) read both backends on a read-only root; without either, iptlint says why (exit 4)", async (t) => {
  if (!requireNetfilter(t)) return;
  const { securityContext } = container();
  assert.deepEqual(securityContext.capabilities, { drop: ["ALL"], add: ["NET_ADMIN", "NET_RAW"] });
  assert.equal(securityContext.runAsUser, 0);
  assert.equal(securityContext.readOnlyRootFilesystem, true);
  const folder = mkdtempSync(join(tmpdir(), "iptlint-caps-"));
  try {
    await withNamespace("caps", (ns) => {
      ns.restore("nft", 4, corpus(BUGGY));
      ns.restore("legacy", 4, corpus("kube-proxy-1.14-iptables.legacy.save"));
      const output = join(folder, "iptlint.prom");
      const lint = [process.execPath, binPath, "lint", "--live", "-f", "prometheus", "-o", output];
      // As the DaemonSet runs it: the cache and the save tools' output in a writable folder
      // (TMPDIR); then from the cache; then with TMPDIR read-only (the output through a pipe).
      const cached = ["env", `TMPDIR=${folder}`, ...lint, "--cache", join(folder, "lint.cache")];
      for (const command of [lint, cached, cached, ["env", "TMPDIR=/tmp", ...cached]]) {
        const ran = runConfined(ns, securityContext.capabilities.add, folder, command);
        assert.deepEqual([ran.status, ran.stderr], [1, ""]);
        const families = parseExposition(readFileSync(output, "utf8"));
        assert.equal(sampleValue(families, "iptlint_rules", { ruleset: "live:iptables-nft-save" }), corpus(BUGGY).match(/^-A /gm)!.length);
        assert.ok(sampleValue(families, "iptlint_rules", { ruleset: "live:iptables-legacy-save" })! > 0, "legacy's rules read too");
      }
      assert.deepEqual(readdirSync(folder).sort(), ["iptlint.prom", "lint.cache"]);
      for (const missing of securityContext.capabilities.add) {
        const fewer = runConfined(ns, securityContext.capabilities.add.filter((c) => c !== missing), folder, lint);
        assert.equal(fewer.status, 4, `without ${missing}: ${fewer.stderr}`);
        assert.match(fewer.stderr, /^iptlint: --live: ip6?tables-(nft|legacy)-save failed: permission denied/, `without ${missing}`);
      }
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("DaemonSet: its loop writes the report where node_exporter reads it, goes on after findings and ends at once on SIGTERM", async (t) => {
  if (!requireNetfilter(t)) return;
  const spec = daemonSet().spec.template.spec;
  const { command, args, env, volumeMounts } = spec.containers[0];
  const mount = volumeMounts.find((m) => m.name === "textfile")!;
  const cacheMount = volumeMounts.find((m) => m.name === "cache")!;
  assert.equal(spec.volumes.find((v) => v.name === "textfile")!.hostPath!.path, "/var/lib/node_exporter/textfile_collector");
  assert.deepEqual(spec.volumes.find((v) => v.name === "cache")!.emptyDir, {}, "the cache lives as long as the pod");
  assert.match(args[0], new RegExp(`iptlint lint --live --cache ${cacheMount.mountPath}/lint\\.cache -f prometheus -o ${mount.mountPath}/iptlint\\.prom\\n`));
  assert.equal(env.find((e) => e.name === "TMPDIR")!.value, cacheMount.mountPath, "the save tools' output read through a file in the writable volume");
  const folder = mkdtempSync(join(tmpdir(), "iptlint-loop-"));
  const cacheFolder = mkdtempSync(join(tmpdir(), "iptlint-loop-cache-"));
  const bin = mkdtempSync(join(tmpdir(), "iptlint-bin-"));
  try {
    // The image's `iptlint` on PATH; the host folders where the pod has its mounts.
    spawnSync("ln", ["-s", imageIptlint, join(bin, "iptlint")]);
    const script = args[0].replaceAll(`${mount.mountPath}/`, `${folder}/`).replaceAll(`${cacheMount.mountPath}/`, `${cacheFolder}/`);
    const values: Record<string, string> = { INTERVAL_SECONDS: "1", TMPDIR: cacheFolder };
    await withNamespace("loop", async (ns) => {
      ns.restore("nft", 4, corpus(BUGGY));
      const child = spawn("ip", ["netns", "exec", ns.name, ...command, script], {
        env: { ...imageEnv(), PATH: `${bin}:${imageEnv().PATH}`, ...Object.fromEntries(env.map((e) => [e.name, values[e.name]])) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const report = join(folder, "iptlint.prom");
      const stamps = new Set<number>();
      const deadline = Date.now() + 60_000;
      // Two runs, a second apart (INTERVAL_SECONDS=1): the loop survives exit code 1.
      while (stamps.size < 2 && Date.now() < deadline) {
        if (existsSync(report)) stamps.add(sampleValue(parseExposition(readFileSync(report, "utf8")), "iptlint_last_run_timestamp_seconds")!);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(stamps.size, 2, `two reports written: ${stderr}`);
      // The second from the cache the first left (nothing else is left in the folder: the save's output had no name).
      assert.deepEqual(readdirSync(cacheFolder), ["lint.cache"]);
      const ended = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      const killedAt = Date.now();
      child.kill("SIGTERM");
      assert.equal(await ended, 0);
      assert.ok(Date.now() - killedAt < 5_000, "no wait for a grace period");
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cacheFolder, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  }
});

test("DaemonSet: valid for Kubernetes' schema (kubernetes-models), host network, the textfile folder mounted, the image of this version", () => {
  const object = load(daemonSetText()) as Record<string, unknown>;
  new DaemonSet(object as ConstructorParameters<typeof DaemonSet>[0]).validate();
  // The validator can fail: a wrong type is refused.
  const broken = load(daemonSetText().replace("readOnlyRootFilesystem: true", 'readOnlyRootFilesystem: "yes"')) as ConstructorParameters<typeof DaemonSet>[0];
  assert.throws(() => new DaemonSet(broken).validate(), /readOnlyRootFilesystem must be boolean/);
  const spec = daemonSet().spec.template.spec;
  assert.equal(spec.hostNetwork, true);
  assert.equal(spec.containers[0].securityContext.allowPrivilegeEscalation, false);
  const { version } = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string };
  assert.ok(spec.containers[0].image.endsWith(`/iptlint:${version}`), spec.containers[0].image);
});

// ---------------------------------------------------------------------------------------------
// The image

test("Dockerfile: dockerfile-utils finds nothing; both backends from Debian's iptables 1.8.9; what it copies is in the repository", () => {
  const text = readFileSync(example("Dockerfile"), "utf8");
  assert.deepEqual(validateDockerfile(text), []);
  assert.ok(validateDockerfile(text.replace("COPY dist/ /opt/iptlint/dist/", "COPY dist/")).length > 0, "the validator can fail");
  assert.match(text, /^FROM node:20-bookworm-slim AS iptlint$/m, "Node.js as package.json's engines asks, on Debian bookworm");
  assert.match(text, /apt-get install -y --no-install-recommends iptables=1\.8\.9-\d+ /, "the iptables the tests run against");
  for (const [, source] of text.matchAll(/^COPY (?!--from)(\S+) /gm)) assert.ok(existsSync(fromRoot(source)), source);
  assert.match(text, /^COPY dist\/ \/opt\/iptlint\/dist\/$/m);
  assert.match(text, /^COPY examples\/monitoring\/iptlint \/usr\/local\/bin\/iptlint$/m);
  assert.ok(statSync(example("iptlint")).mode & 0o111, "the image's iptlint is executable (its #! line runs sh)");
  assert.ok(statSync(binPath).mode & 0o111, "dist/iptlint.js is executable (its #! line runs node)");
});


test("the image's iptlint: runs dist/iptlint.js with node --single-threaded, its arguments and exit code passed on", () => {
  assert.match(readFileSync(imageIptlint, "utf8"), /^exec node --single-threaded "\$\{IPTLINT_DIST:-\/opt\/iptlint\/dist\}\/iptlint\.js" "\$@"$/m);
  const { version } = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string };
  const ran = spawnSync(imageIptlint, ["--version"], { env: imageEnv(), encoding: "utf8" });
  assert.deepEqual([ran.status, ran.stdout.trim(), ran.stderr], [0, version, ""]);
  const refused = spawnSync(imageIptlint, ["lint", "--no-such-option"], { env: imageEnv(), encoding: "utf8" });
  assert.equal(refused.status, 2, refused.stderr);
});

// ---------------------------------------------------------------------------------------------
// node-problem-detector

interface NpdRule {
  type: string;
  condition: string;
  reason: string;
  path: string;
  args: string[];
  timeout: string;
}
interface NpdConfig {
  plugin: string;
  pluginConfig: { timeout: string; max_output_length: number };
  conditions: { type: string; reason: string; message: string }[];
  rules: NpdRule[];
}

const npdConfig = () => JSON.parse(readFileSync(example("iptlint-problem-monitor.json"), "utf8")) as NpdConfig;
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)![1]);

/**
 * Runs a custom plugin rule as node-problem-detector does (pkg/custompluginmonitor/plugin/plugin.go):
 * the program itself, no shell; at most 4 KiB of standard output read; the output trimmed, then
 * cut at max_output_length bytes; exit status 0 OK, 1 NonOK, anything else Unknown.
 */
function runAsNpd(ns: Namespace, config: NpdConfig, rule: NpdRule, prefix: string[] = []) {
  // The image's /usr/local/bin/iptlint is examples/monitoring/iptlint (checked above); here, running the checkout's dist/.
  assert.equal(rule.path, "/usr/local/bin/iptlint");
  const timeout = Math.min(seconds(rule.timeout), seconds(config.pluginConfig.timeout)) * 1000;
  const r = spawnSync("ip", ["netns", "exec", ns.name, ...prefix, imageIptlint, ...rule.args], { timeout, maxBuffer: 1 << 30, env: imageEnv() });
  const stdout = r.stdout.subarray(0, 4096).toString("utf8").trim();
  const message = Buffer.from(stdout).subarray(0, config.pluginConfig.max_output_length).toString("utf8");
  const status = r.status === 0 ? "OK" : r.status === 1 ? "NonOK" : "Unknown";
  return { status, message, stderr: r.stderr.toString("utf8") };
}

test("node-problem-detector: the plugin reports NonOK with a short message on errors, OK once fixed, Unknown when it cannot read the rules", async (t) => {
  if (!requireNetfilter(t)) return;
  const config = npdConfig();
  const [rule] = config.rules;
  await withNamespace("npd", (ns) => {
    ns.restore("nft", 4, corpus(BUGGY));
    const problem = runAsNpd(ns, config, rule);
    assert.equal(problem.status, "NonOK", problem.stderr);
    assert.ok(Buffer.byteLength(problem.message) <= 80 && !problem.message.includes("\n"), problem.message);
    assert.match(problem.message, /^live:iptables-nft-save:\d+:1: error: `-j MASQUERADE --random-fully` on packets/);

    ns.restore("nft", 4, corpus(FIXED));
    assert.deepEqual(runAsNpd(ns, config, rule), { status: "OK", message: "", stderr: "" });

    // No NET_ADMIN: iptables-save is refused, iptlint exits 4, NPD says Unknown (the reason goes to its log).
    const unknown = runAsNpd(ns, config, rule, ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs"]);
    assert.equal(unknown.status, "Unknown");
    assert.match(unknown.stderr, /permission denied/);
  });
});

test("node-problem-detector: the configuration holds together as NPD reads it", () => {
  const config = npdConfig();
  assert.equal(config.plugin, "custom");
  assert.deepEqual(config.conditions.map((c) => c.type), ["IptablesRulesetProblem"]);
  assert.equal(config.pluginConfig.max_output_length, 80, "NPD's default: a node condition message kubectl describe shows whole");
  for (const rule of config.rules) {
    assert.equal(rule.type, "permanent");
    assert.equal(rule.condition, "IptablesRulesetProblem");
    // NPD refuses to start when a rule's timeout exceeds the global one.
    assert.ok(seconds(rule.timeout) <= seconds(config.pluginConfig.timeout));
    assert.deepEqual(rule.args.slice(0, 2), ["lint", "--live"]);
  }
  assert.match(readFileSync(example("Dockerfile"), "utf8"), /^COPY examples\/monitoring\/iptlint-problem-monitor\.json \/config\/iptlint-problem-monitor\.json$/m);
});

// ---------------------------------------------------------------------------------------------
// The alert rules

test("alert rules: promtool checks them and runs their unit tests (the error alert fires after 10 minutes, the stale-report alert too)", (t) => {
  if (!requireTool(t, "promtool", "prometheus")) return;
  const rules = load(readFileSync(example("iptlint-alerts.yml"), "utf8")) as { groups: { rules: { alert: string; expr: string }[] }[] };
  assert.equal(rules.groups[0].rules.find((r) => r.alert === "IptablesRulesetErrors")!.expr, 'iptlint_findings{severity="error"} > 0');
  const check = spawnSync("promtool", ["check", "rules", "iptlint-alerts.yml"], { cwd: example(""), encoding: "utf8" });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  const unit = spawnSync("promtool", ["test", "rules", "iptlint-alerts.test.yml"], { cwd: example(""), encoding: "utf8" });
  assert.equal(unit.status, 0, unit.stdout + unit.stderr);
  // The unit tests can fail: the same tests against an alert that never fires.
  const folder = mkdtempSync(join(tmpdir(), "iptlint-alerts-"));
  try {
    writeFileSync(join(folder, "iptlint-alerts.yml"), readFileSync(example("iptlint-alerts.yml"), "utf8").replace('severity="error"} > 0', 'severity="error"} > 1'));
    writeFileSync(join(folder, "iptlint-alerts.test.yml"), readFileSync(example("iptlint-alerts.test.yml"), "utf8"));
    assert.notEqual(spawnSync("promtool", ["test", "rules", "iptlint-alerts.test.yml"], { cwd: folder }).status, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
