// One table of data drives three things: the visible HTML table beside a chart, the CSV download, and the row
// count the chart's text alternative mentions. A column says how its cells are shown; the CSV keeps full precision.

import { formatCount, formatNumber } from './format.js';
import { type Cell, csvDataUrl, toCsv } from './html/csv.js';
import { html, type SafeHtml } from './html/html.js';

/** How a column's numbers are shown (the CSV writes the number itself). */
export type ColumnFormat = 'text' | 'count' | { readonly digits: number };

/** A column of a data table. */
export interface DataColumn {
  /** Header, with its unit: `CSAT (%)`, `NPS (points)`. */
  readonly label: string;
  readonly format: ColumnFormat;
}

/** A table of data: columns and rows of cells. */
export interface DataTable {
  /** Names the CSV file: `nps-trend` → `nps-trend.csv`. */
  readonly name: string;
  readonly caption: string;
  readonly columns: readonly DataColumn[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

function shown(cell: Cell, format: ColumnFormat): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  if (format === 'count') return formatCount(cell);
  if (format === 'text') return String(cell);
  return formatNumber(cell, format.digits);
}

/** The table as HTML, numbers right-aligned. */
export function tableHtml(table: DataTable): SafeHtml {
  const numeric = table.columns.map((c) => c.format !== 'text');
  return html`<table class="cx-data">
<caption>${table.caption}</caption>
<thead><tr>${table.columns.map((c, j) => html`<th scope="col"${numeric[j] ? html` class="num"` : ''}>${c.label}</th>`)}</tr></thead>
<tbody>
${table.rows.map(
  (row) =>
    html`<tr>${row.map((cell, j) => {
      const column = table.columns[j] as DataColumn;
      return j === 0
        ? html`<th scope="row">${shown(cell, column.format)}</th>`
        : html`<td${numeric[j] ? html` class="num"` : ''}>${shown(cell, column.format)}</td>`;
    })}</tr>\n`,
)}</tbody>
</table>`;
}

/** The table as CSV text. */
export function tableCsv(table: DataTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows,
  );
}

/** A link that downloads the table as a CSV file, from a `data:` URL (no script, no network). */
export function csvLink(table: DataTable): SafeHtml {
  return html`<a class="cx-csv" download="${table.name}.csv" href="${csvDataUrl(tableCsv(table))}">Download the data (CSV, ${formatCount(table.rows.length)} rows)</a>`;
}
