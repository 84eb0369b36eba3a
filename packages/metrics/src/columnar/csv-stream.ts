import { open } from 'node:fs/promises';
import type { ValidationIssue, ValidationIssueCode } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { ByteDictionary } from './byte-dictionary.js';
import { GrowableFloat64, GrowableInt32 } from './growable.js';
import type { InteractionBatch } from './interaction-columns.js';
import { parseInstantBytes, parseNumberBytes } from './parse-bytes.js';

/**
 * The interaction fields a CSV column can hold, by their names in {@link @cx/model!Interaction}.
 *
 * @category Columnar
 * @since 0.1.0
 */
export type InteractionCsvField =
  | 'id'
  | 'customerId'
  | 'anonymousId'
  | 'timestamp'
  | 'name'
  | 'channel'
  | 'touchpointId'
  | 'stageId';

/**
 * Options of {@link streamInteractionCsv} and {@link readInteractionColumnsCsv}.
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface ReadInteractionCsvOptions {
  /**
   * Numeric properties to read, each from the column named `properties.<name>` or `<name>`; empty cells are
   * `NaN`. Default none.
   */
  readonly numeric?: readonly string[];
  /** Header names of the interaction fields when they differ from the field names, e.g. `{ name: 'event' }`. */
  readonly columns?: Partial<Readonly<Record<InteractionCsvField, string>>>;
  /** Field delimiter, one ASCII character. Default `','`. */
  readonly delimiter?: string;
  /**
   * Drop rows whose `id` was already seen, keeping the first. Default `false` (the id set grows with events;
   * retention counts distinct actors and is not affected by duplicates, property sums are).
   */
  readonly dedupe?: boolean;
  /** Bytes read per step, which bounds the size of each batch. Default 4 MiB. */
  readonly chunkBytes?: number;
  /**
   * The dictionary-encoded dimensions to read. Columns of the others are skipped (faster) and their batch
   * values are `-1`; a name or channel cell is then not required. Default all four.
   */
  readonly dimensions?: ReadonlyArray<'name' | 'channel' | 'touchpoint' | 'stage'>;
}

/**
 * A streaming read of an interactions CSV: an async iterable of {@link InteractionBatch} plus the dictionaries
 * the batches' indices refer to (they grow as the file is read).
 *
 * @category Columnar
 * @since 0.1.0
 */
export interface InteractionCsvStream extends AsyncIterable<InteractionBatch> {
  /** Distinct event names so far (index → name). */
  readonly names: readonly string[];
  /** Distinct channels so far. */
  readonly channels: readonly string[];
  /** Distinct touchpoint ids so far. */
  readonly touchpoints: readonly string[];
  /** Distinct stage ids so far. */
  readonly stages: readonly string[];
  /** Number of distinct actors so far. */
  readonly actorCount: number;
  /**
   * The id of actor index `index`.
   *
   * @param index - Actor index from a batch.
   * @returns The actor id (`customerId`, else `anonymousId`).
   */
  actorId(index: number): string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_ISSUES = 100;

const ROLE_IGNORE = 0;
const ROLE_ID = 1;
const ROLE_CUSTOMER = 2;
const ROLE_ANONYMOUS = 3;
const ROLE_TIMESTAMP = 4;
const ROLE_NAME = 5;
const ROLE_CHANNEL = 6;
const ROLE_TOUCHPOINT = 7;
const ROLE_STAGE = 8;
const ROLE_NUMERIC = 9;

const FIELD_ROLES: ReadonlyArray<[InteractionCsvField, number]> = [
  ['id', ROLE_ID],
  ['customerId', ROLE_CUSTOMER],
  ['anonymousId', ROLE_ANONYMOUS],
  ['timestamp', ROLE_TIMESTAMP],
  ['name', ROLE_NAME],
  ['channel', ROLE_CHANNEL],
  ['touchpointId', ROLE_TOUCHPOINT],
  ['stageId', ROLE_STAGE],
];

/** Byte-level RFC 4180 parser that writes dictionary-encoded events into growable columns (internal). */
class InteractionCsvParser {
  readonly actors = new ByteDictionary();
  readonly nameDict = new ByteDictionary();
  readonly channelDict = new ByteDictionary();
  readonly touchpointDict = new ByteDictionary();
  readonly stageDict = new ByteDictionary();
  readonly ids: ByteDictionary | undefined;
  readonly names: string[] = [];
  readonly channels: string[] = [];
  readonly touchpoints: string[] = [];
  readonly stages: string[] = [];
  readonly issues: ValidationIssue[] = [];
  issueCount = 0;
  readonly #delimiter: number;
  readonly #numericKeys: readonly string[];
  readonly #path: string;
  readonly #options: ReadInteractionCsvOptions;
  #roles: Int32Array | undefined;
  #headers: string[] = [];
  #headerCells: string[] = [];
  #row = 0;
  #scratch = new Uint8Array(256);
  #anonymous = new Uint8Array(256);
  #id = new Uint8Array(256);
  #needName = true;
  #needChannel = true;
  #idLength = -1;
  // Current record.
  #actor = -1;
  #anonymousLength = -1;
  #time = Number.NaN;
  #name = -1;
  #channel = -1;
  #touchpoint = -1;
  #stage = -1;
  #bad = false;
  readonly #values: Float64Array;
  // Output columns of the current batch.
  readonly actor = new GrowableInt32(1 << 16);
  readonly time = new GrowableFloat64(1 << 16);
  readonly name = new GrowableInt32(1 << 16);
  readonly channel = new GrowableInt32(1 << 16);
  readonly touchpoint = new GrowableInt32(1 << 16);
  readonly stage = new GrowableInt32(1 << 16);
  readonly numeric: GrowableFloat64[];
  batchFirstRow = 0;

