import {
  type Accumulator,
  type AccumulatorSnapshot,
  assertSameOptions,
  CxValidationError,
  levelOption,
  parseOptions,
} from '@cx/model';
import { type Proportion, proportion } from '@cx/stats';
import { z } from 'zod';
import type { SentimentLabel } from './score.js';

/**
 * What a {@link SentimentAccumulator} needs of one scored text (a {@link SentimentResult} fits).
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentObservation {
  /** The label, or `null` for a text that could not be scored (counted as `unscored`). */
  readonly label: SentimentLabel | null;
  /** The compound score in [−1, 1], or `null` exactly when `label` is `null`. */
  readonly score: number | null;
}

/**
 * Sentiment of a set of texts: label shares with Wilson intervals, net sentiment and mean score.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentSummary {
  /** Number of scored texts (the denominator of every share). */
  readonly n: number;
  /** Number of texts that could not be scored (empty, unknown or unsupported language). */
  readonly unscored: number;
  /** Share of positive texts with its Wilson interval. */
  readonly positive: Proportion;
  /** Share of neutral texts with its Wilson interval. */
  readonly neutral: Proportion;
  /** Share of negative texts with its Wilson interval. */
  readonly negative: Proportion;
  /** Net sentiment `(positive − negative) / n` in [−1, 1], or `null` when `n` is 0. */
  readonly net: number | null;
  /** Mean compound score of the scored texts, or `null` when `n` is 0. */
  readonly meanScore: number | null;
  /** Confidence level of the intervals. */
  readonly level: number;
}

/**
 * Options of {@link SentimentAccumulator} and the sentiment breakdowns.
 *
 * @category Sentiment aggregation
 * @since 0.2.0
 */
export interface SentimentAccumulatorOptions {
  /** Confidence level of the Wilson intervals, strictly between 0 and 1 (default 0.95). */
  readonly level?: number;
}

const optionsSchema = z.strictObject({ level: levelOption });
const RENAMED = { renamed: { confidence: 'level' } };

const countsSchema = z.strictObject({
  positive: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  unscored: z.number().int().nonnegative(),
  scoreSum: z.number().finite(),
});

const snapshotSchema = z
  .strictObject({
    kind: z.literal('SentimentAccumulator'),
    version: z.literal(1),
    options: z.strictObject({ level: z.number().gt(0).lt(1) }),
    state: countsSchema,
  })
  .refine((s) => Math.abs(s.state.scoreSum) <= s.state.positive + s.state.neutral + s.state.negative, {
    message: 'Expected |scoreSum| ≤ the number of scored texts (each score is in [-1, 1])',
    path: ['state', 'scoreSum'],
  });

/**
 * The JSON form of a {@link SentimentAccumulator} ({@link SentimentAccumulator.snapshot}).
 *
 * @category Sentiment aggregation
 * @since 0.2.0
 */
export type SentimentAccumulatorSnapshot = AccumulatorSnapshot<
  'SentimentAccumulator',
  { readonly level: number },
  SentimentCounts
>;

/**
 * Mergeable accumulator of sentiment: `add` texts, `merge` partial results (e.g. from shards or days), read
 * the `result`, save and restore the state as JSON. Merging two accumulators gives the same result as adding
 * all texts to one.
 *
 * @example
 * ```ts
 * import { analyzeSentiment, SentimentAccumulator } from '@cx/text';
 * const a = new SentimentAccumulator().add(analyzeSentiment('Great service!', { language: 'en' }));
 * const b = new SentimentAccumulator().add(analyzeSentiment('Kurier się spóźnił.', { language: 'pl' }));
 * const summary = a.merge(b).result();
 * console.log(summary.n, summary.net); // 2 0
 * const copy = SentimentAccumulator.restore(JSON.parse(JSON.stringify(a.snapshot())));
 * console.log(copy.result().n); // 2
 * ```
 * @category Sentiment aggregation
 * @since 0.2.0
 */
