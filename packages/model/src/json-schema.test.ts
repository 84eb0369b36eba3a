import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { invalid, valid } from './__fixtures__/documents.js';
import { MODEL_SCHEMAS, type ModelSchemaName, modelJsonSchema } from './json-schema.js';

// ajv is the independent validator: the JSON Schemas must accept what zod accepts and reject what zod rejects.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
const validators = new Map(
  (Object.keys(MODEL_SCHEMAS) as ModelSchemaName[]).map((name) => [name, ajv.compile(modelJsonSchema(name))]),
);
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('exported JSON Schemas agree with the zod schemas (checked with ajv)', () => {
  for (const [name, documents] of Object.entries(valid)) {
    it(`accepts the valid ${name} documents`, () => {
      const check = validators.get(name as ModelSchemaName);
      for (const document of documents) {
        const ok = check?.(json(document));
        expect(ok ? 'ok' : ajv.errorsText(check?.errors)).toBe('ok');
      }
    });
  }

  for (const { name, schema, value, zodOnly } of invalid) {
    if (zodOnly === true) {
      it(`${schema}: ${name}: a cross-field rule only the library checks, named in the schema description`, () => {
        expect(validators.get(schema)?.(json(value))).toBe(true);
        expect(MODEL_SCHEMAS[schema].safeParse(json(value)).success).toBe(false);
        expect(JSON.stringify(modelJsonSchema(schema))).toContain('checked by the library');
      });
    } else {
      it(`${schema}: rejects ${name}`, () => {
        expect(MODEL_SCHEMAS[schema].safeParse(json(value)).success).toBe(false);
        expect(validators.get(schema)?.(json(value))).toBe(false);
      });
    }
  }

  it('rejects an unknown channel and accepts a custom: channel, like zod', () => {
    const check = validators.get('Touchpoint');
    const tp = { id: 't', name: 'T', stageId: 'use' };
    expect(check?.({ ...tp, channel: 'custom:kiosk' })).toBe(true);
    expect(check?.({ ...tp, channel: 'custom:Kiosk' })).toBe(false);
    expect(check?.({ ...tp, channel: 'telegraph' })).toBe(false);
  });

  it('docs/schemas holds the current JSON Schemas (run npm run docs:json-schema after a schema change)', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'schemas');
    for (const name of Object.keys(MODEL_SCHEMAS) as ModelSchemaName[]) {
      const written = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
      expect(written, name).toEqual(modelJsonSchema(name));
    }
  });

  it('gives each schema an $id, a title and the 2020-12 dialect', () => {
    const schema = modelJsonSchema('Journey');
    expect(schema.$id).toBe('https://cx-platform.dev/schemas/Journey.json');
    expect(schema.title).toBe('Journey');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
