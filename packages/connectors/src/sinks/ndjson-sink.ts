import { createReadStream } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { CxSinkError } from '../errors.js';
import type { ModelKind } from '../sync/source.js';
import { type CursorPosition, type SyncState, syncStateSchema } from '../sync/state.js';
import { removeStaleTemporaries, syncDirectory, writeFileAtomic } from './atomic-file.js';
import type { SyncSink } from './sink.js';

const RECORDS = 'records.ndjson';
const DEAD_LETTERS = 'dead-letters.ndjson';
const MANIFEST = 'manifest.json';
/** Buffered bytes written to the files before a commit forces them out. */
const FLUSH_BYTES = 4 * 1024 * 1024;

const manifestSchema = z.strictObject({
  version: z.literal(1),
  records: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
  sources: z.record(z.string(), syncStateSchema),
});
interface Manifest {
  readonly version: 1;
  readonly records: number;
  readonly deadLetters: number;
  readonly sources: Readonly<Record<string, SyncState>>;
}

/**
 * One line of an {@link ndjsonSink}'s `records.ndjson`.
 *
 * @category Sinks
 * @since 0.2.0
 */
export interface NdjsonSinkRecord {
  /** Source name. */
  readonly source: string;
  /** Stream name. */
  readonly stream: string;
  /** Dedup key (changes with the version). */
  readonly key: string;
  /** Position `(time, id)` in the source: the version; the latest per `(source, kind, id)` is current. */
  readonly position: CursorPosition;
  /** Model kind. */
  readonly kind: ModelKind;
  /** The validated model record. */
  readonly value: { readonly id: string } & Record<string, unknown>;
}

/**
 * Options of {@link ndjsonSink}.
 *
 * @category Sinks
 * @since 0.2.0
 */
export interface NdjsonSinkOptions {
  /** Directory of the sink (created if missing): `records.ndjson`, `dead-letters.ndjson`, `manifest.json`. */
  readonly directory: string;
}

class FileLog {
  readonly #path: string;
  #handle: Awaited<ReturnType<typeof open>> | null = null;
  #pending: string[] = [];
  #pendingBytes = 0;
  /** Bytes committed (in the manifest). */
  committed = 0;
  /** Bytes committed plus written since. */
  length = 0;

  constructor(path: string) {
    this.#path = path;
  }

  async open(committed: number): Promise<void> {
    this.#handle = await open(this.#path, 'a+');
    const { size } = await this.#handle.stat();
    if (size < committed) {
      throw new CxSinkError(
        'sink_inconsistent',
        `${this.#path} holds ${size} bytes but ${committed} were committed: it was truncated or replaced outside the sink`,
      );
    }
    if (size > committed) await this.#handle.truncate(committed); // a batch a crash left uncommitted
    this.committed = committed;
    this.length = committed;
  }

  add(line: string): Promise<void> | undefined {
    this.#pending.push(line);
    const bytes = Buffer.byteLength(line);
    this.#pendingBytes += bytes;
    this.length += bytes;
    return this.#pendingBytes >= FLUSH_BYTES ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const data = this.#pending.join('');
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#handle?.write(data);
  }

  async sync(): Promise<void> {
    await this.flush();
    await this.#handle?.datasync();
  }

  async rollback(): Promise<void> {
    this.#pending = [];
    this.#pendingBytes = 0;
    if (this.length !== this.committed) await this.#handle?.truncate(this.committed);
    this.length = this.committed;
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    this.#handle = null;
  }
}

async function readManifest(path: string): Promise<Manifest> {
  await removeStaleTemporaries(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { version: 1, records: 0, deadLetters: 0, sources: {} };
    throw error;
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new CxSinkError('sink_inconsistent', `${path} is not a sink manifest: ${parsed.error.message}`);
  }
  return parsed.data as Manifest;
}

const ndjsonSinkSchema = z.strictObject({ directory: z.string().min(1) });

