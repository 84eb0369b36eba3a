import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { CxValidationError } from '@cx/model';
import { afterEach, describe, expect, it } from 'vitest';
import { httpInput, serveFile } from '../../test/helpers/http-file.js';
import type { TestServer } from '../../test/helpers/server.js';
import { CommittingStore } from '../../test/helpers/store.js';
import { CxProtocolError, CxSyncAbortedError } from '../errors.js';
import { memoryDeadLetters } from '../sync/dead-letter.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import { csvSource } from './csv-source.js';
import { ndjsonSource } from './ndjson-source.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const csvCustomers = (input: ReturnType<typeof httpInput> | string) =>
  csvSource({
    input,
    kind: 'customer',
    fields: { id: 'id', firstSeenAt: 'since', email: 'email' },
    defaults: { type: 'consumer' },
  });
const ids = (items: readonly { record: { value: { id: string } } }[]) => items.map((i) => i.record.value.id);

describe('csvSource faults (over node:http)', () => {
  it('dead-letters a row with an unquoted comma instead of dropping the rest of it', async () => {
    const csv = [
      'id,since,email',
      'c1,2024-06-01T10:00:00Z,a@x.io',
      'c2,2024-06-01T10:01:00Z,b@x.io,extra', // one field too many: which one is wrong cannot be told
      'c3,2024-06-01T10:02:00Z',
      'c4,2024-06-01T10:03:00Z,d@x.io',
    ].join('\n');
    server = await serveFile(csv);
    const dead = memoryDeadLetters();
    const result = await syncAll(csvCustomers(httpInput(server.url)), { deadLetters: dead });
    expect(ids(result.items)).toEqual(['c1', 'c4']);
    expect(dead.letters.map((l) => [l.line, l.reason])).toEqual([
      [3, 'Line 3: Invalid Record Length: columns length is 3, got 4'],
      [4, 'Line 4: Invalid Record Length: columns length is 3, got 2'],
    ]);
  });

  it('dead-letters a row with a stray quote and goes on with the rows after it', async () => {
    const csv = [
      'id,since,email',
      'c1,2024-06-01T10:00:00Z,a@x.io',
      'c2,2024-06-01T10:01:00Z,b"@x.io', // a quote inside an unquoted field
      'c3,2024-06-01T10:02:00Z,c@x.io',
      'c4,2024-06-01T10:03:00Z,"d@x.io', // a quote that is never closed
      'c5,2024-06-01T10:04:00Z,e@x.io',
      'c6,2024-06-01T10:05:00Z,"f@x.io"',
    ].join('\n');
    server = await serveFile(csv);
    const dead = memoryDeadLetters();
    const result = await syncAll(csvCustomers(httpInput(server.url)), { deadLetters: dead });
    expect(ids(result.items)).toEqual(['c1', 'c3', 'c5', 'c6']);
    expect(dead.letters.map((l) => l.line)).toEqual([3, 5]);
    expect(dead.letters[1]?.reason).toMatch(/^Line 5: a quote opened in this record is never closed/);
  });

  it('gives dead letters from schema failures the line where the record starts (CSV and NDJSON)', async () => {
    const csv =
      'id,since,email\nc1,2024-06-01T10:00:00Z,"multi\nline"\nc2,2024-06-01T10:01:00Z,not-an-email\n';
    const dead = memoryDeadLetters();
    await syncAll(
      csvCustomers(() => Readable.from([csv])),
      { deadLetters: dead },
    );
    // c1's e-mail spans lines 2–3 and is invalid too; c2 starts on line 4
    expect(dead.letters.map((l) => [l.key?.split('@')[0], l.line, l.issues[0]?.path])).toEqual([
      ['customer:c1', 2, ['email']],
      ['customer:c2', 4, ['email']],
    ]);
    const ndjson =
      '{"id":"c1","since":"2024-06-01T10:00:00Z"}\n\n{"id":"c2","since":"2024-06-01T10:00:00Z","email":"nope"}\n';
    const deadJson = memoryDeadLetters();
    await syncAll(
      ndjsonSource({
        input: () => Readable.from([ndjson]),
        kind: 'customer',
        fields: { id: 'id', firstSeenAt: 'since', email: 'email' },
        defaults: { type: 'consumer' },
      }),
      { deadLetters: deadJson },
    );
    expect(deadJson.letters.map((l) => l.line)).toEqual([3]);
  });

  it('rejects a header with a duplicate column name instead of keeping the last column silently', async () => {
    const error = await syncAll(
      csvCustomers(() => Readable.from(['id,since,id\n1,2024-06-01T10:00:00Z,2\n'])),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxValidationError);
    expect((error as CxValidationError).issues[0]).toMatchObject({ path: [2], code: 'invalid_csv', line: 1 });
  });

  it('stops the reader and closes the file when the consumer leaves early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-early-'));
    const path = join(dir, 'big.csv');
    writeFileSync(
      path,
      `id,since\n${Array.from({ length: 50_000 }, (_, i) => `c${i},2024-06-01T10:00:00Z`).join('\n')}\n`,
    );
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for await (const item of sync(csvCustomers(path))) if (item.type === 'record') break;
    await new Promise((r) => setTimeout(r, 50));
    expect(fds()).toBeLessThanOrEqual(before);
    // a stream factory: the stream is destroyed too
    const stream = new PassThrough(); // never ended: a reader left running would wait on it forever
    stream.write('id,since\nc1,2024-06-01T10:00:00Z\nc2,2024-06-01T10:00:00Z\n');
    for await (const item of sync(csvCustomers(() => stream))) if (item.type === 'record') break;
    expect(stream.destroyed).toBe(true);
  });
});

