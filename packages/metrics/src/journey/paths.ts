import { type Interaction, parseOptions } from '@cx/model';
import { z } from 'zod';
import { compilePredicate, type InteractionPredicate, predicateSchema } from './predicate.js';
import { JourneyEvents } from './source.js';

/**
 * The interaction field a path is made of.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export type PathNodeField = 'touchpointId' | 'stageId' | 'name' | 'channel';

/**
 * Options of {@link topPaths}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface TopPathsOptions {
  /** Field the path is made of; default `touchpointId` (interactions without it are skipped). */
  readonly by?: PathNodeField | undefined;
  /** How many paths to list, a whole number ≥ 1; the rest are grouped in `other`. Default 10. */
  readonly limit?: number | undefined;
  /** Longest path kept, a whole number ≥ 1; longer ones are cut to their first `maxLength` nodes. Default 10. */
  readonly maxLength?: number | undefined;
  /** Merge consecutive repeats (`a a b` → `a b`); default true. */
  readonly collapseRepeats?: boolean | undefined;
}

/**
 * A path and the actors who took it.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface PathCount {
  /** Node values in order. */
  readonly path: readonly string[];
  /** Actors whose path this is. */
  readonly actors: number;
  /** `actors / all actors with a path`. */
  readonly share: number;
}

/**
 * Result of {@link topPaths} and {@link pathsAround}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface TopPathsResult {
  /** Actors counted (with a path; for {@link pathsAround}, with the anchor). */
  readonly actors: number;
  /** Actors without any node (e.g. no interaction had a touchpoint), not counted in `actors`. */
  readonly actorsWithoutPath: number;
  /** The most common paths, most actors first (ties by path). */
  readonly paths: readonly PathCount[];
  /** The remaining paths grouped. */
  readonly other: { readonly paths: number; readonly actors: number; readonly share: number | null };
}

const positive = (what: string) =>
  z
    .number()
    .int({ error: `Expected a whole number of ${what}` })
    .min(1, { error: `Expected at least 1 ${what}` });

/** The options every path analysis shares (internal). */
export const pathShape = {
  by: z
    .enum(['touchpointId', 'stageId', 'name', 'channel'], {
      error: 'Expected "touchpointId", "stageId", "name" or "channel"',
    })
    .default('touchpointId'),
  limit: positive('paths').default(10),
  maxLength: positive('nodes').default(10),
  collapseRepeats: z.boolean({ error: 'Expected true or false' }).default(true),
};

/** The schema of {@link TopPathsOptions} (internal). */
export const topPathsSchema = z.strictObject(pathShape);

const pathsAroundSchema = z.strictObject({
  by: pathShape.by,
  limit: pathShape.limit,
  collapseRepeats: pathShape.collapseRepeats,
  anchor: predicateSchema,
  direction: z.enum(['before', 'after'], { error: 'Expected "before" or "after"' }),
  steps: positive('nodes').default(3),
});

/** Node values of a sequence of interactions (internal). */
export function nodesOf(list: readonly Interaction[], by: PathNodeField, collapse: boolean): string[] {
  const nodes: string[] = [];
  for (const i of list) {
    const v = i[by];
    if (typeof v !== 'string') continue;
    if (collapse && nodes[nodes.length - 1] === v) continue;
    nodes.push(v);
  }
  return nodes;
}

/** Counts paths and keeps the top `limit` (internal). Paths are keyed by their JSON, so no value can collide. */
export function rankPaths(
  paths: Iterable<readonly string[]>,
  limit: number,
  withoutPath: number,
): TopPathsResult {
  const counts = new Map<string, { path: readonly string[]; actors: number }>();
  for (const path of paths) {
    const key = JSON.stringify(path);
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { path, actors: 1 });
    else entry.actors++;
  }
  return rankCounted(counts.values(), limit, withoutPath);
}

