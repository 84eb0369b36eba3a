import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
  type ValidationIssue,
} from '@cx/model';
import { type Proportion, proportion } from '@cx/stats';
import { z } from 'zod';
import { type SentimentCounts, type SentimentSummary, summarizeCounts } from '../sentiment/accumulator.js';
import type { SentimentLabel } from '../sentiment/score.js';
import { CX_TOPICS, type CxTopic } from './topic-lexicon.js';

/**
 * What an {@link AspectAccumulator} needs of one text (an {@link AspectResult} fits).
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectObservation {
  /** Overall label, or `null` for a text that could not be scored (counted as `unscored`). */
  readonly label: SentimentLabel | null;
  /** The topics of the text with the sentiment toward each. */
  readonly aspects: readonly {
    readonly topic: CxTopic;
    readonly label: SentimentLabel;
    readonly score: number;
  }[];
}

/**
 * Sentiment toward one topic over a set of texts.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface TopicSummary {
  /** The topic. */
  readonly topic: CxTopic;
  /** Texts that speak of the topic over all scored texts, with its Wilson interval. */
  readonly share: Proportion;
  /** Sentiment toward the topic over the texts that speak of it (`n` = those texts). */
  readonly sentiment: SentimentSummary;
}

/**
 * Aspect-based sentiment of a set of texts.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectSummary {
  /** Scored texts (the denominator of every topic share). */
  readonly texts: number;
  /** Texts that could not be scored. */
  readonly unscored: number;
  /** Scored texts that speak of no topic. */
  readonly withoutTopic: number;
  /** One entry per topic, in {@link CX_TOPICS} order, also for topics never mentioned (`share.count` 0). */
  readonly topics: readonly TopicSummary[];
  /** Confidence level of the intervals. */
  readonly level: number;
}

/**
 * Options of {@link AspectAccumulator}.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectAccumulatorOptions {
  /** Confidence level of the Wilson intervals, in (0, 1) (default 0.95). */
  readonly level?: number;
}

const optionsSchema = z.strictObject({ level: levelOption });

const countsSchema = z.strictObject({
  positive: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  unscored: z.literal(0),
  scoreSum: z.number().finite(),
});

const stateShape = {
  texts: z.number().int().nonnegative(),
  unscored: z.number().int().nonnegative(),
  withoutTopic: z.number().int().nonnegative(),
  topics: z.partialRecord(z.enum(CX_TOPICS), countsSchema),
};
const snapshotOptions = z.strictObject({ level: z.number().gt(0).lt(1) });
// Version 1 (0.2) kept the state beside the options; version 2 has the `state` of every accumulator snapshot.
const snapshotSchema = z.union([
  z.strictObject({
    kind: z.literal('AspectAccumulator'),
    version: z.literal(2),
    options: snapshotOptions,
    state: z.strictObject(stateShape),
  }),
  z
    .strictObject({
      kind: z.literal('AspectAccumulator'),
      version: z.literal(1),
      options: snapshotOptions,
      ...stateShape,
    })
    .transform(({ kind, options, texts, unscored, withoutTopic, topics }) => ({
      kind,
      version: 2 as const,
      options,
      state: { texts, unscored, withoutTopic, topics },
    })),
]);

/**
 * The state of an {@link AspectAccumulator}: the `state` of its snapshot.
 *
 * @category Aspects
 * @since 0.3.0
 */
export interface AspectAccumulatorState {
  /** Scored texts. */
  readonly texts: number;
  /** Texts that could not be scored. */
  readonly unscored: number;
  /** Scored texts without a topic. */
  readonly withoutTopic: number;
  /** Label counts and score sums per topic mentioned. */
  readonly topics: Partial<Readonly<Record<CxTopic, SentimentCounts>>>;
}

