// The CSV behind each chart's download link: RFC 4180 quoting, a guard against spreadsheet formulas, and a data: URL.

/** A cell of a data table: text, a number, or nothing. */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return) gets a leading apostrophe, as OWASP's CSV-injection advice says; numbers are written as they are
 * (shortest round-trip form), so a negative number stays a number.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text (CRLF line ends, header first) of a table. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A `data:` URL of CSV text (UTF-8 with a byte-order mark, so spreadsheets read accents right). */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}
