// Each value that earlier readers changed silently (issue 14, "What was found") now gives a typed error with its line
// and column, or the documented right value.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { type MappingSpec, readAll, readColumns, readRecords, readRows } from '../src/index.js';

const subscriptions: MappingSpec<'subscription'> = {
  kind: 'subscription',
  fields: {
    id: { generate: ['customerId', 'startedAt'] },
    customerId: 'customerId',
    startedAt: 'startedAt',
    amount: 'amount',
    currency: 'currency',
    status: { value: 'active' },
  },
};

describe('no silent change', () => {
  it('an unquoted "1,234.50" is a field-count error at its line, not amount 1', async () => {
    const text =
      'customerId,startedAt,amount,currency\nc1,2024-01-01T00:00:00Z,1,234.50,EUR\nc2,2024-01-01T00:00:00Z,10,EUR\n';
    const { records, summary } = await readAll({ text }, { format: 'csv', mapping: subscriptions });
    expect(records.map((s) => s.amount)).toEqual([10]);
    expect(summary.deadLetters[0]).toMatchObject({ line: 2, code: 'field_count' });
    expect(summary.deadLetters[0]?.reason).toMatch(
      /Expected 4 fields as in the header, got 5 \(an unquoted delimiter inside a value/,
    );
  });

  it('a header naming a column twice is refused, not read from one of the two silently', async () => {
    const text = 'customerId,startedAt,amount,currency,amount\nc1,2024-01-01T00:00:00Z,10,EUR,12\n';
    for (const read of [
      () => readAll({ text }, { format: 'csv', mapping: subscriptions }),
      async () => {
        for await (const _ of readRows({ text }, { format: 'csv' })) void _;
      },
    ]) {
      const error = await read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues).toEqual([
        expect.objectContaining({
          path: ['header', 4],
          code: 'invalid_csv',
          message: expect.stringMatching(/Column 5 of the header repeats the name "amount" of column 3/),
        }),
      ]);
    }
    // empty names (trailing delimiters of spreadsheet exports) may repeat: no cell can be read by them
    const { records } = await readAll(
      { text: 'customerId,startedAt,amount,currency,,\nc1,2024-01-01T00:00:00Z,10,EUR,,\n' },
      { format: 'csv', mapping: subscriptions },
    );
    expect(records).toHaveLength(1);
  });

  it('a row missing its last column is rejected, not completed', async () => {
    const text = 'customerId,startedAt,amount,currency\nc1,2024-01-01T00:00:00Z,10\n';
    const { summary } = await readAll({ text }, { format: 'csv', mapping: subscriptions });
    expect(summary).toMatchObject({ rowsIn: 1, rowsOut: 0, rejected: 1, byCode: { field_count: 1 } });
  });

  it('"0x1A" is not 26', async () => {
    const text = 'customerId,startedAt,amount,currency\nc1,2024-01-01T00:00:00Z,0x1A,EUR\n';
    const { summary } = await readAll({ text }, { format: 'csv', mapping: subscriptions });
    expect(summary.deadLetters[0]).toMatchObject({
      line: 2,
      column: 25,
      field: 'amount',
      raw: '0x1A',
      code: 'invalid_number',
    });
  });

  it('interactions without customer or anonymous id are dead letters, not one customer; ids are generated from the cells', async () => {
    // Three visitors with no actor id were one customer (cohort size 1) in the old reader.
    const text =
      'visitor,at,event\n,2024-01-01T10:00:00Z,view\n,2024-01-02T10:00:00Z,view\n,2024-01-03T10:00:00Z,view\nv1,2024-01-03T10:00:00Z,view\n';
    const mapping: MappingSpec = {
      kind: 'interaction',
      fields: {
        id: { generate: ['visitor', 'at'] },
        anonymousId: 'visitor',
        timestamp: 'at',
        name: 'event',
        channel: { value: 'web' },
      },
    };
    const { records, summary } = await readAll({ text }, { format: 'csv', mapping });
    expect(summary).toMatchObject({ rowsIn: 4, rowsOut: 1, rejected: 3 });
    expect(summary.deadLetters.map((d) => [d.line, d.code])).toEqual([
      [2, 'schema_custom'],
      [3, 'schema_custom'],
      [4, 'schema_custom'],
    ]);
    // The generated id: 64-bit FNV-1a of "v1", U+001F, "2024-01-03T10:00:00Z" (the documented rule), the same in any file.
    expect(records[0]?.id).toMatch(/^h[0-9a-f]{16}$/);
    const again = await readAll(
      { text: 'at,visitor,event\n2024-01-03T10:00:00Z,v1,click\n' },
      { format: 'csv', mapping },
    );
    expect(again.records[0]?.id).toBe(records[0]?.id);
    const columns = readColumns({ text }, { format: 'csv', mapping, fields: ['anonymousId', 'timestamp'] });
    for await (const _ of columns);
    expect(columns.summary.deadLetters.map((d) => [d.line, d.code])).toEqual([
      [2, 'schema_custom'],
      [3, 'schema_custom'],
      [4, 'schema_custom'],
    ]);
    expect(columns.dictionary('anonymousId')).toEqual(['v1']);
  });

  it('a quoted line break in an ignored column does not shift later line numbers', async () => {
    const text =
      'customerId,note,startedAt,amount,currency\nc1,"two\nlines",2024-01-01T00:00:00Z,1,EUR\nc2,,2024-13-01T00:00:00Z,1,EUR\n';
    const { summary } = await readAll({ text }, { format: 'csv', mapping: subscriptions });
    expect(summary.deadLetters[0]).toMatchObject({
      line: 4,
      column: 5,
      field: 'startedAt',
      code: 'invalid_instant',
    });
  });

  it('150 bad rows are 150 dead letters, counted by reason', async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `c${i},2024-01-01T00:00:00Z,${i < 150 ? 'x' : '1'},EUR`,
    );
    const text = `customerId,startedAt,amount,currency\n${rows.join('\n')}\n`;
    const seen: number[] = [];
    const { summary } = await readAll(
      { text },
      { format: 'csv', mapping: subscriptions, onDeadLetter: (d) => seen.push(d.line) },
    );
    expect(summary).toMatchObject({
      rowsIn: 200,
      rowsOut: 50,
      rejected: 150,
      byCode: { invalid_number: 150 },
    });
    expect(summary.deadLetters).toHaveLength(150);
    expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => i + 2));
  });

  it('fails the read above the rejected threshold, after counting everything', async () => {
    const text =
      'customerId,startedAt,amount,currency\nc1,2024-01-01T00:00:00Z,x,EUR\nc2,2024-01-01T00:00:00Z,1,EUR\n';
    const error = await readAll(
      { text },
      { format: 'csv', mapping: subscriptions, maxRejected: { share: 0.25 } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).message).toMatch(
      /1 of 2 rows of text were rejected \(50.00%\), above maxRejected/,
    );
    await expect(
      readAll({ text }, { format: 'csv', mapping: subscriptions, maxRejected: { count: 1 } }),
    ).resolves.toBeDefined();
  });

  it('local times without a time zone are rejected, not read as UTC', async () => {
    const text = 'customerId,startedAt,amount,currency\nc1,2024-01-31 23:30,1,EUR\n';
    const { summary } = await readAll({ text }, { format: 'csv', mapping: subscriptions });
    expect(summary.deadLetters[0]).toMatchObject({ code: 'invalid_instant', field: 'startedAt' });
    expect(summary.deadLetters[0]?.reason).toMatch(/needs the timeZone option/);
  });

  it('a value outside the value map is an error naming the map, not passed through', async () => {
    const text = 'id,who,at,total,status\no1,c1,2024-01-01T00:00:00Z,1 EUR,done\n';
    const { summary } = await readAll(
      { text },
      {
        format: 'csv',
        mapping: {
          kind: 'order',
          fields: {
            id: 'id',
            customerId: 'who',
            orderedAt: 'at',
            amount: 'total',
            status: { column: 'status', values: { completed: 'paid' } },
          },
        },
      },
    );
    expect(summary.deadLetters[0]).toMatchObject({ code: 'unmapped_value', raw: 'done' });
    expect(summary.deadLetters[0]?.reason).toMatch(/Expected one of "completed"/);
  });

  it('amounts in one currency and a record in another disagree loudly', async () => {
    const text =
      'id,who,at,total,cur\no1,c1,2024-01-01T00:00:00Z,12 zł,EUR\no2,c1,2024-01-01T00:00:00Z,$5,\n';
    const { summary } = await readAll(
      { text },
      {
        format: 'csv',
        mapping: {
          kind: 'order',
          fields: {
            id: 'id',
            customerId: 'who',
            orderedAt: 'at',
            amount: 'total',
            currency: 'cur',
            status: { value: 'paid' },
          },
        },
      },
    );
    expect(summary.deadLetters.map((d) => d.code)).toEqual(['currency_mismatch', 'ambiguous_currency']);
  });

  it('reads BOM, CRLF and tab-delimited files', async () => {
    const text =
      '\uFEFFcustomerId\tstartedAt\tamount\tcurrency\r\nc1\t2024-01-01T00:00:00Z\t1 234,50\tPLN\r\n';
    const { records } = await readAll({ text }, { format: 'csv', delimiter: '\t', mapping: subscriptions });
    expect(records[0]).toMatchObject({ customerId: 'c1', amount: 1234.5, currency: 'PLN' });
  });

  it('sniffs the delimiter when asked, and refuses when unsure', async () => {
    const rows = readRows({ text: 'a;b\n1;2\n' }, { format: 'csv', delimiter: 'auto' });
    for await (const row of rows) expect(row.values).toEqual({ a: '1', b: '2' });
    await expect(
      readAll({ text: 'a\n1\n' }, { format: 'csv', delimiter: 'auto', mapping: subscriptions }),
    ).rejects.toThrow(/No delimiter/);
  });

  it('reads a 50 MB single line', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const text = `id,comment\nr1,${big}\nr2,short\n`;
    const rows = readRows(new TextEncoder().encode(text), { format: 'csv', chunkBytes: 1 << 20 });
    const lengths: number[] = [];
    for await (const row of rows) lengths.push(String(row.values.comment).length);
    expect(lengths).toEqual([big.length, 5]);
  });

  it('stray quotes end their record, not the file; ragged rows are dead letters', async () => {
    const text = 'a,b\n1,x"y\n2,"open\n3,z\n4\n5,w,extra\n6,"ok"\n';
    const rows = readRows({ text }, { format: 'csv' });
    const got: string[] = [];
    for await (const row of rows) got.push(String(row.values.a));
    expect(got).toEqual(['3', '6']);
    expect(rows.summary.deadLetters.map((d) => [d.line, d.code])).toEqual([
      [2, 'stray_quote'],
      [3, 'stray_quote'], // the quote opened on line 3 closes at line 7's opening quote, followed by text
      [5, 'field_count'],
      [6, 'field_count'],
    ]);
    const open = readRows({ text: 'a,b\n1,"never closed\n2,x\n' }, { format: 'csv' });
    const kept: unknown[] = [];
    for await (const row of open) kept.push(row.values);
    expect(kept).toEqual([{ a: '2', b: 'x' }]);
    expect(open.summary.deadLetters).toMatchObject([{ line: 2, column: 3, code: 'unclosed_quote' }]);
  });

  it('stops on an abort signal and closes the file when the loop exits early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-ingest-'));
    const path = join(dir, 'rows.csv');
    writeFileSync(path, `a\n${Array.from({ length: 100_000 }, (_, i) => i).join('\n')}\n`);
    let n = 0;
    for await (const _ of readRows({ path }, { chunkBytes: 4096 })) if (++n === 10) break;
    expect(n).toBe(10);
    const controller = new AbortController();
    const rows = readRows({ path }, { chunkBytes: 4096, signal: controller.signal });
    const error = await (async () => {
      for await (const _ of rows) controller.abort(new Error('stop'));
    })().catch((e: unknown) => e);
    expect(String(error)).toMatch(/stop|abort/i);
    // The file can be opened and closed again: no descriptor was left open by the reads above.
    await (await open(path, 'r')).close();
  });

  it('rejects bad options with a typed error naming the closest option', () => {
    expect(() => readRows({ text: '' }, { format: 'csv', delimeter: ';' } as never)).toThrow(
      /did you mean "delimiter"/,
    );
    expect(() => readRows({ text: '' }, null as never)).toThrow(CxOptionsError);
    expect(() => readRows('orders.csv' as never)).toThrow(/Expected \{ path \}/);
    expect(() =>
      readRecords({ text: '' }, {
        format: 'csv',
        mapping: { kind: 'order', fields: { id: 'a', custmerId: 'b' } },
      } as never),
    ).toThrow(/did you mean "customerId"/);
    expect(() =>
      readColumns({ text: '' }, { format: 'csv', mapping: subscriptions, fields: ['id'] }),
    ).toThrow(/generated id/);
    expect(() => readRows({ text: '' }, { format: 'csv', chunkBytes: 10 })).toThrow(CxOptionsError);
  });
});

