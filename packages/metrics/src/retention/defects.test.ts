// The defects of issue 13 in cohort retention, each with the input the issue gives, now a typed error or the
// right value.
import type { Interaction } from '@cx/model';
import { CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { CohortRetentionAccumulator } from './accumulator.js';
import { cohortRetention } from './cohort-retention.js';

const ev = (customerId: string, timestamp: string, name = 'open'): Interaction => ({
  id: `${customerId}-${timestamp}-${name}`,
  customerId,
  timestamp,
  name,
  channel: 'web',
  properties: {},
});

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('cohortRetention: options are never silently ignored', () => {
  const events = [ev('a', '2024-01-05T10:00:00Z'), ev('a', '2024-02-05T10:00:00Z')];

  it('{ period: "month" } in plain JavaScript is an options error naming interval, not daily cohorts', () => {
    const error = thrown(() => cohortRetention(events, { period: 'month' } as never));
    expect(error).toBeInstanceOf(CxOptionsError);
    const issues = (error as CxOptionsError).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['period'], code: 'unknown_option', suggestion: 'interval' }),
    );
    expect(issues.some((i) => i.path[0] === 'interval')).toBe(true); // and the interval is missing
  });

  it('null options and wrong containers are options errors', () => {
    for (const bad of [null, [], 'month', 7]) {
      const error = thrown(() => cohortRetention(events, bad as never));
      expect(error).toBeInstanceOf(CxOptionsError);
      expect((error as CxOptionsError).issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
    }
  });

  it('asOf: 1e300 is an options error, not an endless loop', () => {
    const error = thrown(() => cohortRetention(events, { interval: 'day', asOf: 1e300 as never }));
    expect(error).toBeInstanceOf(CxOptionsError);
    expect((error as CxOptionsError).issues[0]?.path).toEqual(['asOf']);
  });

  it('rejects options that cannot be honoured together instead of ignoring one', () => {
    const code = (options: object) =>
      (thrown(() => cohortRetention(events, options as never)) as CxOptionsError).issues[0];
    expect(code({ interval: 'day', periods: 3, brackets: [1, 2] })).toMatchObject({
      path: ['brackets'],
      code: 'conflicting_options',
    });
    expect(code({ interval: 'day', rollingTruncation: 'hour' })).toMatchObject({
      path: ['rollingTruncation'],
      code: 'conflicting_options',
    });
    expect(code({ interval: 'quarter', window: 'rolling' })).toMatchObject({
      path: ['interval'],
      code: 'conflicting_options',
    });
    expect(code({ interval: 'day', brackets: [6000, 6000] })).toMatchObject({
      path: ['brackets'],
      code: 'out_of_range',
    });
  });
});

describe('cohortRetention: one grammar for instants', () => {
  it('rejects 2024-02-30T00:00:00Z naming the record, instead of reading 1 March', () => {
    const error = thrown(() =>
      cohortRetention([ev('a', '2024-02-28T10:00:00Z'), ev('b', '2024-02-30T00:00:00Z')], {
        interval: 'month',
      }),
    );
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues[0]).toMatchObject({
      path: [1, 'timestamp'],
      code: 'invalid_instant',
    });
  });

  it('rejects an instant with an offset or a bare number (the record form ends in Z)', () => {
    for (const timestamp of ['2024-01-01T10:00:00+01:00', '1', '2024-01-01']) {
      const error = thrown(() => buildInteractionColumns([ev('a', timestamp)]));
      expect((error as CxValidationError).issues[0]?.code, timestamp).toBe('invalid_instant');
    }
  });
});

describe('cohortRetention: one calendar', () => {
  it('keys a January cohort in Warsaw as 2024-01 (it was labelled by its UTC start, "2023-12")', () => {
    // 2023-12-31T23:30Z is 00:30 on 1 January 2024 in Warsaw (UTC+1).
    const m = cohortRetention([ev('a', '2023-12-31T23:30:00Z')], {
      interval: 'month',
      timeZone: 'Europe/Warsaw',
    });
    expect(m.cohorts[0]).toMatchObject({
      period: '2024-01',
      label: 'Jan 2024',
      start: '2023-12-31T23:00:00.000Z',
      end: '2024-01-31T23:00:00.000Z',
    });
  });

  it('starts weeks on Monday by default (ISO 8601), on Sunday only when asked', () => {
    // 1 March 2026 is a Sunday.
    const events = [ev('a', '2026-03-01T12:00:00Z')];
    expect(cohortRetention(events, { interval: 'week' }).cohorts[0]?.period).toBe('2026-02-23');
    expect(cohortRetention(events, { interval: 'week', weekStartsOn: 0 }).cohorts[0]?.period).toBe(
      '2026-03-01',
    );
  });

  it('offers quarters and years on calendar windows', () => {
    const events = [
      ev('a', '2024-02-10T00:00:00Z'),
      ev('a', '2024-05-01T00:00:00Z'),
      ev('b', '2025-01-01T00:00:00Z'),
    ];
    const quarters = cohortRetention(events, { interval: 'quarter', periods: 1 });
    expect(quarters.columns).toEqual(['Quarter 0', 'Quarter 1']);
    expect(quarters.cohorts.map((c) => [c.period, ...c.counts])).toEqual([
      ['2024-Q1', 1, 1],
      ['2024-Q2', 0, 0],
      ['2024-Q3', 0, 0],
      ['2024-Q4', 0, 0],
      ['2025-Q1', 1, 0],
    ]);
  });
});

