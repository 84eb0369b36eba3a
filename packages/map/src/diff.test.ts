import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import { formatChangelog } from './changelog.js';
import { diffMaps } from './diff.js';

describe('diffMaps', () => {
  it('finds no change between a map and itself', () => {
    expect(diffMaps(shopMap(), shopMap())).toEqual([]);
    expect(formatChangelog([])).toBe('No changes.\n');
  });

  it('reports added, removed, changed and moved items field by field', () => {
    const before = shopMap();
    const after = shopMap();
    const j = after.journey;
    j.version = 4;
    // Move "use" before "purchase": on the LCS [consideration, purchase] only "use" moved.
    j.stages = [j.stages[0]!, j.stages[2]!, j.stages[1]!];
    j.stages[1]!.labels = { en: 'Usage' };
    j.steps![1]!.expectedEmotion = 0;
    j.steps!.push({ id: 'return', stageId: 'use', name: 'Returns a pair' });
    j.painPoints = j.painPoints!.filter((p) => p.id !== 'pp2');
    j.improvementActions = j.improvementActions!.filter((a) => a.id !== 'ia2');
    j.improvementActions[0]!.status = 'done';
    const changes = diffMaps(before, after);
    expect(changes).toEqual([
      { kind: 'changed', collection: 'journey', id: 'shop', field: '/version', before: 3, after: 4 },
      { kind: 'moved', collection: 'stages', id: 'use', fromIndex: 2, toIndex: 1 },
      {
        kind: 'changed',
        collection: 'stages',
        id: 'use',
        field: '/labels/en',
        before: 'Use',
        after: 'Usage',
      },
      {
        kind: 'added',
        collection: 'steps',
        id: 'return',
        index: 4,
        after: expect.objectContaining({ name: 'Returns a pair' }),
      },
      { kind: 'changed', collection: 'steps', id: 'pay', field: '/expectedEmotion', before: -1, after: 0 },
      {
        kind: 'removed',
        collection: 'painPoints',
        id: 'pp2',
        index: 1,
        before: expect.objectContaining({ severity: 'medium' }),
      },
      { kind: 'removed', collection: 'improvementActions', id: 'ia2', index: 1, before: expect.anything() },
      {
        kind: 'changed',
        collection: 'improvementActions',
        id: 'ia1',
        field: '/status',
        before: 'open',
        after: 'done',
      },
    ]);
    expect(formatChangelog(changes)).toBe(
      [
        '- Changed journey `shop`: `/version` 3 → 4',
        '- Moved stage `use` from position 3 to 2',
        '- Changed stage `use`: `/labels/en` "Use" → "Usage"',
        '- Added step `return` "Returns a pair"',
        '- Changed step `pay`: `/expectedEmotion` -1 → 0',
        '- Removed pain point `pp2` "Size chart unclear"',
        '- Removed improvement action `ia2` "New size chart"',
        '- Changed improvement action `ia1`: `/status` "open" → "done"',
        '',
      ].join('\n'),
    );
  });

  it('reports a field that appears or disappears as changed from/to undefined', () => {
    const after = shopMap();
    after.journey.touchpoints![0]!.owner = 'Web team';
    delete after.journey.painPoints![0]!.owner;
    const changes = diffMaps(shopMap(), after);
    expect(changes).toContainEqual({
      kind: 'changed',
      collection: 'touchpoints',
      id: 'pdp',
      field: '/owner',
      before: undefined,
      after: 'Web team',
    });
    expect(changes).toContainEqual({
      kind: 'changed',
      collection: 'painPoints',
      id: 'pp1',
      field: '/owner',
      before: 'Checkout team',
      after: undefined,
    });
    expect(formatChangelog(changes)).toContain('`/owner` (none) → "Web team"');
  });

  it('finds moves without an n × m table: 20,000 steps reversed move all but one', () => {
    const many = shopMap();
    many.journey.steps = Array.from({ length: 20_000 }, (_, i) => ({
      id: `s${i}`,
      stageId: 'use',
      name: `Step ${i}`,
    }));
    many.emotionCurves = [];
    many.thoughts = [];
    const reversed = structuredClone(many);
    reversed.journey.steps!.reverse();
    expect(diffMaps(many, reversed).filter((c) => c.kind === 'moved')).toHaveLength(19_999);
  });

  it('compares own fields only: a field named like an Object.prototype member is a field', () => {
    const before = shopMap();
    before.personas![0]!.demographics = { constructor: 'a' };
    const after = shopMap();
    after.personas![0]!.demographics = { constructor: 'b', toString: 'c' };
    expect(diffMaps(before, after).map((c) => (c.kind === 'changed' ? c.field : c.kind))).toEqual([
      '/demographics/constructor',
      '/demographics/toString',
    ]);
  });

  it('a reversal of three steps moves two of them', () => {
    const after = shopMap();
    const s = after.journey.steps!;
    after.journey.steps = [s[2]!, s[1]!, s[0]!, s[3]!];
    expect(diffMaps(shopMap(), after).filter((c) => c.kind === 'moved')).toHaveLength(2);
  });
});
