import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { shopMap } from './__fixtures__/shop.js';
import { MAP_SCHEMA_ID, mapJsonSchema } from './json-schema.js';
import { serializeMap } from './serialize.js';

const published = join(import.meta.dirname, '..', '..', '..', 'docs', 'schemas', 'journey-map.v1.json');

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile(mapJsonSchema());
}

describe('mapJsonSchema', () => {
  it('matches the published file (run `npm run schema -w @cx/map` after a format change)', () => {
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(mapJsonSchema());
    expect(mapJsonSchema().$id).toBe(MAP_SCHEMA_ID);
  });

  it('accepts the input and the canonical form of a valid map', () => {
    const validate = validator();
    expect(validate(shopMap())).toBe(true);
    expect(validate(JSON.parse(serializeMap(shopMap())))).toBe(true);
  });

  it('rejects an emotion off the scale and an unknown format version, at their JSON pointers', () => {
    const validate = validator();
    const map = shopMap();
    map.emotionCurves![0]!.points![0]!.emotion = 3;
    expect(validate(map)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/emotionCurves/0/points/0/emotion');
    expect(validate({ ...shopMap(), formatVersion: 2 })).toBe(false);
  });
});
