import { CxValidationError, parseOptions, type ValidationIssue } from '@cx/model';
import { z } from 'zod';
import type { DetectedLanguage } from '../language.js';
import { analyzeDetailed, type SentimentLabel } from '../sentiment/score.js';
import { DENSE_FEATURES, featuresOf, type TextFeatures } from './features.js';
import { fitSoftmax, probabilities, type SparseExample } from './logistic.js';
import { type LabelAgreement, labelAgreement } from './metrics.js';

const CLASSES: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/**
 * One labelled example of a team's own feedback.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface LabelledText {
  /** The text. */
  readonly text: string;
  /** Its sentiment as labelled by the team. */
  readonly label: SentimentLabel;
  /** BCP 47 tag of its language; detected when absent. */
  readonly language?: string | undefined;
}

/**
 * Options of {@link trainSentimentClassifier}.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface TrainSentimentClassifierOptions {
  /** Folds of the cross-validation, 2 … 20 (default 5). */
  readonly folds?: number;
  /** Word pairs as features too (2, default) or single words only (1). */
  readonly ngrams?: 1 | 2;
  /** Least number of training texts a word or pair must occur in to be a feature (default 2). */
  readonly minCount?: number;
  /** L2 penalty of the weights, ≥ 0 (default 0.001). */
  readonly l2?: number;
  /** Passes of the optimiser over the data, 1 … 5000 (default 300). */
  readonly epochs?: number;
  /** AdaGrad step size, > 0 (default 0.5). */
  readonly learningRate?: number;
}

const optionsSchema = z.strictObject({
  folds: z.number().int().min(2).max(20).default(5),
  ngrams: z.union([z.literal(1), z.literal(2)]).default(2),
  minCount: z.number().int().min(1).default(2),
  l2: z.number().min(0).max(1e3).default(0.001),
  epochs: z.number().int().min(1).max(5000).default(300),
  learningRate: z.number().gt(0).max(1e3).default(0.5),
});
type Settings = z.output<typeof optionsSchema>;

const modelSchema = z
  .strictObject({
    kind: z.literal('SentimentClassifier'),
    version: z.literal(1),
    classes: z.tuple([z.literal('negative'), z.literal('neutral'), z.literal('positive')]),
    dense: z.array(z.string()),
    ngrams: z.union([z.literal(1), z.literal(2)]),
    vocabulary: z.array(z.string().min(1)).max(1_000_000),
    weights: z.array(z.array(z.number().finite())).length(3),
  })
  .superRefine((model, ctx) => {
    if (model.dense.join(' ') !== DENSE_FEATURES.join(' ')) {
      ctx.addIssue({
        code: 'custom',
        path: ['dense'],
        message: `Expected the dense features ${DENSE_FEATURES.join(', ')}`,
      });
    }
    const width = model.dense.length + model.vocabulary.length;
    model.weights.forEach((row, c) => {
      if (row.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: ['weights', c],
          message: `Expected ${width} weights, got ${row.length}`,
        });
      }
    });
    if (new Set(model.vocabulary).size !== model.vocabulary.length) {
      ctx.addIssue({ code: 'custom', path: ['vocabulary'], message: 'Expected every feature once' });
    }
  });

/**
 * The JSON form of a {@link SentimentClassifier} ({@link SentimentClassifier.toJSON}).
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface SentimentClassifierJson {
  /** What wrote it. */
  readonly kind: 'SentimentClassifier';
  /** Format version. */
  readonly version: 1;
  /** The classes, in the order of the weight rows. */
  readonly classes: readonly ['negative', 'neutral', 'positive'];
  /** Names of the dense features, in order (the lexicon model's scores). */
  readonly dense: readonly string[];
  /** Whether word pairs are features (2) or single words only (1). */
  readonly ngrams: 1 | 2;
  /** The sparse features (`en:deliveri`, `pl:not_dzial`), in the order of their weights. */
  readonly vocabulary: readonly string[];
  /** One row per class: dense weights, then one weight per vocabulary entry. */
  readonly weights: readonly (readonly number[])[];
}

/**
 * A prediction of a {@link SentimentClassifier}.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface ClassifierPrediction {
  /** The most probable label, or `null` when the text has no supported language or is empty. */
  readonly label: SentimentLabel | null;
  /** Probability of each label (`null` when not predicted). */
  readonly probabilities: Readonly<Record<SentimentLabel, number>> | null;
  /** Language the text was read in. */
  readonly language: DetectedLanguage;
}

