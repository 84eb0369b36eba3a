import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
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

  it('cuts off a batch a crash left uncommitted when it opens again', async () => {
    const directory = dir();
    const sink = ndjsonSink({ directory });
    await syncToSink(source(lines([['a', 1, 'free']])), sink);
    await sink.close();
    const committed = statSync(join(directory, 'records.ndjson')).size;
    // a crashed run had appended a record and never committed it
    appendFileSync(join(directory, 'records.ndjson'), '{"half":');
    const again = ndjsonSink({ directory });
    expect((await again.open('ndjson'))?.cursor?.id).toBe('a');
    expect(statSync(join(directory, 'records.ndjson')).size).toBe(committed);
    await again.close();
  });

  it('refuses records files shorter than the manifest says (changed outside the sink)', async () => {
    const directory = dir();
    const sink = ndjsonSink({ directory });
    await syncToSink(source(lines([['a', 1, 'free']])), sink);
    await sink.close();
    writeFileSync(join(directory, 'records.ndjson'), '');
    await expect(ndjsonSink({ directory }).open('ndjson')).rejects.toMatchObject({
      code: 'sink_inconsistent',
    });
  });

  it('rolls back the open batch when the sync fails', async () => {
    const directory = dir();
    const sink = ndjsonSink({ directory });
    const inner = source(
      lines([
        ['a', 1, 'free'],
        ['b', 2, 'free'],
      ]),
      { checkpointEvery: 100 },
    );
    const failing = {
      ...inner,
      async *read(context: Parameters<typeof inner.read>[0]) {
        // the records arrive, then the source fails before its checkpoint
        for await (const message of inner.read(context)) {
          if (message.type === 'checkpoint') throw new Error('boom');
          yield message;
        }
      },
    };
    await expect(syncToSink(failing, sink)).rejects.toThrow('boom');
    await sink.close();
    const got = [];
    for await (const r of readNdjsonSink(directory)) got.push(r.value.id);
    expect(got).toEqual([]);
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
    const db = await DuckDBInstance.create(path);
    const connection = await db.connect();
    const latest = (
      await connection.runAndReadAll("SELECT id, value->>'attributes' FROM cx_records_latest ORDER BY id")
    ).getRows();
    // b: the corrected row (same time, delivered later) wins; a: the newer time wins
    expect(latest).toEqual([
      ['a', '{"plan":"pro"}'],
      ['b', '{"plan":"enterprise"}'],
    ]);
    const versions = (await connection.runAndReadAll('SELECT count(*) FROM cx_records')).getRows();
    expect(versions).toEqual([[4n]]); // a@1, b@2, b@2 corrected, a@5: each version once
    connection.closeSync();
    db.closeSync();
    const check = duckdbSink({ path });
    const state = await check.open('ndjson');
    expect(state?.cursor?.id).toBe('a');
    await check.close();
  });

  it('keeps dead letters in the same transaction as the records', async () => {
    const path = join(dir(), 'cx.duckdb');
    const sink = duckdbSink({ path });
    await syncToSink(source('{"id":"a","at":"2024-06-01T10:00:00Z"}\n{"id":"b"}\n'), sink);
    await sink.close();
    const db = await DuckDBInstance.create(path);
    const connection = await db.connect();
    expect(
      (await connection.runAndReadAll('SELECT key, line, reason FROM cx_records_dead_letters')).getRows(),
    ).toEqual([[null, 2n, 'Line 2: no parseable cursor time']]);
    connection.closeSync();
    db.closeSync();
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
