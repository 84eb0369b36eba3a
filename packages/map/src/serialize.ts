import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { JourneyMap, JourneyMapInput } from './format/document.js';
import type { ReadonlyDeep } from './format/readonly-deep.js';
import { parseMap } from './parse.js';

/** Compares two strings by Unicode code point (not UTF-16 unit: `\u{1F600}` sorts after `\uFFFF`). @internal */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** How the keys of an object are ordered: as the schema lists them, or sorted (`en` first for labels). */
type Order = 'schema' | 'labels' | 'sorted';

/** The keys of `value` in canonical order, and the order of its children. */
function orderedKeys(value: Record<string, unknown>, order: Order): Array<[string, Order]> {
  if (order === 'schema') {
    // JS lists integer-like keys first whatever the insertion order; schema keys are never integer-like, so the
    // insertion order of zod's output (the schema's order) is kept. Below `labels` and `demographics` keys are
    // free-form.
    return Object.keys(value).map((k) => [
      k,
      k === 'labels' ? 'labels' : k === 'demographics' ? 'sorted' : 'schema',
    ]);
  }
  const keys = Object.keys(value)
    .filter((k) => order !== 'labels' || k !== 'en')
    .sort(compareCodePoints);
  if (order === 'labels' && Object.hasOwn(value, 'en')) keys.unshift('en');
  return keys.map((k) => [k, 'sorted']);
}

/**
 * Writes a value as canonical JSON text: the layout of `JSON.stringify(value, null, 2)`, but with keys in
 * canonical order even when they look like integers (which JS objects would list first).
 */
function writeJson(value: unknown, order: Order, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]');
    out.push('[');
    value.forEach((item, i) => {
      out.push(`\n${indent}  `);
      writeJson(item, order === 'sorted' ? 'sorted' : 'schema', `${indent}  `, out);
      if (i < value.length - 1) out.push(',');
    });
    out.push(`\n${indent}]`);
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = orderedKeys(value as Record<string, unknown>, order);
    if (keys.length === 0) return void out.push('{}');
    out.push('{');
    keys.forEach(([k, childOrder], i) => {
      out.push(`\n${indent}  ${JSON.stringify(k)}: `);
      writeJson((value as Record<string, unknown>)[k], childOrder, `${indent}  `, out);
      if (i < keys.length - 1) out.push(',');
    });
    out.push(`\n${indent}}`);
    return;
  }
  out.push(JSON.stringify(value));
}

/** The same canonical tree as YAML nodes (a YAMLMap keeps its pairs in the order given). */
function yamlNode(value: unknown, order: Order): unknown {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(yamlNode(item, order === 'sorted' ? 'sorted' : 'schema'));
    return seq;
  }
  if (typeof value === 'object' && value !== null) {
    const map = new YAMLMap();
    for (const [k, childOrder] of orderedKeys(value as Record<string, unknown>, order))
      map.items.push(new Pair(new Scalar(k), yamlNode((value as Record<string, unknown>)[k], childOrder)));
    return map;
  }
  return new Scalar(value);
}

/**
 * The canonical form of a map as a value: validated, every default filled in, and `-0` written as `0` (what any
 * text form gives back). The canonical key order (schema order; free-form record keys by code point, `en` first
 * among labels) is applied when the map is written as text.
 *
 * @param map - A map, parsed or built in code.
 * @returns A new, equal map.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxLimitError} when it nests too deeply or is too large.
 * @example
 * ```ts
 * import { canonicalMap } from '@cx/map';
 * const map = canonicalMap({
 *   formatVersion: 2,
 *   journey: { version: 1, name: 'Shop', id: 'shop', stages: [{ id: 'use', labels: { pl: 'Użycie', en: 'Use' } }] },
 * });
 * console.log(Object.keys(map.journey)[0], map.lanes.length); // 'id' 16
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function canonicalMap(map: JourneyMap | ReadonlyDeep<JourneyMapInput>): JourneyMap {
  // Through JSON once, so that the value equals what any text form gives back (e.g. −0 becomes 0).
  return JSON.parse(JSON.stringify(parseMap(map))) as JourneyMap;
}

/**
 * Serializes a map as canonical JSON: two-space indentation, keys in canonical order (schema order; keys of
 * stage labels and persona demographics sorted by Unicode code point, `en` first among labels), a final newline.
 * The same map always gives the same bytes, and parsing then serializing canonical text gives it back unchanged.
 *
 * @param map - A map, parsed or built in code.
 * @returns Canonical JSON text.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxLimitError} when it nests too deeply or is too large.
 * @example
 * ```ts
 * import { parseMapJson, serializeMap } from '@cx/map';
 * const text = serializeMap({
 *   formatVersion: 2,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use', '10': 'x', b: 'y' } }] },
 * });
 * console.log(text.indexOf('"b"') < text.indexOf('"10"')); // false: "1" (U+0031) sorts before "b"
 * console.log(serializeMap(parseMapJson(text)) === text); // true
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function serializeMap(map: JourneyMap | ReadonlyDeep<JourneyMapInput>): string {
  const out: string[] = [];
  writeJson(canonicalMap(map), 'schema', '', out);
  return `${out.join('')}\n`;
}

/**
 * Serializes a map as canonical YAML (YAML 1.2, the same data and key order as {@link serializeMap}, no line
 * folding, no anchors).
 *
 * @param map - A map, parsed or built in code.
 * @returns Canonical YAML text.
 * @throws {@link @cx/model!CxValidationError} when the map is invalid.
 * @throws {@link @cx/model!CxLimitError} when it nests too deeply or is too large.
 * @example
 * ```ts
 * import { parseMapYaml, serializeMapYaml } from '@cx/map';
 * const text = serializeMapYaml({
 *   formatVersion: 2,
 *   journey: { id: 'shop', name: 'Shop', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] },
 * });
 * console.log(serializeMapYaml(parseMapYaml(text)) === text); // true
 * ```
 * @category Serialization
 * @since 0.1.0
 */
export function serializeMapYaml(map: JourneyMap | ReadonlyDeep<JourneyMapInput>): string {
  const doc = new Document(null, { version: '1.2' });
  doc.contents = yamlNode(canonicalMap(map), 'schema') as YAMLMap;
  return doc.toString({ lineWidth: 0, indent: 2 });
}
