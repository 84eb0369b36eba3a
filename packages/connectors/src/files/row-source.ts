import { createHash, type Hash } from 'node:crypto';
import { instantToEpochMs, type JsonValue } from '@cx/model';
import { CxProtocolError } from '../errors.js';
import { compileMapping, type FieldMapping, type FieldRule, getPath, parseTimestamp } from '../mapping.js';
import type { ModelKind, Source, SourceContext, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { FingerprintSet } from './fingerprint-set.js';
import type { RowItem } from './row-item.js';

const DEFAULT_TIME_FIELD: Record<ModelKind, string> = {
  customer: 'firstSeenAt',
  interaction: 'timestamp',
  surveyResponse: 'respondedAt',
  order: 'orderedAt',
  feedback: 'createdAt',
};

/**
 * Mapping options shared by the CSV, NDJSON and protocol sources.
 *
 * @category Files
 * @since 0.1.0
 */
export interface RowMappingOptions {
  /** Model kind each row becomes. */
  readonly kind: ModelKind;
  /** Model field → source column or path (or function). Unmapped columns go to `properties`/`attributes`. */
  readonly fields: FieldMapping;
  /** Constant values for unmapped model fields, e.g. `{ channel: 'web' }`. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Rule giving the row's id (default: the `id` field rule). */
  readonly idField?: FieldRule;
  /** Rule giving the row's cursor time (default: the rule of the kind's time field, e.g. `timestamp`). */
  readonly cursorField?: FieldRule;
}

/**
 * How a file source removes repeated rows of an unordered file within one pass.
 *
 * - `file`: every repeat in the file is removed, exactly: the source keeps a 96-bit fingerprint of each row
 *   (20 to 39 bytes of memory per row, 218 MB for 10 million; the saved state does not grow).
 * - `window`: only repeats within the lookback window of the newest row are removed; memory and state stay
 *   bounded whatever the file's length. Use it with a sink that upserts by id and version (the DuckDB sink),
 *   which makes a repeated row a no-op.
 *
 * @category Files
 * @since 0.2.0
 */
export type FileDedup = 'file' | 'window';

/**
 * Options of the row sources ({@link ndjsonSource}, {@link csvSource}).
 *
 * @category Files
 * @since 0.1.0
 */
export interface RowSourceOptions extends RowMappingOptions {
  /** Source name (default `ndjson` / `csv`). */
  readonly name?: string;
  /** Stream name (default: the kind). */
  readonly stream?: string;
  /**
   * Rows are sorted by cursor time: the cursor advances as the file goes. A row older than the newest so far
   * minus the lookback is a dead letter (the file is not sorted as declared).
   */
  readonly ordered?: boolean;
  /** Repeats in an unordered file: `file` (default, exact) or `window` (bounded memory); see {@link FileDedup}. */
  readonly dedup?: FileDedup;
  /** Checkpoint every this many rows (default 10 000). */
  readonly checkpointEvery?: number;
  /** Lookback in ms (default 0). */
  readonly lookbackMs?: number;
}

/**
 * Returns the rule reading a row's field, with a `(row) => value` function applied.
 *
 * @internal
 */
export function readRule(row: Readonly<Record<string, unknown>>, rule: FieldRule): unknown {
  return typeof rule === 'string' ? getPath(row, rule) : rule(row);
}

/** Resume marker of a file pass: rows handled, a digest of their text, and the newest position among them. */
interface RowResume {
  readonly row: number;
  readonly digest?: string;
  readonly max?: CursorPosition;
}

function readResume(resume: JsonValue | undefined): RowResume | null {
  if (resume === null || typeof resume !== 'object' || Array.isArray(resume)) return null;
  const row = Object.hasOwn(resume, 'row') ? resume.row : undefined;
  if (typeof row !== 'number' || !Number.isSafeInteger(row) || row < 0) return null;
  const digest =
    Object.hasOwn(resume, 'digest') && typeof resume.digest === 'string' ? resume.digest : undefined;
  const max = Object.hasOwn(resume, 'max') ? (resume.max as { time?: unknown; id?: unknown } | null) : null;
  const position =
    max !== null && typeof max === 'object' && typeof max.time === 'string' && typeof max.id === 'string'
      ? { time: max.time, id: max.id }
      : undefined;
  return {
    row,
    ...(digest === undefined ? {} : { digest }),
    ...(position === undefined ? {} : { max: position }),
  };
}

const textDigest = (hash: Hash) => hash.copy().digest('hex').slice(0, 32);

/**
 * Turns rows read from a file into source messages: position, a key that changes with the row's content (a
 * corrected row with the same id and time is a new version), the mapping, dead letters with line numbers, and
 * a checkpoint every N rows with a resume marker `{ row, digest, max }` — resuming skips the rows already
 * handled after checking that their text is unchanged. Checks the abort signal at every row.
 *
 * @internal
 */
export function rowSource(
  defaultName: string,
  options: RowSourceOptions,
  rows: (context: SourceContext) => AsyncIterable<RowItem>,
): Source {
  const name = options.name ?? defaultName;
  const stream = options.stream ?? options.kind;
  const idRule = options.idField ?? options.fields.id;
  const timeRule = options.cursorField ?? options.fields[DEFAULT_TIME_FIELD[options.kind]];
  const every = options.checkpointEvery ?? 10_000;
  const ordered = options.ordered === true;
  const lookbackMs = options.lookbackMs ?? 0;
  const mapRow = compileMapping({
    kind: options.kind,
    fields: options.fields,
    ...(options.defaults ? { defaults: options.defaults } : {}),
  });

  /** Position, key and content digest of a row, or why it has none. */
  const identify = (item: RowItem) => {
    const { row, line } = item;
    if (item.error !== undefined) return { reason: item.error } as const;
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      return { reason: `Line ${line}: expected an object` } as const;
    const record = row as Record<string, unknown>;
    const idValue = idRule === undefined ? undefined : readRule(record, idRule);
    const time = timeRule === undefined ? null : parseTimestamp(readRule(record, timeRule));
    if (time === null) return { reason: `Line ${line}: no parseable cursor time` } as const;
    const id =
      typeof idValue === 'string'
        ? idValue
        : (typeof idValue === 'number' && Number.isFinite(idValue)) || typeof idValue === 'bigint'
          ? String(idValue)
          : null;
    if (id === null || id === '')
      return {
        reason: `Line ${line}: ${idValue === undefined || idValue === null || idValue === '' ? 'no id' : 'the id is not a string or a number'}`,
      } as const;
    const digest = createHash('sha256')
      .update(`${stream}\u0000${id}\u0000${time}\u0000`)
      .update(JSON.stringify(record))
      .digest();
    const position = { time, id };
    const key = `${stream}:${id}@${time}#${digest.subarray(0, 9).toString('base64url')}`;
    return { record, position, key, digest } as const;
  };

  return {
    name,
    lookbackMs,
    lagMs: 0,
    async *read(context): AsyncGenerator<SourceMessage> {
      const resume = readResume(context.state?.resume);
      const skip = resume?.row ?? 0;
      let max: CursorPosition | null = skip > 0 ? (resume?.max ?? null) : null;
      const pass = !ordered && options.dedup !== 'window' ? new FingerprintSet() : null;
      const text = createHash('sha256');
      let count = 0;
      for await (const item of rows(context)) {
        context.signal.throwIfAborted();
        count++;
        text.update(item.text).update('\n');
        if (count <= skip) {
          // already handled by the run that saved the marker: only rebuild what this pass must remember
          if (pass !== null) {
            const known = identify(item);
            if ('digest' in known) pass.add(known.digest);
          }
          if (count === skip && resume?.digest !== undefined && textDigest(text) !== resume.digest) {
            throw new CxProtocolError(
              `${name}: the first ${skip} rows differ from those the resume marker was saved after (line ${item.line}); the input changed, start again without the state or from an earlier one`,
              { code: 'input_changed', line: item.line },
            );
          }
          continue;
        }
        const known = identify(item);
        if ('reason' in known) {
          yield { type: 'invalid', stream, raw: item.row ?? null, reason: known.reason, line: item.line };
        } else if (
          ordered &&
          max !== null &&
          instantToEpochMs(known.position.time) < instantToEpochMs(max.time) - lookbackMs
        ) {
          yield {
            type: 'invalid',
            stream,
            raw: known.record,
            reason: `Line ${item.line}: time ${known.position.time} is before ${max.time}, the newest so far, although the file is declared ordered`,
            line: item.line,
          };
        } else {
          const { record, position, key } = known;
          if (max === null || compareCursor(position, max) > 0) max = position;
          const duplicate = pass !== null && !pass.add(known.digest);
          yield {
            type: 'record',
            stream,
            raw: record,
            position,
            key,
            line: item.line,
            map: () => [{ kind: options.kind, value: mapRow(record) }],
            ...(ordered ? {} : { uniqueInRun: true }),
            ...(duplicate ? { duplicate: true } : {}),
          };
        }
        if (count % every === 0) {
          const marker: Record<string, JsonValue> = { row: count, digest: textDigest(text) };
          if (max !== null) marker.max = { time: max.time, id: max.id };
          yield { type: 'checkpoint', cursor: ordered ? max : null, resume: marker };
        }
      }
      if (count < skip) {
        throw new CxProtocolError(
          `${name}: the input has ${count} rows, fewer than the ${skip} the resume marker was saved after; the input changed, start again without the state`,
          { code: 'input_changed' },
        );
      }
      yield { type: 'page', stream };
      yield { type: 'checkpoint', cursor: max };
    },
  };
}
