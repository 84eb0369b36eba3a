import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  type Calendar,
  type CalendarInterval,
  CxValidationError,
  createCalendar,
  epochMsToInstant,
  type Instant,
  type IssuePath,
  instantIssue,
  instantToEpochMs,
  instantToEpochMsOrNaN,
  intervalOption,
  levelOption,
  maxPeriodsOption,
  parseOptions,
  type SurveyResponse,
  timeZoneOption,
  type WeekStartsOn,
  weekStartsOnOption,
} from '@cx/model';
import { z } from 'zod';
import { deepFreeze } from '../stats/freeze.js';
import { restoreSnapshot } from '../stats/snapshot.js';
import type { MetricChange } from './change.js';
import { forEachCollecting } from './collect.js';
import {
  metricOf,
  type SurveyMetric,
  type SurveyMetricAccumulator,
  type SurveyMetricResult,
} from './metric.js';
import { checkMetric, metricSpecSchema, type SurveyMetricSpec, specOf } from './metric-spec.js';
import { minNOption } from './options.js';
import { PeriodIndex } from './period-index.js';
import { type TallyState, tallyStateSchema } from './tally.js';

/**
 * Options of {@link trend} and {@link TrendAccumulator}: the calendar (`interval`, `timeZone`, `weekStartsOn`, the
 * same options with the same defaults as every calendar of the library), the bound on the span, and the tests.
 *
 * @example
 * ```ts
 * import type { TrendOptions } from '@cx/metrics';
 * const options: TrendOptions = { interval: 'month', timeZone: 'Europe/Warsaw', level: 0.9 };
 * console.log(options.interval); // 'month'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface TrendOptions {
  /** Bucket length: `day`, `week`, `month`, `quarter` or `year`. Required. */
  readonly interval: CalendarInterval;
  /** IANA time zone of the calendar, e.g. `Europe/Berlin`; default `UTC`. */
  readonly timeZone?: string | undefined;
  /** First day of a week bucket, 0 = Sunday … 6; default 1 (Monday, ISO 8601). */
  readonly weekStartsOn?: WeekStartsOn | undefined;
  /** Buckets with fewer responses are flagged `smallSample`; a whole number ≥ 0, default 30. */
  readonly minN?: number | undefined;
  /** Confidence level of the change tests (significant when p < 1 − level); default 0.95. */
  readonly level?: number | undefined;
  /** Emit empty buckets between the first and the last (with `n: 0` and a `null` score); default true. */
  readonly fillGaps?: boolean | undefined;
  /**
   * With `fillGaps`, the most buckets the series may span from its first to its last response; default 10,000
   * (`DEFAULT_MAX_PERIODS` of `@cx/model`). A response beyond it is a `CxLimitError` naming the response.
   */
  readonly maxPeriods?: number | undefined;
}

/**
 * One bucket of a trend: the calendar period and the metric in it.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { TrendAccumulator, npsMetric, type NpsResult, type TrendBucket } from '@cx/metrics';
 * const acc = new TrendAccumulator(npsMetric(), { interval: 'quarter' }).addAt(Date.UTC(2026, 4, 1), 9);
 * const [bucket]: TrendBucket<NpsResult>[] = acc.result();
 * console.log(bucket?.period, bucket?.label, bucket?.start); // '2026-Q2' 'Q2 2026' '2026-04-01T00:00:00.000Z'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export interface TrendBucket<R extends SurveyMetricResult> {
  /** The period's key in the zone: `2026-03-29` (day; a week by its first day), `2026-03`, `2026-Q1`, `2026`. */
  readonly period: string;
  /** A short English label: `29 Mar 2026`, `Week of 23 Mar 2026`, `Mar 2026`, `Q1 2026`, `2026`. */
  readonly label: string;
  /** First instant of the bucket (local midnight in the zone). */
  readonly start: Instant;
  /** First instant after the bucket. */
  readonly end: Instant;
  /** Responses in the bucket. */
  readonly n: number;
  /** The metric for the bucket. */
  readonly result: R;
  /** Whether n < minN. */
  readonly smallSample: boolean;
  /** Two-sided test of the change from the previous bucket; `null` for the first bucket. */
  readonly change: MetricChange | null;
}

