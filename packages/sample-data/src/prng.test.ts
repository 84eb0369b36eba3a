import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixKey, Rng, splitmix32 } from './prng.js';

describe('Rng', () => {
  it('is deterministic per key and differs between keys', () => {
    const a = new Rng(mixKey(42, 1, 0));
    const b = new Rng(mixKey(42, 1, 0));
    const c = new Rng(mixKey(42, 1, 1));
    const seqA = Array.from({ length: 8 }, () => a.u32());
    expect(Array.from({ length: 8 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 8 }, () => c.u32())).not.toEqual(seqA);
  });

  it('mixes neighbouring seeds, streams and indexes into distinct keys', () => {
    const keys = new Set<number>();
    for (let seed = 0; seed < 20; seed++)
      for (let stream = 0; stream < 5; stream++)
        for (let index = 0; index < 50; index++) keys.add(mixKey(seed, stream, index));
    expect(keys.size).toBe(20 * 5 * 50);
    expect(splitmix32(0)).not.toBe(splitmix32(1));
  });

  it('next() stays in [0, 1) and int() in its inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (key, min, width) => {
          const rng = new Rng(key);
          for (let i = 0; i < 50; i++) {
            const x = rng.next();
            expect(x >= 0 && x < 1).toBe(true);
            const n = rng.int(min, min + width);
            expect(Number.isInteger(n) && n >= min && n <= min + width).toBe(true);
          }
        },
      ),
    );
  });

  it('has the moments of its distributions (n = 100,000)', () => {
    const rng = new Rng(7);
    const n = 100_000;
    let sum = 0;
    let normalSum = 0;
    let normalSq = 0;
    let expSum = 0;
    const weighted = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      sum += rng.next();
      const z = rng.normal();
      normalSum += z;
      normalSq += z * z;
      expSum += rng.exponential(3);
      weighted[rng.weighted([0, 1, 2], [1, 2, 7])]! += 1;
    }
    // Uniform mean 1/2 (SE = sqrt(1/12/n) ≈ 0.0009); normal mean 0, variance 1; exponential mean 3 (SE ≈ 0.0095).
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(normalSum / n).toBeCloseTo(0, 1);
    expect(normalSq / n).toBeCloseTo(1, 1);
    expect(Math.abs(expSum / n - 3)).toBeLessThan(0.05);
    // Weights 1:2:7 → shares 0.1, 0.2, 0.7 (SE ≤ 0.0015).
    expect(weighted.map((w) => w / n)).toEqual([
      expect.closeTo(0.1, 2),
      expect.closeTo(0.2, 2),
      expect.closeTo(0.7, 2),
    ]);
  });
});
