import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../__fixtures__/issues.js';
import { shopMap } from '../__fixtures__/shop.js';
import { parseMap, parseMapJson } from '../parse.js';
import { serializeMap } from '../serialize.js';
import { MAP_MIGRATIONS, migrateMapDocument } from './index.js';

/** The shop map as format version 1 wrote it (the v1 canonical form, by hand). */
function shopV1(): Record<string, unknown> {
  const v2 = JSON.parse(serializeMap(shopMap()));
  for (const stage of v2.journey.stages) {
    delete stage.goals;
    delete stage.expectations;
  }
  for (const p of v2.journey.painPoints) delete p.personaIds;
  for (const c of v2.emotionCurves) for (const p of c.points) delete p.words;
  for (const m of v2.measurements)
    if (m.confidenceInterval) {
      m.interval = m.confidenceInterval;
      delete m.confidenceInterval;
    }
  delete v2.scenarios;
  delete v2.blueprint;
  v2.lanes = v2.lanes.filter(
    (l: { kind: string }) => !['goals', 'expectations', 'blueprint'].includes(l.kind),
  );
  return { ...v2, formatVersion: 1 };
}

const v0 = {
  title: 'Shoe shop',
  persona: 'Anna Kowalska',
  steps: [
    {
      stage: 'Search',
      name: 'Googles running shoes',
      touchpoint: 'Google',
      channel: 'search-organic',
      emotion: 0,
    },
    { stage: 'Purchase', name: 'Adds to cart', touchpoint: 'Cart', channel: 'web', emotion: 1 },
    {
      stage: 'Purchase',
      name: 'Pays',
      touchpoint: 'Cart',
      channel: 'web',
      emotion: -2,
      painPoint: 'Card declined',
      thought: 'Again?',
    },
    { stage: 'Search', name: 'Reads reviews' },
  ],
};

describe('migrations', () => {
  it('lists the migrations 0 → 1 → 2', () => {
    expect(MAP_MIGRATIONS.map((m) => [m.from, m.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('migrates a version 0 flat step list (no formatVersion) into a valid v2 map', () => {
    const result = migrateMapDocument(v0);
    expect(result.fromVersion).toBe(0);
    expect(result.path).toEqual([0, 1, 2]);
    const map = parseMap(v0);
    // Stages in order of first use: Search, Purchase.
    expect(map.journey.stages.map((s) => [s.id, s.labels.en])).toEqual([
      ['search', 'Search'],
      ['purchase', 'Purchase'],
    ]);
    // "Cart"/web in Purchase is one touchpoint used by two steps.
    expect(map.journey.touchpoints.map((t) => t.name)).toEqual(['Google', 'Cart']);
    expect(map.journey.steps.map((s) => s.touchpointIds)).toEqual([['tp-1'], ['tp-2'], ['tp-2'], []]);
    expect(map.journey.painPoints).toEqual([
      {
        id: 'pp-3',
        description: 'Card declined',
        severity: 'medium',
        stageId: 'purchase',
        personaIds: [],
        evidence: [],
      },
    ]);
    expect(map.personas.map((p) => p.id)).toEqual(['anna-kowalska']);
    expect(map.emotionCurves[0]?.points).toEqual([
      { stepId: 'step-1', emotion: 0, words: [] },
      { stepId: 'step-2', emotion: 1, words: [] },
      { stepId: 'step-3', emotion: -2, words: [] },
    ]);
    expect(map.thoughts).toEqual([
      { id: 'th-3', stepId: 'step-3', personaId: 'anna-kowalska', text: 'Again?' },
    ]);
  });

  it('accepts explicit formatVersion 0', () => {
    expect(parseMap({ ...v0, formatVersion: 0 }).journey.steps).toHaveLength(4);
  });

  it('reports v0 errors at their place in the v0 text', () => {
    const text = JSON.stringify({ title: 'x', steps: [{ stage: 'A', name: 'B', emotion: 5 }] }, null, 2);
    try {
      parseMapJson(text);
      expect.unreachable();
    } catch (error) {
      const issue = (error as CxValidationError).issues[0] as { path: unknown; line?: number };
      expect(issue.path).toEqual(['steps', 0, 'emotion']);
      expect(issue.line).toBe(text.split('\n').findIndex((l) => l.includes('"emotion"')) + 1);
    }
  });

  it('rejects non-integer and negative versions', () => {
    for (const formatVersion of [1.5, -1, '1'])
      expect(() => migrateMapDocument({ formatVersion })).toThrow(
        /formatVersion to be a non-negative integer/,
      );
    expect(() => migrateMapDocument([])).toThrow(CxValidationError);
  });

  it('migrates version 1 to 2 losing nothing: every v1 field keeps its value, one is renamed', () => {
    const v1 = shopV1();
    const v2 = parseMap(v1);
    // The v1 file listed its 13 lanes explicitly; they stay (format 2's new lanes are not added behind its back).
    expect(JSON.parse(serializeMap(v2))).toEqual({ ...JSON.parse(serializeMap(shopMap())), lanes: v1.lanes });
    expect(v2.measurements[1]?.confidenceInterval).toEqual({ lower: 24.2, upper: 37.5, level: 0.95 });
    expect(migrateMapDocument(v1).path).toEqual([1, 2]);
  });

  it('places errors found after migrating a v1 file at their line in the v1 text, through the rename', () => {
    const v1 = shopV1();
    (v1.measurements as Array<{ interval?: { lower: number } }>)[1]!.interval!.lower = 99;
    const text = JSON.stringify(v1, null, 2);
    const issue = issuesOf(() => parseMapJson(text)).find(
      (i) => i.path.join('/') === 'measurements/1/confidenceInterval/upper',
    );
    const lines = text.split('\n');
    expect(issue?.line).toBe(lines.findIndex((l) => l.includes('"upper": 37.5')) + 1);
  });

  it('reports v1 documents that v2 reads more strictly (non-http URLs) at their place, never dropping them', () => {
    const v1 = shopV1() as { personas: Array<Record<string, unknown>> };
    v1.personas[0]!.imageUrl = 'javascript:alert(1)';
    expect(issuesOf(() => parseMap(v1))).toEqual([
      expect.objectContaining({ path: ['personas', 0, 'imageUrl'] }),
    ]);
  });
});
