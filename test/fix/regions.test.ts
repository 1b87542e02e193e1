/**
 * The fixer reads only the lines fixes rewrite (src/fix/regions.ts): to check that the fixed
 * text parses, and to read the chains a live patch rewrites. Both must say what parsing the
 * whole fixed text says. Checked with fast-check on real dumps and arbitrary line edits, and on
 * every rule fixture's fixes.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, reparse } from "../../grammar/index.js";
import { allRules } from "../../rules/index.js";
import { applyFixes, type FixResult } from "../../src/fix/apply.js";
import { livePatch } from "../../src/fix/emit.js";
import { editedRegions } from "../../src/fix/regions.js";
import { lintDocument } from "../../src/lint.js";
import { fromRoot } from "../helpers/project.js";

const corpus = (name: string) => readFileSync(fromRoot("test", "fixtures", "corpus", name), "utf8");
const DUMPS = [corpus("kube/kube-proxy-1.18.2-iptables.nft.save"), corpus("kube/kube-proxy-1.18.2-iptables.nft.counters.save"), corpus("kube/kube-proxy-1.18.2-ipvs.legacy.save")];

/** Lines an edit may write: rules, declarations, junk, structure, errors of every kind. */
const LINES = [
  "-A KUBE-POSTROUTING -j RETURN",
  "-A KUBE-NEW -m mark --mark 0x4000/0x4000 -j MASQUERADE",
  ":KUBE-NEW - [0:0]",
  "[0:0] -A KUBE-POSTROUTING -j RETURN",
  "[x:y] -A KUBE-POSTROUTING -j RETURN",
  "-A KUBE-POSTROUTING ! -s ! 10.0.0.0/8 -j RETURN",
  "-A KUBE-POSTROUTING -t nat -j RETURN",
  "-A KUBE-POSTROUTING -m comment --comment \"unterminated -j RETURN",
  "-s 10.0.0.0/8 -j RETURN",
  "garbage",
  ":NOPOLICY",
  "# a comment",
  "",
  "  -A KUBE-POSTROUTING -j RETURN",
  "  *nat",
  "COMMIT",
  "COMMIT ",
  "*filter",
  "-A KUBE-POSTROUTING -j RETURN\n-A KUBE-POSTROUTING -j ACCEPT",
];

test("a verdict from the rewritten lines is the verdict of parsing the whole fixed text", () => {
  const seen = new Set<boolean>();
  fc.assert(
    fc.property(
      fc.constantFrom(...DUMPS.keys()),
      fc.array(fc.record({ line: fc.nat(), text: fc.constantFrom(...LINES), whole: fc.boolean() }), { minLength: 1, maxLength: 3 }),
      (dump, changes) => {
        const document = parse(DUMPS[dump]);
        const { lineStarts, contentEnds, lineCount } = document.source.lexed;
        // Distinct lines, in order: replace a line's content, or insert a line before it.
        const lines = [...new Set(changes.map((c) => c.line % lineCount))].sort((a, b) => a - b);
        const edits = lines.map((line, i) => {
          const change = changes[i];
          return change.whole
            ? { start: lineStarts[line], end: contentEnds[line], text: change.text }
            : { start: lineStarts[line], end: lineStarts[line], text: `${change.text}\n` };
        });
        let output = "";
        let at = 0;
        for (const edit of edits) {
          output += document.text.slice(at, edit.start) + edit.text;
          at = edit.end;
        }
        output += document.text.slice(at);
        const regions = editedRegions(document, edits, output);
        const whole = reparse(document, edits, output).diagnostics.some((d) => d.severity === "error");
        if (regions !== undefined) {
          const verdict = regions.some((r) => r.lines.diagnostics.some((d) => d.severity === "error"));
          assert.equal(verdict, whole, JSON.stringify(edits));
          seen.add(verdict);
        }
      },
    ),
    { numRuns: 300 },
  );
  assert.deepEqual([...seen].sort(), [false, true], "both verdicts were reached from the rewritten lines");
});

test("edits at the file's structure are left to a whole parse", () => {
  const document = parse(DUMPS[0]);
  const commit = document.tables[0].commit!;
  const at = document.source.lexed.lineStarts[commit.index];
  assert.equal(editedRegions(document, [{ start: at, end: at + 6, text: "" }], document.text.slice(0, at) + document.text.slice(at + 6)), undefined);
  assert.equal(editedRegions(document, [{ start: 0, end: 0, text: "# x\n" }], `# x\n${document.text}`), undefined);
});

const withoutRegions = (result: FixResult): FixResult => ({ ...result, document: result.document, regions: undefined });

const fixtureTexts = allRules.flatMap((rule) => {
  const folder = fromRoot("rules", rule.id, "fixtures");
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith("invalid-") && f.endsWith(".rules")).map((f) => [`${rule.id}/${f}`, readFileSync(join(folder, f), "utf8")] as const) : [];
});

for (const [name, text] of [...fixtureTexts, ["kube/kube-proxy-1.18.2-iptables.nft.counters.save", DUMPS[1]] as const]) {
  test(`the live patch read from the rewritten lines is the one read from the fixed document: ${name}`, () => {
    const document = parse(text);
    const fixes = lintDocument(document).flatMap((d) => (d.fix ? [d.fix] : []));
    for (const unsafe of [false, true]) {
      const result = applyFixes(document, fixes, { unsafe });
      const patch = livePatch(document, result);
      assert.equal(patch, livePatch(document, withoutRegions(result)));
      if (name.startsWith("kube/")) assert.ok(result.regions !== undefined && patch.includes(":KUBE-POSTROUTING - [0:0]"), "the kube-proxy fix is read from its lines");
    }
  });
}

test("a live patch for fixes that leave every chain's rules alone says so, and loads nothing", () => {
  const text = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A INPUT -j X\n-A X -j ACCEPT\n:X - [0:0]\nCOMMIT\n";
  const document = parse(text);
  const result = applyFixes(document, lintDocument(document).flatMap((d) => (d.fix ? [d.fix] : [])));
  assert.ok(result.applied.length > 0);
  const patch = livePatch(document, result);
  assert.match(patch, /^# Generated by iptlint: nothing to apply to a live node/);
  assert.deepEqual(patch.split("\n").filter((l) => l !== "" && !l.startsWith("#")), []);
  assert.equal(livePatch(document, applyFixes(document, [])), "", "no fix: no patch at all");
});
