import { CxValidationError } from '@cx/model';
import type { LocatedIssue } from './issues.js';

/** Writes rows as RFC 4180 CSV (CRLF line ends; fields quoted when they hold `,` `"` CR or LF). @internal */
export function writeCsv(rows: ReadonlyArray<readonly string[]>): string {
  const field = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => `${r.map(field).join(',')}\r\n`).join('');
}

/** A parsed CSV record with the 1-based line it starts on. @internal */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/** Reads RFC 4180 CSV (LF or CRLF); errors name line and column. @internal */
export function readCsv(text: string, subject: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const fail = (message: string): never => {
    const issue: LocatedIssue = {
      path: [],
      line,
      column: i - lineStart + 1,
      code: 'invalid_csv',
      message: `${message} at line ${line}, column ${i - lineStart + 1}`,
    };
    throw new CxValidationError([issue], { subject });
  };
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) fail('Unterminated quoted field');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            if (c === '\n') {
              line++;
              lineStart = i + 1;
            }
            value += c;
            i++;
          }
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
          fail('Expected "," or a line end after a closing quote');
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') fail('Unexpected quote inside an unquoted field');
          value += text[i];
          i++;
        }
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      lineStart = i;
      break;
    }
    records.push({ line: start, fields });
  }
  return records;
}
