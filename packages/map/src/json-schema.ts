import type { JsonSchemaDocument } from '@cx/model';
import { z } from 'zod';
import { MAP_FORMAT_VERSION, mapDocumentSchema } from './document.js';

/**
 * The published `$id` of the journey-map JSON Schema of the current format version.
 *
 * @example
 * ```ts
 * import { MAP_SCHEMA_ID } from '@cx/map';
 * console.log(MAP_SCHEMA_ID); // 'https://cx-platform.dev/schemas/journey-map.v1.json'
 * ```
 * @category JSON Schema
 * @since 0.1.0
 */
export const MAP_SCHEMA_ID = `https://cx-platform.dev/schemas/journey-map.v${MAP_FORMAT_VERSION}.json`;

/**
 * The JSON Schema (draft 2020-12) of a journey-map document in the current format version, describing its
 * input form (fields with defaults are optional). Published as `docs/schemas/journey-map.v1.json`.
 *
 * References between parts of the map (a step's stage, a curve's persona, unique ids) cannot be said in JSON
 * Schema; {@link parseMap} checks them.
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
      'A journey-map document of @cx/map. Cross-references (stage, step, persona, touchpoint and KPI ids; ' +
      'unique ids; one emotion curve per persona) are checked by parseMap, not by this schema.',
  };
}
