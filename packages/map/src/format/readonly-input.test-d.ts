// A map declared `as const` (read-only all the way down) is accepted by every function that takes a map; the
// functions never write to their input. Before, their parameter type was the mutable `JourneyMapInput`, so such a map
// did not type-check.
import { describe, expectTypeOf, it } from 'vitest';
import { toCsv } from '../csv/export.js';
import { diffMaps } from '../diff.js';
import { toMermaid } from '../mermaid/export.js';
import { renderSvg } from '../render/svg.js';
import { reviewMap } from '../review.js';
import { canonicalMap, serializeMap } from '../serialize.js';
import type { JourneyMap, JourneyMapInput } from './document.js';
import type { ReadonlyDeep } from './readonly-deep.js';

const map = {
  formatVersion: 2,
  journey: {
    id: 'j',
    name: 'Shop',
    version: 1,
    stages: [{ id: 'buy', labels: { en: 'Buy' } }],
  },
  kpis: [{ id: 'k', name: 'NPS', stageId: 'buy', definition: { kind: 'nps', scope: { stageId: 'buy' } } }],
} as const;

describe('read-only map input', () => {
  it('accepts an `as const` map wherever a map is taken', () => {
    expectTypeOf(map).toMatchTypeOf<ReadonlyDeep<JourneyMapInput>>();
    expectTypeOf(canonicalMap(map)).toEqualTypeOf<JourneyMap>();
    expectTypeOf(serializeMap(map)).toEqualTypeOf<string>();
    expectTypeOf(renderSvg(map)).toEqualTypeOf<string>();
    expectTypeOf(reviewMap).toBeCallableWith(map);
    expectTypeOf(diffMaps).toBeCallableWith(map, map);
    expectTypeOf(toCsv).toBeCallableWith(map);
    expectTypeOf(toMermaid).toBeCallableWith(map);
  });

  it('still accepts a mutable input and a parsed map', () => {
    const mutable: JourneyMapInput = {
      formatVersion: 2,
      journey: { id: 'j', name: 'J', version: 1, stages: [] },
    };
    expectTypeOf(serializeMap).toBeCallableWith(mutable);
    expectTypeOf(serializeMap).toBeCallableWith(canonicalMap(mutable));
  });

  it('is not the mutable type: a read-only map is not a JourneyMapInput', () => {
    expectTypeOf(map).not.toMatchTypeOf<JourneyMapInput>();
  });
});