  constructor(path: string, options: ReadInteractionCsvOptions) {
    this.#path = path;
    this.#options = options;
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || delimiter === '"' || delimiter === '\n') {
      throw new CxValidationError(
        [
          {
            path: ['delimiter'],
            message: `Expected one ASCII character, got ${JSON.stringify(delimiter)}`,
            code: 'invalid_value',
          },
        ],
        { subject: 'CSV options' },
      );
    }
    this.#delimiter = delimiter.charCodeAt(0);
    this.#numericKeys = [...new Set(options.numeric ?? [])];
    this.#values = new Float64Array(this.#numericKeys.length);
    this.numeric = this.#numericKeys.map(() => new GrowableFloat64(1 << 16));
    this.ids = options.dedupe === true ? new ByteDictionary() : undefined;
  }

  get numericKeys(): readonly string[] {
    return this.#numericKeys;
  }

  /** Parses the complete records of `buf[0, end)`; returns where the first incomplete record starts. */
  parse(buf: Uint8Array, end: number, final: boolean): number {
    const delimiter = this.#delimiter;
    let pos = 0;
    while (pos < end) {
      const recordStart = pos;
      const first = buf[pos];
      if (first === LF || first === CR) {
        pos++;
        continue;
      }
      let column = 0;
      this.#startRecord();
      this.#savedIssueCount = this.issueCount;
      this.#savedIssueLength = this.issues.length;
      for (;;) {
        let source = buf;
        let fieldStart: number;
        let fieldEnd: number;
        if (buf[pos] === QUOTE) {
          let p = pos + 1;
          let escaped = false;
          for (;;) {
            if (p >= end) return final ? this.#unterminated(end) : this.#incomplete(recordStart);
            if (buf[p] === QUOTE) {
              if (p + 1 < end && buf[p + 1] === QUOTE) {
                escaped = true;
                p += 2;
                continue;
              }
              if (p + 1 >= end && !final) return this.#incomplete(recordStart);
              break;
            }
            p++;
          }
          fieldStart = pos + 1;
          fieldEnd = p;
          pos = p + 1;
          if (escaped) {
            source = this.#unescape(buf, fieldStart, fieldEnd);
            fieldEnd = this.#unescapedLength;
            fieldStart = 0;
          }
        } else {
          let p = pos;
          while (p < end) {
            const b = buf[p];
            if (b === delimiter || b === LF || b === CR) break;
            p++;
          }
          fieldStart = pos;
          fieldEnd = p;
          pos = p;
        }
        if (pos >= end && !final) return this.#incomplete(recordStart);
        this.#field(column, source, fieldStart, fieldEnd);
        if (pos < end && buf[pos] === delimiter) {
          pos++;
          column++;
          continue;
        }
        if (pos < end && buf[pos] !== CR && buf[pos] !== LF) {
          this.#issue(
            [this.#row, this.#headers[column] ?? column],
            'Expected a delimiter or line end after a quoted field',
            'invalid_csv',
          );
          this.#bad = true;
          while (pos < end && buf[pos] !== LF) pos++;
        }
        if (pos < end && buf[pos] === CR) pos++;
        if (pos < end && buf[pos] === LF) pos++;
        break;
      }
      this.#endRecord(column + 1);
    }
    return pos;
  }

  #unescapedLength = 0;
  #savedIssueCount = 0;
  #savedIssueLength = 0;

