/**
 * rules/netfilter/places.ts against the kernel, in `npm test`'s share: every match of iptables
 * 1.8.9 loaded wherever places.ts says it loads (one ruleset per table), each refusal it
 * predicts in the mangle table (which has every hook) and in the first chain of every table,
 * the matches it has as not measured still refused, and the kernel's words for each limit.
 * `npm run conformance` loads every predicted refusal (test/conformance/places.test.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync, readdirSync } from "node:fs";
import { BUILTIN_CHAINS, MATCH_PLACES, placeRefusal } from "../../rules/netfilter/index.js";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { load } from "./load-checks.js";
import { allPlacements, describe, differences, loggedBy, nameOf, prepare, refusingLimit, rulesetFor, samplesOf, type Placement } from "./places-probe.js";

/** Where Debian's iptables keeps its extensions. */
const XTABLES = "/usr/lib/x86_64-linux-gnu/xtables";

test("places.ts has every match iptables ships (Debian's libxt_, libipt_ and libip6t_ modules), each with a sample the probe loads", (t) => {
  if (!existsSync(XTABLES)) return t.skip(`no ${XTABLES} (Debian's iptables)`);
  const shipped: Record<Family, Set<string>> = { 4: new Set(), 6: new Set() };
  for (const file of readdirSync(XTABLES)) {
    const m = /^lib(xt|ipt|ip6t)_([a-z0-9]+)\.so$/.exec(file);
    if (m === null || m[2] === "standard") continue;
    if (m[1] !== "ip6t") shipped[4].add(m[2]);
    if (m[1] !== "ipt") shipped[6].add(m[2]);
  }
  for (const family of [4, 6] as Family[]) {
    const known = Object.keys(MATCH_PLACES[family]);
    // libxt_ modules of one family (osf) are in the other family's set too: places.ts has them in their own only.
    assert.deepEqual([...shipped[family]].filter((name) => !known.includes(name) && !(name === "osf" && family === 6)), [], `missing for family ${family}`);
    assert.deepEqual(known.filter((name) => !shipped[family].has(name)), [], `not shipped for family ${family}`);
    assert.deepEqual(known.filter((name) => !samplesOf(family).some((s) => s.match === name)), [], `no sample for family ${family}`);
  }
});

const share = (_: unknown, p: Placement) => p.table === "mangle" || (p.how === "builtin" && p.chain === BUILTIN_CHAINS[p.table][0]);

for (const family of [4, 6] as Family[]) {
  test(`the kernel logs the words places.ts quotes for each limit (ip${family === 6 ? "6" : ""}tables-legacy, a built-in chain)`, async (t) => {
    if (!requireNetfilter(t)) return;
    await withNamespace("placewords", async (ns) => {
      prepare(ns);
      const xt = family === 6 ? "ip6_tables" : "ip_tables";
      const checked = new Set<unknown>();
      for (const s of samplesOf(family)) {
        for (const p of allPlacements()) {
          if (p.how !== "builtin") continue;
          const limit = refusingLimit(s, family, "legacy", p);
          if (limit === null || limit === "unknown" || checked.has(limit)) continue;
          checked.add(limit);
          const words = placeRefusal(limit, s.match, p.table, [p.chain]);
          if (words === null) continue;
          const expected = limit.logged === "x_tables" ? `x_tables: ${xt}: ${words}` : `${limit.module![family]}: ${words}`;
          const seen = await loggedBy(() => assert.notEqual(load(ns, "legacy", family, rulesetFor(s, family, p)).status, 0), expected);
          assert.ok(seen.some((line) => line === expected), `${nameOf(s)} in ${describe(p)}: expected "${expected}", the kernel logged ${JSON.stringify(seen)}`);
        }
      }
      assert.ok(checked.size >= 10, `only ${checked.size} limits checked`);
    });
  });
}

for (const family of [4, 6] as Family[]) {
  for (const backend of ["nft", "legacy"] as Backend[]) {
    test(`places.ts is what the kernel does: ip${family === 6 ? "6" : ""}tables-${backend}, every match where it loads, its refusals in mangle and each table's first chain`, async (t) => {
      if (!requireNetfilter(t)) return;
      await withNamespace("places", (ns) => {
        prepare(ns);
        assert.deepEqual(differences(ns, family, backend, share), []);
      });
    });
  }
}
