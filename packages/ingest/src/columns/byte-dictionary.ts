/**
 * Maps byte strings (UTF-8 slices of a buffer) to dense indices without creating JS strings on the hot path
 * (internal): open addressing over a hash of the bytes, keys kept in one growable arena, indices in order of first
 * appearance.
 *
 * Keys are hashed and compared four bytes at a time (`DataView` loads, which V8 compiles to plain unaligned loads):
 * about half the cost of a loop over single bytes for the ids, event names and channels of an export, and this
 * lookup is the largest share of a column read.
 *
 * Each key's first and last four bytes are kept beside it (its edge words, which hold the whole key up to eight
 * bytes), and a direct-mapped memory of 256 keys, by their edge words and length, answers most lookups of a column of
 * few distinct values (event names, channels, stages) without hashing the key: a hit is checked against the key's
 * length, edge words and middle bytes, as a match in the table is; a miss (or a slot taken by another key) goes to
 * the table, and leaves the key in that slot.
 */
export class ByteDictionary {
  #arena: Uint8Array = new Uint8Array(1 << 16);
  #arenaView: DataView = new DataView(this.#arena.buffer);
  #arenaLength = 0;
  #start = new Int32Array(1024);
  #length = new Int32Array(1024);
  #hash = new Int32Array(1024);
  /** Each key's first and last four bytes (its edge words; for a key under four bytes, its bytes and 0). */
  #head = new Int32Array(1024);
  #tail = new Int32Array(1024);
  /** The memory of recent keys: slot (of the edge words and length) → index + 1, 0 = empty. */
  readonly #recent = new Int32Array(256);
  #table = new Int32Array(2048); // slot -> index + 1, 0 = empty
  #mask = 2047;
  #size = 0;
  readonly #decoded: Array<string | undefined> = [];
  /** The buffer of the last lookup and a view of it (buffers change per chunk, not per cell). */
  #buf: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(new ArrayBuffer(0));
  /** Set by {@link ByteDictionary.intern}: whether the last interned key was new. */
  added = false;

  get size(): number {
    return this.#size;
  }

  #viewOf(buf: Uint8Array): DataView {
    if (buf !== this.#buf) {
      this.#buf = buf;
      this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.#view;
  }

  /** Index of the bytes `buf[from, to)`, adding them when new. */
  intern(buf: Uint8Array, from: number, to: number): number {
    const view = this.#viewOf(buf);
    const len = to - from;
    return len >= 4
      ? this.internEdges(buf, from, len, view.getInt32(from, true), view.getInt32(to - 4, true))
      : this.internEdges(buf, from, len, shortWord(buf, from, len), 0);
  }

