import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from './lexicon.js';
import { analyzeSentiment } from './score.js';

const weights = (text: string, language?: string) =>
  analyzeSentiment(text, { language }).hits.map((h) => [h.term, h.weight]);

describe('analyzeSentiment: scoring rules', () => {
  it('sums valences and normalises with S/√(S²+15)', () => {
    // great 3 + friendly 2 = 5 → 5/√(25+15) = 0.790569
    const r = analyzeSentiment('Great and friendly', { language: 'en', model: 'rules' });
    expect(r.raw).toBe(5);
    expect(r.score).toBeCloseTo(5 / Math.sqrt(40), 12);
    expect(r.label).toBe('positive');
    expect(r).toMatchObject({ model: 'rules', probabilities: null });
  });
  it('labels with the shipped hybrid model by default: the most probable label, score P(pos) − P(neg)', () => {
    const r = analyzeSentiment('Great and friendly', { language: 'en' });
    expect(r.model).toBe('hybrid');
    // The hits are the rules model's, whatever the model.
    expect(r.raw).toBe(5);
    const p = r.probabilities;
    expect(p).not.toBeNull();
    if (p === null) return;
    expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 12);
    expect(r.score).toBeCloseTo(p.positive - p.negative, 12);
    expect(r.label).toBe('positive');
    expect(p.positive).toBeGreaterThan(Math.max(p.neutral, p.negative));
    expect(analyzeSentiment('   ')).toMatchObject({ status: 'empty', model: 'hybrid', probabilities: null });
    expect(() => analyzeSentiment('ok', { model: 'lexicon' } as never)).toThrow(CxOptionsError);
  });
  it('flips and dampens negated words (× −0.75) up to the end of the clause, in both languages', () => {
    expect(weights('not good', 'en')).toEqual([['good', -1.5]]);
    expect(weights('nie polecam', 'pl')).toEqual([['polecam', -2.25]]);
    // "nie jestem zbyt zadowolony": negator, then modifier zbyt (× 1.3) on zadowolon* (2): 2 × −0.75 × 1.3
    const [hit] = weights('nie jestem zbyt zadowolony', 'pl');
    expect(hit?.[0]).toBe('zadowolon*');
    expect(hit?.[1]).toBeCloseTo(-1.95, 12);
    // The scope is the clause: a clause break ends it.
    expect(weights('nie, dobrze', 'pl')).toEqual([['dobrze', 2]]);
  });
  it('scores negated-only words only under negation', () => {
    expect(weights('The parcel arrived', 'en')).toEqual([]);
    expect(weights('The parcel did not arrive', 'en')).toEqual([['arriv*', -2]]);
    expect(weights('Aplikacja działa', 'pl')).toEqual([]);
    expect(weights('Aplikacja nie zadziałała', 'pl')).toEqual([['zadział*', -2]]);
  });
  it('matches Polish inflections through stems and phrases', () => {
    for (const form of ['szybka', 'szybko', 'szybkiego', 'szybkim'])
      expect(weights(form, 'pl')).toEqual([['szybk*', 2]]);
    expect(weights('towar zgodny z opisem', 'pl')).toEqual([['zgodn* z opis*', 2]]);
    // "zł" (złoty) must not read as "zły" (bad)
    expect(weights('kosztuje 20 zł', 'pl')).toEqual([]);
  });
  it('applies intensifiers and dampeners', () => {
    expect(weights('very slow', 'en')).toEqual([['slow', -3]]);
    expect(weights('trochę drogo', 'pl')).toEqual([['drogo', -0.6]]);
  });
  it('gives a modifier or negator with its own valence that valence when it governs nothing', () => {
    expect(weights('Super!', 'pl')).toEqual([['super', 3]]);
    expect(weights('brak', 'pl')).toEqual([['brak', -1]]);
    expect(weights('brak problemów', 'pl')).toEqual([['problem*', 1.5]]);
  });
  it('weights what follows the last contrast word 1.5× and what precedes it 0.5×', () => {
    // fast 2 × 0.5 = 1; damaged −2 × 1.5 = −3
    expect(weights('Fast delivery but the box was damaged', 'en')).toEqual([
      ['fast', 1],
      ['damaged', -3],
    ]);
  });
  it('scores emoji and ASCII emoticons in any language', () => {
    expect(weights('ok 😡', 'en')).toEqual([['😡', -3]]);
    expect(weights('dzięki :)', 'pl')).toEqual([
      ['dzięki', 2],
      [':)', 2],
    ]);
    expect(weights('see https://example.com', 'en')).toEqual([]);
  });
});

