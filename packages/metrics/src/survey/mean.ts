import { type ConfidenceInterval, studentTQuantile } from '@cx/stats';
import type { Tally } from './tally.js';

/**
 * A mean score with its spread and Student-t interval.
 *
 * @example
 * ```ts
 * import { csat, type MeanEstimate } from '@cx/metrics';
 * const mean: MeanEstimate = csat([5, 4, 2]).mean;
 * console.log(mean.mean?.toFixed(2)); // '3.67'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface MeanEstimate {
  /** Weighted mean of the raw scores, on the scale they were given in; `null` when n = 0. */
  readonly mean: number | null;
  /** Sample standard deviation (weighted, scaled by the effective n); `null` when the effective n ≤ 1. */
  readonly standardDeviation: number | null;
  /** Standard error of the mean, sd/√n_eff; `null` when the effective n ≤ 1. */
  readonly standardError: number | null;
  /** mean ± t(n_eff − 1)·SE; `null` when the effective n ≤ 1. */
  readonly interval: ConfidenceInterval | null;
}

/** Mean, sd and t interval from a tally (weighted: Kish effective n in place of n). */
export function meanEstimate(tally: Tally, level: number): MeanEstimate {
  if (tally.n === 0) return { mean: null, standardDeviation: null, standardError: null, interval: null };
  const mean = tally.mean;
  const nEff = tally.effectiveN();
  if (!(nEff > 1 + 1e-12)) return { mean, standardDeviation: null, standardError: null, interval: null };
  const standardDeviation = Math.sqrt((tally.populationVariance * nEff) / (nEff - 1));
  const standardError = standardDeviation / Math.sqrt(nEff);
  const t = studentTQuantile(1 - (1 - level) / 2, nEff - 1);
  return {
    mean,
    standardDeviation,
    standardError,
    interval: { lower: mean - t * standardError, upper: mean + t * standardError, level, method: 't' },
  };
}
