import { describe, expect, it } from 'vitest';
import { optionIssuesOf } from './__fixtures__/issues.js';
import { shopMap } from './__fixtures__/shop.js';
import { parseMap } from './parse.js';
import { reviewMap } from './review.js';

describe('reviewMap', () => {
  const map = parseMap(shopMap());

  it('finds overdue review, overdue actions, owner-less pain points and touchpoint-less stages', () => {
    // lastReviewedAt 2026-01-15 + 90 days = 2026-04-15; on 2026-04-20 that is 5 days overdue.
    // ia1 due 2026-03-31 (open): 20 days overdue. ia2 due 2026-09-30: not yet.
    const findings = reviewMap(map, { asOf: '2026-04-20T10:00:00Z' });
    expect(findings.map((f) => [f.kind, f.id, f.daysOverdue])).toEqual([
      ['map-review-overdue', 'shop', 5],
      ['action-overdue', 'ia1', 20],
      ['pain-point-without-owner', 'pp2', undefined],
      ['stage-without-touchpoints', 'use', undefined],
    ]);
    expect(findings[0]).toMatchObject({ dueDate: '2026-04-15', path: ['journey', 'lastReviewedAt'] });
    expect(findings[1]?.path).toEqual(['journey', 'improvementActions', 0]);
  });

  it('counts the due day itself as not overdue', () => {
    const kinds = reviewMap(map, { asOf: '2026-03-31T23:59:59Z' }).map((f) => f.kind);
    expect(kinds).not.toContain('action-overdue');
  });

  it('takes "today" in the given time zone', () => {
    // 2026-03-31T23:30Z is already 2026-04-01 in Warsaw (UTC+2 in summer time): 1 day overdue there.
    const warsaw = reviewMap(map, { asOf: '2026-03-31T23:30:00Z', timeZone: 'Europe/Warsaw' });
    expect(warsaw.find((f) => f.kind === 'action-overdue')?.daysOverdue).toBe(1);
    const utc = reviewMap(map, { asOf: '2026-03-31T23:30:00Z' });
    expect(utc.find((f) => f.kind === 'action-overdue')).toBeUndefined();
  });

  it('ignores done and dropped actions and flags a map never reviewed', () => {
    const input = shopMap();
    input.journey.improvementActions![0]!.status = 'done';
    delete input.journey.lastReviewedAt;
    const kinds = reviewMap(parseMap(input), { asOf: '2027-01-01T00:00:00Z' }).map((f) => f.kind);
    expect(kinds).toContain('map-never-reviewed');
    expect(kinds.filter((k) => k === 'action-overdue')).toHaveLength(1);
  });

  it('rejects an unknown time zone and an invalid date', () => {
    expect(optionIssuesOf(() => reviewMap(map, { timeZone: 'Mars/Olympus' }))[0]?.path).toEqual(['timeZone']);
    expect(optionIssuesOf(() => reviewMap(map, { asOf: 'yesterday' }))[0]?.path).toEqual(['asOf']);
    // A calendar date that does not exist is not moved to the next month.
    expect(optionIssuesOf(() => reviewMap(map, { asOf: '2026-02-30T00:00:00Z' }))[0]?.path).toEqual(['asOf']);
    expect(optionIssuesOf(() => reviewMap(map, { asOf: new Date(Number.NaN) }))[0]?.path).toEqual(['asOf']);
  });
});
