import type { Subscription } from '@cx/model';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnSeries } from './churn-series.js';
import { periodChurn } from './period-churn.js';

const sub = (
  id: string,
  customerId: string,
  startedAt: string,
  amount: number,
  extra: Partial<Subscription> = {},
): Subscription => ({
  id,
  customerId,
  status: extra.endedAt === undefined ? 'active' : 'cancelled',
  startedAt,
  amount,
  currency: 'USD',
  billingInterval: 'month',
  amountChanges: [],
  properties: {},
  ...extra,
});
const JAN = '2026-01-01T00:00:00Z';
const FEB = '2026-02-01T00:00:00Z';

describe('periodChurn', () => {
  it('500 customers at start, 450 of them left at the end: 10% churn (new customers excluded)', () => {
    // Brett777/Predict-Churn README and the B360 glossary ("exclude any new sales"): 500 → 450 = 10%.
    const subs = [
      ...Array.from({ length: 500 }, (_, i) =>
        sub(`s${i}`, `c${i}`, '2025-06-01T00:00:00Z', 10, i < 50 ? { endedAt: '2026-01-20T00:00:00Z' } : {}),
      ),
      // 30 customers join in January; 5 of them leave again: no effect under 'exclude'.
      ...Array.from({ length: 30 }, (_, i) =>
        sub(`n${i}`, `n${i}`, '2026-01-10T00:00:00Z', 10, i < 5 ? { endedAt: '2026-01-25T00:00:00Z' } : {}),
      ),
    ];
    const result = periodChurn(subs, JAN, FEB);
    expect(result.customersAtStart).toBe(500);
    expect(result.lostCustomers).toBe(50);
    expect(result.churnRate).toBe(0.1);
    expect(result.newCustomers).toBe(25);
    expect(result.customersAtEnd).toBe(475);
  });

  it('reproduces the ChurnZero NRR 111% / GRR 81.5% example', () => {
    // ChurnZero ("net revenue retention"): starting MRR $27,000; the same customers end at $35,000 through
    // upsells, and $5,000 churned ⇒ NRR = $30,000 / $27,000 = 111%. GRR for the same data = $22,000 / $27,000
    // = 81.5% (reference metrics.md §3.1). Customers: A 10,000 → 18,000 (+8,000 expansion), B 12,000 flat,
    // C 5,000 churned; a new customer D (+2,000) does not count.
    const subs = [
      sub('a', 'A', '2025-01-01T00:00:00Z', 10_000, {
        amountChanges: [{ at: '2026-01-15T00:00:00Z', amount: 18_000 }],
      }),
      sub('b', 'B', '2025-01-01T00:00:00Z', 12_000),
      sub('c', 'C', '2025-01-01T00:00:00Z', 5_000, { endedAt: '2026-01-20T00:00:00Z' }),
      sub('d', 'D', '2026-01-05T00:00:00Z', 2_000),
    ];
    const { revenue } = periodChurn(subs, JAN, FEB);
    expect(revenue.startMrr).toBe(27_000);
    expect(revenue.expansion).toBe(8_000);
    expect(revenue.churned).toBe(5_000);
    expect(revenue.contraction).toBe(0);
    expect(revenue.newMrr).toBe(2_000);
    expect(revenue.nrr).toBeCloseTo(30_000 / 27_000, 12);
    expect(Math.round((revenue.nrr ?? 0) * 100)).toBe(111);
    expect(Math.round((revenue.grr ?? 0) * 1000) / 10).toBe(81.5);
    expect(revenue.revenueChurnRate).toBeCloseTo(5_000 / 27_000, 12);
  });

  it('counts downgrades as contraction and normalizes billing intervals to months', () => {
    // Yearly 1,200 = 100 per month, downgraded to 600/year = 50 per month; weekly 12 = 12·52/12 = 52 per month.
    const subs = [
      sub('y', 'Y', '2025-01-01T00:00:00Z', 1200, {
        billingInterval: 'year',
        amountChanges: [{ at: '2026-01-10T00:00:00Z', amount: 600 }],
      }),
      sub('w', 'W', '2025-01-01T00:00:00Z', 12, { billingInterval: 'week' }),
    ];
    const { revenue } = periodChurn(subs, JAN, FEB);
    expect(revenue.startMrr).toBeCloseTo(152, 10);
    expect(revenue.contraction).toBeCloseTo(50, 10);
    expect(revenue.grr).toBeCloseTo(102 / 152, 12);
    expect(revenue.nrr).toBeCloseTo(102 / 152, 12);
  });

  it('exposure policy: churn events per customer-day, joiners included', () => {
    // January has 31 days. A: whole month (31 days), leaves Feb 1 00:00 = end of January → 1 churn.
    // B: joins Jan 11, leaves Jan 21 → 10 customer-days, 1 churn. C: active all month, stays (31 days).
    // Rate = 2 churns / 72 customer-days.
    const subs = [
      sub('a', 'A', '2025-01-01T00:00:00Z', 10, { endedAt: FEB }),
      sub('b', 'B', '2026-01-11T00:00:00Z', 10, { endedAt: '2026-01-21T00:00:00Z' }),
      sub('c', 'C', '2025-01-01T00:00:00Z', 10),
    ];
    const result = periodChurn(subs, JAN, FEB, { midPeriodPolicy: 'exposure' });
    expect(result.exposureDays).toBe(72);
    expect(result.churnEvents).toBe(2);
    expect(result.churnRate).toBeCloseTo(2 / 72, 15);
    expect(periodChurn(subs, JAN, FEB).churnRate).toBe(0.5); // exclude: A lost of A, C
  });

  it('eligible policy: only subscriptions up for renewal in the period form the denominator', () => {
    // Yearly plans renew on their anniversary. P (started 2025-01-15) renews Jan 15 2026 → eligible, cancelled
    // at the renewal → lost. Q (started 2025-06-01) has no renewal in January → not eligible. R (monthly,
    // started 2025-12-20) renews Jan 20 → eligible, renews. S joins Jan 3 monthly, renews Feb 3 → not eligible.
    const subs = [
      sub('p', 'P', '2025-01-15T00:00:00Z', 120, {
        billingInterval: 'year',
        endedAt: '2026-01-15T00:00:00Z',
      }),
      sub('q', 'Q', '2025-06-01T00:00:00Z', 120, { billingInterval: 'year' }),
      sub('r', 'R', '2025-12-20T00:00:00Z', 10),
      sub('s', 'S', '2026-01-03T00:00:00Z', 10),
    ];
    const result = periodChurn(subs, JAN, FEB, { midPeriodPolicy: 'eligible' });
    expect(result.eligible).toBe(2);
    expect(result.eligibleLost).toBe(1);
    expect(result.churnRate).toBe(0.5);
  });

  it('merges a customer with overlapping subscriptions into one active customer', () => {
    const subs = [
      sub('1', 'A', '2025-01-01T00:00:00Z', 10, { endedAt: '2026-01-10T00:00:00Z' }),
      sub('2', 'A', '2026-01-05T00:00:00Z', 20),
    ];
    const result = periodChurn(subs, JAN, FEB);
    expect(result.customersAtStart).toBe(1);
    expect(result.lostCustomers).toBe(0);
    expect(result.revenue.expansion).toBe(10);
  });

  it('gives n = 0 and null rates with no customers', () => {
    const result = periodChurn([], JAN, FEB);
    expect(result.customersAtStart).toBe(0);
    expect(result.churnRate).toBeNull();
    expect(result.revenue.nrr).toBeNull();
  });

  it('GRR ≤ 1, GRR ≤ NRR, and NRR = end MRR of start customers ÷ start MRR (property)', () => {
    const arb = fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 5 }),
        startDay: fc.integer({ min: -60, max: 25 }),
        length: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        amount: fc.integer({ min: 0, max: 100 }),
        change: fc.option(
          fc.record({ day: fc.integer({ min: 0, max: 40 }), amount: fc.integer({ min: 0, max: 200 }) }),
          { nil: undefined },
        ),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const day = (d: number) => new Date(Date.parse(JAN) + d * 86_400_000).toISOString();
        const subs = rows.map((r, i) =>
          sub(`s${i}`, `c${r.customer}`, day(r.startDay), r.amount, {
            ...(r.length === undefined ? {} : { endedAt: day(r.startDay + r.length) }),
            amountChanges:
              r.change === undefined ? [] : [{ at: day(r.startDay + r.change.day), amount: r.change.amount }],
          }),
        );
        const { revenue } = periodChurn(subs, JAN, FEB);
        if (revenue.startMrr === 0) {
          expect(revenue.nrr).toBeNull();
          return;
        }
        expect(revenue.grr ?? 2).toBeLessThanOrEqual(1 + 1e-12);
        expect(revenue.grr ?? 2).toBeLessThanOrEqual((revenue.nrr ?? 0) + 1e-12);
        expect(revenue.nrr ?? 0).toBeCloseTo(revenue.endMrr / revenue.startMrr, 10);
      }),
    );
  });

  it('rejects end before start, negative amounts, mixed currencies and unknown policies with positions', () => {
    const bad = [
      sub('1', 'A', '2026-01-10T00:00:00Z', 10, { endedAt: '2026-01-01T00:00:00Z' }),
      sub('2', 'B', '2026-01-10T00:00:00Z', -5),
      sub('3', 'C', '2026-01-10T00:00:00Z', 5, { currency: 'EUR' }),
    ];
    const error = (() => {
      try {
        periodChurn(bad, JAN, FEB);
      } catch (e) {
        return e as CxValidationError;
      }
      throw new Error('expected a throw');
    })();
    expect(error).toBeInstanceOf(CxValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([
      [0, 'endedAt'],
      [1, 'amount'],
      [2, 'currency'],
    ]);
    expect(() => periodChurn([], FEB, JAN)).toThrow(CxValidationError);
    expect(() => periodChurn([], JAN, FEB, { midPeriodPolicy: 'sometimes' as 'exclude' })).toThrow(
      CxOptionsError,
    );
  });
});

