import type { JourneyMap, JourneyMapInput } from './format/document.js';
import type { ReadonlyDeep } from './format/readonly-deep.js';
import { canonicalMap } from './serialize.js';

/**
 * The parts of a map that {@link diffMaps} compares item by item (by id; emotion curves by persona id).
 *
 * @example
 * ```ts
 * import { DIFF_COLLECTIONS } from '@cx/map';
 * console.log(DIFF_COLLECTIONS.slice(0, 3)); // ['stages', 'steps', 'touchpoints']
 * ```
 * @category Diff
 * @since 0.1.0
 */
export const DIFF_COLLECTIONS = [
  'stages',
  'steps',
  'touchpoints',
  'painPoints',
  'improvementActions',
  'momentsOfTruth',
  'opportunities',
  'desiredActions',
  'completedActions',
  'personas',
  'scenarios',
  'emotionCurves',
  'thoughts',
  'blueprint',
  'kpis',
  'measurements',
  'lanes',
] as const;

/**
 * One of the {@link DIFF_COLLECTIONS}, or `journey` / `map` for the top-level fields.
 *
 * @category Diff
 * @since 0.1.0
 */
export type DiffCollection = (typeof DIFF_COLLECTIONS)[number] | 'journey' | 'map';

/**
 * One change between two maps. `field` is a JSON pointer inside the item (e.g. `/labels/en`); arrays of
 * plain values (such as `touchpointIds`) are compared as a whole.
 *
 * @category Diff
 * @since 0.1.0
 */
export type MapChange =
  | {
      readonly kind: 'added';
      readonly collection: DiffCollection;
      readonly id: string;
      readonly index: number;
      readonly after: unknown;
    }
  | {
      readonly kind: 'removed';
      readonly collection: DiffCollection;
      readonly id: string;
      readonly index: number;
      readonly before: unknown;
    }
  | {
      readonly kind: 'changed';
      readonly collection: DiffCollection;
      readonly id: string;
      readonly field: string;
      readonly before: unknown;
      readonly after: unknown;
    }
  | {
      readonly kind: 'moved';
      readonly collection: DiffCollection;
      readonly id: string;
      readonly fromIndex: number;
      readonly toIndex: number;
    };

type Item = { readonly key: string; readonly value: unknown };

function items(map: JourneyMap, collection: (typeof DIFF_COLLECTIONS)[number]): Item[] {
  if (collection === 'emotionCurves')
    return map.emotionCurves.map((c) => ({
      key: c.scenario ? `${c.personaId} (${c.scenario})` : c.personaId,
      value: c,
    }));
  if (
    collection === 'personas' ||
    collection === 'scenarios' ||
    collection === 'thoughts' ||
    collection === 'blueprint' ||
    collection === 'kpis' ||
    collection === 'measurements' ||
    collection === 'lanes'
  )
    return map[collection].map((x) => ({ key: x.id, value: x }));
  return (map.journey[collection] as ReadonlyArray<{ id: string }>).map((x) => ({ key: x.id, value: x }));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

function fieldChanges(
  before: unknown,
  after: unknown,
  at: string,
  out: Array<[string, unknown, unknown]>,
): void {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    for (const k of keys) fieldChanges(before[k], after[k], `${at}/${pointerSegment(k)}`, out);
  } else if (!same(before, after)) out.push([at, before, after]);
}

/**
 * Ids of the common items that moved: those off a longest common subsequence of the two orders. Ids are unique, so
 * that subsequence is the longest increasing run of "position in after" read in the "before" order, found in
 * O(n log n) (patience sorting) rather than with an n × m table.
 */
function movedKeys(before: readonly string[], after: readonly string[]): Set<string> {
  const position = new Map(after.map((key, i) => [key, i]));
  const seq = before.map((key) => position.get(key)!);
  // longest[i]: length of the longest increasing run starting at i (patience sorting from the end).
  const longest = new Array<number>(seq.length);
  const tails: number[] = [];
  for (let i = seq.length - 1; i >= 0; i--) {
    const v = -seq[i]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    longest[i] = lo + 1;
  }
  // Of all longest runs, keep the one of the earliest items: a moved item is the one that left its place.
  const kept = new Set<string>();
  let need = tails.length;
  let last = -1;
  for (let i = 0; i < seq.length && need > 0; i++)
    if (longest[i] === need && seq[i]! > last) {
      kept.add(before[i]!);
      last = seq[i]!;
      need--;
    }
  return new Set(before.filter((key) => !kept.has(key)));
}