/**
 * A file sink with exactly-once delivery: records are appended to `records.ndjson` and dead letters to
 * `dead-letters.ndjson` as they come; a commit flushes both to disk (`fdatasync`) and then replaces
 * `manifest.json` atomically with the committed byte lengths and the sync state. Only bytes within the
 * manifest's lengths are committed: after a crash at any instant, {@link SyncSink.open} cuts the files back to
 * them and returns the state committed with them, so every record is in the files exactly once per version.
 * Memory is bounded by a 4 MiB write buffer. One writer at a time.
 *
 * Read the committed records with {@link readNdjsonSink}; a record changed at the source appears once per
 * version: the line with the latest `position` per `(source, kind, value.id)` is current.
 *
 * @param options - The directory.
 * @returns The sink.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { ndjsonSink, ndjsonSource, readNdjsonSink, syncToSink } from '@cx/connectors';
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { Readable } from 'node:stream';
 * const directory = mkdtempSync(join(tmpdir(), 'cx-sink-'));
 * const source = ndjsonSource({
 *   input: () => Readable.from(['{"id":"c1","since":"2024-06-01T10:00:00Z"}\n']),
 *   kind: 'customer', fields: { id: 'id', firstSeenAt: 'since' }, defaults: { type: 'consumer' },
 * });
 * const sink = ndjsonSink({ directory });
 * await syncToSink(source, sink);
 * await sink.close();
 * for await (const line of readNdjsonSink(directory)) console.log(line.kind, line.value.id); // 'customer' 'c1'
 * ```
 * @category Sinks
 * @since 0.2.0
 */
export function ndjsonSink(options: NdjsonSinkOptions): SyncSink {
  parseOptions(ndjsonSinkSchema, options, 'ndjsonSink');
  const manifestPath = join(options.directory, MANIFEST);
  const records = new FileLog(join(options.directory, RECORDS));
  const deadLetters = new FileLog(join(options.directory, DEAD_LETTERS));
  let manifest: Manifest | null = null;
  let source: string | null = null;
  const opened = (what: string): string => {
    if (source === null) throw new CxSinkError('sink_not_open', `ndjsonSink: call open() before ${what}()`);
    return source;
  };
  return {
    async open(name) {
      await mkdir(options.directory, { recursive: true });
      manifest = await readManifest(manifestPath);
      await records.close();
      await deadLetters.close();
      await records.open(manifest.records);
      await deadLetters.open(manifest.deadLetters);
      await syncDirectory(options.directory);
      source = name;
      return Object.hasOwn(manifest.sources, name) ? (manifest.sources[name] as SyncState) : null;
    },
    write(item) {
      const name = opened('write');
      const line: NdjsonSinkRecord = {
        source: name,
        stream: item.stream,
        key: item.key,
        position: item.position,
        kind: item.record.kind,
        value: item.record.value as NdjsonSinkRecord['value'],
      };
      return records.add(`${JSON.stringify(line)}\n`);
    },
    writeDeadLetter(letter) {
      opened('writeDeadLetter');
      return deadLetters.add(`${JSON.stringify(letter)}\n`);
    },
    async commit(state) {
      const name = opened('commit');
      await records.sync();
      await deadLetters.sync();
      const next: Manifest = {
        version: 1,
        records: records.length,
        deadLetters: deadLetters.length,
        sources: { ...manifest?.sources, [name]: state },
      };
      await writeFileAtomic(manifestPath, JSON.stringify(next));
      manifest = next;
      records.committed = records.length;
      deadLetters.committed = deadLetters.length;
    },
    async rollback() {
      await records.rollback();
      await deadLetters.rollback();
    },
    async close() {
      if (source !== null) {
        await records.rollback();
        await deadLetters.rollback();
      }
      await records.close();
      await deadLetters.close();
      source = null;
    },
  };
}

/**
 * Reads the committed records of an {@link ndjsonSink} directory, in commit order (an uncommitted tail left by a
 * crash is not read).
 *
 * @param directory - The sink's directory.
 * @returns The committed lines.
 * @throws {@link CxSinkError} when the manifest is not valid.
 * @example
 * ```ts
 * import { readNdjsonSink } from '@cx/connectors';
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * let n = 0;
 * for await (const _ of readNdjsonSink(mkdtempSync(join(tmpdir(), 'cx-empty-')))) n++;
 * console.log(n); // 0
 * ```
 * @category Sinks
 * @since 0.2.0
 */
export async function* readNdjsonSink(directory: string): AsyncGenerator<NdjsonSinkRecord> {
  const manifest = await readManifest(join(directory, MANIFEST));
  if (manifest.records === 0) return;
  const stream = createReadStream(join(directory, RECORDS), { start: 0, end: manifest.records - 1 });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as NdjsonSinkRecord;
  } finally {
    lines.close();
    stream.destroy();
  }
}
