/**
 * The pre-commit hooks, run by the real pre-commit: Debian's 3.0.4 (which installs a node hook
 * with `npm install` and `npm pack` in its clone) and the current release (`npm install -g
 * git+file://...`), each from a clean home. A repository whose .pre-commit-config.yaml points
 * at a fresh clone of this one, at a commit: `iptlint` blocks a commit with a finding,
 * `iptlint-fix` fixes the file, and the second commit passes.
 *
 * The current pre-commit is not on PyPI's reach here: `.ci/install-pre-commit-current` unpacks
 * Debian unstable's package and prints the PYTHONPATH to give as IPTLINT_PRE_COMMIT_CURRENT.
 * Missing clients skip these tests, or fail them when IPTLINT_REQUIRE_CLIENTS=1 (CI).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test, type TestContext } from "node:test";
import { freshClone, GIT_IDENTITY, removeFolder, run, temporaryFolder, type Checkout } from "../helpers/checkout.js";

interface PreCommit {
  name: string;
  /** The command, without its arguments. */
  command: string[];
  env: Record<string, string>;
}

const DEBIAN: PreCommit = { name: "Debian's pre-commit", command: ["pre-commit"], env: {} };
const currentPath = process.env.IPTLINT_PRE_COMMIT_CURRENT;
const CURRENT: PreCommit = { name: "the current pre-commit", command: ["/usr/bin/python3", "-m", "pre_commit"], env: { PYTHONPATH: currentPath ?? "" } };

/** pre-commit's version, or why it cannot run. */
function versionOf(preCommit: PreCommit): { version?: string; missing?: string } {
  if (preCommit === CURRENT && !currentPath) return { missing: "IPTLINT_PRE_COMMIT_CURRENT is not set (see .ci/install-pre-commit-current)" };
  const [file, ...args] = preCommit.command;
  const result = spawnSync(file, [...args, "--version"], { encoding: "utf8", env: { ...process.env, ...preCommit.env } });
  if (result.status !== 0) return { missing: `${preCommit.command.join(" ")} --version failed: ${result.error?.message ?? result.stderr.trim()}` };
  return { version: result.stdout.trim() };
}

const RULES_WITH_AN_ERROR = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s ! 10.0.0.0/8 -j DROP\nCOMMIT\n";
const RULES_FIXED = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ! -s 10.0.0.0/8 -j DROP\nCOMMIT\n";

let work: string;
let hooks: Checkout;

before(async () => {
  work = temporaryFolder("pre-commit");
  hooks = await freshClone(join(work, "iptlint"));
});

after(() => removeFolder(work));

for (const preCommit of [DEBIAN, CURRENT]) {
  test(`pre-commit hooks with ${preCommit.name}: iptlint blocks the commit, iptlint-fix fixes the file, the next commit passes`, async (t: TestContext) => {
    const { version, missing } = versionOf(preCommit);
    if (missing) {
      if (process.env.IPTLINT_REQUIRE_CLIENTS === "1") assert.fail(`${preCommit.name} is required (IPTLINT_REQUIRE_CLIENTS=1): ${missing}`);
      return t.skip(missing);
    }
    t.diagnostic(`${version} (${preCommit.command.join(" ")})`);

    const repo = join(work, `user-${preCommit === DEBIAN ? "debian" : "current"}`);
    const env = {
      ...process.env,
      ...GIT_IDENTITY,
      ...preCommit.env,
      PRE_COMMIT_HOME: `${repo}-pre-commit-home`,
      // pre-commit 3 runs `npm install` in its clone (devDependencies too): npm ci filled the cache.
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    const git = (...args: string[]) => run("git", args, { cwd: repo, env });
    const [file, ...args] = preCommit.command;

    await run("mkdir", ["-p", repo]);
    await git("init", "-q", "-b", "main");
    writeFileSync(
      join(repo, ".pre-commit-config.yaml"),
      `repos:\n  - repo: file://${hooks.dir}\n    rev: ${hooks.commit}\n    hooks:\n      - id: iptlint\n      - id: iptlint-fix\n`,
    );
    await git("add", ".pre-commit-config.yaml");
    await git("commit", "-q", "-m", "pre-commit configuration");
    await run(file, [...args, "install"], { cwd: repo, env });

    writeFileSync(join(repo, "rules.v4"), RULES_WITH_AN_ERROR);
    await git("add", "rules.v4");
    const blocked = await git("commit", "-m", "rules").then(
      () => assert.fail("the commit of a ruleset with an error went through"),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    const output = blocked.stdout + blocked.stderr;
    assert.match(output, /^iptlint\.+Failed$/m, output);
    assert.match(output, /rules\.v4\s+3:\d+\s+error\s+.*old-negation-syntax/, output);
    assert.match(output, /^iptlint fix\.+Failed$/m, output);
    assert.match(output, /files were modified by this hook/, output);
    assert.equal(readFileSync(join(repo, "rules.v4"), "utf8"), RULES_FIXED);
    assert.equal((await git("rev-list", "--count", "HEAD")).stdout.trim(), "1", "nothing was committed");

    await git("add", "rules.v4");
    const passed = await git("commit", "-m", "rules");
    assert.match(passed.stdout + passed.stderr, /^iptlint\.+Passed$/m);
    assert.equal((await git("show", "HEAD:rules.v4")).stdout, RULES_FIXED);
  });
}
