import type { SurveyResponse } from '@cx/model';
import type { ConfidenceInterval } from '@cx/stats';
import {
  CesAccumulator,
  type CesClassificationOptions,
  type CesResult,
  type CesResultOptions,
} from './ces-accumulator.js';
import { emptyChange, type MetricChange, meanChange, shareChange, zChange } from './change.js';
import {
  CsatAccumulator,
  type CsatClassificationOptions,
  type CsatResult,
  type CsatResultOptions,
} from './csat-accumulator.js';
import {
  adjustedWald,
  NpsAccumulator,
  type NpsClassificationOptions,
  type NpsIntervalOptions,
  type NpsResult,
} from './nps-accumulator.js';
import type { AccumulatorSnapshot } from './tally.js';

/**
 * What every survey metric result has: n, a score (or `null`) and its interval.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetricResult {
  readonly n: number;
  readonly score: number | null;
  readonly interval: ConfidenceInterval | null;
}

/**
 * A mergeable accumulator of one survey metric, as used by breakdowns and trends.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetricAccumulator<R extends SurveyMetricResult> {
  /** Responses added so far. */
  readonly n: number;
  /** Adds a raw score with an optional weight (validated). */
  add(score: number, weight?: number): void;
  /** Adds a response, checking its scale. */
  addResponse(response: SurveyResponse): void;
  /** Merges another accumulator created by the same metric. */
  merge(other: SurveyMetricAccumulator<R>): void;
  /** The metric's result. */
  result(): R;
}

/**
 * A survey metric (NPS, CSAT or CES with its options) that breakdowns and trends can compute per group.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetric<R extends SurveyMetricResult> {
  /** Which metric. */
  readonly name: 'nps' | 'csat' | 'ces';
  /** Creates an empty accumulator. */
  create(): SurveyMetricAccumulator<R>;
  /**
   * Creates an accumulator holding the state of a snapshot made with this metric's options (e.g. sufficient
   * statistics computed by a database engine). The built-in metrics implement it.
   *
   * @param snapshot - A snapshot of an accumulator of this metric, with the same options.
   */
  restore?(snapshot: AccumulatorSnapshot): SurveyMetricAccumulator<R>;
  /**
   * Tests the change from `previous` to `current`.
   *
   * @param alpha - Significance level.
   */
  change(current: R, previous: R, alpha: number): MetricChange;
}

interface Inner<R> {
  readonly n: number;
  add(score: number, weight?: number): unknown;
  addResponse(response: SurveyResponse): unknown;
  merge(other: never): unknown;
  result(options?: object): R;
}

class Wrapped<R extends SurveyMetricResult> implements SurveyMetricAccumulator<R> {
  constructor(
    readonly inner: Inner<R>,
    readonly options: object,
  ) {}
  get n(): number {
    return this.inner.n;
  }
  add(score: number, weight = 1): void {
    this.inner.add(score, weight);
  }
  addResponse(response: SurveyResponse): void {
    this.inner.addResponse(response);
  }
  merge(other: SurveyMetricAccumulator<R>): void {
    (this.inner.merge as (o: unknown) => unknown)((other as Wrapped<R>).inner);
  }
  result(): R {
    return this.inner.result(this.options);
  }
}

/**
 * NPS as a {@link SurveyMetric}, for breakdowns and trends; changes use the adjusted-Wald two-sample z-test.
 *
 * @param options - Cut points, scale, confidence level and interval method.
 * @returns The metric.
 * @throws {@link @cx/model!CxValidationError} when an option is invalid.
 * @example
 * ```ts
 * import { npsMetric } from '@cx/metrics';
 * const acc = npsMetric().create();
 * acc.add(10);
 * console.log(acc.result().score); // 100
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsMetric(
  options: NpsClassificationOptions & NpsIntervalOptions = {},
): SurveyMetric<NpsResult> {
  new NpsAccumulator(options).result(options);
  return {
    name: 'nps',
    create: () => new Wrapped<NpsResult>(new NpsAccumulator(options), options),
    restore: (snapshot) => new Wrapped<NpsResult>(NpsAccumulator.fromSnapshot(snapshot, options), options),
    change(current, previous, alpha) {
      if (
        current.shares === null ||
        previous.shares === null ||
        current.score === null ||
        previous.score === null
      ) {
        return emptyChange('adjusted-wald-z');
      }
      const a = adjustedWald(current.shares.promoters, current.shares.detractors, current.effectiveN);
      const b = adjustedWald(previous.shares.promoters, previous.shares.detractors, previous.effectiveN);
      const z = (a.net - b.net) / Math.sqrt(a.se ** 2 + b.se ** 2);
      return zChange(current.score - previous.score, z, alpha, 'adjusted-wald-z');
    },
  };
}

/**
 * CSAT as a {@link SurveyMetric}; changes use the Agresti–Caffo z-test on the satisfied share.
 *
 * @param options - Scale, satisfied set, neutral set, denominator and confidence level.
 * @returns The metric.
 * @throws {@link @cx/model!CxValidationError} when an option is invalid.
 * @example
 * ```ts
 * import { csatMetric } from '@cx/metrics';
 * const acc = csatMetric().create();
 * acc.add(5);
 * acc.add(2);
 * console.log(acc.result().score); // 50
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function csatMetric(
  options: CsatClassificationOptions & CsatResultOptions = {},
): SurveyMetric<CsatResult> {
  new CsatAccumulator(options).result(options);
  return {
    name: 'csat',
    create: () => new Wrapped<CsatResult>(new CsatAccumulator(options), options),
    restore: (snapshot) => new Wrapped<CsatResult>(CsatAccumulator.fromSnapshot(snapshot, options), options),
    change(current, previous, alpha) {
      if (current.share === null || previous.share === null) return emptyChange('agresti-caffo-z');
      return shareChange(
        { share: current.share, n: current.effectiveDenominator },
        { share: previous.share, n: previous.effectiveDenominator },
        alpha,
      );
    },
  };
}

/**
 * CES as a {@link SurveyMetric}; the score is the mean and changes use Welch's t-test.
 *
 * @param options - Scale, low-effort set and confidence level.
 * @returns The metric.
 * @throws {@link @cx/model!CxValidationError} when an option is invalid.
 * @example
 * ```ts
 * import { cesMetric } from '@cx/metrics';
 * const acc = cesMetric().create();
 * acc.add(6);
 * acc.add(4);
 * console.log(acc.result().score); // 5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function cesMetric(
  options: CesClassificationOptions & CesResultOptions = {},
): SurveyMetric<CesResult> {
  new CesAccumulator(options).result(options);
  return {
    name: 'ces',
    create: () => new Wrapped<CesResult>(new CesAccumulator(options), options),
    restore: (snapshot) => new Wrapped<CesResult>(CesAccumulator.fromSnapshot(snapshot, options), options),
    change(current, previous, alpha) {
      if (current.score === null || previous.score === null) return emptyChange('welch-t');
      if (current.standardDeviation === null || previous.standardDeviation === null) {
        return emptyChange('welch-t', current.score - previous.score);
      }
      return meanChange(
        {
          mean: current.score,
          se: current.standardDeviation / Math.sqrt(current.effectiveN),
          df: current.effectiveN - 1,
        },
        {
          mean: previous.score,
          se: previous.standardDeviation / Math.sqrt(previous.effectiveN),
          df: previous.effectiveN - 1,
        },
        alpha,
      );
    },
  };
}
