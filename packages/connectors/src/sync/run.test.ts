import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommittingStore } from '../../test/helpers/store.js';
import { type Row, tableSource } from '../../test/helpers/table-source.js';
import { CxQuotaExceededError, CxSourceError, CxSyncAbortedError } from '../errors.js';
import type { Source } from './source.js';
import type { SyncState } from './state.js';
import { sync } from './sync.js';
import { syncAll } from './sync-all.js';
import type { SyncLogEntry, SyncProgress } from './types.js';

const T0 = Date.parse('2024-06-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const now = () => T0 + 3_600_000;
const table = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${i + 1}`, updatedAt: at(i % 50) }));

describe('SyncRun', () => {
  it('exposes progress with the source total, the status and the summary after a for-await loop', async () => {
    const progress: SyncProgress[] = [];
    const run = sync(tableSource(table(7), { pageSize: 3 }), { now, onProgress: (p) => progress.push(p) });
    expect(run.status).toBe('ready');
    let records = 0;
    for await (const item of run) if (item.type === 'record') records++;
    expect(records).toBe(7);
    expect(run.status).toBe('done');
    // 7 rows, pages of 3: three pages with rows and the empty last one; totals = rows read + rows left = 7
    expect(run.summary).toMatchObject({ records: 7, pages: 4, duplicates: 0, deadLetters: 0, retries: 0 });
    expect(progress.filter((p) => p.total !== null).map((p) => p.total)).toContain(7);
    expect(run.progress).toMatchObject({ records: 7, total: 7, cursor: { time: at(6), id: '7' } });
    expect(run.checkpoint).toEqual(run.summary?.state);
    expect(() => run[Symbol.asyncIterator]()).toThrow(/already iterated/);
  });

  it('is closed, not done, after the consumer leaves early, and keeps the last checkpoint handed out', async () => {
    const run = sync(tableSource(table(9), { pageSize: 3 }), { now });
    let checkpoints = 0;
    for await (const item of run) if (item.type === 'checkpoint' && ++checkpoints === 2) break;
    expect(run.status).toBe('closed');
    expect(run.summary).toBeNull();
    expect(run.checkpoint?.cursor?.id).toBe('6');
  });

  it('forwards redacted log lines of the source', async () => {
    const logs: SyncLogEntry[] = [];
    const source: Source = {
      name: 'talky',
      lookbackMs: 0,
      lagMs: 0,
      secrets: () => ['tok-SECRET-123456'],
      async *read() {
        yield { type: 'log', level: 'warn', message: 'retrying with tok-SECRET-123456' };
      },
    };
    await syncAll(source, { now, onLog: (e) => logs.push(e) });
    expect(logs).toEqual([{ source: 'talky', level: 'warn', message: 'retrying with [REDACTED]' }]);
  });

  it('wraps a foreign error of a source in a redacted CxSourceError without touching the original', async () => {
    const original = new TypeError('cannot read tok-SECRET-123456 of undefined');
    const source: Source = {
      name: 'buggy',
      lookbackMs: 0,
      lagMs: 0,
      secrets: () => ['tok-SECRET-123456'],
      async *read() {
        yield { type: 'page', stream: 's' };
        throw original;
      },
    };
    const error = await syncAll(source, { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSourceError);
    expect((error as Error).message).toBe('Source buggy failed: cannot read [REDACTED] of undefined');
    expect(((error as Error).cause as Error).name).toBe('TypeError');
    expect(((error as Error).cause as Error).stack).not.toContain('tok-SECRET');
    expect(original.message).toBe('cannot read tok-SECRET-123456 of undefined');
  });
});

describe('sync: checkpoints describe exactly what the consumer received', () => {
  it('a quota stop in the middle of a page resumes from error.checkpoint without losing the page', async () => {
    const rows = table(10);
    const store = new CommittingStore();
    // 3 rows per page; quota after 7 records: pages 1–2 committed, row 7 delivered but not checkpointed
    const error = await (async () => {
      for await (const item of sync(tableSource(rows, { quotaAfterRecords: 7 }), { now })) store.accept(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxQuotaExceededError);
    const checkpoint = (error as CxQuotaExceededError).checkpoint;
    // the state the consumer committed with the first 6 rows: row 7 is not in its dedup set
    expect(checkpoint).toEqual(store.state);
    expect(checkpoint?.seen.map(([k]) => k)).not.toContain(`7@${at(6)}`);
    store.crash();
    for await (const item of sync(tableSource(rows), { now, state: checkpoint })) store.accept(item);
    expect(store.snapshot().map(([id]) => id)).toEqual(rows.map((r) => `customer:${r.id}`).sort());
    expect(store.repeats()).toEqual([]);
  });
});

describe('sync: abort', () => {
  it('stops within one record with a CxSyncAbortedError carrying the checkpoint', async () => {
    const controller = new AbortController();
    const delivered: string[] = [];
    const store = new CommittingStore();
    const error = await (async () => {
      for await (const item of sync(tableSource(table(40), { pageSize: 10 }), {
        now,
        signal: controller.signal,
      })) {
        store.accept(item);
        if (item.type === 'record') {
          delivered.push(item.record.value.id);
          if (delivered.length === 15) controller.abort();
        }
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSyncAbortedError);
    expect(delivered).toHaveLength(15); // not one record after the abort
    expect((error as CxSyncAbortedError).checkpoint).toEqual(store.state);
    expect(((error as Error).cause as Error).name).toBe('AbortError');
  });

  it('throws the abort error, not a TypeError, when the abort reason is a DOMException raised in a source', async () => {
    const controller = new AbortController();
    const source: Source = {
      name: 'waiting',
      lookbackMs: 0,
      lagMs: 0,
      async *read(context) {
        controller.abort();
        context.signal.throwIfAborted();
        yield { type: 'page', stream: 's' };
      },
    };
    const error = await syncAll(source, { now, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxSyncAbortedError);
    expect((error as Error).message).toBe('Sync of waiting aborted');
  });

  it('resumed after aborts and consumer throws at random points equals an uninterrupted run (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 60 }), minute: fc.integer({ min: 0, max: 9 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.tuple(fc.constantFrom('abort', 'throw'), fc.integer({ min: 1, max: 25 })), {
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 5 }),
        async (spec, stops, pageSize) => {
          const rows = [
            ...new Map(spec.map((s) => [`${s.id}`, { id: `${s.id}`, updatedAt: at(s.minute) }])).values(),
          ];
          const reference = new CommittingStore();
          for await (const item of sync(tableSource(rows, { pageSize }), { now })) reference.accept(item);
          const store = new CommittingStore();
          let state: SyncState | null = null;
          for (const [how, after] of [...stops, ['none', Number.POSITIVE_INFINITY] as const]) {
            const controller = new AbortController();
            let seen = 0;
            try {
              for await (const item of sync(tableSource(rows, { pageSize }), {
                now,
                state,
                signal: controller.signal,
              })) {
                store.accept(item);
                if (++seen >= after) {
                  if (how === 'abort') controller.abort();
                  else throw new Error('consumer failed');
                }
              }
              state = store.state;
            } catch (error) {
              // abort: resume from the error's checkpoint; a throwing consumer: from what it committed
              state = error instanceof CxSyncAbortedError ? error.checkpoint : store.state;
              expect(state).toEqual(store.state);
              store.crash();
            }
          }
          expect(store.snapshot()).toEqual(reference.snapshot());
          expect(store.repeats()).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });
});
