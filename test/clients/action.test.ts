/**
 * The GitHub Action's steps, run as the runner runs a composite action's steps: each `${{ }}`
 * in `env:` replaced by its input (given, or the default), the `run:` script written to a file
 * and run with `bash --noprofile --norc -eo pipefail` (the runner's `shell: bash`), in the
 * workspace, with GITHUB_ACTION_PATH a fresh clone of this repository (no node_modules: the
 * action installs nothing), GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, and NODE_ENV=production.
 * The steps stop at the first that fails, as on GitHub.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { load } from "js-yaml";
import { freshClone, removeFolder, temporaryFolder, type Checkout } from "../helpers/checkout.js";
import { fromRoot } from "../helpers/project.js";

interface Step {
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = load(readFileSync(fromRoot("action.yml"), "utf8")) as Action;

/** The one expression form the steps may use, and only in `env:`: anything else is refused, not guessed at. */
const INPUT_EXPRESSION = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/;

interface Run {
  status: number;
  log: string;
  summary: string;
}

let work: string;
let actionPath: Checkout;

before(async () => {
  work = temporaryFolder("action");
  actionPath = await freshClone(join(work, "action"));
});

after(() => removeFolder(work));

/** Runs the action's steps in `workspace` with `inputs`, as GitHub would. */
function runAction(workspace: string, inputs: Record<string, string>): Run {
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `the action has no input ${name}`);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? "";
  const summary = join(workspace, "..", `${workspace.split("/").at(-1)}-summary.md`);
  writeFileSync(summary, "");
  const output = join(workspace, "..", `${workspace.split("/").at(-1)}-output`);
  writeFileSync(output, "");
  let log = "";
  for (const [i, step] of action.runs.steps.entries()) {
    assert.equal(step.if, undefined, "this test evaluates no `if:`");
    assert.equal(step.uses, undefined, "this test runs no other action");
    assert.equal(step.shell, "bash");
    assert.doesNotMatch(step.run ?? "", /\$\{\{/, "inputs reach a script through env:, never pasted into it");
    const env: Record<string, string> = {};
    for (const [name, expression] of Object.entries(step.env ?? {})) {
      const match = INPUT_EXPRESSION.exec(expression);
      assert.ok(match, `env ${name}: ${expression} is not \${{ inputs.NAME }}`);
      assert.ok(match[1] in action.inputs, `env ${name}: no input ${match[1]}`);
      env[name] = value(match[1]);
    }
    const script = join(workspace, "..", `step-${i}.sh`);
    writeFileSync(script, step.run ?? "");
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: workspace,
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: actionPath.dir,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: dirname(workspace),
        NODE_ENV: "production",
        ...env,
      },
    });
    log += result.stdout + result.stderr;
    if (result.status !== 0) return { status: result.status ?? -1, log, summary: readFileSync(summary, "utf8") };
  }
  return { status: 0, log, summary: readFileSync(summary, "utf8") };
}

/** A workspace (a checkout) with these files. */
function workspace(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const table = (rules: string[]) => `*filter\n:INPUT ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`;
/** `n` rules with the old negation `-s ! x`: n errors. */
const errors = (n: number) => table(Array.from({ length: n }, (_, i) => `-A INPUT -s ! 10.0.${i}.0/24 -j DROP`));
/** A rule and `n` copies of it: n duplicate-rule warnings. */
const warnings = (n: number) => table(Array.from({ length: n + 1 }, () => "-A INPUT -s 10.9.0.0/16 -j ACCEPT"));

test("action: installs and builds nothing, and lints once for the log, the job summary and the SARIF report", () => {
  const runs = action.runs.steps.map((s) => s.run ?? "");
  assert.equal(action.runs.using, "composite");
  assert.ok(runs.every((r) => !/\bnpm\b/.test(r)), "no npm ci, no build: dist/ is committed");
  assert.equal(runs.join("\n").match(/iptlint\.js" lint /g)?.length, 1, "one lint run");
});

test("action: errors annotated first, the cut said, a job summary and SARIF from the same run; globs reach iptlint unexpanded", () => {
  const dir = workspace("findings", {
    // Warnings first in file order, errors in a file two folders down: bash would expand
    // nodes/**/*.rules to nodes/*/*.rules and skip that file without a word.
    "nodes/a/warnings.rules": warnings(11),
    "nodes/a/b/errors.rules": errors(12),
    "README.md": "not a ruleset\n",
  });
  const run = runAction(dir, { paths: "nodes/**/*.rules", "sarif-file": "iptlint.sarif" });
  assert.equal(run.status, 1, run.log);

  const annotations = run.log.split("\n").filter((line) => line.startsWith("::"));
  assert.deepEqual(
    annotations.map((line) => /^::(\w+)/.exec(line)![1]),
    [...Array(12).fill("error"), ...Array(11).fill("warning"), "notice"],
    run.log,
  );
  assert.match(annotations[0], /^::error file=nodes\/a\/b\/errors\.rules,line=3,/);
  assert.equal(
    annotations.at(-1),
    "::notice title=iptlint::...and 2 more errors and 1 more warning not shown as annotations (GitHub shows 10 of each kind per step): see the job summary or the SARIF report",
  );

  assert.match(run.summary, /^### iptlint: 12 errors, 11 warnings and 0 info in 2 of 2 files\n/);
  assert.match(run.summary, /^\| \[`old-negation-syntax`\]\(\S+\) \| 12 \| 0 \| 0 \|$/m);
  assert.match(run.summary, /^\| \[`duplicate-rule`\]\(\S+\) \| 0 \| 11 \| 0 \|$/m);
  assert.match(run.summary, /^\| error \| `nodes\/a\/b\/errors\.rules:3:/m);

  const sarif = JSON.parse(readFileSync(join(dir, "iptlint.sarif"), "utf8")) as { runs: [{ results: { ruleId: string }[] }] };
  assert.equal(sarif.runs[0].results.length, 23, "the SARIF report has every finding");
});

test("action: a clean run passes and says so in the summary; no SARIF file unless asked", () => {
  const dir = workspace("clean", { "rules.v4": table(["-A INPUT -j ACCEPT"]) });
  const run = runAction(dir, {});
  assert.equal(run.status, 0, run.log);
  assert.equal(run.summary, "### iptlint: no findings in 1 file\n");
  assert.ok(!existsSync(join(dir, "iptlint.sarif")));
});

test("action: inputs are data, never code; args are split into arguments", () => {
  const dir = workspace("inputs", { "rules.v4": warnings(1) });
  const run = runAction(dir, { paths: "rules.v4 $(touch pwned) `touch pwned2`", format: "compact", args: "--max-warnings 0 --failure-threshold error" });
  assert.ok(!existsSync(join(dir, "pwned")) && !existsSync(join(dir, "pwned2")), "no input ran as a command");
  assert.equal(run.status, 2, run.log);
  assert.match(run.log, /\$\(touch/, "the odd path is named in the usage error");

  const passed = runAction(dir, { paths: "rules.v4", format: "compact", args: "--max-warnings 0" });
  assert.equal(passed.status, 1, "--max-warnings 0 reached iptlint as two arguments");
  assert.match(passed.log, /^rules\.v4:4:1: warning: .* \[duplicate-rule\]$/m);
});
