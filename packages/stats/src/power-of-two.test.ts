import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentAbove, scaleByPowerOfTwo } from './power-of-two.js';

describe('scaleByPowerOfTwo', () => {
  it('scales exactly where a direct product would overflow or underflow on the way', () => {
    // 2^-1074 · 2^2000 = 2^926; computing 2 ** 2000 first gives Infinity.
    expect(scaleByPowerOfTwo(2 ** -1074, 2000)).toBe(2 ** 926);
    expect(scaleByPowerOfTwo(2 ** 1023, -2000)).toBe(2 ** -977);
    expect(scaleByPowerOfTwo(3, 4)).toBe(48);
    expect(scaleByPowerOfTwo(-1.5, -1)).toBe(-0.75);
  });
  it('round-trips any double through k and -k while in range (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: 1e-300, max: 1e300 }),
        fc.integer({ min: -900, max: 900 }),
        (x, k) => {
          const y = scaleByPowerOfTwo(x, k);
          if (y !== 0 && Number.isFinite(y) && Math.abs(y) >= 2 ** -1022)
            expect(scaleByPowerOfTwo(y, -k)).toBe(x);
        },
      ),
    );
  });
});

describe('exponentAbove', () => {
  it('is exact at and around powers of two (hand values)', () => {
    expect(exponentAbove(1)).toBe(0);
    expect(exponentAbove(8)).toBe(3);
    expect(exponentAbove(9)).toBe(4);
    expect(exponentAbove(0.3)).toBe(-1); // 2^-2 = 0.25 < 0.3 ≤ 0.5
    expect(exponentAbove(Number.MAX_VALUE)).toBe(1024);
    expect(exponentAbove(2 ** -1074)).toBe(-1074);
  });
  it('is the smallest e with 2^e ≥ w (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: 2 ** -1074, max: Number.MAX_VALUE }),
        (w) => {
          const e = exponentAbove(w);
          expect(scaleByPowerOfTwo(1, e) >= w).toBe(true);
          if (e > -1074) expect(scaleByPowerOfTwo(1, e - 1) < w).toBe(true);
        },
      ),
    );
  });
});
