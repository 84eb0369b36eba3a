import {
  breakdown,
  ces,
  cesMetric,
  churnSeries,
  cohortRetention,
  csat,
  csatMetric,
  funnel,
  nps,
  npsMetric,
  rfmSummary,
  topPaths,
  trend,
} from '@cx/metrics';
import type { SurveyResponse } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churnSeriesQuery,
  cohortRetentionQuery,
  createTable,
  type Engine,
  funnelQuery,
  insertRows,
  loadedInteractionTable,
  loadedSubscriptionTable,
  loadedSurveyResponseTable,
  loadInteractions,
  loadSubscriptions,
  loadSurveyResponses,
  rfmSummaryQuery,
  surveyBreakdownQuery,
  surveyMetricQuery,
  surveyTrendQuery,
  topPathsQuery,
} from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

// A small sample shop (about 4,000 interactions): every metric on every engine equals the in-process result.
const shop = createSampleShop({ seed: 11, customers: 80 });
const interactions = [...shop.interactions()];
const responses = [...shop.surveyResponses()];
const subscriptions = [...shop.subscriptions()].filter((s) => s.currency === 'PLN');
const orders = [...shop.orders()];
const scaleKey = (r: SurveyResponse) => `${r.scale.min}-${r.scale.max}-${r.scale.direction}`;
const of = (metric: string, scale: string) =>
  responses.filter((r) => r.metric === metric && scaleKey(r) === scale);

for (const testEngine of testEngines()) {
  describe(`the sample shop on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
      await loadInteractions(engine, 'shop_events', interactions);
      await loadSurveyResponses(engine, 'shop_responses', responses);
      await loadSubscriptions(engine, 'shop_subs', 'shop_sub_changes', subscriptions);
      const columns = [
        { name: 'id', type: 'text' },
        { name: 'customer_id', type: 'text' },
        { name: 'ordered_at', type: 'instant' },
        { name: 'amount', type: 'float' },
      ] as const;
      await createTable(engine, 'shop_orders', columns);
      await insertRows(
        engine,
        'shop_orders',
        columns,
        orders.map((o) => ({
          id: o.id,
          customer_id: o.customerId,
          ordered_at: o.orderedAt,
          amount: o.amount,
        })),
      );
      // Loading the whole shop into chDB takes minutes on a loaded 2-core machine.
    }, 300_000);
    afterAll(async () => engine?.close());

    it('survey metrics: NPS, CSAT, CES (both scales), by channel and by month in Europe/Warsaw', async () => {
      const table = (metric: string, scale: string) =>
        loadedSurveyResponseTable('shop_responses', { metric, scale });
      const npsRows = of('nps', '0-10-higher-is-better');
      expect(npsRows.length).toBeGreaterThan(10);
      expectClose(
        await surveyMetricQuery(table('nps', '0-10-higher-is-better'), npsMetric()).run(engine),
        nps(npsRows),
      );
      expectClose(
        await surveyMetricQuery(table('csat', '1-5-higher-is-better'), csatMetric()).run(engine),
        csat(of('csat', '1-5-higher-is-better')),
      );
      expectClose(
        await surveyMetricQuery(table('ces', '1-7-higher-is-better'), cesMetric()).run(engine),
        ces(of('ces', '1-7-higher-is-better')),
      );
      const legacy = { scale: { min: 1, max: 5, direction: 'lower-is-better', integral: true } } as const;
      expectClose(
        await surveyMetricQuery(table('ces', '1-5-lower-is-better'), cesMetric(legacy)).run(engine),
        ces(of('ces', '1-5-lower-is-better'), legacy),
      );
      expectClose(
        await surveyBreakdownQuery(table('nps', '0-10-higher-is-better'), npsMetric(), { by: 'channel' }).run(
          engine,
        ),
        breakdown(npsRows, npsMetric(), { by: 'channel' }),
      );
      const monthly = { interval: 'month', timeZone: 'Europe/Warsaw' } as const;
      expectClose(
        await surveyTrendQuery(table('ces', '1-7-higher-is-better'), cesMetric(), monthly).run(engine),
        trend(of('ces', '1-7-higher-is-better'), cesMetric(), monthly),
      );
    });

    it('cohort retention, funnel and top paths', async () => {
      const events = loadedInteractionTable('shop_events');
      const retention = {
        interval: 'week',
        periods: 6,
        timeZone: 'Europe/Warsaw',
        weekStartsOn: 1,
        retention: 'on-or-after',
        aggregate: { property: 'value', operation: 'sum' },
      } as const;
      expectClose(
        await cohortRetentionQuery(events, retention).run(engine),
        cohortRetention(interactions, retention),
      );
      const steps = {
        steps: [
          { name: 'view_item' },
          { name: 'add_to_cart' },
          { name: 'begin_checkout' },
          { name: 'purchase' },
        ],
        window: { days: 7 },
        breakdown: { field: 'channel' as const },
        exclusions: [{ name: 'payment_failed', fromStep: 2 }],
      };
      expectClose(await funnelQuery(events, steps).run(engine), funnel(interactions, steps));
      expectClose(
        await topPathsQuery(events, { by: 'stageId', maxLength: 4 }).run(engine),
        topPaths(interactions, { by: 'stageId', maxLength: 4 }),
      );
    });

    it('churn with revenue, NRR and GRR, and the RFM summary', async () => {
      const monthly = { interval: 'month', timeZone: 'Europe/Warsaw' } as const;
      expectClose(
        await churnSeriesQuery(loadedSubscriptionTable('shop_subs', 'shop_sub_changes'), monthly).run(engine),
        churnSeries(subscriptions, monthly),
      );
      const rfm = {
        calibrationEnd: '2025-10-31',
        holdoutEnd: '2025-12-31',
        timeUnit: 'week',
        timeZone: 'Europe/Warsaw',
      } as const;
      expectClose(
        await rfmSummaryQuery(
          { table: 'shop_orders', customerId: 'customer_id', at: 'ordered_at', amount: 'amount', id: 'id' },
          rfm,
        ).run(engine),
        rfmSummary(
          orders.map((o) => ({ id: o.id, customerId: o.customerId, at: o.orderedAt, amount: o.amount })),
          rfm,
        ),
      );
    });
  });
}
