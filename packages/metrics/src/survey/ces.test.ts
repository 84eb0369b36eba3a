import { CxOptionsError, CxValidationError, STANDARD_SCALES } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { ces } from './ces.js';
import { CesAccumulator } from './ces-accumulator.js';

describe('ces', () => {
  it('reads CES 2.0 (1–7, higher is easier): mean, t interval and share agreeing ≥ 5', () => {
    const r = ces([7, 6, 5, 5, 4, 2]);
    // Mean 29/6; numpy std(ddof=1) = 1.7224014243685084; t(5) 95%: (3.025783892393412, 6.640882774273254).
    expect(r.score).toBeCloseTo(29 / 6, 12);
    expect(r.standardDeviation).toBeCloseTo(1.7224014243685084, 12);
    expect(r.interval?.lower).toBeCloseTo(3.025783892393412, 10);
    expect(r.interval?.upper).toBeCloseTo(6.640882774273254, 10);
    // 4 of 6 at least somewhat agree (5, 6, 7); scipy Wilson (0.299993315138392, 0.9032285888942195).
    expect(r.lowEffort.count).toBe(4);
    expect(r.lowEffort.n).toBe(6);
    expect(r.lowEffort.value).toBeCloseTo(4 / 6, 14);
    expect(r.lowEffort.interval?.lower).toBeCloseTo(0.299993315138392, 12);
    expect(r.lowEffort.interval?.upper).toBeCloseTo(0.9032285888942195, 12);
    // Ease: (29/6 − 1)/6 · 100 = 63.888…
    expect(r.easeScore).toBeCloseTo((100 * (29 / 6 - 1)) / 6, 12);
  });

  it('takes the reversed direction from legacy 1–5 effort responses', () => {
    const legacy = [1, 2, 2, 3, 5].map((s) =>
      response(s, { metric: 'ces', scale: { ...STANDARD_SCALES.cesLegacy } }),
    );
    const r = ces(legacy);
    expect(r.scale.direction).toBe('lower-is-better');
    expect(r.score).toBeCloseTo(2.6, 12);
    // Low effort = below the midpoint 3: 1, 2, 2 → 60%; scipy Wilson 3/5 (0.23072428127601297, 0.8823792257673521).
    expect(r.lowEffort.value).toBeCloseTo(0.6, 14);
    expect(r.lowEffort.interval?.lower).toBeCloseTo(0.23072428127601297, 12);
    // t(4) interval: (0.7169233116515616, 4.483076688348438).
    expect(r.interval?.lower).toBeCloseTo(0.7169233116515616, 10);
    // Ease: (5 − 2.6)/4 · 100 = 60: the easy end is 1.
    expect(r.easeScore).toBeCloseTo(60, 12);
    // A 1–7 effort scale (lower is easier): low effort is 1–3 (Indellia).
    const effort7 = { min: 1, max: 7, direction: 'lower-is-better', integral: true } as const;
    expect(ces([1, 2, 3, 4, 5, 6, 7], { scale: effort7 }).lowEffort.count).toBe(3);
    expect(ces([7, 6, 1], { lowEffort: [6, 7] }).lowEffort.count).toBe(2);
  });

  it('gives n: 0 and null scores for no responses', () => {
    const r = ces([]);
    expect(r).toMatchObject({ n: 0, score: null, interval: null, easeScore: null });
    expect(r.lowEffort).toEqual({ count: 0, n: 0, value: null, interval: null });
    expect(ces([6])).toMatchObject({ n: 1, score: 6, standardDeviation: null, interval: null });
  });

  it('rejects mixed scales, bad scores and options', () => {
    const mixed = [
      response(6, { metric: 'ces', scale: { ...STANDARD_SCALES.ces } }),
      response(2, { metric: 'ces', scale: { ...STANDARD_SCALES.cesLegacy } }),
    ];
    try {
      ces(mixed);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues[0]?.path).toEqual(['responses', 1, 'scale']);
    }
    expect(() => ces([8])).toThrow(CxValidationError);
    expect(() => ces([5], { lowEffort: [9] })).toThrow(CxOptionsError);
    expect(() => ces([5], { confidence: 0.9 } as never)).toThrow(/renamed to "level"/);
    expect(() => new CesAccumulator().add(Number.NaN)).toThrow(CxValidationError);
    expect(() =>
      new CesAccumulator().merge(new CesAccumulator({ scale: STANDARD_SCALES.cesLegacy })),
    ).toThrow(CxOptionsError);
  });

  it('merges partials to the whole', () => {
    const s = fc.integer({ min: 1, max: 7 });
    const acc = (xs: number[]) => xs.reduce((a, x) => a.add(x), new CesAccumulator());
    fc.assert(
      fc.property(fc.array(s), fc.array(s), (a, b) => {
        expect(acc(a).merge(acc(b)).result()).toEqual(ces([...a, ...b]));
        expect(acc(b).merge(acc(a)).result()).toEqual(ces([...a, ...b]));
      }),
    );
  });
});
