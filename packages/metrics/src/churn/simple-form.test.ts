import { instantToEpochMs, type Subscription } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso, policyArb } from './__fixtures__/subscriptions.js';
import { churnSeries } from './churn-series.js';
import { prepareSubscriptions } from './prepare.js';
import { churnOfPeriod } from './reference.js';
import { everyCustomer, simpleFormOf, sortByKey, sweepPlan } from './sweep/simple-form.js';
import type { ChurnPeriod, CustomerChurnPeriod } from './types.js';

const MONTH_STARTS = [
  '2025-12-01',
  '2026-01-01',
  '2026-02-01',
  '2026-03-01',
  '2026-04-01',
  '2026-05-01',
  '2026-06-01',
  '2026-07-01',
  '2026-08-01',
].map((d) => instantToEpochMs(`${d}T00:00:00Z`));
const HOUR = 3_600_000;

/**
 * Instants that make ties likely: a month start itself (so a spell starts or ends exactly on a boundary), a
 * millisecond either side of one, or an hour inside a month; before, inside and after the window of 2026-01 … 06.
 */
const tieArb = fc.oneof(
  fc.constantFrom(...MONTH_STARTS),
  fc.tuple(fc.constantFrom(...MONTH_STARTS), fc.constantFrom(-1, 1)).map(([t, d]) => t + d),
  fc
    .tuple(fc.constantFrom(...MONTH_STARTS), fc.integer({ min: 0, max: 24 * 30 }))
    .map(([t, h]) => t + h * HOUR),
);

/**
 * Mostly customers with one subscription and no amount change (the sorted form's), some with two subscriptions or
 * an amount change (the kernel's); ends on, before or after the start's month boundary, zero-length spells, open
 * ends.
 */
const tableArb = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 40 }),
      start: tieArb,
      end: fc.option(tieArb, { nil: undefined }),
      cents: fc.integer({ min: 0, max: 100_000 }),
      billingInterval: fc.constantFrom<Subscription['billingInterval']>('month', 'year', 'week'),
      change: fc.option(
        fc.tuple(fc.integer({ min: 0, max: 24 * 90 }), fc.integer({ min: 0, max: 100_000 })),
        {
          freq: 5,
          nil: undefined,
        },
      ),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map((r, i): Subscription => {
      const end = r.end === undefined ? undefined : Math.max(r.start, r.end);
      return {
        id: `s${i}`,
        customerId: `c${r.customer}`,
        status: end === undefined ? 'active' : 'cancelled',
        startedAt: iso(r.start),
        ...(end === undefined ? {} : { endedAt: iso(end) }),
        amount: r.cents / 100,
        currency: 'EUR',
        billingInterval: r.billingInterval,
        amountChanges:
          r.change === undefined
            ? []
            : [{ at: iso(r.start + r.change[0] * HOUR), amount: r.change[1] / 100 }],
        properties: {},
      };
    }),
  );

