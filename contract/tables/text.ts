import type { Feedback, Mention } from '@cx/model';
import * as text from '@cx/text';
import fc from 'fast-check';
import { defineAccumulator, type PackageContract } from '../kit/types.js';

const levelCases = [{ level: 95 }, { level: 0 }, { level: 1 }];
const feedback: Feedback[] = [
  {
    id: 'f1',
    text: 'Kurier spóźniony, obsługa miła.',
    source: 'review',
    createdAt: '2026-03-02T10:00:00Z',
    stageId: 'delivery',
    properties: {},
  },
  {
    id: 'f2',
    text: 'Great app, fast checkout!',
    source: 'review',
    createdAt: '2026-03-10T10:00:00Z',
    properties: {},
  },
];
const scored = text.scoreFeedback(feedback);
const mention = (id: string, body: string, likes: number): Mention => ({
  id,
  text: body,
  source: 'social',
  platform: 'x',
  brand: 'acme',
  createdAt: '2026-03-02T10:00:00Z',
  hashtags: [],
  mentions: [],
  engagement: { likes, shares: 0, comments: 0, clicks: 0, reach: 100 },
  properties: {},
});
const docs = [
  { id: 'a', text: 'Courier late again' },
  { id: 'b', text: 'Courier was late' },
];
const refs = [
  { id: 'c', text: 'Lovely staff' },
  { id: 'd', text: 'Lovely shop' },
];
const examples = [
  ...['Locker full again', 'Locker was full', 'Late again', 'Broken on arrival', 'Never again'].map((t) => ({
    text: t,
    label: 'negative' as const,
  })),
  ...['Got it fast', 'Quick and easy', 'Lovely staff', 'Great app', 'Perfect fit'].map((t) => ({
    text: t,
    label: 'positive' as const,
  })),
  ...['Which locker?', 'Can I pick?', 'Order number 12', 'Where is the shop?', 'Do you ship to Oslo?'].map(
    (t) => ({ text: t, label: 'neutral' as const }),
  ),
].map((e) => ({ ...e, language: 'en' }));
const labels = ['positive', 'neutral', 'negative'] as const;
const words = ['late', 'courier', 'great', 'refund', 'slow', 'kurier', 'paczka', 'app'];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

