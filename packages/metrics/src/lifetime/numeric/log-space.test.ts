import { describe, expect, it } from 'vitest';
import { logAddExp, logSubExp } from './log-space.js';

describe('logAddExp / logSubExp', () => {
  it('adds and subtracts in log space without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSubExp(1000, 1000 - Math.LN2)).toBeCloseTo(1000 - Math.LN2, 12);
    expect(logSubExp(2, 2)).toBe(Number.NEGATIVE_INFINITY);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    expect(logSubExp(Math.log(3), Math.log(1))).toBeCloseTo(Math.LN2, 14);
    expect(logSubExp(0, -1e-20)).toBeCloseTo(Math.log(1e-20), 10);
  });
});