  /**
   * {@link ByteDictionary.intern} of the `len` bytes at `buf[from]` whose edge words the caller read: `head` and
   * `tail`, the little-endian words at `from` and `from + len - 4`, or for fewer than four bytes
   * {@link shortWord} and 0.
   */
  internEdges(buf: Uint8Array, from: number, len: number, head: number, tail: number): number {
    const view = this.#viewOf(buf);
    const near = Math.imul(head ^ Math.imul(tail ^ len, 0x85ebca6b), 0x9e3779b1) >>> 24;
    const recent = (this.#recent[near] as number) - 1;
    if (recent >= 0 && this.#matches(recent, view, from, len, head, tail)) {
      this.added = false;
      return recent;
    }
    const h = hashBytes(view, from, from + len);
    const table = this.#table;
    const mask = this.#mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[slot] as number;
      if (entry === 0) break;
      const index = entry - 1;
      if (this.#hash[index] === h && this.#matches(index, view, from, len, head, tail)) {
        this.#recent[near] = entry;
        this.added = false;
        return index;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.#size++;
    this.#store(index, h, buf, from, len, head, tail);
    table[slot] = index + 1;
    this.#recent[near] = index + 1;
    if (this.#size * 2 > mask) this.#rehash();
    this.added = true;
    return index;
  }

  /**
   * Whether the key of `index` is the `len` bytes at `view[from]`, whose edge words are `head` and `tail`: its
   * length and edge words, then the bytes between them (none up to eight bytes; see {@link middle}).
   */
  #matches(index: number, view: DataView, from: number, len: number, head: number, tail: number): boolean {
    return (
      this.#length[index] === len &&
      this.#head[index] === head &&
      this.#tail[index] === tail &&
      (len <= 8 ||
        equalBytes(this.#arenaView, (this.#start[index] as number) + 4, view, from + 4, middle(len)))
    );
  }

  /** The key of `index` as a string (UTF-8 decoded once, then cached). */
  decode(index: number): string {
    let value = this.#decoded[index];
    if (value === undefined) {
      const start = this.#start[index] as number;
      value = Buffer.from(this.#arena.buffer, start, this.#length[index] as number).toString('utf8');
      this.#decoded[index] = value;
    }
    return value;
  }

  /** Whether the key of `index` is the bytes `buf[from, to)`. */
  is(index: number, buf: Uint8Array, from: number, to: number): boolean {
    return (
      this.#length[index] === to - from &&
      equalBytes(this.#arenaView, this.#start[index] as number, this.#viewOf(buf), from, to - from)
    );
  }

  #store(
    index: number,
    h: number,
    buf: Uint8Array,
    from: number,
    len: number,
    head: number,
    tail: number,
  ): void {
    if (index === this.#start.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#start = grow(this.#start);
      this.#length = grow(this.#length);
      this.#hash = grow(this.#hash);
      this.#head = grow(this.#head);
      this.#tail = grow(this.#tail);
    }
    if (this.#arenaLength + len > this.#arena.length) {
      let next = this.#arena.length * 2;
      while (next < this.#arenaLength + len) next *= 2;
      const arena = new Uint8Array(next);
      arena.set(this.#arena.subarray(0, this.#arenaLength));
      this.#arena = arena;
      this.#arenaView = new DataView(arena.buffer);
    }
    // Short keys byte by byte: a subarray view per key cost more than the copy.
    const arena = this.#arena;
    const at = this.#arenaLength;
    if (len <= 64) for (let i = 0; i < len; i++) arena[at + i] = buf[from + i] as number;
    else arena.set(buf.subarray(from, from + len), at);
    this.#start[index] = this.#arenaLength;
    this.#length[index] = len;
    this.#hash[index] = h;
    this.#head[index] = head;
    this.#tail[index] = tail;
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

/**
 * How many bytes from the fifth on to compare, once the edge words of two keys of `len` bytes (more than eight) are
 * equal: the bytes between the edge words, or, when fewer than four, the second word (within the key, and a word
 * compare instead of a loop over one to three bytes) (internal).
 */
export function middle(len: number): number {
  return len >= 12 ? len - 8 : 4;
}

/**
 * The bytes of a key of fewer than four bytes, `buf[from, from + len)`, as one little-endian number (0 when empty):
 * with the length, the whole key (internal).
 */
export function shortWord(buf: Uint8Array, from: number, len: number): number {
  if (len === 0) return 0;
  const b0 = buf[from] as number;
  if (len === 1) return b0;
  return len === 2
    ? b0 | ((buf[from + 1] as number) << 8)
    : b0 | ((buf[from + 1] as number) << 8) | ((buf[from + 2] as number) << 16);
}

/**
 * A 32-bit hash of `view[from, to)`: FNV-style steps over little-endian 32-bit words, the last word ending at `to`
 * (overlapping the one before it when the length is not a multiple of four: no loop over the last bytes; keys of
 * fewer than four bytes byte by byte), the length in the basis, then murmur3's finalizer, so that the low bits (the
 * table slot) depend on every byte (internal).
 */
export function hashBytes(view: DataView, from: number, to: number): number {
  let h = 0x811c9dc5 ^ (to - from);
  if (to - from >= 4) {
    const last = to - 4;
    for (let i = from; i < last; i += 4) h = Math.imul(h ^ view.getInt32(i, true), 0x01000193);
    h = Math.imul(h ^ view.getInt32(last, true), 0x01000193);
  } else for (let i = from; i < to; i++) h = Math.imul(h ^ view.getUint8(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Whether `a[aFrom, aFrom + len)` and `b[bFrom, bFrom + len)` hold the same bytes, four at a time, the last word
 * ending at `len` (overlapping the one before it: no loop over the last bytes; fewer than four bytes one by one)
 * (internal).
 */
export function equalBytes(a: DataView, aFrom: number, b: DataView, bFrom: number, len: number): boolean {
  if (len < 4) {
    for (let i = 0; i < len; i++) if (a.getUint8(aFrom + i) !== b.getUint8(bFrom + i)) return false;
    return true;
  }
  const last = len - 4;
  for (let i = 0; i < last; i += 4)
    if (a.getInt32(aFrom + i, true) !== b.getInt32(bFrom + i, true)) return false;
  return a.getInt32(aFrom + last, true) === b.getInt32(bFrom + last, true);
}
