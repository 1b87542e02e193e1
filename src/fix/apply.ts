/**
 * Fixes are data: text edits on the original text. This is the one function that applies
 * them; writing in place, the diff, the restore file and the live patch all start from its
 * result.
 */
import { reparse, type Document } from "../../grammar/index.js";
import type { Fix, TextEdit } from "../../rules/types.js";
import { editedRegions, type EditedRegion } from "./regions.js";

export type { Applicability, Fix, TextEdit } from "../../rules/types.js";

export interface SkippedFix {
  fix: Fix;
  reason: string;
}

export interface FixResult {
  output: string;
  /** The output, parsed (the input document itself when nothing was applied); parsed when first read. */
  readonly document: Document;
  /** The fixes applied, pass after pass (see fixed-point.ts): those of a later pass edit the text the pass before made. */
  applied: Fix[];
  /** The fixes of the first pass, whose edits are on the original text. */
  firstPass: Fix[];
  /** The fixes not applied, and why (those of the last pass). */
  skipped: SkippedFix[];
  /** What the applied fixes changed, as edits on the original text: sorted, not overlapping. */
  edits: TextEdit[];
  /** How many passes applied fixes: 0 or 1 for `applyFixes`. */
  passes: number;
  /** The lines the applied fixes rewrote, parsed on their own; undefined when the whole output had to be parsed. */
  regions?: EditedRegion[];
}

/** Why a fix is left out when it overlaps a fix taken before it (applied in a next pass: fixed-point.ts). */
export const OVERLAPS = "overlaps another fix";

export interface ApplyOptions {
  /** Apply unsafe fixes too. */
  unsafe?: boolean;
}

/**
 * Applies fixes to a parsed document's text: sorts them, refuses a fix that overlaps one
 * already taken or is not allowed, and re-parses the result. A fix whose output has syntax
 * errors is dropped and reported. A document with syntax errors is never fixed.
 */
export function applyFixes(document: Document, fixes: readonly Fix[], options: ApplyOptions = {}): FixResult {
  const { text } = document;
  const skipped: SkippedFix[] = [];
  if (document.diagnostics.some((d) => d.severity === "error")) {
    return unchanged(document, fixes.map((fix) => ({ fix, reason: "the file has syntax errors" })));
  }

  const candidates: Fix[] = [];
  for (const fix of fixes) {
    const problem = invalidReason(fix, text.length);
    if (problem) skipped.push({ fix, reason: problem });
    else if (fix.applicability === "unsafe" && !options.unsafe) skipped.push({ fix, reason: "unsafe (use --unsafe-fixes)" });
    else candidates.push(fix);
  }
  candidates.sort((a, b) => firstStart(a) - firstStart(b));

  const taken: Fix[] = [];
  const claimed = new Claims();
  // Several findings may offer the one fix that resolves them all (declaring a chain before
  // its first use): it is applied once, and is no conflict with itself.
  const takenKeys = new Set<string>();
  for (const fix of candidates) {
    const key = fixKey(fix);
    if (takenKeys.has(key)) continue;
    if (fix.edits.some((edit) => claimed.overlaps(edit))) {
      skipped.push({ fix, reason: OVERLAPS });
      continue;
    }
    for (const edit of fix.edits) claimed.add(edit);
    taken.push(fix);
    takenKeys.add(key);
  }

  if (taken.length === 0) return unchanged(document, skipped);
  let checked = check(document, taken);
  if (!checked.parses) {
    // Find the culprits one by one; the rest are applied together.
    const good = taken.filter((fix) => {
      const parses = check(document, [fix]).parses;
      if (!parses) skipped.push({ fix, reason: "the fixed text would not parse" });
      return parses;
    });
    checked = check(document, good);
    if (good.length === 0 || !checked.parses) {
      for (const fix of good) skipped.push({ fix, reason: "the fixed text would not parse" });
      return unchanged(document, skipped);
    }
    return result(document, checked, good, skipped);
  }
  return result(document, checked, taken, skipped);
}

interface Checked {
  output: string;
  parses: boolean;
  /** The whole output parsed, when it had to be. */
  parsed?: Document;
  regions?: EditedRegion[];
}

/**
 * Whether the text these fixes give parses without errors: from the rewritten lines alone when
 * the fixes leave the file's structure as it was, else from the whole text parsed again.
 */
function check(document: Document, fixes: readonly Fix[]): Checked {
  const edits = editsOf(fixes);
  const output = render(document.text, fixes);
  const regions = editedRegions(document, edits, output);
  if (regions !== undefined) return { output, parses: !regions.some((r) => hasErrors(r.lines)), regions };
  const parsed = reparse(document, edits, output);
  return { output, parses: !hasErrors(parsed), parsed };
}

/** The result, its document parsed on first use (`fix --emit diff` never needs it). */
function result(document: Document, checked: Checked, applied: Fix[], skipped: SkippedFix[]): FixResult {
  let parsed = checked.parsed;
  const edits = editsOf(applied);
  return {
    output: checked.output,
    get document() {
      return (parsed ??= reparse(document, edits, checked.output));
    },
    applied,
    firstPass: applied,
    skipped,
    edits,
    passes: 1,
    regions: checked.regions,
  };
}

const unchanged = (document: Document, skipped: SkippedFix[]): FixResult => ({
  output: document.text,
  document,
  applied: [],
  firstPass: [],
  skipped,
  edits: [],
  passes: 0,
});

