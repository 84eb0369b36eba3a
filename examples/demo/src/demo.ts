// The main job: generate a realistic sample shop, sync part of it through real connectors, measure it with
// @cx/metrics and @cx/text, enrich the designed journey map with the measures, and write the HTML report and the
// map as JSON, Mermaid, SVG and HTML.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ga4BigQuerySource, syncAll } from '@cx/connectors';
import { renderHtml, renderSvg, serializeMap, toMermaid } from '@cx/map';
import type { Interaction } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import { analyse } from './analyse.js';
import { syncCrmAndSurveys } from './crm-sync.js';
import { writeGa4Export } from './ga4-export.js';
import { buildMap } from './map.js';
import type { Progress } from './progress.js';
import { renderReport } from './report.js';
import { feedbackThemes } from './themes.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly outDir: string;
  readonly customers?: number;
  readonly seed?: number;
  readonly progress: Progress;
}

/** Runs the demo end to end; returns the summary rows and the files written. */
export async function runDemo({ outDir, customers = 3000, seed = 2026, progress }: DemoOptions) {
  await mkdir(outDir, { recursive: true });
  const shop = createSampleShop({ seed, customers });
  const from = shop.options.start;
  const to = new Date(Date.parse(from) + shop.options.days * 86_400_000).toISOString();
  const data = await progress.step(
    `Generating a sample shop (${customers.toLocaleString('en-US')} customers, ${shop.options.days} days)`,
    () => ({
      customers: [...shop.customers()],
      interactions: [...shop.interactions()],
      responses: [...shop.surveyResponses()],
      orders: [...shop.orders()],
      subscriptions: [...shop.subscriptions()],
      feedback: [...shop.feedback()],
      mentions: [...shop.mentions()],
    }),
  );

  // Customers and NPS answers travel through local HubSpot and Typeform replay servers and the real connectors.
  const crm = await progress.step(
    'Syncing CRM contacts (HubSpot) and NPS answers (Typeform) through the connectors',
    () =>
      syncCrmAndSurveys(
        data.customers,
        data.responses.filter((r) => r.metric === 'nps'),
      ),
  );
  const responses = [...crm.npsResponses, ...data.responses.filter((r) => r.metric !== 'nps')];

  // Web and app events travel through a GA4 BigQuery export file and the real GA4 connector.
  const digital = (i: Interaction) => i.channel === 'web' || i.channel === 'mobile-app';
  const ga4 = await progress.step('Syncing web and app events through a GA4 BigQuery export', async () => {
    const file = join(outDir, 'ga4-export.ndjson');
    const written = await writeGa4Export(file, data.interactions.filter(digital));
    const result = await syncAll(ga4BigQuerySource({ input: file, orders: false }));
    const interactions = result.items
      .filter((item) => item.record.kind === 'interaction')
      .map((item) => {
        const value = item.record.value as Interaction;
        const { event_id: eventId, touchpoint_id: touchpointId, stage_id: stageId } = value.properties;
        return {
          ...value,
          id: String(eventId),
          ...(typeof touchpointId === 'string' ? { touchpointId } : {}),
          ...(typeof stageId === 'string' ? { stageId } : {}),
        } as Interaction;
      });
    return { written, interactions, deadLetters: result.deadLetters };
  });
  const offline = data.interactions.filter((i) => !digital(i));
  const interactions = [...ga4.interactions, ...offline];

  const analysis = await progress.step(
    'Measuring NPS, CSAT, CES, churn, retention, the funnel and stage health',
    () =>
      analyse({
        interactions,
        responses: data.responses,
        subscriptions: data.subscriptions,
        feedback: data.feedback,
        journey: shop.journey,
        asOf: to,
      }),
  );
  const themes = await progress.step('Finding themes in feedback', () =>
    feedbackThemes(data.feedback, analysis),
  );
  const map = await progress.step('Enriching the journey map with measured KPIs', () =>
    buildMap(shop.journey, shop.personas, data.customers, analysis, { from, to }),
  );

  const files = await progress.step('Writing the report and the map (JSON, Mermaid, SVG, HTML)', async () => {
    // The report is about 1,280 px wide: stage columns narrow to fit it, and the map scrolls inside its section.
    const svg = renderSvg(map, { idPrefix: 'report-map', maxWidth: 1240 });
    const mermaid = toMermaid(map);
    const stageLabels = new Map(shop.journey.stages.map((s) => [s.id, s.labels.en]));
    const report = renderReport(analysis, {
      title: 'Sample shop: customer-experience report',
      period: { from, to },
      counts: {
        customers: data.customers.length,
        interactions: interactions.length,
        'survey responses': responses.length,
        orders: data.orders.length,
        'feedback texts': data.feedback.length,
      },
      mapSvg: svg,
      stageLabels,
      designedPainPoints: shop.journey.painPoints.map((p) => ({
        id: p.id,
        description: p.description,
        severity: p.severity,
        stage: stageLabels.get(p.stageId) ?? p.stageId,
        ...(p.owner === undefined ? {} : { owner: p.owner }),
      })),
      themes,
      sync: [
        ...crm.rows,
        {
          source: 'GA4 BigQuery export (NDJSON)',
          records: ga4.interactions.length,
          deadLetters: ga4.deadLetters,
          note: `${ga4.written} web and app events written in the export's wire shape and read back by ga4BigQuerySource`,
        },
      ],
    });
    const written = {
      report: join(outDir, 'report.html'),
      mapJson: join(outDir, 'journey-map.json'),
      mermaid: join(outDir, 'journey-map.mmd'),
      svg: join(outDir, 'journey-map.svg'),
      html: join(outDir, 'journey-map.html'),
    };
    await writeFile(written.report, report);
    await writeFile(written.mapJson, serializeMap(map));
    await writeFile(written.mermaid, mermaid.value);
    await writeFile(written.svg, svg);
    await writeFile(written.html, renderHtml(map));
    return written;
  });

  const summary = [
    {
      measure: 'NPS',
      value: analysis.overallNps.score?.toFixed(1) ?? '–',
      interval: `${analysis.overallNps.interval?.lower.toFixed(1)} to ${analysis.overallNps.interval?.upper.toFixed(1)}`,
      n: analysis.overallNps.n,
    },
    {
      measure: 'CES 2.0 (mean of 7)',
      value: analysis.effort.score?.toFixed(2) ?? '–',
      interval: `${analysis.effort.interval?.lower.toFixed(2)} to ${analysis.effort.interval?.upper.toFixed(2)}`,
      n: analysis.effort.n,
    },
    {
      measure: 'Purchase conversion (7 days)',
      value: pct(analysis.purchaseFunnel.conversionRate),
      interval: '',
      n: analysis.purchaseFunnel.steps[0]?.count ?? 0,
    },
    {
      measure: 'Cohort retention, month 1 (avg)',
      value: pct(analysis.retention.average.rates[1] ?? null),
      interval: '',
      n: analysis.retention.cohorts.reduce((s, c) => s + c.size, 0),
    },
    {
      measure: 'Feedback with negative sentiment',
      value: pct(
        analysis.sentiments.filter((s) => s.sentiment.label === 'negative').length /
          Math.max(1, analysis.sentiments.length),
      ),
      interval: '',
      n: analysis.sentiments.length,
    },
  ];
  return { summary, files, analysis, map };
}

function pct(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)}%`;
}
