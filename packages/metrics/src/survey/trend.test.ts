import { CxValidationError, STANDARD_SCALES, type SurveyResponse } from '@cx/model';
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
    const buckets = trend(rs, npsMetric(), { period: 'day', timeZone: 'Europe/Berlin' });
    expect(buckets.map((b) => [b.key, b.n])).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    expect(buckets[0]?.start).toBe('2026-03-28T23:00:00.000Z');
    expect(buckets[0]?.end).toBe('2026-03-29T22:00:00.000Z');
  });

  it('gives the autumn DST day 25 hours (Europe/Berlin, 25 October 2026)', () => {
    const [bucket] = trend([at('2026-10-25T12:00:00Z')], npsMetric(), {
      period: 'day',
      timeZone: 'Europe/Berlin',
    });
    expect(bucket?.start).toBe('2026-10-24T22:00:00.000Z');
    expect(bucket?.end).toBe('2026-10-25T23:00:00.000Z');
  });

  it('buckets weeks, months and quarters by the local calendar', () => {
    // 2026-03-01T03:00Z is 22:00 on 28 February in New York (UTC−5).
    const ny = trend([at('2026-03-01T03:00:00Z')], npsMetric(), {
      period: 'month',
      timeZone: 'America/New_York',
    });
    expect(ny[0]).toMatchObject({
      key: '2026-02',
      start: '2026-02-01T05:00:00.000Z',
      end: '2026-03-01T05:00:00.000Z',
    });
    // 2026-03-31T19:00Z is 00:30 on 1 April in Kolkata (UTC+5:30) → Q2.
    expect(
      trend([at('2026-03-31T19:00:00Z')], npsMetric(), { period: 'quarter', timeZone: 'Asia/Kolkata' })[0]
        ?.key,
    ).toBe('2026-Q2');
    // Wednesday 2026-03-04: ISO week starts Monday 2026-03-02; a Sunday start gives 2026-03-01.
    expect(trend([at('2026-03-04T12:00:00Z')], npsMetric(), { period: 'week' })[0]?.key).toBe('2026-03-02');
    expect(
      trend([at('2026-03-04T12:00:00Z')], npsMetric(), { period: 'week', weekStartsOn: 0 })[0]?.key,
    ).toBe('2026-03-01');
  });

  it('flags small samples, fills gaps and tests each change against the previous bucket', () => {
    const rs = [...many('2026-01-15T12:00:00Z', 60, 20, 20), ...many('2026-03-15T12:00:00Z', 40, 30, 30)];
    const buckets = trend(rs, npsMetric(), { period: 'month' });
    expect(buckets.map((b) => [b.key, b.n, b.smallSample])).toEqual([
      ['2026-01', 100, false],
      ['2026-02', 0, true],
      ['2026-03', 100, false],
    ]);
    expect(buckets[0]?.change).toBeNull();
    expect(buckets[1]?.result.score).toBeNull();
    expect(buckets[1]?.change).toMatchObject({ difference: null, significant: null });
    const noGaps = trend(rs, npsMetric(), { period: 'month', fillGaps: false });
    // January 60/20/20 → March 40/30/30: adjusted-Wald z = −2.5678086151431003, p = 0.01023436432513978.
    expect(noGaps.map((b) => b.key)).toEqual(['2026-01', '2026-03']);
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
      { period: 'month' },
    );
    // 8/10 → 4/10: p̃ = 9/12 and 5/12, z = 1.7597653802562396 (sign: Feb − Jan), p = 0.07844759520534343.
    expect(csatTrend[1]?.change?.difference).toBeCloseTo(-40, 12);
    expect(csatTrend[1]?.change?.statistic).toBeCloseTo(-1.7597653802562396, 10);
    expect(csatTrend[1]?.change?.pValue).toBeCloseTo(0.07844759520534343, 10);
    expect(csatTrend[1]?.change?.significant).toBe(false);
    const cesScale = { ...STANDARD_SCALES.ces };
    const e = (t: string, scores: number[]) =>
      scores.map((s) => response(s, { respondedAt: t, metric: 'ces', scale: cesScale }));
    const cesTrend = trend(
      [...e('2026-01-05T00:00:00Z', [4, 5, 3, 6, 4]), ...e('2026-02-05T00:00:00Z', [7, 6, 6, 5, 7, 6])],
      cesMetric(),
      { period: 'month' },
    );
    // scipy ttest_ind([7,6,6,5,7,6], [4,5,3,6,4], equal_var=False): t = 2.967430308066028, p = 0.021883804478699653.
    expect(cesTrend[1]?.change?.statistic).toBeCloseTo(2.967430308066028, 10);
    expect(cesTrend[1]?.change?.pValue).toBeCloseTo(0.021883804478699653, 10);
    expect(cesTrend[1]?.change?.method).toBe('welch-t');
  });

  it('returns no buckets for no responses and names invalid responses', () => {
    expect(trend([], npsMetric(), { period: 'day' })).toEqual([]);
    const bad = [
      at('2026-01-01T00:00:00Z'),
      { ...at('2026-01-01T00:00:00Z'), score: 12 },
      { ...at('nope'), respondedAt: 'nope' },
    ];
    try {
      trend(bad, npsMetric(), { period: 'day' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['responses', 1, 'score'],
        ['responses', 2, 'respondedAt'],
      ]);
    }
    expect(() => trend([], npsMetric(), { period: 'day', timeZone: 'Mars/Olympus' })).toThrow(
      CxValidationError,
    );
    expect(() => trend([], npsMetric(), { period: 'year' as 'day' })).toThrow(CxValidationError);
    expect(() => trend([], npsMetric(), { period: 'week', weekStartsOn: 7 })).toThrow(CxValidationError);
  });

  it('merges partial trends to the trend of the whole', () => {
    const instant = fc
      .integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2026-04-30T00:00:00Z') })
      .map((ms) => new Date(ms).toISOString());
    const entry = fc.tuple(instant, fc.integer({ min: 0, max: 10 }));
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), (a, b) => {
        const options = { period: 'week', timeZone: 'America/New_York' } as const;
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