/**
 * A sentiment classifier trained on a team's own labelled feedback: multinomial logistic regression over
 * the lexicon model's scores and word and word-pair features. Train one with
 * {@link trainSentimentClassifier}; save it with `toJSON` and load it with {@link SentimentClassifier.fromJSON}.
 *
 * @example
 * ```ts
 * import { SentimentClassifier, trainSentimentClassifier } from '@cx/text';
 * const examples = [
 *   { text: 'Parcel locker was full again', label: 'negative' as const, language: 'en' },
 *   { text: 'Parcel locker full, had to go to another one', label: 'negative' as const, language: 'en' },
 *   { text: 'Picked it up from the locker in a minute', label: 'positive' as const, language: 'en' },
 *   { text: 'Locker right next to my home, picked it up quickly', label: 'positive' as const, language: 'en' },
 *   { text: 'Which locker should I choose?', label: 'neutral' as const, language: 'en' },
 *   { text: 'Can I change the locker?', label: 'neutral' as const, language: 'en' },
 * ];
 * const { classifier } = trainSentimentClassifier(examples, { folds: 2, minCount: 1 });
 * const loaded = SentimentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier)));
 * console.log(loaded.predict('The locker was full', { language: 'en' }).label); // 'negative'
 * ```
 * @category Classifier
 * @since 0.2.0
 */
export class SentimentClassifier {
  readonly #model: SentimentClassifierJson;
  readonly #index: ReadonlyMap<string, number>;

  private constructor(model: SentimentClassifierJson) {
    this.#model = model;
    this.#index = new Map(model.vocabulary.map((key, i) => [key, i]));
  }

  /**
   * Loads a classifier saved with `toJSON`, checking it whole.
   *
   * @param json - The saved model (e.g. parsed from a file).
   * @returns The classifier.
   * @throws {@link @cx/model!CxValidationError} with code `invalid_snapshot` and the path of every problem.
   */
  static fromJSON(json: unknown): SentimentClassifier {
    const parsed = modelSchema.safeParse(json);
    if (!parsed.success) {
      throw new CxValidationError(
        parsed.error.issues.map((i) => ({
          path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: i.message,
          code: 'invalid_snapshot',
        })),
        { subject: 'SentimentClassifier model' },
      );
    }
    return new SentimentClassifier(parsed.data);
  }

  /** @internal Builds a classifier from trained weights. */
  static fromWeights(vocabulary: readonly string[], weights: number[][], ngrams: 1 | 2): SentimentClassifier {
    return new SentimentClassifier({
      kind: 'SentimentClassifier',
      version: 1,
      classes: ['negative', 'neutral', 'positive'],
      dense: [...DENSE_FEATURES],
      ngrams,
      vocabulary: [...vocabulary],
      weights,
    });
  }

