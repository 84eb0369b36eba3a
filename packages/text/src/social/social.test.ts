import type { Mention } from '@cx/model';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SocialAccumulator, socialOverTime } from './social.js';

const mention = (id: string, over: Partial<Mention>): Mention => ({
  id,
  text: '',
  source: 'social',
  platform: 'x',
  createdAt: '2026-03-02T10:00:00Z',
  hashtags: [],
  mentions: [],
  engagement: { likes: 0, shares: 0, comments: 0, clicks: 0 },
  properties: {},
  ...over,
});

const m1 = mention('m1', {
  text: 'Love the #acme sale, thanks @AcmeHelp!',
  brand: 'Acme',
  hashtags: ['Acme', '#sale'],
  author: { followers: 500 },
  engagement: { likes: 10, shares: 2, comments: 3, clicks: 5, reach: 1000 },
});
const m2 = mention('m2', {
  text: 'Slow delivery again @acmehelp, write to help@acme.com',
  brand: 'acme',
  platform: 'instagram',
  author: { followers: 100 },
  engagement: { likes: 0, shares: 0, comments: 1, clicks: 0, reach: 200 },
  createdAt: '2026-03-15T23:30:00Z',
});
const m3 = mention('m3', {
  text: 'Rival is fine',
  brand: 'Rival',
  author: { followers: 1000 },
  engagement: { likes: 4, shares: 1, comments: 0, clicks: 9 },
  createdAt: '2026-03-16T08:00:00Z',
});
const m4 = mention('m4', {
  text: '#fail',
  engagement: { likes: 2, shares: 0, comments: 0, clicks: 0, reach: 0 },
  createdAt: '2026-03-16T09:00:00Z',
});

