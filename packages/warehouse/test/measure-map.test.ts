import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JourneyMap, type JourneyMapInput, measureMap, parseMapJson } from '@cx/map';
import {
  epochMsToInstant,
  type Feedback,
  type Interaction,
  instantToEpochMs,
  STANDARD_SCALES,
  type SurveyResponse,
} from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Engine,
  loadedFeedbackTable,
  loadedInteractionTable,
  loadedSurveyResponseTable,
  loadFeedback,
  loadInteractions,
  loadSurveyResponses,
  type MeasureMapOnOptions,
  measureMapOn,
  sql,
} from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

// measureMapOn on every engine equals measureMap of @cx/map in process: the same measurement ids, windows, counts
// exactly, values and intervals to 1e-9 (`source` says where they were computed).

const sources = {
  interactions: loadedInteractionTable('mm_events'),
  responses: loadedSurveyResponseTable('mm_answers'),
  feedback: loadedFeedbackTable('mm_feedback'),
};

async function load(
  engine: Engine,
  data: { interactions: Interaction[]; responses: SurveyResponse[]; feedback: Feedback[] },
): Promise<void> {
  await loadInteractions(engine, 'mm_events', data.interactions);
  await loadSurveyResponses(engine, 'mm_answers', data.responses);
  await loadFeedback(engine, 'mm_feedback', data.feedback);
}

/** The measurements of both, compared field by field (sources differ by design). */
function expectSameMeasurements(onEngine: JourneyMap, inProcess: JourneyMap): void {
  const strip = (m: JourneyMap) => m.measurements.map(({ source: _source, ...rest }) => rest);
  expectClose(strip(onEngine), strip(inProcess));
  const measured = new Set(onEngine.kpis.filter((k) => k.definition !== undefined).map((k) => k.id));
  for (const m of onEngine.measurements)
    if (m.kpiId !== undefined && measured.has(m.kpiId))
      expect(m.source, m.id).toBe('measureMapOn (@cx/warehouse)');
}

// The demo's map (examples/journey-map) and a small sample shop.
const mapText = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'examples', 'journey-map', 'map.json'),
  'utf8',
);
const shopMap = parseMapJson(mapText);
const shop = createSampleShop({ seed: 2026, customers: 60 });
const shopData = {
  interactions: [...shop.interactions()],
  responses: [...shop.surveyResponses()],
  feedback: [...shop.feedback()],
};

// A small map with a KPI of every kind on stages a and b, for generated data.
const kpiMap: JourneyMapInput = {
  formatVersion: 2,
  journey: {
    id: 'j',
    name: 'J',
    version: 1,
    stages: [
      { id: 'a', labels: { en: 'A' } },
      { id: 'b', labels: { en: 'B' } },
    ],
    touchpoints: [{ id: 'tp', stageId: 'a', name: 'TP', channel: 'web' }],
    desiredActions: [{ id: 'da', stageId: 'a', name: 'Try', interactionNames: ['try'], touchpointId: 'tp' }],
    completedActions: [{ id: 'ca', desiredActionId: 'da', name: 'Done', interactionNames: ['done'] }],
  },
  kpis: [
    { id: 'k-nps', name: 'NPS', stageId: 'a', definition: { kind: 'nps', scope: { stageId: 'a' } } },
    {
      id: 'k-csat',
      name: 'CSAT',
      stageId: 'b',
      definition: { kind: 'csat', scope: { stageId: 'b' }, positive: 'top-box' },
    },
    {
      id: 'k-conv',
      name: 'Conv',
      stageId: 'a',
      definition: { kind: 'conversion', desiredActionId: 'da', withinDays: 1 },
    },
    {
      id: 'k-drop',
      name: 'Drop',
      stageId: 'a',
      definition: { kind: 'drop-off', fromStageId: 'a', toStageId: 'b', withinDays: 2 },
    },
    {
      id: 'k-vol',
      name: 'Vol',
      stageId: 'a',
      definition: {
        kind: 'volume',
        of: 'interactions',
        scope: { stageId: 'a' },
        interactionNames: ['try', 'look'],
      },
    },
    {
      id: 'k-vol-r',
      name: 'VolR',
      stageId: 'b',
      definition: { kind: 'volume', of: 'responses', scope: { stageId: 'b' } },
    },
    {
      id: 'k-vol-f',
      name: 'VolF',
      stageId: 'a',
      definition: { kind: 'volume', of: 'feedback', scope: { touchpointId: 'tp' } },
    },
    {
      id: 'k-neg',
      name: 'Neg',
      stageId: 'a',
      definition: { kind: 'sentiment-share', scope: { stageId: 'a' }, label: 'negative' },
    },
  ],
} as never;

