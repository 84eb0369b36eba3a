import { CxValidationError, type Instant, type SurveyResponse } from '@cx/model';
import { zForLevel } from '@cx/stats';
import { Calendar, type CalendarBucket, type TrendPeriod } from './calendar.js';
import type { MetricChange } from './change.js';
import { forEachCollecting } from './collect.js';
import type { SurveyMetric, SurveyMetricAccumulator, SurveyMetricResult } from './metric.js';

/**
 * Options of {@link trend} and {@link TrendAccumulator}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface TrendOptions {
  /** Bucket size: `day`, `week`, `month` or `quarter`. */
  readonly period: TrendPeriod;
  /** IANA time zone of the calendar, e.g. `Europe/Berlin`; default `UTC`. */
  readonly timeZone?: string;
  /** First day of the week, 0 = Sunday … 6; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: number;
  /** Buckets with fewer responses are flagged `smallSample`; default 30. */
  readonly minN?: number;
  /** Confidence level of the change tests (α = 1 − confidence); default 0.95. */
  readonly confidence?: number;
  /** Emit empty buckets between the first and last (with `n: 0` and a `null` score); default true. */
  readonly fillGaps?: boolean;
}

/**
 * One bucket of a trend.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export interface TrendBucket<R extends SurveyMetricResult> {
  /** Label in the zone: `2026-03-29` (day; week = its first day), `2026-03` (month), `2026-Q1` (quarter). */
  readonly key: string;
  /** First instant of the bucket (local midnight in the zone, as UTC). */
  readonly start: Instant;
  /** First instant after the bucket. */
  readonly end: Instant;
  /** Responses in the bucket. */
  readonly n: number;
  /** The metric for the bucket. */
  readonly result: R;
  /** Whether n < minN. */
  readonly smallSample: boolean;
  /** Test of the change from the previous bucket; `null` for the first bucket. */
  readonly change: MetricChange | null;
}

