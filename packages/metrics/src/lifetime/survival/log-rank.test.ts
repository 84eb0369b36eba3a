import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { GEHAN } from '../__fixtures__/gehan.js';
import { logRankTest } from './log-rank.js';

describe('logRankTest', () => {
  it('reproduces the 6-MP versus placebo log-rank test (R MASS::gehan survdiff; Kleinbaum & Klein 16.79)', () => {
    // R: survdiff(Surv(time, cens) ~ treat, data = gehan):
    //   6-MP N = 21, O = 9, E = 19.3; control N = 21, O = 21, E = 10.7; Chisq = 16.8 on 1 df, p = 4.17e-05.
    const test = logRankTest(GEHAN);
    expect(test.groups).toEqual([
      { group: '6-MP', n: 21, observed: 9, expected: expect.closeTo(19.25, 2) },
      { group: 'placebo', n: 21, observed: 21, expected: expect.closeTo(10.75, 2) },
    ]);
    expect(test.df).toBe(1);
    expect(test.statistic).toBeCloseTo(16.79, 2);
    expect(test.pValue).toBeCloseTo(4.17e-5, 6);
  });

  it('does not depend on group order and Σ O = Σ E', () => {
    const reversed = logRankTest([...GEHAN].reverse());
    expect(reversed.statistic).toBeCloseTo(logRankTest(GEHAN).statistic, 10);
    const sumO = reversed.groups.reduce((s, g) => s + g.observed, 0);
    const sumE = reversed.groups.reduce((s, g) => s + g.expected, 0);
    expect(sumE).toBeCloseTo(sumO, 10);
  });

  it('handles three groups (df = 2)', () => {
    // Groups a = {1,2}, b = {3,4}, c = {5,6}, all events. O = (2, 2, 2), E = (0.5333, 1.5667, 3.9); the
    // statistic (O−E)ᵀV⁻¹(O−E) over a and b is 7.2504 (independent numpy computation of the textbook formula).
    const obs = [1, 2, 3, 4, 5, 6].map((time, i) => ({
      time,
      event: true,
      group: ['a', 'b', 'c'][Math.floor(i / 2)]!,
    }));
    const test = logRankTest(obs);
    expect(test.df).toBe(2);
    expect(test.groups.map((g) => g.expected)).toEqual([
      expect.closeTo(0.53333, 4),
      expect.closeTo(1.56667, 4),
      expect.closeTo(3.9, 10),
    ]);
    expect(test.statistic).toBeCloseTo(7.2504235, 6);
    expect(test.pValue).toBeCloseTo(Math.exp(-7.2504235 / 2), 8); // χ²₂ survival = e^(−x/2)
  });

  it('returns statistic 0 and p = 1 for identical groups', () => {
    const obs = [1, 2, 3].flatMap((time) => [
      { time, event: true, group: 'x' },
      { time, event: true, group: 'y' },
    ]);
    const test = logRankTest(obs);
    expect(test.statistic).toBeCloseTo(0, 12);
    expect(test.pValue).toBeCloseTo(1, 12);
  });

  it('rejects a single group and bad rows', () => {
    expect(() => logRankTest([{ time: 1, event: true, group: 'a' }])).toThrow(CxValidationError);
    try {
      logRankTest([
        { time: 1, event: true, group: 'a' },
        { time: Number.NaN, event: true, group: 'b' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['observations', 1, 'time']);
    }
  });
});
