/**
 * The shipped schema (src/config/iptlint.schema.json, for editors through `$schema`) against
 * the schema composed at run time from it and the rule list.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { Ajv } from "ajv";

import { allRules } from "../../rules/index.js";
import type { RuleModule } from "../../rules/types.js";
import { ConfigError, checkConfig } from "../../src/config/load.js";
import { buildSchema, schemaText } from "../../src/config/schema.js";
import { fromRoot } from "../helpers/project.js";

const SHIPPED = fromRoot("src", "config", "iptlint.schema.json");

test("schema: the shipped JSON lists exactly the rules of rules/index.ts", () => {
  // IPTLINT_UPDATE_SCHEMA=1 rewrites the shipped file from the rule list.
  if (process.env.IPTLINT_UPDATE_SCHEMA === "1") writeFileSync(SHIPPED, schemaText());
  const shipped = JSON.parse(readFileSync(SHIPPED, "utf8")) as { definitions: { rules: { properties: object } } };
  assert.deepEqual(
    shipped,
    buildSchema(),
    "src/config/iptlint.schema.json is out of date with rules/index.ts: rewrite it with " +
      "`npm run compile && IPTLINT_UPDATE_SCHEMA=1 node --test build/test/config/schema.test.js`",
  );
  assert.deepEqual(Object.keys(shipped.definitions.rules.properties), allRules.map((r) => r.id));
});

test("schema: the shipped JSON alone (as an editor reads it) accepts a full configuration and refuses mistakes", () => {
  const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(JSON.parse(readFileSync(SHIPPED, "utf8")));
  const full = {
    $schema: "./node_modules/iptlint/src/config/iptlint.schema.json",
    rules: { "masquerade-mark-not-cleared": ["warning", {}] },
    overrides: [
      { files: "*.v6", rules: { "masquerade-mark-not-cleared": "off" } },
      { files: ["nodes/edge-*/**", "lab/*.rules"], node: { kernelVersion: "5.4.0-107-generic", kubernetesVersion: "v1.18.2" } },
    ],
    ignores: ["old/", "*.bak"],
    reportUnusedSuppressions: "error",
    node: { kubernetesVersion: "1.19" },
  };
  assert.ok(validate(full), JSON.stringify(validate.errors));
  assert.equal(validate({ rules: { syntax: "off" } }), false);
  assert.equal(validate({ rules: { "masquerade-mark-not-cleared": "warn" } }), false);
  assert.equal(validate({ overrides: [{ rules: {} }] }), false);
});

test("schema: a rule that declares an options schema has its options checked, with suggestions", () => {
  const withOptions = {
    id: "fake-rule",
    description: "a rule with options",
    severity: "warning",
    fixable: false,
    check() {},
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { clearMark: { type: "boolean" }, chains: { type: "array", items: { type: "string" } } },
    },
  } as RuleModule & { schema: object };
  const rules = [...allRules, withOptions];
  const config = { rules: { "fake-rule": ["error", { clearMark: true, chains: ["KUBE-POSTROUTING"] }] } };
  assert.deepEqual(checkConfig(config, "x.json", rules), config);
  assert.throws(
    () => checkConfig({ rules: { "fake-rule": ["error", { clearMak: true }] }, overrides: [{ files: "*", rules: { "fake-rule": ["info", { chains: "A" }] } }] }, "x.json", rules),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(
        error.message,
        "invalid configuration in x.json:\n" +
          "  - unknown key `clearMak` in `rules.fake-rule[1]`: did you mean `clearMark`? (known keys: clearMark, chains)\n" +
          "  - `overrides[0].rules.fake-rule[1].chains` must be an array, not a string",
      );
      return true;
    },
  );
  // The rule's entry in the composed schema carries its options schema.
  const composed = buildSchema(rules) as { definitions: { rules: { properties: Record<string, { then: { items: unknown[] } }> } } };
  assert.deepEqual(composed.definitions.rules.properties["fake-rule"].then.items[1], withOptions.schema);
});