describe('a money cell’s currency belongs to that cell only', () => {
  it('an empty cell read as the default does not take the previous row’s currency sign', async () => {
    // Row 2's amount is in złoty, row 3's is empty (the default 0) in a EUR row: before the fix the złoty sign of
    // row 2 was still on the reader and row 3 became a currency_mismatch dead letter.
    const text =
      'id,customer,at,total,cur\no1,c1,2024-06-01T10:00:00Z,12 zł,PLN\no2,c2,2024-06-01T11:00:00Z,,EUR\n';
    const spec: MappingSpec<'order'> = {
      kind: 'order',
      fields: {
        id: 'id',
        customerId: 'customer',
        orderedAt: 'at',
        amount: { column: 'total', default: 0 },
        currency: 'cur',
        status: { value: 'paid' },
      },
    };
    for (const format of ['csv', 'ndjson'] as const) {
      const input =
        format === 'csv'
          ? { text }
          : {
              text: '{"id":"o1","customer":"c1","at":"2024-06-01T10:00:00Z","total":"12 zł","cur":"PLN"}\n{"id":"o2","customer":"c2","at":"2024-06-01T11:00:00Z","total":null,"cur":"EUR"}\n',
            };
      const { records, summary } = await readAll(input, { format, mapping: spec });
      expect(summary.rejected).toBe(0);
      expect(records.map((r) => [r.amount, r.currency])).toEqual([
        [12, 'PLN'],
        [0, 'EUR'],
      ]);
    }
  });
});