export class SentimentAccumulator
  implements Accumulator<SentimentObservation, SentimentSummary, SentimentAccumulatorSnapshot>
{
  #counts: SentimentCounts = { positive: 0, neutral: 0, negative: 0, unscored: 0, scoreSum: 0 };
  readonly #level: number;

  /**
   * Creates an empty accumulator.
   *
   * @param options - Confidence level of the intervals.
   * @throws {@link @cx/model!CxOptionsError} for an unknown option (`confidence` is now `level`), `null`, or a
   * level outside (0, 1).
   */
  constructor(options?: SentimentAccumulatorOptions) {
    this.#level = parseOptions(optionsSchema, options, 'SentimentAccumulator', RENAMED).level;
  }

  /**
   * Adds one scored text; it is checked before anything is counted.
   *
   * @param observation - Its label and score.
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} for an unknown label, a score outside [−1, 1] or a
   * label and score that disagree on being `null`.
   */
  add(observation: SentimentObservation, path: ReadonlyArray<string | number> = []): this {
    checkObservation(observation, path);
    const { label, score } = observation;
    if (label === null || score === null) {
      this.#counts.unscored++;
      return this;
    }
    this.#counts[label]++;
    this.#counts.scoreSum += score;
    return this;
  }

  /**
   * Adds the counts of another accumulator (which is left unchanged).
   *
   * @param other - An accumulator with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the levels differ.
   */
  merge(other: SentimentAccumulator): this {
    assertSameOptions('SentimentAccumulator', { level: this.#level }, { level: other.#level });
    const mine = this.#counts;
    const theirs = other.#counts;
    mine.positive += theirs.positive;
    mine.neutral += theirs.neutral;
    mine.negative += theirs.negative;
    mine.unscored += theirs.unscored;
    mine.scoreSum += theirs.scoreSum;
    return this;
  }

  /**
   * Computes the summary of everything added so far.
   *
   * @returns The summary; with no scored text, `n` is 0 and every share and score is `null`.
   */
  result(): SentimentSummary {
    return summarizeCounts(this.#counts, this.#level);
  }

  /**
   * The state as plain JSON.
   *
   * @returns A snapshot that {@link SentimentAccumulator.restore} reads back.
   */
  snapshot(): SentimentAccumulatorSnapshot {
    return {
      kind: 'SentimentAccumulator',
      version: 1,
      options: { level: this.#level },
      state: { ...this.#counts },
    };
  }

  /**
   * Rebuilds an accumulator from a snapshot, checking it whole.
   *
   * @param snapshot - A snapshot (e.g. parsed from JSON).
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) for a malformed or inconsistent snapshot.
   */
  static restore(snapshot: unknown): SentimentAccumulator {
    const parsed = snapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot' as const,
        })),
        { subject: 'SentimentAccumulator snapshot' },
      );
    }
    const out = new SentimentAccumulator({ level: parsed.data.options.level });
    out.#counts = { ...parsed.data.state };
    return out;
  }
}

/**
 * Checks one sentiment observation: a label and a score in [−1, 1], or both `null`.
 *
 * @throws CxValidationError naming the path of the label or score.
 */
export function checkObservation(
  observation: SentimentObservation,
  path: ReadonlyArray<string | number> = [],
): void {
  const { label, score } = observation;
  if (label === null && score === null) return;
  if (label !== 'positive' && label !== 'neutral' && label !== 'negative') {
    throw new CxValidationError([
      {
        path: [...path, 'label'],
        message: `Expected label positive, neutral, negative or null, got ${JSON.stringify(label)}`,
        code: 'invalid_enum_value',
      },
    ]);
  }
  if (typeof score !== 'number' || !(score >= -1 && score <= 1)) {
    throw new CxValidationError([
      {
        path: [...path, 'score'],
        message: `Expected a score in [-1, 1] for a labelled text, got ${String(score)}`,
        code: 'out_of_range',
      },
    ]);
  }
}

/**
 * Label counts and the score sum of a set of texts (the state of a {@link SentimentAccumulator}).
 *
 * @category Sentiment aggregation
 * @since 0.2.0
 */
export interface SentimentCounts {
  /** Positive texts. */
  positive: number;
  /** Neutral texts. */
  neutral: number;
  /** Negative texts. */
  negative: number;
  /** Texts that could not be scored. */
  unscored: number;
  /** Sum of the compound scores of the scored texts. */
  scoreSum: number;
}

/** The {@link SentimentSummary} of label counts, with Wilson intervals at `level`. */
export function summarizeCounts(counts: SentimentCounts, level: number): SentimentSummary {
  const n = counts.positive + counts.neutral + counts.negative;
  return {
    n,
    unscored: counts.unscored,
    positive: proportion(counts.positive, n, { level }),
    neutral: proportion(counts.neutral, n, { level }),
    negative: proportion(counts.negative, n, { level }),
    net: n === 0 ? null : (counts.positive - counts.negative) / n,
    meanScore: n === 0 ? null : counts.scoreSum / n,
    level,
  };
}