const trendOptionsShape = {
  interval: intervalOption,
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
  minN: minNOption,
  level: levelOption,
  fillGaps: z.boolean().default(true),
  maxPeriods: maxPeriodsOption,
};
const trendOptionsSchema = z.strictObject(trendOptionsShape);
const snapshotOptionsSchema = z.strictObject({ ...trendOptionsShape, metric: metricSpecSchema });
const snapshotStateSchema = z.strictObject({
  buckets: z.array(z.strictObject({ index: z.number().int().min(-1e9).max(1e9), state: tallyStateSchema })),
});
/**
 * The options of a {@link TrendAccumulator} with every default filled in and its metric as data, as its `options`
 * and snapshots hold them.
 *
 * @example
 * ```ts
 * import { TrendAccumulator, npsMetric, type ResolvedTrendOptions } from '@cx/metrics';
 * const options: ResolvedTrendOptions = new TrendAccumulator(npsMetric(), { interval: 'week' }).options;
 * console.log(options.weekStartsOn, options.maxPeriods); // 1 10000
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export interface ResolvedTrendOptions {
  /** Bucket length. */
  readonly interval: CalendarInterval;
  /** IANA time zone of the calendar. */
  readonly timeZone: string;
  /** First day of a week bucket. */
  readonly weekStartsOn: WeekStartsOn;
  /** The small-sample threshold. */
  readonly minN: number;
  /** Confidence level of the change tests. */
  readonly level: number;
  /** Whether empty buckets between the first and the last are emitted. */
  readonly fillGaps: boolean;
  /** The bound on the span, in periods. */
  readonly maxPeriods: number;
  /** The metric. */
  readonly metric: SurveyMetricSpec;
}

type ResolvedOptions = ResolvedTrendOptions;

/** Renamed options: `period` → `interval` (one word for calendar buckets), `confidence` → `level`. */
const TREND_RENAMED = { period: 'interval', confidence: 'level' } as const;

/** The instants the one grammar reads: 0000-01-01 to 9999-12-31 (from the grammar, not copied). */
const MIN_MS = instantToEpochMs('0000-01-01T00:00:00Z');
const MAX_MS = instantToEpochMs('9999-12-31T23:59:59.999Z');

