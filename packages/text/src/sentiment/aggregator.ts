import { CxValidationError } from '@cx/model';
import { type Proportion, wilson, zFor } from '../stats/wilson.js';
import type { SentimentLabel } from './score.js';

/**
 * What a {@link SentimentAggregator} needs of one scored text (a {@link SentimentResult} fits).
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
  readonly confidence: number;
}

/**
 * Options of {@link SentimentAggregator} and the sentiment breakdowns.
 *
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export interface SentimentAggregatorOptions {
  /** Confidence level of the Wilson intervals (default 0.95). */
  readonly confidence?: number;
}

/**
 * Mergeable accumulator of sentiment: `add` texts, `merge` partial aggregates (e.g. from shards or
 * days), read the `result`. Merging two aggregators gives the same result as adding all texts to one.
 *
 * @example
 * ```ts
 * import { analyzeSentiment, SentimentAggregator } from '@cx/text';
 * const a = new SentimentAggregator().add(analyzeSentiment('Great service!', { language: 'en' }));
 * const b = new SentimentAggregator().add(analyzeSentiment('Kurier się spóźnił.', { language: 'pl' }));
 * const summary = a.merge(b).result();
 * console.log(summary.n, summary.net); // 2 0
 * ```
 * @category Sentiment aggregation
 * @since 0.1.0
 */
export class SentimentAggregator {
  #positive = 0;
  #neutral = 0;
  #negative = 0;
  #unscored = 0;
  #scoreSum = 0;
  readonly #confidence: number;
  readonly #z: number;

  /**
   * Creates an empty aggregator.
   *
   * @param options - Confidence level of the intervals.
   * @throws {@link @cx/model!CxValidationError} when the confidence is not in (0, 1).
   */
  constructor(options: SentimentAggregatorOptions = {}) {
    this.#confidence = options.confidence ?? 0.95;
    this.#z = zFor(this.#confidence);
  }

  /**
   * Adds one scored text.
   *
   * @param observation - Its label and score.
   * @param path - Issue path to report on bad input (default `[]`).
   * @returns This aggregator.
   * @throws {@link @cx/model!CxValidationError} for an unknown label, a score outside [−1, 1] or a
   * label and score that disagree on being `null`.
   */
  add(observation: SentimentObservation, path: ReadonlyArray<string | number> = []): this {
    checkObservation(observation, path);
    const { label, score } = observation;
    if (label === null || score === null) {
      this.#unscored++;
      return this;
    }
    if (label === 'positive') this.#positive++;
    else if (label === 'negative') this.#negative++;
    else this.#neutral++;
    this.#scoreSum += score;
    return this;
  }

  /**
   * Adds the counts of another aggregator (which is left unchanged).
   *
   * @param other - Another aggregator.
   * @returns This aggregator.
   */
  merge(other: SentimentAggregator): this {
    this.#positive += other.#positive;
    this.#neutral += other.#neutral;
    this.#negative += other.#negative;
    this.#unscored += other.#unscored;
    this.#scoreSum += other.#scoreSum;
    return this;
  }

  /**
   * Computes the summary of everything added so far.
   *
   * @returns The summary; with no scored text, `n` is 0 and every share and score is `null`.
   */
  result(): SentimentSummary {
    return summarizeCounts(
      {
        positive: this.#positive,
        neutral: this.#neutral,
        negative: this.#negative,
        unscored: this.#unscored,
        scoreSum: this.#scoreSum,
      },
      this.#z,
      this.#confidence,
    );
  }
}

/** Label counts and the score sum of a set of texts. */
export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
  unscored: number;
  scoreSum: number;
}

/** The {@link SentimentSummary} of label counts, with Wilson intervals at `z`. */
export function summarizeCounts(counts: SentimentCounts, z: number, confidence: number): SentimentSummary {
  const n = counts.positive + counts.neutral + counts.negative;
  return {
    n,
    unscored: counts.unscored,
    positive: wilson(counts.positive, n, z),
    neutral: wilson(counts.neutral, n, z),
    negative: wilson(counts.negative, n, z),
    net: n === 0 ? null : (counts.positive - counts.negative) / n,
    meanScore: n === 0 ? null : counts.scoreSum / n,
    confidence,
  };
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
