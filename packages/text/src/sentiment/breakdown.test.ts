import type { Feedback } from '@cx/model';
import { CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { scoreFeedback, sentimentBreakdown, sentimentOverTime } from './breakdown.js';

const fb = (id: string, text: string, createdAt: string, extra: Partial<Feedback> = {}): Feedback => ({
  id,
  text,
  source: 'review',
  createdAt,
  properties: {},
  ...extra,
});

const records: Feedback[] = [
  fb('1', 'Great service, thank you!', '2026-03-29T21:30:00Z', {
    stageId: 'delivery',
    channel: 'web',
    language: 'en',
  }),
  fb('2', 'Kurier się spóźnił.', '2026-03-29T22:30:00Z', { stageId: 'delivery', channel: 'mobile-app' }),
  fb('3', 'Płatność odrzucona, żenada.', '2026-03-31T10:00:00Z', { stageId: 'purchase', channel: 'web' }),
  fb('4', '   ', '2026-04-01T09:00:00Z', { stageId: 'purchase' }),
  fb('5', 'Dziękuję, wszystko super', '2026-04-06T09:00:00Z'),
];

describe('scoreFeedback', () => {
  it('uses the record language when given and detects otherwise', () => {
    const scored = scoreFeedback(records);
    expect(scored.map((s) => [s.sentiment.language, s.sentiment.label])).toEqual([
      ['en', 'positive'],
      ['pl', 'negative'],
      ['pl', 'negative'],
      ['unknown', null],
      ['pl', 'positive'],
    ]);
    expect(scored[0]?.sentiment.languageSource).toBe('given');
  });
  it('reports a bad record language tag with the record index', () => {
    const bad = [records[0] as Feedback, { ...(records[1] as Feedback), language: 'polish' }];
    try {
      scoreFeedback(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CxValidationError);
      expect((e as CxValidationError).issues[0]?.path).toEqual([1, 'language']);
    }
  });
});

describe('sentimentBreakdown', () => {
  const scored = scoreFeedback(records);
  it('groups by stage, keeping records without a stage in the null group', () => {
    const groups = sentimentBreakdown(scored, 'stageId');
    expect(groups.map((g) => [g.key, g.summary.n, g.summary.unscored, g.summary.net])).toEqual([
      ['delivery', 2, 0, 0],
      ['purchase', 1, 1, -1],
      [null, 1, 0, 1],
    ]);
  });
  it('groups by channel and by a custom key', () => {
    expect(sentimentBreakdown(scored, 'channel').map((g) => [g.key, g.summary.n])).toEqual([
      ['web', 2],
      ['mobile-app', 1],
      [null, 1], // records 4 (blank, unscored) and 5
    ]);
    const byLanguage = sentimentBreakdown(scored, (r) => r.language ?? 'auto');
    expect(byLanguage.map((g) => g.key)).toEqual(['auto', 'en']);
  });
});

describe('sentimentOverTime', () => {
  const scored = scoreFeedback(records);
  it('buckets by local day in the given time zone, filling gaps', () => {
    // Europe/Warsaw switches to CEST (UTC+2) on 2026-03-29 at 01:00 UTC. 21:30Z → 23:30 on the 29th;
    // 22:30Z → 00:30 on the 30th; 2026-03-31 10:00Z → the 31st; 04-01 → the 1st (blank text, unscored).
    const days = sentimentOverTime(scored.slice(0, 4), { interval: 'day', timeZone: 'Europe/Warsaw' });
    expect(days.map((d) => [d.period, d.start, d.summary.n, d.summary.unscored])).toEqual([
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 1, 0],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 1, 0],
      ['2026-03-31', '2026-03-30T22:00:00.000Z', 1, 0],
      ['2026-04-01', '2026-03-31T22:00:00.000Z', 0, 1],
    ]);
    // Each bucket ends where the next starts: the DST day of 29 March is 23 hours long in Warsaw.
    expect(days.map((d) => [d.label, d.end])).toEqual([
      ['29 Mar 2026', '2026-03-29T22:00:00.000Z'],
      ['30 Mar 2026', '2026-03-30T22:00:00.000Z'],
      ['31 Mar 2026', '2026-03-31T22:00:00.000Z'],
      ['1 Apr 2026', '2026-04-01T22:00:00.000Z'],
    ]);
  });
  it('buckets by ISO week and by month, in UTC by default', () => {
    // Weeks start on Monday: 2026-03-23 (29th is a Sunday), 2026-03-30, 2026-04-06.
    const weeks = sentimentOverTime(scored, { interval: 'week' });
    expect(weeks.map((w) => [w.period, w.summary.n + w.summary.unscored])).toEqual([
      ['2026-03-23', 2],
      ['2026-03-30', 2],
      ['2026-04-06', 1],
    ]);
    expect(weeks.map((w) => w.label)).toEqual([
      'Week of 23 Mar 2026',
      'Week of 30 Mar 2026',
      'Week of 6 Apr 2026',
    ]);
    const months = sentimentOverTime(scored, { interval: 'month', timeZone: 'Europe/Warsaw' });
    expect(months.map((m) => [m.period, m.summary.n])).toEqual([
      ['2026-03', 3],
      ['2026-04', 1],
    ]);
  });
  it('can leave gaps out', () => {
    const days = sentimentOverTime(scored, { interval: 'day', fillGaps: false });
    expect(days.map((d) => d.period)).toEqual(['2026-03-29', '2026-03-31', '2026-04-01', '2026-04-06']);
  });
  it('rejects unknown time zones and intervals', () => {
    expect(() => sentimentOverTime(scored, { interval: 'day', timeZone: 'Mars/Olympus' })).toThrow(
      CxOptionsError,
    );
    expect(() => sentimentOverTime(scored, { interval: 'fortnight' as never })).toThrow(CxOptionsError);
    // `period` and `confidence` are old names: the error names the new ones (issue 13).
    expect(() => sentimentOverTime(scored, { interval: 'day', confidence: 0.9 } as never)).toThrow(/level/u);
  });
  it('bounds the work by the number of buckets, not by the span of the timestamps (issue 13)', () => {
    const far = scoreFeedback([
      { id: 'a', text: 'ok', source: 'review', createdAt: '2024-01-01T00:00:00Z', properties: {} },
      { id: 'b', text: 'ok', source: 'review', createdAt: '9999-12-30T00:00:00Z', properties: {} },
    ]);
    expect(() => sentimentOverTime(far, { interval: 'day' })).toThrow(CxLimitError);
    // Without gap filling only the two buckets are made.
    expect(
      sentimentOverTime(far, { interval: 'day', fillGaps: false }).map((b) => [b.period, b.end]),
    ).toEqual([
      ['2024-01-01', '2024-01-02T00:00:00.000Z'],
      ['9999-12-30', '9999-12-31T00:00:00.000Z'],
    ]);
  });
  it('names the record whose bucket would end after the year 9999 (its end cannot be written as an instant)', () => {
    const last = scoreFeedback([
      { id: 'a', text: 'ok', source: 'review', createdAt: '9999-12-31T00:00:00Z', properties: {} },
    ]);
    expect(() => sentimentOverTime(last, { interval: 'day' })).toThrow(
      expect.objectContaining({
        name: 'CxValidationError',
        issues: [expect.objectContaining({ path: [0, 'record', 'createdAt'], code: 'out_of_range' })],
      }),
    );
    // In Warsaw the local day of 9999-12-31T00:00Z started at 9999-12-30T23:00Z and ends within the range.
    expect(sentimentOverTime(last, { interval: 'day', timeZone: 'Europe/Warsaw' })[0]?.end).toBe(
      '9999-12-31T23:00:00.000Z',
    );
  });
});
