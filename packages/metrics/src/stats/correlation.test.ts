import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorrelationAccumulator, pearsonCorrelation } from './correlation.js';

describe('pearsonCorrelation', () => {
  it('matches scipy.stats.pearsonr (r, p-value and Fisher-z confidence_interval)', () => {
    // scipy 1.17.1 pearsonr([1,2,3,4], [2,4,5,9]): r = 0.9647638212377322, p = 0.03523617876226792,
    // confidence_interval(0.95) = (0.0505199513152928, 0.9992885394198988).
    const a = pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]);
    expect(a.r).toBeCloseTo(0.9647638212377322, 13);
    expect(a.pValue).toBeCloseTo(0.03523617876226792, 12);
    expect(a.interval?.lower).toBeCloseTo(0.0505199513152928, 12);
    expect(a.interval?.upper).toBeCloseTo(0.9992885394198988, 12);
    // pearsonr(x, y) for 10 pairs: r = 0.9307578419910344, p = 9.245057884503952e-05,
    // confidence_interval(0.90) = (0.778807577066743, 0.9795258688513165).
    const b = pearsonCorrelation([3, 5, 2, 8, 7, 4, 6, 9, 1, 5], [4, 6, 3, 9, 6, 5, 5, 10, 2, 7], {
      level: 0.9,
    });
    expect(b.r).toBeCloseTo(0.9307578419910344, 13);
    expect(b.pValue).toBeCloseTo(9.245057884503952e-5, 15);
    expect(b.interval?.lower).toBeCloseTo(0.778807577066743, 12);
    expect(b.interval?.upper).toBeCloseTo(0.9795258688513165, 12);
  });

  it('returns nulls when undefined and rejects bad input', () => {
    expect(pearsonCorrelation([], [])).toEqual({ n: 0, r: null, interval: null, pValue: null });
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3]).r).toBeNull();
    expect(pearsonCorrelation([1, 2, 3], [2, 4, 7])).toMatchObject({ interval: null });
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 4, 6, 8])).toMatchObject({ r: 1, pValue: 0 });
    expect(() => pearsonCorrelation([1, 2], [1])).toThrow(CxValidationError);
    expect(() => pearsonCorrelation([1, Number.NaN], [1, 2])).toThrow(CxValidationError);
    // Values whose squares would overflow are refused rather than turned into a NaN r.
    expect(() => pearsonCorrelation([1e200, -1e200, 0], [1, 2, 3])).toThrow(CxValidationError);
  });

  it('takes its level as an option (the bare third argument of 0.1 is an options error)', () => {
    expect(() => pearsonCorrelation([1, 2], [1, 2], 0.9 as never)).toThrow(CxOptionsError);
    expect(() => pearsonCorrelation([1, 2], [1, 2], { confidence: 0.9 } as never)).toThrow(
      /renamed to "level"/,
    );
    expect(() => new CorrelationAccumulator({ level: 1 })).toThrow(CxOptionsError);
  });

  it('adds pairs as two numbers or a tuple, validating before it changes anything', () => {
    const acc = new CorrelationAccumulator().add(1, 2).add([2, 4]);
    expect(() => acc.add(3, Number.POSITIVE_INFINITY)).toThrow(CxValidationError);
    expect(acc.n).toBe(2);
    expect(acc.result().r).toBeCloseTo(1, 14);
  });

  it('restores its snapshot and refuses inconsistent moments', () => {
    const acc = new CorrelationAccumulator({ level: 0.9 }).add(1, 2).add(2, 4).add(3, 7).add(5, 5);
    const restored = CorrelationAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
    expect(restored.result()).toEqual(acc.result());
    const s = acc.snapshot();
    expect(() => CorrelationAccumulator.restore({ ...s, state: { ...s.state, cxy: 1e6 } })).toThrow(
      /Inconsistent/,
    );
    expect(() => CorrelationAccumulator.restore({ ...s, state: { ...s.state, n: 0 } })).toThrow(
      /Inconsistent/,
    );
    expect(() => acc.merge(new CorrelationAccumulator())).toThrow(CxOptionsError);
  });

  it('merges partials to the whole (up to rounding), in any order', () => {
    const pair = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }));
    fc.assert(
      fc.property(fc.array(pair), fc.array(pair), fc.array(pair), (a, b, c) => {
        const acc = (xs: [number, number][]) =>
          xs.reduce((s, [x, y]) => s.add(x, y), new CorrelationAccumulator());
        const all = [...a, ...b, ...c];
        const whole = pearsonCorrelation(
          all.map((p) => p[0]),
          all.map((p) => p[1]),
        );
        const merged = acc(a)
          .merge(acc(b).merge(acc(c)))
          .result();
        const other = acc(c).merge(acc(a)).merge(acc(b)).result();
        expect(merged.n).toBe(whole.n);
        for (const m of [merged, other]) {
          if (whole.r === null) expect(m.r === null || Math.abs(m.r) <= 1).toBe(true);
          else expect(m.r).toBeCloseTo(whole.r, 9);
        }
      }),
    );
  });
});

describe('CorrelationAccumulator at r = ±1', () => {
  // Found by the contract suite (seed -1006475241): (1, 8), (3, 4), (1, 8) lie on one line, so r = −1 and the
  // p-value is 0 (t is infinite). Merged in another order, the Welford sums gave r = −0.9999999999999998 and a
  // p-value of about 1e-8 (df = 1: p ≈ 2/(π·t), t ≈ 4.7e7), so the result depended on the merge order.
  const points: Array<readonly [number, number]> = [
    [1, 8],
    [3, 4],
    [1, 8],
  ];
  const fill = (xs: ReadonlyArray<readonly [number, number]>) => {
    const acc = new CorrelationAccumulator();
    for (const [x, y] of xs) acc.add(x, y);
    return acc;
  };
  it('gives r = −1 and p = 0 whatever the merge order', () => {
    for (const order of [
      [[0], [1], [2]],
      [[2], [1], [0]],
      [[1, 2], [0]],
      [[2], [0, 1]],
    ]) {
      const parts = order.map((idx) => fill(idx.map((i) => points[i] as readonly [number, number])));
      const acc = parts[0] as CorrelationAccumulator;
      for (const part of parts.slice(1)) acc.merge(part);
      expect(acc.result()).toMatchObject({ n: 3, r: -1, pValue: 0 });
    }
  });
  it('keeps an r just inside ±1 that is above the rounding error', () => {
    // (0, 0), (1, 1), (2, 2.001): by hand cxy = 2.001, m2x = 2, m2y ≈ 2.0020007, so r = 2.001/√(4.0040013) ≈ 0.99999998.
    const r = fill([
      [0, 0],
      [1, 1],
      [2, 2.001],
    ]).result().r as number;
    expect(r).toBeLessThan(1);
    expect(r).toBeGreaterThan(0.9999);
  });
});
