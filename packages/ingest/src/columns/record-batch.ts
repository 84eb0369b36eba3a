import type { CsvBatchVisitor } from '../csv/csv-rows.js';
import type { CsvRecordTarget, CsvTokenizer } from '../csv/tokenizer.js';
import type { RowAccess } from '../records/builder.js';
import type { SummaryBuilder } from '../records/dead-letter.js';
import type { FieldColumn } from './field-column.js';
import type { GrowableInt32 } from './growable.js';

/**
 * Whether `readColumns` reads CSV rows column at a time (internal; tests turn it off to hold this path to the row
 * path, which reads every row with a call per cell).
 */
export const columnAtATime = { enabled: true };

/** The rules that join two fields of a row, checked on the batch's values (internal; see `readColumns`). */
export interface BatchRules {
  /** An interaction's `customerId` and `anonymousId` columns (either may be absent): one must hold a value. */
  readonly actor?: readonly [FieldColumn | undefined, FieldColumn | undefined] | undefined;
  /** A subscription's `startedAt` and `endedAt` columns: the end is not before the start. */
  readonly period?: readonly [FieldColumn | undefined, FieldColumn | undefined] | undefined;
}

/**
 * The column path's CSV rows read column at a time (internal). The well-formed records of a buffer are gathered as
 * the offsets of the cells read (one array per column); at the buffer's end each column reads its cells in one loop
 * ({@link FieldColumn.readBatch}) straight into its storage. A row the row path would not keep as it is (a cell
 * that cannot be read, a schema rule, a joined rule that fails) is read again on the row path, from its record
 * tokenized again, in its place in the order: its dead letter, or its values, are then exactly the row path's, and
 * so are the dictionaries, which grow in the same order (each column reads its cells in record order and skips
 * only the records the row path stops reading before it). What changes is the cost: a loop per column instead of a
 * call per cell, and the checks and appends of a row once per batch for the rows that pass them all.
 */
export class RecordBatch implements CsvBatchVisitor, CsvRecordTarget {
  readonly #columns: readonly FieldColumn[];
  readonly lines: GrowableInt32;
  readonly #summary: SummaryBuilder;
  readonly #row: (access: RowAccess, line: number) => void;
  readonly #rules: BatchRules;
  /** Field index of each column in the records (set from the header). */
  #want: Int32Array = new Int32Array(0);
  /** Records gathered, room for how many, and for each one its start offset, line and cells (see CsvRecordTarget). */
  count = 0;
  capacity = 0;
  recordStart = new Int32Array(0);
  line = new Int32Array(0);
  starts: Int32Array[] = [];
  ends: Int32Array[] = [];
  quoted: Uint8Array[] = [];
  /** Column slot of each header field (`-1`: not read); empty when two columns read one field. */
  slots = new Int32Array(0);
  #state = new Uint8Array(0);

  constructor(
    columns: readonly FieldColumn[],
    lines: GrowableInt32,
    summary: SummaryBuilder,
    row: (access: RowAccess, line: number) => void,
    rules: BatchRules,
  ) {
    this.#columns = columns;
    this.lines = lines;
    this.#summary = summary;
    this.#row = row;
    this.#rules = rules;
    this.#grow(1 << 14);
  }

  /** The field index in the records of each column, in the order of the columns. */
  setFields(want: Int32Array, fields: number): void {
    this.#want = want;
    const slots = new Int32Array(fields).fill(-1);
    let shared = false;
    want.forEach((k, j) => {
      if ((slots[k] as number) >= 0) shared = true;
      slots[k] = j;
    });
    this.slots = shared ? new Int32Array(0) : slots;
  }

  target(): CsvRecordTarget | undefined {
    return this.slots.length > 0 ? this : undefined;
  }

