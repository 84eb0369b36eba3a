import { CxLimitError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ces } from './ces.js';
import { csat } from './csat.js';
import { nps } from './nps.js';
import { NpsAccumulator } from './nps-accumulator.js';

/** A result without the one field that carries the caller's unit of weight. */
const relative = <T extends { totalWeight: number }>(r: T): Omit<T, 'totalWeight'> => {
  const { totalWeight: _, ...rest } = r;
  return rest;
};

describe('weights: only their ratios matter', () => {
  it('gives weights of 1e200 the result of weights of 1, instead of NaN from an overflowing Σw² (issue 13)', () => {
    // Before: Σw² = 3e400 overflowed to Infinity and n_eff = (Σw)²/Σw² was NaN, so NPS was NaN.
    const unit = nps([10, 0, 8], { weights: [2, 1, 1] });
    const huge = nps([10, 0, 8], { weights: [2e200, 1e200, 1e200] });
    // Hand calculation (see nps.test.ts): NPS 25, n_eff = 4²/6.
    expect(huge.score).toBeCloseTo(25, 12);
    expect(huge.effectiveN).toBeCloseTo(16 / 6, 12);
    expect(huge.totalWeight).toBeCloseTo(4e200, -188);
    expect(huge.interval?.lower).toBeCloseTo(unit.interval?.lower as number, 9);
    expect(huge.interval?.upper).toBeCloseTo(unit.interval?.upper as number, 9);
    const tiny = nps([10, 0, 8], { weights: [2e-200, 1e-200, 1e-200] });
    expect(tiny.score).toBeCloseTo(25, 12);
    expect(tiny.effectiveN).toBeCloseTo(16 / 6, 12);
  });

  it('keeps CSAT and CES finite for huge and tiny weights', () => {
    const c = csat([5, 4, 1], { weights: [1e300, 1e300, 2e300] });
    expect(c.score).toBeCloseTo(0.5, 12);
    expect(c.effectiveN).toBeCloseTo(16 / 6, 12);
    expect(Number.isFinite(c.mean.interval?.upper)).toBe(true);
    const e = ces([7, 1], { weights: [1e-300, 3e-300] });
    expect(e.score).toBeCloseTo(2.5, 12);
    expect(e.lowEffort.value).toBeCloseTo(0.25, 12);
  });

  it('refuses a total weight beyond the largest finite number, before changing anything', () => {
    const acc = new NpsAccumulator().add(9, 1.5e308);
    const before = JSON.stringify(acc.snapshot());
    expect(() => acc.add(3, 1.5e308)).toThrow(CxLimitError);
    expect(JSON.stringify(acc.snapshot())).toBe(before);
    expect(() => new NpsAccumulator().add(9, 1.5e308).merge(new NpsAccumulator().add(3, 1.5e308))).toThrow(
      CxLimitError,
    );
  });

  it('is invariant under scaling every weight by the same factor (property)', () => {
    const entry = fc.record({
      s: fc.integer({ min: 0, max: 10 }),
      w: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    const factor = fc.constantFrom(1e-250, 1e-100, 3, 1e100, 1e250);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 40 }), factor, (entries, k) => {
        const scores = entries.map((e) => e.s);
        const a = nps(scores, { weights: entries.map((e) => e.w) });
        const b = nps(scores, { weights: entries.map((e) => e.w * k) });
        const ra = relative(a);
        const rb = relative(b);
        expect(rb.score).toBeCloseTo(ra.score as number, 8);
        expect(rb.effectiveN).toBeCloseTo(ra.effectiveN, 8);
        expect(rb.interval?.lower).toBeCloseTo(ra.interval?.lower as number, 7);
        expect(Number.isFinite(b.totalWeight)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('never puts NaN or an infinity in any result, whatever the weights (property)', () => {
    const finiteEverywhere = (value: unknown): boolean =>
      typeof value === 'number'
        ? Number.isFinite(value)
        : typeof value !== 'object' || value === null || Object.values(value).every(finiteEverywhere);
    const weight = fc.oneof(
      fc.double({ min: 1e-300, max: 1e-200, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      fc.double({ min: 1e200, max: 1e300, noNaN: true }),
    );
    const entry = fc.record({ s: fc.integer({ min: 1, max: 5 }), w: weight });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.constantFrom(0.5, 0.9, 0.999), (entries, level) => {
        const scores = entries.map((e) => e.s);
        const weights = entries.map((e) => e.w);
        const scale = { min: 1, max: 5, direction: 'higher-is-better', integral: true } as const;
        for (const method of ['adjusted-wald', 'wald', 'bootstrap'] as const)
          expect(
            finiteEverywhere(nps(scores, { scale, promoterMin: 5, detractorMax: 3, weights, level, method })),
          ).toBe(true);
        expect(
          finiteEverywhere(csat(scores, { weights, level, neutral: [3], denominator: 'exclude-neutral' })),
        ).toBe(true);
        expect(finiteEverywhere(ces(scores, { weights, level, scale }))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('merges partials with wildly different weight scales to the whole', () => {
    const a = new NpsAccumulator().add(10, 1e-200).add(3, 2e-200);
    const b = new NpsAccumulator().add(9, 1e200).add(0, 1e200);
    const whole = new NpsAccumulator().add(10, 1e-200).add(3, 2e-200).add(9, 1e200).add(0, 1e200);
    expect(relative(a.merge(b).result())).toEqual(relative(whole.result()));
    expect(whole.result().score).toBeCloseTo(0, 12);
  });
});