describe('SocialAccumulator', () => {
  const summary = [m1, m2, m3, m4].reduce((a, m) => a.add(m), new SocialAccumulator()).result();

  it('counts volume, platforms and share of voice among branded mentions (hand-checked)', () => {
    expect(summary.mentions).toBe(4);
    expect(summary.platforms).toEqual([
      { platform: 'x', mentions: 3 },
      { platform: 'instagram', mentions: 1 },
    ]);
    // acme 2 of 3 branded mentions, Rival 1 of 3; m4 has no brand.
    expect(summary.brands.map((b) => [b.brand, b.mentions, b.shareOfVoice.value])).toEqual([
      ['Acme', 2, 2 / 3],
      ['Rival', 1, 1 / 3],
    ]);
    expect(summary.untrackedMentions).toBe(1);
  });
  it('tracks hashtags and accounts from fields and text, once per mention, case-insensitively', () => {
    expect(summary.hashtags).toEqual([
      { tag: 'acme', mentions: 1 },
      { tag: 'fail', mentions: 1 },
      { tag: 'sale', mentions: 1 },
    ]);
    // help@acme.com is an e-mail address, not a handle.
    expect(summary.accounts).toEqual([{ tag: 'acmehelp', mentions: 2 }]);
  });
  it('computes engagement by reach and by followers with explicit denominators (hand-checked)', () => {
    // interactions = likes + shares + comments: m1 15, m2 1, m3 5, m4 2 → 23 (clicks not counted).
    expect(summary.interactions).toBe(23);
    // By reach: m1 (1000) and m2 (200); m3 has no reach, m4 reach 0 → excluded.
    // pooled (15 + 1)/(1000 + 200) = 0.0133333; mean (0.015 + 0.005)/2 = 0.01.
    expect(summary.engagementByReach).toMatchObject({
      posts: 2,
      interactions: 16,
      denominator: 1200,
      excluded: 2,
    });
    expect(summary.engagementByReach.rate).toBeCloseTo(16 / 1200, 12);
    expect(summary.engagementByReach.meanRate).toBeCloseTo(0.01, 12);
    // By followers: m1 500, m2 100, m3 1000; m4 has no author. pooled 21/1600 = 0.013125;
    // mean (0.03 + 0.01 + 0.005)/3 = 0.015.
    expect(summary.engagementByFollowers).toMatchObject({
      posts: 3,
      interactions: 21,
      denominator: 1600,
      excluded: 1,
    });
    expect(summary.engagementByFollowers.rate).toBeCloseTo(0.013125, 12);
    expect(summary.engagementByFollowers.meanRate).toBeCloseTo(0.015, 12);
  });
  it('scores sentiment of the mentions', () => {
    // m1 positive (love, thanks), m2 negative (slow), m4 "#fail" negative (fail*); m3 "Rival is fine" is
    // neutral for the default hybrid model (P 0.47 neutral, 0.38 positive: "fine" is faint praise) and positive
    // for the rules model (fine +1).
    expect(summary.sentiment).toMatchObject({ n: 4, unscored: 0 });
    expect(summary.sentiment.positive.count).toBe(1);
    expect(summary.sentiment.neutral.count).toBe(1);
    expect(summary.sentiment.negative.count).toBe(2);
    const blank = new SocialAccumulator().add(mention('b', { text: ' ' })).result();
    expect(blank.sentiment).toMatchObject({ n: 0, unscored: 1 });
  });
  it('uses tracked brands, hashtags, accounts and interaction kinds when given', () => {
    const s = new SocialAccumulator({
      brands: ['ACME', 'Other'],
      interactions: ['likes', 'clicks'],
      track: { hashtags: ['#Promo'], accounts: ['acmehelp'] },
      top: 1,
    })
      .add(m1)
      .add(m2)
      .add(m3)
      .result();
    expect(s.brands.map((b) => [b.brand, b.mentions])).toEqual([
      ['ACME', 2],
      ['Other', 0],
    ]);
    expect(s.untrackedMentions).toBe(1);
    expect(s.interactions).toBe(10 + 5 + 0 + 4 + 9);
    expect(s.hashtags).toEqual([
      { tag: 'acme', mentions: 1 },
      { tag: 'promo', mentions: 0 },
    ]);
  });
  it('gives null rates and shares with no mentions', () => {
    const s = new SocialAccumulator().result();
    expect(s.mentions).toBe(0);
    expect(s.engagementByReach.rate).toBeNull();
    expect(s.engagementByFollowers.meanRate).toBeNull();
    expect(s.sentiment.n).toBe(0);
  });
  it('rejects bad options and counts', () => {
    expect(() => new SocialAccumulator({ interactions: ['views' as never] })).toThrow(CxOptionsError);
    expect(() => new SocialAccumulator({ confidence: 0.9 } as never)).toThrow(/level/u);
    const bad = mention('x', { engagement: { likes: -1, shares: 0, comments: 0, clicks: 0 } });
    try {
      new SocialAccumulator().add(bad, undefined, [5]);
      expect.unreachable();
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual([5, 'engagement', 'likes']);
    }
  });
  it('validates a mention whole before counting anything (issue 13)', () => {
    const social = new SocialAccumulator();
    expect(() => social.add(m1, { label: 'great' as never, score: 0.5 }, [0])).toThrow(CxValidationError);
    expect(() => social.add(mention('y', { text: 'ok', language: 'polish' }))).toThrow(CxValidationError);
    const s = social.result();
    expect(s.mentions).toBe(0);
    expect(s.brands).toEqual([]);
    expect(s.hashtags).toEqual([]);
    expect(s.interactions).toBe(0);
  });
  it('merging partial aggregates equals aggregating the whole', () => {
    const arb = fc.record({
      brand: fc.option(fc.constantFrom('Acme', 'acme', 'Rival'), { nil: undefined }),
      platform: fc.constantFrom('x', 'tiktok'),
      likes: fc.nat(50),
      reach: fc.option(fc.nat(1000), { nil: undefined }),
      followers: fc.option(fc.nat(1000), { nil: undefined }),
      tag: fc.constantFrom('#sale', '#fail', ''),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), fc.nat(), (rows, cut) => {
        const ms = rows.map((r, i) =>
          mention(`m${i}`, {
            text: `great ${r.tag}`,
            language: 'en',
            platform: r.platform,
            ...(r.brand === undefined ? {} : { brand: r.brand }),
            ...(r.followers === undefined ? {} : { author: { followers: r.followers } }),
            engagement: {
              likes: r.likes,
              shares: 0,
              comments: 0,
              clicks: 0,
              ...(r.reach === undefined ? {} : { reach: r.reach }),
            },
          }),
        );
        const k = cut % (ms.length + 1);
        const whole = ms.reduce((a, m) => a.add(m), new SocialAccumulator()).result();
        const left = ms.slice(0, k).reduce((a, m) => a.add(m), new SocialAccumulator());
        const right = ms.slice(k).reduce((a, m) => a.add(m), new SocialAccumulator());
        const merged = left.merge(right).result();
        const strip = (s: typeof whole) => ({
          ...s,
          engagementByReach: { ...s.engagementByReach, meanRate: null },
          engagementByFollowers: { ...s.engagementByFollowers, meanRate: null },
          sentiment: { ...s.sentiment, meanScore: null },
        });
        expect(strip(merged)).toEqual(strip(whole));
        expect(merged.engagementByReach.meanRate ?? 0).toBeCloseTo(whole.engagementByReach.meanRate ?? 0, 9);
      }),
      { numRuns: 50 },
    );
  });
});

describe('socialOverTime', () => {
  it('gives volume per local week, filling empty weeks', () => {
    // Weeks (Mon) in Europe/Warsaw: m1 2026-03-02; m2 2026-03-15T23:30Z = Mon 16th 00:30 local; m3, m4 16th.
    const weeks = socialOverTime([m1, m2, m3, m4], { interval: 'week', timeZone: 'Europe/Warsaw' });
    expect(weeks.map((w) => [w.period, w.summary.mentions])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-09', 0],
      ['2026-03-16', 3],
    ]);
    // In UTC, m2 falls on Sunday the 15th, in the week of the 9th.
    const utc = socialOverTime([m1, m2, m3, m4], { interval: 'week' });
    expect(utc.map((w) => w.summary.mentions)).toEqual([1, 1, 2]);
  });
  it('names a mention with a bad createdAt', () => {
    try {
      socialOverTime([m1, { ...m2, createdAt: 'yesterday' }], { interval: 'day' });
      expect.unreachable();
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual([1, 'createdAt']);
    }
  });
});
