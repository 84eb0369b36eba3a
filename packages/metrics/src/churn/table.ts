import type { IssuePath, Subscription } from '@cx/model';
import type { SubscriptionColumns } from './columns.js';
import { isSubscriptionColumns } from './columns.js';
import { subscriptionTable } from './subscriptions.js';

/**
 * The prepared table of subscriptions given as objects or already prepared (internal); `oneCurrency: false` when
 * only customers are counted, so amounts in several currencies are not an error.
 */
export function tableOf(
  subscriptions: Iterable<Subscription> | SubscriptionColumns,
  options: { readonly oneCurrency?: boolean } = {},
): SubscriptionColumns {
  return isSubscriptionColumns(subscriptions) ? subscriptions : subscriptionTable(subscriptions, options);
}

/**
 * The path of the first record holding instant `t` (a start, an end or an amount change), for errors that name the
 * record (internal). Rows of a table are the subscriptions in input order (data rows for a CSV).
 */
export function recordAt(table: SubscriptionColumns, t: number): IssuePath {
  for (let i = 0; i < table.count; i++) {
    if (table.start[i] === t) return [i, 'startedAt'];
    if (table.end[i] === t) return [i, 'endedAt'];
    const first = table.changeOffsets[i] as number;
    for (let k = first + 1; k < (table.changeOffsets[i + 1] as number); k++) {
      if (table.changeTime[k] === t) return [i, 'amountChanges', k - first - 1, 'at'];
    }
  }
  return [];
}
