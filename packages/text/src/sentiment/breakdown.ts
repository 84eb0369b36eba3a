import type { Feedback, Mention } from '@cx/model';
import { CxValidationError, levelOption, parseOptions } from '@cx/model';
import { z } from 'zod';
import { type AspectResult, analyzeAspects } from '../aspects/analyze.js';
import {
  calendarOf,
  type TimeBucket,
  type TimeSeriesOptions,
  timeSeries,
  timeSeriesShape,
} from '../time/series.js';
import {
  SentimentAccumulator,
  type SentimentAccumulatorOptions,
  type SentimentSummary,
} from './accumulator.js';
import { type AnalyzeSentimentOptions, analyzeSentimentSchema } from './score.js';

/**
 * A feedback record (or mention) with its sentiment.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface ScoredFeedback<T extends Feedback | Mention = Feedback> {
  /** The record. */
  readonly record: T;
  /** Its sentiment, overall and per topic. */
  readonly sentiment: AspectResult;
}

/**
 * Scores the sentiment of feedback records or mentions, overall and per topic ({@link analyzeAspects}),
 * using each record's `language` when it has one.
 *
 * @param records - Parsed {@link @cx/model!Feedback} or {@link @cx/model!Mention} records.
 * @param options - Sentiment options; `options.language` applies only to records without a language.
 * @returns The records with their sentiment, in input order.
 * @throws {@link @cx/model!CxValidationError} at `[index, 'language']` for a record with a malformed
 * language tag.
 * @throws {@link @cx/model!CxOptionsError} for bad options (as {@link analyzeSentiment}).
 * @example
 * ```ts
 * import { scoreFeedback } from '@cx/text';
 * const [scored] = scoreFeedback([
 *   { id: 'f1', text: 'Paczka przyszła uszkodzona', source: 'review', createdAt: '2026-03-01T10:00:00Z', properties: {} },
 * ]);
 * console.log(scored?.sentiment.language, scored?.sentiment.label); // 'pl' 'negative'
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export function scoreFeedback<T extends Feedback | Mention>(
  records: readonly T[],
  options?: AnalyzeSentimentOptions,
): ScoredFeedback<T>[] {
  const o = parseOptions(analyzeSentimentSchema, options, 'scoreFeedback');
  return records.map((record, index) => {
    try {
      const language = record.language ?? o.language;
      const sentiment = analyzeAspects(record.text, {
        ...(o as AnalyzeSentimentOptions),
        ...(language === undefined ? {} : { language }),
      });
      return { record, sentiment };
    } catch (error) {
      if (error instanceof CxValidationError) {
        throw new CxValidationError(
          error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
          { cause: error },
        );
      }
      throw error;
    }
  });
}

/**
 * A dimension to break sentiment down by: a record field, or a function returning a group key.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export type SentimentDimension<T extends Feedback | Mention> =
  | 'stageId'
  | 'touchpointId'
  | 'channel'
  | 'source'
  | ((record: T) => string | undefined);

/**
 * One group of a sentiment breakdown.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentGroup {
  /** The group key; `null` collects records without a value (nothing is dropped). */
  readonly key: string | null;
  /** Sentiment of the group. */
  readonly summary: SentimentSummary;
}

