import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullMap } from './__fixtures__/full.js';
import { shopMap } from './__fixtures__/shop.js';
import { parseMapJson, parseMapYaml } from './parse.js';
import { canonicalMap, compareCodePoints, serializeMap, serializeMapYaml } from './serialize.js';

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
      formatVersion: 2 as const,
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
  it('round-trips every format-2 concept byte for byte (JSON and YAML)', () => {
    for (const map of [shopMap(), fullMap()]) {
      const json = serializeMap(map);
      expect(serializeMap(parseMapJson(json))).toBe(json);
      const yaml = serializeMapYaml(map);
      expect(serializeMapYaml(parseMapYaml(yaml))).toBe(yaml);
      expect(parseMapYaml(yaml)).toEqual(parseMapJson(json));
      expect(parseMapJson(json)).toEqual(canonicalMap(map));
    }
  });

  it('sorts free-form keys by code point, integer-like keys included (JS objects would list those first)', () => {
    const map = shopMap();
    map.journey.stages![0]!.labels = {
      en: 'E',
      b: 'b',
      '10': 'ten',
      '9': 'nine',
      '\u{1F600}': 'emoji',
      '\uFFFF': 'last BMP',
    };
    map.personas![0]!.demographics = { z: { '2': 1, a: 2, '10': 3 }, '1': true };
    const text = serializeMap(map);
    const labelKeys = [...text.matchAll(/^ {10}"([^"]+)": "/gm)].map((m) => m[1]);
    // "10" < "9" (code point of "1" < "9"); U+FFFF < U+1F600 by code point, though not by UTF-16 unit.
    expect(labelKeys.slice(0, 6)).toEqual(['en', '10', '9', 'b', '\uFFFF', '\u{1F600}']);
    expect(text).toContain(
      '"demographics": {\n        "1": true,\n        "z": {\n          "10": 3,\n          "2": 1,\n          "a": 2',
    );
    expect(serializeMap(parseMapJson(text))).toBe(text);
    const yaml = serializeMapYaml(map);
    expect(yaml.indexOf('"10": ten')).toBeLessThan(yaml.indexOf('"9": nine'));
    expect(serializeMapYaml(parseMapYaml(yaml))).toBe(yaml);
  });

  it('compares by code point', () => {
    expect(['b', '\u{1F600}', '\uFFFF', 'a', 'ab'].sort(compareCodePoints)).toEqual([
      'a',
      'ab',
      'b',
      '\uFFFF',
      '\u{1F600}',
    ]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const cp = (x: string) => [...x].map((c) => c.codePointAt(0)!);
        const [x, y] = [cp(a), cp(b)];
        let expected = x.length - y.length;
        for (let i = 0; i < Math.min(x.length, y.length); i++)
          if (x[i] !== y[i]) {
            expected = x[i]! - y[i]!;
            break;
          }
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(expected));
      }),
    );
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
    expect(text.startsWith('{\n  "formatVersion": 2,\n  "journey": {\n    "id": "shop",\n    "name"')).toBe(
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
