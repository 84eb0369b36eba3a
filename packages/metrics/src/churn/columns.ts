import type { Subscription } from '@cx/model';

/**
 * Subscriptions checked once and held as typed arrays, ready for {@link churnSeries} and {@link periodChurn}
 * (built by {@link prepareSubscriptions} or {@link readSubscriptionColumnsCsv}; treat it as read-only).
 *
 * Customers are dictionary-encoded (`customer[i]` indexes `customerIds`); amount changes and each customer's
 * subscriptions and merged active spells are CSR lists (offsets into flat arrays).
 *
 * @category Churn
 * @since 0.1.0
 */
export interface SubscriptionColumns {
  /** Marks a prepared table (a `Subscription[]` has no such field). */
  readonly kind: 'subscription-columns';
  /** Number of subscriptions. */
  readonly count: number;
  /** Customer id of each customer index. */
  readonly customerIds: readonly string[];
  /** Customer index of subscription `i`. */
  readonly customer: Int32Array;
  /** Start of subscription `i` (epoch ms). */
  readonly start: Float64Array;
  /** End of subscription `i` (epoch ms), `Infinity` while active. */
  readonly end: Float64Array;
  /** Billing interval of subscription `i`. */
  readonly interval: ReadonlyArray<Subscription['billingInterval']>;
  /** Amount changes of subscription `i` are `[changeOffsets[i], changeOffsets[i + 1])`; the first is its start. */
  readonly changeOffsets: Int32Array;
  /** Instant (epoch ms) of each amount change. */
  readonly changeTime: Float64Array;
  /** The amount of each change as given (per billing interval of its subscription). */
  readonly changeAmount: Float64Array;
  /** Monthly recurring amount from each change on (amount × months per billing interval), rounded to float64. */
  readonly changeMrr: Float64Array;
  /**
   * The same MRR exactly, as an integer number of units of `1 / mrrScale` of the currency (empty when `mrrScale` is
   * 0). Revenue figures are sums of these integers, converted to money once: each is the correctly rounded value of
   * the exact sum.
   */
  readonly changeMrrUnits: Float64Array;
  /**
   * Units per currency unit of `changeMrrUnits`: 10^k × D, with k the most decimal places of any amount (shortest
   * round-trip form) and D the least common denominator of the billing intervals' monthly factors (1 for months
   * only; 3 with quarters or weeks; 12 with years). 0 when the amounts cannot be summed exactly: an amount with more
   * than 6 decimal places, or the largest MRR of every subscription adding up to 2^52 units or more; revenue is
   * then summed in floating point in customer order (the results may differ from the exact sums in the last bits).
   */
  readonly mrrScale: number;
  /** Subscriptions of customer `c` are `customerSubscriptions[customerOffsets[c] … customerOffsets[c + 1])`. */
  readonly customerOffsets: Int32Array;
  /** Subscription indices grouped by customer, ascending within a customer. */
  readonly customerSubscriptions: Int32Array;
  /** Merged active spells `[spellFrom, spellTo)` of customer `c` are `[spellOffsets[c], spellOffsets[c + 1])`. */
  readonly spellOffsets: Int32Array;
  /** Start of each merged spell (epoch ms). */
  readonly spellFrom: Float64Array;
  /** End of each merged spell (epoch ms, `Infinity` while active). */
  readonly spellTo: Float64Array;
  /** The one currency of all amounts (`undefined` when there are no subscriptions or no currency column). */
  readonly currency: string | undefined;
  /** Earliest start (epoch ms; `Infinity` when empty). */
  readonly minTime: number;
  /** Latest start, end or amount change (epoch ms; `-Infinity` when empty). */
  readonly maxTime: number;
}

/** Whether `value` is a prepared {@link SubscriptionColumns} table (internal). */
export function isSubscriptionColumns(value: unknown): value is SubscriptionColumns {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'subscription-columns'
  );
}
