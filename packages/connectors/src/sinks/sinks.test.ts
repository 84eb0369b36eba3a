import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { duckdbSink } from '../duckdb/duckdb-sink.js';
import { ndjsonSource } from '../files/ndjson-source.js';
import { fileStateStore } from './file-state-store.js';
import { ndjsonSink, readNdjsonSink } from './ndjson-sink.js';
import { syncToSink } from './sync-to-sink.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cx-sinks-'));
const lines = (rows: ReadonlyArray<readonly [string, number, string]>) =>
  rows
    .map(([id, minute, plan]) =>
      JSON.stringify({ id, at: `2024-06-01T10:${String(minute).padStart(2, '0')}:00Z`, plan }),
    )
    .join('\n');
const source = (text: string, extra: { checkpointEvery?: number } = {}) =>
  ndjsonSource({
    input: () => Readable.from([text]),
    kind: 'customer',
    fields: { id: 'id', firstSeenAt: 'at' },
    defaults: { type: 'consumer' },
    checkpointEvery: extra.checkpointEvery ?? 2,
  });

describe('ndjsonSink', () => {
  it('commits records with the state; a second run over the same input adds nothing', async () => {
    const directory = dir();
    const sink = ndjsonSink({ directory });
    const text = lines([
      ['a', 1, 'free'],
      ['b', 2, 'pro'],
      ['c', 3, 'pro'],
    ]);
    expect((await syncToSink(source(text), sink)).records).toBe(3);
    expect((await syncToSink(source(text), sink)).records).toBe(0);
    await sink.close();
    const got = [];
    for await (const r of readNdjsonSink(directory)) got.push(r.value.id);
    expect(got).toEqual(['a', 'b', 'c']);
  });
});

describe('duckdbSink', () => {
  it('commits records with the state in one transaction; the latest view keeps the newest version', async () => {
    const path = join(dir(), 'cx.duckdb');
    const sink = duckdbSink({ path });
    await syncToSink(
      source(
        lines([
          ['a', 1, 'free'],
          ['b', 2, 'pro'],
        ]),
      ),
      sink,
    );
    // a corrected row for b with the same time (new content) and a newer a
    await syncToSink(
      source(
        lines([
          ['a', 1, 'free'],
          ['b', 2, 'enterprise'],
          ['a', 5, 'pro'],
        ]),
      ),
      sink,
    );
    await sink.close();
    const check = duckdbSink({ path });
    const state = await check.open('ndjson');
    expect(state?.cursor?.id).toBe('a');
    await check.close();
  });
});

describe('fileStateStore', () => {
  it('round-trips a state and ignores a torn temporary file', async () => {
    const path = join(dir(), 'state.json');
    const store = fileStateStore(path);
    await store.save({ version: 1, cursor: { time: '2024-06-01T00:00:00.000Z', id: '1' }, seen: [['k', 1]] });
    writeFileSync(join(dir(), 'x'), '');
    expect(await store.load()).toEqual({
      version: 1,
      cursor: { time: '2024-06-01T00:00:00.000Z', id: '1' },
      seen: [['k', 1]],
    });
    expect(statSync(path).size).toBe(readFileSync(path).length);
  });
});
