import {
  CxLimitError,
  CxOptionsError,
  CxValidationError,
  STANDARD_SCALES,
  type SurveyResponse,
} from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { cesMetric, csatMetric, npsMetric } from './metric.js';
import { nps } from './nps.js';
import { TrendAccumulator, trend } from './trend.js';

const at = (respondedAt: string, score = 9) => response(score, { respondedAt });
const many = (respondedAt: string, p: number, pas: number, d: number): SurveyResponse[] => [
  ...Array.from({ length: p }, () => at(respondedAt, 10)),
  ...Array.from({ length: pas }, () => at(respondedAt, 8)),
  ...Array.from({ length: d }, () => at(respondedAt, 2)),
];

describe('trend', () => {
  it('buckets days in an IANA zone across the spring DST change (Europe/Berlin, 29 March 2026 has 23 hours)', () => {
    const rs = [
      at('2026-03-28T23:30:00Z'), // 00:30 CET on the 29th
      at('2026-03-29T21:59:00Z'), // 23:59 CEST on the 29th
      at('2026-03-29T22:00:00Z'), // 00:00 CEST on the 30th
    ];
    const buckets = trend(rs, npsMetric(), { interval: 'day', timeZone: 'Europe/Berlin' });
    expect(buckets.map((b) => [b.period, b.n])).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    expect(buckets[0]?.start).toBe('2026-03-28T23:00:00.000Z');
    expect(buckets[0]?.end).toBe('2026-03-29T22:00:00.000Z');
  });

  it('gives the autumn DST day 25 hours (Europe/Berlin, 25 October 2026)', () => {
    const [bucket] = trend([at('2026-10-25T12:00:00Z')], npsMetric(), {
      interval: 'day',
      timeZone: 'Europe/Berlin',
    });
    expect(bucket?.start).toBe('2026-10-24T22:00:00.000Z');
    expect(bucket?.end).toBe('2026-10-25T23:00:00.000Z');
  });

  it('buckets weeks, months and quarters by the local calendar', () => {
    // 2026-03-01T03:00Z is 22:00 on 28 February in New York (UTC−5).
    const ny = trend([at('2026-03-01T03:00:00Z')], npsMetric(), {
      interval: 'month',
      timeZone: 'America/New_York',
    });
    expect(ny[0]).toMatchObject({
      period: '2026-02',
      label: 'Feb 2026',
      start: '2026-02-01T05:00:00.000Z',
      end: '2026-03-01T05:00:00.000Z',
    });
    // 2026-03-31T19:00Z is 00:30 on 1 April in Kolkata (UTC+5:30) → Q2.
    expect(
      trend([at('2026-03-31T19:00:00Z')], npsMetric(), { interval: 'quarter', timeZone: 'Asia/Kolkata' })[0]
        ?.period,
    ).toBe('2026-Q2');
    // Wednesday 2026-03-04: ISO week starts Monday 2026-03-02; a Sunday start gives 2026-03-01.
    expect(trend([at('2026-03-04T12:00:00Z')], npsMetric(), { interval: 'week' })[0]?.period).toBe(
      '2026-03-02',
    );
    expect(
      trend([at('2026-03-04T12:00:00Z')], npsMetric(), { interval: 'week', weekStartsOn: 0 })[0]?.period,
    ).toBe('2026-03-01');
  });

  it('flags small samples, fills gaps and tests each change against the previous bucket', () => {
    const rs = [...many('2026-01-15T12:00:00Z', 60, 20, 20), ...many('2026-03-15T12:00:00Z', 40, 30, 30)];
    const buckets = trend(rs, npsMetric(), { interval: 'month' });
    expect(buckets.map((b) => [b.period, b.n, b.smallSample])).toEqual([
      ['2026-01', 100, false],
      ['2026-02', 0, true],
      ['2026-03', 100, false],
    ]);
    expect(buckets[0]?.change).toBeNull();
    expect(buckets[1]?.result.score).toBeNull();
    expect(buckets[1]?.change).toMatchObject({ difference: null, significant: null });
    const noGaps = trend(rs, npsMetric(), { interval: 'month', fillGaps: false });
    // January 60/20/20 → March 40/30/30: adjusted-Wald z = −2.5678086151431003, p = 0.01023436432513978.
    expect(noGaps.map((b) => b.period)).toEqual(['2026-01', '2026-03']);
    expect(noGaps[1]?.change?.difference).toBeCloseTo(-30, 12);
    expect(noGaps[1]?.change?.statistic).toBeCloseTo(-2.5678086151431003, 10);
    expect(noGaps[1]?.change?.pValue).toBeCloseTo(0.01023436432513978, 10);
    expect(noGaps[1]?.change?.significant).toBe(true);
    expect(noGaps[1]?.result.interval).toEqual(nps(rs.slice(100)).interval);
  });

  it('tests CSAT changes with Agresti–Caffo and CES changes with Welch', () => {
    const csatScale = { ...STANDARD_SCALES.csat };
    const c = (t: string, scores: number[]) =>
      scores.map((s) => response(s, { respondedAt: t, metric: 'csat', scale: csatScale }));
    const csatTrend = trend(
      [
        ...c('2026-01-05T00:00:00Z', [5, 5, 5, 5, 4, 4, 4, 4, 1, 2]),
        ...c('2026-02-05T00:00:00Z', [5, 5, 4, 4, 1, 1, 2, 2, 3, 3]),
      ],
      csatMetric(),
      { interval: 'month' },
    );
    // 8/10 → 4/10: p̃ = 9/12 and 5/12, z = 1.7597653802562396 (sign: Feb − Jan), p = 0.07844759520534343.
    expect(csatTrend[1]?.change?.statistic).toBeCloseTo(-1.7597653802562396, 10);
    expect(csatTrend[1]?.change?.pValue).toBeCloseTo(0.07844759520534343, 10);
    expect(csatTrend[1]?.change?.significant).toBe(false);
    const cesScale = { ...STANDARD_SCALES.ces };
    const e = (t: string, scores: number[]) =>
      scores.map((s) => response(s, { respondedAt: t, metric: 'ces', scale: cesScale }));
    const cesTrend = trend(
      [...e('2026-01-05T00:00:00Z', [4, 5, 3, 6, 4]), ...e('2026-02-05T00:00:00Z', [7, 6, 6, 5, 7, 6])],
      cesMetric(),
      { interval: 'month' },
    );
    // The CSAT difference is a share, 0–1 (it was in percentage points before 0.2).
    expect(csatTrend[1]?.change?.difference).toBeCloseTo(-0.4, 14);
    // scipy ttest_ind([7,6,6,5,7,6], [4,5,3,6,4], equal_var=False): t = 2.967430308066028, p = 0.021883804478699653.
    expect(cesTrend[1]?.change?.statistic).toBeCloseTo(2.967430308066028, 10);
    expect(cesTrend[1]?.change?.pValue).toBeCloseTo(0.021883804478699653, 10);
    expect(cesTrend[1]?.change?.method).toBe('welch-t');
  });

  it('returns no buckets for no responses and names invalid responses', () => {
    expect(trend([], npsMetric(), { interval: 'day' })).toEqual([]);
    const bad = [
      at('2026-01-01T00:00:00Z'),
      { ...at('2026-01-01T00:00:00Z'), score: 12 },
      { ...at('nope'), respondedAt: 'nope' },
    ];
    try {
      trend(bad, npsMetric(), { interval: 'day' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['responses', 1, 'score'],
        ['responses', 2, 'respondedAt'],
      ]);
    }
    expect(() => trend([], npsMetric(), { interval: 'day', timeZone: 'Mars/Olympus' })).toThrow(
      CxOptionsError,
    );
    expect(() => trend([], npsMetric(), { interval: 'fortnight' as 'day' })).toThrow(CxOptionsError);
    expect(() => trend([], npsMetric(), { interval: 'week', weekStartsOn: 7 as 0 })).toThrow(CxOptionsError);
  });

  it('merges partial trends to the trend of the whole', () => {
    const instant = fc
      .integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2026-04-30T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    const entry = fc.tuple(instant, fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), (a, b) => {
        const options = { interval: 'week', timeZone: 'America/New_York' } as const;
        const toResponses = (xs: [string, number][]) => xs.map(([t, s]) => at(t, s));
        const whole = trend(toResponses([...a, ...b]), npsMetric(), options);
        const left = new TrendAccumulator(npsMetric(), options);
        for (const r of toResponses(a)) left.add(r);
        const right = new TrendAccumulator(npsMetric(), options);
        for (const r of toResponses(b)) right.add(r);
        right.merge(left);
        expect(right.result()).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });
});

describe('trend: one vocabulary and bounded work (issue 13)', () => {
  it('names "interval" when the old option "period" is given, instead of ignoring it', () => {
    try {
      trend([], npsMetric(), { period: 'month' } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxOptionsError);
      const issues = (error as CxOptionsError).issues;
      expect(issues).toContainEqual(
        expect.objectContaining({ path: ['period'], code: 'unknown_option', suggestion: 'interval' }),
      );
      // The required interval is reported too (its code comes from parseOptions of @cx/model).
      expect(issues.map((i) => i.path)).toContainEqual(['interval']);
    }
    expect(() => trend([], npsMetric(), { interval: 'day', confidence: 0.9 } as never)).toThrow(
      /renamed to "level"/,
    );
    expect(() => trend([], npsMetric(), null as never)).toThrow(CxOptionsError);
  });

  it('refuses two responses in 2024 and 9999 by day with a CxLimitError naming the response, not an endless loop', () => {
    const rs = [at('2024-06-01T10:00:00Z'), at('2024-06-02T10:00:00Z'), at('9999-06-01T10:00:00Z')];
    try {
      trend(rs, npsMetric(), { interval: 'day' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxLimitError);
      const limit = error as CxLimitError;
      expect(limit.code).toBe('too_many_periods');
      expect(limit.path).toEqual(['responses', 2, 'respondedAt']);
      expect(limit.limit).toBe(10_000);
      // 2024-06-01 … 9999-06-01: 2,912,809 days (Python: (date(9999, 6, 1) - date(2024, 6, 1)).days + 1).
      expect(limit.actual).toBe(2_912_809);
    }
    // By year, 2024 … 9000 is 6,977 periods: within the default bound.
    const far = [rs[0] as SurveyResponse, at('9000-06-01T10:00:00Z')];
    expect(trend(far, npsMetric(), { interval: 'year' })).toHaveLength(6977);
    // Without gap filling only the periods that hold responses are produced: no bound is needed.
    expect(trend(rs, npsMetric(), { interval: 'day', fillGaps: false }).map((b) => b.period)).toEqual([
      '2024-06-01',
      '2024-06-02',
      '9999-06-01',
    ]);
    // The caller can raise the bound, and lower it.
    expect(() => trend(rs.slice(0, 2), npsMetric(), { interval: 'day', maxPeriods: 1 })).toThrow(
      CxLimitError,
    );
    expect(() => trend(rs, npsMetric(), { interval: 'day', maxPeriods: 0 })).toThrow(CxOptionsError);
  });

  it('checks the span on merge and restore too, leaving the target unchanged', () => {
    const a = new TrendAccumulator(npsMetric(), { interval: 'day', maxPeriods: 10 }).addAt(
      Date.UTC(2024, 0, 1),
      9,
    );
    const b = new TrendAccumulator(npsMetric(), { interval: 'day', maxPeriods: 10 }).addAt(
      Date.UTC(2024, 0, 20),
      3,
    );
    const before = JSON.stringify(a.snapshot());
    expect(() => a.merge(b)).toThrow(CxLimitError);
    expect(JSON.stringify(a.snapshot())).toBe(before);
    const stretched = JSON.parse(before) as { state: { buckets: { index: number }[] } };
    stretched.state.buckets.push({
      ...(stretched.state.buckets[0] as { index: number }),
      index: 19_723 + 50,
    });
    expect(() => TrendAccumulator.restore(stretched)).toThrow(/spans|limit/);
    const far = JSON.parse(before) as { state: { buckets: { index: number }[] } };
    (far.state.buckets[0] as { index: number }).index = 1e9;
    expect(() => TrendAccumulator.restore(far)).toThrow(/0000–9999/);
  });

  it('rejects instants outside the one grammar: impossible dates and out-of-range epoch ms', () => {
    const bad = { ...at('2024-01-01T00:00:00Z'), respondedAt: '2024-02-30T00:00:00Z' };
    expect(() => trend([bad], npsMetric(), { interval: 'day' })).toThrow(CxValidationError);
    const acc = new TrendAccumulator(npsMetric(), { interval: 'day' });
    for (const ms of [Number.NaN, 1.5, 1e300, -1e300])
      expect(() => acc.addAt(ms, 9)).toThrow(CxValidationError);
    expect(acc.result()).toEqual([]);
  });

  it('refuses a period that begins before year 0000 or ends after 9999, which no instant can name', () => {
    // The day of 9999-12-31 ends at 10000-01-01T00:00Z; a week holding 0000-01-01 (a Saturday) began in year −1.
    const days = new TrendAccumulator(npsMetric(), { interval: 'day' });
    expect(() => days.addAt(Date.UTC(9999, 11, 31, 12), 9)).toThrow(/9999|range/);
    expect(days.addAt(Date.UTC(9999, 11, 30, 12), 9).result()[0]?.end).toBe('9999-12-31T00:00:00.000Z');
    const weeks = new TrendAccumulator(npsMetric(), { interval: 'week' });
    expect(() => weeks.addAt(-62_167_219_200_000, 9)).toThrow(CxValidationError);
    expect(weeks.result()).toEqual([]);
  });

  it('does work bounded by the input whatever the span of the timestamps (property)', () => {
    // Timestamps anywhere in 0000–9999: the trend either stops at once with CxLimitError or returns at most
    // maxPeriods buckets; without gap filling, at most one bucket per response.
    const instant = fc.integer({
      min: Date.UTC(1, 0, 1) - 1900 * 365.2425 * 86_400_000,
      max: Date.UTC(9998, 11, 31),
    });
    fc.assert(
      fc.property(
        fc.array(instant, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('day', 'week', 'month'),
        (ms, interval) => {
          const acc = new TrendAccumulator(npsMetric(), { interval, maxPeriods: 5000 });
          const sparse = new TrendAccumulator(npsMetric(), { interval, fillGaps: false });
          let limited = false;
          for (const t of ms) {
            const at = Math.trunc(t);
            sparse.addAt(at, 9);
            try {
              acc.addAt(at, 9);
            } catch (error) {
              expect(error).toBeInstanceOf(CxLimitError);
              limited = true;
            }
          }
          expect(acc.result().length).toBeLessThanOrEqual(5000);
          expect(sparse.result().length).toBeLessThanOrEqual(ms.length);
          if (!limited) expect(acc.result().length).toBeGreaterThanOrEqual(sparse.result().length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
