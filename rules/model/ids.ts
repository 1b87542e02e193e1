/**
 * The model's ids: plain numbers at run time, told apart by type. A rule holds ids the model
 * handed out and gives them back; it never computes one.
 */
declare const brand: unique symbol;

/** A 0-based line number of the document (`document.line(n)` makes its node). */
export type LineNo = number & { readonly [brand]: "LineNo" };

/** A name of the table, chain or target, interned: ids are equal exactly when the names are. */
export type NameId = number & { readonly [brand]: "NameId" };

/** No line, no name. */
export const NONE = -1;
export type None = typeof NONE;

/** The line number of a node. */
export const lineNo = (line: { readonly index: number }): LineNo => line.index as LineNo;
