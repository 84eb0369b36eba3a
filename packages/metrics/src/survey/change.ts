import { normalCdf, studentTCdf } from '@cx/stats';

/**
 * Test of the change between two independent results of the same metric (e.g. this month vs last month), in the
 * metric's own unit: NPS points, a CSAT share 0–1, a CES mean on its scale.
 *
 * - `adjusted-wald-z` for NPS (MeasuringU two-sample test),
 * - `agresti-caffo-z` for a share such as CSAT: each sample gets one extra success and one extra failure, then a
 *   z-test on the difference (Agresti & Caffo 2000),
 * - `welch-t` for a mean such as CES: Welch's unequal-variance t-test.
 *
 * @example
 * ```ts
 * import type { MetricChange } from '@cx/metrics';
 * const none: MetricChange = { difference: null, statistic: null, pValue: null, significant: null, method: 'welch-t' };
 * console.log(none.method); // 'welch-t'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface MetricChange {
  /** current − previous, in the metric's unit; `null` when either side is empty. */
  readonly difference: number | null;
  /** z or t statistic; `null` when not computable (empty side, or zero variance for Welch). */
  readonly statistic: number | null;
  /** Two-sided p-value. */
  readonly pValue: number | null;
  /** Whether the p-value is below α = 1 − level. */
  readonly significant: boolean | null;
  /** Which test was used. */
  readonly method: 'adjusted-wald-z' | 'agresti-caffo-z' | 'welch-t';
}

/** A change with nothing computable. */
export function emptyChange(method: MetricChange['method'], difference: number | null = null): MetricChange {
  return { difference, statistic: null, pValue: null, significant: null, method };
}

/** Two-sided z result at α = 1 − level. */
export function zChange(
  difference: number,
  z: number,
  level: number,
  method: MetricChange['method'],
): MetricChange {
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { difference, statistic: z, pValue, significant: pValue < 1 - level, method };
}

/** Agresti–Caffo z-test of two shares given as share·n_eff successes of n_eff; the difference is a share 0–1. */
export function shareChange(
  current: { share: number; n: number },
  previous: { share: number; n: number },
  level: number,
): MetricChange {
  const a = (current.share * current.n + 1) / (current.n + 2);
  const b = (previous.share * previous.n + 1) / (previous.n + 2);
  const se = Math.sqrt((a * (1 - a)) / (current.n + 2) + (b * (1 - b)) / (previous.n + 2));
  return zChange(current.share - previous.share, (a - b) / se, level, 'agresti-caffo-z');
}

/** Welch t-test of two means with their standard errors and degrees of freedom. */
export function meanChange(
  current: { mean: number; se: number; df: number },
  previous: { mean: number; se: number; df: number },
  level: number,
): MetricChange {
  const difference = current.mean - previous.mean;
  const v = current.se ** 2 + previous.se ** 2;
  if (!(v > 0)) return emptyChange('welch-t', difference);
  const df = v ** 2 / (current.se ** 4 / current.df + previous.se ** 4 / previous.df);
  const t = difference / Math.sqrt(v);
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  return { difference, statistic: t, pValue, significant: pValue < 1 - level, method: 'welch-t' };
}
