import {
  CxOptionsError,
  DEFAULT_STAGES,
  type Interaction,
  journeySchema,
  surveyResponseSchema,
} from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInteractionColumns } from '../columnar/build.js';
import { abandonment } from './abandonment.js';
import { desiredActions } from './desired-actions.js';
import { omnichannel } from './omnichannel.js';
import { pathsAround, topPaths } from './paths.js';
import { topPathsColumns } from './paths-columns.js';
import { JourneyEvents } from './source.js';
import { stageHealth } from './stage-health.js';
import { timeBetweenStages } from './stage-timing.js';
import { ev, HOUR, MINUTE } from './test-helpers.js';
import { pathTransitions } from './transitions.js';

describe('abandonment', () => {
  it('cart abandonment: two carts of a, one of b, one purchased within a day', () => {
    const events = [
      ev('a', 'add_to_cart', '2026-01-01 10:00:00'),
      ev('a', 'add_to_cart', '2026-01-01 10:05:00'), // same cart (inside the window)
      ev('a', 'purchase', '2026-01-01 10:30:00'),
      ev('a', 'add_to_cart', '2026-01-05 10:00:00'), // new cart, never bought
      ev('b', 'add_to_cart', '2026-01-01 10:00:00'),
      ev('b', 'purchase', '2026-01-03 10:00:00'), // too late for a 1-day window
    ];
    const r = abandonment(events, {
      start: { name: 'add_to_cart' },
      finish: { name: 'purchase' },
      window: { hours: 24 },
    });
    // carts: a#1 finished, a#2 abandoned, b#1 abandoned -> 2 of 3
    expect(r).toMatchObject({ started: 3, finished: 1, abandoned: 2 });
    expect(r.abandonmentRate).toBeCloseTo(2 / 3, 12);
    expect(r.timeToFinish.median).toBe(30 * MINUTE);
    const uniques = abandonment(events, {
      start: { name: 'add_to_cart' },
      finish: { name: 'purchase' },
      window: { hours: 24 },
      counting: 'uniques',
    });
    expect(uniques).toMatchObject({ started: 2, finished: 1, abandonmentRate: 0.5 });
  });

  it('nothing started gives a null rate; bad predicates name start or finish', () => {
    expect(abandonment([], { start: { name: 'a' }, finish: { name: 'b' } }).abandonmentRate).toBeNull();
    expect(() => abandonment([], { start: {}, finish: { name: 'b' } })).toThrow(CxOptionsError);
  });
});

const journey = journeySchema.parse({
  id: 'shop',
  name: 'Shop',
  version: 1,
  stages: [...DEFAULT_STAGES],
  touchpoints: [
    { id: 'pdp', name: 'Product page', channel: 'web', stageId: 'consideration' },
    { id: 'till', name: 'Till', channel: 'physical-store', stageId: 'purchase' },
  ],
  desiredActions: [
    { id: 'checkout', stageId: 'purchase', name: 'Check out', interactionNames: ['begin_checkout'] },
    {
      id: 'compare',
      stageId: 'consideration',
      touchpointId: 'pdp',
      name: 'Compare',
      interactionNames: ['compare'],
    },
  ],
  completedActions: [
    { id: 'paid', desiredActionId: 'checkout', name: 'Paid', interactionNames: ['purchase'] },
  ],
});

describe('desiredActions', () => {
  it('attempted vs completed per action, stage and touchpoint', () => {
    const report = desiredActions(
      [
        ev('a', 'begin_checkout', '2026-01-01 10:00:00'),
        ev('a', 'purchase', '2026-01-01 10:05:00'),
        ev('b', 'begin_checkout', '2026-01-01 10:00:00'),
        ev('c', 'purchase', '2026-01-01 10:00:00'), // completion without attempt does not count
        ev('a', 'compare', '2026-01-01 09:00:00', { touchpointId: 'pdp' }),
        ev('b', 'compare', '2026-01-01 09:00:00'), // not at the pdp touchpoint
      ],
      journey,
    );
    expect(
      report.actions.map((a) => [a.desiredActionId, a.attempted, a.completed, a.completionRate]),
    ).toEqual([
      ['checkout', 2, 1, 0.5],
      ['compare', 1, null, null],
    ]);
    expect(report.byStage.map((g) => g.id)).toEqual(['consideration', 'purchase']);
    expect(report.byStage[1]).toMatchObject({ attempted: 2, completed: 1, completionRate: 0.5 });
    expect(report.byStage[0]).toMatchObject({ attempted: 0, completionRate: null });
  });
});

