/**
 * Fixing to a fixed point: a fix left out for overlapping another is applied in a next pass,
 * in the library (`fixText`) and in every output of the CLI (`fix` in place, `--emit diff`,
 * `restore`, `patch`); at most MAX_FIX_PASSES passes; never a fix to a text that does not parse.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, type Document } from "../../grammar/index.js";
import type { Fix, TextEdit } from "../../rules/types.js";
import { nodeIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { composeEdits, fixUntilStable, MAX_FIX_PASSES } from "../../src/fix/fixed-point.js";
import { fixText } from "../../src/fix/fix-text.js";
import { applyEdits } from "../helpers/edits.js";

// A CR LF file with a repeated rule: the line-end fix rewrites every line end, so the deletion
// of the repeated rule overlaps it and waits for the second pass.
const CRLF_DUPLICATE = "*filter\r\n:INPUT ACCEPT [0:0]\r\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\r\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\r\n-A INPUT -j DROP\r\nCOMMIT\r\n";
const FIXED = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -s 10.0.0.1/32 -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n";


/** Sorted, non-overlapping edits of a text of this length (two insertions never at one place). */
const editsOf = (length: number) =>
  fc
    .array(fc.record({ a: fc.nat({ max: length }), b: fc.nat({ max: length }), text: fc.string({ maxLength: 4 }) }), { maxLength: 6 })
    .map((raw) => {
      const edits = raw.map(({ a, b, text }) => ({ start: Math.min(a, b), end: Math.max(a, b), text })).sort((x, y) => x.start - y.start || x.end - y.end);
      const kept: TextEdit[] = [];
      for (const e of edits) {
        const last = kept[kept.length - 1];
        if (last && (e.start < last.end || e.start === last.start)) continue;
        kept.push(e);
      }
      return kept;
    });

test("composeEdits: the composed edits turn A into C, sorted and not overlapping", () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 20 }).chain((a) => fc.tuple(fc.constant(a), editsOf(a.length))).chain(([a, first]) => {
        const b = applyEdits(a, first);
        return fc.tuple(fc.constant(a), fc.constant(first), editsOf(b.length));
      }),
      ([a, first, second]) => {
        const c = applyEdits(applyEdits(a, first), second);
        const composed = composeEdits(first, second, c);
        assert.equal(applyEdits(a, composed), c);
        for (let i = 1; i < composed.length; i++) assert.ok(composed[i - 1].end <= composed[i].start, "sorted, not overlapping");
      },
    ),
    { numRuns: 2000 },
  );
});

test("fixText: the overlapping deletion is applied in a second pass", () => {
  const fixed = fixText(CRLF_DUPLICATE, { unsafe: true });
  assert.equal(fixed.output, FIXED);
  assert.equal(fixed.passes, 2);
  assert.equal(fixed.stable, true);
  assert.deepEqual(fixed.skipped, [], "nothing left out");
  assert.deepEqual(fixed.diagnostics, [], "nothing left to report");
  assert.deepEqual(
    fixed.applied.map((f) => f.ruleId),
    ["line-ends", "duplicate-rule"],
  );
  // The result speaks of the original text: its edits turn it into the output.
  assert.equal(applyEdits(CRLF_DUPLICATE, fixed.result.edits), FIXED);
  // Without --unsafe-fixes the deletion is not applied, and says why.
  const safe = fixText(CRLF_DUPLICATE);
  assert.equal(safe.output, CRLF_DUPLICATE.replaceAll("\r\n", "\n"));
  assert.deepEqual(
    safe.skipped.map((s) => `${s.fix.ruleId}: ${s.reason}`),
    ["duplicate-rule: unsafe (use --unsafe-fixes)"],
  );
});

/** Runs the CLI in-process on real files in `dir`. */
async function cli(dir: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const text = (chunk: string | Uint8Array) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
  const code = await main(argv, { ...nodeIo(dir), stdout: { write: (t) => void (stdout += text(t)) }, stderr: { write: (t) => void (stderr += text(t)) } });
  return { code, stdout, stderr };
}

