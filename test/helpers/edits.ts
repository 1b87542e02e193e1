/**
 * Text edits applied the plain way, as the tests' reference (independent of src/fix/apply.ts):
 * sorted, non-overlapping `{ start, end, text }` replacements.
 */
export function applyEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
