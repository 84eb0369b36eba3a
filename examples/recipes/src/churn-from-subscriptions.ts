// Recipe: monthly churn from a subscriptions export (customer, start, end, amount, currency).
import { fileURLToPath } from 'node:url';
import { type ChurnPeriod, churnSeries, readSubscriptionColumnsCsv } from '@cx/metrics';

const SUBSCRIPTIONS = fileURLToPath(new URL('../data/subscriptions.csv', import.meta.url));

/** Monthly churn, customers and revenue, and its text. */
export interface ChurnRecipe {
  readonly periods: readonly ChurnPeriod[];
  readonly text: string;
}

/** Reads the subscriptions and measures churn in February and March 2024 (UTC months). */
export async function churnFromSubscriptions(path = SUBSCRIPTIONS): Promise<ChurnRecipe> {
  // #region churn
  const table = await readSubscriptionColumnsCsv(path);
  const periods = churnSeries(table, {
    interval: 'month',
    timeZone: 'UTC',
    from: '2024-02-01T00:00:00Z',
    to: '2024-04-01T00:00:00Z',
  });
  // #endregion churn
  const lines = [
    'Subscription churn by month',
    ...periods.map(
      (p) =>
        `  ${p.label}  active at start ${p.customersAtStart}  lost ${p.lostCustomers}  new ${p.newCustomers}  churn ${p.churnRate === null ? '–' : `${(100 * p.churnRate).toFixed(1)}%`}  MRR at start ${p.revenue.startMrr}`,
    ),
  ];
  return { periods, text: lines.join('\n') };
}
