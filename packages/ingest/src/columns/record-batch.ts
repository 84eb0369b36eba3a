import type { CsvBatchVisitor } from '../csv/csv-rows.js';
import type { CsvRecordTarget, CsvTokenizer } from '../csv/tokenizer.js';
import type { RowAccess } from '../records/builder.js';
import type { SummaryBuilder } from '../records/dead-letter.js';
import type { FieldColumn } from './field-column.js';
import type { GrowableInt32 } from './growable.js';

/**
 * Whether `readColumns` reads CSV rows column at a time, and how many records a batch gathers before they are read
 * (internal; tests turn it off to hold this path to the row path, which reads every row with a call per cell, and
 * make batches small to fill them often).
 */
export const columnAtATime = { enabled: true, capacity: 1 << 13 };

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
  readonly #lines: GrowableInt32;
  readonly #summary: SummaryBuilder;
  readonly #row: (access: RowAccess, line: number) => void;
  readonly #rules: BatchRules;
  /** Field index of each column in the records (set from the header). */
  #want: Int32Array = new Int32Array(0);
  /** Records gathered, room for how many, and for each one its start offset, line and cells (see CsvRecordTarget). */
  count = 0;
  readonly capacity: number;
  readonly recordStart: Int32Array;
  readonly line: Int32Array;
  /** Column `j`'s cells from `2 * j * capacity` on: start and end of each record's cell. */
  readonly cells: Int32Array;
  /** Column `j`'s part of `cells`. */
  readonly #cellsOf: Int32Array[];
  /** Where each header field's cells start in `cells` (`-1`: not read); empty when two columns read one field. */
  offsets = new Int32Array(0);
  readonly #state: Uint8Array;

  /** `capacity`: records gathered before they are read (a full batch is read at once, then gathering goes on). */
  constructor(
    columns: readonly FieldColumn[],
    lines: GrowableInt32,
    summary: SummaryBuilder,
    row: (access: RowAccess, line: number) => void,
    rules: BatchRules,
    capacity = 1 << 13,
  ) {
    this.#columns = columns;
    this.#lines = lines;
    this.#summary = summary;
    this.#row = row;
    this.#rules = rules;
    this.capacity = capacity;
    this.recordStart = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.cells = new Int32Array(2 * capacity * columns.length);
    this.#cellsOf = columns.map((_, j) => this.cells.subarray(2 * j * capacity, 2 * (j + 1) * capacity));
    this.#state = new Uint8Array(capacity);
  }

  /** The field index in the records of each column, in the order of the columns, and the fields of a record. */
  setFields(want: Int32Array, fields: number): void {
    this.#want = want;
    const offsets = new Int32Array(fields).fill(-1);
    let shared = false;
    want.forEach((k, j) => {
      if ((offsets[k] as number) >= 0) shared = true;
      offsets[k] = 2 * j * this.capacity;
    });
    this.offsets = shared ? new Int32Array(0) : offsets;
  }

  target(): CsvRecordTarget | undefined {
    return this.offsets.length > 0 ? this : undefined;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  add(t: CsvTokenizer): void {
    const n = this.count;
    this.recordStart[n] = t.recordStart;
    this.line[n] = t.line;
    const want = this.#want;
    const cells = this.cells;
    const at = 2 * this.capacity;
    for (let j = 0; j < want.length; j++) {
      const k = want[j] as number;
      const start = t.starts[k] as number;
      cells[j * at + 2 * n] = t.quoted[k] === 2 ? ~start : start;
      cells[j * at + 2 * n + 1] = t.ends[k] as number;
    }
    this.count = n + 1;
  }

  flush(buffer: Uint8Array, replay: (recordStart: number, line: number) => RowAccess): void {
    const n = this.count;
    if (n === 0) return;
    this.count = 0;
    const columns = this.#columns;
    const lines = this.#lines;
    const base = lines.length;
    const state = this.#state;
    state.fill(0, 0, n);
    for (let j = 0; j < columns.length; j++)
      (columns[j] as FieldColumn).readBatch(buffer, this.#cellsOf[j] as Int32Array, n, state, base);
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