describe('cohortRetention: work bounded by the input', () => {
  const events = [
    ev('a', '2024-01-05T10:00:00Z'),
    ev('a', '2024-01-06T10:00:00Z'),
    ev('z', '9999-06-01T00:00:00Z'),
  ];

  it('one event in 9999 among events of 2024 is a CxLimitError naming the record, not millions of rows', () => {
    const error = thrown(() => cohortRetention(events, { interval: 'day' }));
    expect(error).toBeInstanceOf(CxLimitError);
    expect(error).toMatchObject({ code: 'too_many_periods', limit: 10_000, path: [2, 'timestamp'] });
    expect((error as CxLimitError).message).toContain('/0/timestamp'); // and the earliest cohort's record
    // On columns, the record is named by its position in the columns.
    const columns = buildInteractionColumns(events);
    const onColumns = thrown(() => cohortRetention(columns, { interval: 'day' })) as CxLimitError;
    expect(onColumns.path).toEqual(['time', 2]);
  });

  it('computes the same data when the caller chooses: years, or an analysis window', () => {
    const years = cohortRetention(events, { interval: 'year', periods: 0 });
    expect(years.cohorts).toHaveLength(9999 - 2024 + 1);
    const window = cohortRetention(events, { interval: 'day', periods: 1, to: '2025-01-01T00:00:00Z' });
    expect(window.cohorts.map((c) => [c.period, ...c.counts])).toEqual([['2024-01-05', 1, 1]]);
  });

  it('the accumulator names the record that would stretch the cohorts and stays unchanged', () => {
    const acc = new CohortRetentionAccumulator({ interval: 'day' });
    acc.add(events[0] as Interaction).add(events[1] as Interaction);
    const before = JSON.stringify(acc.snapshot());
    const error = thrown(() => acc.add(events[2] as Interaction));
    expect(error).toMatchObject({ code: 'too_many_periods', path: [2, 'timestamp'] });
    expect(JSON.stringify(acc.snapshot())).toBe(before);
  });
});

describe('average row: Mixpanel documented example', () => {
  // Mixpanel docs, "How is the 'Average' row for Retention reports calculated?" (mixpanel/docs,
  // pages/docs/reports/retention.mdx): March 1: 1000 users, 500 retained on Day 1; March 2: 500 users, 400
  // retained; March 3: 700 users, 10 retained (incomplete). Weights w = p / Σp over complete cohorts:
  // Σc·w = 500·(1000/1500) + 400·(500/1500) = 466.67; Σp·w = 1000·(1000/1500) + 500·(500/1500) = 833.33;
  // 466.67 / 833.33 = 56 %. Pooled (Σc / Σp) = 900 / 1500 = 60 %.
  const cohort = (day: string, size: number, retained: number, prefix: string): Interaction[] =>
    Array.from({ length: size }, (_, i) => [
      ev(`${prefix}${i}`, `2024-03-${day}T10:00:00Z`),
      ...(i < retained ? [ev(`${prefix}${i}`, `2024-03-0${Number(day) + 1}T10:00:00Z`)] : []),
    ]).flat();
  const events = [
    ...cohort('01', 1000, 500, 'a'),
    ...cohort('02', 500, 400, 'b'),
    ...cohort('03', 700, 10, 'c'),
  ];
  const options = { interval: 'day', periods: 1, asOf: '2024-03-04T12:00:00Z' } as const;

  it('gives 56 % under average: "mixpanel" and 60 % pooled, over the complete cohorts only', () => {
    const mixpanel = cohortRetention(events, { ...options, average: 'mixpanel' });
    expect(mixpanel.cohorts.map((c) => c.complete[1])).toEqual([true, true, false]);
    expect(mixpanel.average.weighting).toBe('mixpanel');
    expect(mixpanel.average.rates[1]).toBeCloseTo(0.56, 15);
    expect(mixpanel.average.rates[0]).toBe(1);
    const pooled = cohortRetention(events, options);
    expect(pooled.average.weighting).toBe('pooled');
    expect(pooled.average.rates[1]).toBe(0.6);
    expect(pooled.average.counts[1]).toBe(900);
    expect(pooled.average.sizes[1]).toBe(1500);
  });
});
