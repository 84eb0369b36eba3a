import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AspectAccumulator, type AspectObservation } from './accumulator.js';
import { CX_TOPICS } from './topic-lexicon.js';

const labels = ['positive', 'neutral', 'negative'] as const;
const observation: fc.Arbitrary<AspectObservation> = fc.oneof(
  fc.constant({ label: null, aspects: [] }),
  fc.record({
    label: fc.constantFrom(...labels),
    aspects: fc.uniqueArray(
      fc.record({
        topic: fc.constantFrom(...CX_TOPICS),
        label: fc.constantFrom(...labels),
        score: fc.integer({ min: -8, max: 8 }).map((k) => k / 8),
      }),
      { selector: (a) => a.topic, maxLength: 3 },
    ),
  }),
);
const fill = (items: readonly AspectObservation[]) => {
  const acc = new AspectAccumulator();
  for (const item of items) acc.add(item);
  return acc;
};

describe('AspectAccumulator', () => {
  it('counts topic shares and sentiment toward each topic (hand-checked)', () => {
    // 4 scored texts, 1 unscored. Delivery in 2 of 4 (one negative −0.5, one positive 0.7); support in 1.
    const r = fill([
      { label: 'negative', aspects: [{ topic: 'delivery', label: 'negative', score: -0.5 }] },
      { label: 'positive', aspects: [{ topic: 'delivery', label: 'positive', score: 0.7 }] },
      { label: 'neutral', aspects: [{ topic: 'support', label: 'neutral', score: 0 }] },
      { label: 'positive', aspects: [] },
      { label: null, aspects: [] },
    ]).result();
    expect(r).toMatchObject({ texts: 4, unscored: 1, withoutTopic: 1, level: 0.95 });
    const delivery = r.topics.find((t) => t.topic === 'delivery');
    expect(delivery?.share.value).toBe(0.5);
    // Wilson 95% for 2/4: centre 0.5 + 3.841459/8 = 0.980182, half 1.959964·√(0.0625 + 3.841459/64) = 0.686051,
    // denominator 1 + 3.841459/4 = 1.960365 → (0.150039, 0.849961).
    expect(delivery?.share.interval?.lower).toBeCloseTo(0.150039, 5);
    expect(delivery?.share.interval?.upper).toBeCloseTo(0.849961, 5);
    expect(delivery?.sentiment).toMatchObject({ n: 2, net: 0 });
    expect(delivery?.sentiment.meanScore).toBeCloseTo(0.1, 12);
    expect(r.topics.find((t) => t.topic === 'price')?.sentiment.net).toBeNull();
  });
  it('merges like adding everything to one (associative, commutative) and round-trips snapshots', () => {
    fc.assert(
      fc.property(fc.array(observation), fc.array(observation), fc.array(observation), (a, b, c) => {
        const whole = fill([...a, ...b, ...c]).result();
        expect(fill(a).merge(fill(b)).merge(fill(c)).result()).toEqual(whole);
        expect(
          fill(c)
            .merge(fill(b).merge(fill(a)))
            .result(),
        ).toEqual(whole);
        const snap = JSON.parse(JSON.stringify(fill([...a, ...b, ...c]).snapshot()));
        expect(AspectAccumulator.restore(snap).result()).toEqual(whole);
      }),
    );
  });
  it('refuses to merge accumulators with different options', () => {
    const error = (() => {
      try {
        new AspectAccumulator({ level: 0.9 }).merge(new AspectAccumulator());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CxOptionsError);
    expect((error as CxOptionsError).issues[0]?.code).toBe('options_mismatch');
  });
  it('rejects bad options, bad observations before counting, and bad snapshots', () => {
    expect(() => new AspectAccumulator({ level: 1 })).toThrow(CxOptionsError);
    expect(() => new AspectAccumulator({ levl: 0.9 } as never)).toThrow(/did you mean "level"/u);
    expect(() => new AspectAccumulator(null as never)).toThrow(CxOptionsError);
    const acc = new AspectAccumulator();
    expect(() =>
      acc.add({
        label: 'positive',
        aspects: [
          { topic: 'delivery', label: 'positive', score: 0.5 },
          { topic: 'weather' as never, label: 'positive', score: 2 },
        ],
      }),
    ).toThrow(CxValidationError);
    expect(acc.result().texts).toBe(0);
    expect(acc.result().topics.find((t) => t.topic === 'delivery')?.share.count).toBe(0);
    expect(() => AspectAccumulator.restore({ kind: 'AspectAccumulator' })).toThrow(CxValidationError);
    const snap = fill([
      { label: 'positive', aspects: [{ topic: 'price', label: 'positive', score: 0.2 }] },
    ]).snapshot();
    expect(() => AspectAccumulator.restore({ ...snap, state: { ...snap.state, texts: 0 } })).toThrow(
      /no more mentions/u,
    );
  });

  it('restores the version 1 snapshots of 0.2 (state beside the options) into the version 2 shape', () => {
    const v1 = {
      kind: 'AspectAccumulator',
      version: 1,
      options: { level: 0.9 },
      texts: 2,
      unscored: 1,
      withoutTopic: 1,
      topics: { price: { positive: 1, neutral: 0, negative: 0, unscored: 0, scoreSum: 0.2 } },
    };
    const restored = AspectAccumulator.restore(v1);
    expect(restored.snapshot()).toEqual({
      kind: 'AspectAccumulator',
      version: 2,
      options: { level: 0.9 },
      state: { texts: 2, unscored: 1, withoutTopic: 1, topics: v1.topics },
    });
    expect(() => AspectAccumulator.restore({ ...v1, version: 2 })).toThrow(CxValidationError);
  });
});