/**
 * Breaks sentiment down by journey stage, touchpoint, channel, source or any key.
 *
 * @param items - Scored records (see {@link scoreFeedback}).
 * @param by - The dimension.
 * @param options - Confidence level (`level`).
 * @returns Groups ordered by number of scored texts (descending), then key; the `null` group last.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a level outside (0, 1).
 * @throws {@link @cx/model!CxValidationError} for a malformed sentiment (path `[index, 'sentiment', …]`).
 * @example
 * ```ts
 * import { scoreFeedback, sentimentBreakdown } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Fast delivery, thanks!', source: 'review', createdAt: '2026-03-01T10:00:00Z', stageId: 'delivery', properties: {} },
 *   { id: '2', text: 'Payment failed twice.', source: 'review', createdAt: '2026-03-01T11:00:00Z', stageId: 'purchase', properties: {} },
 * ]);
 * console.log(sentimentBreakdown(scored, 'stageId').map((g) => [g.key, g.summary.net])); // [['delivery', 1], ['purchase', -1]]
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export function sentimentBreakdown<T extends Feedback | Mention>(
  items: readonly ScoredFeedback<T>[],
  by: SentimentDimension<T>,
  options?: SentimentAccumulatorOptions,
): SentimentGroup[] {
  const { level } = parseOptions(levelSchema, options, 'sentimentBreakdown', RENAMED);
  const groups = new Map<string | null, SentimentAccumulator>();
  items.forEach((item, index) => {
    const raw = typeof by === 'function' ? by(item.record) : ownField(item.record, by);
    const key = typeof raw === 'string' ? raw : null;
    let accumulator = groups.get(key);
    if (accumulator === undefined) {
      accumulator = new SentimentAccumulator({ level });
      groups.set(key, accumulator);
    }
    accumulator.add(item.sentiment, [index, 'sentiment']);
  });
  return [...groups]
    .map(([key, accumulator]) => ({ key, summary: accumulator.result() }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
      return b.summary.n - a.summary.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
}

/** A record's own field (never an inherited property). */
function ownField(record: object, field: string): unknown {
  return Object.hasOwn(record, field) ? (record as Record<string, unknown>)[field] : undefined;
}

const levelSchema = z.strictObject({ level: levelOption });
const RENAMED = { renamed: { confidence: 'level' } };
const overTimeSchema = z.strictObject({ ...timeSeriesShape, level: levelOption });

/**
 * One calendar bucket of a sentiment time series.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentBucket extends TimeBucket {
  /** Sentiment of the records created in the bucket. */
  readonly summary: SentimentSummary;
}

/**
 * Options of {@link sentimentOverTime}.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentOverTimeOptions extends TimeSeriesOptions, SentimentAccumulatorOptions {}

/**
 * Sentiment over time in calendar buckets (day, week, month, quarter or year) of an IANA time zone, on the one
 * calendar of `@cx/model`.
 *
 * @param items - Scored records; each record's `createdAt` places it in a bucket.
 * @param options - Interval, time zone, week start, gap filling and confidence level.
 * @returns Buckets in time order; empty buckets between the first and last are included (`n: 0`) unless
 * `fillGaps` is `false`.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, time zone or interval, or a level outside (0, 1).
 * @throws {@link @cx/model!CxValidationError} for a record without a valid `createdAt` (path
 * `[index, 'record', 'createdAt']`).
 * @throws {@link @cx/model!CxLimitError} when the records span more than `maxPeriods` buckets.
 * @example
 * ```ts
 * import { scoreFeedback, sentimentOverTime } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Great app', source: 'review', createdAt: '2026-03-01T23:30:00Z', properties: {} },
 *   { id: '2', text: 'Terrible app', source: 'review', createdAt: '2026-03-02T08:00:00Z', properties: {} },
 * ]);
 * const days = sentimentOverTime(scored, { interval: 'day', timeZone: 'Europe/Warsaw' });
 * console.log(days.map((d) => [d.period, d.summary.n])); // [['2026-03-02', 2]] (00:30 and 09:00 in Warsaw)
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export function sentimentOverTime<T extends Feedback | Mention>(
  items: readonly ScoredFeedback<T>[],
  options: SentimentOverTimeOptions,
): SentimentBucket[] {
  const o = parseOptions(overTimeSchema, options, 'sentimentOverTime', RENAMED);
  return timeSeries(
    items,
    (item) => item.record.createdAt,
    (index) => [index, 'record', 'createdAt'],
    { calendar: calendarOf(o), fillGaps: o.fillGaps, maxPeriods: o.maxPeriods },
    () => new SentimentAccumulator({ level: o.level }),
    (acc, item, index) => acc.add(item.sentiment, [index, 'sentiment']),
    (acc) => acc.result(),
  ).map(({ value, ...bucket }) => ({ ...bucket, summary: value }));
}
