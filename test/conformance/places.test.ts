/**
 * rules/netfilter/places.ts against the kernel, every placement (`npm run conformance`): every
 * match of iptables 1.8.9 into every built-in chain of every table, a user chain reached from
 * each, and an unreached one, iptables and ip6tables, nft and legacy. A few minutes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { requireNetfilter, withNamespace, type Backend, type Family } from "../helpers/netfilter.js";
import { differences, prepare } from "../rules/places-probe.js";

for (const family of [4, 6] as Family[]) {
  for (const backend of ["nft", "legacy"] as Backend[]) {
    test(`places.ts is what the kernel does at every placement: ip${family === 6 ? "6" : ""}tables-${backend}`, async (t) => {
      if (!requireNetfilter(t)) return;
      await withNamespace("places-all", (ns) => {
        prepare(ns);
        assert.deepEqual(differences(ns, family, backend, () => true), []);
      });
    });
  }
}
