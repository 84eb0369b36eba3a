import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { JsonValue } from '@cx/model';
import { parseOptions } from '@cx/model';
import { z } from 'zod';
import { CxProtocolError } from '../errors.js';
import { type FileInput, readLines } from '../files/input.js';
import {
  compileMapping,
  getPath,
  type MapFieldsOptions,
  type ParseTimestampOptions,
  parseTimestamp,
  type RowMappingOptions,
  readRule,
} from '../mapping.js';
import { fileInputOption, msOption, rowMappingShape } from '../options.js';
import { own, setOwn } from '../own.js';
import { Redactor } from '../redact.js';
import type { Source, SourceMessage } from '../sync/source.js';
import { type CursorPosition, compareCursor } from '../sync/state.js';
import { parseProtocolMessage } from './messages.js';

/**
 * A tap or Airbyte source to run as a child process. Messages are read from its stdout; `--state <file>` is
 * appended when there is saved tap state; stderr is kept (redacted) for error messages.
 *
 * @category Protocols
 * @since 0.1.0
 */
export interface ProtocolCommand {
  /** Executable, e.g. `tap-hubspot` or `docker`. */
  readonly command: string;
  /** Arguments, e.g. `['--config', 'config.json', '--catalog', 'catalog.json']` (Airbyte: `['read', …]`). */
  readonly args?: readonly string[];
  /** Environment (default: inherited). */
  readonly env?: NodeJS.ProcessEnv;
  /** Working directory. */
  readonly cwd?: string;
  /** Values to redact from stderr and errors (e.g. secrets in the config). */
  readonly secrets?: readonly string[];
}

/**
 * Options of {@link protocolSource}.
 *
 * @category Protocols
 * @since 0.1.0
 */
export interface ProtocolSourceOptions {
  /** Source name (default `singer` or `airbyte`). */
  readonly name?: string;
  /** Message protocol (only affects the default name and the state file shape). */
  readonly protocol: 'singer' | 'airbyte';
  /** A JSONL file or stream factory, or a command to run. */
  readonly input: FileInput | ProtocolCommand;
  /** Stream name → mapping into the model; records of unmapped streams go to the dead letters. */
  readonly streams: Readonly<Record<string, RowMappingOptions>>;
  /** Lookback in ms (default 0). */
  readonly lookbackMs?: number;
}

const mappers = new WeakMap<RowMappingOptions, MapFieldsOptions>();
const mappingOptions = (mapping: RowMappingOptions): MapFieldsOptions => {
  let options = mappers.get(mapping);
  if (options === undefined) {
    options = {
      kind: mapping.kind,
      fields: mapping.fields,
      ...(mapping.defaults ? { defaults: mapping.defaults } : {}),
      ...(mapping.epoch ? { epoch: mapping.epoch } : {}),
    };
    mappers.set(mapping, options);
  }
  return options;
};

const cursorTimes = new WeakMap<RowMappingOptions, ParseTimestampOptions>();
/** How the cursor time of a stream is read: in the epoch unit of the kind's time field, if one is declared. */
const cursorTime = (mapping: RowMappingOptions): ParseTimestampOptions => {
  let options = cursorTimes.get(mapping);
  if (options === undefined) {
    const field = TIME_FIELD[mapping.kind];
    const epoch =
      mapping.epoch !== undefined && Object.hasOwn(mapping.epoch, field) ? mapping.epoch[field] : undefined;
    options = epoch === undefined ? {} : { epoch };
    cursorTimes.set(mapping, options);
  }
  return options;
};

const isCommand = (input: FileInput | ProtocolCommand): input is ProtocolCommand =>
  typeof input === 'object' && input !== null && 'command' in input;

const TIME_FIELD = {
  customer: 'firstSeenAt',
  interaction: 'timestamp',
  surveyResponse: 'respondedAt',
  order: 'orderedAt',
  feedback: 'createdAt',
} as const;

const protocolSourceSchema = z.strictObject({
  name: z.string().min(1).optional(),
  protocol: z.enum(['singer', 'airbyte']),
  input: z.union([
    fileInputOption,
    z.strictObject({
      command: z.string().min(1),
      args: z.array(z.string()).optional(),
      env: z.record(z.string(), z.string().optional()).optional(),
      cwd: z.string().min(1).optional(),
      secrets: z.array(z.string()).optional(),
    }),
  ]),
  streams: z.record(z.string(), z.strictObject(rowMappingShape)),
  lookbackMs: msOption.optional(),
});