export const textContract: PackageContract = {
  pkg: '@cx/text',
  module: text,
  options: [
    {
      name: 'analyzeSentiment',
      call: (o) => text.analyzeSentiment('Great!', o as never),
      valid: { language: 'en', threshold: 0.1 },
      typoOf: 'threshold',
      outOfRange: [{ threshold: 1 }, { threshold: -0.1 }, { fallbackLanguage: 'de' }],
    },
    {
      name: 'analyzeAspects',
      call: (o) => text.analyzeAspects('Kurier miły', o as never),
      valid: { language: 'pl' },
      typoOf: 'language',
      outOfRange: [{ threshold: 2 }],
    },
    {
      name: 'scoreFeedback',
      call: (o) => text.scoreFeedback(feedback, o as never),
      valid: { threshold: 0.1 },
      typoOf: 'threshold',
      outOfRange: [{ threshold: 1 }],
    },
    {
      name: 'detectLanguage',
      call: (o) => text.detectLanguage('Kurier się spóźnił', o as never),
      valid: { minEvidenceShare: 0.3 },
      typoOf: 'minEvidenceShare',
      outOfRange: [{ minEvidenceShare: 2 }],
    },
    {
      name: 'sentimentBreakdown',
      call: (o) => text.sentimentBreakdown(scored, 'stageId', o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'sentimentOverTime',
      call: (o) => text.sentimentOverTime(scored, o as never),
      valid: { interval: 'week', timeZone: 'Europe/Warsaw' },
      typoOf: 'timeZone',
      outOfRange: [...levelCases, { interval: 'fortnight' }, { weekStartsOn: 7 }, { maxPeriods: 0 }],
      optionsOptional: false,
    },
    {
      name: 'aspectBreakdown',
      call: (o) => text.aspectBreakdown(scored, 'stageId', o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'aspectsOverTime',
      call: (o) => text.aspectsOverTime(scored, o as never),
      valid: { interval: 'month' },
      typoOf: 'interval',
      outOfRange: [...levelCases, { interval: 'hour' }],
      optionsOptional: false,
    },
    {
      name: 'socialOverTime',
      call: (o) => text.socialOverTime([mention('m', 'ok', 1)], o as never),
      valid: { interval: 'day', top: 5 },
      typoOf: 'interval',
      outOfRange: [...levelCases, { top: -1 }, { interactions: ['views'] }],
      optionsOptional: false,
    },
    {
      name: 'distinctiveThemes',
      call: (o) => text.distinctiveThemes(docs, refs, o as never),
      valid: { minZ: 0, limit: 5 },
      typoOf: 'minZ',
      outOfRange: [...levelCases, { priorScale: 0 }, { maxNgram: 3 }, { limit: -1 }],
    },
    {
      name: 'findThemes',
      call: (o) => text.findThemes(docs, o as never),
      valid: { minDocuments: 2 },
      typoOf: 'minDocuments',
      outOfRange: [...levelCases, { minDocuments: 0 }, { maxNgram: 3 }],
    },
    {
      name: 'mapThemesToPainPoints',
      call: (o) => text.mapThemesToPainPoints([], [], o as never),
      valid: { language: 'en' },
      typoOf: 'keywords',
      outOfRange: [{ language: 'de' }],
    },
    {
      name: 'trainSentimentClassifier',
      call: (o) => text.trainSentimentClassifier(examples, o as never),
      valid: { folds: 2, minCount: 1, epochs: 5 },
      typoOf: 'folds',
      outOfRange: [{ folds: 1 }, { l2: -1 }, { epochs: 0 }, { learningRate: 0 }],
    },
    {
      name: 'SentimentAccumulator',
      call: (o) => new text.SentimentAccumulator(o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'AspectAccumulator',
      call: (o) => new text.AspectAccumulator(o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: levelCases,
    },
    {
      name: 'SocialAccumulator',
      call: (o) => new text.SocialAccumulator(o as never),
      valid: { brands: ['acme'], top: 5 },
      typoOf: 'brands',
      outOfRange: [...levelCases, { top: -1 }, { interactions: ['views'] }],
    },
    {
      name: 'ThemeAccumulator',
      call: (o) => new text.ThemeAccumulator(o as never),
      valid: { maxNgram: 1, examples: 2 },
      typoOf: 'examples',
      outOfRange: [{ maxNgram: 3 }, { examples: -1 }],
    },
    {
      name: 'ReasonAccumulator',
      call: (o) => new text.ReasonAccumulator(o as never),
      valid: { level: 0.9 },
      typoOf: 'level',
      outOfRange: [...levelCases, { examples: -1 }],
    },
  ],
  accumulators: [
    defineAccumulator<
      text.SentimentAccumulator,
      { label: (typeof labels)[number] | null; score: number | null }
    >({
      name: 'SentimentAccumulator',
      make: () => new text.SentimentAccumulator(),
      makeOther: () => new text.SentimentAccumulator({ level: 0.9 }),
      restore: (s) => text.SentimentAccumulator.restore(s),
      inputs: fc.array(
        fc.oneof(
          fc.constant({ label: null, score: null }),
          fc.record({
            label: fc.constantFrom(...labels),
            score: fc.integer({ min: -4, max: 4 }).map((k) => k / 4),
          }),
        ),
      ),
      add: (acc, input) => acc.add(input),
      result: (acc) => acc.result(),
    }),
    defineAccumulator<text.AspectAccumulator, text.AspectObservation>({
      name: 'AspectAccumulator',
      make: () => new text.AspectAccumulator(),
      makeOther: () => new text.AspectAccumulator({ level: 0.9 }),
      restore: (s) => text.AspectAccumulator.restore(s),
      inputs: fc.array(
        fc.record({
          label: fc.constantFrom(...labels),
          aspects: fc.uniqueArray(
            fc.record({
              topic: fc.constantFrom(...text.CX_TOPICS),
              label: fc.constantFrom(...labels),
              score: fc.integer({ min: -4, max: 4 }).map((k) => k / 4),
            }),
            { selector: (a) => a.topic, maxLength: 2 },
          ),
        }),
      ),
      add: (acc, input) => acc.add(input),
      result: (acc) => acc.result(),
    }),
    defineAccumulator<text.SocialAccumulator, Mention>({
      name: 'SocialAccumulator',
      make: () => new text.SocialAccumulator(),
      makeOther: () => new text.SocialAccumulator({ top: 3 }),
      restore: (s) => text.SocialAccumulator.restore(s),
      inputs: fc.array(
        fc
          .tuple(fc.nat(20), fc.constantFrom('Great shop #acme', 'Slow @acmehelp', 'ok'))
          .map(([l, t]) => mention(`m${l}`, t, l)),
        { maxLength: 6 },
      ),
      add: (acc, input) => acc.add(input, { label: 'neutral', score: 0 }),
      // Rates are sums of fractions: compare them rounded, since the order of a floating sum may differ.
      result: (acc) =>
        JSON.parse(
          JSON.stringify(acc.result(), (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v)),
        ),
    }),
    defineAccumulator<text.ThemeAccumulator, text.ThemeInput>({
      name: 'ThemeAccumulator',
      make: () => new text.ThemeAccumulator(),
      makeOther: () => new text.ThemeAccumulator({ maxNgram: 1 }),
      restore: (s) => text.ThemeAccumulator.restore(s),
      inputs: fc.array(
        fc.record({
          id: fc.uuid(),
          text: sentence,
          language: fc.constantFrom('en', 'pl'),
          side: fc.constantFrom('target' as const, 'reference' as const),
        }),
        { maxLength: 8 },
      ),
      add: (acc, input) => acc.add(input),
      result: (acc) => acc.result({ minZ: 0, minDocuments: 1, requireDifference: false }),
    }),
    defineAccumulator<text.ReasonAccumulator, text.ReasonResponse>({
      name: 'ReasonAccumulator',
      make: () => new text.ReasonAccumulator(),
      makeOther: () => new text.ReasonAccumulator({ level: 0.9 }),
      restore: (s) => text.ReasonAccumulator.restore(s),
      inputs: fc.array(
        fc.record({
          id: fc.uuid(),
          reasons: fc.subarray(['price', 'shipping', 'payment']),
          text: sentence,
          language: fc.constant('en'),
        }),
        { maxLength: 8 },
      ),
      add: (acc, input) => acc.add(input),
      result: (acc) => acc.result({ minZ: 0, minDocuments: 1, requireDifference: false }),
    }),
  ],
  exempt: {
    CxError: 'an error class re-exported from @cx/model, no options',
    CxOptionsError: 'an error class re-exported from @cx/model, no options',
    CxValidationError: 'an error class re-exported from @cx/model, no options',
    SentimentClassifier: 'built by trainSentimentClassifier or fromJSON; predict takes only a language tag',
    compileLexicon: 'takes a lexicon source (data, checked line by line), no options',
    feedbackFromSurveyResponses: 'converts records, no options',
    foldPolish: 'a string function of one word, no options',
    isBlankText: 'a predicate on one string, no options',
    labelAgreement: 'computes measures of given label pairs, no options',
    logOddsRatio: 'a formula of six numbers, no options',
    lookupWord: 'a look-up of one word in a lexicon, no options',
    normalizeText: 'a string function of one text, no options',
    resolveLanguageTag: 'maps one BCP 47 tag, no options',
    stemWord: 'a string function of one word and its language, no options',
    tokenize: 'splits one text in its language, no options',
  },
};