// Instants around the DST changes of Europe/Warsaw (2026-03-29 01:00Z, 2026-10-25 01:00Z) and period boundaries.
const anchors = [
  '2026-03-28T22:30:00Z',
  '2026-03-29T00:59:59.999Z',
  '2026-03-29T01:00:00Z',
  '2026-03-31T22:00:00Z',
  '2026-10-24T22:00:00Z',
  '2026-10-25T00:30:00Z',
  '2026-10-25T01:30:00Z',
  '2026-10-31T23:00:00Z',
].map(instantToEpochMs);
const instant = fc
  .tuple(fc.constantFrom(...anchors), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }))
  .map(([a, d]) => epochMsToInstant(a + d - (d % 60_000)));
const TEXTS = [
  'Terrible, slow and broken.',
  'Great, fast and friendly!',
  'The parcel came on Tuesday.',
  'Awful support, I am angry.',
];

const dataset = fc.record({
  events: fc.array(
    fc.record({
      who: fc.constantFrom('c1', 'c2', 'c3'),
      name: fc.constantFrom('try', 'done', 'look'),
      stage: fc.constantFrom('a', 'b', undefined),
      tp: fc.constantFrom('tp', undefined),
      at: instant,
    }),
    { maxLength: 25 },
  ),
  answers: fc.array(
    fc.record({
      metric: fc.constantFrom('nps', 'csat'),
      stage: fc.constantFrom('a', 'b'),
      score: fc.integer({ min: 1, max: 5 }),
      bonus: fc.integer({ min: 0, max: 5 }),
      at: instant,
      weight: fc.constantFrom(1, 2.5),
    }),
    { maxLength: 15 },
  ),
  notes: fc.array(
    fc.record({
      text: fc.constantFrom(...TEXTS),
      stage: fc.constantFrom('a', 'b'),
      tp: fc.constantFrom('tp', undefined),
      at: instant,
    }),
    { maxLength: 10 },
  ),
});

type Dataset = typeof dataset extends fc.Arbitrary<infer T> ? T : never;

function records(d: Dataset) {
  const interactions: Interaction[] = d.events.map((e, i) => ({
    id: `e${i}`,
    customerId: e.who,
    timestamp: e.at,
    name: e.name,
    channel: 'web',
    ...(e.stage === undefined ? {} : { stageId: e.stage }),
    ...(e.tp === undefined ? {} : { touchpointId: e.tp }),
    properties: {},
  })) as Interaction[];
  const responses: SurveyResponse[] = d.answers.map((r, i) => ({
    id: `r${i}`,
    surveyId: 's',
    metric: r.metric,
    scale: r.metric === 'nps' ? STANDARD_SCALES.nps : STANDARD_SCALES.csat,
    score: r.metric === 'nps' ? r.score + r.bonus : r.score,
    weight: r.weight,
    respondedAt: r.at,
    stageId: r.stage,
    properties: {},
  })) as SurveyResponse[];
  const feedback: Feedback[] = d.notes.map((f, i) => ({
    id: `f${i}`,
    text: f.text,
    language: 'en',
    source: 'review',
    createdAt: f.at,
    stageId: f.stage,
    ...(f.tp === undefined ? {} : { touchpointId: f.tp }),
    properties: {},
  })) as Feedback[];
  return { interactions, responses, feedback };
}

