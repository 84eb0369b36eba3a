// The self-contained HTML report: every chart is inline SVG, every style inline; no script, no network.
import { funnelChart, intervalBars } from './charts/bar-charts.js';
import { retentionHeatmap } from './charts/heatmap.js';
import { esc, pct } from './charts/svg.js';
import { trendChart } from './charts/trend-chart.js';

/** What the report needs besides the analysis. */
export interface ReportInput {
  readonly title: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly counts: Readonly<Record<string, number>>;
  readonly mapSvg: string;
  readonly stageLabels: ReadonlyMap<string, string>;
  readonly designedPainPoints: ReadonlyArray<{
    readonly id: string;
    readonly description: string;
    readonly severity: string;
    readonly stage: string;
    readonly owner?: string;
  }>;
  readonly themes: ReadonlyArray<{
    readonly term: string;
    readonly polarity: 'negative' | 'positive';
    readonly count: number;
    readonly example: string;
  }>;
  readonly sync: ReadonlyArray<{
    readonly source: string;
    readonly records: number;
    readonly deadLetters: number;
    readonly note: string;
  }>;
}

import type { Analysis } from './analyse.js';

const fmt = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

/** Renders the report page. */
export function renderReport(analysis: Analysis, input: ReportInput): string {
  const { overallNps, npsTrend, csatByStage, effort, churn, retention, purchaseFunnel, health } = analysis;
  const label = (stageId: string | null) =>
    stageId === null ? 'not set' : (input.stageLabels.get(stageId) ?? stageId);
  const trendSvg = trendChart({
    id: 'nps-trend',
    title: 'NPS by month with 95% adjusted-Wald interval',
    domain: [-100, 100],
    points: npsTrend.map((b) => ({
      label: b.period,
      value: b.result.score,
      low: b.result.interval?.lower ?? null,
      high: b.result.interval?.upper ?? null,
      n: b.n,
      smallSample: b.smallSample,
      significantChange: b.change?.significant ?? false,
    })),
  });
  const csatSvg = intervalBars(
    'csat-by-stage',
    'CSAT (top-2-box) by stage with 95% Wilson interval',
    csatByStage
      .filter((g) => g.result.n > 0)
      .map((g) => ({
        label: label(g.key),
        value: g.result.score,
        low: g.result.interval?.lower ?? null,
        high: g.result.interval?.upper ?? null,
        n: g.result.n,
      })),
  );
  const heatmapSvg = retentionHeatmap({
    id: 'retention',
    title: 'Repeat-purchase retention by monthly cohort',
    columns: retention.columns,
    rows: [
      ...retention.cohorts.map((c) => ({
        label: c.period, // the cohort's month in the report's zone, e.g. 2025-01
        size: c.size,
        rates: c.rates,
        incomplete: c.complete.map((x) => !x),
      })),
      {
        label: 'Weighted average',
        size: retention.cohorts.reduce((n, c) => n + c.size, 0),
        rates: retention.average.rates,
        incomplete: retention.average.rates.map(() => false),
      },
    ],
  });
  const funnelSvg = funnelChart(
    'funnel',
    'Purchase funnel, 7-day conversion window, unique customers',
    purchaseFunnel.steps.map((s, i) => ({
      label: ['Viewed an item', 'Added to cart', 'Began checkout', 'Purchased'][i] ?? `Step ${i + 1}`,
      count: s.count,
      fromStart: s.conversionFromStart ?? 0,
      fromPrevious: s.conversionFromPrevious ?? 0,
    })),
  );
  const signals = health
    .flatMap((stage) => stage.signals.map((signal) => ({ stage: stage.label, ...signal })))
    .sort((a, b) => (b.share ?? 0) - (a.share ?? 0))
    .slice(0, 8);
  const kpi = (name: string, value: string, detail: string) =>
    `<div class="kpi"><div class="kpi-name">${esc(name)}</div><div class="kpi-value">${esc(value)}</div><div class="kpi-detail">${esc(detail)}</div></div>`;
  const monthsWithChurn = churn.filter((p) => p.churnRate !== null);
  const meanChurn =
    monthsWithChurn.reduce((s, p) => s + (p.churnRate ?? 0), 0) / Math.max(1, monthsWithChurn.length);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #111827; background: #f9fafb; }
  header { background: #1e3a8a; color: white; padding: 24px 32px; }
  header p { margin: 4px 0 0; opacity: 0.85; }
  main { padding: 16px 32px 48px; max-width: 1280px; }
  section { background: white; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px 20px; margin: 16px 0; overflow-x: auto; }
  h2 { font-size: 18px; margin: 0 0 8px; }
  .kpis { display: flex; flex-wrap: wrap; gap: 12px; }
  .kpi { background: white; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px 16px; min-width: 170px; }
  .kpi-name { font-size: 12px; color: #4b5563; text-transform: uppercase; letter-spacing: 0.04em; }
  .kpi-value { font-size: 26px; font-weight: 600; margin: 4px 0; }
  .kpi-detail { font-size: 12px; color: #4b5563; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { border-bottom: 1px solid #e5e7eb; padding: 6px 8px; text-align: left; vertical-align: top; }
  th { background: #f3f4f6; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .note { font-size: 12px; color: #4b5563; }
</style>
</head>
<body>
<header>
  <h1>${esc(input.title)}</h1>
  <p>${esc(input.period.from.slice(0, 10))} to ${esc(input.period.to.slice(0, 10))} · ${Object.entries(
    input.counts,
  )
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${esc(k)}`)
    .join(' · ')}</p>
</header>
<main>
<div class="kpis" role="list">
  ${kpi('NPS', fmt(overallNps.score), `95% CI ${fmt(overallNps.interval?.lower)} to ${fmt(overallNps.interval?.upper)} · n=${overallNps.n}`)}
  ${kpi('CES 2.0 mean', fmt(effort.score, 2), `of 7 · ${pct(effort.lowEffort.value)} found it easy (5–7) · n=${effort.n}`)}
  ${kpi('Purchase conversion', pct(purchaseFunnel.conversionRate), `viewed → purchased within 7 days · n=${purchaseFunnel.steps[0]?.count ?? 0}`)}
  ${kpi('Monthly churn', pct(meanChurn), `mean over ${monthsWithChurn.length} months of subscriptions`)}
</div>
<section aria-labelledby="h-trend"><h2 id="h-trend">NPS trend</h2>${trendSvg}</section>
<section aria-labelledby="h-map"><h2 id="h-map">Journey map with measured KPIs</h2>
<p class="note">Designed stages, steps and pain points; emotion curves are the measured sentiment of each persona's feedback; the KPI lane shows the measured NPS, CSAT, conversion and volume per stage.</p>
${input.mapSvg}</section>
<section aria-labelledby="h-funnel"><h2 id="h-funnel">Purchase funnel</h2>${funnelSvg}</section>
<section aria-labelledby="h-retention"><h2 id="h-retention">Cohort retention</h2>${heatmapSvg}</section>
<section aria-labelledby="h-csat"><h2 id="h-csat">CSAT by stage</h2>${csatSvg}</section>
<section aria-labelledby="h-pain"><h2 id="h-pain">Top pain points</h2>
<h3>Measured signals</h3>
<table><thead><tr><th>Stage</th><th>Signal</th><th class="num">Customers</th><th class="num">Share</th><th>Evidence</th></tr></thead><tbody>
${signals.map((s) => `<tr><td>${esc(s.stage)}</td><td>${esc(s.kind)}</td><td class="num">${s.count}</td><td class="num">${pct(s.share)}</td><td>${esc(s.evidence.description)}</td></tr>`).join('\n')}
</tbody></table>
<h3>Designed pain points</h3>
<table><thead><tr><th>Pain point</th><th>Severity</th><th>Stage</th><th>Owner</th></tr></thead><tbody>
${input.designedPainPoints.map((p) => `<tr><td>${esc(p.description)}</td><td>${esc(p.severity)}</td><td>${esc(p.stage)}</td><td>${esc(p.owner ?? 'no owner')}</td></tr>`).join('\n')}
</tbody></table></section>
<section aria-labelledby="h-themes"><h2 id="h-themes">Themes in customer feedback</h2>
<table><thead><tr><th>Theme</th><th>Leans</th><th class="num">Mentions</th><th>Example</th></tr></thead><tbody>
${input.themes.map((t) => `<tr><td>${esc(t.term)}</td><td>${esc(t.polarity)}</td><td class="num">${t.count}</td><td>${esc(t.example)}</td></tr>`).join('\n')}
</tbody></table></section>
<section aria-labelledby="h-stages"><h2 id="h-stages">Stage health</h2>
<table><thead><tr><th>Stage</th><th class="num">Reached</th><th class="num">To next stage</th><th class="num">Median dwell (days)</th><th class="num">Satisfaction (0–1)</th><th class="num">Responses</th></tr></thead><tbody>
${health.map((s) => `<tr><td>${esc(s.label)}</td><td class="num">${s.reached}</td><td class="num">${pct(s.conversionToNext)}</td><td class="num">${fmt(s.dwell.median === null ? null : s.dwell.median / 86_400_000)}</td><td class="num">${fmt(s.satisfaction.normalizedMean, 2)}</td><td class="num">${s.satisfaction.n}</td></tr>`).join('\n')}
</tbody></table></section>
<section aria-labelledby="h-sync"><h2 id="h-sync">Data synced through connectors</h2>
<table><thead><tr><th>Source</th><th class="num">Records</th><th class="num">Dead letters</th><th>How</th></tr></thead><tbody>
${input.sync.map((s) => `<tr><td>${esc(s.source)}</td><td class="num">${s.records}</td><td class="num">${s.deadLetters}</td><td>${esc(s.note)}</td></tr>`).join('\n')}
</tbody></table></section>
<p class="note">Generated by the CX platform demo (npm run demo) from a deterministic sample shop. Intervals are 95%. Calendar buckets are months in Europe/Warsaw.</p>
</main>
</body>
</html>
`;
}
