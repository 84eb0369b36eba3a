/**
 * Summary of a set of durations in milliseconds.
 *
 * Percentiles use linear interpolation between order statistics (Hyndman and Fan type 7, the default of
 * NumPy, R and Excel's PERCENTILE.INC), so the median of an even count is the mean of the two middle values.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface DurationStats {
  /** Number of durations. */
  readonly n: number;
  /** Arithmetic mean (ms); `null` when `n` is 0. */
  readonly mean: number | null;
  /** Median (ms); `null` when `n` is 0. */
  readonly median: number | null;
  /** Shortest (ms); `null` when `n` is 0. */
  readonly min: number | null;
  /** Longest (ms); `null` when `n` is 0. */
  readonly max: number | null;
  /** Requested percentiles keyed by the percentile in 0…100 as a string, e.g. `"90"`; `null` values when `n` is 0. */
  readonly percentiles: Readonly<Record<string, number | null>>;
}

/** Default percentiles reported with durations. */
export const DEFAULT_PERCENTILES: readonly number[] = [25, 75, 90, 95];

/**
 * Quantile of sorted values by linear interpolation (type 7) (internal).
 *
 * @param sorted - Values in ascending order, at least one.
 * @param p - Probability in 0…1.
 * @returns The interpolated quantile.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/**
 * Summarizes durations (internal; see {@link DurationStats}).
 *
 * @param values - Durations in ms, any order (not modified).
 * @param percentiles - Percentiles in 0…100.
 * @returns The summary.
 */
export function durationStats(
  values: ArrayLike<number>,
  percentiles: readonly number[] = DEFAULT_PERCENTILES,
): DurationStats {
  const n = values.length;
  const sorted = sortedDurations(values);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i] as number;
  const pct: Record<string, number | null> = {};
  for (const p of percentiles) pct[String(p)] = n === 0 ? null : quantileSorted(sorted, p / 100);
  return {
    n,
    mean: n === 0 ? null : sum / n,
    median: n === 0 ? null : quantileSorted(sorted, 0.5),
    min: n === 0 ? null : (sorted[0] as number),
    max: n === 0 ? null : (sorted[n - 1] as number),
    percentiles: pct,
  };
}

/** Below this many values the built-in sort is as fast as the radix sort's two passes over 65,536 buckets. */
const RADIX_FROM = 2048;

/**
 * The values in ascending order, as `Float64Array.from(values).sort()` gives them (internal). Whole milliseconds in
 * 0…2³²−1 (conversion times of instants in whole ms) are sorted by an LSD radix sort in two 16-bit passes, linear
 * in their number; any other value (a fraction, a negative, −0, beyond 2³²) sends the whole set to the built-in sort.
 */
export function sortedDurations(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (n < RADIX_FROM) return Float64Array.from(values).sort();
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const k = v >>> 0;
    if (k !== v || (v === 0 && 1 / v < 0)) return Float64Array.from(values).sort();
    keys[i] = k;
  }
  const low = new Int32Array(65537);
  const high = new Int32Array(65537);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    low[(k & 0xffff) + 1]!++;
    high[(k >>> 16) + 1]!++;
  }
  for (let d = 1; d <= 65536; d++) {
    low[d]! += low[d - 1] as number;
    high[d]! += high[d - 1] as number;
  }
  const byLow = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    byLow[low[k & 0xffff]!++] = k;
  }
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = byLow[i] as number;
    sorted[high[k >>> 16]!++] = k;
  }
  return sorted;
}