  /**
   * Predicts the sentiment of a text.
   *
   * @param text - The text.
   * @param options - BCP 47 tag of its language; detected when absent.
   * @returns The most probable label with the probability of each label.
   * @throws {@link @cx/model!CxValidationError} for a malformed language tag.
   */
  predict(text: string, options: { readonly language?: string } = {}): ClassifierPrediction {
    const features = textFeatures(text, options.language, this.#model.ngrams);
    if (features.language === undefined) return { label: null, probabilities: null, language: 'unknown' };
    const active = features.keys.flatMap((k) => {
      const i = this.#index.get(k);
      return i === undefined ? [] : [i];
    });
    const p = probabilities(this.#model.weights, { dense: features.dense, active }, DENSE_FEATURES.length);
    const best = p.indexOf(Math.max(...p));
    return {
      label: CLASSES[best] as SentimentLabel,
      probabilities: { negative: p[0] as number, neutral: p[1] as number, positive: p[2] as number },
      language: features.language,
    };
  }

  /**
   * The model as plain JSON (the `JSON.stringify` form), loadable with {@link SentimentClassifier.fromJSON}.
   *
   * @returns The model: classes, feature names, vocabulary and weights.
   */
  toJSON(): SentimentClassifierJson {
    return structuredClone(this.#model);
  }
}

/**
 * Cross-validated agreement of a trained classifier.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface CrossValidation extends LabelAgreement {
  /** Number of folds. */
  readonly folds: number;
  /** Accuracy of each fold's held-out part. */
  readonly foldAccuracy: readonly number[];
}

/**
 * A trained classifier with its cross-validated accuracy.
 *
 * @category Classifier
 * @since 0.2.0
 */
export interface TrainedSentimentClassifier {
  /** The classifier trained on every example. */
  readonly classifier: SentimentClassifier;
  /** k-fold cross-validation: every example predicted by a model that did not see it. */
  readonly crossValidation: CrossValidation;
}

/**
 * Trains a sentiment classifier on a team's own labelled texts (domain adaptation) and reports its k-fold
 * cross-validated accuracy. The shipped lexicon model stays the default of {@link analyzeSentiment}; use the
 * classifier where it does better on your texts.
 *
 * Method: multinomial logistic regression (softmax, L2 penalty, full-batch AdaGrad from zero weights) over
 * the lexicon model's scores and the words and word pairs of each text (light stems, negated words marked).
 * Folds are stratified by label and assigned in input order (the i-th text of each label goes to fold
 * i mod k), so training is deterministic: the same examples give the same model.
 *
 * @param examples - Labelled texts, at least `folds` of each label present.
 * @param options - Folds, features and optimiser settings.
 * @returns The classifier trained on every example, and the cross-validation.
 * @throws {@link @cx/model!CxOptionsError} for bad options (unknown key, `null`, out of range).
 * @throws {@link @cx/model!CxValidationError} for a bad label, or too few examples (code `too_small`).
 * @example
 * ```ts
 * import { trainSentimentClassifier } from '@cx/text';
 * const examples = ['Locker full again', 'Locker was full', 'Got it from the locker fast', 'Locker nearby, quick',
 *   'Which locker?', 'Can I pick a locker?'].map((text, i) => ({
 *   text, language: 'en', label: (['negative', 'negative', 'positive', 'positive', 'neutral', 'neutral'] as const)[i]!,
 * }));
 * const { crossValidation } = trainSentimentClassifier(examples, { folds: 2, minCount: 1 });
 * console.log(crossValidation.n, crossValidation.folds); // 6 2
 * ```
 * @category Classifier
 * @since 0.2.0
 */
export function trainSentimentClassifier(
  examples: readonly LabelledText[],
  options: TrainSentimentClassifierOptions = {},
): TrainedSentimentClassifier {
  const settings = parseSettings(options);
  const issues: ValidationIssue[] = [];
  examples.forEach((e, i) => {
    if (!CLASSES.includes(e.label)) {
      issues.push({
        path: [i, 'label'],
        message: `Expected positive, neutral or negative, got ${String(e.label)}`,
        code: 'invalid_value',
      });
    }
    if (typeof e.text !== 'string') {
      issues.push({ path: [i, 'text'], message: 'Expected a string', code: 'invalid_type' });
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'training examples' });
  const features = examples.map((e) => ({
    ...textFeatures(e.text, e.language, settings.ngrams),
    label: CLASSES.indexOf(e.label),
  }));
  const perClass = CLASSES.map((_, c) => features.filter((f) => f.label === c).length);
  const usable = features.filter((f) => f.language !== undefined).length;
  if (perClass.some((count) => count < settings.folds) || usable < 2 * settings.folds) {
    throw new CxValidationError([
      {
        path: [],
        message: `Expected at least ${settings.folds} examples of each label (the number of folds), got ${CLASSES.map((l, c) => `${perClass[c]} ${l}`).join(', ')}`,
        code: 'too_small',
      },
    ]);
  }
  const fold = new Array<number>(features.length);
  const seen = [0, 0, 0];
  features.forEach((f, i) => {
    fold[i] = (seen[f.label] as number) % settings.folds;
    seen[f.label] = (seen[f.label] as number) + 1;
  });
  const pairs: { truth: SentimentLabel; predicted: SentimentLabel | null }[] = [];
  const foldAccuracy: number[] = [];
  for (let k = 0; k < settings.folds; k++) {
    const train = features.filter((_, i) => fold[i] !== k);
    const model = fit(train, settings);
    let correct = 0;
    let total = 0;
    features.forEach((f, i) => {
      if (fold[i] !== k) return;
      const predicted = model.predictFeatures(f);
      pairs.push({ truth: CLASSES[f.label] as SentimentLabel, predicted });
      total++;
      if (predicted === CLASSES[f.label]) correct++;
    });
    foldAccuracy.push(total === 0 ? 0 : correct / total);
  }
  const whole = fit(features, settings);
  return {
    classifier: SentimentClassifier.fromWeights(whole.vocabulary, whole.weights, settings.ngrams),
    crossValidation: { ...labelAgreement(pairs), folds: settings.folds, foldAccuracy },
  };
}

/** Features of a text from the rules model's reading of it (never the hybrid: that would feed itself). */
function textFeatures(text: string, language: string | undefined, ngrams: 1 | 2): TextFeatures {
  const { result } = analyzeDetailed(
    text,
    language === undefined ? { model: 'rules' } : { language, model: 'rules' },
  );
  return featuresOf(text, result, ngrams);
}

function parseSettings(options: TrainSentimentClassifierOptions): Settings {
  return parseOptions(optionsSchema, options, 'trainSentimentClassifier');
}

interface Featured {
  readonly language: string | undefined;
  readonly dense: readonly number[];
  readonly keys: readonly string[];
  readonly label: number;
}

function fit(
  train: readonly Featured[],
  settings: Settings,
): { vocabulary: string[]; weights: number[][]; predictFeatures: (f: Featured) => SentimentLabel | null } {
  const counts = new Map<string, number>();
  for (const f of train) for (const k of f.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= settings.minCount)
    .map(([k]) => k)
    .sort();
  const index = new Map(vocabulary.map((k, i) => [k, i]));
  const toSparse = (f: Featured): Omit<SparseExample, 'label'> => ({
    dense: f.dense,
    active: f.keys.flatMap((k) => {
      const i = index.get(k);
      return i === undefined ? [] : [i];
    }),
  });
  const examples = train
    .filter((f) => f.language !== undefined)
    .map((f) => ({ ...toSparse(f), label: f.label }));
  const weights = fitSoftmax(examples, {
    classes: CLASSES.length,
    denseSize: DENSE_FEATURES.length,
    sparseSize: vocabulary.length,
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    l2: settings.l2,
  });
  return {
    vocabulary,
    weights,
    predictFeatures: (f) => {
      if (f.language === undefined) return null;
      const p = probabilities(weights, toSparse(f), DENSE_FEATURES.length);
      return CLASSES[p.indexOf(Math.max(...p))] as SentimentLabel;
    },
  };
}
