import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationStats, sortedDurations } from './duration-stats.js';

describe('sortedDurations', () => {
  // Whole milliseconds in 0…2³²−1 take the radix sort from 2048 values on; anything else the built-in sort.
  const wholeMs = fc.integer({ min: 0, max: 2 ** 32 - 1 });
  const other = fc.oneof(
    fc.double({ noNaN: true }),
    fc.constantFrom(-0, 0.5, -1, 2 ** 32, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER),
  );

  it('equals Float64Array.from(values).sort(), bit for bit, on whole milliseconds (property)', () => {
    fc.assert(
      fc.property(fc.array(wholeMs, { minLength: 2000, maxLength: 6000 }), (values) => {
        expect(sortedDurations(values)).toEqual(Float64Array.from(values).sort());
      }),
      { numRuns: 40 },
    );
  });

  it('equals the built-in sort when any value is not a whole number of milliseconds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(wholeMs, { minLength: 2100, maxLength: 3000 }),
        fc.array(other, { minLength: 1, maxLength: 5 }),
        (values, odd) => {
          const all = [...odd, ...values];
          const sorted = sortedDurations(all);
          const expected = Float64Array.from(all).sort();
          expect(sorted.length).toBe(expected.length);
          // Object.is: −0 stays −0 and sorts before +0, as the built-in sort puts it
          for (let i = 0; i < sorted.length; i++) expect(Object.is(sorted[i], expected[i])).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sorts keys that differ only in the high or only in the low 16 bits', () => {
    // 65,536 + 1 > 65,535 + 65,536 in the high digit; 3 < 65,537 in the low digit of the same high digit
    const values = Array.from(
      { length: 3000 },
      (_, i) => [65_536 + 1, 65_535, 3, 65_537, 2 ** 32 - 1, 0][i % 6] as number,
    );
    const sorted = sortedDurations(values);
    expect(Array.from(sorted.subarray(0, 1))).toEqual([0]);
    expect(sorted[sorted.length - 1]).toBe(2 ** 32 - 1);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]! <= sorted[i]!).toBe(true);
  });
});

describe('durationStats', () => {
  it('type-7 percentiles, median, mean, min and max of a hand-checked set', () => {
    // 10, 20, 30, 40: median (20 + 30) / 2 = 25; p90 at h = 3 · 0.9 = 2.7 → 30 + 0.7 · 10 = 37; mean 25
    const r = durationStats([40, 10, 30, 20], [90]);
    expect(r).toEqual({ n: 4, mean: 25, median: 25, min: 10, max: 40, percentiles: { '90': 37 } });
  });

  it('summarizes a large set (radix path) by the order statistics of the built-in sort', () => {
    // 0…100,002 stepped by 7919 mod 100,003 (prime): 5000 distinct values, min 0
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 100_003);
    const sorted = Float64Array.from(values).sort();
    const r = durationStats(values, [25, 75]);
    expect(r.n).toBe(5000);
    expect(r.min).toBe(0);
    expect(r.max).toBe(sorted[4999]);
    // type 7: median at h = 4999 · 0.5 = 2499.5, p25 at h = 1249.75, p75 at h = 3749.25
    expect(r.median).toBe(sorted[2499]! + 0.5 * (sorted[2500]! - sorted[2499]!));
    expect(r.percentiles['25']).toBe(sorted[1249]! + 0.75 * (sorted[1250]! - sorted[1249]!));
    expect(r.percentiles['75']).toBe(sorted[3749]! + 0.25 * (sorted[3750]! - sorted[3749]!));
  });
});
