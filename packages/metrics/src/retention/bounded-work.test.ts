// Work per call is bounded by the size of the input (and the documented `maxPeriods`), whatever the span of the
// timestamps: counted in calendar operations, the unit of work that used to grow with the span (a loop over
// every day between 2024 and 9999), not in wall time.
import type { Interaction, Subscription } from '@cx/model';
import { Calendar, CxLimitError, instantToEpochMs, MS_PER_DAY } from '@cx/model';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { churnSeries } from '../churn/churn-series.js';
import { periodChurn } from '../churn/period-churn.js';
import { cohortRetention } from './cohort-retention.js';

const METHODS = [
  'indexOf',
  'indexOfLocalDay',
  'localDayOf',
  'startOfIndex',
  'startOf',
  'add',
  'keyOfIndex',
  'labelOfIndex',
  'periodOfIndex',
  'checkSpan',
] as const;

let calls = 0;
beforeEach(() => {
  calls = 0;
  for (const method of METHODS) {
    const original = Calendar.prototype[method] as (...args: unknown[]) => unknown;
    vi.spyOn(Calendar.prototype, method).mockImplementation(function (this: Calendar, ...args: unknown[]) {
      calls++;
      return original.apply(this, args);
    } as never);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Any instant the grammar can hold, year 0000 to 9999, or one near 2024. */
const MIN = instantToEpochMs('0000-01-01T00:00:00Z');
const MAX = instantToEpochMs('9999-12-31T23:59:59Z');
const NEAR = instantToEpochMs('2024-01-01T00:00:00Z');
const instantArb = fc.oneof(
  fc.integer({ min: MIN, max: MAX }),
  fc.integer({ min: NEAR, max: NEAR + 400 * MS_PER_DAY }),
);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('calendar work per call', () => {
  it('cohortRetention: at most a constant times (events + rows + columns), rows ≤ maxPeriods, else CxLimitError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ actor: fc.integer({ min: 0, max: 4 }), t: instantArb }), { maxLength: 30 }),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        fc.constantFrom('calendar', 'rolling'),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 12 }),
        (rows, interval, window, maxPeriods, periods) => {
          fc.pre(window === 'calendar' || interval === 'day' || interval === 'week' || interval === 'month');
          const events: Interaction[] = rows.map((r, i) => ({
            id: `e${i}`,
            customerId: `c${r.actor}`,
            timestamp: iso(r.t),
            name: 'open',
            channel: 'web',
            properties: {},
          }));
          const options = {
            interval,
            window,
            periods,
            maxPeriods,
            timeZone: 'Europe/Warsaw',
            ...(window === 'rolling' ? { rollingTruncation: 'day' as const } : {}),
          };
          calls = 0;
          let cohortRows = 0;
          try {
            cohortRows = cohortRetention(events, options).cohorts.length;
          } catch (error) {
            expect(error).toBeInstanceOf(CxLimitError);
            expect(calls).toBeLessThanOrEqual(2 * events.length + 20);
            return;
          }
          expect(cohortRows).toBeLessThanOrEqual(maxPeriods);
          if (cohortRows > 0) expect(calls).toBeGreaterThan(cohortRows); // the spies do count
          expect(calls).toBeLessThanOrEqual(2 * events.length + 6 * (cohortRows + periods + 1) + 20);
        },
      ),
      { numRuns: 300 },
    );
  });

  const subscriptionArb = fc.record({
    start: instantArb,
    length: fc.option(fc.integer({ min: 0, max: MAX - MIN }), { nil: undefined }),
    billing: fc.constantFrom<Subscription['billingInterval']>('week', 'month', 'quarter', 'year'),
  });
  const toSubscriptions = (
    rows: ReadonlyArray<{
      start: number;
      length: number | undefined;
      billing: Subscription['billingInterval'];
    }>,
  ): Subscription[] =>
    rows.map((r, i) => {
      const end = r.length === undefined ? undefined : Math.min(MAX, r.start + r.length);
      return {
        id: `s${i}`,
        customerId: `c${i % 3}`,
        status: end === undefined ? 'active' : 'cancelled',
        startedAt: iso(r.start),
        ...(end === undefined ? {} : { endedAt: iso(end) }),
        amount: 10,
        currency: 'EUR',
        billingInterval: r.billing,
        amountChanges: [],
        properties: {},
      };
    });

  it('churnSeries: at most a constant times (subscriptions × periods), periods ≤ maxPeriods, else CxLimitError', () => {
    fc.assert(
      fc.property(
        fc.array(subscriptionArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
        fc.integer({ min: 1, max: 500 }),
        (rows, interval, maxPeriods) => {
          const subscriptions = toSubscriptions(rows);
          calls = 0;
          let periods = 0;
          try {
            periods = churnSeries(subscriptions, {
              interval,
              maxPeriods,
              midPeriodPolicy: 'eligible',
            }).length;
          } catch (error) {
            if (!(error instanceof CxLimitError)) {
              // The only other error: a window that ends where it starts (every instant of the data is one).
              expect((error as { issues?: Array<{ code: string }> }).issues?.[0]?.code).toBe(
                'end_before_start',
              );
            }
            expect(calls).toBeLessThanOrEqual(20);
            return;
          }
          expect(periods).toBeLessThanOrEqual(maxPeriods);
          expect(calls).toBeLessThanOrEqual(3 * periods + 8 * subscriptions.length * (periods + 2) + 20);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('periodChurn with renewals: a period of any length costs a constant per subscription', () => {
    fc.assert(
      fc.property(
        fc.array(subscriptionArb, { minLength: 1, maxLength: 8 }),
        instantArb,
        instantArb,
        (rows, a, b) => {
          fc.pre(a !== b);
          const subscriptions = toSubscriptions(rows);
          calls = 0;
          periodChurn(subscriptions, iso(Math.min(a, b)), iso(Math.max(a, b)), {
            midPeriodPolicy: 'eligible',
          });
          // The renewal walk jumps from the first renewal in the period to the next period, never renewal by renewal.
          expect(calls).toBeLessThanOrEqual(16 * subscriptions.length + 20);
        },
      ),
      { numRuns: 300 },
    );
  });
});
