import {
  CxError,
  CxValidationError,
  customerSchema,
  feedbackSchema,
  interactionSchema,
  orderSchema,
  safeValidate,
  surveyResponseSchema,
  type ValidationIssue,
} from '@cx/model';
import type { z } from 'zod';
import { CxQuotaExceededError } from '../errors.js';
import { Redactor } from '../redact.js';
import type { DeadLetterSink } from './dead-letter.js';
import type { ModelKind, ModelRecord, Source } from './source.js';
import { type CursorPosition, compareCursor, type SyncState } from './state.js';

const SCHEMAS: Record<ModelKind, z.ZodType> = {
  customer: customerSchema,
  interaction: interactionSchema,
  surveyResponse: surveyResponseSchema,
  order: orderSchema,
  feedback: feedbackSchema,
};

const SUBJECTS: Record<ModelKind, string> = {
  customer: 'Customer',
  interaction: 'Interaction',
  surveyResponse: 'SurveyResponse',
  order: 'Order',
  feedback: 'Feedback',
};

/**
 * Options of {@link sync}.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncOptions {
  /** State saved from a previous checkpoint; omit or `null` for a first run. */
  readonly state?: SyncState | null;
  /** Lower time bound of a first run (UTC instant); default: everything the source has. */
  readonly startAt?: string;
  /** Lookback window in ms; default: the source's `lookbackMs`. */
  readonly lookbackMs?: number;
  /** Lag window in ms; default: the source's `lagMs`. */
  readonly lagMs?: number;
  /** Clock (epoch ms); default `Date.now`. */
  readonly now?: () => number;
  /** Cancels the sync. */
  readonly signal?: AbortSignal;
  /** Where invalid records go; default: kept only as counts in the summary (use a sink to keep them). */
  readonly deadLetters?: DeadLetterSink;
  /** Called with progress after each page and checkpoint. */
  readonly onProgress?: (progress: SyncProgress) => void;
}

/**
 * Progress of a running sync, for a progress bar.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncProgress {
  /** Source name. */
  readonly source: string;
  /** Stream of the last page, if any. */
  readonly stream: string | null;
  /** Valid records delivered. */
  readonly records: number;
  /** Pages (requests, chunks) read. */
  readonly pages: number;
  /** Records skipped because their key was already delivered. */
  readonly duplicates: number;
  /** Records sent to the dead letters. */
  readonly deadLetters: number;
  /** Current high-water cursor. */
  readonly cursor: CursorPosition | null;
  /** Milliseconds since the sync started. */
  readonly elapsedMs: number;
  /** Delivered records per second so far. */
  readonly recordsPerSecond: number;
}

/**
 * One item of a sync: a validated record, or a checkpoint to persist (with every record before it).
 *
 * @category Sync
 * @since 0.1.0
 */
export type SyncItem =
  | { readonly type: 'record'; readonly stream: string; readonly key: string; readonly record: ModelRecord }
  | { readonly type: 'checkpoint'; readonly state: SyncState };

/**
 * Counts of a finished sync and its final state.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncSummary {
  /** Valid records delivered. */
  readonly records: number;
  /** Records skipped as already delivered (same key). */
  readonly duplicates: number;
  /** Records sent to the dead letters. */
  readonly deadLetters: number;
  /** Records older than the cursor minus the lookback (already delivered, or too late) that the source sent anyway. */
  readonly outOfWindow: number;
  /** Pages read. */
  readonly pages: number;
  /** Final state: persist it for the next run. */
  readonly state: SyncState;
}

/**
 * Runs a source: validates each mapped record against its `@cx/model` schema, drops repeats by key, sends
 * invalid records to the dead letters, and yields records and checkpoints. The cursor never passes the sync
 * start minus the lag window; the next run re-reads the lookback window and the dedup set removes repeats.
 *
 * Exactly-once: persist each checkpoint's state together with the records yielded before it; after a crash,
 * resume from the last persisted state. A daily quota stops the sync with a
 * {@link CxQuotaExceededError} carrying the state to resume from.
 *
 * @param source - The source to read.
 * @param options - State, windows, clock, dead letters, progress.
 * @returns An async generator of items; its return value is the {@link SyncSummary}.
 * @throws {@link CxQuotaExceededError} when the source's quota is exhausted (with `checkpoint`).
 * @example
 * ```ts
 * import { ndjsonSource, sync } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"id":"e1","user":"u1","ts":"2024-06-01T10:00:00Z","event":"page_view"}\n']),
 *   kind: 'interaction',
 *   fields: { id: 'id', anonymousId: 'user', timestamp: 'ts', name: 'event' },
 *   defaults: { channel: 'web' },
 * });
 * for await (const item of sync(source)) if (item.type === 'record') console.log(item.record.kind); // 'interaction'
 * ```
 * @category Sync
 * @since 0.1.0
 */