describe('maxRecordBytes bounds every record, wherever the chunks cut the input', () => {
  // Line 3 holds a 3,000-byte record (a quoted field with a line break, so it ends on line 4); the limit is 2,048.
  // Before, only a record cut by a chunk's end was measured: with 64 KiB chunks the whole record sat in the first
  // chunk and was read, with 1 KiB chunks it was refused.
  const long = `"${'y'.repeat(1500)}\n${'z'.repeat(1490)}"`;
  const csv = new TextEncoder().encode(
    `visitor,at,event,note\nv1,2024-01-01T10:00:00Z,view,short\nv2,2024-01-02T10:00:00Z,view,${long}\nv3,2024-01-03T10:00:00Z,view,short\n`,
  );
  const ndjson = new TextEncoder().encode(
    `{"id":"r1"}\n{"id":"r2","comment":"${'y'.repeat(3000)}"}\n{"id":"r3"}\n`,
  );
  const mapping: MappingSpec = {
    kind: 'interaction',
    fields: {
      id: { generate: 'line' },
      anonymousId: 'visitor',
      timestamp: 'at',
      name: 'event',
      channel: { value: 'web' },
    },
  };
  const chunkSizes = [1024, 4096, 1 << 16, 1 << 20];
  const errorOf = async (rows: AsyncIterable<unknown>): Promise<unknown> => {
    try {
      for await (const _ of rows) {
        // reading on
      }
    } catch (error) {
      return error;
    }
    return undefined;
  };
  it.each(chunkSizes)(
    'CSV rows, records and columns refuse it at line 3 (chunkBytes %i)',
    async (chunkBytes) => {
      const o = { format: 'csv', chunkBytes, maxRecordBytes: 2048 } as const;
      const errors = [
        await errorOf(readRows(csv, o)),
        await errorOf(readRecords(csv, { ...o, mapping })),
        await errorOf(readColumns(csv, { ...o, mapping, fields: ['anonymousId', 'timestamp'] })),
      ];
      for (const error of errors)
        expect(error).toMatchObject({
          code: 'too_long',
          limit: 2048,
          path: [3],
          line: 3,
          source: expect.any(String),
        });
    },
  );
  it.each(chunkSizes)('NDJSON lines: refused at line 2 (chunkBytes %i)', async (chunkBytes) => {
    const error = await errorOf(readRows(ndjson, { format: 'ndjson', chunkBytes, maxRecordBytes: 2048 }));
    expect(error).toMatchObject({
      code: 'too_long',
      limit: 2048,
      path: [2],
      line: 2,
      source: expect.any(String),
    });
  });
  it('a record at the limit is read', async () => {
    const exact = `r2,${'x'.repeat(2048 - 3)}`;
    const rows = readRows(new TextEncoder().encode(`id,comment\n${exact}\n`), {
      format: 'csv',
      chunkBytes: 1 << 16,
      maxRecordBytes: 2048,
    });
    let count = 0;
    for await (const _ of rows) count++;
    expect(count).toBe(1);
  });
});
