/**
 * `fix --emit` does not lint the fixed text: it reports the findings of the original that the
 * fix leaves (`unresolved`), where they are in the file the user has. That is only honest if
 * it is what linting the fixed text finds. Checked here with every rule on, for every rule
 * fixture and corpus dump, safe and unsafe: the same rules flag the same text, and as often.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "../../grammar/index.js";
import { allRules } from "../../rules/index.js";
import { applyFixes, unresolved, type TextEdit } from "../../src/fix/apply.js";
import { fixFound, lintDocument, type LintDiagnostic } from "../../src/lint.js";
import { fromRoot } from "../helpers/project.js";

const texts: Array<[string, string]> = [];
for (const rule of allRules) {
  const folder = fromRoot("rules", rule.id, "fixtures");
  if (!existsSync(folder)) continue;
  for (const name of readdirSync(folder).filter((f) => f.endsWith(".rules"))) texts.push([`${rule.id}/${name}`, readFileSync(join(folder, name), "utf8")]);
}
// One move of a declaration mends three findings of two rules.
texts.push(["inline/declared-late", "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -j X\n-A FORWARD -j X\n-A X -j ACCEPT\n:X - [0:0]\nCOMMIT\n"]);
// Fixes that overlap the line-end fix of a CR LF file: applied in a second pass.
texts.push(["crlf/duplicate", "*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\r\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\r\n-A INPUT -j DROP\r\nCOMMIT\r\n"]);
texts.push(["crlf/several", "*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -s ! 10.0.0.0/8 -j X\r\n-A INPUT -j X\r\n-A INPUT -j X\r\n-A X -j ACCEPT\r\n:X - [0:0]\r\n-A INPUT -p tcp --dport 22 -j ACCEPT\r\n-A INPUT -p tcp --dport 22 -j ACCEPT\r\nCOMMIT"]);
// Every rule fixture again with CR LF line ends: the line-end fix and the rule's own fix in one
// pass, so a line a fix writes must not copy its neighbour's CR (that line would be refused).
for (const [name, text] of texts.splice(0)) {
  texts.push([name, text]);
  if (!name.startsWith("inline/") && !name.startsWith("crlf/") && !text.includes("\r")) texts.push([`as-crlf/${name}`, text.replaceAll("\n", "\r\n")]);
}
const corpus = fromRoot("test", "fixtures", "corpus");
for (const name of readdirSync(corpus, { recursive: true }) as string[]) {
  const path = join(corpus, name);
  if (/\.(save|rules|v4|v6|txt)$/.test(name) && !name.endsWith(".md")) texts.push([`corpus/${name}`, readFileSync(path, "latin1")]);
}

/** What a finding says about the text, without its place: the rule and the words it flags. */
const flagged = (text: string, diagnostics: readonly LintDiagnostic[], map = (offset: number) => offset): string[] =>
  diagnostics.map((d) => `${d.ruleId}: ${text.slice(map(d.range.start), map(d.range.end))}`).sort();

/** Where an offset of the original text is in the fixed text (an offset inside an edit goes to its start). */
function offsetMap(edits: readonly TextEdit[]): (offset: number) => number {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return (offset) => {
    let shift = 0;
    for (const edit of sorted) {
      if (edit.end <= offset && !(edit.start === edit.end && edit.start === offset)) shift += edit.text.length - (edit.end - edit.start);
      else if (edit.start < offset) return edit.start + shift;
    }
    return offset + shift;
  };
}

test("the fixtures and corpus give something to fix", () => {
  assert.ok(texts.length > 50, `${texts.length} texts`);
});

for (const [name, text] of texts) {
  for (const unsafe of [false, true]) {
    test(`unresolved findings are what the fixed text has: ${name}${unsafe ? " (unsafe fixes)" : ""}`, () => {
      const document = parse(text);
      const found = lintDocument(document);
      const result = applyFixes(document, found.flatMap((d) => (d.fix ? [d.fix] : [])), { unsafe });
      const left = unresolved(found, result);
      if (name.startsWith("inline/")) assert.deepEqual([found.length, left.length], [3, 0]);
      const relinted = lintDocument(result.document);
      // A finding left on a line the fix changed flags the changed words in the fixed text.
      const map = offsetMap(result.applied.flatMap((fix) => fix.edits));
      assert.deepEqual(flagged(result.output, left, map), flagged(result.output, relinted));
      // The same, fixing until no fix applies (what `fix --emit` does): the passes' edits, composed, speak of the original text.
      const { result: stable, left: leftStable } = fixFound(document, found, { unsafe });
      if (name.startsWith("crlf/") && unsafe) assert.ok(stable.passes > 1, `${name}: ${stable.passes} passes`);
      const relintedStable = lintDocument(stable.document);
      if (name.startsWith("as-crlf/") && unsafe) assert.ok(!stable.output.includes("\r\n"), `${name}: a CR LF line is left after fixing`);
      assert.deepEqual(flagged(stable.output, leftStable, offsetMap(stable.edits)), flagged(stable.output, relintedStable));
    });
  }
}