/**
 * The JSON form of an {@link AspectAccumulator} ({@link AspectAccumulator.snapshot}): version 2, in the shape of
 * every accumulator snapshot (`kind`, `version`, `options`, `state`). {@link AspectAccumulator.restore} also reads
 * the version 1 snapshots of 0.2, whose state stood beside the options.
 *
 * @category Aspects
 * @since 0.2.0
 */
export type AspectAccumulatorSnapshot = AccumulatorSnapshot<
  'AspectAccumulator',
  { readonly level: number },
  AspectAccumulatorState
> & { readonly version: 2 };

const LABELS = new Set(['positive', 'neutral', 'negative']);

/**
 * Mergeable accumulator of aspect-based sentiment: per topic, the share of texts that speak of it (Wilson
 * interval) and the sentiment toward it (label shares with Wilson intervals, net, mean score).
 *
 * @example
 * ```ts
 * import { AspectAccumulator, analyzeAspects } from '@cx/text';
 * const acc = new AspectAccumulator();
 * acc.add(analyzeAspects('Kurier spóźniony, ale obsługa pomocna.', { language: 'pl' }));
 * acc.add(analyzeAspects('Delivery was quick.', { language: 'en' }));
 * const delivery = acc.result().topics.find((t) => t.topic === 'delivery');
 * console.log(delivery?.share.count, delivery?.sentiment.negative.count); // 2 1
 * ```
 * @category Aspects
 * @since 0.2.0
 */
