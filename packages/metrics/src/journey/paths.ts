import { CxValidationError, type Interaction, type ValidationIssue } from '@cx/model';
import { compilePredicate, type InteractionPredicate, predicateIssues } from './predicate.js';
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
  readonly by?: PathNodeField;
  /** How many paths to list; the rest are grouped in `other`. Default 10. */
  readonly limit?: number;
  /** Longest path kept; longer ones are cut to their first `maxLength` nodes. Default 10. */
  readonly maxLength?: number;
  /** Merge consecutive repeats (`a a b` → `a b`); default true. */
  readonly collapseRepeats?: boolean;
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

/** Validates the common path options (internal). */
export function pathOptionIssues(options: TopPathsOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (options.by !== undefined && !['touchpointId', 'stageId', 'name', 'channel'].includes(options.by)) {
    issues.push({
      path: ['by'],
      message: 'Expected touchpointId, stageId, name or channel',
      code: 'invalid_value',
    });
  }
  for (const key of ['limit', 'maxLength'] as const) {
    const v = options[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1)) {
      issues.push({
        path: [key],
        message: `Expected a positive whole number, got ${String(v)}`,
        code: 'too_small',
      });
    }
  }
  return issues;
}

/** Node values of a sequence of interactions (internal). */
export function nodesOf(list: readonly Interaction[], by: PathNodeField, collapse: boolean): string[] {
  const nodes: string[] = [];
  for (const i of list) {
    const v = i[by];
    if (v === undefined) continue;
    if (collapse && nodes[nodes.length - 1] === v) continue;
    nodes.push(v);
  }
  return nodes;
}

/** Counts paths and keeps the top `limit` (internal). */
export function rankPaths(
  paths: Iterable<readonly string[]>,
  limit: number,
  withoutPath: number,
): TopPathsResult {
  const counts = new Map<string, { path: readonly string[]; actors: number }>();
  for (const path of paths) {
    const key = path.join('\u0001');
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { path, actors: 1 });
    else entry.actors++;
  }
  return rankCounted(counts.values(), limit, withoutPath);
}

/** Ranks distinct paths with their actor counts and keeps the top `limit` (internal). */
export function rankCounted(
  entries: Iterable<{ readonly path: readonly string[]; readonly actors: number }>,
  limit: number,
  withoutPath: number,
): TopPathsResult {
  let actors = 0;
  const keyed = [...entries].map((e) => {
    actors += e.actors;
    return { key: e.path.join('\u0001'), path: e.path, actors: e.actors };
  });
  const ranked = keyed
    .sort((a, b) => b.actors - a.actors || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
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
 * @throws {@link @cx/model!CxValidationError} for invalid options or interactions without actor or timestamp.
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
  const issues = pathOptionIssues(options);
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'path options' });
  const by = options.by ?? 'touchpointId';
  const maxLength = options.maxLength ?? 10;
  const collapse = options.collapseRepeats ?? true;
  const paths: string[][] = [];
  let without = 0;
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const nodes = nodesOf(list, by, collapse).slice(0, maxLength);
    if (nodes.length === 0) without++;
    else paths.push(nodes);
  }
  return rankPaths(paths, options.limit ?? 10, without);
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
  /** Nodes kept next to the anchor; default 3. */
  readonly steps?: number;
}

/**
 * Paths before or after a chosen interaction: for each actor who did it, the nodes just before (or after) its
 * first occurrence, the anchor itself excluded. An empty path means nothing came before (or after).
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Anchor, direction, number of steps, node field, limit.
 * @returns Ranked paths; `actors` counts actors who did the anchor.
 * @throws {@link @cx/model!CxValidationError} for a bad anchor predicate (path `anchor`) or other invalid options.
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
  const issues = [...pathOptionIssues(options), ...predicateIssues(options.anchor, ['anchor'])];
  if (options.direction !== 'before' && options.direction !== 'after') {
    issues.push({ path: ['direction'], message: 'Expected before or after', code: 'invalid_value' });
  }
  const steps = options.steps ?? 3;
  if (!(Number.isInteger(steps) && steps >= 1)) {
    issues.push({ path: ['steps'], message: 'Expected a positive whole number', code: 'too_small' });
  }
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'path options' });
  const anchor = compilePredicate(options.anchor);
  const by = options.by ?? 'touchpointId';
  const collapse = options.collapseRepeats ?? true;
  const paths: string[][] = [];
  for (const [, list] of JourneyEvents.from(interactions).actors()) {
    const at = list.findIndex(anchor);
    if (at < 0) continue;
    if (options.direction === 'before') paths.push(nodesOf(list.slice(0, at), by, collapse).slice(-steps));
    else paths.push(nodesOf(list.slice(at + 1), by, collapse).slice(0, steps));
  }
  return rankPaths(paths, options.limit ?? 10, 0);
}
