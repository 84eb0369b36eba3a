// A time series with its confidence band: one point per period, the interval as a shaded band, small samples drawn
// hollow, significant changes ringed, periods without a value left as gaps.
import { html, type SafeHtml } from '../html/html.js';
import { leftAxis } from './axis.js';
import { periodAxis } from './period-axis.js';
import { coord, linearScale, niceDomain } from './scale.js';
import { svgChart } from './svg.js';

/** One period of a {@link lineBandChart}. */
export interface BandPoint {
  readonly label: string;
  /** `null`: no value for the period (a gap in the line). */
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** What the point's tooltip says. */
  readonly tooltip: string;
  readonly hollow: boolean;
  readonly ringed: boolean;
}

/** What a {@link lineBandChart} draws. */
export interface LineBandChart {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly points: readonly BandPoint[];
  /** Values the axis must include (e.g. 0), besides the data. */
  readonly include: readonly number[];
  /** The axis may not go beyond these (e.g. −100 and 100 for NPS). */
  readonly clamp: readonly [number, number];
  readonly axisLabel: string;
  readonly format: (value: number) => string;
  readonly legend: string;
}

const WIDTH = 760;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 44;
const TOP = 16;
const BOTTOM = 64;

/** Draws the series. */
export function lineBandChart(chart: LineBandChart): SafeHtml {
  const { points } = chart;
  const values = points.flatMap((p) => [p.value, p.lower, p.upper].filter((v): v is number => v !== null));
  const lo = Math.max(chart.clamp[0], Math.min(...values, ...chart.include));
  const hi = Math.min(chart.clamp[1], Math.max(...values, ...chart.include));
  const { domain, ticks } = niceDomain(lo, hi, 5);
  const clamped: readonly [number, number] = [
    Math.max(chart.clamp[0], domain[0]),
    Math.min(chart.clamp[1], domain[1]),
  ];
  const y = linearScale(clamped, [HEIGHT - BOTTOM, TOP]);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const x = (i: number) =>
    LEFT + (points.length <= 1 ? plotWidth / 2 : (i / (points.length - 1)) * plotWidth);
  const parts: SafeHtml[] = [
    leftAxis({
      ticks: ticks.filter((t) => t >= clamped[0] && t <= clamped[1]),
      y,
      x0: LEFT,
      x1: WIDTH - RIGHT,
      label: chart.axisLabel,
      format: chart.format,
    }),
  ];
  // Runs of consecutive periods with a value: the band and the line break at gaps.
  const runs: number[][] = [];
  points.forEach((p, i) => {
    if (p.value === null) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  });
  for (const run of runs) {
    const banded = run.filter((i) => points[i]?.lower !== null && points[i]?.upper !== null);
    if (banded.length > 1) {
      const upper = banded.map((i) => `${coord(x(i))},${coord(y(points[i]?.upper as number))}`);
      const lower = banded.map((i) => `${coord(x(i))},${coord(y(points[i]?.lower as number))}`).reverse();
      parts.push(html`<polygon class="cx-band" points="${[...upper, ...lower].join(' ')}"/>`);
    }
    for (const i of banded.length > 1 ? [] : banded) {
      const p = points[i] as BandPoint;
      parts.push(
        html`<line class="cx-whisker" x1="${coord(x(i))}" x2="${coord(x(i))}" y1="${coord(y(p.lower as number))}" y2="${coord(y(p.upper as number))}"/>`,
      );
    }
    if (run.length > 1)
      parts.push(
        html`<polyline class="cx-line" points="${run.map((i) => `${coord(x(i))},${coord(y(points[i]?.value as number))}`).join(' ')}"/>`,
      );
  }
  points.forEach((p, i) => {
    if (p.value === null) return;
    parts.push(
      html`<circle class="cx-point${p.hollow ? ' cx-hollow' : ''}" cx="${coord(x(i))}" cy="${coord(y(p.value))}" r="4"><title>${p.tooltip}</title></circle>`,
    );
    if (p.ringed)
      parts.push(html`<circle class="cx-ring" cx="${coord(x(i))}" cy="${coord(y(p.value))}" r="8"/>`);
  });
  parts.push(
    periodAxis({
      labels: points.map((p) => p.label),
      x,
      y: HEIGHT - BOTTOM,
      width: plotWidth,
    }),
    html`<text class="cx-legend" x="${LEFT}" y="${HEIGHT - 8}">${chart.legend}</text>`,
  );
  return svgChart({
    id: chart.id,
    width: WIDTH,
    height: HEIGHT,
    title: chart.title,
    description: chart.description,
    body: parts,
  });
}
