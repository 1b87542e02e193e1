/**
 * The configuration's JSON schema. `iptlint.schema.json` is the shipped schema that editors
 * read through `$schema`; it holds everything but the list of rules, which lives in code
 * (`rules/index.ts`). The schema used for validation is composed here at run time from the
 * JSON and the rule list, so a rule added to the list is configurable at once, with its own
 * options schema when it declares one; `test/config/schema.test.ts` fails when the shipped
 * JSON's rule list differs from the composed one (and rewrites it with
 * IPTLINT_UPDATE_SCHEMA=1), so editors complete the same rule ids the validator accepts.
 */
import { allRules } from "../../rules/index.js";
import type { RuleModule } from "../../rules/types.js";
import base from "./iptlint.schema.json" with { type: "json" };

/** A JSON schema (draft-07) object. */
export type JsonSchema = { [key: string]: unknown };

/**
 * A rule that takes options declares their JSON schema (draft-07, self-contained: no `$ref`
 * outside itself) as `schema`. RuleModule does not have the field yet; reading it through
 * this type works before and after it is added.
 */
type RuleWithOptions = RuleModule & { schema?: JsonSchema };

/** The `properties` of `definitions.rules`: one entry per rule, with its description. */
export function ruleProperties(rules: readonly RuleModule[] = allRules): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const rule of rules as readonly RuleWithOptions[]) {
    properties[rule.id] = rule.schema
      ? {
          description: rule.description,
          // The shape of definitions.ruleSetting with the rule's own options schema in it.
          if: { type: "array" },
          then: { type: "array", minItems: 1, maxItems: 2, items: [{ $ref: "#/definitions/severity" }, rule.schema] },
          else: { $ref: "#/definitions/severity" },
        }
      : { description: rule.description, $ref: "#/definitions/ruleSetting" };
  }
  return properties;
}

/** The full schema: the shipped JSON with its rule list taken from `rules`. */
export function buildSchema(rules: readonly RuleModule[] = allRules): JsonSchema {
  const schema = structuredClone(base) as JsonSchema & { definitions: { rules: JsonSchema } };
  schema.definitions.rules.properties = ruleProperties(rules);
  return schema;
}

/** The schema as the shipped file holds it. */
export const schemaText = (rules: readonly RuleModule[] = allRules): string => `${JSON.stringify(buildSchema(rules), null, 2)}\n`;
