// One row per group (e.g. per journey stage): a value with its confidence interval on a labelled value axis.
// Shares are drawn as bars from zero; means on a rating scale as dots (a bar from the scale's bottom would
// suggest a zero that the scale does not have). Each whisker has caps and is labelled with its two bounds.
import { html, type SafeHtml } from '../html/html.js';
import { bottomAxis } from './axis.js';
import { coord, linearScale, niceDomain } from './scale.js';
import { svgChart } from './svg.js';

/** A row of an {@link intervalRowsChart}. */
export interface IntervalRow {
  readonly label: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Shown at the right end of the row, e.g. `n = 412`. */
  readonly note: string;
  readonly tooltip: string;
}

/** What an {@link intervalRowsChart} draws. */
export interface IntervalRowsChart {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly IntervalRow[];
  /** The axis range (e.g. 0–100 % or the rating scale 1–7). */
  readonly domain: readonly [number, number];
  readonly mark: 'bar' | 'dot';
  readonly axisLabel: string;
  readonly format: (value: number) => string;
}

const WIDTH = 760;
const LEFT = 170;
const RIGHT = 110;
const ROW = 34;
const TOP = 10;
const BOTTOM = 48;

/** Draws the rows. */
export function intervalRowsChart(chart: IntervalRowsChart): SafeHtml {
  const height = TOP + chart.rows.length * ROW + BOTTOM;
  const plotBottom = TOP + chart.rows.length * ROW;
  const [d0, d1] = chart.domain;
  // A rating scale of up to ten points gets a tick at every point; other domains get nice steps.
  const ticks =
    chart.mark === 'dot' && Number.isInteger(d0) && Number.isInteger(d1) && d1 - d0 <= 10
      ? Array.from({ length: d1 - d0 + 1 }, (_, k) => d0 + k)
      : niceDomain(d0, d1, 5).ticks;
  const inDomain = ticks.filter((t) => t >= d0 - 1e-9 && t <= d1 + 1e-9);
  const x = linearScale(chart.domain, [LEFT, WIDTH - RIGHT]);
  const parts: SafeHtml[] = [
    bottomAxis({
      ticks: inDomain,
      x,
      y0: TOP,
      y1: plotBottom,
      label: chart.axisLabel,
      format: chart.format,
    }),
  ];
  chart.rows.forEach((row, i) => {
    const mid = TOP + i * ROW + ROW / 2;
    parts.push(
      html`<text class="cx-label" x="${LEFT - 8}" y="${coord(mid + 4)}" text-anchor="end">${row.label}</text>`,
    );
    if (row.value !== null) {
      parts.push(
        chart.mark === 'bar'
          ? html`<rect class="cx-bar" x="${LEFT}" y="${coord(mid - 9)}" width="${coord(Math.max(1, x(row.value) - LEFT))}" height="18"><title>${row.tooltip}</title></rect>`
          : html`<circle class="cx-point" cx="${coord(x(row.value))}" cy="${coord(mid)}" r="5"><title>${row.tooltip}</title></circle>`,
      );
    }
    if (row.lower !== null && row.upper !== null) {
      const [x0, x1] = [x(row.lower), x(row.upper)];
      parts.push(
        html`<g class="cx-whisker"><line x1="${coord(x0)}" x2="${coord(x1)}" y1="${coord(mid)}" y2="${coord(mid)}"/><line x1="${coord(x0)}" x2="${coord(x0)}" y1="${coord(mid - 6)}" y2="${coord(mid + 6)}"/><line x1="${coord(x1)}" x2="${coord(x1)}" y1="${coord(mid - 6)}" y2="${coord(mid + 6)}"/></g>`,
        html`<text class="cx-whisker-label" x="${coord((x0 + x1) / 2)}" y="${coord(mid - 11)}" text-anchor="middle">${chart.format(row.lower)}–${chart.format(row.upper)}</text>`,
      );
    }
    parts.push(
      html`<text class="cx-note" x="${WIDTH - RIGHT + 8}" y="${coord(mid + 4)}">${row.value === null ? 'no data' : `${chart.format(row.value)} · ${row.note}`}</text>`,
    );
  });
  return svgChart({
    id: chart.id,
    width: WIDTH,
    height,
    title: chart.title,
    description: chart.description,
    body: parts,
  });
}