const options = { interval: 'month', from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' } as const;

/** The customer fields of a full period, as `measures: 'customers'` must give them. */
function customerFields(p: ChurnPeriod): CustomerChurnPeriod {
  const { revenue: _revenue, exposureDays, ...rest } = p;
  return { ...rest, exposureDays: p.policy === 'exposure' ? exposureDays : null, revenue: null };
}

describe('the sorted form of the simple customers', () => {
  it('holds the customers with one subscription and no amount change; the others go to the kernels', () => {
    const sub = (id: string, customerId: string, startedAt: string, extra: Partial<Subscription> = {}) =>
      ({
        id,
        customerId,
        status: 'active',
        startedAt,
        amount: 10,
        currency: 'EUR',
        billingInterval: 'month',
        amountChanges: [],
        properties: {},
        ...extra,
      }) as Subscription;
    const table = prepareSubscriptions([
      sub('a', 'A', '2026-03-01T00:00:00Z', { status: 'cancelled', endedAt: '2026-04-15T00:00:00Z' }),
      sub('b1', 'B', '2026-01-01T00:00:00Z'),
      sub('b2', 'B', '2026-02-01T00:00:00Z'),
      sub('c', 'C', '2026-01-10T00:00:00Z', { amountChanges: [{ at: '2026-02-10T00:00:00Z', amount: 20 }] }),
      sub('d', 'D', '2026-02-01T00:00:00Z', { amount: 29, billingInterval: 'year' }),
    ]);
    const form = simpleFormOf(table);
    expect(form).not.toBeNull();
    // Customers 0 = A, 1 = B, 2 = C, 3 = D. A and D are simple; by start: D (Feb 1) then A (Mar 1); by end: A only.
    // mrrScale is 12 (a yearly plan): A's MRR of 10 is 120 units, D's 29 / 12 is 29 units.
    expect(table.mrrScale).toBe(12);
    const feb = instantToEpochMs('2026-02-01T00:00:00Z');
    const mar = instantToEpochMs('2026-03-01T00:00:00Z');
    const apr15 = instantToEpochMs('2026-04-15T00:00:00Z');
    expect([...(form?.byStart ?? [])]).toEqual([feb, 29, Number.POSITIVE_INFINITY, mar, 120, apr15]);
    expect([...(form?.byEnd ?? [])]).toEqual([apr15, 120]);
    expect([...(form?.others ?? [])]).toEqual([1, 2]);
    const bounds = Float64Array.of(feb, mar);
    expect(sweepPlan(table, bounds).list).toBe(form?.others);
  });

  it('is not used when a spell is not on a whole millisecond, instants span 2^53 ms or exposure could exceed it', () => {
    const table = prepareSubscriptions([]);
    const fractional = { ...table, spellFrom: Float64Array.of(0.5), spellTo: Float64Array.of(10) };
    expect(simpleFormOf(fractional)).toBeNull();
    expect(sweepPlan(fractional, Float64Array.of(0, 10)).form).toBeNull();
    const whole = prepareSubscriptions([
      {
        id: 's',
        customerId: 'c',
        status: 'active',
        startedAt: '2026-01-01T00:00:00Z',
        amount: 1,
        currency: 'EUR',
        billingInterval: 'month',
        amountChanges: [],
        properties: {},
      },
    ]);
    expect(sweepPlan(whole, Float64Array.of(0, 2 ** 53)).form).not.toBeNull(); // 1 spell × 2^53 ms: still exact
    // Instants 2^53 ms apart or more: past what the radix sort orders exactly.
    expect(simpleFormOf({ ...whole, minTime: -(2 ** 52), maxTime: 2 ** 52 })).toBeNull();
    expect(simpleFormOf({ ...whole, minTime: -(2 ** 52), maxTime: 2 ** 52 - 1 })).not.toBeNull();
    const plan = sweepPlan(whole, Float64Array.of(0, 2 ** 53 + 2));
    expect(plan.form).toBeNull();
    expect([...plan.list]).toEqual([...everyCustomer(whole)]);
  });

  it('gives the reference bit for bit when starts and ends fall on and around the boundaries (property)', () => {
    fc.assert(
      fc.property(tableArb, policyArb, (subs, policy) => {
        const table = prepareSubscriptions(subs);
        expect(simpleFormOf(table)).not.toBeNull();
        const asOf = instantToEpochMs('2026-07-01T00:00:00Z');
        const series = churnSeries(table, { ...options, midPeriodPolicy: policy, asOf: iso(asOf) });
        const expected = MONTH_STARTS.slice(1, 7).map((start, p) =>
          churnOfPeriod(table, start, MONTH_STARTS[p + 2] as number, policy, asOf, {
            period: iso(start).slice(0, 7),
            label: series[p]?.label ?? '',
          }),
        );
        expect(series).toEqual(expected);
        const counts = churnSeries(table, {
          ...options,
          midPeriodPolicy: policy,
          asOf: iso(asOf),
          measures: 'customers',
        });
        expect(counts).toEqual(series.map(customerFields));
      }),
      { numRuns: 400 },
    );
  });
});

describe('sortByKey', () => {
  it('sorts whole-number keys ascending, stably, carrying other arrays along, negative and beyond 2^32 included (property)', () => {
    const keyArb = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
      fc.integer({ min: 0, max: 2 ** 20 - 1 }).map((k) => k * 2 ** 32 + 7), // keys less than 2^53 apart
      fc.constantFrom(-(2 ** 52), 2 ** 52 - 1),
    );
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 200 }), (keys) => {
        const [sorted, order] = sortByKey(Float64Array.from(keys), [Float64Array.from(keys, (_, i) => i)]);
        const expected = keys
          .map((_, i) => i)
          .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
        expect([...(order ?? [])]).toEqual(expected);
        expect([...(sorted ?? [])]).toEqual(expected.map((i) => keys[i]));
      }),
      { numRuns: 500 },
    );
  });
});
