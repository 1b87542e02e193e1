/**
 * Names as numbers. A kube-proxy dump of 10,000 services has a quarter of a million rules and
 * 60,000 chains, and the model reads each rule's chain and target: chain and target names are
 * interned as small integers, read from the token arrays without making strings (looking
 * strings up in a Map, a quarter of a million times, costs more than all the rest).
 */

/**
 * Interns names (any range of a string) as small integers: an open-addressing hash table
 * keyed by two independent 30-bit hashes and the length. Names are not compared character by
 * character, which would cost a second random memory access per lookup: two different names
 * share an id only if both hashes and the length agree, about once in 10^8 files of 100,000
 * names (and then the two chains would be taken for one).
 */
export class NameTable {
  count = 0;
  /** The longest name, in UTF-16 code units. */
  maxLength = 0;
  /** Some name has a character outside ASCII (so its length in bytes is not its length). */
  nonAscii = false;
  /**
   * Open addressing, four numbers a slot (16 bytes, one cache line): the two hashes, the
   * length and the id + 1 (0: empty). A lookup reads one slot, mostly.
   */
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  /** By id: the length and the offset in the text (-1: not in it). */
  private lengths: Int32Array<ArrayBuffer>;
  private offsets: Int32Array<ArrayBuffer>;
  /** Names made into strings, and names that are not in the text. */
  private readonly strings = new Map<number, string>();

  /** `text`: the document's text, where most names are; `expected`: about how many names there will be. */
  constructor(
    private readonly text: string,
    expected = 1024,
  ) {
    let size = 1 << 10;
    while (size < expected * 2) size <<= 1;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
    // Room for the expected names: grown by doubling, they would be copied a dozen times.
    this.lengths = new Int32Array(size >> 1);
    this.offsets = new Int32Array(size >> 1);
  }

  /** How many names the table holds before it grows (ids below it index arrays made this size without growing them). */
  get capacity(): number {
    return this.lengths.length;
  }

  /** The id of `text[start, end)`, added if new. */
  intern(text: string, start: number, end: number): number {
    return this.lookup(text, start, end, true);
  }

  /** The id of a name, or -1 when it is not in the table (nothing is added). */
  find(name: string): number {
    return this.lookup(name, 0, name.length, false);
  }

  private lookup(text: string, start: number, end: number, add: boolean): number {
    const length = end - start;
    // Kept to 30 bits: small integers stay unboxed even before the code is optimized.
    let h1 = (0x811c9dc5 ^ length) & 0x3fffffff;
    let h2 = length;
    let bits = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      bits |= c;
      h1 = Math.imul(h1 ^ c, 0x01000193) & 0x3fffffff;
      h2 = (Math.imul(h2, 0x5bd1e995) + c) & 0x3fffffff;
    }
    h2 ^= h2 >>> 15;
    if (bits > 0x7f && add) this.nonAscii = true;
    const slots = this.slots;
    const mask = this.mask;
    // Stepped before each probe, from the slot before the first: every lookup runs the step,
    // so the JIT has seen it when it compiles this (one stepped only after a collision was
    // compiled without it, and thrown away at the first collision).
    for (let slot = (h1 - 1) & mask; ; ) {
      slot = (slot + 1) & mask;
      const at = slot * 4;
      const entry = slots[at + 3];
      if (entry === 0) return add ? this.add(at, h1, h2, text, start, length) : -1;
      if (slots[at] === h1 && slots[at + 1] === h2 && slots[at + 2] === length) return entry - 1;
    }
  }

  internString(name: string): number {
    return this.intern(name, 0, name.length);
  }

  name(id: number): string {
    let name = this.strings.get(id);
    if (name === undefined) {
      const start = this.offsets[id];
      name = this.text.slice(start, start + this.lengths[id]);
      this.strings.set(id, name);
    }
    return name;
  }

  /** Whether the name starts with `prefix`, read in place (no string made: a rule may ask it of every chain). */
  startsWith(id: number, prefix: string): boolean {
    const start = this.offsets[id];
    if (start === -1) return this.name(id).startsWith(prefix);
    if (this.lengths[id] < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** Length in UTF-16 code units. */
  length(id: number): number {
    return this.lengths[id];
  }

  private add(at: number, h1: number, h2: number, text: string, start: number, length: number): number {
    const id = this.count++;
    if (id === this.lengths.length) {
      this.lengths = grow(this.lengths, id * 2);
      this.offsets = grow(this.offsets, id * 2);
    }
    this.slots[at] = h1;
    this.slots[at + 1] = h2;
    this.slots[at + 2] = length;
    this.slots[at + 3] = id + 1;
    this.lengths[id] = length;
    if (text === this.text) {
      this.offsets[id] = start;
    } else {
      this.offsets[id] = -1;
      this.strings.set(id, text.slice(start, start + length));
    }
    if (length > this.maxLength) this.maxLength = length;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 4);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3] === 0) continue;
      let slot = old[at] & mask;
      while (slots[slot * 4 + 3] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + 4), slot * 4);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

/** Per id flags: a Uint8Array that grows with the table. */
export class Flags {
  private bits = new Uint8Array(256);
  get(id: number): number {
    return id < this.bits.length ? this.bits[id] : 0;
  }
  set(id: number, value: number): void {
    if (id >= this.bits.length) {
      const bits = new Uint8Array(Math.max(this.bits.length * 2, id + 1));
      bits.set(this.bits);
      this.bits = bits;
    }
    this.bits[id] = value;
  }
}

/** Per id numbers, -1 where none is set: an Int32Array that grows with the table (a value is kept plus one, so that a new array needs no fill). */
export class IdNumbers {
  private values: Int32Array<ArrayBuffer>;
  constructor(size = 256) {
    this.values = new Int32Array(size);
  }
  get(id: number): number {
    return id < this.values.length ? this.values[id] - 1 : -1;
  }
  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const values = new Int32Array(Math.max(this.values.length * 2, id + 1));
      values.set(this.values);
      this.values = values;
    }
    this.values[id] = value + 1;
  }
}
