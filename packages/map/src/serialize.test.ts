import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import { parseMapJson, parseMapYaml } from './parse.js';
import { canonicalMap, serializeMap, serializeMapYaml } from './serialize.js';

const arbitraryMap = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 20 }),
    labels: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }),
    emotions: fc.array(
      fc.oneof(fc.integer({ min: -2, max: 2 }), fc.double({ min: -2, max: 2, noNaN: true })),
      {
        maxLength: 8,
      },
    ),
    extraLabel: fc.string({ minLength: 1, maxLength: 8 }),
    demographics: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  })
  .map(({ name, labels, emotions, extraLabel, demographics }) => {
    const stages = labels.map((en, i) => ({ id: `s${i}`, labels: { zz: extraLabel, en, de: extraLabel } }));
    return {
      formatVersion: 1 as const,
      journey: {
        id: 'j',
        name,
        version: 1,
        personaIds: ['p'],
        stages,
        steps: emotions.map((e, i) => ({
          id: `st${i}`,
          stageId: `s${i % stages.length}`,
          name: `Step ${i}`,
          expectedEmotion: e,
        })),
      },
      personas: [{ id: 'p', name: 'P', demographics: JSON.parse(JSON.stringify(demographics)) }],
      emotionCurves: [{ personaId: 'p', points: emotions.map((e, i) => ({ stepId: `st${i}`, emotion: e })) }],
    };
  });

describe('canonical serialization', () => {
  it('round-trips the fixture byte for byte (JSON and YAML)', () => {
    const json = serializeMap(shopMap());
    expect(serializeMap(parseMapJson(json))).toBe(json);
    const yaml = serializeMapYaml(shopMap());
    expect(serializeMapYaml(parseMapYaml(yaml))).toBe(yaml);
    expect(parseMapYaml(yaml)).toEqual(parseMapJson(json));
  });

  it('is independent of input key order', () => {
    const map = shopMap();
    const reversed = JSON.parse(JSON.stringify(map), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(serializeMap(reversed)).toBe(serializeMap(map));
  });

  it('orders keys: formatVersion first, id before name, en label first', () => {
    const text = serializeMap(shopMap());
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "journey": {\n    "id": "shop",\n    "name"')).toBe(
      true,
    );
    expect(canonicalMap(shopMap()).journey.stages[0]!.labels).toEqual({
      en: 'Consideration',
      pl: 'Rozważanie',
    });
  });

  it('property: JSON → map → JSON is byte-identical, and nothing is lost', () => {
    fc.assert(
      fc.property(arbitraryMap, (input) => {
        const text = serializeMap(input);
        const back = parseMapJson(text);
        expect(serializeMap(back)).toBe(text);
        expect(back).toEqual(canonicalMap(input));
        const yaml = serializeMapYaml(input);
        expect(serializeMapYaml(parseMapYaml(yaml))).toBe(yaml);
        expect(parseMapYaml(yaml)).toEqual(back);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('ends with exactly one newline and uses two-space indentation', () => {
    const text = serializeMap(shopMap());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toMatch(/\t/);
  });
});
