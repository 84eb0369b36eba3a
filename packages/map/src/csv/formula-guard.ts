// Spreadsheet formula injection (CWE-1236): Excel, LibreOffice and Google Sheets run a cell that starts with
// "=", "+", "-" or "@" (and some also after a tab or carriage return) as a formula when a CSV file is opened.
// Following OWASP's advice, toCsv prefixes such cells with an apostrophe, which spreadsheets show as text; a
// plain number such as -1 or +2 is left alone (it is no formula). A cell that already starts with an apostrophe
// gets one more, so that fromCsv, which removes exactly one leading apostrophe, reads every cell back unchanged.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The cell as written with the guard on. @internal */
export function guardCell(text: string): string {
  if (text.startsWith("'") || (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))) return `'${text}`;
  return text;
}

/** The cell as read with the guard on: one leading apostrophe removed. @internal */
export function unguardCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}
