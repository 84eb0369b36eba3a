import { CxError, CxValidationError, parseOptions, type ValidationIssue } from '@cx/model';
import { CxResumableError, CxSourceError, CxSyncAbortedError } from '../errors.js';
import type { RetryNotice } from '../http/client.js';
import { Redactor } from '../redact.js';
import { validateCandidate } from './candidates.js';
import { SeenWindow } from './seen-window.js';
import type { ModelRecord, Source, SourceContext, SourceMessage } from './source.js';
import { type CursorPosition, compareCursor, type SyncState } from './state.js';
import { syncOptionsSchema } from './sync-options.js';
import type { SyncItem, SyncOptions, SyncProgress, SyncRecordItem, SyncSummary } from './types.js';

/** Retry notices kept on a run (the count is exact; the list keeps the latest). */
const RETRIES_KEPT = 100;

/**
 * Where a {@link SyncRun} stands.
 *
 * @category Sync
 * @since 0.2.0
 */
export type SyncStatus = 'ready' | 'running' | 'done' | 'failed' | 'closed';

/**
 * One run of a source: iterate it for records and checkpoints (`for await (const item of run)`), and read its
 * live progress (with the source's total when it reports one), retries, the last checkpoint handed out and, at
 * the end, the summary — which a `for await` loop would otherwise lose.
 *
 * A run can be iterated once. Leaving the loop early (`break`, a throw in the loop body) closes the source and
 * its files or connections; `status` becomes `closed` and `checkpoint` stays the last state handed out.
 *
 * @example
 * ```ts
 * import { ndjsonSource, sync } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const run = sync(ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n{"id":"c2"}\n']),
 *   kind: 'customer',
 *   fields: { id: 'id', firstSeenAt: 'since' },
 *   defaults: { type: 'consumer' },
 * }));
 * for await (const item of run) if (item.type === 'record') console.log(item.record.value.id); // 'c1'
 * console.log(run.status, run.summary?.records, run.summary?.deadLetters); // 'done' 1 1
 * ```
 * @category Sync
 * @since 0.2.0
 */
export class SyncRun implements AsyncIterable<SyncItem> {
  readonly #source: Source;
  readonly #options: SyncOptions;
  readonly #now: () => number;
  readonly #startedMs: number;
  #status: SyncStatus = 'ready';
  #checkpoint: SyncState | null;
  #summary: SyncSummary | null = null;
  #error: unknown;
  #stream: string | null = null;
  #total: number | null = null;
  #records = 0;
  #duplicates = 0;
  #deadLetters = 0;
  #outOfWindow = 0;
  #pages = 0;
  #retryCount = 0;
  readonly #retries: RetryNotice[] = [];

  /**
   * Prepares a run (nothing is read until it is iterated); use {@link sync}.
   *
   * @param source - The source.
   * @param options - Sync options.
   * @throws {@link @cx/model!CxOptionsError} when the options are wrong.
   */
  constructor(source: Source, options: SyncOptions = {}) {
    parseOptions(syncOptionsSchema, options, 'sync');
    this.#source = source;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#startedMs = this.#now();
    this.#checkpoint = options.state ?? null;
  }

  /** Where the run stands. */
  get status(): SyncStatus {
    return this.#status;
  }

  /** The last state handed to the consumer with a checkpoint (the resume state), or the state it started from. */
  get checkpoint(): SyncState | null {
    return this.#checkpoint;
  }

  /** Counts and final state, once the source is exhausted; `null` before, or after a failure or early exit. */
  get summary(): SyncSummary | null {
    return this.#summary;
  }

  /** The error that ended the run, if it failed. */
  get error(): unknown {
    return this.#error;
  }

  /** The latest HTTP retries (at most 100; `progress.retries` counts them all). */
  get retries(): readonly RetryNotice[] {
    return this.#retries;
  }

