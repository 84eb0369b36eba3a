// The column-at-a-time read of CSV rows (RecordBatch, CsvTokenizer.fill, FieldColumn.readBatch) against the row path
// (a call per cell), which `columnAtATime.enabled = false` restores: the same batches (values, lines), dictionaries,
// summary and dead letters in the same order, with the same row indices, over generated files with every kind of
// cell and row the batch path hands back to the row path.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../records/dead-letter.js';
import { readColumns } from './read-columns.js';
import { columnAtATime } from './record-batch.js';

const interaction = {
  kind: 'interaction',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    anonymousId: 'anon',
    timestamp: { column: 'at', timeZone: 'Europe/Warsaw' },
    name: 'event',
    channel: { column: 'ch', values: { w: 'web', e: 'email', bad: 'not a channel' } },
    touchpointId: { column: 'tp', default: 'home' },
  },
  numbers: { revenue: 'revenue' },
} as const;
const interactionFields = [
  'customerId',
  'anonymousId',
  'timestamp',
  'name',
  'channel',
  'touchpointId',
  'properties.revenue',
];

const subscription = {
  kind: 'subscription',
  fields: {
    id: 'id',
    customerId: 'who',
    status: 'status',
    startedAt: 'from',
    endedAt: 'to',
    amount: { value: 10 },
    currency: { value: 'EUR' },
  },
} as const;
const subscriptionFields = ['id', 'customerId', 'status', 'startedAt', 'endedAt'];

/** Mostly `good` values, now and then one of `odd` (so that most rows take the batch path, and some do not). */
const mostly = (good: string[], odd: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...odd) },
  );

const interactionRow = fc.record({
  who: mostly(['c1', 'c1', 'c2', 'Łucja', 'a,b', 'say "hi"'], ['', 'x\ny', 'bad id\u0001']),
  anon: fc.constantFrom('', '', 'a1'),
  at: fc.oneof(
    // Canonical cells, many on one date, and cells that look like them but are not, or are not instants.
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '2024-01-31T22:30:00.000Z',
        '2024-01-31T22:30:01.250Z',
        '2024-01-31T23:59:59.999Z',
        '2024-01-31T00:00:00Z',
        '0000-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '2024-02-01T00:00:00Z',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '2024-01-31T24:00:00.000Z',
        '2024-01-31T23:60:00Z',
        '2024-01-31T23:59:60.000Z',
        '2024-01-31T22:30:00+0100',
        '2024-01-31T22:30:00.5Z',
        '2024-01-31 22:30:00.000Z',
        '2024-01-31X22:30:00.000Z',
        '2024-01-31T22:30:00.000z',
        '2024-01-31T2a:30:00.000Z',
        '2024-01-31T22:30:00.0a0Z',
        '2024-01-31 23:30',
        '2024-03-31 02:30', // DST gap in Warsaw: a dead letter
        '2024-02-30T00:00:00Z',
        '2024-02-29T24:00:00.000Z',
        'soon',
        '',
      ),
    },
  ),
  event: mostly(['visit', 'buy', 'visit'], ['x'.repeat(300), '', 'a "b"']),
  ch: mostly(['w', 'e', 'w'], ['bad', 'other', '']),
  tp: fc.constantFrom('', 'p1', 'p 2'),
  revenue: mostly(['', '12.5', '-3'], ['1,234', 'abc']),
});
const subscriptionRow = fc.record({
  id: fc.constantFrom('s1', 's2', '', 's3'),
  who: fc.constantFrom('c1', 'c2', ''),
  status: fc.constantFrom('active', 'cancelled', 'gone', ''),
  from: fc.constantFrom('2024-01-01T00:00:00Z', '2024-03-01T00:00:00Z', 'never', ''),
  to: fc.constantFrom('2024-02-01T00:00:00Z', '2023-12-01T00:00:00Z', ''),
});

/** One row as CSV: quoted where needed (or always), and now and then a malformed or odd line before it. */
function line(cells: string[], quoteAll: boolean, odd: number, d = ','): string {
  const quote = (v: string) =>
    quoteAll || v.includes(d) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  const text = cells.map(quote).join(d);
  if (odd === 1) return `\n${text}`; // a blank line before
  if (odd === 2) return `${text}${d}extra`; // one field too many
  if (odd === 3) return cells.slice(1).map(quote).join(d); // one field too few
  if (odd === 4) return `x"y${d}${text}`; // a stray quote
  return text;
}

