import { CxOptionsError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BgNbdModel, bgNbdConditionalExpectedPurchases } from './bg-nbd.js';
import { customerLifetimeValue } from './clv.js';
import type { ParetoNbdModel } from './pareto-nbd.js';
import { paretoNbdConditionalExpectedPurchases } from './pareto-nbd.js';

const BG: BgNbdModel = {
  kind: 'bg-nbd',
  r: 0.243,
  alpha: 4.414,
  a: 0.793,
  b: 2.426,
  timeUnit: 'week',
  logLikelihood: Number.NaN,
  n: 0,
};
const PARETO: ParetoNbdModel = {
  kind: 'pareto-nbd',
  r: 0.553,
  alpha: 10.578,
  s: 0.606,
  beta: 11.669,
  timeUnit: 'week',
  logLikelihood: Number.NaN,
  n: 0,
};
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86 };

describe('customerLifetimeValue', () => {
  it('discounts each period at its end (hand calculation, one period of one year)', () => {
    // One year = 365.25/7 = 52.178571 weeks; value = E[Y(52.18)] · 20 / 1.1
    const clv = customerLifetimeValue(BG, CUSTOMER, {
      spendPerPurchase: 20,
      periods: 1,
      periodLength: 1,
      periodUnit: 'year',
      discountRate: 0.1,
    });
    const purchases = bgNbdConditionalExpectedPurchases(BG, CUSTOMER, 365.25 / 7);
    expect(clv.value).toBeCloseTo((purchases * 20) / 1.1, 12);
  });

  it('without discounting equals spend × expected purchases over the horizon, for any period split (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom<'week' | 'month' | 'quarter'>('week', 'month', 'quarter'),
        (periods, unit) => {
          for (const model of [BG, PARETO]) {
            const clv = customerLifetimeValue(model, CUSTOMER, {
              spendPerPurchase: 30,
              periods,
              periodLength: 1,
              periodUnit: unit,
              discountRate: 0,
            });
            const horizon = (periods * { week: 7, month: 30.4375, quarter: 91.3125 }[unit]) / 7;
            const expected =
              model.kind === 'bg-nbd'
                ? bgNbdConditionalExpectedPurchases(model, CUSTOMER, horizon)
                : paretoNbdConditionalExpectedPurchases(model, CUSTOMER, horizon);
            expect(clv.value).toBeCloseTo(30 * expected, 9);
            expect(clv.periods).toHaveLength(periods);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('discounting lowers the value; 12 months ≡ 4 quarters of purchases', () => {
    const base = { spendPerPurchase: 30, periodLength: 1 } as const;
    const monthly = customerLifetimeValue(BG, CUSTOMER, {
      ...base,
      periods: 12,
      periodUnit: 'month',
      discountRate: 0,
    });
    const quarterly = customerLifetimeValue(BG, CUSTOMER, {
      ...base,
      periods: 4,
      periodUnit: 'quarter',
      discountRate: 0,
    });
    expect(monthly.expectedPurchases).toBeCloseTo(quarterly.expectedPurchases, 12);
    const discounted = customerLifetimeValue(BG, CUSTOMER, {
      ...base,
      periods: 12,
      periodUnit: 'month',
      discountRate: 0.01,
    });
    expect(discounted.value).toBeLessThan(monthly.value);
  });

  it('rejects missing or bad units and options with positions', () => {
    try {
      customerLifetimeValue(BG, CUSTOMER, {
        spendPerPurchase: -1,
        periods: 0,
        periodLength: 1,
        periodUnit: 'month',
        discountRate: -0.1,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxOptionsError);
      expect((error as CxOptionsError).issues.map((i) => i.path)).toEqual([
        ['spendPerPurchase'],
        ['periods'],
        ['discountRate'],
      ]);
    }
    expect(() =>
      customerLifetimeValue(BG, CUSTOMER, {
        spendPerPurchase: 1,
        periods: 1,
        periodLength: 1,
        periodUnit: 'fortnight' as 'week',
        discountRate: 0,
      }),
    ).toThrow(CxOptionsError);
  });
});
