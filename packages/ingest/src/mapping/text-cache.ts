const SLOTS = 4096;
const MAX_KEY = 32;
/** 32-bit words of a key of {@link MAX_KEY} bytes. */
const KEY_WORDS = MAX_KEY >>> 2;
const PROBE = 1 << 16;
/** The low `r` bytes of a word, for `r` = 0…3 (`r` = 0 is never used: a whole word is read as it is). */
const TAIL_MASKS = new Int32Array([0, 0xff, 0xffff, 0xffffff]);

/**
 * The values of recently read short text cells, by their bytes: a direct-mapped cache of {@link SLOTS} entries of
 * at most {@link MAX_KEY} bytes (internal). Exports repeat most text cells (ids of a customer's rows, channels,
 * statuses), so the records path decodes and value-maps each distinct cell about once instead of once per row, and
 * allocates no string for a repeated cell. Memory is fixed; a column whose cells rarely repeat (a row id) turns the
 * cache off after {@link PROBE} lookups, so that it costs nothing there.
 *
 * A key is held as little-endian 32-bit words, its last word zero-padded past its length, with the length beside
 * it: the cell's words are read four bytes at a time (a `DataView` of its buffer), hashed and compared word by
 * word, a quarter of the loads and multiplications of a byte loop. Equal lengths and equal padded words are equal
 * bytes, so a hit is exact; `text-cache.test.ts` holds the cache to a map keyed by the cells' bytes.
 */
export class TextCache {
  readonly #keys = new Int32Array(SLOTS * KEY_WORDS);
  readonly #lengths = new Int32Array(SLOTS).fill(-1);
  readonly #values: unknown[] = new Array(SLOTS).fill(undefined);
  /** The words of the cell of the last lookup (zero-padded), stored by {@link TextCache.set} after a miss. */
  readonly #words = new Int32Array(KEY_WORDS);
  /** A view of the buffer of the last lookup (a new one when the buffer changes). */
  #buf: Uint8Array | undefined;
  #view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  #slot = 0;
  /** The length of the cell of the last lookup. */
  #length = 0;
  /** The value of the cell of the last lookup (held in `#words`), or `undefined` when it missed and was not stored. */
  #last: unknown;
  #lookups = 0;
  #hits = 0;
  /** Whether the cache is in use (off after a probe with few hits). */
  on = true;

  /**
   * The cached value of `buf[from, to)`, or `undefined` (then {@link TextCache.set} stores the value for it). A cell
   * equal in bytes to the one looked up last (its words are still held) is answered with that cell's value, without
   * hashing or touching the table: a customer's consecutive rows repeat its id. Small, so that it is inlined where
   * the cells are read; the table is looked up by {@link TextCache.find}.
   */
  get(buf: Uint8Array, from: number, to: number): unknown {
    const length = to - from;
    const last = this.#last;
    if (last !== undefined && length === this.#length && buf === this.#buf) {
      const view = this.#view;
      const words = this.#words;
      const whole = length >>> 2;
      let j = 0;
      while (j < whole && view.getInt32(from + (j << 2), true) === words[j]) j++;
      if (j === whole && ((length & 3) === 0 || this.#tail(buf, from + (j << 2), length & 3) === words[j])) {
        if (++this.#lookups === PROBE && this.#hits < PROBE / 4) this.on = false;
        this.#hits++;
        return last;
      }
    }
    return this.find(buf, from, to);
  }

  /** The last `rest` (1–3) bytes of a cell, from `at`, as the low bytes of a word. */
  #tail(buf: Uint8Array, at: number, rest: number): number {
    // The bytes past the cell are read with it and masked off when the buffer has them, else byte by byte.
    if (at + 4 <= buf.length) return this.#view.getInt32(at, true) & (TAIL_MASKS[rest] as number);
    let tail = buf[at] as number;
    if (rest > 1) tail |= (buf[at + 1] as number) << 8;
    if (rest > 2) tail |= (buf[at + 2] as number) << 16;
    return tail;
  }

  /** {@link TextCache.get} through the table: the cell's words are hashed to a slot and compared with its key. */
  find(buf: Uint8Array, from: number, to: number): unknown {
    const length = to - from;
    if (length > MAX_KEY) {
      this.#slot = -1;
      this.#last = undefined;
      return undefined;
    }
    if (++this.#lookups === PROBE && this.#hits < PROBE / 4) this.on = false;
    if (buf !== this.#buf) {
      this.#buf = buf;
      this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const view = this.#view;
    const words = this.#words;
    const whole = length >>> 2;
    let h = (0x811c9dc5 ^ length) | 0;
    for (let j = 0; j < whole; j++) {
      const w = view.getInt32(from + (j << 2), true);
      words[j] = w;
      h = Math.imul(h ^ w, 0x01000193);
    }
    if ((length & 3) !== 0) {
      const tail = this.#tail(buf, from + (whole << 2), length & 3);
      words[whole] = tail;
      h = Math.imul(h ^ tail, 0x01000193);
    }
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    this.#slot = slot;
    this.#length = length;
    this.#last = undefined;
    if (this.#lengths[slot] !== length) return undefined;
    const keys = this.#keys;
    const base = slot * KEY_WORDS;
    const used = (length + 3) >>> 2;
    for (let j = 0; j < used; j++) if (keys[base + j] !== words[j]) return undefined;
    this.#hits++;
    const value = this.#values[slot];
    this.#last = value;
    return value;
  }

  /** Stores `value` for the bytes of the last {@link TextCache.get}, which missed. */
  set(value: unknown): void {
    const slot = this.#slot;
    if (slot < 0) return;
    this.#keys.set(this.#words, slot * KEY_WORDS);
    this.#lengths[slot] = this.#length;
    this.#values[slot] = value;
    this.#last = value;
  }
}
