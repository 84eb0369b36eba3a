import type { z } from 'zod';
import { type CsvTokenizer, unescapeField } from '../csv/tokenizer.js';
import { CanonicalDays, dateKey } from '../mapping/canonical-days.js';
import { FAILED, type FieldReader, MISSING } from '../mapping/field-reader.js';
import { fieldSchema, type RecordKind } from '../mapping/kinds.js';
import { isIdSchema, isPlainId } from '../mapping/plain-id.js';
import { timeOfDay } from '../mapping/time-of-day.js';
import type { ArrayPool } from './array-pool.js';
import { ByteDictionary, equalBytes, middle, shortWord } from './byte-dictionary.js';
import { numericRule } from './constraints.js';
import { GrowableFloat64, GrowableInt32 } from './growable.js';

const fatal = new TextDecoder('utf-8', { fatal: true });
const UNSEEN = -3;
const BAD = -2;

/** Why the last read or check of a {@link FieldColumn} failed (internal). */
export interface ColumnFailure {
  code: string;
  message: string;
  /** A schema rule (checked after every cell of the row is read, as zod does on the records path). */
  schema?: boolean;
}

/**
 * One output column of the column path: reads a field's cells (bytes or JSON values) with the field's
 * {@link FieldReader}, checks them with the field's schema, and appends them to a typed array (internal).
 * Text fields are dictionary-encoded: raw bytes are interned once, and each distinct raw value is decoded, value-mapped
 * and schema-checked once.
 */
export class FieldColumn {
  readonly reader: FieldReader;
  readonly field: string;
  readonly kind: 'dictionary' | 'number' | 'instant';
  readonly required: boolean;
  readonly failure: ColumnFailure = { code: '', message: '' };
  /** The schema rule the current value breaks (missing, enum, range), reported after all cells are read. */
  deferred: ColumnFailure | undefined;
  /** Output dictionary (index → text) of a dictionary column. */
  readonly values: string[] = [];
  /** Value → output index; filled only once a value may repeat (see {@link FieldColumn.#intern}). */
  readonly #valueIndex = new Map<string, number>();
  /** Whether every value interned so far was the lossless decoding of distinct raw bytes. */
  #distinct = true;
  /** Rejected values (key, index) interned in the no-lookup mode, for `#valueIndex` when it ends. */
  readonly #badKeys: Array<string | number> = [];
  readonly #raw = new ByteDictionary();
  #translate = new Int32Array(1024).fill(UNSEEN);
  readonly #badMessages = new Map<number, ColumnFailure>();
  readonly #schema: z.ZodType | undefined;
  /** Whether the schema is `idSchema`: a printable-ASCII id is then accepted without it ({@link isPlainId}). */
  readonly #ids: boolean;
  readonly #rule: ((n: number) => boolean) | undefined;
  readonly ints = new GrowableInt32(1 << 14);
  readonly floats = new GrowableFloat64(1 << 14);
  /** The value of the current row (index or number), set by a successful read. */
  current = 0;
  /** The days of the canonical instant cells read so far (an instant column's; see {@link CanonicalDays}). */
  readonly #days: CanonicalDays | undefined;
  /** `kind === 'dictionary'`, as a boolean for the per-cell branches. */
  readonly #dictionary: boolean;

  constructor(reader: FieldReader, kind: RecordKind, required: boolean) {
    this.reader = reader;
    this.field = reader.spec.field;
    const type = reader.spec.type;
    this.kind =
      type === 'string' || reader.spec.values !== undefined
        ? 'dictionary'
        : type === 'instant'
          ? 'instant'
          : 'number';
    this.required = required;
    this.#dictionary = this.kind === 'dictionary';
    this.#days = this.kind === 'instant' ? new CanonicalDays() : undefined;
    this.#schema = fieldSchema(kind, this.field);
    this.#ids = isIdSchema(this.#schema);
    this.#rule = this.kind === 'number' ? numericRule(kind, this.field) : undefined;
  }

