/**
 * The lines a set of edits rewrites, read on their own. Fixes change a few lines of files that
 * may have a quarter of a million: checking that the fixed text still parses, and reading the
 * chains a live patch rewrites, need only those lines and the table around them, not a second
 * document of the whole text. When the edits touch the file's structure (a `*table` or COMMIT
 * line, the first line, a line outside every table), nothing is said and the caller parses
 * the whole text.
 */
import { parse, rewrittenLines, type CommandLine, type Document, type Table } from "../../grammar/index.js";
import type { TextEdit } from "../../rules/types.js";

export interface EditedRegion {
  /** The table the region's lines belong to (null in `iptables -S` output). */
  table: Table;
  /** The region's whole lines in the old text: `oldFirst .. oldLast` (0-based). */
  oldFirst: number;
  oldLast: number;
  /** Where its lines are in the new text, `[newStart, newEnd)`, and the lines themselves, parsed. */
  newStart: number;
  newEnd: number;
  lines: Document;
}

/**
 * The regions of whole lines the edits (sorted, not overlapping) rewrite, each parsed on its
 * own inside its table; undefined when the edits touch the structure of the file.
 */
export function editedRegions(document: Document, edits: readonly TextEdit[], output: string): EditedRegion[] | undefined {
  const lexed = document.source.lexed;
  if (lexed.lineCount === 0 || document.diagnostics.length > 0) return undefined;
  const regions: EditedRegion[] = [];
  for (const { first, last, newStart, newEnd } of rewrittenLines(lexed, edits)) {
    const table = tableAround(document, first, last);
    if (table === undefined) return undefined;
    const text = output.slice(newStart, newEnd);
    // A new table header or COMMIT changes the structure: parse the whole text.
    if (/^(\*|COMMIT[ \t\r]*$)/m.test(text)) return undefined;
    const body = text.endsWith("\n") || text === "" ? text : `${text}\n`;
    const lines = parse(table.name === null ? body : `*${table.name}\n${body}COMMIT\n`);
    regions.push({ table, oldFirst: first, oldLast: last, newStart, newEnd, lines });
  }
  return regions;
}

/**
 * The table whose header comes before line `first` and whose COMMIT comes after line `last`
 * (for `iptables -S` output, the one table), or undefined: the lines are not inside one table.
 */
function tableAround(document: Document, first: number, last: number): Table | undefined {
  if (first === 0) return undefined;
  if (document.form === "rules") return document.tables[0];
  return document.tables.find((t) => t.header !== null && t.commit !== null && t.header.index < first && t.commit.index > last);
}

/** The command lines of a region, without the table header and COMMIT wrapped around them. */
export const regionCommands = (region: EditedRegion): CommandLine[] => region.lines.tables.flatMap((t) => t.commands);