describe('ndjsonSource faults', () => {
  const events = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: `e${i}`, anon: `a${i % 7}`, ts: 1717236000 + ((i * 7919) % n), event: 'view' }),
    ).join('\n');
  const source = (input: ReturnType<typeof httpInput> | (() => Readable), extra = {}) =>
    ndjsonSource({
      input,
      kind: 'interaction',
      fields: { id: 'id', anonymousId: 'anon', timestamp: 'ts', name: 'event' },
      defaults: { channel: 'web' },
      ...extra,
    });

  it('honours the abort signal within one record (over node:http)', async () => {
    server = await serveFile(events(20_000), 4096);
    const controller = new AbortController();
    let delivered = 0;
    const error = await (async () => {
      for await (const item of sync(source(httpInput(server?.url ?? '')), { signal: controller.signal })) {
        if (item.type === 'record' && ++delivered === 5) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSyncAbortedError);
    expect(delivered).toBe(5);
  });

  it('aborts a read that waits for data that never comes', async () => {
    const stalled = new PassThrough();
    stalled.write('{"id":"e1","anon":"a","ts":1717236000,"event":"view"}\n');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await syncAll(
      source(() => stalled),
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSyncAbortedError);
    expect(stalled.destroyed).toBe(true);
  });

  it('delivers a corrected row with the same id and time as a new version, and drops only a true repeat', async () => {
    const rows = [
      { id: 'e1', anon: 'a1', ts: 1717236000, event: 'view', plan: 'free' },
      { id: 'e2', anon: 'a2', ts: 1717236001, event: 'view', plan: 'free' },
      { id: 'e1', anon: 'a1', ts: 1717236000, event: 'view', plan: 'free' }, // a true repeat
      { id: 'e1', anon: 'a1', ts: 1717236000, event: 'view', plan: 'pro' }, // corrected: same id and time
    ];
    const store = new CommittingStore();
    const run = sync(source(() => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n')])));
    for await (const item of run) store.accept(item);
    expect(run.summary).toMatchObject({ records: 3, duplicates: 1 });
    expect(store.snapshot()).toEqual([
      ['interaction:e1', expect.objectContaining({ properties: { plan: 'pro' } })],
      ['interaction:e2', expect.objectContaining({ properties: { plan: 'free' } })],
    ]);
  });

  it('keeps the state of an unordered file bounded: the keys near the newest time, not every key', async () => {
    const sizes: number[] = [];
    const run = sync(source(() => Readable.from([events(30_000)]), { checkpointEvery: 1000 }));
    for await (const item of run)
      if (item.type === 'checkpoint') sizes.push(JSON.stringify(item.state).length);
    expect(run.summary?.records).toBe(30_000);
    // 30 000 distinct ids with distinct times and lookback 0: one key (the newest) is all a later run needs;
    // the state used to hold all 30 000 keys (1.8 MB)
    expect(Math.max(...sizes)).toBeLessThan(600);
    expect(run.summary?.state.seen).toHaveLength(1);
  }, 60_000);

  it('dedup "file" removes repeats anywhere in the file, "window" only near the newest time', async () => {
    const lines = [
      '{"id":"e1","anon":"a","ts":1717236000,"event":"view"}',
      '{"id":"e2","anon":"a","ts":1717239600,"event":"view"}',
      '{"id":"e1","anon":"a","ts":1717236000,"event":"view"}', // repeat of line 1, an hour older than line 2
    ].join('\n');
    const exact = await syncAll(source(() => Readable.from([lines])));
    expect([exact.records, exact.duplicates]).toEqual([2, 1]);
    // checkpointing every row prunes the window at once (between checkpoints a repeat may still be caught)
    const windowed = await syncAll(
      source(() => Readable.from([lines]), { dedup: 'window', checkpointEvery: 1 }),
    );
    expect([windowed.records, windowed.duplicates]).toEqual([3, 0]);
  });

  it('dead-letters a row out of order in a file declared ordered', async () => {
    const lines = [1717236000, 1717236060, 1717236030].map((ts, i) =>
      JSON.stringify({ id: `e${i}`, anon: 'a', ts, event: 'view' }),
    );
    const dead = memoryDeadLetters();
    const result = await syncAll(
      source(() => Readable.from([lines.join('\n')]), { ordered: true }),
      {
        deadLetters: dead,
      },
    );
    expect(ids(result.items)).toEqual(['e0', 'e1']);
    expect(dead.letters[0]).toMatchObject({ line: 3 });
    expect(dead.letters[0]?.reason).toMatch(/before .* the newest so far/);
  });

  it('refuses to resume when the rows before the resume marker changed', async () => {
    let text = events(30);
    const make = () => source(() => Readable.from([text]), { checkpointEvery: 10 });
    let state = null;
    for await (const item of sync(make())) {
      if (item.type === 'checkpoint') {
        state = item.state;
        break;
      }
    }
    text = text.replace('"e3"', '"e3x"');
    const error = await syncAll(make(), { state }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxProtocolError);
    expect(error).toMatchObject({ code: 'input_changed', line: 10 });
  });
});
