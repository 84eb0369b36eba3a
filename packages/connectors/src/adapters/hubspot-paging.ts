import { compareIds } from '../sync/state.js';

/**
 * One keyset request of the HubSpot search: either a time range (`time >= lower` or `> lower`, up to `until`,
 * ascending by time), or, inside one timestamp shared by a full page, the ids after `afterId` ascending.
 *
 * @internal
 */
export type HubspotPageRequest =
  | { readonly mode: 'time'; readonly lower: number; readonly operator: 'GTE' | 'GT'; readonly until: number }
  | { readonly mode: 'tie'; readonly time: number; readonly afterId: string; readonly until: number };

/** A row as the paging sees it: its id and its modification time in epoch ms (`null` when unparseable). */
export interface HubspotPageRow {
  readonly id: string;
  readonly ms: number | null;
}

/**
 * The search body of a request.
 *
 * @internal
 */
export function hubspotSearchBody(
  request: HubspotPageRequest,
  timeProperty: string,
  properties: readonly string[],
  limit: number,
): unknown {
  if (request.mode === 'tie') {
    return {
      filterGroups: [
        {
          filters: [
            { propertyName: timeProperty, operator: 'EQ', value: String(request.time) },
            { propertyName: 'hs_object_id', operator: 'GT', value: request.afterId },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties,
      limit,
    };
  }
  return {
    filterGroups: [
      {
        filters: [
          { propertyName: timeProperty, operator: request.operator, value: String(request.lower) },
          { propertyName: timeProperty, operator: 'LTE', value: String(request.until) },
        ],
      },
    ],
    sorts: [{ propertyName: timeProperty, direction: 'ASCENDING' }],
    properties,
    limit,
  };
}

/**
 * Checks that a page keeps the request's contract — inside its bounds and in its sort order — since the next
 * bound is taken from the page's last row: a page out of order (a repeated page, a stale cache) would make it
 * skip ids. Returns what is wrong, or `null`.
 *
 * @internal
 */
export function hubspotPageViolation(
  request: HubspotPageRequest,
  rows: readonly HubspotPageRow[],
): string | null {
  let previous: HubspotPageRow | null = null;
  for (const [index, row] of rows.entries()) {
    if (row.ms === null) continue; // dead-lettered; does not bound the next page
    if (request.mode === 'tie') {
      if (row.ms !== request.time)
        return `row ${index} (id ${row.id}) has another time than the tie being paged`;
      if (compareIds(row.id, request.afterId) <= 0)
        return `row ${index} (id ${row.id}) is not after id ${request.afterId}`;
      if (previous !== null && compareIds(row.id, previous.id) <= 0)
        return `row ${index} (id ${row.id}) is not after the previous row's id ${previous.id}`;
    } else {
      const low = request.operator === 'GTE' ? row.ms < request.lower : row.ms <= request.lower;
      if (low || row.ms > request.until)
        return `row ${index} (id ${row.id}) is outside the requested time range`;
      if (previous !== null && previous.ms !== null && row.ms < previous.ms)
        return `row ${index} (id ${row.id}) is older than the row before it`;
    }
    previous = row;
  }
  return null;
}

/**
 * The request after a page that kept its contract, or `null` when the range is exhausted. Always strictly ahead
 * of `request` (a full page of one timestamp switches to id order inside it; the end of a tie moves past it).
 *
 * @internal
 */
export function nextHubspotRequest(
  request: HubspotPageRequest,
  rows: readonly HubspotPageRow[],
  limit: number,
): HubspotPageRequest | null {
  const timed = rows.filter((r): r is { id: string; ms: number } => r.ms !== null);
  const full = rows.length >= limit;
  const last = timed.at(-1);
  if (request.mode === 'tie') {
    if (full && last !== undefined) return { ...request, afterId: last.id };
    return { mode: 'time', lower: request.time, operator: 'GT', until: request.until };
  }
  if (!full || last === undefined) return null;
  const first = timed[0] as { ms: number };
  if (first.ms === last.ms) return { mode: 'tie', time: last.ms, afterId: '0', until: request.until };
  return { mode: 'time', lower: last.ms, operator: 'GTE', until: request.until };
}

/**
 * Whether `next` is strictly ahead of `request` (the guard against a paging loop that makes no progress).
 *
 * @internal
 */
export function hubspotRequestAdvances(request: HubspotPageRequest, next: HubspotPageRequest): boolean {
  const at = (r: HubspotPageRequest) => (r.mode === 'tie' ? r.time : r.lower);
  if (at(next) !== at(request)) return at(next) > at(request);
  if (request.mode === 'time' && next.mode === 'tie') return request.operator === 'GTE';
  if (request.mode === 'tie' && next.mode === 'tie') return compareIds(next.afterId, request.afterId) > 0;
  if (request.mode === 'tie' && next.mode === 'time') return next.operator === 'GT';
  // both time ranges from the same bound: only GTE → GT moves on
  return (
    request.mode === 'time' && next.mode === 'time' && request.operator === 'GTE' && next.operator === 'GT'
  );
}