  #grow(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    const int32 = (n: number) => new Int32Array(n);
    const uint8 = (n: number) => new Uint8Array(n);
    this.recordStart = grow(this.recordStart, int32);
    this.line = grow(this.line, int32);
    this.starts = this.#columns.map((_, j) => grow(this.starts[j] ?? new Int32Array(0), int32));
    this.ends = this.#columns.map((_, j) => grow(this.ends[j] ?? new Int32Array(0), int32));
    this.quoted = this.#columns.map((_, j) => grow(this.quoted[j] ?? new Uint8Array(0), uint8));
    this.#state = new Uint8Array(capacity);
    this.capacity = capacity;
  }

  add(t: CsvTokenizer): void {
    const n = this.count;
    if (n === this.capacity) this.#grow(2 * n);
    this.recordStart[n] = t.recordStart;
    this.line[n] = t.line;
    const want = this.#want;
    const starts = this.starts;
    const ends = this.ends;
    const quoted = this.quoted;
    const tStarts = t.starts;
    const tEnds = t.ends;
    const tQuoted = t.quoted;
    for (let j = 0; j < want.length; j++) {
      const k = want[j] as number;
      (starts[j] as Int32Array)[n] = tStarts[k] as number;
      (ends[j] as Int32Array)[n] = tEnds[k] as number;
      (quoted[j] as Uint8Array)[n] = tQuoted[k] as number;
    }
    this.count = n + 1;
  }

  flush(buffer: Uint8Array, replay: (recordStart: number, line: number) => RowAccess): void {
    const n = this.count;
    if (n === 0) return;
    this.count = 0;
    const columns = this.#columns;
    const lines = this.lines;
    const base = lines.length;
    const state = this.#state;
    state.fill(0, 0, n);
    for (let j = 0; j < columns.length; j++)
      (columns[j] as FieldColumn).readBatch(
        buffer,
        this.starts[j] as Int32Array,
        this.ends[j] as Int32Array,
        this.quoted[j] as Uint8Array,
        n,
        state,
        base,
      );
    this.#checkRules(n, state, base);
    lines.reserve(base + n);
    lines.data.set(this.line.subarray(0, n), base);
    let first = 0;
    while (first < n && state[first] === 0) first++;
    const summary = this.#summary;
    if (first === n) {
      for (let j = 0; j < columns.length; j++) (columns[j] as FieldColumn).truncate(base + n);
      lines.length = base + n;
      summary.rowsOut += n;
      return;
    }
    // From the first row to read again on: kept rows move down over the rows dropped, and each row to read again
    // goes through the row path in its place (it appends its values, or rejects the row with the row's index).
    const rowsIn = summary.rowsIn;
    const firstRow = rowsIn - n;
    summary.rowsOut += first;
    let w = base + first;
    try {
      for (let r = first; r < n; r++) {
        if (state[r] === 0) {
          if (w !== base + r) {
            for (let j = 0; j < columns.length; j++) (columns[j] as FieldColumn).move(base + r, w);
            lines.data[w] = lines.data[base + r] as number;
          }
          w++;
          summary.rowsOut++;
          continue;
        }
        for (let j = 0; j < columns.length; j++) (columns[j] as FieldColumn).truncate(w);
        lines.length = w;
        summary.rowsIn = firstRow + r + 1;
        const line = this.line[r] as number;
        this.#row(replay(this.recordStart[r] as number, line), line);
        w = lines.length;
      }
    } finally {
      summary.rowsIn = rowsIn;
    }
    for (let j = 0; j < columns.length; j++) (columns[j] as FieldColumn).truncate(w);
    lines.length = w;
  }

  /** Marks for the row path the rows kept so far that break a rule joining two fields. */
  #checkRules(n: number, state: Uint8Array, base: number): void {
    const actor = this.#rules.actor;
    if (
      actor !== undefined &&
      (actor[0]?.kind ?? 'dictionary') === 'dictionary' &&
      (actor[1]?.kind ?? 'dictionary') === 'dictionary'
    ) {
      const a = actor[0]?.ints.data;
      const b = actor[1]?.ints.data;
      for (let r = 0; r < n; r++)
        if (
          state[r] === 0 &&
          (a === undefined || (a[base + r] as number) < 0) &&
          (b === undefined || (b[base + r] as number) < 0)
        )
          state[r] = 1;
    } else if (actor !== undefined) state.fill(1, 0, n);
    const period = this.#rules.period;
    if (period?.[0] !== undefined && period[1] !== undefined) {
      if (period[0].kind === 'dictionary' || period[1].kind === 'dictionary') {
        state.fill(1, 0, n);
        return;
      }
      const start = period[0].floats.data;
      const end = period[1].floats.data;
      for (let r = 0; r < n; r++)
        if (state[r] === 0 && (end[base + r] as number) < (start[base + r] as number)) state[r] = 1;
    }
  }
}
