import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentimentAggregator, type SentimentObservation } from './aggregator.js';

const obs = (label: SentimentObservation['label'], score: number | null): SentimentObservation => ({
  label,
  score,
});

describe('SentimentAggregator', () => {
  it('computes shares, net and mean score (hand-checked)', () => {
    // 3 positive (0.5, 0.7, 0.9), 1 neutral (0), 1 negative (−0.6), 1 unscored.
    // n = 5; net = (3 − 1)/5 = 0.4; mean = (0.5 + 0.7 + 0.9 + 0 − 0.6)/5 = 0.3.
    const a = new SentimentAggregator();
    for (const o of [
      obs('positive', 0.5),
      obs('positive', 0.7),
      obs('positive', 0.9),
      obs('neutral', 0),
      obs('negative', -0.6),
      obs(null, null),
    ]) {
      a.add(o);
    }
    const r = a.result();
    expect(r.n).toBe(5);
    expect(r.unscored).toBe(1);
    expect(r.positive.value).toBeCloseTo(0.6, 12);
    expect(r.net).toBeCloseTo(0.4, 12);
    expect(r.meanScore).toBeCloseTo(0.3, 12);
    // Wilson 95% for 3/5: centre 0.6 + 3.841459/10 = 0.9841459, half 1.959964·√(0.048 + 0.0384146) = 0.5761570,
    // denom 1.7682918 → (0.4079889/1.7682918, 1.5603029/1.7682918) = (0.23072, 0.88238).
    expect(r.positive.lower).toBeCloseTo(0.23072, 5);
    expect(r.positive.upper).toBeCloseTo(0.88238, 5);
  });
  it('reports n: 0 and null scores with no scored text, never NaN', () => {
    const r = new SentimentAggregator().add(obs(null, null)).result();
    expect(r).toMatchObject({ n: 0, unscored: 1, net: null, meanScore: null });
    expect(r.positive).toEqual({ count: 0, n: 0, value: null, lower: null, upper: null });
  });
  it('rejects malformed observations with a path', () => {
    const a = new SentimentAggregator();
    expect(() => a.add({ label: 'great' as never, score: 0.5 }, ['items', 3])).toThrow(CxValidationError);
    try {
      a.add(obs('positive', 2), ['items', 7]);
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual(['items', 7, 'score']);
    }
    expect(() => a.add(obs('positive', null))).toThrow(CxValidationError);
    expect(() => new SentimentAggregator({ confidence: 95 })).toThrow(CxValidationError);
  });
  it('merging partial aggregates equals aggregating the whole', () => {
    const observation = fc.oneof(
      fc.constant(obs(null, null)),
      fc.record({
        label: fc.constantFrom('positive', 'neutral', 'negative' as const),
        score: fc.integer({ min: -100, max: 100 }).map((x) => x / 100),
      }),
    );
    fc.assert(
      fc.property(fc.array(observation), fc.nat(), (all, cut) => {
        const k = all.length === 0 ? 0 : cut % (all.length + 1);
        const whole = new SentimentAggregator();
        all.forEach((o) => {
          whole.add(o);
        });
        const left = new SentimentAggregator();
        const right = new SentimentAggregator();
        all.slice(0, k).forEach((o) => {
          left.add(o);
        });
        all.slice(k).forEach((o) => {
          right.add(o);
        });
        const merged = left.merge(right).result();
        const expected = whole.result();
        expect({ ...merged, meanScore: null }).toEqual({ ...expected, meanScore: null });
        if (expected.meanScore === null) expect(merged.meanScore).toBeNull();
        else expect(merged.meanScore).toBeCloseTo(expected.meanScore, 9);
      }),
    );
  });
});
