// Monthly cohort retention from a GA4 BigQuery export (NDJSON, gzipped), read with the GA4 connector.
import { fileURLToPath } from 'node:url';
import { ga4BigQuerySource, memoryDeadLetters, syncAll } from '@cx/connectors';
import { cohortRetention, type RetentionMatrix } from '@cx/metrics';
import type { Interaction } from '@cx/model';
import { formatTable } from './table.js';

/** The export shipped with the example: the web shop and the app of a sample shop, January–June 2025. */
export const DEFAULT_EXPORT = fileURLToPath(new URL('../data/ga4-events.ndjson.gz', import.meta.url));

/** Options of {@link runGa4Retention}. */
export interface Ga4RetentionOptions {
  /** NDJSON export files (`.gz` ok); default the shipped export. */
  readonly files?: readonly string[];
  /** IANA zone of the calendar months (default `Europe/Warsaw`, the shop's reporting zone). */
  readonly timeZone?: string;
  /** Return periods after month 0 (default 5). */
  readonly periods?: number;
}

/** What the example computes. */
export interface Ga4RetentionReport {
  /** Events read from the export. */
  readonly events: number;
  /** Orders made from `purchase` events. */
  readonly orders: number;
  /** Rows rejected by the connector (kept with reasons). */
  readonly rejected: number;
  /** Users active in any month, by first month (cohort), returning in any later month with any event. */
  readonly matrix: RetentionMatrix;
  readonly text: string;
}

const pct = (x: number | null | undefined) => (x == null ? '' : `${(100 * x).toFixed(1)}%`);

/**
 * Reads a GA4 BigQuery export with `ga4BigQuerySource` (µs timestamps, repeated event params), keeps the
 * interactions, and computes a monthly first-time cohort retention matrix ("returned on month N", calendar
 * months in the shop's zone). Incomplete cells are left blank and out of the average.
 */
export async function runGa4Retention(options: Ga4RetentionOptions = {}): Promise<Ga4RetentionReport> {
  const deadLetters = memoryDeadLetters();
  const { items } = await syncAll(ga4BigQuerySource({ input: options.files ?? [DEFAULT_EXPORT] }), {
    deadLetters,
  });
  const interactions: Interaction[] = [];
  let orders = 0;
  for (const item of items) {
    if (item.record.kind === 'interaction') interactions.push(item.record.value);
    else if (item.record.kind === 'order') orders++;
  }
  const timeZone = options.timeZone ?? 'Europe/Warsaw';
  const matrix = cohortRetention(interactions, {
    interval: 'month',
    periods: options.periods ?? 5,
    timeZone,
    asOf: '2025-06-30T22:00:00Z', // the export ends with June (midnight of 1 July in Warsaw)
  });
  const rows = matrix.cohorts.map((c) => [
    c.period, // the cohort's month in the zone, e.g. 2025-01
    String(c.size),
    ...c.rates.map((r, i) => (c.complete[i] ? pct(r) : '')),
  ]);
  rows.push(['average', String(matrix.average.sizes[0] ?? 0), ...matrix.average.rates.map(pct)]);
  const text = [
    `GA4 export: ${interactions.length} events, ${orders} purchases, ${deadLetters.letters.length} rejected rows`,
    `Monthly retention (${timeZone}): share of each month's new users active again in month N`,
    formatTable(['cohort', 'users', ...matrix.columns], rows),
  ].join('\n');
  return { events: interactions.length, orders, rejected: deadLetters.letters.length, matrix, text };
}
