/**
 * The chain rules' claims against the real iptables, in private network namespaces, with
 * both backends: every `invalid-*` fixture of a finding that is an error is refused when
 * iptables-restore loads it (not only with --test), every warning's fixture and every
 * `valid-*` and fixed fixture loads.
 *
 * A fixture may say more in `#` lines at its top (iptables-restore ignores them):
 *
 *   # nft: refuses "what iptables-nft-restore prints"
 *   # legacy: loads
 *   # netfilter: --noflush
 *
 * `refuses` without a message checks the refusal only; a backend not named refuses an error's
 * fixture and loads a warning's. `--noflush` marks a fragment for a node that already has the
 * chains it uses: they are created (`iptables -N`) before it is loaded with --noflush.
 * `iptables -S` fixtures (no `*table`) are run line by line as iptables commands.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { modelOf } from "../../rules/model/index.js";
import { lintDocument } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family, type Namespace, type RunResult } from "../helpers/netfilter.js";
import { fromRoot } from "../helpers/project.js";
import { chainRules } from "./chain-rules.js";

const BACKENDS: Backend[] = ["nft", "legacy"];

interface Expectation {
  loads: boolean;
  /** Printed on standard error when refused. */
  message?: string;
}

interface Fixture {
  rule: string;
  name: string;
  text: string;
  noflush: boolean;
  expect: Record<Backend, Expectation>;
}

function fixturesOf(rule: string): Fixture[] {
  const folder = fromRoot("rules", rule, "fixtures");
  return readdirSync(folder)
    .filter((name) => /\.(rules|fixed)$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), "utf8");
      const headers = new Map<string, string>();
      for (const match of text.matchAll(/^# (nft|legacy|netfilter): (.*)$/gm)) headers.set(match[1], match[2]);
      const invalid = name.startsWith("invalid-") && name.endsWith(".rules");
      // An error's fixture is refused; a warning's loads (that is the point of a warning).
      const findings = lintDocument(parse(text), { rules: chainRules }).filter((d) => d.ruleId === rule);
      const refusedByDefault = invalid && findings.some((d) => d.severity === "error");
      const expect = {} as Record<Backend, Expectation>;
      for (const backend of BACKENDS) {
        const header = invalid ? headers.get(backend) : undefined;
        if (header === undefined) expect[backend] = { loads: !refusedByDefault };
        else if (header === "loads") expect[backend] = { loads: true };
        else {
          const message = /^refuses(?: "(.*)")?$/.exec(header);
          assert.ok(message, `${rule}/${name}: "# ${backend}: ${header}" is neither \`loads\` nor \`refuses "message"\``);
          expect[backend] = { loads: false, message: message[1] };
        }
      }
      return { rule, name, text, noflush: headers.get("netfilter") === "--noflush", expect };
    });
}

/** Loads the fixture as a node would: iptables-restore, or iptables commands for `iptables -S` output. */
function load(ns: Namespace, backend: Backend, family: Family, fixture: Fixture): RunResult {
  const document = parse(fixture.text);
  const command = `${family === 6 ? "ip6tables" : "iptables"}-${backend}`;
  if (fixture.noflush) {
    // The node's own chains, which the fragment uses without declaring.
    for (const table of document.tables) {
      const walk = modelOf(document).tableOf(table)!;
      const names = new Set([...walk.missingChains.map((line) => line.chain!), ...walk.missingJumps.map((jump) => jump.target.name)]);
      for (const name of names) {
        const created = ns.run(command, ["-t", table.name ?? "filter", "-N", name]);
        assert.equal(created.status, 0, `${command} -N ${name}: ${created.stderr}`);
      }
    }
  }
  if (document.form === "rules") {
    let last: RunResult = { status: 0, stdout: "", stderr: "" };
    for (const line of fixture.text.split("\n")) {
      if (line.trim() === "" || line.startsWith("#")) continue;
      const words = parse(line).lines[0].words;
      last = ns.run(command, words.words(0, words.count).map((word) => word.value));
      if (last.status !== 0) return last;
    }
    return last;
  }
  return ns.run(tool("restore", backend, family), fixture.noflush ? ["--noflush"] : [], fixture.text);
}

for (const rule of chainRules) {
  for (const fixture of fixturesOf(rule.id)) {
    for (const backend of BACKENDS) {
      const { loads, message } = fixture.expect[backend];
      const claim = loads ? "loads" : `is refused${message ? ` (${message})` : ""}`;
      test(`${rule.id}: ${fixture.name} ${claim} with iptables ${backend}`, async (t) => {
        if (!requireNetfilter(t)) return;
        const family = modelOf(parse(fixture.text)).family()?.family ?? 4;
        await withNamespace("chains", (ns) => {
          const result = load(ns, backend, family, fixture);
          if (loads) {
            assert.equal(result.status, 0, `expected ${backend} to load ${fixture.name}:\n${result.stderr}`);
          } else {
            assert.notEqual(result.status, 0, `expected ${backend} to refuse ${fixture.name}`);
            if (message) assert.ok(result.stderr.includes(message), `expected "${message}" from ${backend}, got:\n${result.stderr}`);
          }
        });
      });
    }
  }
}

// The README examples: an error's invalid example is refused by at least one backend (the
// README says which), a warning's loads, and the valid and fixed examples load with both.
for (const rule of chainRules) {
  const readme = readFileSync(fromRoot("rules", rule.id, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```iptables (invalid|valid|fixed|unsafe-fixed)\n([\s\S]*?)^```$/gm)];
  blocks.forEach(([, kind, text], i) => {
    const error = kind === "invalid" && lintDocument(parse(text), { rules: chainRules }).some((d) => d.ruleId === rule.id && d.severity === "error");
    test(`${rule.id}: README example ${i + 1} (${kind}) ${error ? "is refused by a backend" : "loads with both backends"}`, async (t) => {
      if (!requireNetfilter(t)) return;
      const fixture: Fixture = { rule: rule.id, name: `README ${i + 1}`, text, noflush: false, expect: { nft: { loads: true }, legacy: { loads: true } } };
      const family = modelOf(parse(text)).family()?.family ?? 4;
      const loaded: Backend[] = [];
      for (const backend of BACKENDS) {
        await withNamespace("chains-readme", (ns) => {
          const result = load(ns, backend, family, fixture);
          if (result.status === 0) loaded.push(backend);
          else if (!error) assert.fail(`expected ${backend} to load README example ${i + 1}:\n${result.stderr}`);
        });
      }
      if (error) assert.notDeepEqual(loaded, BACKENDS, "an error's example loads with both backends");
    });
  });
}

test("the nft backend's --test passes what only loading refuses (so the messages say so)", async (t) => {
  if (!requireNetfilter(t)) return;
  const text = readFileSync(fromRoot("rules", "jump-to-undefined-chain", "fixtures", "invalid-undefined-chain.rules"), "utf8");
  await withNamespace("chains-test", (ns) => {
    assert.equal(ns.run(tool("restore", "nft", 4), ["--test"], text).status, 0);
    assert.notEqual(ns.run(tool("restore", "legacy", 4), ["--test"], text).status, 0);
  });
});
