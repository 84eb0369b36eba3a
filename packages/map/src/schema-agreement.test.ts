import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fullMap } from './__fixtures__/full.js';
import { SchemaCases, withCase } from './__fixtures__/schema-cases.js';
import { mapJsonSchema } from './json-schema.js';
import { migrateMapDocument } from './migrate/index.js';
import { structuralCheck } from './parse.js';
import { inspectDocument } from './read/inspect.js';
import { DEFAULT_LIMITS } from './read/limits.js';
import { serializeMap } from './serialize.js';

/** What the parser says about a document's structure: the reader's checks, migration, then the schema. */
function parserAccepts(document: unknown): boolean {
  try {
    inspectDocument(document, DEFAULT_LIMITS, 'case');
    return structuralCheck(migrateMapDocument(document).document).success;
  } catch {
    return false;
  }
}

describe('the JSON Schema and the parser agree', () => {
  // No ajv-formats: the schema uses none. strictRequired is off because `required` inside anyOf/oneOf branches
  // (an emotion point needs an emotion or words) is valid JSON Schema that ajv's strict mode only warns about.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: false });
  const validate = ajv.compile(mapJsonSchema());
  it('on every rule the schema states, at every place of a map holding every format-2 concept', () => {
    const document = JSON.parse(serializeMap(fullMap()));
    expect(validate(document)).toBe(true);
    expect(parserAccepts(document)).toBe(true);
    const disagreements: string[] = [];
    const rules = new Map<string, { accepted: number; rejected: number }>();
    let n = 0;
    for (const c of new SchemaCases(mapJsonSchema() as Record<string, unknown>, 20_261_124).cases(document)) {
      n++;
      const [schema, parser] = withCase(document, c, (d) => [validate(d), parserAccepts(d)] as const);
      const tally = rules.get(c.rule) ?? { accepted: 0, rejected: 0 };
      tally[schema ? 'accepted' : 'rejected']++;
      rules.set(c.rule, tally);
      if (schema !== parser)
        disagreements.push(
          `${c.rule} at /${c.path.join('/')}: schema ${schema ? 'accepts' : 'rejects'}, parser ${parser ? 'accepts' : 'rejects'} ${JSON.stringify(c.value)?.slice(0, 80)}`,
        );
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    // The cases really probe both sides of every kind of rule.
    expect(n).toBeGreaterThan(5000);
    for (const [rule, tally] of rules)
      if (!['required', 'unknown key', 'minItems', 'type'].includes(rule)) {
        expect(tally.accepted, rule).toBeGreaterThan(0);
        expect(tally.rejected, rule).toBeGreaterThan(0);
      }
  }, 300_000);
});
