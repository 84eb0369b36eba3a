import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { effectiveNFromSums, kishEffectiveN } from './effective-n.js';
import { createRandom, sampleBinomial } from './random.js';

describe('createRandom', () => {
  it('is reproducible and seed-dependent', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('is uniform on [0, 1): mean ≈ 1/2 and variance ≈ 1/12 over 200,000 draws', () => {
    const random = createRandom(123);
    let sum = 0;
    let sumSquares = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSquares += u * u;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    // SE of the mean of U(0,1) is √(1/12/n) ≈ 0.00065; allow 5 SE.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('rejects a seed it would have to truncate, instead of aliasing it to another seed', () => {
    // Before: seeds went through `seed | 0`, so 1.5 and 2³² + 1 silently gave the sequences of 1.
    for (const seed of [Number.NaN, 1.5, -1, 2 ** 32, 2 ** 32 + 1, Date.UTC(2026, 0, 1)])
      expect(() => createRandom(seed), String(seed)).toThrow(CxValidationError);
    const a = createRandom(2 ** 32 - 1);
    const b = createRandom(0);
    expect(a()).not.toBe(b());
  });
});

describe('sampleBinomial', () => {
  it('has mean np and variance np(1 − p) for large n', () => {
    const random = createRandom(99);
    const n = 1_000_000;
    const p = 0.3;
    const draws = Array.from({ length: 4000 }, () => sampleBinomial(n, p, random));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    // np = 300,000; np(1 − p) = 210,000; SE of the mean = √(210000/4000) ≈ 7.2; allow 5 SE.
    expect(Math.abs(mean - 300_000)).toBeLessThan(36);
    expect(variance / 210_000).toBeGreaterThan(0.9);
    expect(variance / 210_000).toBeLessThan(1.1);
  });

  it('matches the exact pmf of Binomial(40, 0.25) at k = 10', () => {
    // P(X = 10) = C(40, 10)·0.25¹⁰·0.75³⁰ = 847660528 · 9.5367e-7 · 1.7858e-4 ≈ 0.14436 (scipy binom.pmf: 0.1443643…).
    const random = createRandom(5);
    let hits = 0;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) if (sampleBinomial(40, 0.25, random) === 10) hits++;
    // SE = √(0.144·0.856/100000) ≈ 0.0011; allow 5 SE.
    expect(Math.abs(hits / draws - 0.14436)).toBeLessThan(0.0056);
  });

  it('handles degenerate cases and rejects bad input', () => {
    const random = createRandom(1);
    expect(sampleBinomial(0, 0.5, random)).toBe(0);
    expect(sampleBinomial(10, 0, random)).toBe(0);
    expect(sampleBinomial(10, 1, random)).toBe(10);
    expect(() => sampleBinomial(2.5, 0.5, random)).toThrow(CxValidationError);
    expect(() => sampleBinomial(5, 1.5, random)).toThrow(CxValidationError);
    expect(() => sampleBinomial(5, Number.NaN, random)).toThrow(CxValidationError);
    // Work per draw grows like √n: n is bounded (2³²) so that one call cannot run for hours.
    expect(() => sampleBinomial(1e300, 0.5, random)).toThrow(CxValidationError);
    // A source that does not return numbers in [0, 1) is named rather than looping or biasing the draw.
    expect(() => sampleBinomial(5, 0.5, () => Number.NaN)).toThrow(CxValidationError);
    expect(() => sampleBinomial(500, 0.5, () => 1)).toThrow(CxValidationError);
  });
});

describe('kishEffectiveN', () => {
  it('follows (Σw)²/Σw²', () => {
    // Hand calculation: weights 1, 1, 2 → (4)² / (1 + 1 + 4) = 16/6.
    expect(kishEffectiveN([1, 1, 2])).toBeCloseTo(16 / 6, 14);
    expect(kishEffectiveN([3, 3, 3, 3])).toBe(4);
    expect(kishEffectiveN([])).toBe(0);
    expect(effectiveNFromSums(0, 0)).toBe(0);
    expect(effectiveNFromSums(4, 6)).toBeCloseTo(16 / 6, 14);
  });

  it('does not overflow or vanish for huge and tiny weights (issue 13: weights of 1e200)', () => {
    // Before: Σw² = 6e400 overflowed and the result was NaN; 1e-200 underflowed Σw² to 0.
    expect(kishEffectiveN([1e200, 1e200, 2e200])).toBeCloseTo(16 / 6, 14);
    expect(kishEffectiveN([1e-200, 1e-200, 2e-200])).toBeCloseTo(16 / 6, 14);
    expect(kishEffectiveN([1e300, 1e-300])).toBeCloseTo(1, 14);
  });

  it('rejects sums that cannot come from weights', () => {
    for (const [w, w2] of [
      [Number.NaN, 1],
      [1, Number.POSITIVE_INFINITY],
      [-1, 1],
      [1, 0],
      [1e200, 1e-200],
    ])
      expect(() => effectiveNFromSums(w as number, w2 as number)).toThrow(CxValidationError);
  });

  it('names each bad weight', () => {
    try {
      kishEffectiveN([1, 0, Number.NaN]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['weights', 1],
        ['weights', 2],
      ]);
    }
  });
});