async function read(
  csv: string,
  mapping: typeof interaction | typeof subscription,
  fields: string[],
  chunkBytes: number,
  batched: boolean,
  capacity = 1 << 13,
  delimiter = ',',
) {
  columnAtATime.enabled = batched;
  columnAtATime.capacity = capacity;
  const letters: DeadLetter[] = [];
  const stream = readColumns(
    { text: csv },
    {
      format: 'csv',
      delimiter,
      mapping,
      fields,
      chunkBytes,
      keepDeadLetters: 1000,
      onDeadLetter: (letter) => letters.push(letter),
    },
  );
  const batches: Array<{ line: number[]; columns: Record<string, number[]> }> = [];
  for await (const batch of stream)
    batches.push({
      line: Array.from(batch.line),
      columns: Object.fromEntries(Object.entries(batch.columns).map(([k, v]) => [k, Array.from(v)])),
    });
  const dictionaries = Object.fromEntries(
    stream.fields.filter((f) => f.kind === 'dictionary').map((f) => [f.field, stream.dictionary(f.field)]),
  );
  return { batches, dictionaries, summary: stream.summary, letters };
}

afterEach(() => {
  columnAtATime.enabled = true;
  columnAtATime.capacity = 1 << 13;
});

describe('readColumns, CSV rows column at a time', () => {
  it('reads interactions as the row path does: values, lines, dictionaries, dead letters in order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(interactionRow, fc.integer({ min: 0, max: 20 })), { maxLength: 150 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1024, max: 6000 }),
        fc.constantFrom(1, 2, 7, 64, 1 << 13),
        // Delimiters below and above the digits (the tokenizer's word-at-a-time skip, and its byte table).
        fc.constantFrom(',', ';', '\t', '|'),
        async (rows, quoteAll, eol, chunkBytes, capacity, d) => {
          const body = rows.map(([r, odd]) =>
            line([r.who, r.anon, r.at, r.event, r.ch, r.tp, r.revenue], quoteAll, odd, d),
          );
          const header = ['who', 'anon', 'at', 'event', 'ch', 'tp', 'revenue'].join(d);
          const csv = `${header}${eol}${body.join(eol)}${eol}`;
          const batched = await read(csv, interaction, interactionFields, chunkBytes, true, capacity, d);
          const rowByRow = await read(csv, interaction, interactionFields, chunkBytes, false, 1 << 13, d);
          expect(batched).toEqual(rowByRow);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads subscriptions (a period rule, enums, required ids) as the row path does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(subscriptionRow, fc.integer({ min: 0, max: 20 })), { maxLength: 150 }),
        fc.boolean(),
        fc.integer({ min: 1024, max: 4000 }),
        fc.constantFrom(1, 3, 1 << 13),
        async (rows, quoteAll, chunkBytes, capacity) => {
          const body = rows.map(([r, odd]) => line([r.id, r.who, r.status, r.from, r.to], quoteAll, odd));
          const csv = `id,who,status,from,to\n${body.join('\n')}`;
          const batched = await read(csv, subscription, subscriptionFields, chunkBytes, true, capacity);
          const rowByRow = await read(csv, subscription, subscriptionFields, chunkBytes, false);
          expect(batched).toEqual(rowByRow);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads two fields mapped to one column as the row path does', async () => {
    const mapping = {
      kind: 'interaction',
      fields: { id: 'who', customerId: 'who', timestamp: 'at', name: 'at', channel: { value: 'web' } },
    } as const;
    const csv = 'who,at\nc1,2024-01-01T00:00:00Z\n,2024-01-01T00:00:00Z\nc2,x\n"c""3",2024-01-02T00:00:00Z\n';
    const fields = ['id', 'customerId', 'timestamp', 'name'];
    const batched = await read(csv, mapping as never, fields, 1024, true);
    expect(batched).toEqual(await read(csv, mapping as never, fields, 1024, false));
    expect(batched.summary.rowsOut).toBe(2);
  });
});