describe('churnSeries', () => {
  it('splits by calendar month in a time zone (DST-correct period bounds)', () => {
    const subs = [
      sub('a', 'A', '2026-01-10T00:00:00Z', 10, { endedAt: '2026-03-31T21:30:00Z' }), // 23:30 on 31 March in Berlin
      sub('b', 'B', '2026-02-10T00:00:00Z', 10),
    ];
    const series = churnSeries(subs, {
      interval: 'month',
      timeZone: 'Europe/Berlin',
      from: '2026-02-01T00:00:00Z',
      to: '2026-04-15T00:00:00Z',
    });
    // Buckets keyed by the month in Berlin, with their bounds as instants.
    expect(series.map((p) => p.period)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(series.map((p) => p.label)).toEqual(['Feb 2026', 'Mar 2026', 'Apr 2026']);
    expect(series.map((p) => p.start)).toEqual([
      '2026-01-31T23:00:00.000Z',
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
    ]);
    expect(series.map((p) => [p.customersAtStart, p.lostCustomers, p.newCustomers])).toEqual([
      [1, 0, 1],
      [2, 1, 0],
      [1, 0, 0],
    ]);
    // In UTC the cancellation (21:30Z on 31 March) is still in March too; a cancellation at 22:30Z would be April in Berlin.
    expect(series[2]?.complete).toBe(false);
  });

  it('rejects unknown intervals and time zones as options errors naming them', () => {
    const issue = (options: unknown) => {
      try {
        churnSeries([], options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        return (error as CxOptionsError).issues[0];
      }
      throw new Error('expected a throw');
    };
    expect(issue({ interval: 'fortnight' })).toMatchObject({ path: ['interval'], code: 'invalid_value' });
    expect(issue({ interval: 'month', timeZone: 'Nowhere/Land' })).toMatchObject({ path: ['timeZone'] });
    // The interval is required: a bucket length is never a default the caller did not choose.
    expect(issue({})).toMatchObject({ path: ['interval'] });
    expect(churnSeries([], { interval: 'month' })).toEqual([]);
  });
});
