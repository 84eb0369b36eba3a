// Retention and churn: repeat-purchase cohorts from orders (or return visits from interactions), activity churn from
// orders and interactions, or subscription churn.
import { activityChurn, churnSeries, cohortRetention, repeatPurchaseRetention } from '@cx/metrics';
import type { ReportChurn, ReportRetention } from '@cx/report';
import type { SourceRecords } from '../read-sources.js';
import type { Calendar } from './calendar.js';

/** Default number of periods after a cohort's own (documented in the config guide). */
export const DEFAULT_RETENTION_PERIODS = 6;

/** Cohort retention: from orders when there are any, else from interactions. */
export function retention(
  records: SourceRecords,
  calendar: Calendar,
  periods = DEFAULT_RETENTION_PERIODS,
): ReportRetention | undefined {
  const { interval, timeZone, asOf } = calendar;
  if (records.orders.length > 0)
    return {
      matrix: repeatPurchaseRetention(records.orders, { interval, periods, timeZone, asOf }),
      definition: `customers by the ${interval} of their first paid order; a customer is retained in a later ${interval} when they order again in it`,
    };
  const known = records.interactions.filter((i) => i.customerId !== undefined);
  if (known.length === 0) return undefined;
  return {
    matrix: cohortRetention(known, { interval, periods, timeZone, asOf, cohortType: 'first-time' }),
    definition: `customers by the ${interval} of their first interaction; a customer is retained in a later ${interval} when they interact again in it`,
  };
}

/** Churn: activity churn when `inactiveDays` is set, else subscription churn when there are subscriptions. */
export function churn(
  records: SourceRecords,
  calendar: Calendar,
  inactiveDays: number | undefined,
): ReportChurn | undefined {
  const { interval, timeZone, asOf } = calendar;
  if (inactiveDays !== undefined && (records.orders.length > 0 || records.interactions.length > 0))
    return {
      kind: 'activity',
      inactiveDays,
      periods: activityChurn(
        { orders: records.orders, interactions: records.interactions },
        { inactiveDays, interval, timeZone, asOf },
      ),
    };
  if (records.subscriptions.length > 0)
    return {
      kind: 'subscription',
      periods: churnSeries(records.subscriptions, {
        interval,
        timeZone,
        asOf,
        to: asOf,
        measures: 'customers',
      }),
    };
  return undefined;
}
