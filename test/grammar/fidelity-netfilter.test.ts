/**
 * What iptables reads, iptlint reads (issue 11, "fidelity"): each case is a ruleset with what
 * iptables 1.8.9 does with it on each backend and family, and what iptlint says of it. The
 * claims are checked against the real iptables (nft and legacy, IPv4 and IPv6) in a private
 * network namespace; without root they skip (CI requires them).
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { parse } from "../../grammar/index.js";
import { lintText } from "../../src/lint.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

export type Outcome =
  /** iptables-restore loads it. */
  | "loads"
  /** It loads and the line is skipped: the rules iptables-save prints afterwards are these. */
  | { skips: true }
  /** iptables-restore refuses it, printing this on standard error. */
  | { refuses: string };

export interface Case {
  name: string;
  /** The lines of a filter table after its declarations, or a whole file (`whole`). */
  lines: string;
  whole?: boolean;
  /** By backend and family; a missing entry is "loads". */
  outcome: Partial<Record<`${Backend}${Family}`, Outcome>> | Outcome;
  /** What iptlint says: no syntax error (`[]`), or syntax errors matching these, in order. */
  syntax: RegExp[];
}

const TABLE = (lines: string) => `*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n${lines}\nCOMMIT\n`;

export const textOf = (c: Case): string => (c.whole ? c.lines : TABLE(c.lines));

const ALL: `${Backend}${Family}`[] = ["nft4", "nft6", "legacy4", "legacy6"];

function outcomeOf(c: Case, key: `${Backend}${Family}`): Outcome {
  if (c.outcome === "loads" || (typeof c.outcome === "object" && ("refuses" in c.outcome || "skips" in c.outcome))) return c.outcome as Outcome;
  return (c.outcome as Partial<Record<string, Outcome>>)[key] ?? "loads";
}

export const CASES: Case[] = [
  { name: "an empty file", lines: "", whole: true, outcome: "loads", syntax: [] },
  { name: "a file of empty lines", lines: "\n\n", whole: true, outcome: "loads", syntax: [] },
  {
    name: "`:X [0:0]`, a user chain declared without a policy",
    lines: ":X [0:0]",
    outcome: {
      legacy4: { refuses: "Can't set policy `[0:0]' on `X' line 5: Bad built-in chain name" },
      legacy6: { refuses: "Can't set policy `[0:0]' on `X' line 5: Bad built-in chain name" },
    },
    syntax: [],
  },
  {
    name: "`:X` alone: a syntax error (\"policy invalid\")",
    lines: ":X",
    outcome: { refuses: "line 5 policy invalid" },
    syntax: [/policy invalid/],
  },
];

/** Checks what iptlint says of each case; returns nothing to load when not root. */
export function checkSyntax(cases: readonly Case[]): void {
  for (const c of cases) {
    const text = textOf(c);
    const messages = parse(text).diagnostics.map((d) => d.message);
    assert.equal(messages.length, c.syntax.length, `${c.name}: ${JSON.stringify(messages)}`);
    c.syntax.forEach((pattern, i) => assert.match(messages[i], pattern, c.name));
    // And lint as a whole reads it without throwing.
    lintText(text);
  }
}

/** Loads each case into both backends and both families and checks the outcome. */
export async function checkNetfilter(label: string, cases: readonly Case[]): Promise<void> {
  for (const key of ALL) {
    const backend = key.replace(/\d$/, "") as Backend;
    const family = Number(key.slice(-1)) as Family;
    await withNamespace(`${label}-${key}`, (ns) => {
      for (const c of cases) {
        const expected = outcomeOf(c, key);
        const result = ns.run(tool("restore", backend, family), [], textOf(c));
        const what = `${tool("restore", backend, family)}: ${c.name}\n${textOf(c)}\n${result.stderr}`;
        if (expected === "loads" || "skips" in expected) {
          assert.equal(result.status, 0, what);
          if (expected !== "loads") {
            const rules = ns.save(backend, family, ["-t", "filter"]).split("\n").filter((l) => /^-[A-Z] /.test(l));
            assert.deepEqual(rules, [], `${what}: the line is skipped`);
          }
        } else {
          assert.notEqual(result.status, 0, `${what}: refused`);
          assert.ok(result.stderr.includes(expected.refuses), `${what}: says ${JSON.stringify(expected.refuses)}`);
        }
      }
    });
  }
}

test("what iptables loads or refuses, iptlint reads the same way", async (t) => {
  checkSyntax(CASES);
  if (!requireNetfilter(t)) return;
  await checkNetfilter("fidelity", CASES);
});
