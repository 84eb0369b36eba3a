// Counting of distinct paths of dictionary codes (internal): an open-addressing hash table over code sequences kept
// in one Int32Array pool, so counting a path costs a hash and a compare of a few integers, never a string.

const EMPTY = -1;

/** Actors per distinct path of dictionary codes (internal; see `countPathsInto` in paths-columns.ts). */
export class PathCounts {
  /** Code sequences of the distinct paths, one after another. */
  #pool = new Int32Array(1 << 12);
  #poolUsed = 0;
  /** Per distinct path: start in the pool, length, actors. */
  #start = new Int32Array(1 << 10);
  #length = new Int32Array(1 << 10);
  #actors = new Float64Array(1 << 10);
  #hash = new Int32Array(1 << 10);
  #size = 0;
  /** Slots: the index of a distinct path or `EMPTY`; a power of two, at most half full. */
  #slots = new Int32Array(1 << 11).fill(EMPTY);

  /** Number of distinct paths. */
  get size(): number {
    return this.#size;
  }

  /** Actors of distinct path `i` (0 ≤ i < size). */
  actorsOf(i: number): number {
    return this.#actors[i] as number;
  }

  /** The codes of distinct path `i`. */
  codesOf(i: number): number[] {
    const from = this.#start[i] as number;
    return Array.from(this.#pool.subarray(from, from + (this.#length[i] as number)));
  }

  /** Counts one actor with the path `codes[0, length)` (length ≥ 1). */
  add(codes: Int32Array, length: number): void {
    let h = 0x811c9dc5 ^ length;
    for (let k = 0; k < length; k++) h = Math.imul(h ^ (codes[k] as number), 0x01000193);
    h ^= h >>> 15;
    const mask = this.#slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const i = this.#slots[slot] as number;
      if (i === EMPTY) break;
      if (this.#hash[i] === h && this.#length[i] === length && this.#same(i, codes, length)) {
        this.#actors[i]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.#insert(slot, h, codes, length);
  }

  #same(i: number, codes: Int32Array, length: number): boolean {
    const pool = this.#pool;
    const from = this.#start[i] as number;
    for (let k = 0; k < length; k++) if (pool[from + k] !== codes[k]) return false;
    return true;
  }

  #insert(slot: number, h: number, codes: Int32Array, length: number): void {
    const i = this.#size;
    if (i === this.#start.length) this.#growEntries();
    if (this.#poolUsed + length > this.#pool.length) {
      const pool = new Int32Array(Math.max(this.#pool.length * 2, this.#poolUsed + length));
      pool.set(this.#pool.subarray(0, this.#poolUsed));
      this.#pool = pool;
    }
    this.#pool.set(codes.subarray(0, length), this.#poolUsed);
    this.#start[i] = this.#poolUsed;
    this.#length[i] = length;
    this.#actors[i] = 1;
    this.#hash[i] = h;
    this.#poolUsed += length;
    this.#slots[slot] = i;
    this.#size = i + 1;
    if (this.#size * 2 > this.#slots.length) this.#rehash();
  }

  #growEntries(): void {
    const n = this.#start.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.#start = grow(this.#start, (k) => new Int32Array(k));
    this.#length = grow(this.#length, (k) => new Int32Array(k));
    this.#hash = grow(this.#hash, (k) => new Int32Array(k));
    this.#actors = grow(this.#actors, (k) => new Float64Array(k));
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let i = 0; i < this.#size; i++) {
      let slot = (this.#hash[i] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = i;
    }
    this.#slots = slots;
  }
}
