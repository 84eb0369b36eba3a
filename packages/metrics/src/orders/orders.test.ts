import type { Order } from '@cx/model';
import { CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnel } from '../journey/funnel.js';
import { rfmSummary } from '../lifetime/btyd/rfm.js';
import { activityChurn } from './activity-churn.js';
import { repeatPurchaseRetention } from './repeat-purchase.js';
import { ordersToInteractions } from './to-interactions.js';
import { ordersToTransactions } from './to-transactions.js';

const order = (
  id: string,
  customerId: string,
  orderedAt: string,
  status: Order['status'] = 'paid',
  amount = 10,
): Order => ({
  id,
  customerId,
  orderedAt,
  amount,
  currency: 'PLN',
  status,
  items: [],
  properties: {},
});

describe('ordersToInteractions and ordersToTransactions', () => {
  it('turn purchases into events and transactions, leaving out unpaid, cancelled and refunded orders', () => {
    const orders = [
      order('o1', 'a', '2024-01-05T10:00:00Z'),
      order('o2', 'a', '2024-01-06T10:00:00Z', 'cancelled'),
      order('o3', 'b', '2024-01-07T10:00:00Z', 'fulfilled', 25),
      order('o4', 'b', '2024-01-08T10:00:00Z', 'refunded'),
    ];
    expect(ordersToInteractions(orders, { channel: 'web' }).map((e) => [e.id, e.name, e.customerId])).toEqual(
      [
        ['o1', 'purchase', 'a'],
        ['o3', 'purchase', 'b'],
      ],
    );
    expect(ordersToTransactions(orders)).toEqual([
      { id: 'o1', customerId: 'a', at: '2024-01-05T10:00:00Z', amount: 10 },
      { id: 'o3', customerId: 'b', at: '2024-01-07T10:00:00Z', amount: 25 },
    ]);
    expect(ordersToTransactions(orders, { statuses: ['refunded'] }).map((t) => t.id)).toEqual(['o4']);
  });

  it('feed rfmSummary and funnels with no glue code', () => {
    const orders = [
      order('o1', 'a', '2024-01-01T00:00:00Z', 'paid', 20),
      order('o2', 'a', '2024-01-11T00:00:00Z', 'paid', 30),
      order('o3', 'b', '2024-01-05T00:00:00Z'),
    ];
    const rfm = rfmSummary(ordersToTransactions(orders), {
      timeUnit: 'day',
      calibrationEnd: '2024-01-21',
    });
    // a: first 1 Jan, repeat 11 Jan → frequency 1, recency 10 days, T 20 days, monetary value 30 (repeat purchases).
    expect(rfm.customers.find((c) => c.customerId === 'a')).toMatchObject({
      frequency: 1,
      recency: 10,
      T: 20,
      monetaryValue: 30,
    });
    const result = funnel(ordersToInteractions(orders, { channel: 'web' }), {
      steps: [{ name: 'purchase' }, { name: 'purchase' }],
    });
    expect(result.steps.map((s) => s.count)).toEqual([2, 1]);
  });

  it('rejects orders without a channel when none is given, and bad instants with the order named', () => {
    expect(() => ordersToInteractions([order('o1', 'a', '2024-01-05T10:00:00Z')])).toThrow(/has no channel/);
    expect(() => ordersToTransactions([order('o9', 'a', '2024-02-30T00:00:00Z')])).toThrow(CxValidationError);
    expect(() => ordersToTransactions([order('o9', 'a', 'soon')])).toThrow(/order "o9"/);
    expect(() => ordersToTransactions([], { statuses: [] })).toThrow(/non-empty list/);
  });
});

describe('repeatPurchaseRetention', () => {
  it('groups customers by their first purchase month in the calendar zone', () => {
    // Customer a's first order is 31 Jan 23:30 UTC, which is 1 Feb 00:30 in Warsaw: a February cohort there.
    const orders = [
      order('o1', 'a', '2024-01-31T23:30:00Z'),
      order('o2', 'a', '2024-02-10T10:00:00Z'),
      order('o3', 'b', '2024-01-15T10:00:00Z'),
      order('o4', 'c', '2024-02-02T10:00:00Z'),
      order('o5', 'c', '2024-03-02T10:00:00Z', 'cancelled'),
    ];
    const asOf = '2024-05-01T00:00:00Z';
    const warsaw = repeatPurchaseRetention(orders, {
      interval: 'month',
      periods: 2,
      timeZone: 'Europe/Warsaw',
      asOf,
    });
    expect(warsaw.cohorts.map((c) => [c.size, [...c.counts]])).toEqual([
      [1, [1, 0, 0]], // January: b
      [2, [2, 0, 0]], // February: a (bought again in February, period 0) and c (its March order was cancelled)
    ]);
    const utc = repeatPurchaseRetention(orders, { interval: 'month', periods: 2, asOf });
    expect(utc.cohorts.map((c) => [c.size, [...c.counts]])).toEqual([
      [2, [2, 1, 0]], // January: a and b; a bought again in February
      [1, [1, 0, 0]], // February: c
    ]);
  });
});

