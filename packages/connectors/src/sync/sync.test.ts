import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Row, tableSource } from '../../test/helpers/table-source.js';
import { CxQuotaExceededError } from '../errors.js';
import { ndjsonSource } from '../files/ndjson-source.js';
import { memoryDeadLetters } from './dead-letter.js';
import type { Source } from './source.js';
import type { SyncState } from './state.js';
import { sync } from './sync.js';
import { syncAll } from './sync-all.js';
import type { SyncProgress } from './types.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const ids = (items: readonly { record: { value: { id: string } } }[]) => items.map((i) => i.record.value.id);

describe('sync', () => {
  it('validates, keeps unknown fields, and dead-letters invalid records with paths and counts', async () => {
    const lines = [
      '{"id":"e1","who":"u1","ts":"2024-06-01T10:00:00Z","event":"view","utm":"mail"}',
      '{"id":"e2","who":"u1","ts":"2024-06-01T10:01:00Z","event":"view","channel":"fax"}',
      'not json',
      '{"id":"e4","ts":"2024-06-01T10:02:00Z","event":"view"}',
    ];
    const dead = memoryDeadLetters();
    const result = await syncAll(
      ndjsonSource({
        input: () => Readable.from([lines.join('\n')]),
        kind: 'interaction',
        fields: { id: 'id', anonymousId: 'who', timestamp: 'ts', name: 'event', channel: 'channel' },
        defaults: { channel: 'web' },
      }),
      { deadLetters: dead },
    );
    expect(ids(result.items)).toEqual(['e1']);
    expect(result.items[0]?.record.value).toMatchObject({ properties: { utm: 'mail' } });
    expect(result.deadLetters).toBe(3);
    expect(dead.letters.map((l) => l.issues[0]?.path ?? l.reason)).toEqual([
      ['channel'],
      'Line 3: not valid JSON',
      ['customerId'],
    ]);
    expect(dead.letters[2]?.raw).toEqual({ id: 'e4', ts: '2024-06-01T10:02:00Z', event: 'view' });
    expect(dead.counts.get('interaction')).toBe(3);
  });

  it('never checkpoints past sync start minus the lag, and picks up records modified during the sync', async () => {
    const table: Row[] = [
      { id: '1', updatedAt: at(0) },
      { id: '2', updatedAt: at(5) },
      { id: '3', updatedAt: at(8) },
    ];
    const now = T0 + 10 * 60_000; // sync starts at minute 10, lag 3 minutes: until = minute 7
    const source = tableSource(table, {
      pageSize: 1,
      lagMs: 3 * 60_000,
      onPage: (p) => {
        // while the sync runs, row 1 is modified (its stamp moves to minute 9)
        if (p === 2) table[0] = { id: '1', updatedAt: at(9) };
      },
    });
    const first = await syncAll(source, { now: () => now });
    expect(ids(first.items)).toEqual(['1', '2']);
    expect((first.state.cursor?.time ?? '') <= at(7)).toBe(true);
    const second = await syncAll(tableSource(table), { now: () => now + 60 * 60_000, state: first.state });
    expect(ids(second.items)).toEqual(['3', '1']);
  });

  it('re-reads the lookback window: a late-arriving row with an older stamp is delivered once, repeats removed', async () => {
    const table: Row[] = [1, 2, 3, 4].map((m) => ({ id: `r${m}`, updatedAt: at(m) }));
    const opts = { lookbackMs: 10 * 60_000 };
    const first = await syncAll(tableSource(table, opts), { now: () => T0 + 3_600_000 });
    table.push({ id: 'late', updatedAt: at(2) }); // commits late with a stamp older than the cursor
    const second = await syncAll(tableSource(table, opts), { now: () => T0 + 7_200_000, state: first.state });
    expect(ids(second.items)).toEqual(['late']);
    expect(second.duplicates).toBe(4);
    const third = await syncAll(tableSource(table, opts), { now: () => T0 + 7_300_000, state: second.state });
    expect(third.records).toBe(0);
  });

  it('handles many records sharing one modification time across page boundaries exactly once', async () => {
    const table: Row[] = Array.from({ length: 10 }, (_, i) => ({ id: `${100 + i}`, updatedAt: at(1) }));
    const result = await syncAll(tableSource(table, { pageSize: 3 }), { now: () => T0 + 3_600_000 });
    expect(ids(result.items)).toEqual(table.map((r) => r.id));
    expect(result.state.cursor).toEqual({ time: at(1), id: '109' });
  });

  it('stops on an exhausted quota with a checkpoint that resumes without loss or repeats', async () => {
    const table: Row[] = Array.from({ length: 8 }, (_, i) => ({ id: `${i}`, updatedAt: at(i) }));
    const delivered: string[] = [];
    let saved: SyncState | null = null;
    const run = async (source: Source) => {
      for await (const item of sync(source, { state: saved, now: () => T0 + 3_600_000 })) {
        if (item.type === 'record') delivered.push(item.record.value.id);
        else saved = item.state;
      }
    };
    const error = await run(tableSource(table, { quotaAfterPages: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxQuotaExceededError);
    expect((error as CxQuotaExceededError).checkpoint?.cursor?.id).toBe('5');
    saved = (error as CxQuotaExceededError).checkpoint;
    await run(tableSource(table));
    expect(delivered).toEqual(table.map((r) => r.id));
  });

  it('redacts secrets from dead letters and reports progress', async () => {
    const dead = memoryDeadLetters();
    const progress: SyncProgress[] = [];
    const source: Source = {
      ...tableSource([{ id: 'x', updatedAt: at(1), email: 'not-an-email sk-live-999999' }]),
      secrets: () => ['sk-live-999999'],
    };
    await syncAll(source, {
      deadLetters: dead,
      onProgress: (p) => progress.push(p),
      now: () => T0 + 3_600_000,
    });
    expect(JSON.stringify(dead.letters)).not.toContain('sk-live-999999');
    expect(dead.letters[0]?.issues[0]?.path).toEqual(['email']);
    expect(progress.at(-1)).toMatchObject({ source: 'table', pages: 2, deadLetters: 1 });
  });

  it('resumed after a kill at any point, delivers the same set as an uninterrupted run (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 40 }), minute: fc.integer({ min: 0, max: 6 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async (spec, kills, pageSize) => {
          const byId = new Map(spec.map((s) => [`${s.id}`, { id: `${s.id}`, updatedAt: at(s.minute) }]));
          const table = [...byId.values()];
          const now = () => T0 + 3_600_000;
          const reference = await syncAll(tableSource(table, { pageSize }), { now });
          // consumer commits records together with each checkpoint; a kill loses the uncommitted tail
          const committed: string[] = [];
          let state: SyncState | null = null;
          for (const killAfter of [...kills, Number.POSITIVE_INFINITY]) {
            let pending: string[] = [];
            let seenItems = 0;
            for await (const item of sync(tableSource(table, { pageSize }), { state, now })) {
              if (++seenItems > killAfter) break;
              if (item.type === 'record') pending.push(item.record.value.id);
              else {
                committed.push(...pending);
                pending = [];
                state = item.state;
              }
            }
          }
          expect(committed).toEqual(ids(reference.items));
        },
      ),
      { numRuns: 150 },
    );
  });
});
