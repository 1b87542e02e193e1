/**
 * rules/netfilter/places.ts and the targets' BINDINGS (targets.ts) against the kernel, every
 * placement (`npm run conformance`): every match of iptables 1.8.9 and every bound target into
 * every built-in chain of every table, a user chain reached from each, and an unreached one,
 * iptables and ip6tables, nft and legacy. Several minutes: only with IPTLINT_PLACES=all, which
 * `npm run conformance` sets (npm test measures a share: test/rules/places.test.ts).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { load } from "../rules/load-checks.js";
import { allPlacements, describe, differences, prepare, type Placement } from "../rules/places-probe.js";
import { isV4Only, isV6Only, predicted, SAMPLES } from "../rules/target-samples.js";

const exhaustive = process.env.IPTLINT_PLACES === "all";
const WHY = "every placement is measured by npm run conformance (IPTLINT_PLACES=all)";

const tools = (family: Family, backend: Backend) => `ip${family === 6 ? "6" : ""}tables-${backend}`;

for (const family of [4, 6] as Family[]) {
  for (const backend of ["nft", "legacy"] as Backend[]) {
    test(`places.ts is what the kernel does at every placement: ${tools(family, backend)}`, async (t) => {
      if (!exhaustive) return t.skip(WHY);
      if (!requireNetfilter(t)) return;
      await withNamespace("places-all", (ns) => {
        prepare(ns);
        assert.deepEqual(differences(ns, family, backend, () => true), []);
      });
    });

    test(`the targets' bindings are what the kernel does at every placement: ${tools(family, backend)}`, async (t) => {
      if (!exhaustive) return t.skip(WHY);
      if (!requireNetfilter(t)) return;
      await withNamespace("targets-all", (ns) => {
        const wrong: string[] = [];
        for (const name of Object.keys(SAMPLES)) {
          if ((family === 4 && isV6Only(name)) || (family === 6 && isV4Only(name))) continue;
          const sample = SAMPLES[name];
          const rule = [sample.before, `-j ${name}`, family === 4 ? sample.v4 : sample.v6].filter(Boolean).join(" ");
          for (const p of allPlacements()) {
            const text = rulesetOf(p, rule);
            const hooks = p.how === "unreached" ? [] : [p.chain];
            const loaded = load(ns, backend, family, text).status === 0;
            if (loaded !== predicted(name, p.table, hooks, backend, p.how !== "builtin")) wrong.push(`-j ${name} in ${describe(p)}: ${loaded ? "loads" : "refused"}`);
          }
        }
        assert.deepEqual(wrong, []);
      });
    });
  }
}

function rulesetOf(p: Placement, rule: string): string {
  if (p.how === "builtin") return `*${p.table}\n-A ${p.chain} ${rule}\nCOMMIT\n`;
  return `*${p.table}\n:U - [0:0]\n${p.how === "reached" ? `-A ${p.chain} -j U\n` : ""}-A U ${rule}\nCOMMIT\n`;
}
