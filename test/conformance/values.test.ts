/**
 * The value parsers (rules/netfilter/values/) against the real iptables-restore --test, nft and
 * legacy, iptables and ip6tables where the vehicle exists, in a network namespace (values.ts):
 * for every generated word, the parser's value must load and its refusal must be refused with
 * iptables' own message; "unsure" (a name only the node resolves) is counted, not compared.
 * `npm test` runs IPTLINT_VALUES_WORDS=10 words per vehicle with a fixed seed; `npm run
 * conformance` 100 with a seed of its own (about 4 minutes on 2 cores).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { NamespaceShell } from "./differential.js";
import { outcomes, quote, SAVED_VEHICLES, VEHICLES, type Vehicle } from "./values.js";

const WORDS = Number(process.env.IPTLINT_VALUES_WORDS ?? 10);
const SEED = process.env.IPTLINT_SEED === undefined ? 20261206 : process.env.IPTLINT_SEED === "random" ? Date.now() % 2 ** 31 : Number(process.env.IPTLINT_SEED);
const COMBOS: [Backend, Family][] = [["nft", 4], ["legacy", 4], ["nft", 6], ["legacy", 6]];

interface Case {
  vehicle: Vehicle;
  word: string;
}

test(`values: each parser's verdict and message are iptables-restore's (${WORDS} words per parser, seed ${SEED}, nft and legacy, v4 and v6)`, async (t) => {
  if (!requireNetfilter(t)) return;
  const cases: Case[] = [];
  VEHICLES.forEach((vehicle, k) => {
    for (const word of new Set(fc.sample(vehicle.words, { numRuns: WORDS, seed: SEED + k }))) cases.push({ vehicle, word });
  });
  const dir = mkdtempSync(join(tmpdir(), "iptlint-values-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await withNamespace("values", async (ns) => {
    const disagreements: string[] = [];
    let compared = 0;
    let unsure = 0;
    let refusedCount = 0;
    let restores = 0;
    const results = await Promise.all(
      COMBOS.map(async ([backend, family]) => {
        const mine = cases.filter((c) => c.vehicle.families.includes(family));
        const shell = new NamespaceShell(ns.name);
        try {
          const good = await outcomes(shell, backend, family, mine.map((c) => ({ table: c.vehicle.table, rule: c.vehicle.rule(quote(c.word), family) })), join(dir, `${backend}-${family}.rules`));
          return { backend, family, mine, ...good };
        } finally {
          shell.close();
        }
      }),
    );
    for (const { backend, family, mine, outcomes: seen, restores: n } of results) {
      restores += n;
      mine.forEach((c, k) => {
        const parsed = c.vehicle.parse(c.word, family);
        const real = seen[k];
        const where = `${c.vehicle.name} ${JSON.stringify(c.word)} (${backend}/v${family})`;
        if (parsed.kind === "unsure") {
          unsure++;
          return;
        }
        compared++;
        if (parsed.kind === "value") {
          if (!real.loads) disagreements.push(`${where}: parsed as ${JSON.stringify(parsed.value, (_k, x) => (typeof x === "bigint" ? `${x}n` : x instanceof Set ? [...x] : x))}, iptables refuses: ${real.message}`);
          return;
        }
        refusedCount++;
        if (real.loads) disagreements.push(`${where}: refused (${parsed.message}), iptables loads it`);
        // iptables' output loses a message's trailing blanks (`unknown character \t`).
        else if (!parsed.afterUnsure && parsed.message.trimEnd() !== real.message) disagreements.push(`${where}: message ${JSON.stringify(parsed.message)}, iptables says ${JSON.stringify(real.message)}`);
      });
    }
    t.diagnostic(`${cases.length} words over ${VEHICLES.length} parsers; ${compared} verdicts compared (${refusedCount} refusals with their message), ${unsure} unsure; ${restores} restores`);
    assert.ok(refusedCount > compared / 10 && refusedCount < compared * 0.9, "the generators give both values iptables loads and values it refuses");
    assert.deepEqual(disagreements, [], `seed ${SEED}`);
  });
});

test(`values: the typed values are what iptables-save prints of the rule loaded for real (${WORDS} words per parser, seed ${SEED}, nft and legacy)`, async (t) => {
  if (!requireNetfilter(t)) return;
  await withNamespace("values-saved", async (ns) => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [backend, family] of COMBOS) {
      for (const [k, vehicle] of SAVED_VEHICLES.entries()) {
        if (!vehicle.families.includes(family)) continue;
        const accepted = [...new Set(fc.sample(vehicle.words, { numRuns: WORDS * 3, seed: SEED + 100 + k }))]
          .map((word) => ({ word, parsed: vehicle.parse(word, family) }))
          .filter((c) => c.parsed.kind === "value" && !vehicle.kernelRefuses?.((c.parsed as { value: unknown }).value, backend));
        if (accepted.length === 0) continue;
        const rules = accepted.map((c) => `-A INPUT ${vehicle.rule(quote(c.word))}`);
        ns.restore(backend, family, `*filter\n:INPUT ACCEPT [0:0]\n${rules.join("\n")}\nCOMMIT\n`);
        const saved = ns.save(backend, family, ["-t", "filter"]).split("\n").filter((l) => l.startsWith("-A INPUT"));
        const expected = accepted.flatMap((c) => vehicle.saved((c.parsed as { value: unknown }).value, family).map((line) => ({ word: c.word, line })));
        checked += accepted.length;
        expected.forEach((e, i) => {
          if (saved[i] !== e.line) mismatches.push(`${vehicle.name} ${JSON.stringify(e.word)} (${backend}/v${family}): expected ${JSON.stringify(e.line)}, iptables-save prints ${JSON.stringify(saved[i])}`);
        });
        if (saved.length !== expected.length) mismatches.push(`${vehicle.name} (${backend}/v${family}): ${expected.length} lines expected, ${saved.length} printed`);
      }
    }
    t.diagnostic(`${checked} accepted words loaded and printed back`);
    assert.deepEqual(mismatches.slice(0, 30), []);
  });
});
