/**
 * Fixes that several rules build: deleting a whole line, moving a chain's declaration.
 */
import type { Document } from "../../grammar/index.js";
import type { TableModel } from "../model/index.js";
import type { Fix, TextEdit } from "../types.js";

/**
 * The end of a line a fix writes: LF, whatever the lines around it end in. iptables-restore keeps
 * a CR before the LF as part of the line's last word and refuses the line (line-ends), so a new
 * line that copied a CR LF neighbour's end would be refused, a finding of its own.
 */
export const NEW_LINE_END = "\n";

/** Offsets of a whole line, its line end included (for the last line, the line end before it). */
export function wholeLine(document: Document, line: { index: number }): TextEdit {
  const { lineStarts, contentEnds, lineCount } = document.source.lexed;
  const start = lineStarts[line.index];
  const end = line.index + 1 < lineCount ? lineStarts[line.index + 1] : document.text.length;
  if (end > contentEnds[line.index] || line.index === 0) return { start, end, text: "" };
  // The last line has no line end: take the one before it instead.
  return { start: contentEnds[line.index - 1], end, text: "" };
}

/**
 * Moves the declaration of a chain above the first line that needs it: a `:NAME` line goes
 * after the table's last declaration before that line (or after `*table`), a `-N NAME` line
 * just before that line. Two rules find a chain used before its declaration (a jump to it, a
 * command on it); every such finding offers this one fix, which is applied once. Null when the table
 * deletes or renames chains, or declares this one more than once.
 */
export function moveDeclarationFix(document: Document, table: TableModel, name: string): Fix | null {
  if (table.deletesOrRenames) return null;
  const declarations = table.declarationsOf(name);
  if (declarations.length !== 1) return null;
  const declaration = declarations[0];
  if (declaration.kind === "chain" && declaration.policy !== "-") return null;
  const firstUse = table.firstMissingUse(name);
  if (firstUse === undefined || firstUse.index > declaration.index) return null;

  const { lineStarts } = document.source.lexed;
  let at: number;
  if (declaration.kind === "chain") {
    const before = table.table.chains.filter((d) => d.index < firstUse.index).pop();
    const after = before ?? table.table.header;
    at = after ? lineStarts[after.index + 1] : lineStarts[firstUse.index];
  } else {
    at = lineStarts[firstUse.index];
  }
  return {
    title: `declare ${name} before its first use`,
    applicability: "safe",
    edits: [{ start: at, end: at, text: declaration.text + NEW_LINE_END }, wholeLine(document, declaration)],
  };
}
