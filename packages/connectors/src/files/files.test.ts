import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryDeadLetters, ndjsonDeadLetters } from '../sync/dead-letter.js';
import type { SyncState } from '../sync/state.js';
import { sync } from '../sync/sync.js';
import { syncAll } from '../sync/sync-all.js';
import { csvSource } from './csv-source.js';
import { ndjsonSource } from './ndjson-source.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-files-'));

describe('csvSource', () => {
  it('streams RFC 4180 CSV (BOM, quotes, embedded newlines) into survey responses with column mapping', async () => {
    const csv =
      '\uFEFFresponse_id,customer,score,answered_at,comment,channel_raw\r\n' +
      'r1,c1,9,2024-06-01T10:00:00Z,"Fast, friendly",web\r\n' +
      'r2,c2,4,2024-06-01T11:00:00Z,"Line one\nline ""two""",email\r\n' +
      'r3,c3,11,2024-06-01T12:00:00Z,,web\r\n';
    const file = join(dir, 'nps.csv.gz');
    writeFileSync(file, gzipSync(csv));
    const dead = memoryDeadLetters();
    const result = await syncAll(
      csvSource({
        input: file,
        kind: 'surveyResponse',
        fields: {
          id: 'response_id',
          customerId: 'customer',
          score: 'score',
          respondedAt: 'answered_at',
          comment: 'comment',
        },
        defaults: { surveyId: 'nps-q2', metric: 'nps', scale: { min: 0, max: 10 } },
      }),
      { deadLetters: dead },
    );
    expect(result.items.map((i) => i.record.value)).toEqual([
      expect.objectContaining({
        id: 'r1',
        score: 9,
        comment: 'Fast, friendly',
        properties: { channel_raw: 'web' },
      }),
      expect.objectContaining({ id: 'r2', score: 4, comment: 'Line one\nline "two"' }),
    ]);
    expect(dead.letters[0]?.issues[0]).toMatchObject({ path: ['score'] }); // 11 is off the 0–10 scale
  });
});

describe('ndjsonSource', () => {
  it('resumes from the last row checkpoint of a large file without repeats', async () => {
    const lines = Array.from({ length: 95 }, (_, i) =>
      JSON.stringify({ id: `e${i}`, anon: `a${i % 7}`, ts: 1717236000 + i, event: 'view' }),
    ).join('\n');
    const make = () =>
      ndjsonSource({
        input: () => Readable.from([lines]),
        kind: 'interaction',
        fields: { id: 'id', anonymousId: 'anon', timestamp: 'ts', name: 'event' },
        defaults: { channel: 'web' },
        checkpointEvery: 10,
        ordered: true,
      });
    const got: string[] = [];
    let state: SyncState | null = null;
    let pending: string[] = [];
    for await (const item of sync(make())) {
      if (item.type === 'record') pending.push(item.record.value.id);
      else {
        got.push(...pending);
        pending = [];
        state = item.state;
        if (got.length >= 40) break;
      }
    }
    expect(state?.resume).toMatchObject({ row: 40 });
    expect(state?.seen.length).toBe(1); // ordered: the cursor advances, so the dedup set stays small
    const rest = await syncAll(make(), { state });
    got.push(...rest.items.map((i) => i.record.value.id));
    expect(got).toEqual(Array.from({ length: 95 }, (_, i) => `e${i}`));
  });

  it('writes dead letters as NDJSON', async () => {
    const path = join(dir, 'dead.ndjson');
    const sink = ndjsonDeadLetters(path);
    await syncAll(
      ndjsonSource({
        input: () => Readable.from(['{"id":"x"}\n']),
        kind: 'interaction',
        fields: { id: 'id', timestamp: 'ts' },
      }),
      { deadLetters: sink },
    );
    await sink.close?.();
    expect(JSON.parse(readFileSync(path, 'utf8').trim())).toMatchObject({
      source: 'ndjson',
      reason: 'Line 1: no parseable cursor time',
      raw: { id: 'x' },
    });
  });
});
