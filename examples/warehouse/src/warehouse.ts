// The sample shop as Parquet files, queried through DuckDB with @cx/warehouse, each number beside the one
// @cx/metrics computes in process from the same records.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Measurement, measureMap, parseMapJson } from '@cx/map';
import {
  churnSeries,
  cohortRetention,
  funnel,
  type NpsResult,
  nps,
  npsMetric,
  topPaths,
  trend,
} from '@cx/metrics';
import { createSampleShop } from '@cx/sample-data';
import {
  churnSeriesQuery,
  cohortRetentionQuery,
  createFileView,
  duckdbEngine,
  funnelQuery,
  loadedFeedbackTable,
  loadedInteractionTable,
  loadedSubscriptionTable,
  loadedSurveyResponseTable,
  loadFeedback,
  loadInteractions,
  loadSubscriptions,
  loadSurveyResponses,
  measureMapOn,
  surveyMetricQuery,
  surveyTrendQuery,
  topPathsQuery,
  writeParquet,
} from '@cx/warehouse';

/** Options of {@link runWarehouse}. */
export interface WarehouseOptions {
  /** Customers of the sample shop (default 300, about 15,000 interactions). */
  readonly customers?: number;
  /** Where the Parquet files go (default `out/` beside the example). */
  readonly dir?: string;
}

/** One line of the comparison. */
export interface ComparisonRow {
  readonly metric: string;
  readonly duckdb: string;
  readonly inProcess: string;
}

/** What the example computes. */
export interface WarehouseReport {
  readonly files: readonly string[];
  readonly rows: readonly ComparisonRow[];
  readonly text: string;
}

const fmt = (x: number | null | undefined, digits = 2) => (x == null ? '—' : x.toFixed(digits));
const npsText = (r: NpsResult) =>
  `${fmt(r.score, 1)} [${fmt(r.interval?.lower, 1)}, ${fmt(r.interval?.upper, 1)}] n=${r.n}`;

/**
 * Generates the sample shop, writes its interactions, survey responses and subscriptions as Parquet files (with
 * DuckDB), then computes NPS, NPS by month in Europe/Warsaw, weekly cohort retention, a purchase funnel, the top
 * touchpoint paths and monthly churn on views over those files, beside the in-process results.
 */
