// fast-check arbitraries shared by the churn property tests.
import type { Subscription } from '@cx/model';
import fc from 'fast-check';
import type { MidPeriodPolicy } from '../types.js';

export const HOUR = 3_600_000;
export const BASE = Date.parse('2026-01-01T00:00:00Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Period boundaries of Warsaw months around both 2026 DST changes (29 March, 25 October), so that subscriptions
 * can start, end or change amount exactly on a boundary.
 */
export const WARSAW_BOUNDS = [
  '2025-12-31T23:00:00Z',
  '2026-01-31T23:00:00Z',
  '2026-02-28T23:00:00Z',
  '2026-03-31T22:00:00Z',
  '2026-09-30T22:00:00Z',
  '2026-10-31T23:00:00Z',
].map(Date.parse);

/** An instant: an hour offset from BASE (any hour, 23:00 and 22:00 hit the zone's month starts), or a boundary. */
export const instantArb = fc.oneof(
  fc.integer({ min: -24 * 150, max: 24 * 400 }).map((h) => BASE + h * HOUR),
  fc.constantFrom(...WARSAW_BOUNDS),
);

/**
 * Few customers with several subscriptions each: gaps and overlaps, open ends, long spells and short ones
 * (0–72 hours, so a customer can leave and return within one period), and up to three amount changes.
 */
export const subscriptionsArb: fc.Arbitrary<Subscription[]> = fc
  .array(
    fc.record({
      customer: fc.integer({ min: 0, max: 6 }),
      start: instantArb,
      length: fc.option(
        fc.oneof(
          fc.integer({ min: 0, max: 24 * 300 }).map((h) => h * HOUR),
          fc.integer({ min: 0, max: 72 }).map((h) => h * HOUR),
        ),
        { nil: undefined },
      ),
      amount: fc.integer({ min: 0, max: 10_000 }).map((cents) => cents / 100),
      billingInterval: fc.constantFrom<Subscription['billingInterval']>('week', 'month', 'quarter', 'year'),
      changes: fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 24 * 120 }).map((h) => h * HOUR),
          amount: fc.integer({ min: 0, max: 20_000 }).map((cents) => cents / 100),
        }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i): Subscription => {
      let at = r.start;
      return {
        id: `s${i}`,
        customerId: `c${r.customer}`,
        status: r.length === undefined ? 'active' : 'cancelled',
        startedAt: iso(r.start),
        ...(r.length === undefined ? {} : { endedAt: iso(r.start + r.length) }),
        amount: r.amount,
        currency: 'PLN',
        billingInterval: r.billingInterval,
        amountChanges: r.changes.map((c) => {
          at += c.after;
          return { at: iso(at), amount: c.amount };
        }),
        properties: {},
      };
    }),
  );

export const policyArb = fc.constantFrom<MidPeriodPolicy>('exclude', 'exposure', 'eligible');
