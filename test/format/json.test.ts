/** The JSON report: valid against the schema it ships with, positions of findings and fix edits. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Ajv } from "ajv";

import { formatters } from "../../src/format/index.js";
import type { JsonResult } from "../../src/format/json.js";
import { fromRoot } from "../helpers/project.js";
import { cleanResults, context, lintFixture, mixedResults } from "./support.js";

const schema = JSON.parse(readFileSync(fromRoot("src", "format", "json-output.schema.json"), "utf8")) as object;
// Strict mode: the schema itself must have no unknown keyword or loose type.
const validate = new Ajv({ allErrors: true, strict: true }).compile<JsonResult[]>(schema);

const report = (results = mixedResults()) => JSON.parse(formatters.json(results, context())) as JsonResult[];

test("json: valid against src/format/json-output.schema.json", () => {
  for (const results of [mixedResults(), cleanResults(), []]) {
    const out = report(results);
    assert.ok(validate(out), JSON.stringify(validate.errors, null, 1));
  }
});

test("json: the schema rejects what the report never holds", () => {
  const out = report();
  out[0].messages[0].severity = "fatal" as "error";
  (out[1] as unknown as Record<string, unknown>).extra = true;
  delete (out[2] as Partial<JsonResult>).errorCount;
  assert.equal(validate(out), false);
  assert.deepEqual(validate.errors?.map((e) => e.instancePath || e.params.missingProperty || e.params.additionalProperty).sort(), [
    "/0/messages/0/severity",
    "/1",
    "/2",
  ]);
});

test("json: one entry per file in the order given, with counts", () => {
  const results = mixedResults();
  const out = report(results);
  assert.deepEqual(out.map((r) => r.filePath), results.map((r) => r.filePath));
  const kube = out[0];
  assert.deepEqual([kube.errorCount, kube.warningCount, kube.infoCount, kube.fixableCount], [1, 0, 0, 1]);
  assert.deepEqual(
    out.map((r) => [r.errorCount, r.warningCount, r.infoCount, r.fixableCount]),
    [[1, 0, 0, 1], [0, 1, 0, 1], [5, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1]],
  );
  assert.deepEqual(report([lintFixture("test/format/fixtures/clean.rules")])[0].messages, []);
  assert.equal(report([{ ...cleanResults()[0], filePath: undefined }])[0].filePath, "<text>");
});

test("json: a fix's edits carry offsets and the same positions as lines and columns", () => {
  const result = lintFixture("test/fixtures/corpus/kube/kube-proxy-1.18.2-iptables.nft.save");
  const [message] = report([result])[0].messages;
  const fix = result.diagnostics[0].fix;
  assert.ok(message.fix && fix);
  assert.equal(message.fix.title, fix.title);
  assert.equal(message.fix.applicability, "safe");
  assert.equal(message.fix.edits.length, fix.edits.length);
  message.fix.edits.forEach((edit, i) => {
    assert.deepEqual([edit.start, edit.end, edit.text], [fix.edits[i].start, fix.edits[i].end, fix.edits[i].text]);
    const lines = result.document.text.split("\n");
    // The edit replaces the whole of line 57 and its line end.
    assert.deepEqual([edit.line, edit.column, edit.endLine, edit.endColumn], [57, 1, 58, 1]);
    assert.equal(result.document.text.slice(edit.start, edit.end), `${lines[56]}\n`);
  });
});
