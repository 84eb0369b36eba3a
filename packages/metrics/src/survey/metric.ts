import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxOptionsError,
  CxValidationError,
  type SurveyResponse,
} from '@cx/model';
import type { ConfidenceInterval } from '@cx/stats';
import { CesAccumulator, type CesResult } from './ces-accumulator.js';
import type { CesAccumulatorOptions } from './ces-options.js';
import { emptyChange, type MetricChange, meanChange, shareChange, zChange } from './change.js';
import { CsatAccumulator, type CsatResult } from './csat-accumulator.js';
import type { CsatAccumulatorOptions } from './csat-options.js';
import { adjustedWald, NpsAccumulator, type NpsResult } from './nps-accumulator.js';
import type { NpsAccumulatorOptions } from './nps-options.js';
import type { TallyState } from './tally.js';

/**
 * What every survey metric result has: n, a headline `score` in the metric's unit (NPS points −100…100, a CSAT
 * share 0–1, a CES mean on its scale) or `null`, and its interval in the same unit.
 *
 * @example
 * ```ts
 * import { csat, type SurveyMetricResult } from '@cx/metrics';
 * const r: SurveyMetricResult = csat([5, 4, 1]);
 * console.log(r.n, r.score?.toFixed(3)); // 3 '0.667'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetricResult {
  /** Number of responses. */
  readonly n: number;
  /** The headline value in the metric's unit; `null` when there is nothing to measure. */
  readonly score: number | null;
  /** Its confidence interval, in the same unit; `null` when not computable. */
  readonly interval: ConfidenceInterval | null;
}

/**
 * Which survey metric: `nps`, `csat` or `ces`.
 *
 * @example
 * ```ts
 * import { npsMetric, type SurveyMetricName } from '@cx/metrics';
 * const name: SurveyMetricName = npsMetric().name;
 * console.log(name); // 'nps'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type SurveyMetricName = 'nps' | 'csat' | 'ces';

/**
 * The snapshot of a survey-metric accumulator (`NpsAccumulator`, `CsatAccumulator`, `CesAccumulator`).
 *
 * @example
 * ```ts
 * import { CsatAccumulator, type SurveyMetricSnapshot } from '@cx/metrics';
 * const snapshot: SurveyMetricSnapshot = new CsatAccumulator().add(4).snapshot();
 * console.log(snapshot.kind, snapshot.version); // 'csat' 1
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type SurveyMetricSnapshot = AccumulatorSnapshot<SurveyMetricName, object, TallyState>;

/**
 * The accumulator of one survey metric, as breakdowns and trends use it: `NpsAccumulator`, `CsatAccumulator` and
 * `CesAccumulator` all are one.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { npsMetric, type NpsResult, type SurveyMetricAccumulator } from '@cx/metrics';
 * const acc: SurveyMetricAccumulator<NpsResult> = npsMetric().create();
 * console.log(acc.add(10).add(0).result().score); // 0
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetricAccumulator<R extends SurveyMetricResult>
  extends Accumulator<number, R, SurveyMetricSnapshot> {
  /** Responses added so far. */
  readonly n: number;
  /** Adds a raw score with an optional weight (validated before anything changes). */
  add(score: number, weight?: number): this;
  /** Adds a response, checking its scale. */
  addResponse(response: SurveyResponse): this;
}

/**
 * A survey metric with its options — NPS, CSAT or CES — that breakdowns and trends compute per group. Its
 * `options` are plain JSON, so an accumulator built on it can be saved and restored.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { csatMetric } from '@cx/metrics';
 * const metric = csatMetric({ positive: 'top-box' });
 * console.log(metric.name, metric.create().add(5).add(4).result().score); // 'csat' 0.5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface SurveyMetric<R extends SurveyMetricResult> {
  /** Which metric. */
  readonly name: SurveyMetricName;
  /** Its resolved options (every default filled in). */
  readonly options: object;
  /** Creates an empty accumulator. */
  create(): SurveyMetricAccumulator<R>;
  /** Restores an accumulator of this metric from its snapshot (of the same kind and options). */
  restore(snapshot: unknown): SurveyMetricAccumulator<R>;
  /**
   * Tests the change from `previous` to `current` (two-sided).
   *
   * @param current - The later result.
   * @param previous - The earlier result.
   * @param level - Confidence level: significant when p < 1 − level.
   */
  change(current: R, previous: R, level: number): MetricChange;
}

const metrics = new WeakSet<object>();

/** Whether a value is a metric made by `npsMetric`, `csatMetric` or `cesMetric` (internal). */
export function isSurveyMetric(value: unknown): value is SurveyMetric<SurveyMetricResult> {
  return typeof value === 'object' && value !== null && metrics.has(value);
}

function register<R extends SurveyMetricResult>(metric: SurveyMetric<R>): SurveyMetric<R> {
  metrics.add(Object.freeze(metric));
  return metric;
}