/**
 * Singer / Airbyte protocol source: reads `RECORD`, `STATE`, `SCHEMA`, `LOG` and `TRACE` messages from a JSONL
 * file or a running tap, maps each stream's records into the model, and turns every tap `STATE` into a
 * checkpoint whose resume data is the tap's own state (passed back with `--state` on the next run). Record ids
 * default to the stream's `key_properties`, cursor times to its `bookmark_properties`. An Airbyte `TRACE` of
 * type `ERROR` or a non-zero exit code fails the sync with a {@link CxProtocolError}.
 *
 * @param options - Protocol, input and per-stream mapping.
 * @returns The source.
 * @throws {@link @cx/model!CxOptionsError} when the options are wrong: an unknown key (the closest known one is
 * named), `null`, a wrong type or a value out of range.
 * @example
 * ```ts
 * import { protocolSource, syncAll } from '@cx/connectors';
 * import { Readable } from 'node:stream';
 * const lines = [
 *   '{"type":"SCHEMA","stream":"contacts","key_properties":["id"],"bookmark_properties":["updatedAt"],"schema":{}}',
 *   '{"type":"RECORD","stream":"contacts","record":{"id":"501","email":"ana@example.com","updatedAt":"2024-06-01T09:58:11Z"}}',
 *   '{"type":"STATE","value":{"bookmarks":{"contacts":{"updatedAt":"2024-06-01T09:58:11Z"}}}}',
 * ];
 * const source = protocolSource({
 *   protocol: 'singer',
 *   input: () => Readable.from([lines.join('\n')]),
 *   streams: { contacts: { kind: 'customer', fields: { id: 'id', email: 'email', firstSeenAt: 'updatedAt' }, defaults: { type: 'consumer' } } },
 * });
 * const result = await syncAll(source);
 * console.log(result.records, result.state.resume); // 1 { tapState: { bookmarks: … } }
 * ```
 * @category Protocols
 * @since 0.1.0
 */
