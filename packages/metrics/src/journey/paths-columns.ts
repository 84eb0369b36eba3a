import { CxValidationError } from '@cx/model';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { pathOptionIssues, rankCounted, type TopPathsOptions, type TopPathsResult } from './paths.js';

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
 * @throws {@link @cx/model!CxValidationError} for invalid options.
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
  const issues = pathOptionIssues(options);
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'path options' });
  const by = options.by ?? 'touchpointId';
  const column =
    by === 'name'
      ? columns.name
      : by === 'channel'
        ? columns.channel
        : by === 'stageId'
          ? columns.stage
          : columns.touchpoint;
  const dict =
    by === 'name'
      ? columns.names
      : by === 'channel'
        ? columns.channels
        : by === 'stageId'
          ? columns.stages
          : columns.touchpoints;
  const maxLength = options.maxLength ?? 10;
  const collapse = options.collapseRepeats ?? true;
  const { actorOffsets } = columns;
  const counts = new Map<string, number>();
  let without = 0;
  const actors = actorOffsets.length - 1;
  for (let a = 0; a < actors; a++) {
    const end = actorOffsets[a + 1] as number;
    let key = '';
    let length = 0;
    let last = -1;
    for (let e = actorOffsets[a] as number; e < end && length < maxLength; e++) {
      const code = column[e] as number;
      if (code < 0 || (collapse && code === last)) continue;
      key = length === 0 ? String(code) : `${key},${code}`;
      length++;
      last = code;
    }
    if (length === 0) without++;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return rankCounted(
    [...counts].map(([key, n]) => ({
      path: key.split(',').map((c) => dict[Number(c)] as string),
      actors: n,
    })),
    options.limit ?? 10,
    without,
  );
}
