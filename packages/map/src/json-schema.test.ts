import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fullMap } from './__fixtures__/full.js';
import { shopMap } from './__fixtures__/shop.js';
import { MAP_SCHEMA_ID, mapJsonSchema } from './json-schema.js';
import { serializeMap } from './serialize.js';

const published = join(import.meta.dirname, '..', '..', '..', 'docs', 'schemas', 'journey-map.v2.json');

function validator() {
  // No ajv-formats: the schema uses no `format`, only patterns and lengths that every validator reads alike.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
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
    expect(validate(JSON.parse(serializeMap(fullMap())))).toBe(true);
  });

  it('rejects an emotion off the scale and an unknown format version, at their JSON pointers', () => {
    const validate = validator();
    const map = shopMap();
    map.emotionCurves![0]!.points![0]!.emotion = 3;
    expect(validate(map)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toContain('/emotionCurves/0/points/0/emotion');
    expect(validate({ ...shopMap(), formatVersion: 3 })).toBe(false);
  });
});

describe('the published version-1 schema', () => {
  it('stays as published (immutable) and still describes what migrates', () => {
    const v1 = JSON.parse(readFileSync(published.replace('v2.json', 'v1.json'), 'utf8'));
    expect(v1.$id).toBe('https://cx-platform.dev/schemas/journey-map.v1.json');
  });
});