test("fix: in place and every --emit apply fixes until none applies", async () => {
  const dir = mkdtempSync(join(tmpdir(), "iptlint-fixed-point-"));
  try {
    const file = join(dir, "rules.v4");
    writeFileSync(file, CRLF_DUPLICATE);
    const clean = { code: 0, stderr: "" };

    const restore = await cli(dir, ["fix", "--no-config", "--unsafe-fixes", "--emit", "restore", "rules.v4"]);
    assert.deepEqual(restore, { ...clean, stdout: FIXED });

    const diff = await cli(dir, ["fix", "--no-config", "--unsafe-fixes", "--emit", "diff", "rules.v4"]);
    assert.deepEqual({ code: diff.code, stderr: diff.stderr }, clean);
    // The diff, applied by patch(1), gives the fixed file.
    const patched = spawnSync("patch", ["-p1", "-o", "-", "rules.v4"], { cwd: dir, input: diff.stdout, encoding: "utf8" });
    assert.equal(patched.status, 0, patched.stderr);
    assert.equal(patched.stdout, FIXED);

    const patch = await cli(dir, ["fix", "--no-config", "--unsafe-fixes", "--emit", "patch", "rules.v4"]);
    assert.deepEqual({ code: patch.code, stderr: patch.stderr }, clean);
    assert.match(patch.stdout, /^\*filter\n-F INPUT\n-A INPUT -s 10\.0\.0\.1\/32 -j ACCEPT\n-A INPUT -j DROP\nCOMMIT\n$/m, "INPUT rewritten without the repeated rule");

    assert.equal(readFileSync(file, "utf8"), CRLF_DUPLICATE, "--emit leaves the file alone");
    const inPlace = await cli(dir, ["fix", "--no-config", "--unsafe-fixes", "rules.v4"]);
    assert.deepEqual(inPlace, { ...clean, stdout: "" });
    assert.equal(readFileSync(file, "utf8"), FIXED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const RULES = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT\n";
const finding = (document: Document, from: string, to: string, title = `${from} to ${to}`): { fix: Fix } => {
  const start = document.text.indexOf(from);
  return { fix: { title, applicability: "safe", edits: [{ start, end: start + from.length, text: to }] } };
};

test("fixUntilStable: fixes that undo each other stop after MAX_FIX_PASSES passes, and say so", () => {
  const document = parse(RULES);
  // A "rule" that wants ACCEPT where DROP is and DROP where ACCEPT is.
  const flip = (d: Document) => [d.text.includes("ACCEPT\n") ? finding(d, "-j ACCEPT", "-j DROP") : finding(d, "-j DROP", "-j ACCEPT")];
  const { result, stable } = fixUntilStable(document, flip(document), flip);
  assert.equal(MAX_FIX_PASSES, 10);
  assert.equal(result.passes, MAX_FIX_PASSES);
  assert.equal(stable, false);
  assert.equal(result.output, RULES, "ten flips: back where it started");
  assert.match(result.skipped[0].reason, /still to apply after 10 passes/);
});

test("fixUntilStable: no pass applies a fix to a text that does not parse", () => {
  // A file with a syntax error is never fixed, in the first pass or any other.
  const broken = parse("*filter\n-A INPUT -j ACCEPT -j DROP\nCOMMIT\n");
  const none = fixUntilStable(broken, [finding(broken, "-A INPUT", "-A OUTPUT")], () => assert.fail("nothing to lint again"));
  assert.deepEqual([none.result.passes, none.result.output, none.result.skipped[0].reason], [0, broken.text, "the file has syntax errors"]);
  // A second pass whose fix would break the text leaves it out, and keeps the first pass's work.
  const document = parse(RULES);
  let passes = 0;
  const lintAgain = (d: Document) => (passes++ === 0 ? [finding(d, "-j DROP", "-j DROP -j ACCEPT")] : []);
  const { result, stable } = fixUntilStable(document, [finding(document, "-j ACCEPT", "-j DROP")], lintAgain);
  assert.equal(result.output, RULES.replace("ACCEPT\n", "DROP\n"));
  assert.deepEqual([result.passes, stable], [1, true]);
  assert.equal(result.skipped[0].reason, "the fixed text would not parse");
});