  #fail(code: string, message: string): false {
    this.failure.code = code;
    this.failure.message = message;
    return false;
  }

  #missing(): boolean {
    if (this.required) {
      this.deferred = {
        code: 'missing_value',
        message: `${this.field} (column ${JSON.stringify(this.reader.spec.column)}): Expected a value, the cell is empty`,
        schema: true,
      };
    }
    this.current = this.kind === 'dictionary' ? -1 : Number.NaN;
    return true;
  }

  /**
   * Output index of a text value, checked by the field's schema once (`BAD` when rejected). `fresh`: the value is
   * the lossless decoding of raw bytes never seen before in this column, so, while every value so far was such a
   * decoding (UTF-8 decoding of valid bytes is one-to-one), it cannot be a value already interned and needs no
   * lookup. The first value that is not (a value-mapped cell, a JSON value, bytes read by the field reader's own
   * rules) fills `#valueIndex` with every value so far, and from then on every value is looked up.
   */
  #intern(text: unknown, fresh = false): number {
    const key = typeof text === 'string' ? text : JSON.stringify(text);
    if (!(fresh && this.#distinct)) {
      if (this.#distinct) this.#indexAll();
      const known = this.#valueIndex.get(key);
      if (known !== undefined) return known;
    }
    let index: number;
    const check =
      this.#ids && typeof text === 'string' && isPlainId(text) ? undefined : this.#schema?.safeParse(text);
    if (check !== undefined && !check.success) {
      const issue = check.error.issues[0];
      index = BAD - this.#badMessages.size - 1;
      this.#badMessages.set(index, {
        code: `schema_${issue?.code ?? 'invalid'}`,
        message: `${this.field} (column ${JSON.stringify(this.reader.spec.column)}): ${issue?.message ?? 'invalid'}`,
        schema: true,
      });
      if (this.#distinct) this.#badKeys.push(key, index);
    } else {
      index = this.values.length;
      this.values.push(key);
    }
    if (!this.#distinct) this.#valueIndex.set(key, index);
    return index;
  }

  /** Ends the no-lookup mode of {@link FieldColumn.#intern}: every value interned so far goes into `#valueIndex`. */
  #indexAll(): void {
    this.#distinct = false;
    const values = this.values;
    for (let i = 0; i < values.length; i++) this.#valueIndex.set(values[i] as string, i);
    const bad = this.#badKeys;
    for (let i = 0; i < bad.length; i += 2) this.#valueIndex.set(bad[i] as string, bad[i + 1] as number);
    bad.length = 0;
  }

  #accept(index: number): boolean {
    if (index >= 0) {
      this.current = index;
      return true;
    }
    const bad = this.#badMessages.get(index) as ColumnFailure;
    if (bad.schema === true) {
      this.deferred = bad;
      this.current = -1;
      return true;
    }
    return this.#fail(bad.code, bad.message);
  }

  #number(n: number): boolean {
    if (this.#rule !== undefined && !this.#rule(n)) {
      const check = this.#schema?.safeParse(n);
      const issue = check !== undefined && !check.success ? check.error.issues[0] : undefined;
      this.deferred = {
        code: `schema_${issue?.code ?? 'invalid'}`,
        message: `${this.field} (column ${JSON.stringify(this.reader.spec.column)}): ${issue?.message ?? 'invalid number'}`,
        schema: true,
      };
    }
    this.current = n;
    return true;
  }

  #readerFailed(): false {
    return this.#fail(
      this.reader.code,
      `${this.field} (column ${JSON.stringify(this.reader.spec.column)}): ${this.reader.message}`,
    );
  }

  /** Raw index of the last text cell read (its bytes are in the raw dictionary), or -1. */
  #lastRaw = -1;

  /** Reads field `k` of the tokenizer's current record; `false` with `failure` set when the row is to be rejected. */
  readCsv(t: CsvTokenizer, k: number): boolean {
    if (t.quoted[k] !== 2) return this.#cell(t.buffer, t.starts[k] as number, t.ends[k] as number);
    t.field(k);
    return this.#cell(t.fieldBuf, t.fieldFrom, t.fieldTo);
  }

  /** Doubled quotes undone, for {@link FieldColumn.readBatch}. */
  #unquoted = new Uint8Array(256);

  /**
   * Reads this column's cells of a batch of records, column at a time (internal; see `RecordBatch`): the cell of
   * record `r` is `buf[cells[2r], cells[2r + 1])` (a start below 0 is `~start` of a cell with doubled quotes), and
   * its value goes to index `base + r` of the column's storage. `state[r]` says what the row path would do with
   * record `r`: 0 keep it, 1 read it again on the row path (a schema rule to report, or a check to make), 2 the
   * same, and its later cells are not read (a cell that cannot be read rejects the row there). Records in state 2
   * are skipped; every other cell is read in record order, as the row path reads it, so the dictionaries grow in
   * the same order. The common cells take a loop of their own per kind: a text seen before (compared with the
   * previous cell first, then looked up), an empty optional text, an instant the grammar reads.
   */
  readBatch(buf: Uint8Array, cells: Int32Array, n: number, state: Uint8Array, base: number): void {
    if (this.#dictionary) {
      this.ints.reserve(base + n);
      this.#dictionaryBatch(buf, cells, n, state, base);
    } else {
      this.floats.reserve(base + n);
      if (this.kind === 'instant') this.#instantBatch(buf, cells, n, state, base);
      else for (let r = 0; r < n; r++) if (state[r] !== 2) this.#slowCell(buf, cells, r, state, base);
    }
  }

  /** Cell `r` of a batch by the general path ({@link FieldColumn.readCsv}'s), its outcome into `state`. */
  #slowCell(buf: Uint8Array, cells: Int32Array, r: number, state: Uint8Array, base: number): void {
    let ok: boolean;
    const from = cells[2 * r] as number;
    const to = cells[2 * r + 1] as number;
    if (from < 0) {
      const start = ~from;
      if (this.#unquoted.length < to - start) this.#unquoted = new Uint8Array(2 * (to - start));
      ok = this.#cell(this.#unquoted, 0, unescapeField(buf, start, to, this.#unquoted));
    } else ok = this.#cell(buf, from, to);
    if (!ok) {
      state[r] = 2;
      return;
    }
    if (this.deferred !== undefined) state[r] = 1;
    if (this.#dictionary) this.ints.data[base + r] = this.current;
    else this.floats.data[base + r] = this.current;
  }

  #dictionaryBatch(buf: Uint8Array, cells: Int32Array, n: number, state: Uint8Array, base: number): void {
    const raw = this.#raw;
    const data = this.ints.data;
    // An empty cell of an optional field without a default is -1, as #missing makes it.
    const emptyIsNone = !this.required && this.reader.spec.default === undefined;
    let translate = this.#translate;
    let last = this.#lastRaw;
    // The last text cell read in place in `buf` (`lastLength` -1: none, or it had doubled quotes): `last` is its raw
    // index, and a cell of the same length, edge words (first and last four bytes: the whole cell up to eight bytes)
    // and bytes between them, where they lie in `buf`, is the same key. Else the edge words, read once, go to the
    // dictionary's lookup.
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let lastFrom = 0;
    let lastLength = -1;
    let lastHead = 0;
    let lastTail = 0;
    for (let r = 0; r < n; r++) {
      if (state[r] === 2) continue;
      const from = cells[2 * r] as number;
      const to = cells[2 * r + 1] as number;
      if (from !== to) {
        if (from >= 0) {
          let index = last;
          const length = to - from;
          let head: number;
          let tail = 0;
          if (length >= 4) {
            head = view.getInt32(from, true);
            tail = view.getInt32(to - 4, true);
          } else head = shortWord(buf, from, length);
          if (
            length !== lastLength ||
            head !== lastHead ||
            tail !== lastTail ||
            (length > 8 && !equalBytes(view, lastFrom + 4, view, from + 4, middle(length)))
          ) {
            index = raw.internEdges(buf, from, length, head, tail);
            last = index;
            lastHead = head;
            lastTail = tail;
          }
          lastFrom = from;
          lastLength = length;
          const value = index < translate.length ? (translate[index] as number) : UNSEEN;
          if (value >= 0) {
            data[base + r] = value;
            continue;
          }
        } else lastLength = -1;
      } else if (emptyIsNone) {
        data[base + r] = -1;
        continue;
      }
      // New bytes, a rejected or empty cell, doubled quotes: the general path.
      this.#lastRaw = last;
      this.#slowCell(buf, cells, r, state, base);
      last = this.#lastRaw;
      translate = this.#translate;
    }
    this.#lastRaw = last;
  }

  #instantBatch(buf: Uint8Array, cells: Int32Array, n: number, state: Uint8Array, base: number): void {
    const reader = this.reader;
    const data = this.floats.data;
    const days = this.#days as CanonicalDays;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    // A cell in canonical form (`…T…Z`, 20 or 24 bytes) on the date of the last canonical cell read (its first ten
    // bytes, compared as two words and a half) is that cell's day plus its own time of day (see timeOfDay), and so is
    // one on a date the grammar read before (`days`, see CanonicalDays); not for epoch columns, which have a grammar
    // of their own.
    const canonical = reader.spec.epoch === undefined;
    let dayFrom = -1;
    let dayMs = 0;
    for (let r = 0; r < n; r++) {
      if (state[r] === 2) continue;
      const from = cells[2 * r] as number;
      const to = cells[2 * r + 1] as number;
      if (from >= 0 && from !== to) {
        let key = -1;
        if (
          dayFrom >= 0 &&
          to - from >= 20 &&
          view.getInt32(from, true) === view.getInt32(dayFrom, true) &&
          view.getInt32(from + 4, true) === view.getInt32(dayFrom + 4, true) &&
          view.getUint16(from + 8, true) === view.getUint16(dayFrom + 8, true)
        ) {
          const time = timeOfDay(buf, from, to - from);
          if (time >= 0) {
            data[base + r] = dayMs + time;
            continue;
          }
        } else if (canonical && to - from >= 20) {
          key = dateKey(buf, from);
          const day = key >= 0 ? days.get(key) : Number.NaN;
          if (!Number.isNaN(day)) {
            const time = timeOfDay(buf, from, to - from);
            if (time >= 0) {
              data[base + r] = day + time;
              dayFrom = from;
              dayMs = day;
              continue;
            }
          }
        }
        const ms = reader.instantMs(buf, from, to);
        if (Number.isNaN(ms)) state[r] = 2;
        else {
          data[base + r] = ms;
          const time = canonical ? timeOfDay(buf, from, to - from) : -1;
          if (time >= 0) {
            dayFrom = from;
            dayMs = ms - time;
            if (key >= 0) days.set(key, dayMs);
          } else dayFrom = -1;
        }
        continue;
      }
      this.#slowCell(buf, cells, r, state, base);
    }
  }

  /** Sets the values kept in the column's storage to its first `n`. */
  truncate(n: number): void {
    if (this.#dictionary) this.ints.length = n;
    else this.floats.length = n;
  }

  /** Copies the value at index `from` of the column's storage to index `to`. */
  move(from: number, to: number): void {
    if (this.#dictionary) this.ints.data[to] = this.ints.data[from] as number;
    else this.floats.data[to] = this.floats.data[from] as number;
  }

  /** Reads the cell `buf[from, to)`; `false` with `failure` set when the row is to be rejected. */
  #cell(buf: Uint8Array, from: number, to: number): boolean {
    this.deferred = undefined;
    if (from === to)
      return this.reader.spec.default !== undefined
        ? this.readValue(this.reader.spec.default)
        : this.#missing();
    if (this.#dictionary) {
      // Exports often repeat a cell on consecutive rows (a customer's events, one channel): compare with the last
      // cell's bytes, kept in the raw dictionary, before hashing.
      let raw = this.#lastRaw;
      if (raw < 0 || !this.#raw.is(raw, buf, from, to)) {
        raw = this.#raw.intern(buf, from, to);
        this.#lastRaw = raw;
      }
      if (raw >= this.#translate.length) {
        const grown = new Int32Array(this.#translate.length * 2).fill(UNSEEN);
        grown.set(this.#translate);
        this.#translate = grown;
      }
      let index = this.#translate[raw] as number;
      if (index === UNSEEN) {
        let text: string | undefined;
        try {
          text = fatal.decode(buf.subarray(from, to));
        } catch {
          text = undefined;
        }
        const value =
          text === undefined
            ? this.reader.fromBytes(buf, from, to)
            : this.reader.spec.values === undefined
              ? text
              : this.reader.fromValue(text);
        if (value === FAILED) {
          index = BAD - this.#badMessages.size - 1;
          this.#badMessages.set(index, {
            code: this.reader.code,
            message: `${this.field} (column ${JSON.stringify(this.reader.spec.column)}): ${this.reader.message}`,
          });
        } else index = this.#intern(value, this.reader.spec.values === undefined && value === text);
        this.#translate[raw] = index;
      }
      return this.#accept(index);
    }
    if (this.kind === 'instant') {
      const ms = this.reader.instantMs(buf, from, to);
      if (Number.isNaN(ms)) return this.#readerFailed();
      this.current = ms;
      return true;
    }
    const n = this.reader.number(buf, from, to);
    if (Number.isNaN(n)) return this.#readerFailed();
    return this.#number(n);
  }

  /** Reads a JSON value (NDJSON, Parquet); `false` with `failure` set when the row is to be rejected. */
  readValue(value: unknown): boolean {
    this.deferred = undefined;
    if (this.kind === 'dictionary') {
      const out = this.reader.fromValue(value);
      if (out === MISSING) return this.#missing();
      if (out === FAILED) return this.#readerFailed();
      return this.#accept(this.#intern(out));
    }
    if (value === undefined || value === null || value === '') {
      if (this.reader.spec.default !== undefined && value !== this.reader.spec.default)
        return this.readValue(this.reader.spec.default);
      return this.#missing();
    }
    if (this.kind === 'instant') {
      const ms = this.reader.msFromValue(value);
      if (Number.isNaN(ms)) return this.#readerFailed();
      this.current = ms;
      return true;
    }
    const out = this.reader.fromValue(value);
    if (out === FAILED) return this.#readerFailed();
    return this.#number(out as number);
  }

  /** Appends the current value to the batch. */
  commit(): void {
    if (this.#dictionary) this.ints.push(this.current);
    else this.floats.push(this.current);
  }

  /**
   * Takes the batch's values without a copy: the column's storage itself (a view of its filled part), which the
   * caller now owns; the column goes on in storage from `pool`.
   */
  handOff(pool: ArrayPool): Int32Array | Float64Array {
    if (this.kind === 'dictionary') {
      const out = this.ints.data.subarray(0, this.ints.length);
      this.ints.data = pool.int32(this.ints.data.length);
      this.ints.length = 0;
      return out;
    }
    const out = this.floats.data.subarray(0, this.floats.length);
    this.floats.data = pool.float64(this.floats.data.length);
    this.floats.length = 0;
    return out;
  }

  /**
   * Takes the batch's values: a fresh array, or with `reuse` a view of this column's own storage, which the next
   * batch overwrites (no fresh memory per batch: first touches of new pages are what a fresh array costs here).
   */
  take(reuse: boolean): Int32Array | Float64Array {
    if (this.kind === 'dictionary') {
      const out = reuse
        ? this.ints.data.subarray(0, this.ints.length)
        : this.ints.data.slice(0, this.ints.length);
      this.ints.length = 0;
      return out;
    }
    const out = reuse
      ? this.floats.data.subarray(0, this.floats.length)
      : this.floats.data.slice(0, this.floats.length);
    this.floats.length = 0;
    return out;
  }
}
