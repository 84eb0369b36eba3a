import { describe, expect, it } from 'vitest';
import { invalid, valid } from './__fixtures__/documents.js';
import { MODEL_SCHEMAS } from './json-schema.js';
import { safeValidate } from './validate.js';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('model schemas accept realistic documents', () => {
  for (const [name, documents] of Object.entries(valid)) {
    documents.forEach((document, i) => {
      it(`${name} #${i}`, () => {
        const result = safeValidate(MODEL_SCHEMAS[name as keyof typeof valid], json(document), {
          subject: name,
        });
        expect(result.success ? 'ok' : result.error.message).toBe('ok');
      });
    });
  }
});

describe('model schemas reject malformed documents at the right path', () => {
  for (const { name, schema, value, paths } of invalid) {
    it(`${schema}: ${name}`, () => {
      const result = safeValidate(MODEL_SCHEMAS[schema], json(value), { subject: schema });
      expect(result.success).toBe(false);
      if (result.success) return;
      const found = [...new Set(result.error.issues.map((issue) => issue.path.join('/')))].sort();
      expect(found).toEqual([...paths].sort());
      for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(5);
      expect(result.error.message).toContain(`Invalid ${schema}`);
    });
  }
});
