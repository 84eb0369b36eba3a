import type { Subscription } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subscriptionsArb } from './__fixtures__/subscriptions.js';
import { churnSeries } from './churn-series.js';
import { decimalPlaces, MAX_TOTAL_UNITS, mrrUnits } from './mrr-units.js';
import { periodChurn } from './period-churn.js';
import { prepareSubscriptions } from './prepare.js';
import { nearest } from './reference.js';

const JAN = '2026-01-01T00:00:00Z';
const FEB = '2026-02-01T00:00:00Z';

/** `count` customers, each with one plan of `amount` per `billingInterval`, active through January 2026. */
function plans(
  count: number,
  amount: number,
  billingInterval: Subscription['billingInterval'],
): Subscription[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    customerId: `c${i}`,
    status: 'active',
    startedAt: '2025-06-01T00:00:00Z',
    amount,
    currency: 'EUR',
    billingInterval,
    amountChanges: [],
    properties: {},
  }));
}

describe('decimal places of an amount (shortest round-trip form)', () => {
  it('counts the places String() prints, up to 6', () => {
    expect(decimalPlaces(290)).toBe(0);
    expect(decimalPlaces(29.9)).toBe(1);
    expect(decimalPlaces(0.1)).toBe(1);
    expect(decimalPlaces(19.99)).toBe(2);
    expect(decimalPlaces(0.000001)).toBe(6);
    expect(decimalPlaces(0)).toBe(0);
  });

  it('gives -1 beyond 6 places or beyond safe integers', () => {
    expect(decimalPlaces(0.0000001)).toBe(-1);
    expect(decimalPlaces(1 / 3)).toBe(-1);
    expect(decimalPlaces(0.1 + 0.2)).toBe(-1); // 0.30000000000000004: 17 places
    expect(decimalPlaces(2 ** 60)).toBe(-1);
  });
});

describe('MRR units of a table', () => {
  const offsets = (n: number): Int32Array => Int32Array.from({ length: n + 1 }, (_, i) => i);

  it('scales by 10^k times the least common denominator of the intervals present', () => {
    // Months only, 2 places: 1/100 of the currency. 19.99 → 1999 units.
    const months = mrrUnits(Float64Array.of(19.99, 5), offsets(2), ['month', 'month']);
    expect(months.scale).toBe(100);
    expect(Array.from(months.units)).toEqual([1999, 500]);
    // A year (1/12) and a quarter (1/3): D = 12; 290 a year = 290/12 a month = 290 units of 1/12; 30 a quarter =
    // 10 a month = 120 units.
    const mixed = mrrUnits(Float64Array.of(290, 30), offsets(2), ['year', 'quarter']);
    expect(mixed.scale).toBe(12);
    expect(Array.from(mixed.units)).toEqual([290, 120]);
    // A week is 52/12 = 13/3 months: D = 3; 1.5 a week = 6.5 a month = 195 units of 1/30.
    const week = mrrUnits(Float64Array.of(1.5), offsets(1), ['week']);
    expect(week.scale).toBe(30);
    expect(Array.from(week.units)).toEqual([195]);
  });

  it('has no scale (float fallback) for more than 6 places or a total of 2^52 units or more', () => {
    expect(mrrUnits(Float64Array.of(10 / 3), offsets(1), ['month'])).toMatchObject({
      scale: 0,
      reason: 'decimals',
    });
    // 2^52 units exactly is allowed; one more unit is not.
    expect(mrrUnits(Float64Array.of(MAX_TOTAL_UNITS), offsets(1), ['month']).scale).toBe(1);
    expect(mrrUnits(Float64Array.of(MAX_TOTAL_UNITS, 1), offsets(2), ['month', 'month'])).toMatchObject({
      scale: 0,
      reason: 'total',
    });
  });
});