export async function runWarehouse(options: WarehouseOptions = {}): Promise<WarehouseReport> {
  const dir = options.dir ?? join(import.meta.dirname, '..', 'out');
  mkdirSync(dir, { recursive: true });
  const shop = createSampleShop({ seed: 42, customers: options.customers ?? 300 });
  const interactions = [...shop.interactions()];
  const allResponses = [...shop.surveyResponses()];
  const responses = allResponses.filter((r) => r.metric === 'nps');
  const feedback = [...shop.feedback()];
  // Churn needs one currency (the shop bills in PLN and EUR): the Polish subscriptions.
  const subscriptions = [...shop.subscriptions()].filter((s) => s.currency === 'PLN');

  // 1. Write the Parquet files (a loading step an analyst would have done already).
  const writer = await duckdbEngine();
  await loadInteractions(writer, 'interactions', interactions);
  await loadSurveyResponses(writer, 'responses', responses);
  await loadSubscriptions(writer, 'subscriptions', 'amount_changes', subscriptions);
  await loadSurveyResponses(writer, 'all_responses', allResponses);
  await loadFeedback(writer, 'feedback', feedback);
  const tables = [
    'interactions',
    'responses',
    'subscriptions',
    'amount_changes',
    'all_responses',
    'feedback',
  ];
  const files = tables.map((t) => join(dir, `${t}.parquet`));
  for (const [i, t] of tables.entries()) {
    await writeParquet(writer, t, files[i] as string);
  }
  await writer.close();

  // #region nps-on-duckdb
  // 2. A fresh DuckDB reads the files where they are.
  const engine = await duckdbEngine();
  for (const [i, t] of tables.entries()) {
    await createFileView(engine, t, [files[i] as string], 'parquet');
  }
  const events = loadedInteractionTable('interactions');
  const answers = loadedSurveyResponseTable('responses');
  const rows: ComparisonRow[] = [];
  const add = (metric: string, duckdb: string, inProcess: string) => rows.push({ metric, duckdb, inProcess });

  add('NPS', npsText(await surveyMetricQuery(answers, npsMetric()).run(engine)), npsText(nps(responses)));
  const byMonth = { interval: 'month', timeZone: 'Europe/Warsaw' } as const;
  const engineTrend = await surveyTrendQuery(answers, npsMetric(), byMonth).run(engine);
  const localTrend = trend(responses, npsMetric(), byMonth);
  // #endregion nps-on-duckdb
  for (const [i, b] of engineTrend.slice(-3).entries()) {
    const local = localTrend.slice(-3)[i];
    add(`NPS ${b.period}`, npsText(b.result), local === undefined ? '—' : npsText(local.result));
  }
  const retention = { interval: 'week', periods: 4, timeZone: 'Europe/Warsaw', weekStartsOn: 1 } as const;
  const engineMatrix = await cohortRetentionQuery(events, retention).run(engine);
  const localMatrix = cohortRetention(interactions, retention);
  add(
    'weekly retention, average weeks 1-4',
    engineMatrix.average.rates
      .slice(1)
      .map((r) => fmt(r, 3))
      .join(' '),
    localMatrix.average.rates
      .slice(1)
      .map((r) => fmt(r, 3))
      .join(' '),
  );
  const steps = {
    steps: [{ name: 'view_item' }, { name: 'add_to_cart' }, { name: 'begin_checkout' }, { name: 'purchase' }],
    window: { days: 7 },
  };
  const engineFunnel = await funnelQuery(events, steps).run(engine);
  const localFunnel = funnel(interactions, steps);
  add(
    'funnel view → purchase (7 days)',
    engineFunnel.steps.map((s) => s.count).join(' → '),
    localFunnel.steps.map((s) => s.count).join(' → '),
  );
  add(
    'funnel median time to purchase (h)',
    fmt((engineFunnel.steps[3]?.timeFromStart.median ?? 0) / 3.6e6),
    fmt((localFunnel.steps[3]?.timeFromStart.median ?? 0) / 3.6e6),
  );
  const enginePaths = await topPathsQuery(events, { limit: 1, maxLength: 3 }).run(engine);
  const localPaths = topPaths(interactions, { limit: 1, maxLength: 3 });
  const pathText = (p: typeof localPaths) => `${p.paths[0]?.path.join(' > ')} (${p.paths[0]?.actors})`;
  add('top touchpoint path', pathText(enginePaths), pathText(localPaths));
  const churn = { interval: 'month', timeZone: 'Europe/Warsaw' } as const;
  const engineChurn = (
    await churnSeriesQuery(loadedSubscriptionTable('subscriptions', 'amount_changes'), churn).run(engine)
  ).at(-2);
  const localChurn = churnSeries(subscriptions, churn).at(-2);
  add(
    `churn ${engineChurn?.start.slice(0, 7)} (rate, NRR, GRR)`,
    `${fmt(engineChurn?.churnRate, 4)} ${fmt(engineChurn?.revenue.nrr, 4)} ${fmt(engineChurn?.revenue.grr, 4)}`,
    `${fmt(localChurn?.churnRate, 4)} ${fmt(localChurn?.revenue.nrr, 4)} ${fmt(localChurn?.revenue.grr, 4)}`,
  );
  // The journey map of examples/journey-map, its KPI definitions measured for the shop's year on DuckDB and in
  // process (sentiment: the feedback texts come from DuckDB and are scored here by @cx/text).
  const map = parseMapJson(
    readFileSync(join(import.meta.dirname, '..', '..', 'journey-map', 'map.json'), 'utf8'),
  );
  const window = { window: { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } };
  const sources = {
    interactions: events,
    responses: loadedSurveyResponseTable('all_responses'),
    feedback: loadedFeedbackTable('feedback'),
  };
  const onEngine = await measureMapOn(engine, map, sources, window);
  const local = measureMap(map, { interactions, responses: allResponses, feedback }, window);
  const measurementText = (m: Measurement | undefined) =>
    m === undefined
      ? '—'
      : `${fmt(m.value, m.metric === 'volume' ? 0 : 3)}${m.unit === '%' ? ' %' : ''} n=${m.n}`;
  for (const m of onEngine.measurements.filter(
    (x) => x.source?.startsWith('measureMapOn') && x.id === x.kpiId,
  )) {
    add(
      `map KPI ${m.id} (${m.metric})`,
      measurementText(m),
      measurementText(local.measurements.find((x) => x.id === m.id)),
    );
  }
  await engine.close();

  const width = Math.max(...rows.map((r) => r.metric.length));
  const col = Math.max(6, ...rows.map((r) => r.duckdb.length));
  const text = [
    `Sample shop (${interactions.length} interactions, ${responses.length} NPS responses, ${subscriptions.length} subscriptions) as Parquet in ${dir}`,
    '',
    `${'metric'.padEnd(width)}  ${'DuckDB on Parquet'.padEnd(col)}  in process`,
    ...rows.map((r) => `${r.metric.padEnd(width)}  ${r.duckdb.padEnd(col)}  ${r.inProcess}`),
  ].join('\n');
  return { files, rows, text };
}
