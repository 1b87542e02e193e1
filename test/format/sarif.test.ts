/**
 * SARIF: valid against the SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships, the one
 * schemastore.org serves) and against what GitHub code scanning needs beyond it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { Ajv, type ValidateFunction } from "ajv";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";

import { allRules } from "../../rules/index.js";
import { formatters } from "../../src/format/index.js";
import { SARIF_SCHEMA } from "../../src/format/sarif.js";
import { nodeIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { fromRoot } from "../helpers/project.js";
import { cleanResults, context, CWD, lintFixture, mixedResults } from "./support.js";

// CommonJS modules whose default export is on `.default` once imported from ESM.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

/**
 * The schema is JSON Schema draft-04. `strict: false`: it declares `required` properties it
 * does not define; `unicodeRegExp: false`: its `language` pattern is not a valid unicode regex.
 */
function officialValidator(): ValidateFunction {
  const path = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path, "utf8")));
}

const text = { type: "object", required: ["text"], properties: { text: { type: "string", minLength: 1, maxLength: 1024 } } };

/** What GitHub's SARIF support page calls required (an empty string does not count), and its limits. */
const githubProfile = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["$schema", "version", "runs"],
  properties: {
    $schema: { const: SARIF_SCHEMA },
    version: { const: "2.1.0" },
    runs: {
      type: "array",
      minItems: 1,
      maxItems: 20,
      items: {
        type: "object",
        required: ["tool", "results", "invocations"],
        properties: {
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name", "semanticVersion", "informationUri", "rules"],
                properties: {
                  name: { const: "iptlint" },
                  semanticVersion: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+" },
                  rules: {
                    type: "array",
                    minItems: 1,
                    maxItems: 25000,
                    items: {
                      type: "object",
                      required: ["id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration"],
                      properties: {
                        id: { type: "string", minLength: 1 },
                        name: { type: "string", minLength: 1, maxLength: 255 },
                        shortDescription: text,
                        fullDescription: text,
                        help: {
                          type: "object",
                          required: ["text", "markdown"],
                          properties: { text: { type: "string", pattern: "https://" }, markdown: { type: "string", pattern: "\\]\\(https://" } },
                        },
                        defaultConfiguration: {
                          type: "object",
                          required: ["level"],
                          properties: { level: { enum: ["note", "warning", "error"] } },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          invocations: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["executionSuccessful", "workingDirectory"],
              properties: {
                executionSuccessful: { const: true },
                workingDirectory: {
                  type: "object",
                  required: ["uri"],
                  properties: { uri: { type: "string", pattern: "^file:///.*/$" } },
                },
              },
            },
          },
          results: {
            type: "array",
            maxItems: 25000,
            items: {
              type: "object",
              required: ["ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints"],
              properties: {
                level: { enum: ["note", "warning", "error"] },
                message: text,
                locations: {
                  type: "array",
                  minItems: 1,
                  items: {
                    type: "object",
                    required: ["physicalLocation"],
                    properties: {
                      physicalLocation: {
                        type: "object",
                        required: ["artifactLocation", "region"],
                        properties: {
                          artifactLocation: {
                            type: "object",
                            required: ["uri"],
                            // Repository-relative: no scheme, no leading `/` or `./`, no backslash.
                            properties: { uri: { type: "string", minLength: 1, pattern: "^(?![a-z]+:|/|\\./)[^\\\\]+$" } },
                          },
                          region: {
                            type: "object",
                            required: ["startLine", "startColumn", "endLine", "endColumn"],
                          },
                        },
                      },
                    },
                  },
                },
                partialFingerprints: {
                  type: "object",
                  required: ["primaryLocationLineHash"],
                  properties: { primaryLocationLineHash: { type: "string", pattern: "^[0-9a-f]{16}:[1-9][0-9]*$" } },
                },
              },
            },
          },
        },
      },
    },
  },
};

interface SarifLog {
  runs: {
    tool: { driver: { semanticVersion: string; rules: { id: string; help: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      partialFingerprints: { primaryLocationLineHash: string };
    }[];
  }[];
}

const official = officialValidator();
const github = new Ajv({ allErrors: true }).compile(githubProfile);

function assertValid(validate: ValidateFunction, document: unknown, what: string): void {
  const ok = validate(document);
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors, null, 1)}`);
}

const cases = {
  "mixed results": () => mixedResults(),
  "a clean file": () => cleanResults(),
  "no files": () => [],
};

for (const [name, results] of Object.entries(cases)) {
  test(`sarif: ${name}: valid SARIF 2.1.0 and what GitHub code scanning needs`, () => {
    const log = JSON.parse(formatters.sarif(results(), context())) as unknown;
    assertValid(official, log, "SARIF 2.1.0 schema");
    assertValid(github, log, "GitHub profile");
  });
}

test("sarif: with every rule of iptlint, still valid, and every rule described once", () => {
  const log = JSON.parse(formatters.sarif(mixedResults(), context({ rules: allRules }))) as SarifLog;
  assertValid(official, log, "SARIF 2.1.0 schema");
  assertValid(github, log, "GitHub profile");
  const ids = log.runs[0].tool.driver.rules.map((r) => r.id);
  assert.deepEqual(ids.slice(0, allRules.length + 1), ["syntax", ...allRules.map((r) => r.id)]);
  assert.equal(new Set(ids).size, ids.length);
});

test("sarif: the validators do reject a broken log", () => {
  const log = JSON.parse(formatters.sarif(mixedResults(), context())) as SarifLog & { runs: { tool: { driver: { name?: string } } }[] };
  log.runs[0].results[0].level = "fatal";
  delete log.runs[0].tool.driver.name;
  assert.equal(official(log), false);
  assert.deepEqual(
    official.errors?.map((e) => e.instancePath).sort(),
    ["/runs/0/results/0/level", "/runs/0/tool/driver"].sort(),
  );
  assert.equal(github(log), false);
});

test("sarif: every result points at its rule, has its level and the driver's version", () => {
  const log = JSON.parse(formatters.sarif(mixedResults(), context({ version: "9.8.7" }))) as SarifLog;
  const run = log.runs[0];
  assert.equal(run.tool.driver.semanticVersion, "9.8.7");
  const levels = { error: "error", warning: "warning", info: "note" } as const;
  const diagnostics = mixedResults().flatMap((r) => r.diagnostics);
  assert.equal(run.results.length, diagnostics.length);
  run.results.forEach((r, i) => {
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.equal(r.ruleId, diagnostics[i].ruleId);
    assert.equal(r.level, levels[diagnostics[i].severity]);
  });
  assert.ok(run.tool.driver.rules.some((r) => r.id === "odd-rule"), "a rule missing from context.rules is still described");
  const masquerade = run.tool.driver.rules.find((r) => r.id === "masquerade-mark-not-cleared");
  assert.match(masquerade?.help.text ?? "", /https:\/\/github\.com\/iptlint\/iptlint\/blob\/main\/rules\/masquerade-mark-not-cleared\/README\.md/);
});

test("sarif: URIs are relative to the working directory, percent-encoded, with / separators", () => {
  const log = JSON.parse(formatters.sarif(mixedResults(), context())) as SarifLog & {
    runs: { invocations: { workingDirectory: { uri: string } }[] }[];
  };
  const uris = new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris], [
    "test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save",
    "test/format/fixtures/masquerade-warning.rules",
    "test/format/fixtures/syntax-errors.rules",
    "odd%20dir/a%2Cb%3Ac%25.rules",
  ]);
  assert.equal(log.runs[0].invocations[0].workingDirectory.uri, `file://${CWD}/`);
  const inside = lintFixture("test/format/fixtures/syntax-errors.rules", `${CWD}/nodes/x.rules`);
  const relative = JSON.parse(formatters.sarif([inside], context())) as SarifLog;
  assert.equal(relative.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "nodes/x.rules");
});

test("sarif: primaryLocationLineHash is unique; identical lines are told apart by the occurrence counter", () => {
  const hashes = (results: ReturnType<typeof mixedResults>) =>
    (JSON.parse(formatters.sarif(results, context())) as SarifLog).runs[0].results.map((r) => r.partialFingerprints.primaryLocationLineHash);
  const all = hashes(mixedResults());
  assert.equal(new Set(all).size, all.length);
  // The two identical `| not a command` lines: one hash, two occurrences.
  const syntax = hashes([lintFixture("test/format/fixtures/syntax-errors.rules")]);
  const [first, second] = syntax.slice(2, 4);
  assert.equal(first.replace(/:1$/, ":2"), second);
});

test("sarif: findings about suppression comments are described although no rule module has them", () => {
  const [clean] = cleanResults();
  const range = { start: 0, end: 7 };
  const result = {
    ...clean,
    diagnostics: [
      { ruleId: "unused-suppression", severity: "warning" as const, message: "suppresses nothing", range, loc: clean.document.source.locate(range) },
    ],
  };
  const log = JSON.parse(formatters.sarif([result], context())) as SarifLog;
  assertValid(official, log, "SARIF 2.1.0 schema");
  assertValid(github, log, "GitHub profile");
  const rule = log.runs[0].tool.driver.rules[log.runs[0].results[0].ruleIndex];
  assert.equal(rule.id, "unused-suppression");
  assert.match(rule.help.text, /`iptlint-disable` comment that suppresses no finding/);
  assert.match(rule.help.text, /blob\/main\/README\.md$/);
});

/** Every rule's README, as the package ships it. */
const readmes = (): Map<string, string> => new Map(allRules.map((r) => [r.id, readFileSync(fromRoot("rules", r.id, "README.md"), "utf8")]));

interface DescribedRule {
  id: string;
  fullDescription: { text: string; markdown?: string };
  help: { text: string; markdown: string };
}

test("sarif: each rule's README is its help (text and markdown) and its \"What it does\" the full description", () => {
  const docs = readmes();
  const log = JSON.parse(formatters.sarif(mixedResults(), context({ rules: allRules, ruleDocs: docs }))) as { runs: [{ tool: { driver: { rules: DescribedRule[] } } }] };
  assertValid(official, log, "SARIF 2.1.0 schema");
  assertValid(github, log, "GitHub profile");
  const described = log.runs[0].tool.driver.rules;
  for (const rule of allRules) {
    const readme = docs.get(rule.id)!;
    const sarifRule = described.find((r) => r.id === rule.id)!;
    const body = readme.replace(/^# .*\n+/, "").trimEnd();
    for (const help of [sarifRule.help.text, sarifRule.help.markdown]) {
      assert.ok(help.startsWith(body), `${rule.id}: the help is the README (what \`iptlint explain\` prints) without its title`);
      assert.match(help, /## Why it matters\n/);
    }
    assert.match(sarifRule.help.markdown, /\[Documentation\]\(https:\/\/github\.com\/iptlint\/iptlint\/blob\/main\/rules\/[a-z0-9-]+\/README\.md\)$/);
    const whatItDoes = readme.split("## What it does\n")[1].split("\n## ")[0].trim();
    const full = sarifRule.fullDescription;
    assert.equal(full.markdown, full.text);
    if (whatItDoes.length <= 1024) assert.equal(full.text, whatItDoes, rule.id);
    else assert.ok(full.text.endsWith("\n...") && whatItDoes.startsWith(full.text.slice(0, -4)) && full.text.length <= 1024, `${rule.id}: cut at a line end`);
  }
  // Findings that are not a rule's keep their one-line description.
  assert.doesNotMatch(described.find((r) => r.id === "syntax")!.help.text, /## /);
});

test("sarif: the CLI reads the READMEs that ship with iptlint for it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-sarif-"));
  try {
    writeFileSync(join(dir, "rules.v4"), "*filter\r\n:INPUT ACCEPT [0:0]\r\nCOMMIT\r\n");
    let stdout = "";
    const io = { ...nodeIo(dir), stdout: { write: (t: string | Uint8Array) => void (stdout += String(t)) } };
    assert.equal(await main(["--no-config", "-f", "sarif", "rules.v4"], io), 1);
    const lineEnds = (JSON.parse(stdout) as { runs: [{ tool: { driver: { rules: DescribedRule[] } } }] }).runs[0].tool.driver.rules.find((r) => r.id === "line-ends")!;
    assert.ok(lineEnds.help.markdown.startsWith(readmes().get("line-ends")!.replace(/^# .*\n+/, "").trimEnd()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
