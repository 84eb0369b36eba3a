import type { JsonValue } from '@cx/model';
import { compileMapping, type FieldMapping, type FieldRule, getPath, parseTimestamp } from '../mapping.js';
import type { ModelKind, Source, SourceContext, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';

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
  /** Rows are sorted by cursor time: checkpoint the cursor as the file goes (keeps the dedup set small). */
  readonly ordered?: boolean;
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

/**
 * Turns parsed rows into source messages: position, key, mapping, and checkpoints every N rows with a
 * `{ row }` resume marker (resuming skips rows already handled).
 *
 * @internal
 */
export function rowSource(
  defaultName: string,
  options: RowSourceOptions,
  rows: (
    context: SourceContext,
  ) => AsyncIterable<{ readonly row: unknown; readonly line: number; readonly error?: string }>,
): Source {
  const name = options.name ?? defaultName;
  const stream = options.stream ?? options.kind;
  const idRule = options.idField ?? options.fields.id;
  const timeRule = options.cursorField ?? options.fields[DEFAULT_TIME_FIELD[options.kind]];
  const every = options.checkpointEvery ?? 10_000;
  const mapRow = compileMapping({
    kind: options.kind,
    fields: options.fields,
    ...(options.defaults ? { defaults: options.defaults } : {}),
  });
  return {
    name,
    lookbackMs: options.lookbackMs ?? 0,
    lagMs: 0,
    async *read(context): AsyncGenerator<SourceMessage> {
      const resume = context.state?.resume as { row?: number } | undefined;
      const skip = typeof resume?.row === 'number' ? resume.row : 0;
      let max: CursorPosition | null = null;
      let count = 0;
      for await (const { row, line, error } of rows(context)) {
        count++;
        if (count <= skip) continue;
        if (error !== undefined || row === null || typeof row !== 'object' || Array.isArray(row)) {
          yield {
            type: 'invalid',
            stream,
            raw: row ?? null,
            reason: error ?? `Line ${line}: expected an object`,
          };
        } else {
          const record = row as Record<string, unknown>;
          const idValue = idRule === undefined ? undefined : readRule(record, idRule);
          const time = timeRule === undefined ? null : parseTimestamp(readRule(record, timeRule));
          if (idValue === undefined || idValue === null || idValue === '' || time === null) {
            yield {
              type: 'invalid',
              stream,
              raw: record,
              reason: `Line ${line}: ${time === null ? 'no parseable cursor time' : 'no id'}`,
            };
          } else {
            const position = { time, id: String(idValue) };
            if (max === null || compareCursor(position, max) > 0) max = position;
            yield {
              type: 'record',
              stream,
              raw: record,
              position,
              key: `${stream}:${position.id}@${time}`,
              map: () => [{ kind: options.kind, value: mapRow(record) }],
            };
          }
        }
        if (count % every === 0) {
          yield {
            type: 'checkpoint',
            cursor: options.ordered ? max : null,
            resume: { row: count } as JsonValue,
          };
        }
      }
      yield { type: 'page', stream };
      yield { type: 'checkpoint', cursor: max };
    },
  };
}
