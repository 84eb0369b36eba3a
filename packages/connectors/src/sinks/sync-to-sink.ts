import { parseOptions } from '@cx/model';
import { z } from 'zod';
import type { DeadLetterSink } from '../sync/dead-letter.js';
import type { Source } from '../sync/source.js';
import { sync } from '../sync/sync.js';
import { syncToSinkShape } from '../sync/sync-options.js';
import type { SyncOptions, SyncSummary } from '../sync/types.js';
import type { SyncSink } from './sink.js';

/**
 * Options of {@link syncToSink}: those of {@link sync} except `state`, which comes from the sink.
 *
 * @category Sinks
 * @since 0.2.0
 */
export type SyncToSinkOptions = Omit<SyncOptions, 'state'>;

const syncToSinkSchema = z.strictObject(syncToSinkShape);

/**
 * Runs a source into a sink with exactly-once delivery: starts from the state the sink committed last, writes
 * each record into the sink's open batch and commits the batch together with each checkpoint's state. A crash,
 * kill, quota stop or abort at any instant leaves the sink with whole batches only; the next call resumes from
 * the state committed with them, so nothing is lost and nothing is written twice. On a failure the open batch is
 * rolled back and the error rethrown (resumable errors carry the committed state as `checkpoint`).
 *
 * Dead letters go into the sink's batch when it stores them (both sinks of this package do), and to
 * `deadLetters` too when given (that one is not transactional: after a crash it may see a letter again).
 *
 * @param source - The source.
 * @param sink - The sink (opened here; close it yourself).
 * @param options - As for {@link sync}, without `state`.
 * @returns The summary of the run.
 * @throws {@link CxResumableError} and the other errors of {@link sync}; errors of the sink.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { ndjsonSink, ndjsonSource, syncToSink } from '@cx/connectors';
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Readable } from 'node:stream';
 * const sink = ndjsonSink({ directory: mkdtempSync(join(tmpdir(), 'cx-sink-')) });
 * const source = () => ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n']),
 *   kind: 'customer', fields: { id: 'id', firstSeenAt: 'since' }, defaults: { type: 'consumer' },
 * });
 * console.log((await syncToSink(source(), sink)).records); // 1
 * console.log((await syncToSink(source(), sink)).records); // 0: already committed
 * await sink.close();
 * ```
 * @category Sinks
 * @since 0.2.0
 */
export async function syncToSink(
  source: Source,
  sink: SyncSink,
  options: SyncToSinkOptions = {},
): Promise<SyncSummary> {
  parseOptions(syncToSinkSchema, options, 'syncToSink');
  const state = await sink.open(source.name);
  const extra = options.deadLetters;
  const deadLetters: DeadLetterSink | undefined =
    sink.writeDeadLetter === undefined
      ? extra
      : {
          async write(letter) {
            await sink.writeDeadLetter?.(letter);
            await extra?.write(letter);
          },
        };
  const run = sync(source, { ...options, state, ...(deadLetters ? { deadLetters } : {}) });
  try {
    for await (const item of run) {
      if (item.type === 'record') await sink.write(item);
      else await sink.commit(item.state);
    }
  } catch (error) {
    await sink.rollback();
    throw error;
  }
  return run.summary as SyncSummary;
}
