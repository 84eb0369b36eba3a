const SLOTS = 4096;
const MAX_KEY = 32;
const PROBE = 1 << 16;

/**
 * The values of recently read short text cells, by their bytes: a direct-mapped cache of {@link SLOTS} entries of
 * at most {@link MAX_KEY} bytes (internal). Exports repeat most text cells (ids of a customer's rows, channels,
 * statuses), so the records path decodes and value-maps each distinct cell about once instead of once per row, and
 * allocates no string for a repeated cell. Memory is fixed; a column whose cells rarely repeat (a row id) turns the
 * cache off after {@link PROBE} lookups, so that it costs nothing there.
 */
export class TextCache {
  readonly #keys = new Uint8Array(SLOTS * MAX_KEY);
  readonly #lengths = new Int32Array(SLOTS).fill(-1);
  readonly #values: unknown[] = new Array(SLOTS).fill(undefined);
  #slot = 0;
  #lookups = 0;
  #hits = 0;
  /** Whether the cache is in use (off after a probe with few hits). */
  on = true;

  /** The cached value of `buf[from, to)`, or `undefined` (then {@link TextCache.set} stores the value for it). */
  get(buf: Uint8Array, from: number, to: number): unknown {
    const length = to - from;
    if (length > MAX_KEY) {
      this.#slot = -1;
      return undefined;
    }
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    this.#slot = slot;
    if (++this.#lookups === PROBE && this.#hits < PROBE / 4) this.on = false;
    if (this.#lengths[slot] !== length) return undefined;
    const keys = this.#keys;
    const at = slot * MAX_KEY;
    for (let i = 0; i < length; i++) if (keys[at + i] !== buf[from + i]) return undefined;
    this.#hits++;
    return this.#values[slot];
  }

  /** Stores `value` for the bytes of the last {@link TextCache.get} that missed. */
  set(buf: Uint8Array, from: number, to: number, value: unknown): void {
    const slot = this.#slot;
    if (slot < 0) return;
    const keys = this.#keys;
    const at = slot * MAX_KEY;
    for (let i = from; i < to; i++) keys[at + i - from] = buf[i] as number;
    this.#lengths[slot] = to - from;
    this.#values[slot] = value;
  }
}
