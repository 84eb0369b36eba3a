import type { Interaction } from '@cx/model';
import { CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { cohortRetention } from './cohort-retention.js';

let counter = 0;
const ev = (
  actor: string,
  timestamp: string,
  name = 'open',
  extra: Partial<Interaction> = {},
): Interaction => ({
  id: `e${counter++}`,
  customerId: actor,
  timestamp,
  name,
  channel: 'web',
  properties: {},
  ...extra,
});

describe('cohortRetention: vendor examples', () => {
  // Amplitude, "How time works in retention analysis" (amplitude.com/docs/analytics/charts/retention-analysis/
  // retention-analysis-time): daily rolling retention is computed hourly, timestamps rounded down to the hour.
  // User 1 fires the first event on Wednesday December 1 at 5:59 pm and the second on December 2 at 5:00 pm;
  // Amplitude counts User 1 as Day 1 (next-day) retained, since 5:59 pm rounds to 5:00 pm.
  const user1 = [ev('u1', '2021-12-01T17:59:00Z'), ev('u1', '2021-12-02T17:00:00Z')];

  it('reproduces Amplitude daily rolling retention with hour truncation', () => {
    const amplitude = cohortRetention(user1, {
      interval: 'day',
      window: 'rolling',
      rollingTruncation: 'hour',
      periods: 2,
    });
    expect(amplitude.cohorts[0]?.counts).toEqual([1, 1, 0]);
    // Exact 24-hour windows (Mixpanel, PostHog without truncation): 23 h 01 min later is still Day 0.
    const exact = cohortRetention(user1, { interval: 'day', window: 'rolling', periods: 2 });
    expect(exact.cohorts[0]?.counts).toEqual([1, 0, 0]);
    // Calendar days: December 2 is Day 1.
    expect(cohortRetention(user1, { interval: 'day', periods: 2 }).cohorts[0]?.counts).toEqual([1, 1, 0]);
  });

  it('reproduces Amplitude weekly rolling retention: a week is 7 days from the start day', () => {
    // Same page: a user whose first event is on December 1 is week-0 retained for returns December 1–7 and
    // week-1 retained for returns December 8–14 (User 2 returns Monday December 6: week 0).
    const weekly = (second: string) =>
      cohortRetention([ev('u2', '2021-12-01T09:00:00Z'), ev('u2', second)], {
        interval: 'week',
        window: 'rolling',
        rollingTruncation: 'day',
        periods: 2,
      }).cohorts[0]?.counts;
    expect(weekly('2021-12-06T20:00:00Z')).toEqual([1, 0, 0]);
    expect(weekly('2021-12-07T23:59:00Z')).toEqual([1, 0, 0]);
    expect(weekly('2021-12-08T00:01:00Z')).toEqual([1, 1, 0]);
    expect(weekly('2021-12-15T00:00:00Z')).toEqual([1, 0, 1]);
  });

  it('counts an unbounded return in every earlier period (Amplitude "Return On or After")', () => {
    // Amplitude Retention FAQ / reference §3.2: with unbounded retention a user returning on day 2 also counts
    // in days 1 and 0.
    const events = [ev('a', '2026-01-01T08:00:00Z'), ev('a', '2026-01-03T08:00:00Z')];
    expect(
      cohortRetention(events, { interval: 'day', periods: 3, retention: 'on' }).cohorts[0]?.counts,
    ).toEqual([1, 0, 1, 0]);
    expect(
      cohortRetention(events, { interval: 'day', periods: 3, retention: 'on-or-after' }).cohorts[0]?.counts,
    ).toEqual([1, 1, 1, 0]);
  });

  it('labels custom brackets as PostHog does and buckets offsets (S(i-1), S(i)]', () => {
    // PostHog frontend/src/scenes/retention/retentionTableLogic.ts: labels "Day 0", then per bracket
    // "<Unit plural> start-end" with start = 1 + sizes before, end = start + size - 1 (a one-day bracket: "Days 4").
    const events = [
      ev('a', '2026-01-01T08:00:00Z'),
      ev('a', '2026-01-03T08:00:00Z'), // day 2 → bracket 1 (days 1-3)
      ev('b', '2026-01-01T09:00:00Z'),
      ev('b', '2026-01-05T09:00:00Z'), // day 4 → bracket 2 (day 4)
      ev('b', '2026-01-10T09:00:00Z'), // day 9 → bracket 3 (days 5-11)
      ev('c', '2026-01-01T10:00:00Z'),
      ev('c', '2026-01-13T10:00:00Z'), // day 12 → beyond the brackets, ignored
    ];
    const matrix = cohortRetention(events, { interval: 'day', brackets: [3, 1, 7] });
    expect(matrix.columns).toEqual(['Day 0', 'Days 1-3', 'Days 4', 'Days 5-11']);
    expect(matrix.cohorts[0]?.counts).toEqual([3, 1, 1, 1]);
  });
});

describe('cohortRetention: cohorts, completeness and the weighted average', () => {
  it('flags incomplete cells and averages complete ones weighted by cohort size', () => {
    // Two daily cohorts, asOf 2026-01-03T00:00Z.
    // Jan 1: a, b, c, d (4); day 1 returns: a, b → 2; day 2: a → 1.
    // Jan 2: e, f (2); day 1 return: e → 1; its day 1 (Jan 3) is not over at asOf → incomplete.
    const events = [
      ...['a', 'b', 'c', 'd'].map((x) => ev(x, '2026-01-01T12:00:00Z')),
      ev('a', '2026-01-02T12:00:00Z'),
      ev('b', '2026-01-02T13:00:00Z'),
      ev('a', '2026-01-03T12:00:00Z'),
      ev('e', '2026-01-02T12:00:00Z'),
      ev('f', '2026-01-02T12:00:00Z'),
      ev('e', '2026-01-03T01:00:00Z'),
    ];
    const m = cohortRetention(events, { interval: 'day', periods: 2, asOf: '2026-01-03T00:00:00Z' });
    expect(m.cohorts.map((c) => c.start)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    expect(m.cohorts[0]?.counts).toEqual([4, 2, 1]);
    expect(m.cohorts[0]?.complete).toEqual([true, true, false]);
    expect(m.cohorts[1]?.counts).toEqual([2, 1, 0]);
    expect(m.cohorts[1]?.complete).toEqual([true, false, false]);
    // Day 0: (4 + 2) / (4 + 2) = 1; Day 1: only Jan 1 complete → 2 / 4; Day 2: none complete → null.
    expect(m.average.rates).toEqual([1, 0.5, null]);
    expect(m.average.sizes).toEqual([6, 4, 0]);
    // Without asOf, data end = last event (2026-01-03T12:00Z): same flags here.
    expect(cohortRetention(events, { interval: 'day', periods: 2 }).average.rates).toEqual([1, 0.5, null]);
  });

  it('keeps empty periods between cohorts with size 0 and null rates', () => {
    const m = cohortRetention([ev('a', '2026-01-01T00:00:00Z'), ev('b', '2026-01-03T00:00:00Z')], {
      interval: 'day',
      periods: 1,
    });
    expect(m.cohorts.map((c) => c.size)).toEqual([1, 0, 1]);
    expect(m.cohorts[1]?.rates).toEqual([null, null]);
  });

  it('returns no cohorts and null averages for no events', () => {
    const m = cohortRetention([], { interval: 'day', periods: 2 });
    expect(m.cohorts).toEqual([]);
    expect(m.average.rates).toEqual([null, null, null]);
  });

  it('buckets calendar days in a time zone across a DST change', () => {
    // Europe/Berlin switches to CEST on 2026-03-29: that day lasts 23 hours (23:00Z on the 28th to 22:00Z).
    const events = [ev('a', '2026-03-29T10:00:00Z'), ev('a', '2026-03-29T22:30:00Z')]; // 00:30 on 30 March local
    const m = cohortRetention(events, {
      interval: 'day',
      periods: 1,
      timeZone: 'Europe/Berlin',
      asOf: '2026-04-01T00:00:00Z',
    });
    expect(m.cohorts[0]?.start).toBe('2026-03-28T23:00:00.000Z');
    expect(m.cohorts[0]?.end).toBe('2026-03-29T22:00:00.000Z');
    expect(m.cohorts[0]?.counts).toEqual([1, 1]);
    // In UTC both events are on 29 March: no day-1 return.
    expect(cohortRetention(events, { interval: 'day', periods: 1 }).cohorts[0]?.counts).toEqual([1, 0]);
  });

  it('groups monthly cohorts by calendar month', () => {
    const events = [
      ev('a', '2026-01-31T23:00:00Z', 'purchase'),
      ev('a', '2026-02-01T01:00:00Z', 'purchase'),
      ev('b', '2026-02-10T00:00:00Z', 'purchase'),
      ev('b', '2026-04-10T00:00:00Z', 'purchase'),
    ];
    const m = cohortRetention(events, { interval: 'month', periods: 2, asOf: '2026-06-01T00:00:00Z' });
    expect(m.columns).toEqual(['Month 0', 'Month 1', 'Month 2']);
    expect(m.cohorts.map((c) => [c.start, ...c.counts])).toEqual([
      ['2026-01-01T00:00:00.000Z', 1, 1, 0],
      ['2026-02-01T00:00:00.000Z', 1, 0, 1],
    ]);
  });
});

describe('cohortRetention: cohort types, events and aggregation', () => {
  // Actor x: first purchase on web (Jan 1), then a purchase by email (Jan 2), then a visit (Jan 3).
  const events = [
    ev('x', '2026-01-01T10:00:00Z', 'purchase'),
    ev('x', '2026-01-02T10:00:00Z', 'purchase', { channel: 'email' }),
    ev('x', '2026-01-03T10:00:00Z', 'visit'),
    ev('y', '2026-01-02T11:00:00Z', 'purchase', { channel: 'email' }),
  ];
  const startEvent = { name: 'purchase', channel: 'email' };

  it('first-time uses the first start event that matches every criterion', () => {
    const m = cohortRetention(events, { interval: 'day', startEvent, periods: 1 });
    expect(m.cohorts.map((c) => [c.start.slice(0, 10), ...c.counts])).toEqual([['2026-01-02', 2, 1]]);
  });

  it('first-ever drops an actor whose first start-named event fails the other criteria (PostHog)', () => {
    const m = cohortRetention(events, { interval: 'day', startEvent, cohortType: 'first-ever', periods: 1 });
    expect(m.cohorts.map((c) => [c.start.slice(0, 10), ...c.counts])).toEqual([['2026-01-02', 1, 0]]);
  });

  it('counts only the given return event', () => {
    const m = cohortRetention(events, {
      interval: 'day',
      startEvent: { name: 'purchase' },
      returnEvent: { name: 'visit' },
      periods: 2,
    });
    expect(m.cohorts[0]?.counts).toEqual([1, 0, 1]);
  });

  it('recurring cohorts: an actor joins every period with a start event', () => {
    const m = cohortRetention(events, {
      interval: 'day',
      startEvent: { name: 'purchase' },
      cohortType: 'recurring',
      periods: 1,
    });
    // Jan 1: x (returns Jan 2). Jan 2: x (returns Jan 3 with a visit) and y (no return).
    expect(m.cohorts.map((c) => c.counts)).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('needs minimumOccurrences returns in a period', () => {
    const rows = [
      ev('a', '2026-01-01T00:00:00Z'),
      ev('a', '2026-01-02T00:00:00Z'),
      ev('b', '2026-01-01T00:00:00Z'),
      ev('b', '2026-01-02T00:00:00Z'),
      ev('b', '2026-01-02T01:00:00Z'),
    ];
    expect(
      cohortRetention(rows, { interval: 'day', periods: 1, minimumOccurrences: 2 }).cohorts[0]?.counts,
    ).toEqual([2, 1]);
  });

  it('aggregates a numeric property: sum and average per returning actor', () => {
    // Revenue retention: cohort Jan 1 = a, b. Period 0 purchases: a 10 + 5, b 20 → 35 (2 actors).
    // Period 1: a 30 → 30 (1 actor). avg: 35 / 2 = 17.5 and 30 / 1.
    const rows = [
      ev('a', '2026-01-01T00:00:00Z', 'purchase', { properties: { revenue: 10 } }),
      ev('a', '2026-01-01T05:00:00Z', 'purchase', { properties: { revenue: 5 } }),
      ev('b', '2026-01-01T06:00:00Z', 'purchase', { properties: { revenue: 20 } }),
      ev('a', '2026-01-02T00:00:00Z', 'purchase', { properties: { revenue: 30 } }),
    ];
    const sum = cohortRetention(rows, {
      interval: 'day',
      periods: 1,
      aggregate: { property: 'revenue', operation: 'sum' },
    });
    expect(sum.cohorts[0]?.values).toEqual([35, 30]);
    expect(sum.cohorts[0]?.valueActors).toEqual([2, 1]);
    const avg = cohortRetention(rows, {
      interval: 'day',
      periods: 1,
      aggregate: { property: 'revenue', operation: 'avg' },
    });
    expect(avg.cohorts[0]?.values).toEqual([17.5, 30]);
    // Columns built without the property cannot be aggregated.
    expect(() =>
      cohortRetention(buildInteractionColumns(rows), {
        interval: 'day',
        aggregate: { property: 'revenue', operation: 'sum' },
      }),
    ).toThrow(CxValidationError);
  });

  it('gives the same matrix from columns as from interactions, whatever the input order', () => {
    const shuffled = [...events].reverse();
    expect(cohortRetention(buildInteractionColumns(shuffled), { interval: 'day', periods: 2 })).toEqual(
      cohortRetention(events, { interval: 'day', periods: 2 }),
    );
  });
});

describe('cohortRetention: bad input', () => {
  it('rejects unknown units, time zones and option values as options errors with their path', () => {
    const path = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        return (error as CxOptionsError).issues[0]?.path;
      }
      return undefined;
    };
    expect(path(() => cohortRetention([], { interval: 'fortnight' as 'day' }))).toEqual(['interval']);
    expect(path(() => cohortRetention([], { interval: 'day', timeZone: 'Mars/Olympus' }))).toEqual([
      'timeZone',
    ]);
    expect(path(() => cohortRetention([], { interval: 'day', brackets: [2, 0] }))).toEqual(['brackets', 1]);
    expect(path(() => cohortRetention([], { interval: 'day', periods: -1 }))).toEqual(['periods']);
    expect(
      path(() => cohortRetention([], { interval: 'day', cohortType: 'recurring', window: 'rolling' })),
    ).toEqual(['cohortType']);
    expect(path(() => cohortRetention([], { interval: 'day', asOf: 'soon' }))).toEqual(['asOf']);
    expect(path(() => cohortRetention([], { interval: 'day', minimumOccurrences: 0 }))).toEqual([
      'minimumOccurrences',
    ]);
  });
});