const stageEvents: Interaction[] = [
  // a: researched on the web, bought in store 2 days later
  ev('a', 'view', '2026-01-01 10:00:00', { touchpointId: 'pdp', channel: 'web' }),
  ev('a', 'pay', '2026-01-03 10:00:00', { touchpointId: 'till', channel: 'physical-store' }),
  // b: web only, never bought; failed twice, called support
  ev('b', 'view', '2026-01-01 10:00:00', { touchpointId: 'pdp', channel: 'web' }),
  ev('b', 'compare_failed', '2026-01-01 10:01:00', { stageId: 'consideration', channel: 'web' }),
  ev('b', 'compare_failed', '2026-01-01 10:02:00', { stageId: 'consideration', channel: 'web' }),
  ev('b', 'call', '2026-01-01 10:30:00', { stageId: 'consideration', channel: 'phone' }),
  // c: bought on the web after 1 day
  ev('c', 'view', '2026-01-01 10:00:00', { touchpointId: 'pdp', channel: 'web' }),
  ev('c', 'pay', '2026-01-02 10:00:00', { stageId: 'purchase', channel: 'web' }),
];

describe('paths', () => {
  it('top paths with the rest grouped, and actors without a path reported', () => {
    const r = topPaths([...stageEvents, ev('d', 'x', '2026-01-01 10:00:00')], { by: 'stageId', limit: 1 });
    // by stageId: only interactions with stageId count (touchpoint-only ones have none)
    // a: [], b: [consideration], c: [purchase], d: [] -> 2 actors with a path
    expect(r.actors).toBe(2);
    expect(r.actorsWithoutPath).toBe(2);
    expect(r.paths).toEqual([{ path: ['consideration'], actors: 1, share: 0.5 }]);
    expect(r.other).toEqual({ paths: 1, actors: 1, share: 0.5 });
  });

  it('by touchpoint with repeats collapsed; columns agree', () => {
    const r = topPaths(stageEvents, { by: 'touchpointId' });
    expect(r.paths.map((p) => [p.path.join('>'), p.actors])).toEqual([
      ['pdp', 2],
      ['pdp>till', 1],
    ]);
    expect(topPathsColumns(buildInteractionColumns(stageEvents), { by: 'touchpointId' })).toEqual(r);
  });

  it('paths before and after a chosen interaction', () => {
    const before = pathsAround(stageEvents, {
      anchor: { name: 'pay' },
      direction: 'before',
      by: 'channel',
      collapseRepeats: false,
    });
    expect(before.paths.map((p) => p.path)).toEqual([['web']]);
    expect(before.actors).toBe(2);
    const after = pathsAround(stageEvents, {
      anchor: { name: 'view' },
      direction: 'after',
      by: 'name',
      steps: 2,
    });
    expect(after.paths.map((p) => [p.path.join('>'), p.actors])).toEqual(
      [
        ['compare_failed>call', 1],
        ['pay', 2],
      ].sort((x, y) => (y[1] as number) - (x[1] as number)),
    );
  });

  it('transitions as weighted edges for a Sankey diagram', () => {
    const r = pathTransitions(stageEvents, { by: 'channel' });
    // a: web > physical-store > exit; b: web > phone > exit; c: web > exit
    expect(r.nodes.find((n) => n.id === '0:web')?.actors).toBe(3);
    expect(r.edges).toContainEqual({ source: '0:web', target: '1:physical-store', weight: 1 });
    expect(r.edges).toContainEqual({ source: '0:web', target: '1:(exit)', weight: 1 });
    expect(r.transitions).toEqual([
      { source: 'web', target: 'phone', weight: 1 },
      { source: 'web', target: 'physical-store', weight: 1 },
    ]);
  });

  it('time between stages uses touchpoint stages from the journey', () => {
    const [gap] = timeBetweenStages(stageEvents, { stages: ['consideration', 'purchase'], journey });
    // a: 48 h, c: 24 h
    expect(gap?.duration).toMatchObject({ n: 2, mean: 36 * HOUR, min: 24 * HOUR, max: 48 * HOUR });
    expect(() => timeBetweenStages(stageEvents, { stages: ['x'] })).toThrow(CxOptionsError);
  });

  it('bad path options throw with paths', () => {
    expect(() => topPaths([], { limit: 0 })).toThrow(CxOptionsError);
    expect(() => pathsAround([], { anchor: { bogus: 1 } as never, direction: 'before' })).toThrow(
      /anchor\/bogus/,
    );
  });
});

