import { validate } from '@cx/model';
import { type JourneyMapV1, mapV1Schema } from '../format/v1.js';

const V1_SCHEMA_ID = 'https://cx-platform.dev/schemas/journey-map.v1.json';
const V2_SCHEMA_ID = 'https://cx-platform.dev/schemas/journey-map.v2.json';

/**
 * Format 1 → 2. Every field of version 1 keeps its place and meaning except one rename: a measurement's
 * confidence `interval` is now `confidenceInterval` (in version 2 the word "interval" means a calendar bucket, as
 * everywhere else in the platform), and a `$schema` naming the version-1 schema names the version-2 one. New fields (stage goals and expectations, pain-point frequency and impact,
 * blueprint, scenarios …) start empty. Nothing is dropped.
 *
 * @internal
 */
export function v1ToV2(document: unknown): unknown {
  const v1: JourneyMapV1 = validate(mapV1Schema, document, { subject: 'JourneyMap v1' });
  const { measurements, $schema, ...rest } = v1;
  return {
    // The editor hint follows the document to the schema of its new version; any other value is kept.
    ...($schema === undefined ? {} : { $schema: $schema === V1_SCHEMA_ID ? V2_SCHEMA_ID : $schema }),
    ...rest,
    formatVersion: 2,
    measurements: measurements.map(({ interval, ...m }) =>
      interval === undefined ? m : { ...m, confidenceInterval: interval },
    ),
  };
}

/** Where a version-2 path lies in the version-1 source (the one renamed field). @internal */
export function v2PathInV1(path: ReadonlyArray<string | number>): ReadonlyArray<string | number> {
  return path[0] === 'measurements' && path[2] === 'confidenceInterval'
    ? [...path.slice(0, 2), 'interval', ...path.slice(3)]
    : path;
}
