import { parseOptions } from '@cx/model';
import type { z } from 'zod';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import {
  type PathNodeField,
  rankCounted,
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
  const counts: PathCounts = new Map();
  const without = countPathsInto(columns, parsed, counts);
  return rankPathCounts(counts, columns, parsed.by, parsed.limit, without);
}

/** Actors per path, keyed by the path's dictionary codes joined with commas (internal). */
export type PathCounts = Map<string, { codes: number[]; actors: number }>;

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
 * one map.
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
  const codes: number[] = [];
  for (let a = 0; a < actors; a++) {
    const end = actorOffsets[a + 1] as number;
    let key = '';
    codes.length = 0;
    let last = -1;
    for (let e = actorOffsets[a] as number; e < end && codes.length < maxLength; e++) {
      const code = column[e] as number;
      if (code < 0 || (collapse && code === last)) continue;
      key = codes.length === 0 ? String(code) : `${key},${code}`;
      codes.push(code);
      last = code;
    }
    if (codes.length === 0) {
      without++;
      continue;
    }
    const entry = counts.get(key);
    if (entry === undefined) counts.set(key, { codes: codes.slice(), actors: 1 });
    else entry.actors++;
  }
  return without;
}

/** The ranked result of counted paths, named through the dictionary of `by` in `columns` (internal). */
export function rankPathCounts(
  counts: PathCounts,
  columns: InteractionColumns,
  by: PathNodeField,
  limit: number,
  without: number,
): TopPathsResult {
  const [, dict] = fieldOf(columns, by);
  return rankCounted(
    [...counts.values()].map((entry) => ({
      path: entry.codes.map((c) => dict[c] as string),
      actors: entry.actors,
    })),
    limit,
    without,
  );
}