/**
 * Mergeable trend: one metric accumulator per calendar bucket; `add` responses, `merge` partials, read `result`.
 *
 * @example
 * ```ts
 * import { TrendAccumulator, npsMetric } from '@cx/metrics';
 * const acc = new TrendAccumulator(npsMetric(), { period: 'month', timeZone: 'America/New_York' });
 * acc.addAt(Date.parse('2026-03-01T03:00:00Z'), 10); // still 28 February in New York
 * acc.addAt(Date.parse('2026-03-15T12:00:00Z'), 0);
 * console.log(acc.result().map((b) => [b.key, b.result.score])); // [['2026-02', 100], ['2026-03', -100]]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class TrendAccumulator<R extends SurveyMetricResult> {
  readonly #metric: SurveyMetric<R>;
  readonly #options: TrendOptions;
  readonly #calendar: Calendar;
  readonly #buckets = new Map<number, { bucket: CalendarBucket; acc: SurveyMetricAccumulator<R> }>();

  /**
   * Creates an empty trend.
   *
   * @param metric - The metric, e.g. `npsMetric()`.
   * @param options - Period, time zone, week start, small-sample threshold, confidence and gap filling.
   * @throws {@link @cx/model!CxValidationError} when an option is invalid (e.g. an unknown time zone).
   */
  constructor(metric: SurveyMetric<R>, options: TrendOptions) {
    zForLevel(options.confidence ?? 0.95);
    if (!((options.minN ?? 30) >= 0)) {
      throw new CxValidationError([
        { path: ['options', 'minN'], message: 'Expected minN ≥ 0', code: 'invalid_option' },
      ]);
    }
    this.#metric = metric;
    this.#options = options;
    this.#calendar = new Calendar(options.period, options.timeZone ?? 'UTC', options.weekStartsOn ?? 1);
  }

  #accFor(ms: number): SurveyMetricAccumulator<R> {
    const bucket = this.#calendar.bucketOf(ms);
    let entry = this.#buckets.get(bucket.start);
    if (entry === undefined) {
      entry = { bucket, acc: this.#metric.create() };
      this.#buckets.set(bucket.start, entry);
    }
    return entry.acc;
  }

  /**
   * Adds a response to the bucket of its `respondedAt`.
   *
   * @param response - A survey response.
   * @throws {@link @cx/model!CxValidationError} when the timestamp, scale or score is invalid.
   */
  add(response: SurveyResponse): void {
    const ms = Date.parse(response.respondedAt);
    if (!Number.isFinite(ms)) {
      throw new CxValidationError([
        {
          path: ['respondedAt'],
          message: `Expected a UTC instant, got ${JSON.stringify(response.respondedAt)}`,
          code: 'invalid_date',
        },
      ]);
    }
    this.#accFor(ms).addResponse(response);
  }

  /**
   * Adds a raw score at an instant (fast path for columnar data).
   *
   * @param epochMs - The instant in epoch milliseconds.
   * @param score - The score.
   * @param weight - Optional weight.
   * @throws {@link @cx/model!CxValidationError} when the instant, score or weight is invalid.
   */
  addAt(epochMs: number, score: number, weight = 1): void {
    if (!Number.isFinite(epochMs)) {
      throw new CxValidationError([
        { path: ['epochMs'], message: `Expected finite epoch ms, got ${epochMs}`, code: 'invalid_date' },
      ]);
    }
    this.#accFor(epochMs).add(score, weight);
  }

  /**
   * Merges an accumulator of the same metric into the bucket of an instant, e.g. one restored from sufficient
   * statistics a database computed per bucket ({@link SurveyMetric.restore}).
   *
   * @param epochMs - An instant inside the bucket (e.g. its start) in epoch milliseconds.
   * @param accumulator - An accumulator created or restored by the same metric.
   * @throws {@link @cx/model!CxValidationError} when the instant is not finite or the options differ.
   */
  mergeAt(epochMs: number, accumulator: SurveyMetricAccumulator<R>): void {
    if (!Number.isFinite(epochMs)) {
      throw new CxValidationError([
        { path: ['epochMs'], message: `Expected finite epoch ms, got ${epochMs}`, code: 'invalid_date' },
      ]);
    }
    this.#accFor(epochMs).merge(accumulator);
  }

  /**
   * Merges another trend of the same metric and calendar.
   *
   * @param other - Another trend accumulator.
   */
  merge(other: TrendAccumulator<R>): void {
    for (const [start, entry] of other.#buckets) {
      const mine = this.#buckets.get(start);
      if (mine === undefined) {
        const acc = this.#metric.create();
        acc.merge(entry.acc);
        this.#buckets.set(start, { bucket: entry.bucket, acc });
      } else mine.acc.merge(entry.acc);
    }
  }

  /**
   * The buckets in time order, each with n, the metric, a small-sample flag and the change test vs the previous
   * bucket.
   *
   * @returns The buckets.
   */
  result(): TrendBucket<R>[] {
    const alpha = 1 - (this.#options.confidence ?? 0.95);
    const minN = this.#options.minN ?? 30;
    const present = [...this.#buckets.values()].sort((a, b) => a.bucket.start - b.bucket.start);
    const first = present[0];
    const last = present[present.length - 1];
    if (first === undefined || last === undefined) return [];
    const ordered: { bucket: CalendarBucket; acc: SurveyMetricAccumulator<R> }[] = [];
    if (this.#options.fillGaps ?? true) {
      for (let b = first.bucket; b.start <= last.bucket.start; b = this.#calendar.next(b)) {
        ordered.push(this.#buckets.get(b.start) ?? { bucket: b, acc: this.#metric.create() });
      }
    } else ordered.push(...present);
    const out: TrendBucket<R>[] = [];
    let previous: R | null = null;
    for (const { bucket, acc } of ordered) {
      const result = acc.result();
      out.push({
        key: bucket.key,
        start: new Date(bucket.start).toISOString(),
        end: new Date(bucket.end).toISOString(),
        n: acc.n,
        result,
        smallSample: acc.n < minN,
        change: previous === null ? null : this.#metric.change(result, previous, alpha),
      });
      previous = result;
    }
    return out;
  }
}

/**
 * A survey metric over time, by day, week, month or quarter in an IANA time zone (DST-correct), each bucket with
 * n, its interval, a small-sample flag and whether the change from the previous bucket is significant.
 *
 * @param responses - Survey responses (one scale).
 * @param metric - The metric, e.g. `npsMetric()`.
 * @param options - Period, time zone, week start, small-sample threshold, confidence and gap filling.
 * @returns The buckets in time order (empty for no responses).
 * @throws {@link @cx/model!CxValidationError} naming every invalid response, or an invalid option.
 * @example
 * ```ts
 * import { trend, csatMetric } from '@cx/metrics';
 * const scale = { min: 1, max: 5, direction: 'higher-is-better', integral: true } as const;
 * const rs = ['2026-01-10T10:00:00Z', '2026-02-10T10:00:00Z'].map((respondedAt, i) => ({
 *   id: `r${i}`, surveyId: 's', metric: 'csat', scale, score: 5, respondedAt, weight: 1, properties: {},
 * } as const));
 * console.log(trend(rs, csatMetric(), { period: 'month', timeZone: 'Europe/Berlin' }).map((b) => b.key));
 * // ['2026-01', '2026-02']
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export function trend<R extends SurveyMetricResult>(
  responses: readonly SurveyResponse[],
  metric: SurveyMetric<R>,
  options: TrendOptions,
): TrendBucket<R>[] {
  const acc = new TrendAccumulator(metric, options);
  forEachCollecting(responses, 'responses', (r) => acc.add(r));
  return acc.result();
}