describe('revenue sums are exact and rounded once', () => {
  it('three yearly plans of 290: start MRR exactly 72.5 (hand: 3 × 290 / 12)', () => {
    const [p] = churnSeries(plans(3, 290, 'year'), { interval: 'month', from: JAN, to: FEB });
    expect(p?.revenue.startMrr).toBe(72.5);
    expect(p?.revenue.endMrr).toBe(72.5);
    expect(p?.revenue.nrr).toBe(1);
  });

  it('ten yearly plans of 290: the correctly rounded 2900 / 12, where the float sum in customer order is off', () => {
    // Adding 290/12 ten times in floating point gives 241.66666666666663; the exact value is 725/3 =
    // 241.666…, whose nearest double is 241.66666666666666 (= 2900 / 12, one IEEE division).
    let ordered = 0;
    for (let i = 0; i < 10; i++) ordered += 290 / 12;
    expect(ordered).toBe(241.66666666666663);
    const [p] = churnSeries(plans(10, 290, 'year'), { interval: 'month', from: JAN, to: FEB });
    expect(p?.revenue.startMrr).toBe(241.66666666666666);
    expect(p?.revenue.startMrr).not.toBe(ordered);
  });

  it('three monthly plans of 0.10: 0.3, not 0.30000000000000004', () => {
    expect(0.1 + 0.1 + 0.1).toBe(0.30000000000000004);
    const p = periodChurn(plans(3, 0.1, 'month'), JAN, FEB);
    expect(p.revenue.startMrr).toBe(0.3);
  });

  it('expansion, contraction and churned by hand, with the ratios of the exact sums', () => {
    // a: 10.10 a month, upgraded to 20.20 on 15 Jan (expansion 10.10). b: 30.30 a quarter (10.10 a month),
    // cancelled 20 Jan (churned 10.10). c: 0.30 a month, down to 0.10 (contraction 0.20). d joins on 5 Jan at 1.
    const subs: Subscription[] = [
      {
        ...plans(1, 10.1, 'month')[0]!,
        customerId: 'a',
        amountChanges: [{ at: '2026-01-15T00:00:00Z', amount: 20.2 }],
      },
      {
        ...plans(1, 30.3, 'quarter')[0]!,
        customerId: 'b',
        status: 'cancelled',
        endedAt: '2026-01-20T00:00:00Z',
      },
      {
        ...plans(1, 0.3, 'month')[0]!,
        customerId: 'c',
        amountChanges: [{ at: '2026-01-02T00:00:00Z', amount: 0.1 }],
      },
      { ...plans(1, 1, 'month')[0]!, customerId: 'd', startedAt: '2026-01-05T00:00:00Z' },
    ];
    const [p] = churnSeries(subs, { interval: 'month', from: JAN, to: FEB });
    const r = p!.revenue;
    expect(r.startMrr).toBe(20.5); // 10.10 + 10.10 + 0.30
    expect(r.endMrr).toBe(20.3); // 20.20 + 0.10
    expect(r.newMrr).toBe(1);
    expect(r.expansion).toBe(10.1);
    expect(r.contraction).toBe(0.2);
    expect(r.churned).toBe(10.1);
    // NRR = (20.5 + 10.1 − 0.2 − 10.1) / 20.5 = 20.3 / 20.5 = 203/205; GRR = 10.2 / 20.5 = 102/205.
    expect(r.nrr).toBe(203 / 205);
    expect(r.grr).toBe(102 / 205);
    expect(r.revenueChurnRate).toBe(103 / 205);
    expect(r.netRevenueChurnRate).toBe(2 / 205);
  });

  it('is the same whatever the order of the subscriptions (property: exact sums do not depend on order)', () => {
    fc.assert(
      fc.property(subscriptionsArb, fc.integer(), (subs, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(subs, { minLength: subs.length }), {
          seed,
          numRuns: 1,
        })[0] as Subscription[];
        const options = {
          interval: 'week',
          from: '2025-12-01T00:00:00Z',
          to: '2026-09-01T00:00:00Z',
        } as const;
        expect(churnSeries(shuffled, options)).toEqual(churnSeries(subs, options));
      }),
      { numRuns: 100 },
    );
  });

  it('falls back to float sums in customer order, documented by mrrScale 0', () => {
    // 1/3 a month has 16 decimal places: no exact scale. The sum is the float one, 1/3 + 1/3 + 1/3 in order.
    const third = prepareSubscriptions(plans(3, 1 / 3, 'month'));
    expect(third.mrrScale).toBe(0);
    expect(periodChurn(third, JAN, FEB).revenue.startMrr).toBe(0 + 1 / 3 + 1 / 3 + 1 / 3);
    // 10^15 a month in units of 1/12 (a yearly plan is present) is 1.2 × 10^16 > 2^53: the float path too.
    const huge = prepareSubscriptions([
      ...plans(1, 1e15, 'month'),
      ...plans(1, 12, 'year').map((s) => ({ ...s, customerId: 'y' })),
    ]);
    expect(huge.mrrScale).toBe(0);
    expect(periodChurn(huge, JAN, FEB).revenue.startMrr).toBe(1e15 + 1);
  });
});

describe('the reference rounding (nearest)', () => {
  it('rounds BigInt ratios to the nearest double, ties to even', () => {
    expect(nearest(1n, 3n)).toBe(1 / 3);
    expect(nearest(2900n, 12n)).toBe(241.66666666666666);
    expect(nearest(-7n, 2n)).toBe(-3.5);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even mantissa, 2^53. 2^53 + 3 ties up to 2^53 + 4.
    expect(nearest(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(nearest(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4);
    // Just above the tie rounds up (sticky bit): (2^54 + 3) / 2 = 2^53 + 1.5.
    expect(nearest(2n ** 54n + 3n, 2n)).toBe(2 ** 53 + 2);
  });
});
