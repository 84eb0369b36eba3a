import { CxLimitError, type Feedback, type Interaction, type SurveyResponse } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { errorOf, issuesOf, optionIssuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import type { JourneyMapInput } from '../format/document.js';
import { measureMap } from './measure-map.js';
import { assembleMeasurements, measurementReach, planMeasurements } from './plan.js';

const window = { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' };

function measuredShop(): JourneyMapInput {
  const map = shopMap();
  map.kpis = [
    {
      id: 'k-nps',
      name: 'NPS after use',
      stageId: 'use',
      definition: { kind: 'nps', scope: { stageId: 'use' } },
    },
    {
      id: 'k-csat',
      name: 'CSAT at checkout',
      stageId: 'purchase',
      touchpointId: 'checkout',
      definition: { kind: 'csat', scope: { touchpointId: 'checkout' } },
    },
    {
      id: 'k-conv',
      name: 'Checkout completion',
      stageId: 'purchase',
      definition: { kind: 'conversion', desiredActionId: 'da1' },
    },
    {
      id: 'k-drop',
      name: 'Lost after consideration',
      stageId: 'consideration',
      definition: { kind: 'drop-off', fromStageId: 'consideration', toStageId: 'purchase' },
    },
    {
      id: 'k-vol',
      name: 'Use events',
      stageId: 'use',
      definition: { kind: 'volume', of: 'interactions', scope: { stageId: 'use' } },
    },
    {
      id: 'k-neg',
      name: 'Negative feedback at use',
      stageId: 'use',
      definition: { kind: 'sentiment-share', scope: { stageId: 'use' }, label: 'negative' },
    },
    { id: 'k-plain', name: 'A KPI without a definition', stageId: 'use', target: 3 },
  ];
  map.journey.desiredActions = [
    { id: 'da1', stageId: 'purchase', name: 'Check out', interactionNames: ['begin_checkout'] },
  ];
  map.journey.completedActions = [
    { id: 'ca1', desiredActionId: 'da1', name: 'Paid', interactionNames: ['purchase'] },
  ];
  map.measurements = [
    {
      id: 'old',
      metric: 'nps',
      value: 10,
      n: 5,
      kpiId: 'k-nps',
      window: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' },
    },
    {
      id: 'kept',
      metric: 'volume',
      value: 7,
      n: 7,
      stageId: 'use',
      window: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' },
    },
  ];
  return map;
}

let seq = 0;
const event = (customerId: string, name: string, timestamp: string, stageId?: string): Interaction => ({
  id: `e${seq++}`,
  customerId,
  name,
  timestamp,
  channel: 'web',
  ...(stageId ? { stageId } : {}),
  properties: {},
});
const response = (
  metric: 'nps' | 'csat',
  score: number,
  respondedAt: string,
  where: { stageId?: string; touchpointId?: string },
): SurveyResponse => ({
  id: `r${seq++}`,
  surveyId: 's',
  metric,
  scale:
    metric === 'nps'
      ? { min: 0, max: 10, direction: 'higher-is-better', integral: true }
      : { min: 1, max: 5, direction: 'higher-is-better', integral: true },
  score,
  respondedAt,
  weight: 1,
  properties: {},
  ...where,
});
const feedback = (text: string, createdAt: string): Feedback => ({
  id: `f${seq++}`,
  text,
  language: 'en',
  source: 'review',
  createdAt,
  stageId: 'use',
  properties: {},
});

function data() {
  const interactions: Interaction[] = [
    // Conversion: 4 customers begin checkout in March; a, b, c pay within 14 days; d pays after 20 days → 3/4?
    // No: d's purchase comes after the 14-day limit, and c never pays → a and b convert: 2 of 4.
    event('a', 'begin_checkout', '2026-03-02T10:00:00Z'),
    event('a', 'purchase', '2026-03-02T10:05:00Z'),
    event('b', 'begin_checkout', '2026-03-03T10:00:00Z'),
    event('b', 'purchase', '2026-03-10T10:00:00Z'),
    event('c', 'begin_checkout', '2026-03-04T10:00:00Z'),
    event('d', 'begin_checkout', '2026-03-05T10:00:00Z'),
    event('d', 'purchase', '2026-03-25T10:00:00Z'),
    // Drop-off: 5 customers reach consideration, 2 of them reach purchase within 30 days → 3/5 lost.
    ...['p', 'q', 'r', 's', 't'].map((c) => event(c, 'view', '2026-04-01T09:00:00Z', 'consideration')),
    event('p', 'pay', '2026-04-02T09:00:00Z', 'purchase'),
    event('q', 'pay', '2026-04-20T09:00:00Z', 'purchase'),
    // Volume at "use": 3 in the window (March and April), 1 at its end (excluded: the window is half-open).
    event('u', 'open', '2026-03-20T00:00:00Z', 'use'),
    event('u', 'open', '2026-04-20T00:00:00Z', 'use'),
    event('v', 'open', '2026-04-30T23:59:59.999Z', 'use'),
    event('v', 'open', '2026-05-01T00:00:00Z', 'use'),
  ];
  // NPS at "use": 10, 9, 9, 10 promoters; 8, 7 passives; 3, 0 detractors → (4 − 2) / 8 = +25.
  const responses = [
    ...[10, 9, 9, 8].map((s) => response('nps', s, '2026-03-15T12:00:00Z', { stageId: 'use' })),
    ...[7, 3, 0, 10].map((s) => response('nps', s, '2026-04-15T12:00:00Z', { stageId: 'use' })),
    // CSAT at the checkout touchpoint, top-2-box: 5, 4 satisfied of 5, 4, 3, 2, 1 → 40 %.
    ...[5, 4, 3, 2, 1].map((s) => response('csat', s, '2026-03-09T12:00:00Z', { touchpointId: 'checkout' })),
    // Outside the window: ignored.
    response('nps', 0, '2026-06-01T00:00:00Z', { stageId: 'use' }),
  ];
  const texts = [
    'This is terrible and awful, I hate it.',
    'Awful experience, terrible support, horrible.',
    'Terrible quality, the worst purchase ever.',
    'Excellent, wonderful shoes, I love them!',
  ];
  return { interactions, responses, feedback: texts.map((t) => feedback(t, '2026-03-20T00:00:00Z')) };
}

describe('measureMap', () => {
  const map = measureMap(measuredShop(), data(), { window });
  const m = (id: string) => map.measurements.find((x) => x.id === id);

  it('computes NPS (+25 of 8, hand-counted) with its adjusted-Wald interval', () => {
    expect(m('k-nps')).toMatchObject({
      metric: 'nps',
      value: 25,
      n: 8,
      kpiId: 'k-nps',
      stageId: 'use',
      window,
    });
    const ci = m('k-nps')!.confidenceInterval!;
    expect(ci.level).toBe(0.95);
    expect(ci.lower).toBeLessThan(25);
    expect(ci.upper).toBeGreaterThan(25);
  });

  it('computes CSAT top-2-box (2 of 5 = 40 %) at a touchpoint', () => {
    expect(m('k-csat')).toMatchObject({
      metric: 'csat',
      value: 40,
      n: 5,
      unit: '%',
      touchpointId: 'checkout',
    });
  });

  it('computes conversion from the desired to the completed action within 14 days (2 of 4, Wilson [0.150, 0.850])', () => {
    // Wilson 95 % for 2/4 by hand: centre 0.5, half-width 1.96·√(0.0625 + 3.8415/64) / (1 + 3.8415/4) = 0.34996.
    const conv = m('k-conv')!;
    expect(conv).toMatchObject({ metric: 'conversion', value: 0.5, n: 4 });
    expect(conv.confidenceInterval!.lower).toBeCloseTo(0.15004, 4);
    expect(conv.confidenceInterval!.upper).toBeCloseTo(0.84996, 4);
  });

  it('computes drop-off between stages (3 of 5 never reach purchase)', () => {
    expect(m('k-drop')).toMatchObject({ metric: 'drop-off', value: 0.6, n: 5 });
  });

  it('counts volume in the half-open window and has no interval for a count', () => {
    expect(m('k-vol')).toMatchObject({ metric: 'volume', value: 3, n: 3 });
    expect(m('k-vol')!.confidenceInterval).toBeUndefined();
  });

  it('computes the share of negative feedback with @cx/text (3 of 4)', () => {
    expect(m('k-neg')).toMatchObject({ metric: 'sentiment-share', value: 0.75, n: 4 });
  });

  it('refreshes: replaces the measured KPIs, keeps the rest, skips KPIs without a definition', () => {
    expect(m('old')).toBeUndefined();
    expect(m('kept')).toBeDefined();
    expect(map.measurements.some((x) => x.kpiId === 'k-plain')).toBe(false);
  });

  it('measures every calendar period of the window with interval, in the given zone', () => {
    const monthly = measureMap(measuredShop(), data(), {
      window,
      interval: 'month',
      kpiIds: ['k-nps', 'k-vol'],
    });
    const ids = monthly.measurements.map((x) => x.id);
    expect(ids).toEqual([
      'kept',
      'k-nps',
      'k-nps@2026-03',
      'k-nps@2026-04',
      'k-vol',
      'k-vol@2026-03',
      'k-vol@2026-04',
    ]);
    // March: 10, 9, 9, 8 → 3 promoters of 4 = +75; April: 7, 3, 0, 10 → (1 − 2) / 4 = −25.
    expect(monthly.measurements.find((x) => x.id === 'k-nps@2026-03')).toMatchObject({
      value: 75,
      n: 4,
      window: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00.000Z' },
    });
    expect(monthly.measurements.find((x) => x.id === 'k-nps@2026-04')?.value).toBe(-25);
    // In Warsaw, April starts at 2026-03-31T22:00Z (CEST, UTC+2).
    const warsaw = measureMap(measuredShop(), data(), {
      window,
      interval: 'month',
      timeZone: 'Europe/Warsaw',
      kpiIds: ['k-vol'],
    });
    expect(warsaw.measurements.find((x) => x.id === 'k-vol@2026-04')?.window.from).toBe(
      '2026-03-31T22:00:00.000Z',
    );
  });

  it('gives null, not a number, where there is no data', () => {
    const empty = measureMap(measuredShop(), {}, { window });
    for (const x of empty.measurements.filter((x) => x.kpiId !== undefined && x.metric !== 'volume'))
      expect(x, x.id).toMatchObject({ value: null, n: 0 });
  });

  it('names bad records and options, and bounds the number of periods', () => {
    const bad = data();
    bad.interactions[3] = { ...bad.interactions[3]!, timestamp: '2026-02-30T00:00:00Z' };
    expect(issuesOf(() => measureMap(measuredShop(), bad, { window }))[0]?.path).toEqual([
      'interactions',
      3,
      'timestamp',
    ]);
    expect(optionIssuesOf(() => measureMap(measuredShop(), {}, {} as never))[0]?.path).toEqual(['window']);
    expect(
      optionIssuesOf(() =>
        measureMap(measuredShop(), {}, { window: { from: window.to, to: window.from } }),
      )[0]?.path,
    ).toEqual(['window', 'to']);
    expect(
      optionIssuesOf(() => measureMap(measuredShop(), {}, { window, kpiIds: ['nope'] }))[0]?.path,
    ).toEqual(['kpiIds', 0]);
    expect(optionIssuesOf(() => measureMap(measuredShop(), {}, { window, level: 95 }))[0]?.path).toEqual([
      'level',
    ]);
    const error = errorOf(() =>
      measureMap(
        measuredShop(),
        {},
        { window: { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, interval: 'day' },
      ),
    );
    expect(error).toBeInstanceOf(CxLimitError);
    expect(error).toMatchObject({ code: 'too_many_periods', limit: 10_000, actual: 36_525 });
  });
});

describe('planMeasurements and assembleMeasurements (the two halves an engine runs around its statistics)', () => {
  const map: JourneyMapInput = {
    formatVersion: 2,
    journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
    kpis: [
      {
        id: 'k',
        name: 'Share',
        stageId: 'use',
        definition: { kind: 'sentiment-share', scope: { stageId: 'use' }, label: 'negative' },
      },
    ],
  };

  it('lays out the window and its periods in the zone, DST-correct', () => {
    // Warsaw's weeks from Monday 23 March: the week of the DST change (29 March) is 167 hours long.
    const plan = planMeasurements(map, {
      window: { from: '2026-03-22T23:00:00Z', to: '2026-04-05T22:00:00Z' },
      interval: 'week',
      timeZone: 'Europe/Warsaw',
    });
    expect(plan.windows.map((w) => [w.key ?? 'all', w.fromText, w.toText])).toEqual([
      ['all', '2026-03-22T23:00:00Z', '2026-04-05T22:00:00Z'],
      ['2026-03-23', '2026-03-22T23:00:00Z', '2026-03-29T22:00:00.000Z'],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', '2026-04-05T22:00:00Z'],
    ]);
    expect((plan.windows[1]!.to - plan.windows[1]!.from) / 3_600_000).toBe(167);
  });

  it('presents a share with its Wilson interval (3 of 4: [0.3006, 0.9544], Wilson 1927 at z = 1.96) and checks the shape', () => {
    const plan = planMeasurements(map, {
      window: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    });
    const m = assembleMeasurements(plan, [[{ kind: 'share', count: 3, n: 4 }]], 'test');
    expect(m.measurements[0]).toMatchObject({ id: 'k', value: 0.75, n: 4, source: 'test' });
    expect(m.measurements[0]!.confidenceInterval!.lower).toBeCloseTo(0.3006, 4);
    expect(m.measurements[0]!.confidenceInterval!.upper).toBeCloseTo(0.9544, 4);
    expect(assembleMeasurements(plan, [[{ kind: 'none' }]]).measurements[0]).toMatchObject({
      value: null,
      n: 0,
    });
    expect(() => assembleMeasurements(plan, [])).toThrow(/one per KPI and window/);
    expect(measurementReach({ kind: 'conversion', desiredActionId: 'd', withinDays: 14 })).toBe(
      14 * 86_400_000,
    );
    expect(measurementReach({ kind: 'volume', of: 'feedback', scope: { stageId: 'use' } })).toBe(0);
  });

  it('reports option errors under the caller it is given', () => {
    expect(() =>
      planMeasurements(
        map,
        { window: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
        'measureMapOn',
      ),
    ).toThrow(expect.objectContaining({ subject: 'measureMapOn' }));
  });
});
