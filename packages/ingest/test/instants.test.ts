// Instants through the one grammar of @cx/model, as the readers apply it to cells: offsets and Z, local times with a
// time zone, DST gaps and overlaps in Europe/Warsaw and America/New_York, declared epoch columns.

import type { Disambiguation } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { readAll, readColumns } from '../src/index.js';

const mapping = (timeZone: string | undefined, disambiguation: Disambiguation = 'reject') => ({
  kind: 'interaction' as const,
  ...(timeZone !== undefined ? { timeZone } : {}),
  disambiguation,
  fields: {
    id: 'id',
    customerId: 'who',
    timestamp: 'at',
    name: { value: 'visit' },
    channel: { value: 'web' },
  },
});

/** The instant each cell is read as (or its dead-letter code), on the records and the column path. */
async function read(
  cells: readonly string[],
  timeZone: string | undefined,
  disambiguation: Disambiguation = 'reject',
): Promise<string[]> {
  const text = `id,who,at\n${cells.map((c, i) => `e${i},c,${c}`).join('\n')}\n`;
  const { records, summary } = await readAll(
    { text },
    { format: 'csv', mapping: mapping(timeZone, disambiguation) },
  );
  const out = cells.map(() => '');
  records.forEach((r) => {
    out[Number.parseInt(r.id.slice(1), 10)] = r.timestamp;
  });
  for (const d of summary.deadLetters) out[d.row] = d.code;
  // The column path reads the same cells to the same instants or errors.
  const stream = readColumns(
    { text },
    { format: 'csv', mapping: mapping(timeZone, disambiguation), fields: ['timestamp'] },
  );
  const columns: string[] = [];
  for await (const batch of stream)
    for (const ms of batch.columns.timestamp as Float64Array) columns.push(new Date(ms).toISOString());
  expect(columns).toEqual(records.map((r) => r.timestamp));
  expect(stream.summary.deadLetters.map((d) => d.code)).toEqual(summary.deadLetters.map((d) => d.code));
  return out;
}

describe('instants in cells', () => {
  it('reads offsets and Z in the spellings exports use', async () => {
    expect(
      await read(
        [
          '2024-06-01T10:00:00Z',
          '2024-06-01 10:00:00 +0200',
          '2024-06-01T09:58:11.000+0000',
          '2024-06-01T10:00:00.123456Z',
        ],
        undefined,
      ),
    ).toEqual([
      '2024-06-01T10:00:00.000Z',
      '2024-06-01T08:00:00.000Z',
      '2024-06-01T09:58:11.000Z',
      '2024-06-01T10:00:00.123Z',
    ]);
  });

  it('reads local times only with a time zone: 23:30 on 31 January in Warsaw stays in January', async () => {
    expect(await read(['2024-01-31 23:30'], undefined)).toEqual(['invalid_instant']);
    expect(await read(['2024-01-31 23:30', '2024-07-01'], 'Europe/Warsaw')).toEqual([
      '2024-01-31T22:30:00.000Z',
      '2024-06-30T22:00:00.000Z',
    ]);
  });

  it('rejects or resolves the DST gap and overlap in Europe/Warsaw', async () => {
    // 2024-03-31 02:00 CET → 03:00 CEST (02:30 never happens); 2024-10-27 03:00 CEST → 02:00 CET (02:30 happens twice).
    const cells = ['2024-03-31 02:30', '2024-10-27 02:30'];
    expect(await read(cells, 'Europe/Warsaw')).toEqual(['nonexistent_local_time', 'ambiguous_local_time']);
    expect(await read(cells, 'Europe/Warsaw', 'earlier')).toEqual([
      '2024-03-31T00:30:00.000Z',
      '2024-10-27T00:30:00.000Z',
    ]);
    expect(await read(cells, 'Europe/Warsaw', 'later')).toEqual([
      '2024-03-31T01:30:00.000Z',
      '2024-10-27T01:30:00.000Z',
    ]);
    expect(await read(cells, 'Europe/Warsaw', 'compatible')).toEqual([
      '2024-03-31T01:30:00.000Z',
      '2024-10-27T00:30:00.000Z',
    ]);
  });

  it('rejects or resolves the DST gap and overlap in America/New_York', async () => {
    // 2024-03-10 02:00 EST → 03:00 EDT; 2024-11-03 02:00 EDT → 01:00 EST.
    const cells = ['2024-03-10 02:30', '2024-11-03 01:30'];
    expect(await read(cells, 'America/New_York')).toEqual(['nonexistent_local_time', 'ambiguous_local_time']);
    expect(await read(cells, 'America/New_York', 'earlier')).toEqual([
      '2024-03-10T06:30:00.000Z',
      '2024-11-03T05:30:00.000Z',
    ]);
    expect(await read(cells, 'America/New_York', 'later')).toEqual([
      '2024-03-10T07:30:00.000Z',
      '2024-11-03T06:30:00.000Z',
    ]);
  });

  it('reads epoch values only from columns declared so', async () => {
    const text = 'id,who,s,ms,us\ne1,c,1717236000,1717236000123,1717236000123456\ne2,c,1717236000.5,x,123\n';
    const epochs = (column: string, epoch: 's' | 'ms' | 'us') => ({
      kind: 'interaction' as const,
      fields: {
        id: 'id',
        customerId: 'who',
        timestamp: { column, epoch },
        name: { value: 'visit' },
        channel: { value: 'web' },
      },
    });
    const s = await readAll({ text }, { format: 'csv', mapping: epochs('s', 's') });
    expect(s.records.map((r) => r.timestamp)).toEqual([
      '2024-06-01T10:00:00.000Z',
      '2024-06-01T10:00:00.500Z',
    ]);
    const ms = await readAll({ text }, { format: 'csv', mapping: epochs('ms', 'ms') });
    expect(ms.summary.deadLetters.map((d) => [d.line, d.code])).toEqual([[3, 'invalid_instant']]);
    const us = await readAll({ text }, { format: 'csv', mapping: epochs('us', 'us') });
    expect(us.records.map((r) => r.timestamp)).toEqual(['2024-06-01T10:00:00.123Z']);
    expect(us.summary.deadLetters.map((d) => d.code)).toEqual(['invalid_instant']);
    const undeclared = await readAll(
      { text },
      {
        format: 'csv',
        mapping: { ...epochs('s', 's'), fields: { ...epochs('s', 's').fields, timestamp: 's' } },
      },
    );
    expect(undeclared.summary.byCode).toEqual({ invalid_instant: 2 });
  });
});
