// readColumns with reuseBatches: the same values as without, batch by batch, and the arrays are really reused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineMapping } from '../mapping/mapping.js';
import { type ColumnBatch, readColumns } from './read-columns.js';

const mapping = defineMapping({
  kind: 'interaction',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    timestamp: 'at',
    name: 'event',
    channel: { value: 'web' },
  },
  numbers: { revenue: 'revenue' },
});

/** Every batch copied as it arrives (what a consumer of reused batches must do), with the arrays it came in. */
async function read(csv: string, chunkBytes: number, reuseBatches: boolean) {
  const stream = readColumns(
    { text: csv },
    {
      format: 'csv',
      mapping,
      fields: ['customerId', 'timestamp', 'name', 'channel', 'properties.revenue'],
      chunkBytes,
      keepDeadLetters: 1000,
      ...(reuseBatches ? { reuseBatches } : {}),
    },
  );
  const copies: Array<{ length: number; line: number[]; columns: Record<string, number[]> }> = [];
  const seen: ColumnBatch[] = [];
  for await (const batch of stream) {
    seen.push(batch);
    copies.push({
      length: batch.length,
      line: Array.from(batch.line),
      columns: Object.fromEntries(Object.entries(batch.columns).map(([k, v]) => [k, Array.from(v)])),
    });
  }
  return { copies, seen, summary: stream.summary, names: stream.dictionary('name') };
}

describe('readColumns reuseBatches', () => {
  it('gives the values of fresh batches, batch by batch, with rejected rows and any chunk size (property)', async () => {
    const row = fc.record({
      who: fc.constantFrom('a', 'b', 'c,d', ''),
      at: fc.constantFrom('2024-01-01T10:00:00Z', '2024-01-01T10:00:00.250Z', 'soon', ''),
      event: fc.constantFrom('visit', 'buy', 'line\nbreak', 'x'.repeat(40)),
      revenue: fc.constantFrom('', '12.5', '-3', 'abc'),
    });
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 0, maxLength: 120 }),
        fc.integer({ min: 1024, max: 4096 }),
        async (rows, chunkBytes) => {
          const csv = `who,at,event,revenue\n${rows.map((r) => [r.who, r.at, r.event, r.revenue].map(quote).join(',')).join('\n')}\n`;
          const fresh = await read(csv, chunkBytes, false);
          const reused = await read(csv, chunkBytes, true);
          expect(reused.copies).toEqual(fresh.copies);
          expect(reused.summary).toEqual(fresh.summary);
          expect(reused.names).toEqual(fresh.names);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands out the same storage again, and fresh arrays without the option', async () => {
    // About 40 bytes a row, 2,000 rows, 1 KiB chunks: many batches, each well under the columns' first capacity.
    const csv = `who,at,event,revenue\n${Array.from({ length: 2000 }, (_, i) => `c${i % 7},2024-01-01T10:00:00Z,visit,${i}`).join('\n')}\n`;
    const reused = await read(csv, 1024, true);
    const fresh = await read(csv, 1024, false);
    expect(reused.seen.length).toBeGreaterThan(10);
    const buffersOf = (seen: ColumnBatch[], key: string) =>
      new Set(
        seen.map((b) => (key === 'line' ? b.line : (b.columns[key] as Int32Array | Float64Array)).buffer),
      );
    for (const key of ['line', 'customerId', 'timestamp', 'name', 'channel', 'properties.revenue']) {
      // A constant's column is filled again only when a batch is longer than all before it (here the first is the
      // shortest: the header shares its chunk).
      expect(buffersOf(reused.seen, key).size, key).toBeLessThanOrEqual(key === 'channel' ? 2 : 1);
      expect(buffersOf(fresh.seen, key).size, key).toBe(fresh.seen.length);
    }
    // The last batch's arrays still hold the last batch's values: 2,000 rows, the last numbered 1999.
    const last = reused.seen.at(-1) as ColumnBatch;
    expect((last.columns['properties.revenue'] as Float64Array)[last.length - 1]).toBe(1999);
    expect(reused.copies.reduce((n, b) => n + b.length, 0)).toBe(2000);
  });

  it('rejects a non-boolean', () => {
    expect(() =>
      readColumns({ text: 'a\n1\n' }, { format: 'csv', mapping, reuseBatches: 'yes' as unknown as boolean }),
    ).toThrow(/reuseBatches/);
  });
});
