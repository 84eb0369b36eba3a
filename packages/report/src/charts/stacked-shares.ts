// 100 % stacked bars: one row per group (e.g. per topic), its texts split into negative, neutral and positive
// shares, each segment labelled when it is wide enough, on a 0–100 % axis.
import { formatCount, formatPercent } from '../format.js';
import { html, type SafeHtml } from '../html/html.js';
import { bottomAxis } from './axis.js';
import { coord, linearScale } from './scale.js';
import { svgChart } from './svg.js';

/** A row of a {@link stackedSharesChart}: counts per part, in the chart's part order. */
export interface StackedRow {
  readonly label: string;
  readonly counts: readonly number[];
}

const WIDTH = 760;
const LEFT = 170;
const RIGHT = 80;
const ROW = 30;
const TOP = 10;
const BOTTOM = 70;

/** Draws the rows; `parts` names the segments (and their CSS class suffixes) in order. */
export function stackedSharesChart(chart: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly parts: ReadonlyArray<{ readonly name: string; readonly className: string }>;
  readonly rows: readonly StackedRow[];
  readonly axisLabel: string;
}): SafeHtml {
  const plotBottom = TOP + chart.rows.length * ROW;
  const x = linearScale([0, 1], [LEFT, WIDTH - RIGHT]);
  const out: SafeHtml[] = [
    bottomAxis({
      ticks: [0, 0.25, 0.5, 0.75, 1],
      x,
      y0: TOP,
      y1: plotBottom,
      label: chart.axisLabel,
      format: (v) => formatPercent(v, 0),
    }),
  ];
  chart.rows.forEach((row, i) => {
    const mid = TOP + i * ROW + ROW / 2;
    const total = row.counts.reduce((s, c) => s + c, 0);
    out.push(
      html`<text class="cx-label" x="${LEFT - 8}" y="${coord(mid + 4)}" text-anchor="end">${row.label}</text>`,
      html`<text class="cx-note" x="${WIDTH - RIGHT + 8}" y="${coord(mid + 4)}">n = ${formatCount(total)}</text>`,
    );
    if (total === 0) return;
    let start = 0;
    row.counts.forEach((count, k) => {
      const share = count / total;
      const part = chart.parts[k];
      if (share === 0 || part === undefined) return;
      const x0 = x(start);
      const w = x(start + share) - x0;
      out.push(
        html`<rect class="cx-seg-${part.className}" x="${coord(x0)}" y="${coord(mid - 10)}" width="${coord(w)}" height="20"><title>${row.label}: ${formatPercent(share)} ${part.name} (${formatCount(count)} of ${formatCount(total)})</title></rect>`,
      );
      if (w >= 40)
        out.push(
          html`<text class="cx-seg-text cx-seg-text-${part.className}" x="${coord(x0 + w / 2)}" y="${coord(mid + 4)}" text-anchor="middle">${formatPercent(share, 0)}</text>`,
        );
      start += share;
    });
  });
  let legendX = LEFT;
  for (const part of chart.parts) {
    out.push(
      html`<rect class="cx-seg-${part.className}" x="${legendX}" y="${plotBottom + 44}" width="12" height="12"/><text class="cx-legend" x="${legendX + 16}" y="${plotBottom + 54}">${part.name}</text>`,
    );
    legendX += 24 + part.name.length * 7;
  }
  return svgChart({
    id: chart.id,
    width: WIDTH,
    height: plotBottom + BOTTOM,
    title: chart.title,
    description: chart.description,
    body: out,
  });
}
