import { describe, expect, it } from 'vitest';
import { analyzeAspects } from './analyze.js';

const topics = (text: string, language: 'en' | 'pl') =>
  analyzeAspects(text, { language }).aspects.map((a) => [a.topic, a.label]);

describe('analyzeAspects', () => {
  it('finds each topic and the sentiment toward it, clause by clause', () => {
    expect(topics('The courier was lovely, but the price is far too high.', 'en')).toEqual([
      ['delivery', 'positive'],
      ['price', 'negative'],
    ]);
    expect(topics('Aplikacja ciągle się zawiesza, za to konsultantka bardzo pomocna.', 'pl')).toEqual([
      ['app_website', 'negative'],
      ['support', 'positive'],
    ]);
  });
  it('gives a clause without a topic to the nearest topic of its sentence, else to the only topic', () => {
    // "totally useless" has no topic of its own: the sentence names only the charger.
    expect(topics('The charger I got, totally useless.', 'en')).toEqual([['product_quality', 'negative']]);
    // Second sentence names nothing; the text names one topic.
    expect(topics('Zwrot zrobiony w dwa dni. Bardzo sprawnie!', 'pl')).toEqual([['returns', 'positive']]);
  });
  it('lists a topic named without sentiment as neutral, and no topic for off-topic text', () => {
    expect(topics('I would like to change the delivery address.', 'en')).toEqual([['delivery', 'neutral']]);
    expect(analyzeAspects('Lovely!', { language: 'en' }).aspects).toEqual([]);
  });
  it('lets a weak mention (a verb) yield to a noun of its clause', () => {
    // "przyszedł" (arrived) names delivery only when nothing else in the clause names a topic.
    expect(topics('Kurier był bardzo miły, ale produkt przyszedł porysowany.', 'pl')).toEqual([
      ['delivery', 'positive'],
      ['product_quality', 'negative'],
    ]);
    expect(topics('Arrived three days late.', 'en')).toEqual([['delivery', 'negative']]);
  });
  it('reads topics of Polish typed without diacritics, and never inside a handle', () => {
    expect(topics('Platnosc blikiem nie przeszla, porazka.', 'pl')).toEqual([
      ['checkout_payment', 'negative'],
    ]);
    expect(analyzeAspects('Pytanie do @paczkomaty_pl', { language: 'pl' }).aspects).toEqual([]);
  });
  it('returns no aspects when the text is not scored', () => {
    expect(analyzeAspects('   ').aspects).toEqual([]);
    expect(analyzeAspects('Die Lieferung war pünktlich').status).toBe('undetermined-language');
  });
});
