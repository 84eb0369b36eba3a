import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SentimentAccumulator, type SentimentObservation } from './accumulator.js';

const obs = (label: SentimentObservation['label'], score: number | null): SentimentObservation => ({
  label,
  score,
});

describe('SentimentAccumulator', () => {
  it('computes shares, net and mean score (hand-checked)', () => {
    // 3 positive (0.5, 0.7, 0.9), 1 neutral (0), 1 negative (−0.6), 1 unscored.
    // n = 5; net = (3 − 1)/5 = 0.4; mean = (0.5 + 0.7 + 0.9 + 0 − 0.6)/5 = 0.3.
    const a = new SentimentAccumulator();
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
    expect(r.positive.interval?.lower).toBeCloseTo(0.23072, 5);
    expect(r.positive.interval?.upper).toBeCloseTo(0.88238, 5);
  });
  it('reports n: 0 and null scores with no scored text, never NaN', () => {
    const r = new SentimentAccumulator().add(obs(null, null)).result();
    expect(r).toMatchObject({ n: 0, unscored: 1, net: null, meanScore: null });
    expect(r.positive).toEqual({ count: 0, n: 0, value: null, interval: null });
  });
  it('rejects malformed observations with a path', () => {
    const a = new SentimentAccumulator();
    expect(() => a.add({ label: 'great' as never, score: 0.5 }, ['items', 3])).toThrow(CxValidationError);
    try {
      a.add(obs('positive', 2), ['items', 7]);
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual(['items', 7, 'score']);
    }
    expect(() => a.add(obs('positive', null))).toThrow(CxValidationError);
  });
  it('checks its options strictly (issue 13): `confidence` is now `level`', () => {
    const error = (() => {
      try {
        new SentimentAccumulator({ confidence: 0.9 } as never);
      } catch (e) {
        return e as CxOptionsError;
      }
    })();
    expect(error).toBeInstanceOf(CxOptionsError);
    expect(error?.issues[0]).toMatchObject({ path: ['confidence'], code: 'unknown_option' });
    expect(error?.message).toContain('level');
    expect(() => new SentimentAccumulator({ level: 95 })).toThrow(CxOptionsError);
    expect(() => new SentimentAccumulator(null as never)).toThrow(CxOptionsError);
    expect(() => new SentimentAccumulator({ level: 0.9 }).merge(new SentimentAccumulator())).toThrow(
      /options/u,
    );
  });
  it('round-trips its snapshot as JSON and rejects a malformed one', () => {
    const a = new SentimentAccumulator({ level: 0.9 }).add(obs('positive', 0.5)).add(obs(null, null));
    const copy = SentimentAccumulator.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(copy.result()).toEqual(a.result());
    expect(() => SentimentAccumulator.restore({ ...a.snapshot(), kind: 'Other' })).toThrow(CxValidationError);
    const bad = a.snapshot();
    expect(() => SentimentAccumulator.restore({ ...bad, state: { ...bad.state, scoreSum: 5 } })).toThrow(
      /scoreSum/u,
    );
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
        const whole = new SentimentAccumulator();
        all.forEach((o) => {
          whole.add(o);
        });
        const left = new SentimentAccumulator();
        const right = new SentimentAccumulator();
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
