import type { Subscription } from '@cx/model';
import { createCalendar } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE, HOUR, instantArb, iso, policyArb, subscriptionsArb } from './__fixtures__/subscriptions.js';
import { churnSeries } from './churn-series.js';
import { periodChurn } from './period-churn.js';
import { prepareSubscriptions } from './prepare.js';
import { churnOfPeriod } from './reference.js';
import { subscriptionTable } from './subscriptions.js';
import type { ChurnPeriod } from './types.js';

describe('churnSweep against the per-period reference', () => {
  it('churnSeries equals churnOfPeriod period by period (Warsaw months, DST, all policies; property)', () => {
    fc.assert(
      fc.property(
        subscriptionsArb,
        policyArb,
        fc.constantFrom('month', 'week', 'quarter', 'day'),
        fc.integer({ min: -24 * 60, max: 24 * 250 }),
        fc.integer({ min: 1, max: 24 * 200 }),
        (rows, policy, interval, fromHour, spanHours) => {
          const subs = rows;
          const from = BASE + fromHour * HOUR;
          const to = from + spanHours * HOUR;
          const asOf = BASE + 24 * 200 * HOUR;
          const options = {
            interval,
            timeZone: 'Europe/Warsaw',
            from: iso(from),
            to: iso(to),
            asOf: iso(asOf),
            midPeriodPolicy: policy,
          } as const;
          const series = churnSeries(subs, options);
          const table = subscriptionTable(subs);
          expect(table.mrrScale).not.toBe(0); // amounts in cents: the exact path
          const calendar = createCalendar({ interval, timeZone: 'Europe/Warsaw', weekStartsOn: 1 });
          const expected: ChurnPeriod[] = [];
          for (let p = calendar.indexOf(from); calendar.startOfIndex(p) < to; p++) {
            const naming = { period: calendar.keyOfIndex(p), label: calendar.labelOfIndex(p) };
            expected.push(
              churnOfPeriod(
                table,
                calendar.startOfIndex(p),
                calendar.startOfIndex(p + 1),
                policy,
                asOf,
                naming,
              ),
            );
          }
          // toEqual compares numbers with Object.is: the sums must be bit-for-bit the reference's.
          expect(series).toEqual(expected);
          expect(churnSeries(prepareSubscriptions(subs), options)).toEqual(series);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('periodChurn equals churnOfPeriod on any period (property)', () => {
    fc.assert(
      fc.property(subscriptionsArb, policyArb, instantArb, instantArb, (rows, policy, a, b) => {
        fc.pre(a !== b);
        const [start, end] = a < b ? [a, b] : [b, a];
        const subs = rows;
        const table = subscriptionTable(subs);
        const result = periodChurn(subs, iso(start), iso(end), { midPeriodPolicy: policy });
        expect(result).toEqual(churnOfPeriod(table, start, end, policy, table.maxTime));
        expect(periodChurn(table, iso(start), iso(end), { midPeriodPolicy: policy })).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('periodChurn equals churnOfPeriod on the float fallback too (amounts of a third of a cent; property)', () => {
    // Most amounts / 3 have more than 6 decimal places: the table has no exact scale (mrrScale 0) and revenue is
    // summed in floating point in customer order, which the reference then does as well.
    const thirds = subscriptionsArb.map((subs) =>
      subs.map((s) => ({
        ...s,
        amount: s.amount / 3,
        amountChanges: s.amountChanges.map((c) => ({ ...c, amount: c.amount / 3 })),
      })),
    );
    fc.assert(
      fc.property(thirds, policyArb, instantArb, instantArb, (subs, policy, a, b) => {
        fc.pre(a !== b);
        const [start, end] = a < b ? [a, b] : [b, a];
        const table = subscriptionTable(subs);
        const result = periodChurn(table, iso(start), iso(end), { midPeriodPolicy: policy });
        expect(result).toEqual(churnOfPeriod(table, start, end, policy, table.maxTime));
      }),
      { numRuns: 200 },
    );
  });

  it('covers subscriptions that start long before the first period (renewals skipped ahead)', () => {
    // A monthly plan from 2019-01-31 renews on the last day of February 2026 (28th) and 31 March 2026; a weekly
    // plan from 2020-01-06 (a Monday) renews on every Monday. Both are eligible once per month in 2026.
    const subs: Subscription[] = [
      {
        id: 'm',
        customerId: 'M',
        status: 'cancelled',
        startedAt: '2019-01-31T10:00:00Z',
        endedAt: '2026-03-31T10:00:00Z',
        amount: 10,
        currency: 'EUR',
        billingInterval: 'month',
        amountChanges: [],
        properties: {},
      },
      {
        id: 'w',
        customerId: 'W',
        status: 'active',
        startedAt: '2020-01-06T00:00:00Z',
        amount: 3,
        currency: 'EUR',
        billingInterval: 'week',
        amountChanges: [],
        properties: {},
      },
    ];
    const series = churnSeries(subs, {
      interval: 'month',
      from: '2026-01-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      asOf: '2026-06-01T00:00:00Z',
      midPeriodPolicy: 'eligible',
    });
    // Jan: both renew (M on Jan 31, W on Mondays) → 2 eligible, 0 lost. Feb: same. Mar: M ends at its Mar 31
    // renewal → lost.
    expect(series.map((p) => [p.eligible, p.eligibleLost])).toEqual([
      [2, 0],
      [2, 0],
      [2, 1],
    ]);
  });
});
