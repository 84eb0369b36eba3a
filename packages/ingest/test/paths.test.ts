// Every path reads one table to the same values or the same errors: CSV records, CSV columns, NDJSON records and
// columns, Parquet records; over generated files that use every grammar feature (quoting, embedded line breaks, CRLF,
// BOM, delimiters, locale numbers, currency tokens, offsets, local times across DST, bad cells).
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readColumns, readRecords } from '../src/index.js';
import { ordersMapping } from './orders-mapping.js';

const mapping = ordersMapping;
const FIELDS = ['id', 'customerId', 'orderedAt', 'amount', 'status'] as const;

const cell = {
  id: fc.oneof(
    { weight: 9, arbitrary: fc.stringMatching(/^[a-z0-9#/-]{1,8}$/) },
    { weight: 1, arbitrary: fc.constant('') },
  ),
  customer: fc.constantFrom('anna@example.com', 'jan', 'Łucja "Ł"', 'a,b', 'line\nbreak', '', 'x\ty'),
  at: fc.constantFrom(
    '2024-01-31T22:30:00Z',
    '2024-01-31 23:30',
    '2024-03-02 09:13:51 +0100',
    '2024-06-01T10:00:00.250+02:00',
    '2024-03-31 02:30', // DST gap in Warsaw
    '2024-10-27 02:30', // DST overlap
    '2024-02-30T00:00:00Z',
    '2024-07-01',
    'yesterday',
    '',
  ),
  total: fc.constantFrom(
    '1234.5',
    '1 234,50 zł',
    '1,234.50',
    '1.234,50',
    '1\u00a0234,50',
    '(12.00)',
    '1,234',
    '0x1A',
    '12 €',
    'PLN 5',
    '-0.5',
    '',
    '19,99 zł',
  ),
  status: fc.constantFrom('completed', 'refunded', 'on hold', 'done', ''),
  note: fc.constantFrom('', 'ok', 'say "hi"', 'a;b,c', 'two\r\nlines'),
};
const row = fc.record(cell);
type Row = { id: string; customer: string; at: string; total: string; status: string; note: string };
const HEADER = ['id', 'customer', 'at', 'total', 'status', 'note'] as const;

/** The CSV text of rows and the line each row starts on. */
function csv(
  rows: Row[],
  delimiter: string,
  eol: string,
  bom: boolean,
  quoteAll: boolean,
): { text: string; lines: number[] } {
  const quote = (v: string): string =>
    quoteAll || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  let line = 2;
  const lines: number[] = [];
  const body = rows.map((r) => {
    lines.push(line);
    const cells = HEADER.map((h) => r[h]);
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
    return cells.map(quote).join(delimiter);
  });
  return { text: (bom ? '\uFEFF' : '') + [HEADER.join(delimiter), ...body].join(eol) + eol, lines };
}

interface Outcome {
  readonly values: unknown[][];
  readonly rejected: Array<[number, string | undefined, string]>;
}

async function viaRecords(
  input: Parameters<typeof readRecords>[0],
  format: 'csv' | 'ndjson' | 'parquet',
  delimiter: string,
  ordinal: (line: number) => number,
): Promise<Outcome> {
  const read = readRecords(input, { format, delimiter, mapping });
  const values: unknown[][] = [];
  for await (const { value } of read)
    values.push([value.id, value.customerId, Date.parse(value.orderedAt), value.amount, value.status]);
  return { values, rejected: read.summary.deadLetters.map((d) => [ordinal(d.line), d.field, d.code]) };
}

async function viaColumns(
  input: Parameters<typeof readColumns>[0],
  format: 'csv' | 'ndjson',
  delimiter: string,
  ordinal: (line: number) => number,
): Promise<Outcome> {
  const read = readColumns(input, { format, delimiter, mapping, fields: [...FIELDS] });
  const values: unknown[][] = [];
  for await (const batch of read) {
    for (let i = 0; i < batch.length; i++) {
      values.push(
        FIELDS.map((f) => {
          const v = (batch.columns[f] as Int32Array | Float64Array)[i] as number;
          return f === 'orderedAt' || f === 'amount' ? v : read.dictionary(f)[v];
        }),
      );
    }
  }
  return { values, rejected: read.summary.deadLetters.map((d) => [ordinal(d.line), d.field, d.code]) };
}

describe('one table, every path', () => {
  it('gives the same values or the same errors on every path (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        async (rows, delimiter, eol, bom, quoteAll) => {
          const { text, lines } = csv(rows, delimiter, eol, bom, quoteAll);
          const csvOrdinal = (line: number): number => lines.indexOf(line) + 1;
          const same = (line: number): number => line;
          const ndjson = rows
            .map((r) => JSON.stringify(Object.fromEntries(HEADER.map((h) => [h, r[h] === '' ? null : r[h]]))))
            .join('\n');
          const parquet = new Uint8Array(
            parquetWriteBuffer({
              columnData: HEADER.map((h) => ({
                name: h,
                data: rows.map((r) => (r[h] === '' ? null : r[h])),
                type: 'STRING' as const,
              })),
            }),
          );
          const reference = await viaRecords({ text }, 'csv', delimiter, csvOrdinal);
          expect(reference.values.length + reference.rejected.length).toBe(rows.length);
          expect(await viaColumns({ text }, 'csv', delimiter, csvOrdinal)).toEqual(reference);
          expect(await viaRecords({ text: ndjson }, 'ndjson', ',', same)).toEqual(reference);
          expect(await viaColumns({ text: ndjson }, 'ndjson', ',', same)).toEqual(reference);
          expect(await viaRecords(parquet, 'parquet', ',', same)).toEqual(reference);
        },
      ),
      { numRuns: 150 },
    );
  });
});
