import type { Feedback, Mention } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { type AspectResult, analyzeAspects } from '../aspects/analyze.js';
import { bucketer, instantMs, type TimeBucketOptions } from '../time/buckets.js';
import { SentimentAggregator, type SentimentAggregatorOptions, type SentimentSummary } from './aggregator.js';
import type { AnalyzeSentimentOptions } from './score.js';

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
  options: AnalyzeSentimentOptions = {},
): ScoredFeedback<T>[] {
  return records.map((record, index) => {
    try {
      const sentiment = analyzeAspects(record.text, {
        ...options,
        language: record.language ?? options.language,
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
 * @param options - Confidence level.
 * @returns Groups ordered by number of scored texts (descending), then key; the `null` group last.
 * @throws {@link @cx/model!CxValidationError} for a bad confidence level or a malformed sentiment.
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
  options: SentimentAggregatorOptions = {},
): SentimentGroup[] {
  const groups = new Map<string | null, SentimentAggregator>();
  new SentimentAggregator(options);
  items.forEach((item, index) => {
    const raw = typeof by === 'function' ? by(item.record) : item.record[by];
    const key = typeof raw === 'string' ? raw : null;
    let aggregator = groups.get(key);
    if (aggregator === undefined) {
      aggregator = new SentimentAggregator(options);
      groups.set(key, aggregator);
    }
    aggregator.add(item.sentiment, [index, 'sentiment']);
  });
  return [...groups]
    .map(([key, aggregator]) => ({ key, summary: aggregator.result() }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) return a.key === null ? (b.key === null ? 0 : 1) : -1;
      return b.summary.n - a.summary.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
}

/**
 * One calendar bucket of a sentiment time series.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentBucket {
  /** UTC instant at which the bucket starts (local midnight in the time zone). */
  readonly start: string;
  /** Local calendar date of the start, `YYYY-MM-DD`. */
  readonly date: string;
  /** Sentiment of the records created in the bucket. */
  readonly summary: SentimentSummary;
}

/**
 * Options of {@link sentimentOverTime}.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentOverTimeOptions extends TimeBucketOptions, SentimentAggregatorOptions {}

/**
 * Sentiment over time in calendar buckets (day, week or month) of an IANA time zone.
 *
 * @param items - Scored records; each record's `createdAt` places it in a bucket.
 * @param options - Interval, time zone, week start, gap filling and confidence level.
 * @returns Buckets in time order; empty buckets between the first and last are included (`n: 0`) unless
 * `fillGaps` is `false`.
 * @throws {@link @cx/model!CxValidationError} for an unknown time zone or interval, a bad confidence
 * level, or a record without a valid `createdAt` (path `[index, 'record', 'createdAt']`).
 * @example
 * ```ts
 * import { scoreFeedback, sentimentOverTime } from '@cx/text';
 * const scored = scoreFeedback([
 *   { id: '1', text: 'Great app', source: 'review', createdAt: '2026-03-01T23:30:00Z', properties: {} },
 *   { id: '2', text: 'Terrible app', source: 'review', createdAt: '2026-03-02T08:00:00Z', properties: {} },
 * ]);
 * const days = sentimentOverTime(scored, { interval: 'day', timeZone: 'Europe/Warsaw' });
 * console.log(days.map((d) => [d.date, d.summary.n])); // [['2026-03-02', 2]] (00:30 and 09:00 in Warsaw)
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export function sentimentOverTime<T extends Feedback | Mention>(
  items: readonly ScoredFeedback<T>[],
  options: SentimentOverTimeOptions,
): SentimentBucket[] {
  const buckets = bucketer(options);
  new SentimentAggregator(options);
  const groups = new Map<number, { key: ReturnType<typeof buckets.of>; aggregator: SentimentAggregator }>();
  items.forEach((item, index) => {
    const key = buckets.of(instantMs(item.record.createdAt, [index, 'record', 'createdAt']));
    let group = groups.get(key.ms);
    if (group === undefined) {
      group = { key, aggregator: new SentimentAggregator(options) };
      groups.set(key.ms, group);
    }
    group.aggregator.add(item.sentiment, [index, 'sentiment']);
  });
  const sorted = [...groups.values()].sort((a, b) => a.key.ms - b.key.ms);
  const out: SentimentBucket[] = [];
  for (const group of sorted) {
    const previous = out.at(-1);
    if (previous !== undefined && options.fillGaps !== false) {
      let gap = buckets.next({ start: previous.start, date: previous.date, ms: Date.parse(previous.start) });
      while (gap.ms < group.key.ms) {
        out.push({ start: gap.start, date: gap.date, summary: new SentimentAggregator(options).result() });
        gap = buckets.next(gap);
      }
    }
    out.push({ start: group.key.start, date: group.key.date, summary: group.aggregator.result() });
  }
  return out;
}
