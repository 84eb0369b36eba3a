// Axes drawn the same way in every chart: grid lines, tick labels and an axis title.
import { html, type SafeHtml } from '../html/html.js';
import { coord } from './scale.js';

/** A vertical value axis on the left of a plot area, with horizontal grid lines. */
export function leftAxis(options: {
  readonly ticks: readonly number[];
  readonly y: (value: number) => number;
  readonly x0: number;
  readonly x1: number;
  readonly label: string;
  readonly format: (value: number) => string;
}): SafeHtml {
  const { ticks, y, x0, x1, label, format } = options;
  const top = Math.min(...ticks.map(y));
  const bottom = Math.max(...ticks.map(y));
  return html`<g class="cx-axis">
${ticks.map(
  (t) =>
    html`<line class="cx-grid${t === 0 ? ' cx-zero' : ''}" x1="${x0}" x2="${x1}" y1="${coord(y(t))}" y2="${coord(y(t))}"/><text class="cx-tick" x="${x0 - 6}" y="${coord(y(t) + 4)}" text-anchor="end">${format(t)}</text>\n`,
)}<text class="cx-axis-title" transform="translate(14 ${coord((top + bottom) / 2)}) rotate(-90)" text-anchor="middle">${label}</text>
</g>`;
}

/** A horizontal value axis below a plot area, with vertical grid lines. */
export function bottomAxis(options: {
  readonly ticks: readonly number[];
  readonly x: (value: number) => number;
  readonly y0: number;
  readonly y1: number;
  readonly label: string;
  readonly format: (value: number) => string;
}): SafeHtml {
  const { ticks, x, y0, y1, label, format } = options;
  const left = Math.min(...ticks.map(x));
  const right = Math.max(...ticks.map(x));
  return html`<g class="cx-axis">
${ticks.map(
  (t) =>
    html`<line class="cx-grid" x1="${coord(x(t))}" x2="${coord(x(t))}" y1="${y0}" y2="${y1}"/><text class="cx-tick" x="${coord(x(t))}" y="${y1 + 16}" text-anchor="middle">${format(t)}</text>\n`,
)}<text class="cx-axis-title" x="${coord((left + right) / 2)}" y="${y1 + 34}" text-anchor="middle">${label}</text>
</g>`;
}