describe('activityChurn', () => {
  it('counts customers lost after inactiveDays, per month (hand calculation)', () => {
    const series = activityChurn(
      {
        orders: [
          order('o1', 'a', '2024-01-10T00:00:00Z'),
          order('o2', 'b', '2024-01-20T00:00:00Z'),
          order('o3', 'b', '2024-02-15T00:00:00Z'),
        ],
        interactions: [
          {
            id: 'e1',
            customerId: 'c',
            timestamp: '2024-03-01T12:00:00Z',
            name: 'visit',
            channel: 'web',
            properties: {},
          },
          {
            id: 'e2',
            anonymousId: 'anon',
            timestamp: '2024-03-02T00:00:00Z',
            name: 'visit',
            channel: 'web',
            properties: {},
          },
        ],
      },
      { inactiveDays: 30, asOf: '2024-04-15T00:00:00Z' },
    );
    // a: ordered 10 Jan → lost 9 Feb. b: 20 Jan and 15 Feb (gap 26 days) → lost 16 Mar. c: visit 1 Mar 12:00 → lost
    // 31 Mar 12:00, within March, but c was not active on 1 March, so it is new there and not among March's lost.
    expect(
      series.map((p) => [p.label, p.activeAtStart, p.lost, p.churnRate, p.new, p.activeAtEnd, p.complete]),
    ).toEqual([
      ['2024-01', 0, 0, null, 2, 2, true],
      ['2024-02', 2, 1, 0.5, 0, 1, true],
      ['2024-03', 1, 1, 1, 1, 0, true],
      ['2024-04', 0, 0, null, 0, 0, false],
    ]);
  });

  it('agrees with a brute-force reading of the definition (property)', () => {
    const DAY = 86_400_000;
    const base = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ customer: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 0, max: 200 }) }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.integer({ min: 1, max: 60 }),
        (rows, inactiveDays) => {
          const orders = rows.map((r, i) =>
            order(`o${i}`, r.customer, new Date(base + r.day * DAY + 3_600_000).toISOString()),
          );
          const asOf = base + 220 * DAY;
          const series = activityChurn({ orders }, { inactiveDays, asOf: new Date(asOf).toISOString() });
          const activeAt = (customer: string, t: number): boolean =>
            rows.some(
              (r) =>
                r.customer === customer &&
                base + r.day * DAY + 3_600_000 <= t &&
                t < base + r.day * DAY + 3_600_000 + inactiveDays * DAY,
            );
          for (const period of series) {
            const start = Date.parse(period.start);
            const end = Date.parse(period.end);
            const customers = [...new Set(rows.map((r) => r.customer))];
            const atStart = customers.filter((c) => activeAt(c, start));
            // Lost in the period: active at its start, and some instant before min(end, asOf) where it is not.
            const lost = atStart.filter((c) => {
              const times = rows
                .filter((r) => r.customer === c)
                .map((r) => base + r.day * DAY + 3_600_000 + inactiveDays * DAY);
              return times.some((t) => t >= start && t < Math.min(end, asOf + 1) && !activeAt(c, t));
            });
            expect([period.label, period.activeAtStart, period.lost]).toEqual([
              period.label,
              atStart.length,
              lost.length,
            ]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bounds work by the input, not the span of time', () => {
    const one = [order('o1', 'a', '2024-01-01T00:00:00Z')];
    const far = { inactiveDays: 30, interval: 'day' as const, asOf: '9999-12-31T00:00:00Z' };
    expect(() => activityChurn({ orders: one }, far)).toThrow(CxLimitError);
    expect(() => activityChurn({ orders: one }, far)).toThrow(/raise maxPeriods/);
    expect(activityChurn({ orders: one }, { ...far, interval: 'year' })).toHaveLength(7976);
    expect(() => activityChurn({ orders: [] }, { inactiveDays: 0 })).toThrow(CxOptionsError);
    expect(() => activityChurn({ orders: [] }, { inactiveDays: 5, intervall: 'day' } as never)).toThrow(
      /did you mean "interval"/,
    );
    expect(activityChurn({ orders: [] }, { inactiveDays: 5 })).toEqual([]);
  });
});
