/**
 * The differential test (differential.ts): generated restore lines loaded by the real
 * iptables-restore --test, nft and legacy, iptables and ip6tables, in a network namespace; no
 * line any of them loads may have a syntax error in iptlint, except the known kinds (PENDING in
 * differential.ts), each kept honest by its examples. `npm test` runs 300 lines with a fixed
 * seed (about 10 s); `npm run conformance` 5000 with a seed of its own (IPTLINT_DIFFERENTIAL_LINES,
 * IPTLINT_SEED=N or random).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { FIXED, loadsEach, NamespaceShell, PENDING, restoreLine, skippedBy, syntaxErrors } from "./differential.js";

const LINES = Number(process.env.IPTLINT_DIFFERENTIAL_LINES ?? 300);
// A fixed seed in `npm test` (the same lines on every run); `npm run conformance` draws one.
const SEED = process.env.IPTLINT_SEED === undefined ? 20261206 : process.env.IPTLINT_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.IPTLINT_SEED);
const COMBOS: [Backend, Family][] = [["nft", 4], ["legacy", 4], ["nft", 6], ["legacy", 6]];

test(`differential: no syntax error on a generated line iptables-restore loads (${LINES} lines, seed ${SEED}, nft and legacy, v4 and v6)`, async (t) => {
  if (!requireNetfilter(t)) return;
  const lines = [...new Set(fc.sample(restoreLine, { numRuns: LINES, seed: SEED }))];
  const dir = mkdtempSync(join(tmpdir(), "iptlint-differential-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withNamespace("differential", async (ns) => {
    const loadedBy = lines.map(() => [] as string[]);
    let restores = 0;
    // The four at once, each in a shell of its own (iptables-nft and -legacy take no lock here: see netfilter.ts).
    const results = await Promise.all(
      COMBOS.map(async ([backend, family]) => {
        const shell = new NamespaceShell(ns.name);
        try {
          return await loadsEach(shell, backend, family, lines, join(dir, `${backend}-${family}.rules`));
        } finally {
          shell.close();
        }
      }),
    );
    results.forEach((result, c) => {
      const [backend, family] = COMBOS[c];
      restores += result.restores;
      result.loads.forEach((loads, k) => loads && !skippedBy(lines[k], family) && loadedBy[k].push(`${backend}/v${family}`));
    });
    const disagreements: string[] = [];
    const pending = new Map<string, number>();
    lines.forEach((line, k) => {
      if (loadedBy[k].length === 0) return;
      const errors = syntaxErrors(line);
      if (errors.length === 0) return;
      const kind = PENDING.find((p) => p.test(line));
      if (kind) pending.set(kind.name, (pending.get(kind.name) ?? 0) + 1);
      else disagreements.push(`${line}\n    loaded by ${loadedBy[k].join(", ")}; iptlint: ${errors.join(" / ")}`);
    });
    const loaded = loadedBy.filter((by) => by.length > 0).length;
    t.diagnostic(`${lines.length} lines, ${loaded} loaded by some backend, ${restores} restores; known (PENDING): ${[...pending].map(([k, n]) => `${n} ${k}`).join("; ") || "none"}`);
    assert.ok(loaded > lines.length / 10, "the generator writes lines iptables loads");
    assert.deepEqual(disagreements, [], `seed ${SEED}: lines a backend loads that iptlint calls a syntax error`);
  });
});

test("differential: the kinds of disagreement found so far: each fixed example loads and has no syntax error; each PENDING example still disagrees", async (t) => {
  if (!requireNetfilter(t)) return;
  const dir = mkdtempSync(join(tmpdir(), "iptlint-pending-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withNamespace("pending", async (ns) => {
    const shell = new NamespaceShell(ns.name);
    const loadedBy = async (line: string): Promise<string[]> => {
      const loaded: string[] = [];
      for (const [backend, family] of COMBOS) {
        if (skippedBy(line, family)) continue;
        if ((await loadsEach(shell, backend, family, [line], join(dir, "line.rules"))).loads[0]) loaded.push(`${backend}/v${family}`);
      }
      return loaded;
    };
    try {
      for (const kind of FIXED) {
        for (const line of kind.examples) {
          assert.notDeepEqual(await loadedBy(line), [], `${line}: no backend loads it`);
          assert.deepEqual(syntaxErrors(line), [], `${line} (${kind.name}): a syntax error again`);
        }
      }
      for (const kind of PENDING) {
        assert.ok(kind.examples.length > 0, kind.name);
        for (const line of kind.examples) {
          assert.ok(kind.test(line), `${kind.name}: ${line} is of the kind`);
          assert.notDeepEqual(await loadedBy(line), [], `${line}: no backend loads it`);
          assert.notDeepEqual(syntaxErrors(line), [], `${line} (${kind.name}) has no syntax error any more: move it from PENDING to FIXED in differential.ts`);
        }
      }
    } finally {
      shell.close();
    }
  });
});
