/**
 * `[packets:bytes]` counters against the real iptables-restore -c (nft and legacy, v4 and v6),
 * in a private network namespace: the grammar calls counters malformed exactly when iptables
 * refuses them. Without -c iptables-restore does not read the numbers (it loads `[1:]`), but a
 * dump with counters is restored with -c, so that is the reading that counts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { requireNetfilter, tool, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";

type Place = "rule" | "declaration";

/**
 * Counters before a rule and on a chain declaration, and whether iptables-restore -c refuses
 * them there. Some that look malformed iptables -c loads, as the numbers it reads (`[1:2:3]`,
 * `[0x10:2]`, `[-1:2]`, `[1x:2]` before a rule; `[1:22`, `[1:2:3]`, `[-1:2]` on a declaration):
 * the grammar says nothing of them.
 */
const CASES: { counters: string; refused: boolean; places: Place[] }[] = [
  { counters: "[0:0]", refused: false, places: ["rule", "declaration"] },
  { counters: "[1:2]", refused: false, places: ["rule", "declaration"] },
  { counters: "[010:2]", refused: false, places: ["rule", "declaration"] },
  { counters: "[18446744073709551615:0]", refused: false, places: ["rule", "declaration"] },
  { counters: "[1:]", refused: true, places: ["rule", "declaration"] },
  { counters: "[:1]", refused: true, places: ["rule", "declaration"] },
  { counters: "[:]", refused: true, places: ["rule", "declaration"] },
  { counters: "[1]", refused: true, places: ["rule", "declaration"] },
  { counters: "[]", refused: true, places: ["rule", "declaration"] },
  { counters: "[x:1]", refused: true, places: ["rule", "declaration"] },
  { counters: "[1:x]", refused: true, places: ["rule", "declaration"] },
  { counters: "[1:22", refused: true, places: ["rule"] },
  { counters: "[1x:2]", refused: true, places: ["declaration"] },
  { counters: "[1:2:3]", refused: false, places: ["rule", "declaration"] },
  { counters: "[-1:2]", refused: false, places: ["rule", "declaration"] },
  { counters: "[0x10:2]", refused: false, places: ["rule"] },
  { counters: "[0x10:2]", refused: true, places: ["declaration"] },
  { counters: "[1x:2]", refused: false, places: ["rule"] },
  { counters: "[1:22", refused: false, places: ["declaration"] },
];

const rulesetWith = (where: Place, counters: string): string =>
  where === "rule"
    ? `*filter\n:INPUT ACCEPT [0:0]\n${counters} -A INPUT -j DROP\nCOMMIT\n`
    : `*filter\n:INPUT ACCEPT ${counters}\n-A INPUT -j DROP\nCOMMIT\n`;

const malformed = (text: string): boolean => parse(text).diagnostics.some((d) => d.message.startsWith("malformed counters"));

for (const where of ["rule", "declaration"] as const) {
  test(`counters of a ${where}: the grammar calls them malformed exactly when they are refused`, () => {
    for (const { counters, refused, places } of CASES) {
      if (places.includes(where)) assert.equal(malformed(rulesetWith(where, counters)), refused, counters);
    }
  });
}

for (const backend of ["nft", "legacy"] as Backend[]) {
  for (const family of [4, 6] as Family[]) {
    test(`iptables ${backend} IPv${family}: restore -c refuses the counters the grammar calls malformed and loads the others`, async (t) => {
      if (!requireNetfilter(t)) return;
      await withNamespace("counters", (ns) => {
        for (const where of ["rule", "declaration"] as const) {
          for (const { counters, refused, places } of CASES) {
            if (!places.includes(where)) continue;
            const result = ns.run(tool("restore", backend, family), ["-c"], rulesetWith(where, counters));
            assert.equal(result.status !== 0, refused, `${where} ${counters}: ${result.stderr}`);
          }
        }
      });
    });
  }
}
