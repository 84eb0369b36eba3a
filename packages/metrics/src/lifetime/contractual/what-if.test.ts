import { CxOptionsError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retentionWhatIf } from './what-if.js';

describe('retentionWhatIf', () => {
  it('matches a hand calculation for α = β = 1 (rₜ = t/(t + 1)) with +10 points', () => {
    // Baseline r₁ = 1/2, r₂ = 2/3 → survivors 50, 33.333; lifted r = 0.6, 0.7667 → 60, 46.0
    // Value at 10/period, d = 0: baseline 833.33, scenario 1060 → extra 226.67
    const result = retentionWhatIf(
      { alpha: 1, beta: 1, cohortSize: 100 },
      { lift: 0.1, periods: 2, valuePerPeriod: 10 },
    );
    expect(result.baselineSurvivors).toEqual([50, expect.closeTo(33.3333, 4)]);
    expect(result.scenarioSurvivors).toEqual([expect.closeTo(60, 10), expect.closeTo(46, 10)]);
    expect(result.extraCustomers).toBeCloseTo(12.6667, 4);
    expect(result.extraCustomerPeriods).toBeCloseTo(22.6667, 4);
    expect(result.extraValue).toBeCloseTo(226.667, 3);
  });

  it('zero lift is worth nothing; a positive lift is worth more the longer the horizon (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        fc.double({ min: 0.001, max: 0.3, noNaN: true }),
        (alpha, beta, lift) => {
          const model = { alpha, beta, cohortSize: 1000 };
          expect(retentionWhatIf(model, { lift: 0, periods: 5 }).extraValue).toBe(0);
          const short = retentionWhatIf(model, { lift, periods: 3, discountRate: 0.05 });
          const long = retentionWhatIf(model, { lift, periods: 10, discountRate: 0.05 });
          expect(short.extraValue).toBeGreaterThan(0);
          expect(long.extraValue).toBeGreaterThan(short.extraValue);
          for (const s of long.scenarioSurvivors) expect(s).toBeLessThanOrEqual(1000);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects bad options with positions', () => {
    try {
      retentionWhatIf({ alpha: 1, beta: 1, cohortSize: 100 }, { lift: 5, periods: 1.5, discountRate: -1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxOptionsError);
      expect((error as CxOptionsError).issues.map((i) => i.path)).toEqual([
        ['lift'],
        ['periods'],
        ['discountRate'],
      ]);
    }
  });
});
