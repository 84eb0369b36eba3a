import { esc, pct, r, svgDocument } from './svg.js';

/** Options of {@link retentionHeatmap}. */
export interface HeatmapOptions {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<{
    readonly label: string;
    readonly size: number;
    readonly rates: ReadonlyArray<number | null>;
    readonly incomplete: readonly boolean[];
  }>;
}

/** A cohort retention heatmap: one row per cohort, one cell per period; incomplete periods hatched. */
export function retentionHeatmap({ id, title, columns, rows }: HeatmapOptions): string {
  const cell = 52;
  const rowHeight = 24;
  const left = 190;
  const top = 30;
  const width = left + columns.length * cell + 10;
  const height = top + rows.length * rowHeight + 34;
  const parts: string[] = [
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#9ca3af" stroke-width="2"/></pattern></defs>',
  ];
  columns.forEach((c, j) => {
    parts.push(
      `<text x="${left + j * cell + cell / 2}" y="${top - 10}" text-anchor="middle" fill="#4b5563">${esc(c)}</text>`,
    );
  });
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${left - 8}" y="${y + 16}" text-anchor="end" fill="#111827">${esc(row.label)} (${row.size})</text>`,
    );
    row.rates.forEach((rate, j) => {
      const x = left + j * cell;
      if (rate === null) return;
      const lightness = Math.round(96 - Math.min(1, rate) * 60);
      const fill = row.incomplete[j] ? 'url(#hatch)' : `hsl(217, 80%, ${lightness}%)`;
      const text = lightness < 60 && !row.incomplete[j] ? '#ffffff' : '#111827';
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell - 2}" height="${rowHeight - 2}" fill="${fill}"><title>${esc(`${row.label}, ${columns[j]}: ${pct(rate)}${row.incomplete[j] ? ' (incomplete period)' : ''}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${r(x + cell / 2 - 1)}" y="${y + 15}" text-anchor="middle" fill="${text}" font-size="10">${pct(rate)}</text>`,
      );
    });
  });
  parts.push(
    `<text x="${left}" y="${height - 10}" fill="#4b5563" font-size="11">Hatched: incomplete period, left out of the average.</text>`,
  );
  return svgDocument(
    id,
    width,
    height,
    title,
    `${title}: ${rows.length} cohorts by ${columns.length} periods`,
    parts.join('\n'),
  );
}
