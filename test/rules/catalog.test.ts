/**
 * The catalog as users get it: every rule on, no configuration. On the clean corpus of real
 * dumps it reports no error at all (the one expected exception: libvirt's dump from iptables
 * <= 1.4.3 uses the old negation, which iptables >= 1.4.12 refuses), while the kube-proxy
 * v1.16-v1.18.5 dumps still get the masquerade finding the project exists for.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { lintText } from "../../src/lint.js";
import { corpusFiles } from "./load-checks.js";

for (const file of corpusFiles()) {
  if (file.name.endsWith(".md")) continue;
  test(`every rule, by default: no unexpected error on ${file.name}`, () => {
    const errors = lintText(file.text).diagnostics.filter((d) => d.severity === "error");
    const expected = (id: string) =>
      (file.name.includes("old-negation") && id === "old-negation-syntax") ||
      (/kube-proxy-1\.1[6-8]/.test(file.name) && id === "masquerade-mark-not-cleared");
    assert.deepEqual(errors.filter((d) => !expected(d.ruleId)).map((d) => `${d.loc.start.line}: ${d.ruleId}: ${d.message}`), []);
  });
}
