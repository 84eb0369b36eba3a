import type { Subscription } from '@cx/model';
import { CxOptionsError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE, HOUR, instantArb, iso, policyArb, subscriptionsArb } from './__fixtures__/subscriptions.js';
import { churnSeries } from './churn-series.js';
import { periodChurn } from './period-churn.js';
import { prepareSubscriptions } from './prepare.js';
import type { ChurnPeriod, CustomerChurnPeriod } from './types.js';

/** The customer fields of a full period, as `measures: 'customers'` must give them. */
function customerFields(p: ChurnPeriod): CustomerChurnPeriod {
  const { revenue: _revenue, exposureDays, ...rest } = p;
  return { ...rest, exposureDays: p.policy === 'exposure' ? exposureDays : null, revenue: null };
}

const sub = (customerId: string, startedAt: string, endedAt?: string): Subscription => ({
  id: `${customerId}-${startedAt}`,
  customerId,
  status: endedAt === undefined ? 'active' : 'cancelled',
  startedAt,
  ...(endedAt === undefined ? {} : { endedAt }),
  amount: 10,
  currency: 'EUR',
  billingInterval: 'month',
  amountChanges: [],
  properties: {},
});

describe("measures: 'customers'", () => {
  it('gives the same customer counts and churn rate as the full mode (property)', () => {
    fc.assert(
      fc.property(
        subscriptionsArb,
        policyArb,
        fc.constantFrom('month', 'week', 'day'),
        fc.integer({ min: -24 * 60, max: 24 * 250 }),
        fc.integer({ min: 1, max: 24 * 200 }),
        (subs, policy, interval, fromHour, spanHours) => {
          const from = BASE + fromHour * HOUR;
          const options = {
            interval,
            timeZone: 'Europe/Warsaw',
            from: iso(from),
            to: iso(from + spanHours * HOUR),
            asOf: iso(BASE + 24 * 200 * HOUR),
            midPeriodPolicy: policy,
          } as const;
          const table = prepareSubscriptions(subs);
          const full = churnSeries(table, options);
          const counts = churnSeries(table, { ...options, measures: 'customers' });
          expect(counts).toEqual(full.map(customerFields));
          expect(churnSeries(subs, { ...options, measures: 'customers' })).toEqual(counts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('periodChurn gives the same customer fields as the full mode (property)', () => {
    fc.assert(
      fc.property(subscriptionsArb, policyArb, instantArb, instantArb, (subs, policy, a, b) => {
        fc.pre(a !== b);
        const [start, end] = a < b ? [a, b] : [b, a];
        const full = periodChurn(subs, iso(start), iso(end), { midPeriodPolicy: policy });
        const counts = periodChurn(subs, iso(start), iso(end), {
          midPeriodPolicy: policy,
          measures: 'customers',
        });
        expect(counts).toEqual(customerFields(full));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a customer who leaves and returns within a month as neither lost nor new (hand example)', () => {
    // a: active all January, gap 10–20 February, back until 10 March → January: at start 1, lost 0, February:
    // at start 1, at end 1, lost 0, new 0 (the gap lies inside February), March: lost 1.
    // b: joins 5 January, leaves 25 January → new 0 and lost 0 in January (active at neither boundary).
    const subs = [
      sub('a', '2025-12-01T00:00:00Z', '2026-02-10T00:00:00Z'),
      sub('a', '2026-02-20T00:00:00Z', '2026-03-10T00:00:00Z'),
      sub('b', '2026-01-05T00:00:00Z', '2026-01-25T00:00:00Z'),
    ];
    const series = churnSeries(subs, {
      interval: 'month',
      from: '2026-01-01T00:00:00Z',
      to: '2026-04-01T00:00:00Z',
      asOf: '2026-04-01T00:00:00Z',
      measures: 'customers',
    });
    expect(
      series.map((p) => [
        p.customersAtStart,
        p.customersAtEnd,
        p.lostCustomers,
        p.newCustomers,
        p.churnEvents,
      ]),
    ).toEqual([
      [1, 1, 0, 0, 1], // b's end is a churn event in January
      [1, 1, 0, 0, 1], // a's gap start
      [1, 0, 1, 0, 1],
    ]);
    // 'exclude' rate: lost ÷ at start = 0, 0, 1; no revenue and no exposure computed.
    expect(series.map((p) => [p.churnRate, p.revenue, p.exposureDays])).toEqual([
      [0, null, null],
      [0, null, null],
      [1, null, null],
    ]);
  });

  it('exposure policy: exposure days are computed (31 + 31 customer-days for two whole-January customers)', () => {
    const result = periodChurn(
      [sub('a', '2025-12-01T00:00:00Z'), sub('b', '2025-12-01T00:00:00Z', '2026-02-01T00:00:00Z')],
      '2026-01-01T00:00:00Z',
      '2026-02-01T00:00:00Z',
      { midPeriodPolicy: 'exposure', measures: 'customers' },
    );
    // b ends exactly at the period end: one churn event over 62 customer-days.
    expect([result.exposureDays, result.churnEvents, result.churnRate]).toEqual([62, 1, 1 / 62]);
  });

  it('counts customers whose subscriptions are in several currencies (amounts are not added up), and still rejects them for revenue', () => {
    // Hand example: a (EUR) and b (PLN) active all January, b cancels on 2026-01-15: one of two customers lost.
    const a = sub('a', '2025-12-01T00:00:00Z');
    const b = { ...sub('b', '2025-12-01T00:00:00Z', '2026-01-15T00:00:00Z'), currency: 'PLN' };
    const options = { interval: 'month', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' } as const;
    const [january] = churnSeries([a, b], { ...options, measures: 'customers' });
    expect(january?.customersAtStart).toBe(2);
    expect(january?.lostCustomers).toBe(1);
    expect(periodChurn([a, b], options.from, options.to, { measures: 'customers' }).lostCustomers).toBe(1);
    expect(() => churnSeries([a, b], options)).toThrow(
      /Expected one currency across subscriptions \(EUR\), got PLN/,
    );
  });

  it('rejects unknown measures with their path', () => {
    const bad = { interval: 'month', measures: 'revenue' } as unknown as {
      interval: 'month';
      measures: 'all';
    };
    expect(() => churnSeries([sub('a', '2026-01-01T00:00:00Z')], bad)).toThrow(CxOptionsError);
    try {
      periodChurn([], '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { measures: bad.measures });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxOptionsError);
      expect((error as CxOptionsError).issues[0]).toMatchObject({
        path: ['measures'],
        code: 'invalid_value',
      });
    }
  });
});