/**
 * NPS as a {@link SurveyMetric}, for breakdowns and trends; changes use the adjusted-Wald two-sample z-test.
 *
 * @param options - Cut points, scale, `level` and interval `method` (those of `NpsAccumulator`).
 * @returns The metric.
 * @throws {@link @cx/model!CxOptionsError} when an option is unknown or out of range.
 * @example
 * ```ts
 * import { npsMetric } from '@cx/metrics';
 * const acc = npsMetric({ level: 0.9 }).create();
 * console.log(acc.add(10).result().interval?.level); // 0.9
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function npsMetric(options?: NpsAccumulatorOptions): SurveyMetric<NpsResult> {
  const resolved = new NpsAccumulator(options).options;
  return register<NpsResult>({
    name: 'nps',
    options: resolved,
    create: () => new NpsAccumulator(resolved),
    restore: (snapshot) => checkedRestore(NpsAccumulator.restore(snapshot), resolved),
    change(current, previous, level) {
      if (
        current.shares === null ||
        previous.shares === null ||
        current.score === null ||
        previous.score === null
      )
        return emptyChange('adjusted-wald-z');
      const a = adjustedWald(current.shares.promoters, current.shares.detractors, current.effectiveN);
      const b = adjustedWald(previous.shares.promoters, previous.shares.detractors, previous.effectiveN);
      const z = (a.net - b.net) / Math.sqrt(a.se ** 2 + b.se ** 2);
      return zChange(current.score - previous.score, z, level, 'adjusted-wald-z');
    },
  });
}

/**
 * CSAT as a {@link SurveyMetric}; changes use the Agresti–Caffo z-test on the satisfied share (a difference 0–1).
 *
 * @param options - Scale, satisfied set, neutral set, denominator and `level` (those of `CsatAccumulator`).
 * @returns The metric.
 * @throws {@link @cx/model!CxOptionsError} when an option is unknown or out of range.
 * @example
 * ```ts
 * import { csatMetric } from '@cx/metrics';
 * const acc = csatMetric().create();
 * console.log(acc.add(5).add(2).result().score); // 0.5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function csatMetric(options?: CsatAccumulatorOptions): SurveyMetric<CsatResult> {
  const resolved = new CsatAccumulator(options).options;
  return register<CsatResult>({
    name: 'csat',
    options: resolved,
    create: () => new CsatAccumulator(resolved),
    restore: (snapshot) => checkedRestore(CsatAccumulator.restore(snapshot), resolved),
    change(current, previous, level) {
      if (current.score === null || previous.score === null) return emptyChange('agresti-caffo-z');
      return shareChange(
        { share: current.score, n: current.effectiveDenominator },
        { share: previous.score, n: previous.effectiveDenominator },
        level,
      );
    },
  });
}

/**
 * CES as a {@link SurveyMetric}; the score is the mean and changes use Welch's t-test.
 *
 * @param options - Scale, low-effort set and `level` (those of `CesAccumulator`).
 * @returns The metric.
 * @throws {@link @cx/model!CxOptionsError} when an option is unknown or out of range.
 * @example
 * ```ts
 * import { cesMetric } from '@cx/metrics';
 * const acc = cesMetric().create();
 * console.log(acc.add(6).add(4).result().score); // 5
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function cesMetric(options?: CesAccumulatorOptions): SurveyMetric<CesResult> {
  const resolved = new CesAccumulator(options).options;
  return register<CesResult>({
    name: 'ces',
    options: resolved,
    create: () => new CesAccumulator(resolved),
    restore: (snapshot) => checkedRestore(CesAccumulator.restore(snapshot), resolved),
    change(current, previous, level) {
      if (current.score === null || previous.score === null) return emptyChange('welch-t');
      if (current.standardDeviation === null || previous.standardDeviation === null)
        return emptyChange('welch-t', current.score - previous.score);
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
        level,
      );
    },
  });
}

/** A restored accumulator, after checking that the snapshot was made with the metric's options. */
function checkedRestore<A extends { readonly options: object }>(acc: A, options: object): A {
  try {
    assertSameOptions('snapshot', options, acc.options);
  } catch (error) {
    const detail = error instanceof CxOptionsError ? (error.issues[0]?.message ?? '') : '';
    throw new CxValidationError(
      [
        {
          path: ['options'],
          code: 'invalid_snapshot',
          message: `The snapshot belongs to a metric with other options. ${detail}`,
        },
      ],
      { subject: 'snapshot', cause: error },
    );
  }
  return acc;
}

/**
 * The metric of a snapshot's `{ name, options }` (internal: breakdown and trend snapshots record their metric so).
 *
 * @param spec - The metric's name and resolved options.
 * @returns The metric.
 * @throws {@link @cx/model!CxOptionsError} when the options are not the metric's.
 */
export function metricOf(spec: {
  readonly name: SurveyMetricName;
  readonly options: unknown;
}): SurveyMetric<SurveyMetricResult> {
  if (spec.name === 'nps') return npsMetric(spec.options as NpsAccumulatorOptions);
  if (spec.name === 'csat') return csatMetric(spec.options as CsatAccumulatorOptions);
  return cesMetric(spec.options as CesAccumulatorOptions);
}