describe('analyzeSentiment: language and bad input', () => {
  it('detects the language when none is given', () => {
    expect(analyzeSentiment('Obsługa była bardzo pomocna').language).toBe('pl');
    expect(analyzeSentiment('The staff were very helpful').language).toBe('en');
    expect(analyzeSentiment('The staff were very helpful').languageSource).toBe('detected');
  });
  it('returns status empty for empty and white-space text', () => {
    for (const text of ['', '   ', '\n\t', '\u200B']) {
      expect(analyzeSentiment(text)).toMatchObject({
        status: 'empty',
        language: 'unknown',
        score: null,
        label: null,
      });
    }
  });
  it('returns unsupported-language for a valid tag of another language', () => {
    expect(analyzeSentiment('Sehr gut', { language: 'de-DE' })).toMatchObject({
      status: 'unsupported-language',
      language: 'unknown',
      score: null,
    });
  });
  it('returns undetermined-language for text in another language or script', () => {
    expect(analyzeSentiment('Die Lieferung war sehr schnell und freundlich').status).toBe(
      'undetermined-language',
    );
    expect(analyzeSentiment('配送很快，非常满意').status).toBe('undetermined-language');
    expect(analyzeSentiment('Доставка была быстрой').status).toBe('undetermined-language');
  });
  it('uses the fallback language for inconclusive Latin text only', () => {
    expect(analyzeSentiment('Super', { fallbackLanguage: 'pl' }).language).toBe('pl');
    expect(analyzeSentiment('Доставка', { fallbackLanguage: 'pl' }).status).toBe('undetermined-language');
  });
  it('throws CxValidationError for malformed language tags and CxOptionsError for bad options', () => {
    for (const language of ['english', 'pl_PL', '', '12']) {
      const run = () => analyzeSentiment('ok', { language });
      expect(run).toThrow(CxValidationError);
      try {
        run();
      } catch (e) {
        expect((e as CxValidationError).issues[0]?.path).toEqual(['language']);
      }
    }
    expect(() => analyzeSentiment('ok', { threshold: 1 })).toThrow(CxOptionsError);
    expect(() => analyzeSentiment('ok', { treshold: 0.1 } as never)).toThrow(/did you mean "threshold"/u);
    expect(() => analyzeSentiment('ok', null as never)).toThrow(CxOptionsError);
    expect(() => analyzeSentiment('ok', { lexicons: { en: {} } } as never)).toThrow(CxOptionsError);
  });
  it('survives emoji, mixed scripts, lone surrogates and very long texts', () => {
    expect(analyzeSentiment('👍👍👍', { language: 'en' }).label).toBe('positive');
    expect(analyzeSentiment('Świetny sklep \uD800 привет 👍', { language: 'pl' }).label).toBe('positive');
    const long = 'Kurier był bardzo miły. '.repeat(5000);
    const r = analyzeSentiment(long, { model: 'rules' });
    expect(r.language).toBe('pl');
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.score).toBeLessThan(1);
    // The hybrid model saturates on it: P(positive) rounds to 1 in double precision.
    const hybrid = analyzeSentiment(long);
    expect(hybrid.label).toBe('positive');
    expect(hybrid.score).toBeLessThanOrEqual(1);
  });
  it('never throws on arbitrary strings, and scores stay in [−1, 1] (rules: (−1, 1))', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = analyzeSentiment(s, { fallbackLanguage: 'en' });
        if (r.score !== null) {
          expect(Math.abs(r.score)).toBeLessThanOrEqual(1);
          expect(r.label).not.toBeNull();
        }
        const rules = analyzeSentiment(s, { fallbackLanguage: 'en', model: 'rules' });
        if (rules.score !== null) expect(Math.abs(rules.score)).toBeLessThan(1);
      }),
    );
  }, 30_000);
  it('accepts custom lexicons', () => {
    const lexicon = compileLexicon({
      language: 'en',
      entries: 'meh -1',
      negators: 'not',
      modifiers: '',
      contrast: '',
    });
    expect(analyzeSentiment('meh', { language: 'en', lexicons: { en: lexicon } }).label).toBe('negative');
    expect(() =>
      compileLexicon({
        language: 'en',
        entries: 'no-valence',
        negators: '',
        modifiers: 'very x',
        contrast: '',
      }),
    ).toThrow(CxValidationError);
  });
});
