import { featuresOf, type RulesOutcome } from '../classifier/features.js';
import { probabilities } from '../classifier/logistic.js';
import type { SentimentLabel } from './score.js';
import model from './shipped-model.json' with { type: 'json' };

/** The shipped model's feature index, built on first use. */
let index: ReadonlyMap<string, number> | undefined;

/** The shipped classifier in the JSON form of `SentimentClassifier` (see scripts/train-shipped-model.ts). */
export const SHIPPED_MODEL: {
  readonly dense: readonly string[];
  readonly ngrams: 1 | 2;
  readonly vocabulary: readonly string[];
  readonly weights: readonly (readonly number[])[];
} = { ...model, ngrams: model.ngrams === 1 ? 1 : 2 };

/**
 * Label and score of the `hybrid` model: the shipped classifier over the rules model's result and the
 * text's words. `score` is P(positive) − P(negative); the label is the most probable one.
 */
export function predictShipped(
  text: string,
  rules: RulesOutcome,
): {
  readonly label: SentimentLabel;
  readonly score: number;
  readonly probabilities: Readonly<Record<SentimentLabel, number>>;
} {
  index ??= new Map(SHIPPED_MODEL.vocabulary.map((key, i) => [key, i]));
  const features = featuresOf(text, rules, SHIPPED_MODEL.ngrams);
  const active: number[] = [];
  for (const key of features.keys) {
    const i = index.get(key);
    if (i !== undefined) active.push(i);
  }
  const [negative, neutral, positive] = probabilities(
    SHIPPED_MODEL.weights,
    { dense: features.dense, active },
    features.dense.length,
  ) as [number, number, number];
  const label: SentimentLabel =
    positive > neutral && positive > negative
      ? 'positive'
      : negative > neutral && negative >= positive
        ? 'negative'
        : 'neutral';
  return { label, score: positive - negative, probabilities: { negative, neutral, positive } };
}