/**
 * The snapshot of a {@link TrendAccumulator}: its options (with the metric's name and options) and one tally per
 * period, by the calendar's absolute period number (`Calendar.indexOf`).
 *
 * @example
 * ```ts
 * import { TrendAccumulator, npsMetric, type TrendSnapshot } from '@cx/metrics';
 * const snapshot: TrendSnapshot = new TrendAccumulator(npsMetric(), { interval: 'year' }).addAt(0, 9).snapshot();
 * console.log(snapshot.state.buckets[0]?.index); // 1970
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type TrendSnapshot = AccumulatorSnapshot<
  'trend',
  ResolvedTrendOptions,
  { readonly buckets: ReadonlyArray<{ readonly index: number; readonly state: TallyState }> }
>;

/**
 * Mergeable trend: one metric accumulator per calendar period; `add` responses, `merge` partials, save and restore
 * them as JSON, read the `result`. Work is bounded by the input: with `fillGaps`, a response that would stretch the
 * series beyond `maxPeriods` periods is refused with a `CxLimitError`.
 *
 * @typeParam R - The metric's result.
 * @example
 * ```ts
 * import { TrendAccumulator, npsMetric } from '@cx/metrics';
 * const acc = new TrendAccumulator(npsMetric(), { interval: 'month', timeZone: 'America/New_York' });
 * acc.addAt(Date.UTC(2026, 2, 1, 3), 10); // still 28 February in New York
 * acc.addAt(Date.UTC(2026, 2, 15, 12), 0);
 * console.log(acc.result().map((b) => [b.period, b.result.score])); // [['2026-02', 100], ['2026-03', -100]]
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export class TrendAccumulator<R extends SurveyMetricResult>
  implements Accumulator<SurveyResponse, TrendBucket<R>[], TrendSnapshot>
{
  readonly #metric: SurveyMetric<R>;
  readonly #options: ResolvedOptions;
  readonly #calendar: Calendar;
  readonly #buckets = new Map<number, SurveyMetricAccumulator<R>>();
  #first = Number.POSITIVE_INFINITY;
  #last = Number.NEGATIVE_INFINITY;
  readonly #periods: PeriodIndex;

  /**
   * Creates an empty trend.
   *
   * @param metric - The metric, e.g. `npsMetric()`.
   * @param options - Interval, time zone, week start, small-sample threshold, level, gap filling and span bound.
   * @throws {@link @cx/model!CxOptionsError} when an option is unknown (`period` is now `interval`), missing or out
   *   of range, or `metric` was not made by `npsMetric`, `csatMetric` or `cesMetric`.
   */
  constructor(metric: SurveyMetric<R>, options: TrendOptions) {
    const o = parseOptions(trendOptionsSchema, options, 'TrendAccumulator', { renamed: TREND_RENAMED });
    this.#metric = checkMetric(metric, 'TrendAccumulator');
    this.#options = deepFreeze({ ...o, metric: specOf(metric) });
    this.#calendar = createCalendar({
      interval: o.interval,
      timeZone: o.timeZone,
      weekStartsOn: o.weekStartsOn,
    });
    this.#periods = new PeriodIndex(this.#calendar);
  }

  /** The resolved options, with the metric's name and options. */
  get options(): ResolvedOptions {
    return this.#options;
  }

  /** Throws when a series from period `first` to `last` would exceed `maxPeriods` (with gaps filled). */
  #checkSpan(first: number, last: number, path: IssuePath): void {
    if (!this.#options.fillGaps || last - first + 1 <= this.#options.maxPeriods) return;
    this.#calendar.checkSpan(this.#calendar.startOfIndex(first), this.#calendar.startOfIndex(last), {
      maxPeriods: this.#options.maxPeriods,
      path,
      what: 'The trend',
    });
  }

  /**
   * A new, empty accumulator for period `index` (that of the last lookup), after checking that its bounds are
   * instants and that the series stays within `maxPeriods`; the caller adds to it, then {@link #insert}s it.
   *
   * @param index - The period number.
   * @param ms - The instant that asked for it.
   * @param field - The field that held it, for the errors (`respondedAt` or `epochMs`).
   * @param at - Where the record is, for the limit error (`trend` passes `['responses', i]`).
   */
  #fresh(index: number, ms: number, field: string, at: IssuePath): SurveyMetricAccumulator<R> {
    if (this.#periods.start < MIN_MS || this.#periods.end > MAX_MS) {
      throw new CxValidationError([
        {
          path: [field],
          code: 'out_of_range',
          message: `The ${this.#options.interval} of ${new Date(ms).toISOString()} reaches beyond 0000-01-01T00:00:00Z…9999-12-31T23:59:59.999Z, the instants the library can write`,
        },
      ]);
    }
    this.#checkSpan(Math.min(this.#first, index), Math.max(this.#last, index), [...at, field]);
    return this.#metric.create();
  }

  #insert(index: number, acc: SurveyMetricAccumulator<R>): this {
    this.#buckets.set(index, acc);
    if (index < this.#first) this.#first = index;
    if (index > this.#last) this.#last = index;
    return this;
  }

  /**
   * Adds a response to the period of its `respondedAt`.
   *
   * @param response - A survey response.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the timestamp, scale, score or weight is invalid (nothing is
   *   added).
   * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) when the response would stretch the series beyond
   *   `maxPeriods`.
   */
  add(response: SurveyResponse): this {
    return this.addResponseAt(response, []);
  }

  /**
   * Adds a response; `at` prefixes the path of a limit error (`trend` names the response's index).
   *
   * @internal
   */
  addResponseAt(response: SurveyResponse, at: IssuePath): this {
    const at_ = typeof response === 'object' && response !== null ? response.respondedAt : undefined;
    const ms = instantToEpochMsOrNaN(at_ as string);
    if (Number.isNaN(ms)) {
      const issue = instantIssue(at_, { path: ['respondedAt'] });
      throw new CxValidationError([
        issue ?? { path: ['respondedAt'], code: 'invalid_instant', message: 'Expected an instant' },
      ]);
    }
    const index = this.#periods.lookup(ms);
    const existing = this.#buckets.get(index);
    if (existing !== undefined) {
      existing.addResponse(response);
      return this;
    }
    return this.#insert(index, this.#fresh(index, ms, 'respondedAt', at).addResponse(response));
  }

  /**
   * Adds a raw score at an instant (fast path for columnar data).
   *
   * @param epochMs - The instant in epoch milliseconds, a whole number between years 0000 and 9999 whose period
   *   also lies within those years.
   * @param score - The score.
   * @param weight - A positive finite weight; default 1.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the instant, score or weight is invalid (nothing is added).
   * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) when the instant would stretch the series beyond
   *   `maxPeriods`.
   */
  addAt(epochMs: number, score: number, weight = 1): this {
    if (!(Number.isInteger(epochMs) && epochMs >= MIN_MS && epochMs <= MAX_MS)) {
      throw new CxValidationError([
        {
          path: ['epochMs'],
          message: `Expected whole epoch milliseconds between years 0000 and 9999, got ${epochMs}`,
          code: 'invalid_instant',
        },
      ]);
    }
    const index = this.#periods.lookup(epochMs);
    const existing = this.#buckets.get(index);
    if (existing !== undefined) {
      existing.add(score, weight);
      return this;
    }
    return this.#insert(index, this.#fresh(index, epochMs, 'epochMs', []).add(score, weight));
  }

  /**
   * Merges another trend of the same metric and options.
   *
   * @param other - Another trend accumulator.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the metric or options differ, or
   *   {@link @cx/model!CxLimitError} when the merged series would exceed `maxPeriods`; this one is unchanged.
   */
  merge(other: this): this {
    assertSameOptions(
      'TrendAccumulator',
      this.#options,
      other instanceof TrendAccumulator ? other.#options : other,
    );
    if (other.#buckets.size === 0) return this;
    const first = Math.min(this.#first, other.#first);
    const last = Math.max(this.#last, other.#last);
    this.#checkSpan(first, last, []);
    for (const [index, acc] of other.#buckets) {
      const mine = this.#buckets.get(index);
      if (mine === undefined) this.#buckets.set(index, this.#metric.create().merge(acc));
      else mine.merge(acc);
    }
    this.#first = first;
    this.#last = last;
    return this;
  }

  /**
   * The buckets in time order, each with n, the metric, a small-sample flag and the change test against the
   * previous bucket.
   *
   * @returns The buckets (empty when nothing was added).
   */
  result(): TrendBucket<R>[] {
    const { level, minN, fillGaps } = this.#options;
    const indices = fillGaps
      ? Array.from(
          { length: this.#buckets.size === 0 ? 0 : this.#last - this.#first + 1 },
          (_, i) => this.#first + i,
        )
      : [...this.#buckets.keys()].sort((a, b) => a - b);
    const out: TrendBucket<R>[] = [];
    const empty = this.#metric.create();
    let previous: R | null = null;
    for (const index of indices) {
      const acc = this.#buckets.get(index) ?? empty;
      const result = acc.result();
      const period = this.#calendar.periodOfIndex(index);
      out.push({
        period: period.key,
        label: this.#calendar.labelOfIndex(index),
        start: epochMsToInstant(period.start),
        end: epochMsToInstant(period.end),
        n: acc.n,
        result,
        smallSample: acc.n < minN,
        change: previous === null ? null : this.#metric.change(result, previous, level),
      });
      previous = result;
    }
    return out;
  }

  /**
   * The state as plain JSON: options (with the metric) and one tally per period. Restore it with
   * {@link TrendAccumulator.restore}.
   *
   * @returns The snapshot.
   */
  snapshot(): TrendSnapshot {
    const buckets = [...this.#buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, acc]) => ({ index, state: acc.snapshot().state }));
    return { kind: 'trend', version: 1, options: this.#options, state: { buckets } };
  }

  /**
   * Restores a trend from its {@link TrendAccumulator.snapshot}.
   *
   * @param snapshot - The snapshot.
   * @returns A new accumulator with the snapshot's metric, options and periods.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another kind,
   *   lists a period twice, spans more than `maxPeriods`, or holds an inconsistent tally.
   */
  static restore(snapshot: unknown): TrendAccumulator<SurveyMetricResult> {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'trend',
        version: 1,
        subject: 'TrendAccumulator',
        options: snapshotOptionsSchema,
        state: snapshotStateSchema,
      },
      (options, state) => {
        const metric = metricOf(options.metric);
        const { metric: _, ...rest } = options;
        const acc = new TrendAccumulator(metric, rest);
        state.buckets.forEach((bucket, i) => {
          if (acc.#buckets.has(bucket.index)) {
            throw new CxValidationError([
              {
                path: ['state', 'buckets', i, 'index'],
                code: 'invalid_snapshot',
                message: `Period ${bucket.index} is listed twice`,
              },
            ]);
          }
          const outside = (cause?: unknown): never => {
            throw new CxValidationError(
              [
                {
                  path: ['state', 'buckets', i, 'index'],
                  code: 'invalid_snapshot',
                  message: `Period ${bucket.index} lies outside the years 0000–9999`,
                },
              ],
              cause === undefined ? {} : { cause },
            );
          };
          let start = Number.NaN;
          let end = Number.NaN;
          try {
            start = acc.#calendar.startOfIndex(bucket.index);
            end = acc.#calendar.startOfIndex(bucket.index + 1);
          } catch (error) {
            // Beyond the periods a Date holds: the calendar refuses the number itself.
            if (error instanceof CxValidationError) outside(error);
            throw error;
          }
          if (!(start >= MIN_MS && end <= MAX_MS)) outside();
          acc.#checkSpan(Math.min(acc.#first, bucket.index), Math.max(acc.#last, bucket.index), [
            'state',
            'buckets',
            i,
          ]);
          const envelope = { kind: metric.name, version: 1, options: metric.options, state: bucket.state };
          acc.#buckets.set(bucket.index, metric.restore(envelope));
          acc.#first = Math.min(acc.#first, bucket.index);
          acc.#last = Math.max(acc.#last, bucket.index);
        });
        return acc;
      },
    );
  }
}

/**
 * A survey metric over time, by day, week, month, quarter or year in an IANA time zone (DST-correct), each bucket
 * with n, its interval, a small-sample flag and whether the change from the previous bucket is significant.
 *
 * @param responses - Survey responses (one scale).
 * @param metric - The metric, e.g. `npsMetric()`.
 * @param options - `interval` (required), time zone, week start, small-sample threshold, `level`, gap filling and
 *   `maxPeriods`.
 * @returns The buckets in time order (empty for no responses).
 * @throws {@link @cx/model!CxValidationError} naming every invalid response, e.g. `['responses', 2, 'respondedAt']`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown or renamed option (`period` → `interval`, `confidence` →
 *   `level`), `null` options or a value out of range.
 * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) naming the first response that stretches the series
 *   beyond `maxPeriods` (e.g. a typo in year 9999 among responses of 2024, by day).
 * @example
 * ```ts
 * import { trend, csatMetric } from '@cx/metrics';
 * const scale = { min: 1, max: 5, direction: 'higher-is-better', integral: true } as const;
 * const rs = ['2026-01-10T10:00:00Z', '2026-02-10T10:00:00Z'].map((respondedAt, i) => ({
 *   id: `r${i}`, surveyId: 's', metric: 'csat', scale, score: 5, respondedAt, weight: 1, properties: {},
 * } as const));
 * console.log(trend(rs, csatMetric(), { interval: 'month', timeZone: 'Europe/Berlin' }).map((b) => b.period));
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
  const acc = new TrendAccumulator(parseMetric(metric), parseTrendOptions(options));
  forEachCollecting(responses, 'responses', (r, i) => acc.addResponseAt(r, ['responses', i]));
  return acc.result();
}

function parseMetric<R extends SurveyMetricResult>(metric: SurveyMetric<R>): SurveyMetric<R> {
  return checkMetric(metric, 'trend');
}

function parseTrendOptions(options: TrendOptions): TrendOptions {
  return parseOptions(trendOptionsSchema, options, 'trend', { renamed: TREND_RENAMED });
}
