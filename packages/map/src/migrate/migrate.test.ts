import { CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { MAP_MIGRATIONS, migrateMapDocument } from './migrate.js';
import { parseMap, parseMapJson } from './parse.js';

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
  it('lists one migration 0 → 1', () => {
    expect(MAP_MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[0, 1]]);
  });

  it('migrates a version 0 flat step list (no formatVersion) into a valid v1 map', () => {
    const result = migrateMapDocument(v0);
    expect(result.fromVersion).toBe(0);
    expect(result.path).toEqual([0, 1]);
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
      { id: 'pp-3', description: 'Card declined', severity: 'medium', stageId: 'purchase', evidence: [] },
    ]);
    expect(map.personas.map((p) => p.id)).toEqual(['anna-kowalska']);
    expect(map.emotionCurves[0]?.points).toEqual([
      { stepId: 'step-1', emotion: 0 },
      { stepId: 'step-2', emotion: 1 },
      { stepId: 'step-3', emotion: -2 },
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
});
