// The key figures at the top of the page: one tile per measure, each with its interval (or its definition) and n.
import { formatCount, formatLevel, formatNumber, formatPercent, formatRange } from '../format.js';
import { html, type SafeHtml } from '../html/html.js';
import type { ReportInput } from '../input.js';
import { churnRows } from './churn-rows.js';

/** One tile: the measure, its value, and what the value means. */
export interface Kpi {
  readonly name: string;
  readonly value: string;
  readonly detail: string;
}

/** The tiles the input has data for, in a fixed order. */
export function kpis(input: ReportInput): Kpi[] {
  const tiles: Kpi[] = [];
  const { nps, csat, ces, funnel, churn, retention } = input;
  if (nps !== undefined && nps.n > 0) {
    tiles.push({
      name: 'NPS',
      value: formatNumber(nps.score),
      detail: `points, −100 to 100 · ${nps.interval === null ? 'no interval' : `${formatLevel(nps.interval.level)} CI ${formatRange(nps.interval.lower, nps.interval.upper, (v) => formatNumber(v))}`} · n = ${formatCount(nps.n)}`,
    });
  }
  if (csat !== undefined && csat.n > 0) {
    tiles.push({
      name: 'CSAT',
      value: formatPercent(csat.score),
      detail: `satisfied (top 2 of 5) · ${csat.interval === null ? 'no interval' : `${formatLevel(csat.interval.level)} CI ${formatRange(csat.interval.lower, csat.interval.upper, (v) => formatPercent(v))}`} · n = ${formatCount(csat.n)}`,
    });
  }
  if (ces !== undefined && ces.n > 0) {
    tiles.push({
      name: 'CES',
      value: formatNumber(ces.score, 2),
      detail: `mean on ${ces.scale.min}–${ces.scale.max} · ${formatPercent(ces.lowEffort.value)} found it easy · n = ${formatCount(ces.n)}`,
    });
  }
  if (funnel !== undefined && funnel.result.entered > 0) {
    const steps = funnel.result.steps;
    tiles.push({
      name: 'Conversion',
      value: formatPercent(funnel.result.conversionRate),
      detail: `${steps[0]?.label} → ${steps[steps.length - 1]?.label} within ${funnel.window} · n = ${formatCount(funnel.result.entered)}`,
    });
  }
  if (retention !== undefined) {
    const rate = retention.matrix.average.rates[1];
    if (rate !== undefined && rate !== null)
      tiles.push({
        name: 'Retention',
        value: formatPercent(rate),
        detail: `${retention.matrix.columns[1] ?? 'period 1'}, average of complete cohorts · n = ${formatCount(retention.matrix.average.sizes[1] ?? 0)}`,
      });
  }
  if (churn !== undefined) {
    const complete = churnRows(churn).filter((r) => r.complete && r.rate !== null);
    if (complete.length > 0) {
      const mean = complete.reduce((s, r) => s + (r.rate as number), 0) / complete.length;
      tiles.push({
        name: churn.kind === 'activity' ? 'Activity churn' : 'Churn',
        value: formatPercent(mean),
        detail: `mean per period over ${complete.length} complete periods${churn.kind === 'activity' ? ` · lost after ${churn.inactiveDays} days without activity` : ' of subscriptions'}`,
      });
    }
  }
  return tiles;
}

/** The tiles as a definition list (each name with its value and detail). */
export function kpisHtml(tiles: readonly Kpi[]): SafeHtml {
  if (tiles.length === 0) return html``;
  return html`<section class="cx-section cx-kpis-section" id="key-figures" aria-labelledby="key-figures-heading">
<h2 id="key-figures-heading">Key figures</h2>
<dl class="cx-kpis">
${tiles.map((t) => html`<div class="cx-kpi"><dt>${t.name}</dt><dd class="cx-kpi-value">${t.value}</dd><dd class="cx-kpi-detail">${t.detail}</dd></div>\n`)}</dl>
</section>`;
}
