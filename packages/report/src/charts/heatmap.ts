// A cohort heatmap: one row per cohort, one cell per period since the cohort's start. A cell whose period is not
// over yet is hatched and carries no number, so a partly elapsed month never reads as customers leaving.
import { formatCount, formatPercent } from '../format.js';
import { html, type SafeHtml } from '../html/html.js';
import { coord } from './scale.js';
import { svgChart } from './svg.js';

/** A row of a {@link heatmapChart}. */
export interface HeatmapRow {
  readonly label: string;
  readonly size: number;
  /** Per column: a share 0–1, `'incomplete'` (the period is not over), or `null` (no cell, e.g. an empty cohort). */
  readonly cells: ReadonlyArray<number | 'incomplete' | null>;
  /** A summary row (the average) is set apart. */
  readonly summary: boolean;
}

const CELL = 58;
const ROW = 26;
const LEFT = 170;
const TOP = 30;

/** A fill lightness for a share: 96 % (white-ish) at 0 down to 32 % at 1. */
export function lightness(share: number): number {
  return Math.round(96 - Math.min(1, Math.max(0, share)) * 64);
}

/** Draws the heatmap. */
export function heatmapChart(chart: {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly columns: readonly string[];
  readonly rows: readonly HeatmapRow[];
}): SafeHtml {
  // Wide enough for the legend line, however few the columns.
  const width = Math.max(640, LEFT + chart.columns.length * CELL + 16);
  const height = TOP + chart.rows.length * ROW + 40;
  const parts: SafeHtml[] = [
    html`<defs><pattern id="${chart.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="cx-hatch-bg" width="6" height="6"/><line class="cx-hatch" x1="0" y1="0" x2="0" y2="6"/></pattern></defs>`,
  ];
  chart.columns.forEach((column, j) => {
    parts.push(
      html`<text class="cx-tick" x="${LEFT + j * CELL + CELL / 2}" y="${TOP - 10}" text-anchor="middle">${column}</text>`,
    );
  });
  chart.rows.forEach((row, i) => {
    const y = TOP + i * ROW + (row.summary ? 6 : 0);
    parts.push(
      html`<text class="cx-label${row.summary ? ' cx-strong' : ''}" x="${LEFT - 8}" y="${y + 17}" text-anchor="end">${row.label} (${formatCount(row.size)})</text>`,
    );
    row.cells.forEach((cell, j) => {
      if (cell === null) return;
      const x = LEFT + j * CELL;
      const where = `${row.label}, ${chart.columns[j] ?? ''}`;
      if (cell === 'incomplete') {
        parts.push(
          html`<rect class="cx-cell-incomplete" x="${x}" y="${y}" width="${CELL - 2}" height="${ROW - 2}" fill="url(#${chart.id}-hatch)"><title>${where}: period not over yet, no rate</title></rect>`,
        );
        return;
      }
      const l = lightness(cell);
      parts.push(
        html`<rect class="cx-cell" x="${x}" y="${y}" width="${CELL - 2}" height="${ROW - 2}" style="fill: hsl(212 70% ${l}%)"><title>${where}: ${formatPercent(cell)}</title></rect>`,
        html`<text class="cx-cell-text${l < 58 ? ' cx-on-dark' : ''}" x="${coord(x + CELL / 2 - 1)}" y="${y + 16}" text-anchor="middle">${formatPercent(cell)}</text>`,
      );
    });
  });
  parts.push(
    html`<rect x="${LEFT}" y="${height - 22}" width="14" height="14" fill="url(#${chart.id}-hatch)"/><text class="cx-legend" x="${LEFT + 20}" y="${height - 11}">Hatched: the period is not over yet, so no rate is shown (and it is left out of the average).</text>`,
  );
  return svgChart({
    id: chart.id,
    width,
    height,
    title: chart.title,
    description: chart.description,
    body: parts,
  });
}
