import { stringify } from 'yaml';
import type { JourneyMap, JourneyMapInput } from './document.js';
import { parseMap } from './parse.js';

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * The canonical form of a map: validated, every default filled in, object keys in schema order and the keys of
 * free-form records (stage labels after `en`, persona demographics) sorted by code point, and `-0` written as `0`.
 *
 * @param map - A map, parsed or built in code.
 * @returns A new, equal map in canonical key order.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { canonicalMap } from '@cx/map';
 * const map = canonicalMap({
 *   formatVersion: 1,
 *   journey: { version: 1, name: 'Shop', id: 'shop', stages: [{ id: 'use', labels: { pl: 'Użycie', en: 'Use' } }] },
 * });
 * console.log(Object.keys(map.journey.stages[0]!.labels)); // ['en', 'pl']
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function canonicalMap(map: JourneyMap | JourneyMapInput): JourneyMap {
  const parsed = parseMap(map);
  for (const stage of parsed.journey.stages) {
    const { en, ...rest } = stage.labels;
    stage.labels = { en, ...(sortDeep(rest) as Record<string, string>) };
  }
  for (const persona of parsed.personas)
    persona.demographics = sortDeep(persona.demographics) as typeof persona.demographics;
  // Through JSON once, so that the value equals what any text form gives back (e.g. −0 becomes 0).
  return JSON.parse(JSON.stringify(parsed)) as JourneyMap;
}

/**
 * Serializes a map as canonical JSON: two-space indentation, keys in canonical order, a final newline.
 * The same map always gives the same bytes, and parsing then serializing canonical text gives it back unchanged.
 *
 * @param map - A map, parsed or built in code.
 * @returns Canonical JSON text.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { parseMapJson, serializeMap } from '@cx/map';
 * const text = serializeMap({
 *   formatVersion: 1,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(serializeMap(parseMapJson(text)) === text); // true
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function serializeMap(map: JourneyMap | JourneyMapInput): string {
  return `${JSON.stringify(canonicalMap(map), null, 2)}\n`;
}

/**
 * Serializes a map as canonical YAML (YAML 1.2, same key order as {@link serializeMap}, no line folding).
 *
 * @param map - A map, parsed or built in code.
 * @returns Canonical YAML text.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @example
 * ```ts
 * import { parseMapYaml, serializeMapYaml } from '@cx/map';
 * const text = serializeMapYaml({
 *   formatVersion: 1,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(serializeMapYaml(parseMapYaml(text)) === text); // true
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function serializeMapYaml(map: JourneyMap | JourneyMapInput): string {
  return stringify(canonicalMap(map), {
    version: '1.2',
    lineWidth: 0,
    indent: 2,
    aliasDuplicateObjects: false,
  });
}
