// Files are read in chunks into buffers used in turn (the next chunk read ahead): a file read in many small chunks must give what the same
// bytes give in memory (records, columns, dead letters), with records cut by every chunk boundary, quoted line
// breaks, repeated cells (the records path's text cache) and bad rows among them.
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type IngestInput, readColumns, readRecords } from '../src/index.js';
import { ordersMapping } from './orders-mapping.js';

const mapping = ordersMapping;

/** About 150 kB: 3,000 rows; every 97th has a bad amount, every 89th an unknown status, every 13th a quoted note. */
function file(): string {
  const rows = ['id,customer,at,total,status,note'];
  for (let i = 0; i < 3000; i++) {
    const customer = `customer-${i % 37}@example.com`;
    const total = i % 97 === 0 ? '1,234' : `${(i % 500) + 0.5}`;
    const status = i % 89 === 0 ? 'lost' : i % 5 === 0 ? 'refunded' : 'completed';
    const note = i % 13 === 0 ? `"line one\nline ""two"""` : `n${i % 7}`;
    rows.push(
      `o${i},${customer},2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00,${total},${status},${note}`,
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

async function records(input: IngestInput) {
  const read = readRecords(input, { format: 'csv', name: 'orders.csv', mapping, chunkBytes: 1024 });
  const values: unknown[] = [];
  for await (const { value, line } of read) values.push([line, value]);
  return { values, deadLetters: read.summary.deadLetters, summary: read.summary };
}

async function columns(input: IngestInput) {
  const read = readColumns(input, {
    format: 'csv',
    name: 'orders.csv',
    mapping,
    fields: ['id', 'customerId', 'orderedAt', 'amount', 'status'],
    chunkBytes: 1024,
  });
  const values: unknown[] = [];
  for await (const batch of read)
    for (let i = 0; i < batch.length; i++)
      values.push([
        batch.line[i],
        read.dictionary('id')[batch.columns.id?.[i] as number],
        read.dictionary('customerId')[batch.columns.customerId?.[i] as number],
        batch.columns.orderedAt?.[i],
        batch.columns.amount?.[i],
        read.dictionary('status')[batch.columns.status?.[i] as number],
      ]);
  return { values, deadLetters: read.summary.deadLetters };
}

describe('a file read in many chunks', () => {
  const text = file();
  const path = join(mkdtempSync(join(tmpdir(), 'cx-ingest-chunks-')), 'orders.csv');
  writeFileSync(path, text);

  it('gives the records and dead letters of the same bytes in memory', async () => {
    const fromFile = await records({ path });
    const fromText = await records({ text });
    expect(fromFile).toEqual(fromText);
    // 3,000 rows: 31 bad amounts (i % 97 = 0) and 34 unknown statuses (i % 89 = 0), i = 0 counted once.
    expect(fromFile.summary.rowsIn).toBe(3000);
    expect(fromFile.summary.rejected).toBe(31 + 34 - 1);
    // Row i = 0 (rejected) is on lines 2-3 (its note holds a line break), so row i = 1 is on line 4; 10:00 in Warsaw
    // in March (CET, UTC+1) is 09:00Z; items and properties are the model's defaults.
    expect(fromFile.values[0]).toEqual([
      4,
      {
        id: 'o1',
        customerId: 'customer-1@example.com',
        orderedAt: '2024-03-02T09:00:00.000Z',
        amount: 1.5,
        currency: 'PLN',
        status: 'paid',
        items: [],
        properties: {},
      },
    ]);
  });

  it('gives the columns and dead letters of the same bytes in memory', async () => {
    const fromFile = await columns({ path });
    expect(fromFile).toEqual(await columns({ text }));
    expect(fromFile.values.length).toBe(3000 - (31 + 34 - 1));
  });

  it('reads an fs.ReadStream as the stream it is, from its start, not as the file its path names', async () => {
    // A ReadStream has a `path` property: reading it as { path } would start at byte 0 and silently add the rows
    // before `start`. From the start of the line of row i = 1500 the stream holds the header-less rest of the file;
    // read with the header prepended, it must equal the same bytes given as text.
    const start = text.indexOf('\r\no1500,') + 2;
    const header = 'id,customer,at,total,status,note\r\n';
    async function* withHeader(): AsyncGenerator<Uint8Array | string> {
      yield header;
      yield* createReadStream(path, { start, highWaterMark: 777 });
    }
    const fromStream = await records(withHeader());
    expect(fromStream).toEqual(await records({ text: header + text.slice(start) }));
    expect(fromStream.summary.rowsIn).toBe(1500);
    // A bare ReadStream of the first 2,000 bytes (`end` is inclusive) gives what those bytes give, not the 3,000 rows
    // of the file its `path` names.
    const bare = await records(createReadStream(path, { end: 1999 }));
    expect(bare).toEqual(await records({ text: text.slice(0, 2000) }));
    expect(bare.summary.rowsIn).toBeLessThan(100);
  });
});
