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

/**
 * A value per id (a name's, a line's), kept in an array that stays a fast one. Ids come in any
 * order: an array written at scattered indexes (`slots[60000] = x` first) becomes a dictionary,
 * whose reads cost the packet walk ~10x more (measured: 20 ms of 600 in 10,000 traces). This
 * one is made as long as the highest id set needs (a table of a kube-proxy dump uses a few of
 * the document's 60,000 names, or most of them), doubling as it grows.
 */
export class IdSlots<T> {
  private slots: (T | undefined)[] = [];

  get(id: number): T | undefined {
    return this.slots[id];
  }

  set(id: number, value: T): T {
    if (id >= this.slots.length) {
      const old = this.slots;
      const grown: (T | undefined)[] = new Array(Math.max(id + 1, old.length * 2, 16));
      for (let i = 0; i < old.length; i++) grown[i] = old[i];
      this.slots = grown;
    }
    this.slots[id] = value;
    return value;
  }
}
