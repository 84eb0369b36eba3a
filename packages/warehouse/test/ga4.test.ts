import { fileURLToPath } from 'node:url';
import { ga4BigQuerySource, memoryDeadLetters, syncAll } from '@cx/connectors';
import { cohortRetention, funnel } from '@cx/metrics';
import type { Interaction } from '@cx/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cohortRetentionQuery,
  createGa4View,
  duckdbEngine,
  type Engine,
  funnelQuery,
  GA4_INTERACTIONS,
} from '../src/index.js';
import { expectClose } from './compare.js';

// The GA4 BigQuery export shipped with the ga4-retention example (web shop and app of the sample shop, 9,518 rows).
const EXPORT = fileURLToPath(
  new URL('../../../examples/ga4-retention/data/ga4-events.ndjson.gz', import.meta.url),
);

describe('GA4 BigQuery export through DuckDB', () => {
  let engine: Engine;
  let interactions: Interaction[];
  beforeAll(async () => {
    engine = await duckdbEngine();
    const { items } = await syncAll(ga4BigQuerySource({ input: [EXPORT] }), {
      deadLetters: memoryDeadLetters(),
    });
    interactions = items.flatMap((item) => (item.record.kind === 'interaction' ? [item.record.value] : []));
  });
  afterAll(async () => engine?.close());

  it('the view holds every event the GA4 connector reads, and monthly retention in Warsaw is the same', async () => {
    const { rows, excluded } = await createGa4View(engine, {
      files: [EXPORT],
      format: 'ndjson',
      view: 'ga4 events',
    });
    expect(excluded).toBe(0);
    expect(rows).toBe(interactions.length);
    const options = { interval: 'month', periods: 5, timeZone: 'Europe/Warsaw' } as const;
    const matrix = await cohortRetentionQuery(GA4_INTERACTIONS('ga4 events'), options).run(engine);
    expectClose(matrix, cohortRetention(interactions, options));
    expect(matrix.cohorts.length).toBeGreaterThan(3);
  });

  it('a purchase funnel by stage and channel equals the in-process one', async () => {
    const options = {
      steps: [{ stageId: 'consideration' }, { stageId: 'decision' }, { name: 'purchase' }],
      window: { days: 7 },
      breakdown: { field: 'channel' as const },
    };
    const result = await funnelQuery(GA4_INTERACTIONS('ga4 events'), options).run(engine);
    const local = funnel(interactions, options);
    expect(result.steps.map((s) => s.count)).toEqual(local.steps.map((s) => s.count));
    expect(result.steps[2]?.count).toBeGreaterThan(0);
  });
});
