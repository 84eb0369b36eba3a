import { type ConfidenceInterval, wilsonInterval } from '@cx/stats';
/**
 * A share of responses with its Wilson interval.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface ShareEstimate {
  /** Unweighted number of responses in the share's numerator. */
  readonly count: number;
  /** Unweighted number of responses in the denominator. */
  readonly of: number;
  /** Weighted share 0…1; `null` when the denominator is empty. */
  readonly share: number | null;
  /** The share in percent, 0…100; `null` when the denominator is empty. */
  readonly score: number | null;
  /** Wilson interval in percent (weighted: on the Kish effective n); `null` when the denominator is empty. */
  readonly interval: ConfidenceInterval | null;
}

/** Share estimate from weighted numerator/denominator sums and the denominator's effective n. */
export function shareEstimate(
  count: number,
  of: number,
  weight: number,
  totalWeight: number,
  effectiveN: number,
  level: number,
): ShareEstimate {
  if (of === 0 || totalWeight === 0) return { count, of, share: null, score: null, interval: null };
  const share = Math.min(1, weight / totalWeight);
  const ci = wilsonInterval(share * effectiveN, effectiveN, { level });
  return {
    count,
    of,
    share,
    score: 100 * share,
    interval: ci === null ? null : { ...ci, lower: 100 * ci.lower, upper: 100 * ci.upper },
  };
}
