const SLOTS = 4096;

/**
 * The key of the date `c[s, s + 10)` when it is `YYYY-MM-DD` (ten digits and two dashes: `YYYYMMDD` as a number,
 * one key per such text), else -1 (internal; see {@link CanonicalDays}). The caller makes sure that ten bytes follow
 * `s`.
 */
export function dateKey(c: Uint8Array, s: number): number {
  if (c[s + 4] !== 45 || c[s + 7] !== 45) return -1;
  const y0 = (c[s] as number) - 48;
  const y1 = (c[s + 1] as number) - 48;
  const y2 = (c[s + 2] as number) - 48;
  const y3 = (c[s + 3] as number) - 48;
  const m0 = (c[s + 5] as number) - 48;
  const m1 = (c[s + 6] as number) - 48;
  const d0 = (c[s + 8] as number) - 48;
  const d1 = (c[s + 9] as number) - 48;
  // Each is a digit exactly when it is unsigned below 10.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return -1;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return -1;
  return ((((((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10 + m0) * 10 + m1) * 10 + d0) * 10 + d1;
}

/**
 * The first instant (epoch milliseconds) of each date the instant grammar read in a canonical cell, by the date's
 * key ({@link dateKey}) (internal): the column path's memory of days beyond the last cell's. A day is stored only
 * from a cell that the grammar accepted in one of the canonical forms `YYYY-MM-DDTHH:mm:ss.sssZ` and
 * `YYYY-MM-DDTHH:mm:ssZ` (as the cell's instant less its time of day, `timeOfDay`), so it is a real calendar date
 * read by the one grammar; a later cell with the same date bytes and a valid canonical time of day is then that day
 * plus its time, the instant the grammar gives it (the reasoning of the last-date shortcut, for every date seen).
 * A direct-mapped table of 4,096 dates: a date that lands on another's slot replaces it (then the grammar reads it
 * again), so the memory is bounded whatever the input.
 */
export class CanonicalDays {
  readonly #keys = new Int32Array(SLOTS).fill(-1);
  readonly #days = new Float64Array(SLOTS);

  /** The first instant of the date of `key` (a key from {@link dateKey}, not -1), or `NaN` when not known. */
  get(key: number): number {
    const slot = Math.imul(key, 0x9e3779b1) >>> 20;
    return this.#keys[slot] === key ? (this.#days[slot] as number) : Number.NaN;
  }

  /** Remembers the first instant of the date of `key` (a key from {@link dateKey}, not -1). */
  set(key: number, dayMs: number): void {
    const slot = Math.imul(key, 0x9e3779b1) >>> 20;
    this.#keys[slot] = key;
    this.#days[slot] = dayMs;
  }
}
