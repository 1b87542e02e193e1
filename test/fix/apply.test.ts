import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parse } from "../../grammar/index.js";
import { applyFixes, type Fix } from "../../src/fix/apply.js";

const text = ["*filter", ":INPUT ACCEPT [0:0]", "-A INPUT -s 10.0.0.1/32 -j ACCEPT", "-A INPUT -j DROP", "COMMIT", ""].join("\n");
const doc = parse(text);
const at = (needle: string): number => {
  const i = text.indexOf(needle);
  assert.notEqual(i, -1, needle);
  return i;
};
const replace = (needle: string, by: string, applicability: Fix["applicability"] = "safe"): Fix => ({
  title: `replace ${needle}`,
  applicability,
  edits: [{ start: at(needle), end: at(needle) + needle.length, text: by }],
});

test("no fixes leave the text as it is", () => {
  const result = applyFixes(doc, []);
  assert.equal(result.output, text);
  assert.deepEqual(result.applied, []);
});

test("replacements, insertions and deletions apply together", () => {
  const insert: Fix = { title: "insert", applicability: "safe", edits: [{ start: at("COMMIT"), end: at("COMMIT"), text: "-A INPUT -j LOG\n" }] };
  const remove: Fix = { title: "delete", applicability: "safe", edits: [{ start: at("-A INPUT -j DROP\n"), end: at("COMMIT"), text: "" }] };
  const result = applyFixes(doc, [insert, replace("10.0.0.1/32", "10.0.0.2/32"), remove]);
  assert.equal(result.output, text.replace("10.0.0.1/32", "10.0.0.2/32").replace("-A INPUT -j DROP\n", "-A INPUT -j LOG\n"));
  assert.equal(result.applied.length, 3);
});

test("a fix overlapping an earlier one is skipped whole", () => {
  const first = replace("-s 10.0.0.1/32", "-s 10.0.0.3/32");
  // Its second edit overlaps `first`: none of its edits may be applied.
  const second: Fix = {
    title: "two edits",
    applicability: "safe",
    edits: [
      { start: at("DROP"), end: at("DROP") + 4, text: "REJECT" },
      { start: at("10.0.0.1"), end: at("10.0.0.1") + 1, text: "2" },
    ],
  };
  const result = applyFixes(doc, [second, first]);
  assert.equal(result.output, text.replace("10.0.0.1/32", "10.0.0.3/32"));
  assert.deepEqual(result.applied, [first]);
  assert.deepEqual(result.skipped, [{ fix: second, reason: "overlaps another fix" }]);
});

test("two insertions at the same offset conflict", () => {
  const insert = (line: string): Fix => ({ title: line, applicability: "safe", edits: [{ start: at("COMMIT"), end: at("COMMIT"), text: line }] });
  const result = applyFixes(doc, [insert("-A INPUT -j A\n"), insert("-A INPUT -j B\n")]);
  assert.equal(result.applied.length, 1);
  assert.equal(result.skipped[0].reason, "overlaps another fix");
});

test("unsafe fixes apply only when asked", () => {
  const fix = replace("-j DROP", "-j ACCEPT", "unsafe");
  assert.equal(applyFixes(doc, [fix]).output, text);
  assert.match(applyFixes(doc, [fix]).skipped[0].reason, /unsafe/);
  assert.equal(applyFixes(doc, [fix], { unsafe: true }).output, text.replace("-j DROP", "-j ACCEPT"));
});

test("a fix that breaks parsing is dropped, the others still apply", () => {
  const breaks = replace("COMMIT", "COMMIT now");
  const good = replace("10.0.0.1/32", "10.0.0.9/32");
  const result = applyFixes(doc, [breaks, good]);
  assert.equal(result.output, text.replace("10.0.0.1/32", "10.0.0.9/32"));
  assert.deepEqual(result.applied, [good]);
  assert.deepEqual(result.skipped, [{ fix: breaks, reason: "the fixed text would not parse" }]);
});

test("edits outside the text are refused", () => {
  const fix: Fix = { title: "out", applicability: "safe", edits: [{ start: text.length, end: text.length + 3, text: "" }] };
  const result = applyFixes(doc, [fix]);
  assert.equal(result.output, text);
  assert.match(result.skipped[0].reason, /outside the text/);
});

test("a file with syntax errors is never fixed", () => {
  const broken = parse("*filter\n-A INPUT -j ACCEPT -j DROP\nCOMMIT\n");
  const fix: Fix = { title: "x", applicability: "safe", edits: [{ start: 0, end: 0, text: "# x\n" }] };
  const result = applyFixes(broken, [fix]);
  assert.equal(result.output, broken.text);
  assert.deepEqual(result.applied, []);
  assert.equal(result.skipped[0].reason, "the file has syntax errors");
});

test("non-overlapping edits give the same text as applying them by hand", () => {
  const body = "*filter\n" + Array.from({ length: 40 }, (_, i) => `-A INPUT -s 10.0.0.${i}/32 -j ACCEPT\n`).join("") + "COMMIT\n";
  const parsed = parse(body);
  const ruleLines = body.split("\n").slice(1, 41);
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 12 }), fc.boolean(), (lines, deleteThem) => {
      const fixes: Fix[] = lines.map((i) => {
        const start = body.indexOf(ruleLines[i] + "\n");
        return deleteThem
          ? { title: `delete ${i}`, applicability: "safe", edits: [{ start, end: start + ruleLines[i].length + 1, text: "" }] }
          : { title: `comment ${i}`, applicability: "safe", edits: [{ start, end: start, text: `# rule ${i}\n` }] };
      });
      const expected = ["*filter", ...ruleLines.flatMap((line, i) => (lines.includes(i) ? (deleteThem ? [] : [`# rule ${i}`, line]) : [line])), "COMMIT", ""].join("\n");
      const result = applyFixes(parsed, fixes);
      assert.equal(result.output, expected);
      assert.equal(result.applied.length, lines.length);
    }),
    { numRuns: 100 },
  );
});
