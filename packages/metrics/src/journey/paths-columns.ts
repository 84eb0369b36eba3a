import { parseOptions } from '@cx/model';
import type { z } from 'zod';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { PathCounts } from './path-counter.js';
import {
  comparePaths,
  type PathNodeField,
  type TopPathsOptions,
  type TopPathsResult,
  topPathsSchema,
} from './paths.js';

/** Parsed options of {@link topPathsColumns} (internal). */
type ParsedTopPaths = z.output<typeof topPathsSchema>;

/**
 * Options of {@link topPathsColumns} (as {@link TopPathsOptions}).
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export type TopPathsColumnsOptions = TopPathsOptions;

/**
 * Most common paths over the columnar store (same definition and result as {@link topPaths}); the fast path
 * for millions of interactions. Ties in time keep the store's order.
 *
 * @param columns - Interactions in columns, from `buildInteractionColumns`.
 * @param options - Node field, limit, maximum length, collapsing of repeats.
 * @returns Ranked paths.
 * @throws {@link @cx/model!CxOptionsError} for invalid options.
 * @example
 * ```ts
 * import { buildInteractionColumns, topPathsColumns } from '@cx/metrics';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const columns = buildInteractionColumns([e('1', 'view', '2026-01-01T10:00:00Z'), e('2', 'buy', '2026-01-01T11:00:00Z')]);
 * console.log(topPathsColumns(columns, { by: 'name' }).paths[0]?.path); // ['view', 'buy']
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function topPathsColumns(
  columns: InteractionColumns,
  options: TopPathsColumnsOptions = {},
): TopPathsResult {
  const parsed = parseOptions(topPathsSchema, options, 'topPathsColumns');
  const counts = new PathCounts();
  const without = countPathsInto(columns, parsed, counts);
  return rankPathCounts(counts, columns, parsed.by, parsed.limit, without);
}

/** The dictionary and column of a path node field (internal). */
function fieldOf(columns: InteractionColumns, by: PathNodeField): [Int32Array, readonly string[]] {
  return by === 'name'
    ? [columns.name, columns.names]
    : by === 'channel'
      ? [columns.channel, columns.channels]
      : by === 'stageId'
        ? [columns.stage, columns.stages]
        : [columns.touchpoint, columns.touchpoints];
}

/**
 * The counting of {@link topPathsColumns} (internal): adds the path of every actor of `columns` to `counts` and
 * returns the number of actors without one. Stores that share their dictionaries (parts of one stream) count into
 * one {@link PathCounts}.
 */
export function countPathsInto(
  columns: InteractionColumns,
  { by, maxLength, collapseRepeats: collapse }: Pick<ParsedTopPaths, 'by' | 'maxLength' | 'collapseRepeats'>,
  counts: PathCounts,
): number {
  const [column] = fieldOf(columns, by);
  const { actorOffsets } = columns;
  let without = 0;
  const actors = actorOffsets.length - 1;
  let codes = new Int32Array(Math.min(maxLength, 64));
  for (let a = 0; a < actors; a++) {
    const end = actorOffsets[a + 1] as number;
    let length = 0;
    let last = -1;
    for (let e = actorOffsets[a] as number; e < end && length < maxLength; e++) {
      const code = column[e] as number;
      if (code < 0 || (collapse && code === last)) continue;
      if (length === codes.length) {
        const grown = new Int32Array(Math.min(maxLength, codes.length * 2));
        grown.set(codes);
        codes = grown;
      }
      codes[length++] = code;
      last = code;
    }
    if (length === 0) without++;
    else counts.add(codes, length);
  }
  return without;
}

/**
 * The ranked result of counted paths, named through the dictionary of `by` in `columns` (internal): the same
 * result as `rankCounted` of every distinct path, but only paths that can be among the top `limit` (as many actors
 * as the `limit`-th largest count, or more) are named and sorted.
 */
export function rankPathCounts(
  counts: PathCounts,
  columns: InteractionColumns,
  by: PathNodeField,
  limit: number,
  without: number,
): TopPathsResult {
  const [, dict] = fieldOf(columns, by);
  const n = counts.size;
  let actors = 0;
  for (let i = 0; i < n; i++) actors += counts.actorsOf(i);
  let threshold = 0;
  if (n > limit) {
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[i] = counts.actorsOf(i);
    sorted.sort();
    threshold = sorted[n - limit] as number;
  }
  const candidates: { path: string[]; actors: number }[] = [];
  for (let i = 0; i < n; i++) {
    const count = counts.actorsOf(i);
    if (count >= threshold)
      candidates.push({ path: counts.codesOf(i).map((c) => dict[c] as string), actors: count });
  }
  const top = candidates
    .sort((a, b) => b.actors - a.actors || comparePaths(a.path, b.path))
    .slice(0, limit)
    .map((v) => ({ path: v.path, actors: v.actors, share: v.actors / actors }));
  const restActors = actors - top.reduce((sum, p) => sum + p.actors, 0);
  return {
    actors,
    actorsWithoutPath: without,
    paths: top,
    other: { paths: n - top.length, actors: restActors, share: actors === 0 ? null : restActors / actors },
  };
}
