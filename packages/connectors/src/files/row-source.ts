import { createHash, type Hash } from 'node:crypto';
import { addAbortSignal, Readable } from 'node:stream';
import {
  deadLetterIssue,
  defineMapping,
  type IngestInput,
  type Mapping,
  type MappingSpec,
  type TextEncodingName,
  textEncodingOption,
} from '@cx/ingest';
import {
  CxOptionsError,
  epochMsToInstant,
  instantToEpochMs,
  instantToEpochMsOrNaN,
  type JsonValue,
} from '@cx/model';
import { z } from 'zod';
import { CxProtocolError } from '../errors.js';
import { countOption, msOption } from '../options.js';
import type { ModelKind, Source, SourceContext, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import type { FileItem } from './file-items.js';
import { FingerprintSet } from './fingerprint-set.js';

const DEFAULT_TIME_FIELD: Record<ModelKind, string> = {
  customer: 'firstSeenAt',
  interaction: 'timestamp',
  surveyResponse: 'respondedAt',
  order: 'orderedAt',
  feedback: 'createdAt',
};
const KINDS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_TIME_FIELD));

/**
 * What a file source reads: an `@cx/ingest` input (`{ path }`, gunzipped when it ends in `.gz`; `{ text }`; bytes;
 * an async iterable of chunks), or a function returning one, called once per sync (a stream can be read only
 * once: pass a function to sync the same source again).
 *
 * @category Files
 * @since 0.3.0
 */
export type FileSourceInput = IngestInput | (() => IngestInput);

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
 * Options of the file sources ({@link ndjsonSource}, {@link csvSource}).
 *
 * @category Files
 * @since 0.1.0
 */
export interface RowSourceOptions {
  /** What to read: `{ path }`, `{ text }`, bytes, a stream, or a function returning one of them. */
  readonly input: FileSourceInput;
  /**
   * How rows become model records: an `@cx/ingest` mapping or its spec (`kind`, `fields`, `properties`,
   * `timeZone`, `decimal`, …; see docs/ingest.md). Its kind is one the connectors deliver (not `subscription`).
   */
  readonly mapping: Mapping | MappingSpec;
  /** The record's instant field that is its cursor time (default: the kind's time field, e.g. `timestamp`). */
  readonly cursorField?: string;
  /** Text encoding of the input (default `utf-8`, checked cell by cell). */
  readonly encoding?: TextEncodingName;
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

const isInput = (v: unknown): boolean =>
  typeof v === 'function' ||
  v instanceof Uint8Array ||
  (typeof v === 'object' &&
    v !== null &&
    (typeof (v as { path?: unknown }).path === 'string' ||
      typeof (v as { text?: unknown }).text === 'string' ||
      Symbol.asyncIterator in v));

/**
 * The options shared by the CSV and NDJSON sources (see {@link RowSourceOptions}).
 *
 * @internal
 */
export const rowSourceShape = {
  input: z.custom<FileSourceInput>(isInput, {
    error:
      'Expected { path }, { text }, a Uint8Array, an async iterable of chunks, or a function returning one (a plain string is not a path)',
  }),
  mapping: z.custom<Mapping | MappingSpec>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    error: 'Expected an @cx/ingest mapping or mapping spec ({ kind, fields, … })',
  }),
  cursorField: z.string().min(1).optional(),
  encoding: textEncodingOption,
  name: z.string().min(1).optional(),
  stream: z.string().min(1).optional(),
  ordered: z.boolean().optional(),
  dedup: z.enum(['file', 'window']).optional(),
  checkpointEvery: countOption(1_000_000_000).optional(),
  lookbackMs: msOption.optional(),
};

/**
 * Checks and compiles the mapping of a file source once: an `@cx/ingest` mapping (kept) or spec (compiled with
 * `defineMapping`, which throws `CxOptionsError` naming the closest field for a typo), of a kind the connectors
 * deliver, and the cursor field an instant field of that kind.
 *
 * @internal
 */
export function fileMapping(options: RowSourceOptions, functionName: string): Mapping {
  const spec = options.mapping as Mapping | MappingSpec;
  if (!KINDS.has(spec.kind)) {
    throw new CxOptionsError(functionName, [
      {
        path: ['mapping', 'kind'],
        code: 'invalid_value',
        message: `Expected a kind the connectors deliver (${[...KINDS].join(', ')}), got ${JSON.stringify(spec.kind)}`,
      },
    ]);
  }
  let mapping: Mapping;
  try {
    mapping =
      'columns' in spec && Array.isArray(spec.columns) && Object.isFrozen(spec)
        ? (spec as Mapping)
        : defineMapping(spec as MappingSpec);
  } catch (error) {
    if (!(error instanceof CxOptionsError)) throw error;
    // the same issues, with paths from the root of this function's options (the original is the cause)
    throw new CxOptionsError(
      functionName,
      error.issues.map((issue) => ({ ...issue, path: ['mapping', ...issue.path] })),
      { cause: error },
    );
  }
  const cursorField = options.cursorField ?? DEFAULT_TIME_FIELD[mapping.kind as ModelKind];
  const field = mapping.fields.find((f) => f.field === cursorField);
  if (field === undefined || field.type !== 'instant') {
    throw new CxOptionsError(functionName, [
      {
        path: options.cursorField === undefined ? ['mapping', 'fields', cursorField] : ['cursorField'],
        code: field === undefined ? 'missing_option' : 'invalid_value',
        message:
          field === undefined
            ? `The cursor time "${cursorField}" is not mapped: map it, or name another instant field of ${mapping.kind} in cursorField`
            : `The cursor field "${cursorField}" is not an instant field of ${mapping.kind}`,
      },
    ]);
  }
  return mapping;
}

