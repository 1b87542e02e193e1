/**
 * The layers, as rules/README.md draws them, read from the imports of every source file:
 * grammar (syntax only) <- rules/netfilter (data) <- rules/model <- rules/packet, rules/report
 * <- the rule folders <- src. A test fails on any import the layers do not allow, and on any
 * import circle, type-only imports included.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

import { allRules } from "../../rules/index.js";
import { fromRoot } from "../helpers/project.js";

const ROOT = fromRoot();

/** Every .ts file under a folder, as a path from the project root. */
function sources(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) visit(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) found.push(path);
    }
  };
  visit(folder);
  return found.sort();
}

/** The project files a source file imports or re-exports (static and dynamic), as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gms),
    ...text.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...text.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => relative(ROOT, resolve(join(ROOT, dirname(file)), s)).replace(/\.js$/, ".ts"))
    .filter((path) => path.endsWith(".ts"));
}

const FILES = [...sources("grammar"), ...sources("rules"), ...sources("src")];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

const INFRASTRUCTURE = ["netfilter", "model", "packet", "report"];

/** The layer of a file, and what it may import. */
function allowed(file: string): (target: string) => boolean {
  const inFolder = (folder: string) => (target: string) => target.startsWith(`${folder}/`);
  const is = (...paths: string[]) => (target: string) => paths.includes(target);
  const any = (...tests: ((target: string) => boolean)[]) => (target: string) => tests.some((t) => t(target));
  const grammarIndex = is("grammar/index.ts");
  if (file.startsWith("grammar/")) return inFolder("grammar");
  if (file.startsWith("rules/netfilter/")) return any(inFolder("rules/netfilter"), is("grammar/values.ts"));
  if (file.startsWith("rules/model/")) return any(inFolder("rules/model"), is("rules/netfilter/index.ts"), grammarIndex);
  if (file.startsWith("rules/packet/")) return any(inFolder("rules/packet"), is("rules/model/index.ts", "rules/netfilter/index.ts"), grammarIndex);
  if (file.startsWith("rules/report/")) return any(inFolder("rules/report"), is("rules/model/index.ts", "rules/types.ts"), grammarIndex);
  if (file === "rules/types.ts") return any(grammarIndex, is("rules/model/index.ts"));
  if (file === "rules/index.ts") return (target) => target === "rules/types.ts" || /^rules\/[a-z0-9-]+\/rule\.ts$/.test(target);
  if (file.startsWith("rules/")) {
    const folder = file.split("/").slice(0, 2).join("/");
    return any(
      inFolder(folder),
      is("rules/types.ts", "rules/model/index.ts", "rules/netfilter/index.ts", "rules/packet/index.ts", "rules/report/index.ts"),
      grammarIndex,
    );
  }
  if (file.startsWith("src/")) {
    return any(inFolder("src"), is("rules/index.ts", "rules/types.ts", "rules/model/index.ts", "rules/packet/index.ts"), grammarIndex);
  }
  return () => false;
}

test("layers: every import is one the layers allow", () => {
  // The reading of imports finds them (a check that cannot pass by finding nothing).
  assert.ok([...GRAPH.values()].flat().length > 150);
  assert.ok(GRAPH.get("rules/model/model.ts")!.includes("rules/model/replay.ts"));
  const wrong: string[] = [];
  for (const [file, targets] of GRAPH) {
    const ok = allowed(file);
    for (const target of targets) if (!ok(target)) wrong.push(`${file} -> ${target}`);
  }
  assert.deepEqual(wrong, []);
});

test("layers: no import circle, type-only imports included", () => {
  const circles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "visiting");
    stack.push(file);
    for (const target of GRAPH.get(file) ?? []) {
      if (state.get(target) === "visiting") circles.push([...stack.slice(stack.indexOf(target)), target].join(" -> "));
      else if (!state.has(target) && GRAPH.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of FILES) if (!state.has(file)) visit(file);
  assert.deepEqual(circles, []);
});

test("layers: rules read lines through LineView and the model, never the lexer's token codes", () => {
  const rules = FILES.filter((file) => file.startsWith("rules/") && !file.startsWith("rules/model/"));
  assert.deepEqual(
    rules.filter((file) => /\bTokenCode\b/.test(readFileSync(join(ROOT, file), "utf8"))),
    [],
  );
});

test("layers: every folder of rules/ is a rule (by its id) or one of the four layers", () => {
  const folders = readdirSync(join(ROOT, "rules")).filter((name) => statSync(join(ROOT, "rules", name)).isDirectory());
  const ids = new Set(allRules.map((rule) => rule.id));
  assert.deepEqual(
    folders.filter((name) => !ids.has(name) && !INFRASTRUCTURE.includes(name)),
    [],
  );
  for (const id of ids) assert.ok(folders.includes(id), `rule ${id} has its folder`);
});
