/**
 * Maps byte strings (UTF-8 slices of a buffer) to dense indices without creating JS strings on the hot path
 * (internal): FNV-1a hashing, open addressing, keys kept in one growable arena.
 */
export class ByteDictionary {
  #arena: Buffer = Buffer.allocUnsafe(1 << 16);
  #arenaLength = 0;
  #start = new Int32Array(1024);
  #length = new Int32Array(1024);
  #hash = new Int32Array(1024);
  #table = new Int32Array(2048); // slot -> index + 1, 0 = empty
  #mask = 2047;
  #size = 0;
  readonly #decoded: Array<string | undefined> = [];
  /** Set by {@link ByteDictionary.intern}: whether the last interned key was new. */
  added = false;

  get size(): number {
    return this.#size;
  }

  /** Index of the bytes `buf[from, to)`, adding them when new. */
  intern(buf: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    const len = to - from;
    const table = this.#table;
    const mask = this.#mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[slot] as number;
      if (entry === 0) break;
      const index = entry - 1;
      if (this.#hash[index] === h && this.#length[index] === len && this.#equals(index, buf, from, len)) {
        this.added = false;
        return index;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.#size++;
    this.#store(index, h, buf, from, len);
    table[slot] = index + 1;
    if (this.#size * 2 > mask) this.#rehash();
    this.added = true;
    return index;
  }

  /** The key of `index` as a string (UTF-8 decoded once, then cached). */
  decode(index: number): string {
    let value = this.#decoded[index];
    if (value === undefined) {
      const start = this.#start[index] as number;
      value = this.#arena.toString('utf8', start, start + (this.#length[index] as number));
      this.#decoded[index] = value;
    }
    return value;
  }

  /** Whether the key of `index` is the bytes `buf[from, to)`. */
  is(index: number, buf: Uint8Array, from: number, to: number): boolean {
    return this.#length[index] === to - from && this.#equals(index, buf, from, to - from);
  }

  #equals(index: number, buf: Uint8Array, from: number, len: number): boolean {
    const arena = this.#arena;
    const start = this.#start[index] as number;
    for (let i = 0; i < len; i++) if (arena[start + i] !== buf[from + i]) return false;
    return true;
  }

  #store(index: number, h: number, buf: Uint8Array, from: number, len: number): void {
    if (index === this.#start.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#start = grow(this.#start);
      this.#length = grow(this.#length);
      this.#hash = grow(this.#hash);
    }
    if (this.#arenaLength + len > this.#arena.length) {
      let next = this.#arena.length * 2;
      while (next < this.#arenaLength + len) next *= 2;
      const arena = Buffer.allocUnsafe(next);
      this.#arena.copy(arena, 0, 0, this.#arenaLength);
      this.#arena = arena;
    }
    // Short keys byte by byte: a subarray view per key (a Buffer object each) cost more than the copy.
    const arena = this.#arena;
    const at = this.#arenaLength;
    if (len <= 64) for (let i = 0; i < len; i++) arena[at + i] = buf[from + i] as number;
    else arena.set(buf.subarray(from, from + len), at);
    this.#start[index] = this.#arenaLength;
    this.#length[index] = len;
    this.#hash[index] = h;
    this.#arenaLength += len;
  }

  #rehash(): void {
    const capacity = (this.#mask + 1) * 2;
    const table = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let index = 0; index < this.#size; index++) {
      let slot = (this.#hash[index] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    }
    this.#table = table;
    this.#mask = mask;
  }
}