export class AspectAccumulator
  implements Accumulator<AspectObservation, AspectSummary, AspectAccumulatorSnapshot>
{
  readonly #level: number;
  #texts = 0;
  #unscored = 0;
  #withoutTopic = 0;
  readonly #topics = new Map<CxTopic, SentimentCounts>();

  /**
   * Creates an empty accumulator.
   *
   * @param options - Confidence level of the intervals.
   * @throws {@link @cx/model!CxOptionsError} when the level is not in (0, 1) or an option is unknown.
   */
  constructor(options: AspectAccumulatorOptions = {}) {
    this.#level = parseOptions(optionsSchema, options, 'AspectAccumulator').level;
  }

  /**
   * Adds one text; the observation is checked whole before anything is counted.
   *
   * @param observation - Its overall label and its aspects.
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} for an unknown label or topic, a score outside [−1, 1], a
   * topic listed twice, or aspects on an unscored text.
   */
  add(observation: AspectObservation, path: ReadonlyArray<string | number> = []): this {
    const issues: ValidationIssue[] = [];
    const { label, aspects } = observation;
    if (label !== null && !LABELS.has(label)) {
      issues.push({
        path: [...path, 'label'],
        message: `Expected a sentiment label or null, got ${String(label)}`,
        code: 'invalid_value',
      });
    }
    if (label === null && aspects.length > 0) {
      issues.push({
        path: [...path, 'aspects'],
        message: 'Expected no aspects on an unscored text',
        code: 'invalid_value',
      });
    }
    const seen = new Set<string>();
    aspects.forEach((a, i) => {
      if (!(CX_TOPICS as readonly string[]).includes(a.topic) || seen.has(a.topic)) {
        issues.push({
          path: [...path, 'aspects', i, 'topic'],
          message: `Expected a topic of CX_TOPICS once per text, got ${String(a.topic)}`,
          code: 'invalid_value',
        });
      }
      seen.add(a.topic);
      if (!LABELS.has(a.label)) {
        issues.push({
          path: [...path, 'aspects', i, 'label'],
          message: `Expected a sentiment label, got ${String(a.label)}`,
          code: 'invalid_value',
        });
      }
      if (typeof a.score !== 'number' || !(a.score >= -1 && a.score <= 1)) {
        issues.push({
          path: [...path, 'aspects', i, 'score'],
          message: `Expected a score in [-1, 1], got ${String(a.score)}`,
          code: 'out_of_range',
        });
      }
    });
    if (issues.length > 0) throw new CxValidationError(issues);
    if (label === null) {
      this.#unscored++;
      return this;
    }
    this.#texts++;
    if (aspects.length === 0) this.#withoutTopic++;
    for (const a of aspects) {
      const counts = this.#counts(a.topic);
      counts[a.label]++;
      counts.scoreSum += a.score;
    }
    return this;
  }

  /**
   * Adds the counts of another accumulator (left unchanged): the result equals adding every text here.
   *
   * @param other - An accumulator with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} with code `options_mismatch` when the levels differ.
   */
  merge(other: AspectAccumulator): this {
    assertSameOptions('AspectAccumulator', { level: this.#level }, { level: other.#level });
    this.#texts += other.#texts;
    this.#unscored += other.#unscored;
    this.#withoutTopic += other.#withoutTopic;
    for (const [topic, theirs] of other.#topics) {
      const counts = this.#counts(topic);
      counts.positive += theirs.positive;
      counts.neutral += theirs.neutral;
      counts.negative += theirs.negative;
      counts.scoreSum += theirs.scoreSum;
    }
    return this;
  }

  /**
   * Summarises everything added so far.
   *
   * @returns Per topic: share of texts and sentiment, with intervals; `null` values when nothing was added.
   */
  result(): AspectSummary {
    return {
      texts: this.#texts,
      unscored: this.#unscored,
      withoutTopic: this.#withoutTopic,
      topics: CX_TOPICS.map((topic) => {
        const counts = this.#topics.get(topic) ?? {
          positive: 0,
          neutral: 0,
          negative: 0,
          unscored: 0,
          scoreSum: 0,
        };
        const mentioned = counts.positive + counts.neutral + counts.negative;
        return {
          topic,
          share: proportion(mentioned, this.#texts, { level: this.#level }),
          sentiment: summarizeCounts(counts, this.#level),
        };
      }),
      level: this.#level,
    };
  }

  /**
   * The accumulator's state as plain JSON, for storage or sending to another worker.
   *
   * @returns A snapshot that {@link AspectAccumulator.restore} turns back into an equal accumulator.
   */
  snapshot(): AspectAccumulatorSnapshot {
    const topics: Partial<Record<CxTopic, SentimentCounts>> = {};
    for (const [topic, counts] of this.#topics) topics[topic] = { ...counts };
    return {
      kind: 'AspectAccumulator',
      version: 2,
      options: { level: this.#level },
      state: { texts: this.#texts, unscored: this.#unscored, withoutTopic: this.#withoutTopic, topics },
    };
  }

  /**
   * Rebuilds an accumulator from a {@link AspectAccumulator.snapshot}, checking it whole.
   *
   * @param snapshot - A snapshot (e.g. parsed from JSON).
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} when the snapshot is malformed or inconsistent.
   */
  static restore(snapshot: unknown): AspectAccumulator {
    const parsed = snapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot',
        })),
        { subject: 'AspectAccumulator snapshot' },
      );
    }
    const { options, state: data } = parsed.data;
    const out = new AspectAccumulator({ level: options.level });
    out.#texts = data.texts;
    out.#unscored = data.unscored;
    out.#withoutTopic = data.withoutTopic;
    for (const [topic, counts] of Object.entries(data.topics) as [CxTopic, SentimentCounts][]) {
      if (counts.positive + counts.neutral + counts.negative > data.texts) {
        throw new CxValidationError(
          [
            {
              path: ['state', 'topics', topic],
              message: 'Expected no more mentions of a topic than texts',
              code: 'invalid_snapshot',
            },
          ],
          { subject: 'AspectAccumulator snapshot' },
        );
      }
      out.#topics.set(topic, { ...counts });
    }
    return out;
  }

  #counts(topic: CxTopic): SentimentCounts {
    let counts = this.#topics.get(topic);
    if (counts === undefined) {
      counts = { positive: 0, neutral: 0, negative: 0, unscored: 0, scoreSum: 0 };
      this.#topics.set(topic, counts);
    }
    return counts;
  }
}
