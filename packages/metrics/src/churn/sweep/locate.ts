import { MS_PER_DAY } from '@cx/model';

/** First index `j` with `bounds[j] >= t` (`bounds.length` when none), by binary search (internal). */
export function lowerBound(bounds: Float64Array, t: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bounds[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Start index, per window of `width` ms from `bounds[0]`, of the first bound at or after the window's start
 * (internal): {@link locate} then needs one table read and, for the few instants in a window holding a bound,
 * a step or two, instead of a binary search or a guess with unpredictable corrections.
 */
export function locateTable(bounds: Float64Array, width: number): Int32Array {
  const first = bounds[0] as number;
  const windows = Math.floor(((bounds[bounds.length - 1] as number) - first) / width) + 1;
  const table = new Int32Array(windows);
  let j = 0;
  for (let w = 0; w < windows; w++) {
    const at = first + w * width;
    while ((bounds[j] as number) < at) j++;
    table[w] = j;
  }
  return table;
}

/**
 * Window width for {@link locateTable}: a day, or longer when the range is very long, so the table has at most
 * about 2^20 entries (internal).
 */
export function windowWidth(bounds: Float64Array): number {
  const span = (bounds[bounds.length - 1] as number) - (bounds[0] as number);
  return Math.max(MS_PER_DAY, Math.ceil(span / (1 << 20)));
}

/**
 * First index `j` with `bounds[j] >= t` (`bounds.length` when none), from a {@link locateTable} of window
 * `width` (internal). A plain function, not a closure: a fresh closure per call deoptimized the sweep ("wrong
 * call target") on every call.
 */
export function locate(bounds: Float64Array, table: Int32Array, width: number, t: number): number {
  const last = bounds.length - 1;
  const first = bounds[0] as number;
  if (t <= first) return 0;
  if (t > (bounds[last] as number)) return last + 1;
  let w = Math.floor((t - first) / width);
  if (w >= table.length) w = table.length - 1;
  let j = table[w] as number;
  while (j > 0 && (bounds[j - 1] as number) >= t) j--; // never for exact window arithmetic; kept as a guard
  while ((bounds[j] as number) < t) j++;
  return j;
}
