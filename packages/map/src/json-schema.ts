import type { JsonSchemaDocument } from '@cx/model';
import { z } from 'zod';
import { MAP_FORMAT_VERSION, mapDocumentSchema } from './format/document.js';

/**
 * The published `$id` of the journey-map JSON Schema of the current format version.
 *
 * @example
 * ```ts
 * import { MAP_SCHEMA_ID } from '@cx/map';
 * console.log(MAP_SCHEMA_ID); // 'https://cx-platform.dev/schemas/journey-map.v2.json'
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export const MAP_SCHEMA_ID = `https://cx-platform.dev/schemas/journey-map.v${MAP_FORMAT_VERSION}.json`;

/**
 * The JSON Schema (draft 2020-12) of a journey-map document in the current format version, describing its input
 * form (fields with defaults are optional). Published as `docs/schemas/journey-map.v2.json`. It uses no `format`
 * keyword: every string rule is a `pattern` or a length, the same regular expression the parser uses, so any
 * draft 2020-12 validator and {@link parseMap} accept and reject the same documents on every rule the schema
 * states (a generated test checks this).
 *
 * References between parts of the map (a step's stage, a curve's persona, unique ids) and the consistency of
 * measurements cannot be said in JSON Schema; {@link parseMap} checks them ({@link mapRuleIssues}).
 *
 * @returns A standalone JSON Schema document.
 * @example
 * ```ts
 * import { mapJsonSchema } from '@cx/map';
 * console.log(mapJsonSchema().$schema); // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export function mapJsonSchema(): JsonSchemaDocument {
  const schema = z.toJSONSchema(mapDocumentSchema, {
    io: 'input',
    unrepresentable: 'throw',
    target: 'draft-2020-12',
  });
  return {
    ...schema,
    $id: MAP_SCHEMA_ID,
    title: `Journey map, format version ${MAP_FORMAT_VERSION}`,
    description:
      'A journey-map document of @cx/map. Cross-references (stage, step, persona, touchpoint, KPI and desired-action ' +
      'ids; unique ids; one emotion curve per persona and scenario) and measurement consistency are checked by ' +
      'parseMap, not by this schema. The key "__proto__" is not allowed anywhere.',
  };
}
