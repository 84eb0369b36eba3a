import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale, niceDomain, niceStep } from './scale.js';

describe('axis scales', () => {
  it('picks steps of 1, 2, 2.5 and 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(1, 4)).toBe(0.25);
    expect(niceStep(7, 5)).toBe(2);
    expect(niceStep(0, 5)).toBe(1e-9); // the smallest step
  });

  it('widens a domain to whole steps (NPS from −35.8 to 96.5 → −50 to 100 by 50)', () => {
    expect(niceDomain(-35.8, 96.5, 5)).toEqual({ domain: [-50, 100], ticks: [-50, 0, 50, 100] });
    const small = niceDomain(0, 0.15, 5);
    expect(small.ticks).toEqual([0, 0.05, 0.1, 0.15]);
    expect(small.domain[1]).toBeCloseTo(0.15, 12);
  });

  it('always covers the data with a bounded number of ticks (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const { domain, ticks } = niceDomain(a, b, 5);
          expect(domain[0]).toBeLessThanOrEqual(Math.min(a, b));
          expect(domain[1]).toBeGreaterThanOrEqual(Math.max(a, b));
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });

  it('maps a domain linearly, and a zero-width domain to the range start', () => {
    const y = linearScale([-100, 100], [300, 0]);
    expect(y(0)).toBe(150);
    expect(y(100)).toBe(0);
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });
});
