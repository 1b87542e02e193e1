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
 * A value per id (a name's, a line's), kept in arrays that stay fast ones. Ids come in any order:
 * an array written at scattered indexes (`slots[60000] = x` first) becomes a dictionary, whose
 * reads cost the packet walk ~10x more (measured: 20 ms of 600 in 10,000 traces), and one sized
 * for the highest id costs its pages up front (a table of a kube-proxy dump uses a few of the
 * document's 60,000 names, or most of them). Pages of 1,024 slots, made as ids are set.
 */
export class IdSlots<T> {
  private readonly pages: ((T | undefined)[] | undefined)[] = [];

  get(id: number): T | undefined {
    const page = this.pages[id >>> PAGE_BITS];
    return page === undefined ? undefined : page[id & PAGE_MASK];
  }

  set(id: number, value: T): T {
    let page = this.pages[id >>> PAGE_BITS];
    if (page === undefined) {
      // Up to the page before it: a write past the end by more than a few slots makes a dictionary of the page list too.
      while (this.pages.length < id >>> PAGE_BITS) this.pages.push(undefined);
      page = this.pages[id >>> PAGE_BITS] = new Array(PAGE_MASK + 1);
    }
    page[id & PAGE_MASK] = value;
    return value;
  }
}

const PAGE_BITS = 10;
const PAGE_MASK = (1 << PAGE_BITS) - 1;
