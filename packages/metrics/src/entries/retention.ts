/**
 * Retention and churn: cohort retention, churn and revenue retention over subscriptions, repeat-purchase retention
 * and activity churn over orders, and the columnar store of interactions they read (`buildInteractionColumns`, the
 * CSV readers). Everything here is also exported by `@cx/metrics`.
 *
 * @example
 * ```ts
 * import { cohortRetention } from '@cx/metrics/retention';
 * const e = (customerId: string, timestamp: string) => ({ id: `${customerId}-${timestamp}`, customerId, timestamp, name: 'open', channel: 'web' as const, properties: {} });
 * const matrix = cohortRetention([e('a', '2026-01-05T10:00:00Z'), e('a', '2026-02-03T10:00:00Z')], { interval: 'month', periods: 2 });
 * console.log(matrix.cohorts.length); // 1
 * ```
 * @module retention
 */

// #region errors (the classes this area throws, from @cx/model: one class whichever package it is caught from)
export { CxError, CxLimitError, CxOptionsError, CxValidationError } from '@cx/model';
// #endregion errors

// #region retention (columnar store, churn, revenue retention, cohort retention)
export { churnSeries } from '../churn/churn-series.js';
export type { SubscriptionColumns } from '../churn/columns.js';
export type { ChurnSums } from '../churn/from-sums.js';
export { churnPeriodFromSums } from '../churn/from-sums.js';
export type { ChurnSeriesOptions, PeriodChurnOptions } from '../churn/options.js';
export { periodChurn } from '../churn/period-churn.js';
export { prepareSubscriptions } from '../churn/prepare.js';
export type { ReadSubscriptionCsvOptions, SubscriptionCsvField } from '../churn/read-csv.js';
export { readSubscriptionColumnsCsv } from '../churn/read-csv.js';
export type {
  ChurnMeasures,
  ChurnPeriod,
  ChurnPeriodOf,
  CustomerChurnPeriod,
  MidPeriodPolicy,
  RevenueRetention,
} from '../churn/types.js';
export { buildInteractionColumns, buildInteractionColumnsAsync } from '../columnar/build.js';
export type {
  InteractionCsvField,
  InteractionCsvStream,
  ReadInteractionCsvOptions,
} from '../columnar/csv-stream.js';
export { streamInteractionCsv } from '../columnar/csv-stream.js';
export type {
  BuildInteractionColumnsOptions,
  InteractionBatch,
  InteractionColumns,
} from '../columnar/interaction-columns.js';
export { readInteractionColumnsCsv } from '../columnar/read-csv.js';
export { CohortRetentionAccumulator } from '../retention/accumulator.js';
export { type CohortRetentionRunOptions, cohortRetention } from '../retention/cohort-retention.js';
export type { CohortCounts, CohortRetentionCounts } from '../retention/from-counts.js';
export { cohortRetentionFromCounts } from '../retention/from-counts.js';
export type { MatcherDictionaries } from '../retention/matcher.js';
export type { RetentionAverage, RetentionCohort, RetentionMatrix } from '../retention/matrix.js';
export type { CohortRetentionOptions, EventMatcher } from '../retention/options.js';
export type { CohortRetentionCsvOptions, RetentionCsvReadOptions } from '../retention/retention-csv.js';
export { cohortRetentionCsv } from '../retention/retention-csv.js';
export type { CohortRetentionSnapshot } from '../retention/snapshot.js';
export type { InteractionDictionaries } from '../retention/stream-batches.js';
// #endregion retention

// #region orders (purchases as interactions and transactions, repeat-purchase retention, activity churn)
export type { ActivityChurnOptions, ActivityChurnPeriod } from '../orders/activity-churn.js';
export { activityChurn } from '../orders/activity-churn.js';
export type { PurchaseOptions } from '../orders/purchases.js';
export type { RepeatPurchaseOptions } from '../orders/repeat-purchase.js';
export { repeatPurchaseRetention } from '../orders/repeat-purchase.js';
export type { OrdersToInteractionsOptions } from '../orders/to-interactions.js';
export { ordersToInteractions } from '../orders/to-interactions.js';
export { ordersToTransactions } from '../orders/to-transactions.js';
// #endregion orders
