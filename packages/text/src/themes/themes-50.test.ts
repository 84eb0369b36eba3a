import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../sentiment/score.js';
import { findThemes } from './frequent.js';
import { distinctiveThemes } from './themes.js';

// Fifty comments of a home-goods shop, written for this test. What they are about, by construction:
// 16 on late or mishandled delivery (the courier), 12 on products that broke, 10 on support that does not
// answer, 12 happy ones. Polite formulas and particles are sprinkled in, as in real tickets.
const TEXTS = [
  'Hello, the courier was late again, two days after the promised date.',
  'Courier late for the third time this month.',
  'The courier left my parcel outside in the rain. Kind regards',
  'Courier never rang the bell, just left a note.',
  'The courier was late and the box was dented.',
  'Honestly the courier is always late.',
  'My parcel is still not here, the courier says the address is wrong.',
  'Courier threw the parcel over the fence.',
  'The delivery was late by a week, thanks.',
  'Delivery late again, really disappointing.',
  'Late delivery, nobody told me anything.',
  'Please check, the delivery is late and tracking shows nothing.',
  'Delivery date moved twice, the courier never came.',
  'The courier came a day late and was rude.',
  'Parcel arrived late and soaked.',
  'Another late delivery from the same courier.',
  'The kettle broke after a week.',
  'Lamp broke on the second day, cheap plastic.',
  'The handle broke off the pan immediately.',
  'Chair leg broke within a month.',
  'Blender broke the first time I used it.',
  'The vacuum broke after three uses, really poor quality.',
  'The mug arrived broken.',
  'Toaster broke, poor quality overall.',
  'Poor quality fabric, the cushion cover tore.',
  'The drawer broke when I opened it.',
  'Poor quality, the frame broke.',
  'Kettle lid broke off after two days.',
  'Support never answers my emails.',
  'Customer support does not answer the phone.',
  'I wrote to support three times, no answer.',
  'No answer from customer support for two weeks.',
  'Support closed my ticket without an answer.',
  'Hello, support still has not answered. Regards',
  'Support promised a callback, no answer since.',
  'Waiting for an answer from support since Monday.',
  'Support answers with copy-paste replies.',
  'Customer support is impossible to reach.',
  'Lovely cushions, great colours.',
  'Great prices and a lovely website.',
  'Beautiful lamp, exactly as pictured.',
  'The sofa is great, very comfortable.',
  'Great shop, I will order again.',
  'Lovely towels, soft and thick.',
  'Checkout was quick and easy.',
  'Great value for money.',
  'The rug looks great in my living room.',
  'Very happy with the plates, great quality.',
  'Lovely staff in the Warsaw store.',
  'Great candles, they smell wonderful.',
].map((text, i) => ({ id: `c${i + 1}`, text, language: 'en' }));

describe('themes on a 50-text set', () => {
  it('names the set’s main topics, with shares, intervals and every text behind each theme', () => {
    const report = findThemes(TEXTS);
    expect(report.documents).toBe(50);
    const topTopics = report.topics.slice(0, 3).map((t) => t.topic);
    expect(topTopics).toEqual(expect.arrayContaining(['delivery', 'product_quality', 'support']));
    const courier = report.themes.find((t) => t.key === 'courier');
    expect(courier?.topics).toEqual(['delivery']);
    // Every text behind the theme is listed, and each one does contain the word.
    const byId = new Map(TEXTS.map((t) => [t.id, t.text]));
    expect(courier?.documentIds.length).toBe(11);
    for (const id of courier?.documentIds ?? []) expect(byId.get(id)?.toLowerCase()).toContain('courier');
    // Uncertainty: 11 of 50 texts, Wilson 95 % interval ≈ (0.128, 0.352).
    expect(courier?.share.value).toBeCloseTo(0.22, 12);
    expect(courier?.share.interval?.lower).toBeCloseTo(0.1275, 3);
    expect(courier?.share.interval?.upper).toBeCloseTo(0.3522, 3);
    // Boilerplate is gone and a word is merged into the phrase that carries it.
    const terms = report.themes.map((t) => t.term);
    for (const filler of ['hello', 'regards', 'really', 'please', 'thanks'])
      expect(terms).not.toContain(filler);
    const answer = report.themes.find((t) => t.key === 'no answer');
    expect(answer?.topics).toContain('support');
    expect(report.themes.some((t) => t.key === 'broke' || t.merged.includes('broke'))).toBe(true);
  });
  it('finds themes separating negative from positive texts at the default thresholds', () => {
    const negative = TEXTS.filter((t) => analyzeSentiment(t.text, { language: 'en' }).label === 'negative');
    const positive = TEXTS.filter((t) => analyzeSentiment(t.text, { language: 'en' }).label === 'positive');
    expect(negative.length).toBeGreaterThanOrEqual(35);
    const report = distinctiveThemes(negative, positive);
    const topics = new Set(report.target.flatMap((t) => t.topics));
    expect([...topics]).toContain('delivery');
    // "support" is in 9 of the negative texts and in none of the 12 positive ones: with so few positive
    // texts the 95 % interval of the difference (Newcombe) still includes 0 (about 0.25 − √(0.113² + 0.2425²)
    // < 0); at 90 % it does not (0.25 − √(0.098² + 0.184²) ≈ 0.04). The uncertainty is shown, not hidden.
    expect(report.target.some((t) => t.key === 'support')).toBe(false);
    const at90 = distinctiveThemes(negative, positive, { level: 0.9 });
    expect(at90.target.flatMap((t) => t.topics)).toEqual(
      expect.arrayContaining(['delivery', 'product_quality', 'support']),
    );
    const courier = report.target.find((t) => t.key === 'courier');
    expect(courier?.difference.interval?.lower).toBeGreaterThan(0);
    expect(report.reference.map((t) => t.term)).toContain('great');
    for (const theme of report.target) {
      expect(theme.documentIds.target.length).toBe(theme.targetDocuments);
      expect(theme.targetShare.interval).not.toBeNull();
    }
    // No word and phrase with the same texts both listed.
    for (const theme of report.target.filter((t) => t.words === 2)) {
      for (const part of theme.key.split(' ')) {
        const word = report.target.find((t) => t.key === part);
        if (word !== undefined) expect(word.targetDocuments).toBeGreaterThan(theme.targetDocuments);
      }
    }
  });
});
