import type { Feedback, Mention } from '@cx/model';
import { levelOption, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { ScoredFeedback, SentimentDimension } from '../sentiment/breakdown.js';
import {
  calendarOf,
  type TimeBucket,
  type TimeSeriesOptions,
  timeSeries,
  timeSeriesShape,
} from '../time/series.js';
import { AspectAccumulator, type AspectAccumulatorOptions, type AspectSummary } from './accumulator.js';

/**
 * One group of an aspect breakdown.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectGroup {
  /** The group key; `null` collects records without a value. */
  readonly key: string | null;
  /** Sentiment per topic in the group. */
  readonly summary: AspectSummary;
}

/**
 * Sentiment per topic broken down by journey stage, touchpoint, channel, source or any key: "what are
 * customers at the delivery stage unhappy about?".
 *
 * @param items - Scored records (see {@link scoreFeedback}).
 * @param by - The dimension.
 * @param options - Confidence level.
 * @returns Groups ordered by number of scored texts (descending), then key; the `null` group last.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option or a bad level.
 * @throws {@link @cx/model!CxValidationError} for a malformed sentiment (path `[index, 'sentiment', …]`).
 * @example
 * ```ts
 * import { aspectBreakdown, scoreFeedback } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Courier was late again.', source: 'review', createdAt: '2026-03-01T10:00:00Z', stageId: 'delivery', properties: {} },
 *   { id: '2', text: 'The courier was very friendly.', source: 'review', createdAt: '2026-03-02T10:00:00Z', stageId: 'delivery', properties: {} },
 * ]);
 * const [group] = aspectBreakdown(scored, 'stageId');
 * const delivery = group?.summary.topics.find((t) => t.topic === 'delivery');
 * console.log(group?.key, delivery?.share.count, delivery?.sentiment.net); // 'delivery' 2 0
 * ```
 * @category Aspects
 * @since 0.2.0
 */
export function aspectBreakdown<T extends Feedback | Mention>(
  items: readonly ScoredFeedback<T>[],
  by: SentimentDimension<T>,
  options: AspectAccumulatorOptions = {},
): AspectGroup[] {
  const { level } = parseOptions(levelSchema, options, 'aspectBreakdown');
  const groups = new Map<string | null, AspectAccumulator>();
  items.forEach((item, index) => {
    const raw =
      typeof by === 'function'
        ? by(item.record)
        : Object.hasOwn(item.record, by)
          ? (item.record as Record<string, unknown>)[by]
          : undefined;
    const key = typeof raw === 'string' ? raw : null;
    let accumulator = groups.get(key);
    if (accumulator === undefined) {
      accumulator = new AspectAccumulator({ level });
      groups.set(key, accumulator);
    }
    accumulator.add(item.sentiment, [index, 'sentiment']);
  });
  return [...groups]
    .map(([key, accumulator]) => ({ key, summary: accumulator.result() }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
      return b.summary.texts - a.summary.texts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
}

/**
 * One calendar bucket of {@link aspectsOverTime}.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectBucket extends TimeBucket {
  /** Sentiment per topic of the records created in the bucket. */
  readonly summary: AspectSummary;
}

/**
 * Options of {@link aspectsOverTime}.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectsOverTimeOptions extends TimeSeriesOptions, AspectAccumulatorOptions {}

const levelSchema = z.strictObject({ level: levelOption });
const overTimeSchema = z.strictObject({ ...timeSeriesShape, level: levelOption });

/**
 * Sentiment per topic in calendar buckets (day, week or month) of an IANA time zone.
 *
 * @param items - Scored records; each record's `createdAt` places it in a bucket.
 * @param options - Interval, time zone, week start, gap filling and confidence level.
 * @returns Buckets in time order, each with its {@link AspectSummary}.
 * @throws {@link @cx/model!CxOptionsError} for an unknown option, time zone or interval, or a bad level.
 * @throws {@link @cx/model!CxValidationError} for a record without a valid `createdAt` (path
 * `[index, 'record', 'createdAt']`).
 * @throws {@link @cx/model!CxLimitError} when the records span more than `maxPeriods` buckets.
 * @example
 * ```ts
 * import { aspectsOverTime, scoreFeedback } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Refund still missing.', source: 'review', createdAt: '2026-03-02T10:00:00Z', properties: {} },
 *   { id: '2', text: 'Refund arrived fast, thanks!', source: 'review', createdAt: '2026-03-10T10:00:00Z', properties: {} },
 * ]);
 * const weeks = aspectsOverTime(scored, { interval: 'week' });
 * console.log(weeks.map((w) => [w.period, w.summary.topics.find((t) => t.topic === 'returns')?.sentiment.net]));
 * // [['2026-03-02', -1], ['2026-03-09', 1]]
 * ```
 * @category Aspects
 * @since 0.2.0
 */
export function aspectsOverTime<T extends Feedback | Mention>(
  items: readonly ScoredFeedback<T>[],
  options: AspectsOverTimeOptions,
): AspectBucket[] {
  const o = parseOptions(overTimeSchema, options, 'aspectsOverTime');
  return timeSeries(
    items,
    (item) => item.record.createdAt,
    (index) => [index, 'record', 'createdAt'],
    { calendar: calendarOf(o), fillGaps: o.fillGaps, maxPeriods: o.maxPeriods },
    () => new AspectAccumulator({ level: o.level }),
    (acc, item, index) => acc.add(item.sentiment, [index, 'sentiment']),
    (acc) => acc.result(),
  ).map(({ value, ...bucket }) => ({ ...bucket, summary: value }));
}
