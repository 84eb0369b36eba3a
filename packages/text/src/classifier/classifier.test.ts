import { CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../sentiment/score.js';
import { type LabelledText, SentimentClassifier, trainSentimentClassifier } from './classifier.js';
import { labelAgreement } from './metrics.js';

// A craft-beer shop's own feedback (written for this test): "cold" is praise here, while the shipped lexicon
// reads it as mildly negative, and "flat" / "skunked" are complaints the lexicon does not know.
const positive = [
  'The lager arrived ice cold',
  'Beer came cold and well packed',
  'Cold cans on my doorstep within a day',
  'Delivered cold, exactly as ordered',
  'Everything arrived cold and fresh',
  'Ice cold stout, lovely',
  'The IPA was still cold when it came',
  'Cold beer delivered on a hot day',
];
const negative = [
  'The cans were flat',
  'Flat beer again',
  'Half the bottles tasted skunked',
  'Skunked lager, returned it',
  'Totally flat stout',
  'Every can was flat and warm',
  'Bottles skunked from the sun',
  'Flat and stale pale ale',
];
const neutral = [
  'Do you deliver on Sundays',
  'Which stouts are in stock',
  'Can I change my delivery slot',
  'Is the lager gluten free',
  'I ordered the mixed case',
  'Please send an invoice',
  'What time does the van come',
  'Order number 1234',
];
const examples: LabelledText[] = [
  ...positive.map((text) => ({ text, label: 'positive' as const, language: 'en' })),
  ...negative.map((text) => ({ text, label: 'negative' as const, language: 'en' })),
  ...neutral.map((text) => ({ text, label: 'neutral' as const, language: 'en' })),
];

describe('trainSentimentClassifier', () => {
  const trained = trainSentimentClassifier(examples, { folds: 4, minCount: 1 });

  it('learns a team’s own vocabulary where the shipped lexicon is wrong', () => {
    expect(analyzeSentiment('The ale came cold', { language: 'en' }).label).not.toBe('positive');
    expect(trained.classifier.predict('The ale came cold', { language: 'en' }).label).toBe('positive');
    expect(trained.classifier.predict('This porter was flat', { language: 'en' }).label).toBe('negative');
  });
  it('reports k-fold cross-validated accuracy over every example', () => {
    const cv = trained.crossValidation;
    expect(cv.folds).toBe(4);
    expect(cv.n).toBe(examples.length);
    expect(cv.foldAccuracy).toHaveLength(4);
    const correct = (['positive', 'neutral', 'negative'] as const).reduce(
      (s, l) => s + cv.confusion[l][l],
      0,
    );
    expect(cv.accuracy).toBe(correct / examples.length);
    expect(cv.accuracy).toBeGreaterThan(0.7);
  });
  it('is deterministic, and a saved model predicts exactly as the trained one', () => {
    const again = trainSentimentClassifier(examples, { folds: 4, minCount: 1 });
    expect(JSON.stringify(again.classifier)).toBe(JSON.stringify(trained.classifier));
    const loaded = SentimentClassifier.fromJSON(JSON.parse(JSON.stringify(trained.classifier)));
    for (const text of ['Cold and tasty', 'flat again', 'When do you open?']) {
      expect(loaded.predict(text, { language: 'en' })).toEqual(
        trained.classifier.predict(text, { language: 'en' }),
      );
    }
  });
  it('rejects a malformed model with the path of each problem', () => {
    const json = trained.classifier.toJSON();
    const bad = (model: unknown) => {
      try {
        SentimentClassifier.fromJSON(model);
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        return (error as CxValidationError).issues.map((i) => i.path.join('.'));
      }
      return [];
    };
    expect(bad({ ...json, weights: [json.weights[0], json.weights[1], json.weights[2]?.slice(1)] })).toEqual([
      'weights.2',
    ]);
    expect(bad({ ...json, weights: [[Number.NaN], ...json.weights.slice(1)] })).toContain('weights.0.0');
    expect(bad({ ...json, extra: 1 })).toEqual(['']);
    expect(bad(null)).toEqual(['']);
  });
  it('rejects unknown and out-of-range options, bad labels and too few examples', () => {
    expect(() => trainSentimentClassifier(examples, { fold: 3 } as never)).toThrow(/did you mean "folds"/u);
    expect(() => trainSentimentClassifier(examples, null as never)).toThrow(CxOptionsError);
    expect(() => trainSentimentClassifier(examples, { folds: 1 })).toThrow(CxOptionsError);
    expect(() => trainSentimentClassifier([{ text: 'x', label: 'great' as never }])).toThrow(
      CxValidationError,
    );
    expect(() => trainSentimentClassifier(examples.slice(0, 5))).toThrow(
      /at least 5 examples of each label/u,
    );
  });
});

describe('labelAgreement', () => {
  it('computes accuracy, macro-F1 and the confusion matrix (hand-checked)', () => {
    // truth/prediction: P/P, P/N, N/N, N/N, U/P (U = neutral), U/null.
    // positive: P = 1/2, R = 1/2, F1 = 0.5; negative: P = 2/3, R = 1, F1 = 0.8; neutral: P = 0/0 → null, F1 0.
    // macro-F1 = (0.5 + 0.8 + 0) / 3 = 0.433333; accuracy = 3/6.
    const r = labelAgreement([
      { truth: 'positive', predicted: 'positive' },
      { truth: 'positive', predicted: 'negative' },
      { truth: 'negative', predicted: 'negative' },
      { truth: 'negative', predicted: 'negative' },
      { truth: 'neutral', predicted: 'positive' },
      { truth: 'neutral', predicted: null },
    ]);
    expect(r.accuracy).toBe(0.5);
    expect(r.macroF1).toBeCloseTo(0.433333, 6);
    expect(r.perLabel.neutral).toEqual({ precision: null, recall: 0, f1: null });
    expect(r.confusion.neutral).toEqual({ positive: 1, neutral: 0, negative: 0, none: 1 });
  });
});