  /** A snapshot of the progress now. */
  get progress(): SyncProgress {
    const elapsedMs = Math.max(0, this.#now() - this.#startedMs);
    return {
      source: this.#source.name,
      stream: this.#stream,
      records: this.#records,
      total: this.#total,
      pages: this.#pages,
      duplicates: this.#duplicates,
      deadLetters: this.#deadLetters,
      outOfWindow: this.#outOfWindow,
      retries: this.#retryCount,
      cursor: this.#checkpoint?.cursor ?? null,
      elapsedMs,
      recordsPerSecond: elapsedMs > 0 ? (this.#records * 1000) / elapsedMs : 0,
    };
  }

  /**
   * The items of the run; its return value is the {@link SyncSummary}.
   *
   * @returns An async generator of records and checkpoints.
   * @throws {@link @cx/model!CxError} with code `run_reused` when the run was already iterated.
   */
  [Symbol.asyncIterator](): AsyncGenerator<SyncItem, SyncSummary> {
    if (this.#status !== 'ready') {
      throw new CxError(
        'run_reused',
        `This sync run of ${this.#source.name} was already iterated: call sync() again`,
      );
    }
    this.#status = 'running';
    return this.#run();
  }

  #report(): void {
    this.#options.onProgress?.(this.progress);
  }

  async *#run(): AsyncGenerator<SyncItem, SyncSummary> {
    try {
      return yield* this.#body();
    } finally {
      if (this.#status === 'running') this.#status = 'closed';
    }
  }

  async *#body(): AsyncGenerator<SyncItem, SyncSummary> {
    const source = this.#source;
    const options = this.#options;
    const lookbackMs = options.lookbackMs ?? source.lookbackMs;
    const lagMs = options.lagMs ?? source.lagMs;
    const prior = options.state ?? null;
    const untilMs = this.#startedMs - lagMs;
    const until = new Date(untilMs).toISOString();
    const untilPosition: CursorPosition = { time: until, id: '' };
    const from =
      prior?.cursor != null
        ? new Date(Date.parse(prior.cursor.time) - lookbackMs).toISOString()
        : (options.startAt ?? null);
    const fromMs = from === null ? Number.NEGATIVE_INFINITY : Date.parse(from);
    const redactor = new Redactor(source.secrets?.() ?? []);
    const userSignal = options.signal;
    const controller = new AbortController();
    const signal = userSignal ? AbortSignal.any([userSignal, controller.signal]) : controller.signal;

    let cursor: CursorPosition | null = prior?.cursor ?? null;
    let resume = prior?.resume;
    const seen = new SeenWindow(lookbackMs, untilMs, prior?.seen ?? []);
    let dirty = false;

    const state = (): SyncState => {
      seen.prune(cursor === null ? null : Date.parse(cursor.time));
      const seenList = seen.entries();
      return resume === undefined
        ? { version: 1, cursor, seen: seenList }
        : { version: 1, cursor, seen: seenList, resume };
    };
    const deadLetter = async (
      stream: string,
      key: string | null,
      line: number | undefined,
      raw: unknown,
      reason: string,
      issues: readonly ValidationIssue[],
    ) => {
      this.#deadLetters++;
      await options.deadLetters?.write({
        source: source.name,
        stream,
        key,
        line: line ?? null,
        raw: redactor.redactValue(raw),
        reason: redactor.redact(reason),
        issues: issues.map((i) => ({ ...i, message: redactor.redact(i.message) })),
        at: new Date(this.#now()).toISOString(),
      });
    };
    const onRetry = (notice: RetryNotice) => {
      this.#retryCount++;
      this.#retries.push(notice);
      if (this.#retries.length > RETRIES_KEPT) this.#retries.shift();
      options.onRetry?.(notice);
      this.#report();
    };
    const aborted = () => userSignal?.aborted === true;

    const context: SourceContext = {
      from,
      until,
      startedAt: new Date(this.#startedMs).toISOString(),
      state: prior,
      signal,
      onRetry,
    };
    let iterator: AsyncIterator<SourceMessage> | null = null;
    try {
      if (aborted()) throw userSignal?.reason;
      iterator = source.read(context)[Symbol.asyncIterator]();
      for (;;) {
        const next = await iterator.next();
        if (aborted()) throw userSignal?.reason;
        if (next.done) break;
        const message = next.value;
        switch (message.type) {
          case 'record': {
            const timeMs = Date.parse(message.position.time);
            // before the window: delivered by an earlier page or run (the cursor's promise), or too late to take
            if (timeMs < fromMs || (cursor !== null && timeMs < Date.parse(cursor.time) - lookbackMs)) {
              this.#outOfWindow++;
              break;
            }
            if (message.duplicate === true || seen.has(message.key)) {
              this.#duplicates++;
              break;
            }
            seen.add(message.key, timeMs, message.uniqueInRun === true);
            dirty = true;
            let candidates: ReturnType<typeof message.map>;
            try {
              candidates = message.map();
            } catch (error) {
              if (!(error instanceof CxError)) throw error;
              await deadLetter(
                message.stream,
                message.key,
                message.line,
                message.raw,
                error.message,
                error instanceof CxValidationError ? error.issues : [],
              );
              break;
            }
            for (const candidate of candidates) {
              const result = validateCandidate(candidate);
              if (!result.success) {
                await deadLetter(
                  message.stream,
                  message.key,
                  message.line,
                  message.raw,
                  result.error.message,
                  result.error.issues,
                );
                continue;
              }
              if (aborted()) throw userSignal?.reason;
              this.#records++;
              const item: SyncRecordItem = {
                type: 'record',
                stream: message.stream,
                key: message.key,
                position: message.position,
                record: { kind: candidate.kind, value: result.data } as ModelRecord,
              };
              yield item;
              if (aborted()) throw userSignal?.reason;
            }
            break;
          }
          case 'invalid':
            dirty = true;
            await deadLetter(message.stream, null, message.line, message.raw, message.reason, []);
            break;
          case 'checkpoint': {
            if (message.cursor !== null) {
              const capped =
                compareCursor(message.cursor, untilPosition) > 0 ? untilPosition : message.cursor;
              if (cursor === null || compareCursor(capped, cursor) > 0) cursor = capped;
            }
            resume = message.resume;
            dirty = false;
            const checkpoint = state();
            this.#checkpoint = checkpoint; // handed out now: the consumer has received it
            yield { type: 'checkpoint', state: checkpoint };
            this.#report();
            break;
          }
          case 'page':
            this.#pages++;
            this.#stream = message.stream;
            if (message.total !== undefined) this.#total = message.total;
            this.#report();
            break;
          case 'log':
            options.onLog?.({
              source: source.name,
              level: message.level,
              message: redactor.redact(message.message),
            });
            break;
        }
      }
    } catch (error) {
      this.#status = 'failed';
      const thrown = this.#failure(error, aborted(), userSignal?.reason, redactor);
      this.#error = thrown;
      throw thrown;
    } finally {
      controller.abort();
      // close the source (files, child processes); it is suspended at a yield, so this returns promptly
      await iterator?.return?.().catch(() => {});
    }
    const final = state();
    if (dirty) {
      this.#checkpoint = final;
      yield { type: 'checkpoint', state: final };
    }
    const summary: SyncSummary = {
      records: this.#records,
      duplicates: this.#duplicates,
      deadLetters: this.#deadLetters,
      outOfWindow: this.#outOfWindow,
      pages: this.#pages,
      retries: this.#retryCount,
      state: final,
    };
    this.#summary = summary;
    this.#status = 'done';
    this.#report();
    return summary;
  }

  /** The error a failed run throws: resumable errors carry the last checkpoint; foreign errors are wrapped redacted. */
  #failure(error: unknown, aborted: boolean, reason: unknown, redactor: Redactor): Error {
    const name = this.#source.name;
    if (aborted) {
      return new CxSyncAbortedError(`Sync of ${name} aborted`, {
        checkpoint: this.#checkpoint,
        cause: reason instanceof CxError ? reason : redactor.redactError(reason),
      });
    }
    if (error instanceof CxResumableError) return error.withCheckpoint(this.#checkpoint);
    if (error instanceof CxError) return error;
    const text = error instanceof Error ? error.message : String(error);
    return new CxSourceError(redactor.redact(`Source ${name} failed: ${text}`), {
      source: name,
      cause: redactor.redactError(error),
    });
  }
}

/**
 * Runs a source: validates each mapped record against its `@cx/model` schema, drops repeats by key, sends
 * invalid records to the dead letters, and yields records and checkpoints. The cursor never passes the sync
 * start minus the lag window; the next run re-reads the lookback window and the dedup set removes repeats.
 *
 * Exactly once: persist each checkpoint's state together with the records yielded before it (or use
 * {@link syncToSink}, which does it in one transaction); after a crash, resume from the last persisted state. A
 * quota, a long `Retry-After` or an abort stops the sync with a {@link CxResumableError} whose `checkpoint` is
 * the last state handed out, i.e. exactly what the consumer has received with a checkpoint.
 *
 * @param source - The source to read.
 * @param options - State, windows, clock, signal, dead letters, progress, log and retry hooks.
 * @returns The run: iterate it, then read `summary`.
 * @throws {@link CxQuotaExceededError} (with `checkpoint`) when the source's quota is exhausted.
 * @throws {@link CxRetryLaterError} (with `checkpoint`) when a server asks to wait longer than the caps.
 * @throws {@link CxSyncAbortedError} (with `checkpoint`) when `signal` aborts.
 * @throws {@link CxSourceError} when the source fails with an error that is not a `@cx` error.
 * @throws {@link @cx/model!CxOptionsError} at once, when the options are wrong (an unknown key, `null`, a negative
 * window, a state that is not a `SyncState`).
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
export function sync(source: Source, options: SyncOptions = {}): SyncRun {
  return new SyncRun(source, options);
}