describe('stageHealth', () => {
  const surveys = [
    surveyResponseSchema.parse({
      id: 'r1',
      surveyId: 's',
      metric: 'csat',
      scale: { min: 1, max: 5 },
      score: 5,
      respondedAt: '2026-01-03T11:00:00Z',
      touchpointId: 'till',
    }),
    surveyResponseSchema.parse({
      id: 'r2',
      surveyId: 's',
      metric: 'csat',
      scale: { min: 1, max: 5 },
      score: 2,
      respondedAt: '2026-01-02T11:00:00Z',
      stageId: 'purchase',
    }),
  ];
  it('reached, conversion to next, dwell, satisfaction and pain-point evidence', () => {
    const health = stageHealth(stageEvents, journey, { surveys, failureNames: ['compare_failed'] });
    const consideration = health.find((h) => h.stageId === 'consideration');
    const decision = health.find((h) => h.stageId === 'decision');
    const purchase = health.find((h) => h.stageId === 'purchase');
    expect(consideration).toMatchObject({ reached: 3, reachedNext: 0, conversionToNext: 0 });
    // dwell: a 48 h, c 24 h to the purchase stage; b never moved on
    expect(consideration?.dwell).toMatchObject({ n: 2, median: 36 * HOUR });
    expect(decision).toMatchObject({ reached: 0, conversionToNext: null });
    expect(consideration?.signals.map((s) => [s.kind, s.count])).toEqual([
      ['repeated-failure', 1],
      ['support-contact', 1],
    ]);
    expect(consideration?.signals[0]?.evidence.kind).toBe('analytics');
    // CSAT 5 -> 1.0, CSAT 2 -> 0.25; mean 0.625; raw mean 3.5; one negative (0.25 < 0.5)
    expect(purchase?.satisfaction).toEqual({
      n: 2,
      normalizedMean: 0.625,
      byMetric: { csat: { n: 2, mean: 3.5 } },
    });
    expect(purchase?.signals).toEqual([
      expect.objectContaining({ kind: 'negative-feedback', count: 1, share: 0.5 }),
    ]);
    expect(health.at(-1)?.reachedNext).toBeNull();
  });
});

describe('omnichannel', () => {
  it('channel mix per stage and switches (researched online, bought in store)', () => {
    const r = omnichannel(stageEvents, { journey });
    const purchase = r.mix.find((m) => m.stageId === 'purchase');
    expect(purchase?.channels.map((c) => [c.channel, c.interactions, c.share])).toEqual([
      ['physical-store', 1, 0.5],
      ['web', 1, 0.5],
    ]);
    // moves: a consideration/web -> purchase/physical-store, c consideration/web -> purchase/web
    expect(r.totalMoves).toBe(2);
    expect(r.switches).toBe(1);
    expect(r.switchRate).toBe(0.5);
    expect(r.digitalToPhysical).toBe(1);
    expect(r.mix.map((m) => m.stageId)).toEqual(['consideration', 'purchase']);
  });
});

describe('JourneyEvents: analyses are independent of chunking', () => {
  it('top paths and omnichannel from merged partial buffers equal the whole', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        async (size, seed) => {
          const shuffled = [...stageEvents].sort(
            (a, b) => ((a.id.charCodeAt(6) * seed) % 5) - ((b.id.charCodeAt(6) * seed) % 5),
          );
          const parts: JourneyEvents[] = [];
          for (let i = 0; i < shuffled.length; i += size)
            parts.push(new JourneyEvents().addAll(shuffled.slice(i, i + size)));
          const merged = parts.reduce((a, p) => a.merge(p), new JourneyEvents());
          expect(topPaths(merged, { by: 'channel' })).toEqual(topPaths(stageEvents, { by: 'channel' }));
          expect(omnichannel(merged, { journey })).toEqual(omnichannel(stageEvents, { journey }));
          async function* chunks() {
            for (let i = 0; i < shuffled.length; i += size) yield shuffled.slice(i, i + size);
          }
          expect(stageHealth(await JourneyEvents.fromAsync(chunks()), journey)).toEqual(
            stageHealth(stageEvents, journey),
          );
        },
      ),
    );
  });
});
