// The hand-written iterator of readRecords/readRows keeps an async generator's semantics: one pass, leaving the loop
// early closes the input, an error ends the stream, and records come in order across slices and chunks.
import { CxOptionsError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { readRecords, readRows } from '../index.js';

const mapping = {
  kind: 'interaction',
  fields: { id: 'id', customerId: 'c', timestamp: 't', name: { value: 'visit' }, channel: { value: 'web' } },
} as const;

/** A CSV of `n` rows as chunks of `size` bytes, telling when the reader closed it. */
function chunked(n: number, size: number) {
  const bytes = Buffer.from(
    `id,c,t\n${Array.from({ length: n }, (_, i) => `e${i},c${i % 7},2024-06-01T10:00:00Z`).join('\n')}\n`,
  );
  const state = { closed: false, served: 0 };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for (let at = 0; at < bytes.length; at += size) {
        state.served++;
        yield bytes.subarray(at, at + size);
      }
    } finally {
      state.closed = true;
    }
  }
  return { input: chunks(), state };
}

describe('the records stream', () => {
  it('closes the input when the loop is left early, before reading it all', async () => {
    const { input, state } = chunked(100_000, 1 << 16);
    let n = 0;
    for await (const _ of readRecords(input, { format: 'csv', mapping })) if (++n === 5) break;
    expect(state.closed).toBe(true);
    expect(state.served).toBeLessThan(5);
  });

  it('hands out every record once, in order, across slices and chunks', async () => {
    // 600,000 rows of about 35 bytes: several 1 MiB chunks, each handed out in 256 KiB slices
    const { input } = chunked(600_000, 1 << 20);
    const read = readRecords(input, { format: 'csv', mapping });
    let next = 0;
    let outOfOrder = 0;
    for await (const { line, value } of read) {
      if (value.id !== `e${next}` || line !== next + 2) outOfOrder++;
      next++;
    }
    expect([next, outOfOrder]).toEqual([600_000, 0]);
    expect(read.summary).toMatchObject({ rowsIn: 600_000, rowsOut: 600_000, rejected: 0 });
  });

  it('is iterated once', async () => {
    const read = readRows({ text: 'a\n1\n' }, { format: 'csv' });
    for await (const _ of read);
    await expect(
      (async () => {
        for await (const _ of read);
      })(),
    ).rejects.toThrow(CxOptionsError);
  });

  it('ends with the error that stops it, and gives nothing after', async () => {
    const read = readRecords(
      { text: 'id,c,t\ne1,c1,2024-06-01T10:00:00Z\ne2,c2,yesterday\n' },
      {
        format: 'csv',
        mapping,
        maxRejected: { count: 0 },
      },
    );
    const iterator = read[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.value.id).toBe('e1');
    await expect(iterator.next()).rejects.toThrow(CxValidationError);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('hands out batches: every record once, in order, in fresh arrays, without empty ones', async () => {
    const { input, state } = chunked(600_000, 1 << 20);
    const read = readRecords(input, { format: 'csv', mapping });
    const batches: Array<ReadonlyArray<{ line: number; value: { id: string } }>> = [];
    for await (const batch of read.batches()) batches.push(batch);
    // several 256 KiB slices, each its own array, kept intact after later batches were read
    expect(batches.length).toBeGreaterThan(10);
    expect(new Set(batches).size).toBe(batches.length);
    let next = 0;
    let outOfOrder = 0;
    for (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0);
      for (const { line, value } of batch) {
        if (value.id !== `e${next}` || line !== next + 2) outOfOrder++;
        next++;
      }
    }
    expect([next, outOfOrder]).toEqual([600_000, 0]);
    expect(read.summary).toMatchObject({ rowsIn: 600_000, rowsOut: 600_000, rejected: 0 });
    expect(state.closed).toBe(true);
  });

  it('gives the same records and dead letters by batch as item by item, on every format', async () => {
    const csv =
      'id,c,t\ne1,c1,2024-06-01T10:00:00Z\ne2,,2024-06-01T10:00:00Z\ne3,c3,yesterday\n"e4",c4,2024-06-02T10:00:00+02:00\n';
    const ndjson =
      '{"id":"e1","c":"c1","t":"2024-06-01T10:00:00Z"}\n{"id":"e2","t":"2024-06-01T10:00:00Z"}\n{"id":"e3","c":"c3","t":"yesterday"}\n';
    for (const [text, format] of [
      [csv, 'csv'],
      [ndjson, 'ndjson'],
    ] as const) {
      const items = readRecords({ text }, { format, mapping });
      const byItem: unknown[] = [];
      for await (const record of items) byItem.push(record);
      const batched = readRecords({ text }, { format, mapping });
      const byBatch: unknown[] = [];
      for await (const batch of batched.batches()) byBatch.push(...batch);
      expect(byBatch).toStrictEqual(byItem);
      expect(byBatch.length).toBeGreaterThan(0);
      expect(batched.summary).toStrictEqual(items.summary);
      expect(batched.summary.rejected).toBe(2);
    }
  });

  it('closes the input when the batch loop is left early, and is iterated once either way', async () => {
    const { input, state } = chunked(100_000, 1 << 16);
    const read = readRecords(input, { format: 'csv', mapping });
    for await (const _ of read.batches()) break;
    expect(state.closed).toBe(true);
    expect(state.served).toBeLessThan(10);
    await expect(
      (async () => {
        for await (const _ of read);
      })(),
    ).rejects.toThrow(CxOptionsError);
    const rows = readRows({ text: 'a\n1\n' }, { format: 'csv' });
    for await (const _ of rows);
    await expect(
      (async () => {
        for await (const _ of rows.batches());
      })(),
    ).rejects.toThrow(CxOptionsError);
  });

  it('ends the batches with the error that stops the read (rejection threshold)', async () => {
    const read = readRecords(
      { text: 'id,c,t\ne1,c1,2024-06-01T10:00:00Z\ne2,c2,yesterday\n' },
      { format: 'csv', mapping, maxRejected: { count: 0 } },
    );
    await expect(
      (async () => {
        for await (const _ of read.batches());
      })(),
    ).rejects.toThrow(CxValidationError);
    expect(read.summary.rejected).toBe(1);
  });
});
