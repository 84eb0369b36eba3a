// Period labels under a time series: every label when they fit, else every k-th (the first and last always).
import { html, type SafeHtml } from '../html/html.js';
import { coord } from './scale.js';

const LABEL_WIDTH = 58;

/** Labels under the plot at `x(i)`, thinned to fit `width`, with a tick mark per period. */
export function periodAxis(options: {
  readonly labels: readonly string[];
  readonly x: (i: number) => number;
  readonly y: number;
  readonly width: number;
}): SafeHtml {
  const { labels, x, y, width } = options;
  const fit = Math.max(1, Math.floor(width / LABEL_WIDTH));
  const every = Math.max(1, Math.ceil(labels.length / fit));
  return html`<g class="cx-axis">
${labels.map((label, i) => {
  const shown = i % every === 0 || i === labels.length - 1;
  const crowded = i === labels.length - 1 && i % every !== 0 && (i % every) * 2 < every;
  return html`<line class="cx-tickmark" x1="${coord(x(i))}" x2="${coord(x(i))}" y1="${y}" y2="${y + 4}"/>${
    shown && !crowded
      ? html`<text class="cx-tick" x="${coord(x(i))}" y="${y + 18}" text-anchor="middle">${label}</text>`
      : ''
  }\n`;
})}</g>`;
}
