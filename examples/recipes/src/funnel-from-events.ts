// Recipe: a purchase funnel from an events CSV (one row per event: when, who, what).
import { fileURLToPath } from 'node:url';
import { type IngestSummary, readAll } from '@cx/ingest';
import { type FunnelResult, funnel } from '@cx/metrics';

const EVENTS = fileURLToPath(new URL('../data/events.csv', import.meta.url));

/** The funnel and what reading the file gave. */
export interface FunnelRecipe {
  readonly read: IngestSummary;
  readonly result: FunnelResult;
  readonly text: string;
}

/** Reads the events and measures view → cart → purchase, each step within 7 days of the first. */
export async function funnelFromEvents(path = EVENTS): Promise<FunnelRecipe> {
  // #region funnel
  const events = await readAll(
    { path },
    {
      mapping: {
        kind: 'interaction',
        fields: {
          id: { generate: ['user_id', 'event_time', 'event'] },
          customerId: 'user_id',
          timestamp: 'event_time',
          name: 'event',
          channel: { value: 'web' },
        },
      },
    },
  );
  const result = funnel(events.records, {
    steps: [{ name: 'view_item' }, { name: 'add_to_cart' }, { name: 'purchase' }],
    window: { days: 7 },
  });
  // #endregion funnel
  const lines = [
    `Events: ${events.summary.rowsIn} rows read, ${events.summary.rowsOut} records, ${events.summary.rejected} rejected${events.summary.deadLetters.map((d) => `\n  line ${d.line}: ${d.code} (${JSON.stringify(d.raw)})`).join('')}`,
    'Funnel (7-day window)',
    ...result.steps.map((s) => `  ${s.label.padEnd(12)} ${String(s.count).padStart(3)}`),
    `  conversion ${(100 * (result.conversionRate ?? 0)).toFixed(1)}%`,
  ];
  return { read: events.summary, result, text: lines.join('\n') };
}