  /** Undoes the issues of a record cut by the end of the buffer; it is parsed again with the next chunk. */
  #incomplete(recordStart: number): number {
    this.issueCount = this.#savedIssueCount;
    this.issues.length = this.#savedIssueLength;
    return recordStart;
  }

  #unescape(buf: Uint8Array, from: number, to: number): Uint8Array {
    if (this.#scratch.length < to - from) this.#scratch = new Uint8Array((to - from) * 2);
    const out = this.#scratch;
    let n = 0;
    for (let i = from; i < to; i++) {
      const b = buf[i] as number;
      out[n++] = b;
      if (b === QUOTE) i++;
    }
    this.#unescapedLength = n;
    return out;
  }

  #unterminated(end: number): number {
    this.#issue([this.#row], 'Expected a closing quote before the end of the file', 'invalid_csv');
    return end;
  }

  #startRecord(): void {
    if (this.#roles === undefined) this.#headerCells = [];
    this.#idLength = -1;
    this.#actor = -1;
    this.#anonymousLength = -1;
    this.#time = Number.NaN;
    this.#name = -1;
    this.#channel = -1;
    this.#touchpoint = -1;
    this.#stage = -1;
    this.#bad = false;
    this.#values.fill(Number.NaN);
  }

  #field(column: number, buf: Uint8Array, from: number, to: number): void {
    const roles = this.#roles;
    if (roles === undefined) {
      this.#headerCells.push(Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8'));
      return;
    }
    const role = column < roles.length ? (roles[column] as number) : ROLE_IGNORE;
    switch (role) {
      case ROLE_IGNORE:
        return;
      case ROLE_ID:
        if (this.ids !== undefined && to > from) {
          if (this.#id.length < to - from) this.#id = new Uint8Array((to - from) * 2);
          this.#id.set(buf.subarray(from, to));
          this.#idLength = to - from;
        }
        return;
      case ROLE_CUSTOMER:
        if (to > from) this.#actor = this.actors.intern(buf, from, to);
        return;
      case ROLE_ANONYMOUS:
        if (to > from) {
          if (this.#anonymous.length < to - from) this.#anonymous = new Uint8Array((to - from) * 2);
          this.#anonymous.set(buf.subarray(from, to));
          this.#anonymousLength = to - from;
        }
        return;
      case ROLE_TIMESTAMP:
        this.#time = parseInstantBytes(buf, from, to);
        if (Number.isNaN(this.#time)) {
          const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
          this.#rowIssue(
            'timestamp',
            `Expected a UTC instant such as 2026-03-01T09:30:00Z, got ${JSON.stringify(text)}`,
            'invalid_date',
          );
        }
        return;
      case ROLE_NAME:
        if (to > from) this.#name = this.#intern(this.nameDict, this.names, buf, from, to);
        return;
      case ROLE_CHANNEL:
        if (to > from) this.#channel = this.#intern(this.channelDict, this.channels, buf, from, to);
        return;
      case ROLE_TOUCHPOINT:
        if (to > from) this.#touchpoint = this.#intern(this.touchpointDict, this.touchpoints, buf, from, to);
        return;
      case ROLE_STAGE:
        if (to > from) this.#stage = this.#intern(this.stageDict, this.stages, buf, from, to);
        return;
      default: {
        if (to === from) return;
        const k = role - ROLE_NUMERIC;
        const value = parseNumberBytes(buf, from, to);
        if (Number.isNaN(value)) {
          const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from).toString('utf8');
          this.#rowIssue(
            this.#headers[column] ?? String(column),
            `Expected a finite number or an empty cell, got ${JSON.stringify(text)}`,
            'invalid_type',
          );
        }
        this.#values[k] = value;
      }
    }
  }

  #intern(dictionary: ByteDictionary, values: string[], buf: Uint8Array, from: number, to: number): number {
    const index = dictionary.intern(buf, from, to);
    if (dictionary.added) values.push(dictionary.decode(index));
    return index;
  }

  #endRecord(columns: number): void {
    if (this.#roles === undefined) {
      this.#setHeader(this.#headerCells);
      return;
    }
    this.#emitRecord(columns);
    this.#row++;
  }

  #emitRecord(columns: number): void {
    if (this.#bad) return;
    if (columns !== this.#headers.length) {
      this.#issue(
        [this.#row],
        `Expected ${this.#headers.length} fields as in the header, got ${columns} (data row ${this.#row + 1} of ${this.#path})`,
        'invalid_csv',
      );
      return;
    }
    if (this.#actor < 0 && this.#anonymousLength > 0) {
      this.#actor = this.actors.intern(this.#anonymous, 0, this.#anonymousLength);
    }
    if (this.#actor < 0) this.#rowIssue('customerId', 'Expected customerId or anonymousId', 'invalid_type');
    if (this.#name < 0 && this.#needName)
      this.#rowIssue('name', 'Expected a non-empty event name', 'invalid_type');
    if (this.#channel < 0 && this.#needChannel)
      this.#rowIssue('channel', 'Expected a channel', 'invalid_type');
    if (this.#bad) return;
    if (this.ids !== undefined && this.#idLength > 0) {
      this.ids.intern(this.#id, 0, this.#idLength);
      if (!this.ids.added) return;
    }
    this.actor.push(this.#actor);
    this.time.push(this.#time);
    this.name.push(this.#name);
    this.channel.push(this.#channel);
    this.touchpoint.push(this.#touchpoint);
    this.stage.push(this.#stage);
    for (let k = 0; k < this.numeric.length; k++)
      (this.numeric[k] as GrowableFloat64).push(this.#values[k] as number);
  }

  #rowIssue(column: string, message: string, code: ValidationIssueCode): void {
    this.#bad = true;
    this.#issue([this.#row, column], `${message} (data row ${this.#row + 1} of ${this.#path})`, code);
  }

  #issue(path: Array<string | number>, message: string, code: ValidationIssueCode): void {
    this.issueCount++;
    if (this.issues.length < MAX_ISSUES) this.issues.push({ path, message, code });
  }

  #setHeader(cells: string[]): void {
    const names = this.#options.columns ?? {};
    const roles = new Int32Array(cells.length);
    const issues: ValidationIssue[] = [];
    const dimensions = new Set(this.#options.dimensions ?? ['name', 'channel', 'touchpoint', 'stage']);
    const skipped = (field: InteractionCsvField): boolean =>
      (field === 'name' && !dimensions.has('name')) ||
      (field === 'channel' && !dimensions.has('channel')) ||
      (field === 'touchpointId' && !dimensions.has('touchpoint')) ||
      (field === 'stageId' && !dimensions.has('stage'));
    this.#needName = dimensions.has('name');
    this.#needChannel = dimensions.has('channel');
    for (const [field, role] of FIELD_ROLES) {
      const header = names[field] ?? field;
      const index = cells.indexOf(header);
      if (index >= 0) roles[index] = skipped(field) ? ROLE_IGNORE : role;
      else if (names[field] !== undefined) {
        issues.push({
          path: ['columns', field],
          message: `Expected a column named ${JSON.stringify(header)} in the header of ${this.#path}`,
          code: 'missing_column',
        });
      }
    }
    this.#numericKeys.forEach((key, k) => {
      let index = cells.indexOf(`properties.${key}`);
      if (index < 0) index = cells.indexOf(key);
      if (index < 0) {
        issues.push({
          path: ['numeric', k],
          message: `Expected a column named "properties.${key}" or "${key}" in ${this.#path}`,
          code: 'missing_column',
        });
      } else roles[index] = ROLE_NUMERIC + k;
    });
    const has = (role: number): boolean => roles.includes(role);
    for (const [field, role] of FIELD_ROLES.filter(
      ([f]) => f === 'timestamp' || f === 'name' || f === 'channel',
    )) {
      if (!has(role) && !skipped(field)) {
        issues.push({
          path: ['columns', field],
          message: `Expected a ${JSON.stringify(names[field] ?? field)} column in ${this.#path}`,
          code: 'missing_column',
        });
      }
    }
    if (!has(ROLE_CUSTOMER) && !has(ROLE_ANONYMOUS)) {
      issues.push({
        path: ['columns', 'customerId'],
        message: `Expected a customerId or anonymousId column in ${this.#path}`,
        code: 'missing_column',
      });
    }
    if (issues.length > 0) throw new CxValidationError(issues, { subject: 'interactions CSV header' });
    this.#headers = cells;
    this.#roles = roles;
  }

  /** Takes the events parsed since the last call as a batch. */
  takeBatch(): InteractionBatch {
    const numeric: Record<string, Float64Array> = {};
    this.#numericKeys.forEach((key, k) => {
      const column = this.numeric[k] as GrowableFloat64;
      numeric[key] = column.data.slice(0, column.length);
      column.length = 0;
    });
    const take32 = (g: GrowableInt32): Int32Array => {
      const out = g.data.slice(0, g.length);
      g.length = 0;
      return out;
    };
    const length = this.actor.length;
    const time = this.time.data.slice(0, length);
    this.time.length = 0;
    const batch: InteractionBatch = {
      length,
      firstRow: this.batchFirstRow,
      actor: take32(this.actor),
      time,
      name: take32(this.name),
      channel: take32(this.channel),
      touchpoint: take32(this.touchpoint),
      stage: take32(this.stage),
      numeric,
    };
    this.batchFirstRow = this.#row;
    return batch;
  }

  get headerRead(): boolean {
    return this.#roles !== undefined;
  }
}

/**
 * Streams an interactions CSV (header row, RFC 4180 quoting) as dictionary-encoded batches, without creating a
 * JS string per cell: memory stays bounded by the chunk size plus the dictionaries (actors, names, …).
 *
 * Columns are matched by header name (`customerId`, `anonymousId`, `timestamp`, `name`, `channel`,
 * `touchpointId`, `stageId`, optionally `id`; rename with `columns`), numeric properties from `properties.<name>`
 * or `<name>`; other columns are ignored. Timestamps are ISO 8601 instants with `Z` or an explicit offset.
 *
 * @param path - Path of the CSV file.
 * @param options - Numeric properties, column names, delimiter, duplicate handling, chunk size.
 * @returns A stream to iterate with `for await`, plus its dictionaries.
 * @throws {@link @cx/model!CxValidationError} (while iterating) for a header without the required columns, and for
 *   rows with a bad timestamp, number, field count, or without actor, name or channel; paths are
 *   `[dataRowIndex, column]`. Rows before the failing chunk have been yielded.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { streamInteractionCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'events-stream-example.csv');
 * writeFileSync(file, 'customerId,timestamp,name,channel\nc1,2026-01-01T00:00:00Z,visit,web\nc2,2026-01-02T00:00:00Z,buy,web\n');
 * const stream = streamInteractionCsv(file);
 * let events = 0;
 * for await (const batch of stream) events += batch.length;
 * console.log(events, stream.actorCount, stream.names); // 2 2 [ 'visit', 'buy' ]
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export function streamInteractionCsv(
  path: string,
  options: ReadInteractionCsvOptions = {},
): InteractionCsvStream {
  const parser = new InteractionCsvParser(path, options);
  const chunkBytes = Math.max(1 << 10, options.chunkBytes ?? 1 << 22);
  return {
    names: parser.names,
    channels: parser.channels,
    touchpoints: parser.touchpoints,
    stages: parser.stages,
    get actorCount() {
      return parser.actors.size;
    },
    actorId: (index: number) => {
      if (!(index >= 0 && index < parser.actors.size)) {
        throw new CxValidationError([
          {
            path: ['index'],
            message: `Expected an actor index below ${parser.actors.size}, got ${index}`,
            code: 'out_of_range',
          },
        ]);
      }
      return parser.actors.decode(index);
    },
    async *[Symbol.asyncIterator]() {
      const file = await open(path, 'r');
      try {
        // Double buffering: the next chunk is read while the current one is parsed.
        const raw: Buffer[] = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
        let which = 0;
        let pending: Promise<{ bytesRead: number }> = file.read(raw[0] as Buffer, 0, chunkBytes, null);
        let buffer = Buffer.allocUnsafe(chunkBytes * 2);
        let carry = 0;
        let first = true;
        for (;;) {
          const { bytesRead } = await pending;
          const chunk = raw[which] as Buffer;
          if (buffer.length < carry + bytesRead) {
            const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, carry + bytesRead));
            buffer.copy(grown, 0, 0, carry);
            buffer = grown;
          }
          chunk.copy(buffer, carry, 0, bytesRead);
          const final = bytesRead === 0;
          if (!final) {
            which = 1 - which;
            pending = file.read(raw[which] as Buffer, 0, chunkBytes, null);
          }
          const end = carry + bytesRead;
          let start = 0;
          if (first && end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
          first = false;
          const view = start === 0 ? buffer : buffer.subarray(start);
          const consumed = start + parser.parse(view, end - start, final);
          if (parser.issueCount > 0) {
            if (!final) await pending;
            throw new CxValidationError(parser.issues, { subject: 'interactions CSV' });
          }
          if (parser.actor.length > 0) yield parser.takeBatch();
          if (final) break;
          buffer.copy(buffer, 0, consumed, end);
          carry = end - consumed;
        }
        if (!parser.headerRead) {
          throw new CxValidationError(
            [
              {
                path: [],
                message: `Expected a header row in ${path}, found an empty file`,
                code: 'missing_header',
              },
            ],
            { subject: 'interactions CSV' },
          );
        }
      } finally {
        await file.close();
      }
    },
  };
}
