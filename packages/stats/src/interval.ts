/**
 * How a confidence interval was computed.
 *
 * - `wilson`: Wilson score interval for a proportion (Wilson 1927).
 * - `clopper-pearson`: exact binomial interval from beta quantiles (Clopper & Pearson 1934).
 * - `wald`: estimate ± z·SE.
 * - `adjusted-wald`: Wald on pseudo-count-adjusted proportions (NPS: Rocks 2016; MeasuringU).
 * - `bootstrap`: percentile interval of seeded bootstrap resamples.
 * - `t`: mean ± t(n − 1)·SE (Student).
 * - `fisher-z`: correlation interval from Fisher's z transform.
 * - `newcombe`: difference of two proportions from their Wilson intervals (Newcombe 1998, method 10).
 *
 * @category Proportions
 * @since 0.1.0
 */
export type IntervalMethod =
  | 'wilson'
  | 'clopper-pearson'
  | 'wald'
  | 'adjusted-wald'
  | 'bootstrap'
  | 't'
  | 'fisher-z'
  | 'newcombe';

/**
 * A two-sided confidence interval in the units of the estimate it belongs to.
 *
 * @category Proportions
 * @since 0.1.0
 */
export interface ConfidenceInterval {
  /** Lower bound. */
  readonly lower: number;
  /** Upper bound. */
  readonly upper: number;
  /** Confidence level, e.g. `0.95`. */
  readonly level: number;
  /** How it was computed. */
  readonly method: IntervalMethod;
}
