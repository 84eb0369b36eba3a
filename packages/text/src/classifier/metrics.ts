import { CxValidationError } from '@cx/model';
import type { SentimentLabel } from '../sentiment/score.js';

const LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];

/**
 * Agreement of predicted labels with true labels.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface LabelAgreement {
  /** Number of pairs compared. */
  readonly n: number;
  /** Share of pairs where the prediction equals the truth, or `null` when `n` is 0. */
  readonly accuracy: number | null;
  /** Mean over the three labels of F1 = 2PR / (P + R) (a label never predicted nor true counts 0). */
  readonly macroF1: number | null;
  /** Precision, recall and F1 per label (`null` where the denominator is 0). */
  readonly perLabel: Readonly<
    Record<
      SentimentLabel,
      { readonly precision: number | null; readonly recall: number | null; readonly f1: number | null }
    >
  >;
  /** Confusion matrix: `confusion[truth][prediction]` counts; a prediction `null` (unscored) counts as `none`. */
  readonly confusion: Readonly<Record<SentimentLabel, Readonly<Record<SentimentLabel | 'none', number>>>>;
}

/**
 * Accuracy, macro-F1 and the confusion matrix of predicted sentiment labels against true ones; an unscored
 * prediction (`null`) counts as wrong.
 *
 * @param pairs - True and predicted labels.
 * @returns The agreement measures.
 * @throws {@link @cx/model!CxValidationError} for a true label that is not positive, neutral or negative.
 * @example
 * ```ts
 * import { labelAgreement } from '@cx/text';
 * const r = labelAgreement([
 *   { truth: 'positive', predicted: 'positive' },
 *   { truth: 'negative', predicted: 'neutral' },
 * ]);
 * console.log(r.accuracy, r.confusion.negative.neutral); // 0.5 1
 * ```
 * @category Classifier
 * @since 0.2.0
 */
export function labelAgreement(
  pairs: readonly { readonly truth: SentimentLabel; readonly predicted: SentimentLabel | null }[],
): LabelAgreement {
  const row = () => ({ positive: 0, neutral: 0, negative: 0, none: 0 });
  const confusion = { positive: row(), neutral: row(), negative: row() };
  pairs.forEach(({ truth, predicted }, i) => {
    if (!LABELS.includes(truth)) {
      throw new CxValidationError([
        {
          path: [i, 'truth'],
          message: `Expected positive, neutral or negative, got ${String(truth)}`,
          code: 'invalid_value',
        },
      ]);
    }
    confusion[truth][predicted !== null && LABELS.includes(predicted) ? predicted : 'none']++;
  });
  const n = pairs.length;
  const correct = LABELS.reduce((sum, l) => sum + confusion[l][l], 0);
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const perLabel = Object.fromEntries(
    LABELS.map((l) => {
      const tp = confusion[l][l];
      const predictedAs = LABELS.reduce((sum, t) => sum + confusion[t][l], 0);
      const actual = LABELS.reduce((sum, p) => sum + confusion[l][p], 0) + confusion[l].none;
      const precision = ratio(tp, predictedAs);
      const recall = ratio(tp, actual);
      const f1 =
        precision === null || recall === null
          ? null
          : precision + recall === 0
            ? 0
            : (2 * precision * recall) / (precision + recall);
      return [l, { precision, recall, f1 }];
    }),
  ) as LabelAgreement['perLabel'];
  const macroF1 = n === 0 ? null : LABELS.reduce((sum, l) => sum + (perLabel[l].f1 ?? 0), 0) / LABELS.length;
  return { n, accuracy: ratio(correct, n), macroF1, perLabel, confusion };
}
