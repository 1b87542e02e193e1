/**
 * Fixing until nothing is left to fix. One pass applies the fixes that do not overlap; a fix
 * left out for overlapping another (the line-end fix of a CR LF file and the deletion of a
 * repeated rule on one of its lines) is proposed again by the findings of the fixed text, and
 * applied in the next pass. At most MAX_FIX_PASSES passes, as ESLint does, in case two fixes
 * undo each other. Each pass is `applyFixes`, which never fixes a text with syntax errors.
 *
 * A fix never makes a new finding (unresolved.test.ts checks it on every fixture and dump), so a
 * pass that left no fix out for overlapping another has reached the fixed point: linting again
 * would only find what it left out. `fix --emit` relies on that and lints again only then;
 * `fix` in place lints the fixed text anyway, for its report, and goes on while fixes apply.
 */
import type { Document } from "../../grammar/index.js";
import type { Fix, TextEdit } from "../../rules/types.js";
import { applyFixes, OVERLAPS, type ApplyOptions, type FixResult, type SkippedFix } from "./apply.js";
import { editedRegions } from "./regions.js";

/** The most passes of lint and apply (ESLint's limit). */
export const MAX_FIX_PASSES = 10;

/** What a pass needs of the findings: their fixes. */
type Findings = ReadonlyArray<{ fix?: Fix }>;

export interface FixedPoint<T extends Findings[number]> {
  result: FixResult;
  /** The findings `lintAgain` gave for the fixed text; undefined when it was not linted again. */
  findings: T[] | undefined;
  /** False when MAX_FIX_PASSES passes left fixes still to apply (fixes that undo each other). */
  stable: boolean;
}

/**
 * Applies the fixes of `found` (the findings of `document`), then those of `lintAgain` of the
 * fixed text, and so on until a pass applies nothing or MAX_FIX_PASSES have applied fixes.
 * With `onlyAfterOverlaps`, the fixed text is linted again only after a pass that left a fix
 * out for overlapping another (see above). The result's `edits` are what all passes did, as
 * edits on the original text.
 */
export function fixUntilStable<T extends Findings[number]>(
  document: Document,
  found: readonly T[],
  lintAgain: (fixed: Document) => T[],
  options: ApplyOptions & { onlyAfterOverlaps?: boolean } = {},
): FixedPoint<T> {
  const passes: FixResult[] = [];
  let current = document;
  let findings: T[] | undefined;
  let skipped: SkippedFix[] = [];
  let stable = true;
  for (let fixes = fixesOf(found); ; fixes = fixesOf(findings!)) {
    const pass = applyFixes(current, fixes, options);
    if (pass.applied.length === 0) {
      skipped = pass.skipped;
      break;
    }
    if (passes.length === MAX_FIX_PASSES) {
      // Fixes that keep undoing each other: stop with what the last pass left.
      stable = false;
      skipped = pass.applied.map((fix) => ({ fix, reason: `still to apply after ${MAX_FIX_PASSES} passes of fixes` }));
      break;
    }
    passes.push(pass);
    findings = undefined;
    if (options.onlyAfterOverlaps && !pass.skipped.some((s) => s.reason === OVERLAPS)) {
      skipped = pass.skipped;
      break;
    }
    current = pass.document;
    findings = lintAgain(current);
  }
  return { result: passesResult(document, passes, skipped), findings, stable };
}

const fixesOf = (findings: Findings): Fix[] => findings.flatMap((d) => (d.fix ? [d.fix] : []));

/** One result for all passes, on the original document. */
function passesResult(document: Document, passes: readonly FixResult[], skipped: SkippedFix[]): FixResult {
  if (passes.length === 0) return { output: document.text, document, applied: [], firstPass: [], skipped, edits: [], passes: 0 };
  const first = passes[0];
  const last = passes[passes.length - 1];
  if (passes.length === 1) {
    // The pass's own result (its document still parsed only when first read), with what the last look left out.
    first.skipped = skipped;
    return first;
  }
  let edits = first.edits;
  for (const pass of passes.slice(1)) edits = composeEdits(edits, pass.edits, pass.output);
  return {
    output: last.output,
    document: last.document,
    applied: passes.flatMap((p) => p.applied),
    firstPass: first.applied,
    skipped,
    edits,
    passes: passes.length,
    regions: editedRegions(document, edits, last.output),
  };
}

/**
 * Two rounds of edits as one. `first` (sorted, not overlapping) turns text A into B; `second`
 * (the same, on B) turns B into `c`. The result turns A into `c`: an edit of `second` that
 * touches or meets text an edit of `first` wrote becomes one edit with it, and so do edits of
 * `second` that meet. Text no edit touched is the same in A, B and `c`.
 */
export function composeEdits(first: readonly TextEdit[], second: readonly TextEdit[], c: string): TextEdit[] {
  // Every edit as a closed span of B, with how much it grows the text it is applied to.
  interface Span {
    start: number;
    end: number;
    round: 1 | 2;
    growth: number;
  }
  const spans: Span[] = [];
  let shift = 0;
  for (const edit of first) {
    const growth = edit.text.length - (edit.end - edit.start);
    spans.push({ start: edit.start + shift, end: edit.start + shift + edit.text.length, round: 1, growth });
    shift += growth;
  }
  for (const edit of second) spans.push({ start: edit.start, end: edit.end, round: 2, growth: edit.text.length - (edit.end - edit.start) });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);

  const out: TextEdit[] = [];
  let grownBefore1 = 0; // growth of the first round's edits before the current cluster
  let grownBefore2 = 0; // and of the second round's
  for (let i = 0; i < spans.length; ) {
    const start = spans[i].start;
    let end = spans[i].end;
    let grown1 = 0;
    let grown2 = 0;
    for (; i < spans.length && spans[i].start <= end; i++) {
      end = Math.max(end, spans[i].end);
      if (spans[i].round === 1) grown1 += spans[i].growth;
      else grown2 += spans[i].growth;
    }
    // The cluster's ends lie in text no edit touched, or at the ends of a first-round edit:
    // in A they are shifted back by what the first round grew before them.
    out.push({
      start: start - grownBefore1,
      end: end - grownBefore1 - grown1,
      text: c.slice(start + grownBefore2, end + grownBefore2 + grown2),
    });
    grownBefore1 += grown1;
    grownBefore2 += grown2;
  }
  return out;
}
