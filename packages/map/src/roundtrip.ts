import { DIFF_COLLECTIONS, type DiffCollection, diffMaps, type MapChange } from './diff.js';
import type { JourneyMap } from './format/document.js';
import type { MapLoss } from './losses.js';

const JOURNEY_LISTS = new Set<DiffCollection>([
  'stages',
  'steps',
  'touchpoints',
  'painPoints',
  'improvementActions',
  'momentsOfTruth',
  'opportunities',
  'desiredActions',
  'completedActions',
]);

const describe = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? '(none)' : text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/**
 * The losses of an export, found by reading the export back: every difference between the map and what the
 * importer makes of the exported text. The list is complete by construction; each entry names the element's path
 * in the original map.
 *
 * @internal
 */
export function roundTripLosses(original: JourneyMap, reread: JourneyMap, form: string): MapLoss[] {
  const index = new Map<string, number>();
  const listOf = (collection: DiffCollection): ReadonlyArray<Record<string, unknown>> => {
    if (collection === 'journey' || collection === 'map') return [];
    const owner = (JOURNEY_LISTS.has(collection) ? original.journey : original) as unknown as Record<
      string,
      ReadonlyArray<Record<string, unknown>>
    >;
    return owner[collection] ?? [];
  };
  for (const collection of DIFF_COLLECTIONS)
    listOf(collection).forEach((item, i) => {
      const key =
        collection === 'emotionCurves'
          ? item.scenario
            ? `${item.personaId} (${item.scenario})`
            : String(item.personaId)
          : String(item.id);
      index.set(`${collection}\u0000${key}`, i);
    });
  const pathOf = (collection: DiffCollection, id: string): Array<string | number> => {
    if (collection === 'journey') return ['journey'];
    if (collection === 'map') return [];
    const base: Array<string | number> = JOURNEY_LISTS.has(collection)
      ? ['journey', collection]
      : [collection];
    const i = index.get(`${collection}\u0000${id}`);
    return i === undefined ? base : [...base, i];
  };
  const losses: MapLoss[] = [];
  const changes = diffMaps(original, reread);
  // An item removed and another added at the same position of a list is one item whose id could not be
  // recovered (its name was changed by the export): report its field changes, not a removal and an addition.
  const added = new Map<string, Extract<MapChange, { kind: 'added' }>>();
  for (const c of changes) if (c.kind === 'added') added.set(`${c.collection}\u0000${c.index}`, c);
  const paired = new Set<MapChange>();
  for (const c of changes) {
    if (c.kind !== 'removed') continue;
    const twin = added.get(`${c.collection}\u0000${c.index}`);
    if (twin === undefined) continue;
    paired.add(c).add(twin);
    const path = pathOf(c.collection, c.id);
    if (c.collection !== 'emotionCurves')
      losses.push({
        path: [...path, 'id'],
        code: 'id_generated',
        message: `${c.collection} "${c.id}" reads back from ${form} under the id "${twin.id}"`,
      });
    const fields: Array<[string, unknown, unknown]> = [];
    const before = c.before as Record<string, unknown>;
    const after = twin.after as Record<string, unknown>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (key !== 'id' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        fields.push([key, before[key], after[key]]);
    for (const [key, was, now] of fields)
      losses.push({
        path: [...path, key],
        code: typeof was === 'string' && typeof now === 'string' ? 'text_replaced' : 'not_carried',
        message: `${c.collection} "${c.id}": /${key} ${describe(was)} reads back from ${form} as ${describe(now)}`,
      });
  }
  for (const change of changes) {
    if (paired.has(change)) continue;
    const what = change.collection === 'map' ? 'the map' : `${change.collection} "${change.id}"`;
    if (change.kind === 'removed')
      losses.push({
        path: pathOf(change.collection, change.id),
        code: 'not_carried',
        message: `${what} is not carried by ${form}`,
      });
    else if (change.kind === 'added')
      losses.push({
        path: JOURNEY_LISTS.has(change.collection) ? ['journey', change.collection] : [change.collection],
        code: 'id_generated',
        message: `${form} reads back ${what} ${describe(change.after)}, which the map does not have under this id`,
      });
    else if (change.kind === 'moved')
      losses.push({
        path: pathOf(change.collection, change.id),
        code: 'not_carried',
        message: `The position of ${what} is not carried by ${form} (position ${change.fromIndex + 1} reads back as ${change.toIndex + 1})`,
      });
    else {
      const segments = change.field
        .split('/')
        .slice(1)
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
      losses.push({
        path: [...pathOf(change.collection, change.id), ...segments],
        code:
          typeof change.before === 'string' && typeof change.after === 'string'
            ? 'text_replaced'
            : 'not_carried',
        message: `${what}: ${change.field} ${describe(change.before)} reads back from ${form} as ${describe(change.after)}`,
      });
    }
  }
  return losses;
}