/**
 * Compares two maps field by field: stages, steps, touchpoints, pain points, actions and every other
 * {@link DIFF_COLLECTIONS} item added, removed, changed (per field) or moved (order changed), plus changed
 * top-level journey fields. Both maps are brought to canonical form first.
 *
 * @param before - The older map.
 * @param after - The newer map.
 * @returns The changes: top-level fields first, then per collection in {@link DIFF_COLLECTIONS} order.
 * @throws {@link @cx/model!CxValidationError} when either map is invalid.
 * @example
 * ```ts
 * import { diffMaps } from '@cx/map';
 * const base = { formatVersion: 1 as const, journey: { id: 'j', name: 'J', version: 1, stages: [{ id: 'use', labels: { en: 'Use' } }] } };
 * const next = { ...base, journey: { ...base.journey, version: 2, steps: [{ id: 's1', stageId: 'use', name: 'Unboxes' }] } };
 * console.log(diffMaps(base, next).map((c) => `${c.kind} ${c.collection} ${c.id}`));
 * // ['changed journey j', 'added steps s1']
 * ```
 * @category Diff
 * @since 0.1.0
 */
export function diffMaps(
  before: JourneyMap | ReadonlyDeep<JourneyMapInput>,
  after: JourneyMap | ReadonlyDeep<JourneyMapInput>,
): MapChange[] {
  const a = canonicalMap(before);
  const b = canonicalMap(after);
  const changes: MapChange[] = [];
  const scalar = (
    collection: 'journey' | 'map',
    x: Record<string, unknown>,
    y: Record<string, unknown>,
    skip: Set<string>,
  ) => {
    const keys = [...Object.keys(x), ...Object.keys(y).filter((k) => !Object.hasOwn(x, k))].filter(
      (k) => !skip.has(k),
    );
    for (const k of keys) {
      const out: Array<[string, unknown, unknown]> = [];
      fieldChanges(x[k], y[k], `/${pointerSegment(k)}`, out);
      for (const [field, was, now] of out)
        changes.push({
          kind: 'changed',
          collection,
          id: collection === 'journey' ? b.journey.id : '',
          field,
          before: was,
          after: now,
        });
    }
  };
  const journeyLists = new Set<string>(DIFF_COLLECTIONS);
  scalar(
    'map',
    a as unknown as Record<string, unknown>,
    b as unknown as Record<string, unknown>,
    new Set([...DIFF_COLLECTIONS, 'journey']),
  );
  scalar('journey', a.journey, b.journey, journeyLists);
  for (const collection of DIFF_COLLECTIONS) {
    const x = items(a, collection);
    const y = items(b, collection);
    const xk = new Map(x.map((item, i) => [item.key, { ...item, i }]));
    const yk = new Map(y.map((item, i) => [item.key, { ...item, i }]));
    for (const item of x.filter((it) => !yk.has(it.key)))
      changes.push({
        kind: 'removed',
        collection,
        id: item.key,
        index: xk.get(item.key)!.i,
        before: item.value,
      });
    for (const item of y.filter((it) => !xk.has(it.key)))
      changes.push({
        kind: 'added',
        collection,
        id: item.key,
        index: yk.get(item.key)!.i,
        after: item.value,
      });
    const common = (list: Item[], other: Map<string, unknown>) =>
      list.filter((it) => other.has(it.key)).map((it) => it.key);
    const moved = movedKeys(common(x, yk), common(y, xk));
    for (const item of y) {
      const old = xk.get(item.key);
      if (old === undefined) continue;
      if (moved.has(item.key))
        changes.push({
          kind: 'moved',
          collection,
          id: item.key,
          fromIndex: old.i,
          toIndex: yk.get(item.key)!.i,
        });
      const out: Array<[string, unknown, unknown]> = [];
      fieldChanges(old.value, item.value, '', out);
      for (const [field, was, now] of out)
        changes.push({ kind: 'changed', collection, id: item.key, field, before: was, after: now });
    }
  }
  return changes;
}
