// From raw exports to answers: NPS by month in Europe/Warsaw, repeat-purchase cohorts and activity churn.
import { fileURLToPath } from 'node:url';
import { type IngestSummary, readAll } from '@cx/ingest';
import {
  type ActivityChurnPeriod,
  activityChurn,
  nps,
  type RetentionMatrix,
  repeatPurchaseRetention,
} from '@cx/metrics';
import { createCalendar, instantToEpochMs } from '@cx/model';

const data = (name: string): { path: string } => ({
  path: fileURLToPath(new URL(`../data/${name}`, import.meta.url)),
});
const TIME_ZONE = 'Europe/Warsaw';
const AS_OF = '2024-07-01T00:00:00Z';

/** NPS of one calendar month. */
export interface MonthNps {
  readonly month: string;
  readonly n: number;
  readonly promoters: number;
  readonly detractors: number;
  /** NPS in points, `null` for a month without responses (none here: months come from the responses). */
  readonly score: number | null;
}

/** What the example computes. */
export interface ExportsReport {
  readonly orders: IngestSummary;
  readonly responses: IngestSummary;
  readonly npsByMonth: readonly MonthNps[];
  readonly cohorts: RetentionMatrix;
  readonly churn: readonly ActivityChurnPeriod[];
  readonly text: string;
}

/** Reads the two exports and computes the three answers. */
export async function runIngestExports(): Promise<ExportsReport> {
  // #region orders
  // 1. The shop's orders: `;`, local Warsaw times, "1 234,50 zł", Polish statuses. A few lines of mapping.
  const orders = await readAll(data('sklep-zamowienia.csv'), {
    delimiter: ';',
    mapping: {
      kind: 'order',
      timeZone: TIME_ZONE,
      decimal: ',',
      fields: {
        id: 'Numer zamówienia',
        customerId: 'E-mail klienta',
        orderedAt: 'Data zamówienia',
        amount: 'Wartość', // the currency comes from "zł"
        status: {
          column: 'Status',
          values: { opłacone: 'paid', wysłane: 'fulfilled', anulowane: 'cancelled', zwrócone: 'refunded' },
        },
      },
    },
  });

  // #endregion orders

  // #region nps-by-month
  // 2. Typeform's responses CSV: submit dates in UTC, the score in a column named by the question.
  const responses = await readAll(data('typeform-nps.csv'), {
    mapping: {
      kind: 'surveyResponse',
      timeZone: 'UTC',
      fields: {
        id: '#',
        score: 'How likely are you to recommend our shop to a friend or colleague?',
        comment: 'What is the main reason for your score?',
        customerId: 'email',
        respondedAt: 'Submit Date (UTC)',
        surveyId: { value: 'nps-2024' },
        metric: { value: 'nps' },
        scale: { value: { min: 0, max: 10 } },
      },
    },
  });

  // 3. NPS by calendar month in Warsaw (a response at 23:30 UTC on 31 January is 00:30 on 1 February there).
  const months = createCalendar({ interval: 'month', timeZone: TIME_ZONE });
  const byMonth = new Map<string, number[]>();
  for (const r of responses.records) {
    const key = months.keyOf(instantToEpochMs(r.respondedAt));
    byMonth.set(key, [...(byMonth.get(key) ?? []), r.score]);
  }
  const npsByMonth = [...byMonth.keys()].sort().map((month) => {
    const result = nps(byMonth.get(month) ?? []);
    return {
      month,
      n: result.n,
      promoters: result.counts.promoters,
      detractors: result.counts.detractors,
      score: result.score,
    };
  });

  // #endregion nps-by-month

  // #region cohorts-and-churn
  // 4. Repeat purchases and activity churn straight from the orders.
  const cohorts = repeatPurchaseRetention(orders.records, {
    interval: 'month',
    periods: 3,
    timeZone: TIME_ZONE,
    asOf: AS_OF,
  });
  const churn = activityChurn(
    { orders: orders.records },
    { inactiveDays: 60, interval: 'month', timeZone: TIME_ZONE, asOf: AS_OF },
  );
  // #endregion cohorts-and-churn

  const lines: string[] = [];
  const summary = (what: string, s: IngestSummary) =>
    `${what}: ${s.rowsIn} rows read, ${s.rowsOut} records, ${s.rejected} rejected${s.deadLetters.map((d) => `\n  line ${d.line}${d.column ? `, column ${d.column}` : ''}: ${d.code} (${JSON.stringify(d.raw)})`).join('')}`;
  lines.push(summary('Orders', orders.summary), summary('NPS responses', responses.summary), '');
  lines.push('NPS by month (Europe/Warsaw)');
  for (const m of npsByMonth)
    lines.push(
      `  ${m.month}  n=${m.n}  promoters ${m.promoters}  detractors ${m.detractors}  NPS ${m.score === null ? '–' : `${m.score >= 0 ? '+' : ''}${m.score.toFixed(1)}`}`,
    );
  lines.push(
    '',
    'Repeat-purchase cohorts (first purchase month; customers buying again in month +1, +2, +3)',
  );
  for (const c of cohorts.cohorts)
    lines.push(
      `  ${months.keyOf(instantToEpochMs(c.start))}  ${c.size} customers  ${[...c.counts].slice(1).join(' / ')}`,
    );
  lines.push('', 'Activity churn (lost after 60 days without an order)');
  for (const p of churn) {
    const rate = p.churnRate === null ? '–' : `${(100 * p.churnRate).toFixed(1)}%`;
    lines.push(
      `  ${p.label}  active ${p.activeAtStart}  lost ${p.lost}  churn ${rate}  new ${p.new}  back ${p.reactivated}${p.complete ? '' : '  (incomplete)'}`,
    );
  }
  return {
    orders: orders.summary,
    responses: responses.summary,
    npsByMonth,
    cohorts,
    churn,
    text: lines.join('\n'),
  };
}