/** What a fix does, as text: two fixes with the same key make the same change. */
export const fixKey = (fix: Fix): string =>
  editsOf([fix])
    .map((e) => `${e.start}:${e.end}:${e.text}`)
    .join("\n");

/**
 * The findings a fix result leaves in the original text, where they are: those whose fix
 * was not applied and whose text no applied edit rewrote. For output that is not written
 * back (`fix --emit`), this is what the user still has to see to, at the places in the file
 * they have. Rules give a fix to every finding it resolves, so that this holds (a test
 * compares it with linting the fixed text, rule by rule and fixture by fixture).
 *
 * After several passes (fixed-point.ts) a fix of a later pass may resolve a finding whose own
 * fix was left out in the first, away from the finding's text (a chain's declaration moved up
 * resolves its jumps): `relinted`, the findings of the fixed text of the rules linted again
 * between passes, says which of those rules' findings are left — those whose rule still flags
 * the same text.
 */
export function unresolved<T extends { range: Range; fix?: Fix; ruleId?: string }>(
  findings: readonly T[],
  result: FixResult,
  relinted?: { findings: ReadonlyArray<{ ruleId: string; range: Range }>; rules: ReadonlySet<string> },
): T[] {
  if (result.applied.length === 0) return [...findings];
  const applied = new Set(result.firstPass.map(fixKey));
  const edits = result.edits.filter((e) => e.end > e.start);
  /** The last edit starting at or before `offset` (edits are sorted and do not overlap). */
  const editBefore = (offset: number): number => {
    let low = 0;
    let high = edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (edits[mid].start <= offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  };
  const rewritten = (range: Range): boolean => {
    const edit = edits[editBefore(range.start)];
    return edit !== undefined && range.start < edit.end && range.end <= edit.end;
  };
  const left = findings.filter((f) => !(f.fix && applied.has(fixKey(f.fix))) && !rewritten(f.range));
  if (result.passes <= 1 || relinted === undefined) return left;

  // Where an offset of the original is in the fixed text: shifted by the edits before it (an
  // insertion at a range's start comes before the range, one at its end after it); an offset
  // inside an edit goes to the edit's start.
  const all = result.edits;
  const grownBefore = [0];
  for (const e of all) grownBefore.push(grownBefore[grownBefore.length - 1] + e.text.length - (e.end - e.start));
  const fixedOffset = (offset: number, isStart: boolean): number => {
    let low = 0;
    let high = all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const e = all[mid];
      if (e.start < offset || (isStart && e.start === offset && e.end === offset)) low = mid + 1;
      else high = mid;
    }
    const last = all[low - 1];
    if (last !== undefined && last.end > offset) return last.start + grownBefore[low - 1];
    return offset + grownBefore[low];
  };
  const flagged = new Map<string, number>();
  for (const d of relinted.findings) {
    const key = `${d.ruleId}\0${result.output.slice(d.range.start, d.range.end)}`;
    flagged.set(key, (flagged.get(key) ?? 0) + 1);
  }
  return left.filter((f) => {
    if (f.ruleId === undefined || !relinted.rules.has(f.ruleId)) return true;
    const key = `${f.ruleId}\0${result.output.slice(fixedOffset(f.range.start, true), fixedOffset(f.range.end, false))}`;
    const count = flagged.get(key) ?? 0;
    if (count > 0) flagged.set(key, count - 1);
    return count > 0;
  });
}

type Range = { start: number; end: number };

/** The edits of these fixes, in text order. */
const editsOf = (fixes: readonly Fix[]): TextEdit[] =>
  fixes.flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start || a.end - b.end);

const hasErrors = (document: Document): boolean => document.diagnostics.some((d) => d.severity === "error");

/** Writes the text with the edits of these (non-overlapping) fixes. */
function render(text: string, fixes: readonly Fix[]): string {
  const edits = editsOf(fixes);
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

function invalidReason(fix: Fix, length: number): string | null {
  if (fix.edits.length === 0) return "no edits";
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < edits.length; i++) {
    const { start, end } = edits[i];
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length)) {
      return `edit [${start}, ${end}) is outside the text`;
    }
    if (i > 0 && start < edits[i - 1].end) return "its own edits overlap";
  }
  return null;
}

const firstStart = (fix: Fix): number => Math.min(...fix.edits.map((e) => e.start));

/** Ranges already claimed by taken fixes, sorted by start. Two insertions at one offset conflict too. */
class Claims {
  private readonly ranges: TextEdit[] = [];

  overlaps(edit: TextEdit): boolean {
    const i = this.firstEndingAfter(edit.start);
    for (let j = Math.max(0, i - 1); j < this.ranges.length && this.ranges[j].start <= edit.end; j++) {
      const r = this.ranges[j];
      if (edit.start < r.end && r.start < edit.end) return true;
      if (edit.start === r.start && (edit.start === edit.end || r.start === r.end)) return true;
    }
    return false;
  }

  add(edit: TextEdit): void {
    let i = this.ranges.length;
    while (i > 0 && this.ranges[i - 1].start > edit.start) i--;
    this.ranges.splice(i, 0, edit);
  }

  /** Index of the first claimed range that ends after `offset` (claims never overlap, so ends are sorted too). */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.ranges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ranges[mid].end <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
