// A funnel: one horizontal bar per step on a count axis, with the share of the first step and of the previous one.
import { formatCount, formatPercent } from '../format.js';
import { html, type SafeHtml } from '../html/html.js';
import { bottomAxis } from './axis.js';
import { coord, linearScale, niceDomain } from './scale.js';
import { svgChart } from './svg.js';

/** A step of a {@link funnelChart}. */
export interface FunnelBar {
  readonly label: string;
  readonly count: number;
  readonly fromStart: number | null;
  readonly fromPrevious: number | null;
}

const WIDTH = 820;
const LEFT = 170;
const RIGHT = 290;
const ROW = 36;
const TOP = 10;
const BOTTOM = 48;

/** Draws the funnel. */
export function funnelChart(chart: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly steps: readonly FunnelBar[];
  readonly axisLabel: string;
}): SafeHtml {
  const plotBottom = TOP + chart.steps.length * ROW;
  const { domain, ticks } = niceDomain(0, Math.max(1, ...chart.steps.map((s) => s.count)), 4, true);
  const x = linearScale(domain, [LEFT, WIDTH - RIGHT]);
  const parts: SafeHtml[] = [
    bottomAxis({ ticks, x, y0: TOP, y1: plotBottom, label: chart.axisLabel, format: formatCount }),
  ];
  chart.steps.forEach((step, i) => {
    const mid = TOP + i * ROW + ROW / 2;
    const note =
      i === 0
        ? formatCount(step.count)
        : `${formatCount(step.count)} · ${formatPercent(step.fromStart)} of first · ${formatPercent(step.fromPrevious)} of previous`;
    parts.push(
      html`<text class="cx-label" x="${LEFT - 8}" y="${coord(mid + 4)}" text-anchor="end">${step.label}</text>`,
      html`<rect class="cx-bar" x="${LEFT}" y="${coord(mid - 11)}" width="${coord(Math.max(1, x(step.count) - LEFT))}" height="22"><title>${step.label}: ${note}</title></rect>`,
      html`<text class="cx-note" x="${WIDTH - RIGHT + 10}" y="${coord(mid + 4)}">${note}</text>`,
    );
  });
  return svgChart({
    id: chart.id,
    width: WIDTH,
    height: plotBottom + BOTTOM,
    title: chart.title,
    description: chart.description,
    body: parts,
  });
}
