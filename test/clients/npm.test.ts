/**
 * npm as users run it: `npm i` of the packed tarball, of a fresh clone's folder (no `npm ci` run
 * in it) and of a git URL. Each install then runs the command (a finding, a rule's page) and
 * imports the library, types checked by tsc. The package has no dependencies and no build step,
 * so none of this reaches the registry.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { freshClone, removeFolder, run, temporaryFolder, type Checkout } from "../helpers/checkout.js";
import { fromRoot } from "../helpers/project.js";

const NPM_ENV = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
const EXAMPLE = fromRoot("examples", "kube-proxy-v1.18.2.save");

let work: string;
let clone: Checkout;
let tarball: string;
let packed: string[];

before(async () => {
  work = temporaryFolder("npm");
  clone = await freshClone(join(work, "clone"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: clone.dir, env: NPM_ENV });
  const [pack] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, pack.filename);
  packed = pack.files.map((f) => f.path);
});

after(() => removeFolder(work));

test("npm pack: the package ships the build, the rule pages and the licence, no source maps and no build step", () => {
  for (const file of ["LICENSE", "README.md", "package.json", "dist/iptlint.js", "dist/index.js", "dist/index.d.ts", "dist/lint-worker.js", "rules/masquerade-mark-not-cleared/README.md"]) {
    assert.ok(packed.includes(file), `${file} is in the package`);
  }
  assert.match(readFileSync(join(clone.dir, "LICENSE"), "utf8"), /^\s*Apache License\s+Version 2\.0, January 2004\b/);
  assert.equal(JSON.parse(readFileSync(join(clone.dir, "package.json"), "utf8")).license, "Apache-2.0");
  assert.deepEqual(packed.filter((f) => f.endsWith(".map")), [], "no source maps");
  for (const file of packed.filter((f) => /\.[cm]?js$/.test(f))) {
    const text = readFileSync(join(clone.dir, file), "utf8");
    assert.doesNotMatch(text, /sourceMappingURL/, `${file} points at no source map`);
  }
  const { scripts = {}, dependencies = {} } = JSON.parse(readFileSync(join(clone.dir, "package.json"), "utf8"));
  assert.deepEqual(
    // The scripts that make npm (pacote) run `npm install` in a git checkout before packing it.
    Object.keys(scripts).filter((s) => ["preinstall", "install", "postinstall", "build", "prepack", "prepare"].includes(s)),
    [],
    "nothing to run at install: npm would install every devDependency in a git checkout first",
  );
  assert.deepEqual(dependencies, {}, "everything the package runs is bundled in dist/");
});

/** A new project that installs iptlint from `spec`, runs it and imports it; returns its folder. */
async function installAndUse(name: string, spec: string): Promise<string> {
  const project = join(work, name);
  await run("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: `uses-iptlint-${name}`, private: true, type: "module" }));
  await run("npm", ["install", "--no-save", spec], { cwd: project, env: NPM_ENV });

  const lint = await run("npx", ["--no", "iptlint", "lint", "--format", "compact", EXAMPLE], { cwd: project, env: NPM_ENV }).then(
    () => assert.fail("a finding exits 1"),
    (error: { code: number; stdout: string }) => error,
  );
  assert.equal(lint.code, 1, `${name}: exit code`);
  assert.match(lint.stdout, /kube-proxy-v1\.18\.2\.save:57:1: error: .* \[masquerade-mark-not-cleared\]/, name);

  const explain = await run("npx", ["--no", "iptlint", "explain", "masquerade-mark-not-cleared"], { cwd: project, env: NPM_ENV });
  assert.match(explain.stdout, /^# masquerade-mark-not-cleared\n/, `${name}: explain finds the rule's page`);

  writeFileSync(
    join(project, "use.mjs"),
    'import { allRules, formatters, lintText } from "iptlint";\n' +
      'const result = lintText("*filter\\n-A INPUT -s ! 10.0.0.0/8 -j DROP\\nCOMMIT\\n", { filePath: "rules.v4" });\n' +
      'console.log(result.diagnostics.map((d) => d.ruleId).join(","), allRules.length, typeof formatters.sarif);\n',
  );
  const used = await run("node", ["use.mjs"], { cwd: project });
  assert.match(used.stdout, /^old-negation-syntax \d+ function\n$/, `${name}: the library`);

  // tsc reads the types of the installed package; a wrong call must be an error, not `any`.
  writeFileSync(
    join(project, "use.ts"),
    'import { lintText, type LintResult } from "iptlint";\n' +
      'const result: LintResult = lintText("*filter\\nCOMMIT\\n", { filePath: "rules.v4" });\n' +
      "const count: number = result.diagnostics.length;\n" +
      "// @ts-expect-error lintText takes text\n" +
      "lintText(42);\n" +
      "export { count };\n",
  );
  return project;
}

test("npm i: from the packed tarball, a fresh clone's folder and a git URL, the command and the typed library work", async () => {
  const projects = await Promise.all([
    installAndUse("tarball", tarball),
    installAndUse("folder", clone.dir),
    installAndUse("git", `git+file://${clone.dir}#${clone.commit}`),
  ]);
  const tsc = fromRoot("node_modules", "typescript", "bin", "tsc");
  const options = ["--noEmit", "--strict", "--skipLibCheck", "false", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", fromRoot("node_modules", "@types")];
  await run(process.execPath, [tsc, ...options, ...projects.map((p) => join(p, "use.ts"))]).catch((error: { stdout: string }) =>
    assert.fail(`tsc refused the library's types:\n${error.stdout}`),
  );
});