export function protocolSource(options: ProtocolSourceOptions): Source {
  parseOptions(protocolSourceSchema, options, 'protocolSource');
  const name = options.name ?? options.protocol;
  const redactor = new Redactor(isCommand(options.input) ? (options.input.secrets ?? []) : []);
  return {
    name,
    lookbackMs: options.lookbackMs ?? 0,
    lagMs: 0,
    secrets: () => (isCommand(options.input) ? (options.input.secrets ?? []) : []),
    async *read(context): AsyncGenerator<SourceMessage> {
      const resume = context.state?.resume as
        | { tapState?: JsonValue; streamStates?: Record<string, JsonValue> }
        | undefined;
      const schemas = new Map<string, { keys: readonly string[]; bookmarks: readonly string[] }>();
      const streamStates: Record<string, JsonValue> = { ...(resume?.streamStates ?? {}) };
      let tapState: JsonValue | undefined = resume?.tapState;
      let cursor: CursorPosition | null = null;
      let stderr = '';
      let exit: Promise<number | null> | null = null;
      let cleanup: (() => Promise<void>) | null = null;
      let input: FileInput;
      if (isCommand(options.input)) {
        const cmd = options.input;
        const args = [...(cmd.args ?? [])];
        if (tapState !== undefined || Object.keys(streamStates).length > 0) {
          const dir = await mkdtemp(join(tmpdir(), 'cx-tap-state-'));
          const file = join(dir, 'state.json');
          const content =
            options.protocol === 'airbyte' && Object.keys(streamStates).length > 0
              ? Object.values(streamStates)
              : tapState;
          await writeFile(file, JSON.stringify(content));
          args.push('--state', file);
          cleanup = () => rm(dir, { recursive: true, force: true });
        }
        const child = spawn(cmd.command, args, {
          env: cmd.env ?? process.env,
          cwd: cmd.cwd,
          stdio: ['ignore', 'pipe', 'pipe'],
          signal: context.signal,
        });
        child.stderr.on('data', (c: Buffer) => {
          stderr = (stderr + c.toString('utf8')).slice(-4000);
        });
        exit = new Promise((resolve, reject) => {
          child.on('error', reject);
          child.on('close', (code) => resolve(code));
        });
        exit.catch(() => {});
        const out = new PassThrough();
        child.stdout.pipe(out);
        input = () => out;
      } else {
        input = options.input;
      }
      try {
        for await (const { line, text } of readLines(input)) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            yield {
              type: 'log',
              level: 'warn',
              message: redactor.redact(`Line ${line} is not JSON: ${text.slice(0, 120)}`),
            };
            continue;
          }
          const m = parseProtocolMessage(parsed);
          if (m === null) {
            yield {
              type: 'invalid',
              stream: 'protocol',
              raw: parsed,
              reason: `Line ${line}: not a Singer/Airbyte message`,
            };
            continue;
          }
          if (m.type === 'SCHEMA')
            schemas.set(m.stream, { keys: m.keyProperties, bookmarks: m.bookmarkProperties });
          else if (m.type === 'LOG') {
            const level = /FATAL|ERROR/.test(m.level)
              ? 'error'
              : /WARN/.test(m.level)
                ? 'warn'
                : /DEBUG|TRACE/.test(m.level)
                  ? 'debug'
                  : 'info';
            yield { type: 'log', level, message: redactor.redact(m.message) };
          } else if (m.type === 'TRACE') {
            if (m.traceType === 'ERROR') {
              const error = (m.trace.error ?? {}) as Record<string, unknown>;
              throw new CxProtocolError(
                redactor.redact(
                  `Source reported an error (${String(error.failure_type ?? 'unknown')}): ${String(error.message ?? '')}`,
                ),
                { line },
              );
            }
            yield {
              type: 'log',
              level: 'info',
              message: redactor.redact(`TRACE ${m.traceType}: ${JSON.stringify(m.trace).slice(0, 300)}`),
            };
          } else if (m.type === 'STATE') {
            if (m.stream !== null) setOwn(streamStates, m.stream, m.raw);
            else tapState = m.state;
            const resumeData: Record<string, JsonValue> = {};
            if (tapState !== undefined) resumeData.tapState = tapState;
            if (Object.keys(streamStates).length > 0) resumeData.streamStates = streamStates;
            yield { type: 'checkpoint', cursor, resume: resumeData };
          } else if (m.type === 'RECORD') {
            const mapping = own(options.streams, m.stream);
            if (!mapping) {
              yield {
                type: 'invalid',
                stream: m.stream,
                raw: m.data,
                reason: `Line ${line}: no mapping for stream ${m.stream}`,
              };
              continue;
            }
            const schema = schemas.get(m.stream);
            const idRule =
              mapping.idField ??
              mapping.fields.id ??
              (schema && schema.keys.length > 0
                ? (row: Readonly<Record<string, unknown>>) =>
                    schema.keys.map((k) => String(getPath(row, k))).join('|')
                : undefined);
            const timeRule =
              mapping.cursorField ?? schema?.bookmarks[0] ?? mapping.fields[TIME_FIELD[mapping.kind]];
            const id = idRule === undefined ? undefined : readRule(m.data, idRule);
            const time =
              timeRule === undefined
                ? m.emittedAt
                : parseTimestamp(readRule(m.data, timeRule), cursorTime(mapping));
            if (id === undefined || id === null || id === '' || time === null) {
              yield {
                type: 'invalid',
                stream: m.stream,
                raw: m.data,
                reason: `Line ${line}: ${time === null ? 'no cursor time' : 'no id'}`,
              };
              continue;
            }
            const position = { time, id: String(id) };
            if (cursor === null || compareCursor(position, cursor) > 0) cursor = position;
            const data = m.data;
            yield {
              type: 'record',
              stream: m.stream,
              raw: data,
              position,
              key: `${m.stream}:${position.id}@${time}`,
              map: () => [{ kind: mapping.kind, value: compileMapping(mappingOptions(mapping))(data) }],
            };
          }
        }
        if (exit !== null) {
          const code = await exit;
          if (code !== 0) {
            throw new CxProtocolError(
              redactor.redact(
                `Tap exited with code ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
              ),
            );
          }
        }
        yield { type: 'page', stream: name };
      } finally {
        await cleanup?.();
      }
    },
  };
}