/** Lexicographic order of two paths, node by node (internal). */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Ranks distinct paths with their actor counts and keeps the top `limit` (internal). */
export function rankCounted(
  entries: Iterable<{ readonly path: readonly string[]; readonly actors: number }>,
  limit: number,
  withoutPath: number,
): TopPathsResult {
  const list = [...entries];
  const actors = list.reduce((sum, e) => sum + e.actors, 0);
  const ranked = list
    .sort((a, b) => b.actors - a.actors || comparePaths(a.path, b.path))
    .map((v) => ({ path: v.path, actors: v.actors, share: v.actors / actors }));
  const top = ranked.slice(0, limit);
  const rest = ranked.slice(limit);
  const restActors = rest.reduce((s, p) => s + p.actors, 0);
  return {
    actors,
    actorsWithoutPath: withoutPath,
    paths: top,
    other: { paths: rest.length, actors: restActors, share: actors === 0 ? null : restActors / actors },
  };
}

/**
 * Most common paths of touchpoints, stages, names or channels, one path per actor (the top N, with the rest
 * grouped).
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer (e.g. from a stream).
 * @param options - Node field, limit, maximum length, collapsing of repeats.
 * @returns Ranked paths.
 * @throws {@link @cx/model!CxOptionsError} for invalid options (an unknown key, `limit: 0`, an unknown `by` …).
 * @throws {@link @cx/model!CxValidationError} for interactions without actor or timestamp.
 * @example
 * ```ts
 * import { topPaths } from '@cx/metrics';
 * const e = (id: string, customerId: string, stageId: string, t: string) => ({ id, customerId, timestamp: t, name: 'x', channel: 'web' as const, stageId, properties: {} });
 * const r = topPaths([e('1', 'a', 'search', '2026-01-01T10:00:00Z'), e('2', 'a', 'purchase', '2026-01-02T10:00:00Z'), e('3', 'b', 'search', '2026-01-01T10:00:00Z')], { by: 'stageId' });
 * console.log(r.paths.map((p) => p.path.join(' > '))); // ['search', 'search > purchase']
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function topPaths(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: TopPathsOptions = {},
): TopPathsResult {
  const { by, limit, maxLength, collapseRepeats } = parseOptions(topPathsSchema, options, 'topPaths');
  const paths: string[][] = [];
  let without = 0;
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const nodes = nodesOf(list, by, collapseRepeats).slice(0, maxLength);
    if (nodes.length === 0) without++;
    else paths.push(nodes);
  }
  return rankPaths(paths, limit, without);
}

/**
 * Options of {@link pathsAround}.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface PathsAroundOptions extends Omit<TopPathsOptions, 'maxLength'> {
  /** The chosen interaction; its first occurrence per actor anchors the path. */
  readonly anchor: InteractionPredicate;
  /** Paths leading to the anchor (`before`) or following it (`after`). */
  readonly direction: 'before' | 'after';
  /** Nodes kept next to the anchor, a whole number ≥ 1; default 3. */
  readonly steps?: number | undefined;
}

/**
 * Paths before or after a chosen interaction: for each actor who did it, the nodes just before (or after) its
 * first occurrence, the anchor itself excluded. An empty path means nothing came before (or after).
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Anchor, direction, number of steps, node field, limit.
 * @returns Ranked paths; `actors` counts actors who did the anchor.
 * @throws {@link @cx/model!CxOptionsError} for a bad anchor predicate (path `anchor`), a missing `direction` or
 * other invalid options.
 * @throws {@link @cx/model!CxValidationError} for interactions without actor or timestamp.
 * @example
 * ```ts
 * import { pathsAround } from '@cx/metrics';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'a', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const r = pathsAround([e('1', 'search', '2026-01-01T10:00:00Z'), e('2', 'view', '2026-01-01T10:01:00Z'), e('3', 'purchase', '2026-01-01T10:02:00Z')], { anchor: { name: 'purchase' }, direction: 'before', by: 'name' });
 * console.log(r.paths[0]?.path); // ['search', 'view']
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function pathsAround(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: PathsAroundOptions,
): TopPathsResult {
  const o = parseOptions(pathsAroundSchema, options, 'pathsAround');
  const anchor = compilePredicate(o.anchor);
  const { by, steps, collapseRepeats } = o;
  const paths: string[][] = [];
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const at = list.findIndex(anchor);
    if (at < 0) continue;
    if (o.direction === 'before') paths.push(nodesOf(list.slice(0, at), by, collapseRepeats).slice(-steps));
    else paths.push(nodesOf(list.slice(at + 1), by, collapseRepeats).slice(0, steps));
  }
  return rankPaths(paths, o.limit, 0);
}