for (const testEngine of testEngines()) {
  describe(`measureMapOn on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it("measures the demo's map of the sample shop as measureMap does, for the year and each month in Europe/Warsaw", async () => {
      await load(engine, shopData);
      const options: MeasureMapOnOptions = {
        window: { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
        interval: 'month',
        timeZone: 'Europe/Warsaw',
      };
      const onEngine = await measureMapOn(engine, shopMap, sources, options);
      const inProcess = measureMap(shopMap, shopData, options);
      expectSameMeasurements(onEngine, inProcess);
      const measured = onEngine.measurements.filter((m) => m.source === 'measureMapOn (@cx/warehouse)');
      // The year in Warsaw's calendar touches 13 months (its last hour is 2026-01-01 00:xx local): 14 windows per KPI.
      expect(measured).toHaveLength(6 * 14);
      // Every kind measured something over the year (the sample is not empty).
      for (const m of measured.filter((x) => x.id === x.kpiId)) expect(m.n, m.id).toBeGreaterThan(0);
    }, 120_000);

    it('equals measureMap on generated data around DST changes, with empty windows and one-customer scopes', async () => {
      await fc.assert(
        fc.asyncProperty(
          dataset,
          fc.constantFrom<'day' | 'week' | 'month' | undefined>('day', 'week', 'month', undefined),
          fc.constantFrom(
            { from: '2026-03-27T00:00:00Z', to: '2026-04-02T00:00:00Z' },
            { from: '2026-10-23T12:00:00Z', to: '2026-11-02T00:00:00Z' },
            { from: '2026-06-01T00:00:00Z', to: '2026-06-03T00:00:00Z' }, // nothing in it: null, n 0
          ),
          async (d, interval, window) => {
            const data = records(d);
            await load(engine, data);
            const options: MeasureMapOnOptions = {
              window,
              timeZone: 'Europe/Warsaw',
              ...(interval === undefined ? {} : { interval }),
            };
            expectSameMeasurements(
              await measureMapOn(engine, kpiMap, sources, options),
              measureMap(kpiMap, data, options),
            );
          },
        ),
        { numRuns: testEngine.name === 'duckdb' ? 25 : 12 },
      );
    }, 300_000);

    it('gives value null and n 0 for a window without records, never a made-up number', async () => {
      await load(engine, { interactions: [], responses: [], feedback: [] });
      const m = await measureMapOn(engine, kpiMap, sources, {
        window: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
      });
      for (const x of m.measurements) {
        expect(x.n, x.id).toBe(0);
        if (x.metric !== 'volume') expect(x.value, x.id).toBeNull();
        else expect(x.value, x.id).toBe(0);
      }
    });
  });
}

describe('measureMapOn rejects what it cannot measure', () => {
  it('names a missing table, an unmapped field and an unknown option', async () => {
    const { duckdbEngine } = await import('../src/index.js');
    const engine = await duckdbEngine();
    const window = { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' };
    try {
      await expect(
        measureMapOn(engine, kpiMap, { interactions: sources.interactions }, { window }),
      ).rejects.toMatchObject({
        subject: 'measureMapOn',
        issues: [{ path: ['sources', 'responses'], code: 'missing_option' }],
      });
      const noStage = { ...sources.responses, fields: { metric: 'metric' } };
      await expect(
        measureMapOn(engine, kpiMap, { ...sources, responses: noStage }, { window, kpiIds: ['k-nps'] }),
      ).rejects.toMatchObject({ issues: [{ path: ['sources', 'responses', 'fields', 'stageId'] }] });
      await expect(
        measureMapOn(engine, kpiMap, sources, { window, intervall: 'day' } as never),
      ).rejects.toMatchObject({ subject: 'measureMapOn', issues: [{ code: 'unknown_option' }] });
      await expect(
        measureMapOn(engine, kpiMap, sources, { window, csatScale: { min: 5, max: 1 } } as never),
      ).rejects.toMatchObject({
        subject: 'measureMapOn',
        issues: [{ path: expect.arrayContaining(['csatScale']) }],
      });
      // Rows the in-process schemas reject are rejected, not silently left out of every window.
      await loadFeedback(engine, 'mm_feedback', [
        {
          id: 'f1',
          text: 'Great!',
          source: 'review',
          createdAt: '2026-01-01T10:00:00Z',
          stageId: 'a',
          properties: {},
        },
      ]);
      await engine.execute(sql`UPDATE mm_feedback SET created_at = NULL`);
      await expect(
        measureMapOn(engine, kpiMap, sources, { window, kpiIds: ['k-neg'] }),
      ).rejects.toMatchObject({
        issues: [{ path: ['feedback'], code: 'invalid_instant' }],
      });
      await engine.execute(
        sql`UPDATE mm_feedback SET created_at = TIMESTAMPTZ '2026-01-01 10:00:00+00', body = NULL`,
      );
      await expect(
        measureMapOn(engine, kpiMap, sources, { window, kpiIds: ['k-neg'] }),
      ).rejects.toMatchObject({
        issues: [{ path: ['feedback', 'f1', 'text'], code: 'missing_field' }],
      });
    } finally {
      await engine.close();
    }
  });
});
