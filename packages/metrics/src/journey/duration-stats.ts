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
  const sorted = Float64Array.from(values).sort();
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
