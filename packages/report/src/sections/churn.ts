// Churn per calendar period: the share of customers present at a period's start who were lost in it.
import { lineBandChart } from '../charts/line-band.js';
import { formatCount, formatPercent } from '../format.js';
import type { ReportChurn } from '../input.js';
import type { Section } from '../section.js';
import { churnRows } from './churn-rows.js';

/** The churn section, or `null` without periods. */
export function churnSection(churn: ReportChurn, timeZone: string): Section | null {
  const rows = churnRows(churn);
  if (rows.length === 0) return null;
  const rated = rows.filter((r) => r.rate !== null);
  const open = rows.filter((r) => !r.complete).map((r) => r.label);
  const highest = rated.reduce<(typeof rated)[number] | undefined>(
    (a, b) => (a === undefined || (b.rate as number) > (a.rate as number) ? b : a),
    undefined,
  );
  const definition =
    churn.kind === 'activity'
      ? `A customer is active from an order or interaction until ${churn.inactiveDays} days after their latest one, and lost when that time passes without activity.`
      : 'A subscriber is lost when their subscription ends; the rate is the share of the customers active at the start of the period who were no longer active at its end.';
  const caption =
    rated.length === 0
      ? `Churn by period from ${rows[0]?.label} to ${rows[rows.length - 1]?.label}: no complete period with customers.`
      : `Churn by period from ${rows[0]?.label} to ${rows[rows.length - 1]?.label}: ${rated.length} complete periods, highest ${formatPercent(highest?.rate)} in ${highest?.label}, latest complete ${formatPercent(rated[rated.length - 1]?.rate)} in ${rated[rated.length - 1]?.label}.` +
        (open.length === 0 ? '' : ` Not over yet, so without a rate: ${open.join(', ')}.`);
  const chart = lineBandChart({
    id: 'chart-churn',
    title: churn.kind === 'activity' ? 'Activity churn by period' : 'Subscription churn by period',
    description: caption,
    points: rows.map((r) => ({
      label: r.label,
      value: r.rate,
      lower: null,
      upper: null,
      tooltip:
        r.rate === null
          ? `${r.label}: ${r.complete ? 'nobody at the start' : 'not over yet, no rate'}`
          : `${r.label}: ${formatPercent(r.rate)} (${formatCount(r.lost)} of ${formatCount(r.atStart)})`,
      hollow: false,
      ringed: false,
    })),
    include: [0],
    clamp: [0, 1],
    axisLabel: 'Churn (%)',
    format: (v) => formatPercent(v, v < 0.1 ? 1 : 0),
    legend: 'Periods not over yet are left out (no rate).',
  });
  return {
    id: 'churn',
    title: churn.kind === 'activity' ? 'Activity churn' : 'Churn',
    intro: [`${definition} Periods are calendar periods in ${timeZone}.`],
    figures: [
      {
        chart,
        caption,
        table: {
          name: 'churn',
          caption: 'Churn by period',
          columns: [
            { label: 'Period', format: 'text' },
            { label: 'Customers at the start', format: 'count' },
            { label: 'Lost', format: 'count' },
            { label: 'Churn (%)', format: { digits: 2 } },
            { label: 'Period over', format: 'text' },
          ],
          rows: rows.map((r) => [
            r.label,
            r.atStart,
            r.lost,
            r.rate === null ? null : r.rate * 100,
            r.complete ? 'yes' : 'no, not over yet',
          ]),
        },
      },
    ],
  };
}
