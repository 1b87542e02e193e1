/**
 * Incremental re-parsing gives exactly what parsing the whole new text gives: the same lines,
 * tokens, errors and diagnostics, for any text and any set of replacements.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parse, print, reparse, type Replacement } from "../../grammar/index.js";
import { lex, relex, type LexedText } from "../../grammar/lexer.js";
import { applyEdits } from "../helpers/edits.js";

const pieces = [
  "*filter\n", "*nat\n", ":INPUT ACCEPT [0:0]\n", ":X - [0:0]\n", "COMMIT\n", "COMMIT", "# comment\n", "\n", "\r\n",
  "-A INPUT -s 10.0.0.1/32 -j ACCEPT\n", "[1:2] -A X -m comment --comment \"a b\" -j DROP\n", "-A X -j",
  " ", "\t", '"', "!", "-m mark --mark 0x4000/0x4000", "\uFEFF", "\0", "é", "-A", "x",
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(""));

/** Sorted, non-overlapping replacements of `base`. */
const replacements = (base: string) =>
  fc
    .array(fc.tuple(fc.nat(base.length), fc.nat(8), fc.array(fc.constantFrom(...pieces), { maxLength: 3 })), { maxLength: 4 })
    .map((raw) => {
      const sorted = raw.map(([start, length, inserted]) => ({ start, end: Math.min(base.length, start + length), text: inserted.join("") }));
      sorted.sort((a, b) => a.start - b.start);
      const out: Replacement[] = [];
      for (const r of sorted) if (out.length === 0 || r.start >= out[out.length - 1].end) out.push(r);
      return out;
    });


const plain = (l: LexedText) => ({
  lineCount: l.lineCount,
  lineStarts: [...l.lineStarts],
  contentEnds: [...l.contentEnds],
  lineKinds: [...l.lineKinds],
  firstTokens: [...l.firstTokens],
  tokens: [...l.tokens.starts.subarray(0, l.tokens.count)].map((s, i) => [s, l.tokens.ends[i], l.tokens.codes[i]]),
  errors: l.errors,
});

test("relex equals lexing the new text", () => {
  fc.assert(
    fc.property(
      text.chain((base) => fc.tuple(fc.constant(base), replacements(base))),
      ([base, edits]) => {
        const next = applyEdits(base, edits);
        assert.deepEqual(plain(relex(lex(base), edits, next)), plain(lex(next)));
      },
    ),
    { numRuns: 500 },
  );
});

test("reparse equals parsing the new text", () => {
  fc.assert(
    fc.property(
      text.chain((base) => fc.tuple(fc.constant(base), replacements(base))),
      ([base, edits]) => {
        const next = applyEdits(base, edits);
        const whole = parse(next);
        const incremental = reparse(parse(base), edits, next);
        assert.deepEqual(incremental.diagnostics, whole.diagnostics);
        assert.deepEqual(incremental.tables.map((t) => [t.name, t.chains.length, t.commands.map((c) => c.text)]), whole.tables.map((t) => [t.name, t.chains.length, t.commands.map((c) => c.text)]));
        // A binary file has no lines to print.
        if (!next.slice(0, 8000).includes("\0")) assert.equal(print(incremental), next);
      },
    ),
    { numRuns: 300 },
  );
});