export async function* sync(
  source: Source,
  options: SyncOptions = {},
): AsyncGenerator<SyncItem, SyncSummary> {
  const now = options.now ?? Date.now;
  const startedMs = now();
  const lookbackMs = options.lookbackMs ?? source.lookbackMs;
  const lagMs = options.lagMs ?? source.lagMs;
  const prior = options.state ?? null;
  const until = new Date(startedMs - lagMs).toISOString();
  const untilPosition: CursorPosition = { time: until, id: '' };
  const from =
    prior?.cursor != null
      ? new Date(Date.parse(prior.cursor.time) - lookbackMs).toISOString()
      : (options.startAt ?? null);
  const fromMs = from === null ? Number.NEGATIVE_INFINITY : Date.parse(from);
  const redactor = new Redactor(source.secrets?.() ?? []);
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;

  let cursor: CursorPosition | null = prior?.cursor ?? null;
  let resume = prior?.resume;
  const seen = new Map<string, number>(prior?.seen ?? []);
  let records = 0;
  let duplicates = 0;
  let deadLetters = 0;
  let outOfWindow = 0;
  let pages = 0;
  let dirty = false;
  let stream: string | null = null;

  const state = (): SyncState => {
    if (cursor !== null) {
      const threshold = Date.parse(cursor.time) - lookbackMs;
      for (const [key, t] of seen) if (t < threshold) seen.delete(key);
    }
    const seenList = [...seen].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return resume === undefined
      ? { version: 1, cursor, seen: seenList }
      : { version: 1, cursor, seen: seenList, resume };
  };
  const progress = () => {
    if (!options.onProgress) return;
    const elapsedMs = Math.max(0, now() - startedMs);
    options.onProgress({
      source: source.name,
      stream,
      records,
      pages,
      duplicates,
      deadLetters,
      cursor,
      elapsedMs,
      recordsPerSecond: elapsedMs > 0 ? (records * 1000) / elapsedMs : 0,
    });
  };
  const deadLetter = async (
    streamName: string,
    key: string | null,
    raw: unknown,
    reason: string,
    issues: readonly ValidationIssue[],
  ) => {
    deadLetters++;
    await options.deadLetters?.write({
      source: source.name,
      stream: streamName,
      key,
      raw: redactor.redactValue(raw),
      reason: redactor.redact(reason),
      issues: issues.map((i) => ({ ...i, message: redactor.redact(i.message) })),
      at: new Date(now()).toISOString(),
    });
  };

  try {
    const context = { from, until, startedAt: new Date(startedMs).toISOString(), state: prior, signal };
    for await (const message of source.read(context)) {
      switch (message.type) {
        case 'record': {
          const timeMs = Date.parse(message.position.time);
          // before the window: delivered by an earlier page or run (the cursor's promise), or too late to take
          if (timeMs < fromMs || (cursor !== null && timeMs < Date.parse(cursor.time) - lookbackMs)) {
            outOfWindow++;
            break;
          }
          if (seen.has(message.key)) {
            duplicates++;
            break;
          }
          seen.set(message.key, timeMs);
          dirty = true;
          let candidates: ReturnType<typeof message.map>;
          try {
            candidates = message.map();
          } catch (error) {
            if (!(error instanceof CxError)) throw error;
            await deadLetter(
              message.stream,
              message.key,
              message.raw,
              error.message,
              error instanceof CxValidationError ? error.issues : [],
            );
            break;
          }
          for (const candidate of candidates) {
            const result = safeValidate(SCHEMAS[candidate.kind], candidate.value, {
              subject: SUBJECTS[candidate.kind],
            });
            if (result.success) {
              records++;
              yield {
                type: 'record',
                stream: message.stream,
                key: message.key,
                record: { kind: candidate.kind, value: result.data } as ModelRecord,
              };
            } else {
              await deadLetter(
                message.stream,
                message.key,
                message.raw,
                result.error.message,
                result.error.issues,
              );
            }
          }
          break;
        }
        case 'invalid':
          await deadLetter(message.stream, null, message.raw, message.reason, []);
          break;
        case 'checkpoint': {
          if (message.cursor !== null) {
            const capped = compareCursor(message.cursor, untilPosition) > 0 ? untilPosition : message.cursor;
            if (cursor === null || compareCursor(capped, cursor) > 0) cursor = capped;
          }
          resume = message.resume;
          dirty = false;
          yield { type: 'checkpoint', state: state() };
          progress();
          break;
        }
        case 'page':
          pages++;
          stream = message.stream;
          progress();
          break;
        case 'log':
          break;
      }
    }
  } catch (error) {
    if (error instanceof Error) error.message = redactor.redact(error.message);
    if (error instanceof CxQuotaExceededError) {
      throw new CxQuotaExceededError(error.message, {
        checkpoint: state(),
        resetAt: error.resetAt,
        cause: error,
      });
    }
    throw error;
  } finally {
    controller.abort();
  }
  const final = state();
  if (dirty) yield { type: 'checkpoint', state: final };
  progress();
  return { records, duplicates, deadLetters, outOfWindow, pages, state: final };
}

/**
 * Result of {@link syncAll}.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncAllResult extends SyncSummary {
  /** Every delivered record, in order. */
  readonly items: ReadonlyArray<Extract<SyncItem, { type: 'record' }>>;
}

/**
 * Runs {@link sync} to the end and collects the records (convenient for small syncs and tests).
 *
 * @param source - The source.
 * @param options - As for {@link sync}.
 * @returns Records, counts and the final state.
 * @throws {@link CxQuotaExceededError} as {@link sync} does.
 * @example
 * ```ts
 * import { ndjsonSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n']),
 *   kind: 'customer',
 *   fields: { id: 'id', firstSeenAt: 'since' },
 *   defaults: { type: 'consumer' },
 * });
 * const result = await syncAll(source);
 * console.log(result.records, result.state.cursor?.id); // 1 'c1'
 * ```
 * @category Sync
 * @since 0.1.0
 */
export async function syncAll(source: Source, options: SyncOptions = {}): Promise<SyncAllResult> {
  const items: Array<Extract<SyncItem, { type: 'record' }>> = [];
  const generator = sync(source, options);
  for (;;) {
    const next = await generator.next();
    if (next.done) return { ...next.value, items };
    if (next.value.type === 'record') items.push(next.value);
  }
}
