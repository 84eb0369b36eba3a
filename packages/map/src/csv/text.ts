import { CxValidationError } from '@cx/model';
import { limitError } from '../errors.js';
import type { LocatedIssue } from '../issues.js';

/** Writes rows as RFC 4180 CSV (CRLF line ends; fields quoted when they hold `,` `"` CR or LF, or edge spaces). @internal */
export function writeCsv(rows: ReadonlyArray<readonly string[]>): string {
  const field = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => `${r.map(field).join(',')}\r\n`).join('');
}

/** A parsed CSV record with the 1-based line it starts on. @internal */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Reads RFC 4180 CSV in one pass (LF, CRLF or a lone CR end a record outside quotes; quoted fields keep them);
 * errors name line and column. Text longer than `maxLength` is a {@link @cx/model!CxLimitError}.
 *
 * @internal
 */
export function readCsv(text: string, subject: string, maxLength: number): CsvRecord[] {
  if (text.length > maxLength)
    throw limitError({
      limit: 'maxLength',
      max: maxLength,
      actual: text.length,
      subject,
      what: `a text of ${text.length} characters`,
    });
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const fail = (message: string): never => {
    const column = i - lineStart + 1;
    const issue: LocatedIssue = {
      path: [],
      line,
      column,
      code: 'invalid_csv',
      message: `${message} at line ${line}, column ${column}`,
    };
    throw new CxValidationError([issue], { subject });
  };
  const newline = (at: number) => {
    line++;
    lineStart = at;
  };
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        i++;
        let value = '';
        let run = i;
        for (;;) {
          if (i >= text.length) fail('Unterminated quoted field');
          const c = text.charCodeAt(i);
          if (c === 34) {
            value += text.slice(run, i);
            if (text.charCodeAt(i + 1) === 34) {
              value += '"';
              i += 2;
              run = i;
              continue;
            }
            i++;
            break;
          }
          i++;
          if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) newline(i);
        }
        fields.push(value);
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
          fail('Expected "," or a line end after a closing quote');
      } else {
        const from = i;
        while (i < text.length) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) fail('Unexpected quote inside an unquoted field');
          i++;
        }
        fields.push(text.slice(from, i));
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      newline(i);
      break;
    }
    records.push({ line: start, fields });
  }
  return records;
}