/**
 * The input to read in this sync: the function's result, or the input itself. A stream is tied to `signal`, so
 * that an abort destroys it and ends a read waiting for data that never comes (the ingestion layer checks the
 * signal between chunks only).
 *
 * @internal
 */
export function resolveInput(input: FileSourceInput, signal: AbortSignal): IngestInput {
  const made = typeof input === 'function' ? input() : input;
  if (made instanceof Readable) return addAbortSignal(signal, made);
  if (made instanceof Uint8Array || 'path' in made || 'text' in made) return made;
  return addAbortSignal(signal, Readable.from(made, { objectMode: false }));
}

/** Resume marker of a file pass: rows handled, a digest of their content, and the newest position among them. */
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
    max !== null &&
    typeof max === 'object' &&
    typeof max.time === 'string' &&
    typeof max.id === 'string' &&
    Number.isFinite(instantToEpochMsOrNaN(max.time))
      ? { time: max.time, id: max.id }
      : undefined;
  return {
    row,
    ...(digest === undefined ? {} : { digest }),
    ...(position === undefined ? {} : { max: position }),
  };
}

const textDigest = (hash: Hash) => hash.copy().digest('hex').slice(0, 32);

/** The text a row contributes to the resume digest: its line and what it was read as. */
const itemText = (item: FileItem): string =>
  'value' in item
    ? `${item.line}\u0001${JSON.stringify(item.value)}`
    : `${item.line}\u0002${item.letter.code}\u0002${item.letter.raw}`;

/**
 * Turns the records and dead letters `@cx/ingest` read from a file into source messages: position, a key that
 * changes with the record's content (a corrected row with the same id and time is a new version), dead letters
 * with line, column and code, and a checkpoint every N rows with a resume marker `{ row, digest, max }` —
 * resuming skips the rows already handled after checking that they read the same. Checks the abort signal at
 * every row.
 *
 * @internal
 */
export function rowSource(
  defaultName: string,
  options: RowSourceOptions,
  mapping: Mapping,
  rows: (context: SourceContext) => AsyncIterable<FileItem>,
): Source {
  const name = options.name ?? defaultName;
  const kind = mapping.kind as ModelKind;
  const stream = options.stream ?? kind;
  const cursorField = options.cursorField ?? DEFAULT_TIME_FIELD[kind];
  const every = options.checkpointEvery ?? 10_000;
  const ordered = options.ordered === true;
  const lookbackMs = options.lookbackMs ?? 0;

  /** Position, key and content digest of a record, or why it has none. */
  const identify = (item: FileItem) => {
    const { line } = item;
    if ('letter' in item) {
      const { letter } = item;
      const where = letter.column === undefined ? `Line ${line}` : `Line ${line}, column ${letter.column}`;
      return {
        reason: `${where}: ${letter.reason}`,
        raw: letter.raw,
        issues: [deadLetterIssue(letter)],
      } as const;
    }
    const { value } = item;
    const id = Object.hasOwn(value, 'id') ? value.id : undefined;
    const at = Object.hasOwn(value, cursorField) ? value[cursorField] : undefined;
    const ms = typeof at === 'string' ? instantToEpochMsOrNaN(at) : Number.NaN;
    if (!Number.isFinite(ms))
      return { reason: `Line ${line}: no cursor time (${cursorField} is empty)`, raw: value } as const;
    if (typeof id !== 'string' || id === '') return { reason: `Line ${line}: no id`, raw: value } as const;
    const time = epochMsToInstant(ms);
    const content = JSON.stringify(value);
    const digest = createHash('sha256')
      .update(`${stream}\u0000${id}\u0000${time}\u0000`)
      .update(content)
      .digest();
    const position = { time, id };
    const key = `${stream}:${id}@${time}#${digest.subarray(0, 9).toString('base64url')}`;
    return { value, position, key, digest } as const;
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
        text.update(itemText(item)).update('\n');
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
          yield {
            type: 'invalid',
            stream,
            raw: known.raw as unknown,
            reason: known.reason,
            line: item.line,
            ...('issues' in known ? { issues: known.issues } : {}),
          };
        } else if (
          ordered &&
          max !== null &&
          instantToEpochMs(known.position.time) < instantToEpochMs(max.time) - lookbackMs
        ) {
          yield {
            type: 'invalid',
            stream,
            raw: known.value,
            reason: `Line ${item.line}: time ${known.position.time} is before ${max.time}, the newest so far, although the file is declared ordered`,
            line: item.line,
          };
        } else {
          const { value, position, key } = known;
          if (max === null || compareCursor(position, max) > 0) max = position;
          const duplicate = pass !== null && !pass.add(known.digest);
          yield {
            type: 'record',
            stream,
            raw: value,
            position,
            key,
            line: item.line,
            map: () => [{ kind, value }],
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
