import type { ReducedChunk } from '@cx/ingest';
import { CxValidationError } from '@cx/model';
import { ActorIndex } from './actor-index.js';
import type { RetentionChunk } from './chunk-reducer.js';
import type { RetentionMatrix } from './matrix.js';
import type { RetentionPlan } from './normalize.js';
import { unsorted } from './stream-events.js';
import { actorMatrix, DROPPED, STARTS } from './stream-state.js';

/**
 * The state of a retention computation fed with reduced chunks in file order (internal): per actor its last event
 * time, start time (`NaN` pending, `-Infinity` dropped), cohort and a 0/1 return flag per column, as
 * {@link RetentionState} keeps them under `countsOnce` (calendar windows, one occurrence, no aggregate). Each chunk
 * costs a step per actor in it, not per event.
 */
export class ChunkMerge {
  readonly #plan: RetentionPlan;
  readonly #columns: number;
  readonly #actors: ActorIndex;
  #last: Float64Array = new Float64Array(0);
  #t0: Float64Array = new Float64Array(0);
  #cohort: Int32Array = new Int32Array(0);
  #counts: Uint16Array = new Uint16Array(0);
  /** Slots given their initial values so far (see `#reserve`). */
  #filled = 0;
  #maxTime = Number.NEGATIVE_INFINITY;
  /** Data rows of the chunks added so far: the next chunk's first row. */
  #rows = 0;
  #minCohort = Number.POSITIVE_INFINITY;
  #maxCohort = Number.NEGATIVE_INFINITY;

  /** The file read, named with the line of an event out of order. */
  readonly #source: string | undefined;

  constructor(plan: RetentionPlan, source?: string) {
    this.#plan = plan;
    this.#source = source;
    this.#columns = plan.columns.length;
    this.#actors = new ActorIndex();
  }

  /**
   * Grows the per-actor arrays to hold `size` actors (new ones with no event, pending). Fresh memory costs a page
   * fault per page on its first touch (about 3–5 ms per MiB on this kind of machine), so the arrays grow fourfold
   * and the room beyond the actors met stays untouched: only the slots in use are copied, and a slot gets its initial
   * values (`last` = -Infinity, `t0` = NaN; cohort and counts are zero) when its actor first comes.
   */
  #reserve(size: number): void {
    const filled = this.#filled;
    if (size > this.#last.length) {
      const capacity = Math.max(size, this.#last.length * 4, 1 << 16);
      const columns = this.#columns;
      const last = new Float64Array(capacity);
      last.set(this.#last.subarray(0, filled));
      const t0 = new Float64Array(capacity);
      t0.set(this.#t0.subarray(0, filled));
      const cohort = new Int32Array(capacity);
      cohort.set(this.#cohort.subarray(0, filled));
      const counts = new Uint16Array(capacity * columns);
      counts.set(this.#counts.subarray(0, filled * columns));
      this.#last = last;
      this.#t0 = t0;
      this.#cohort = cohort;
      this.#counts = counts;
    }
    if (size > filled) {
      this.#last.fill(Number.NEGATIVE_INFINITY, filled, size);
      this.#t0.fill(Number.NaN, filled, size);
      this.#filled = size;
    }
  }

  /**
   * Adds one chunk: checks it as the one-thread accumulator checks its events (time order per actor, the span of
   * the cohorts; the first problem in row order is thrown and nothing is applied), then applies it.
   *
   * @param chunk - The chunk (`rejected` = 0: the caller has thrown the rows' errors first).
   * @param dictionary - The stream's dictionaries (customer and anonymous ids).
   */
  add(chunk: ReducedChunk<RetentionChunk>, dictionary: (field: string) => readonly string[]): void {
    // Chunks tile the file: one dropped, repeated or out of order would change the result unseen (returns are flags).
    if (chunk.firstRow !== this.#rows) {
      throw new Error(
        `Chunks out of sequence: expected one starting at data row ${this.#rows}, got ${chunk.firstRow} (a chunk was dropped or repeated)`,
      );
    }
    this.#rows += chunk.rowsIn;
    const r = chunk.value;
    const n = r.count;
    const actors = this.#actors;
    const customerMap = n > 0 && r.customer.some((c) => c >= 0) ? chunk.toStream('customerId') : undefined;
    const anonymousMap = n > 0 && r.anonymous.some((a) => a >= 0) ? chunk.toStream('anonymousId') : undefined;
    const anonymous = anonymousMap !== undefined ? dictionary('anonymousId') : [];
    const customers = customerMap !== undefined || anonymousMap !== undefined ? dictionary('customerId') : [];
    const slot = new Int32Array(n);
    for (let e = 0; e < n; e++) {
      const c = r.customer[e] as number;
      slot[e] =
        c >= 0
          ? actors.customer((customerMap as Int32Array)[c] as number, customers)
          : actors.anonymous(
              (anonymousMap as Int32Array)[r.anonymous[e] as number] as number,
              anonymous,
              customers,
            );
    }
    this.#reserve(actors.size);
    const last = this.#last;
    const t0 = this.#t0;
    // Checks, in row order: the first event earlier than its actor's previous one (within the chunk, or its first
    // event in the chunk against the previous chunks), and the first start that stretches the cohorts too far.
    let unsortedRow = r.unsortedRow < 0 ? Number.POSITIVE_INFINITY : r.unsortedRow;
    let unsortedLine = r.unsortedLine;
    let lo = this.#minCohort;
    let hi = this.#maxCohort;
    let widens = false;
    for (let e = 0; e < n; e++) {
      const s = slot[e] as number;
      if ((r.firstTime[e] as number) < (last[s] as number) && (r.firstRow[e] as number) < unsortedRow) {
        unsortedRow = r.firstRow[e] as number;
        unsortedLine = r.firstLine[e] as number;
      }
      if (Number.isNaN(t0[s] as number) && r.kind[e] === STARTS) {
        const p = r.startPeriod[e] as number;
        if (p < lo || p > hi) {
          widens = true;
          lo = Math.min(lo, p);
          hi = Math.max(hi, p);
        }
      }
    }
    if (widens) this.#checkSpan(chunk, slot, lo, hi, unsortedRow);
    if (unsortedRow !== Number.POSITIVE_INFINITY)
      throw unsorted(
        [chunk.firstRow + unsortedRow, 'timestamp'],
        unsortedLine + chunk.lineShift,
        this.#source,
      );
    this.#apply(r, slot);
  }

  /** Throws the span error of the first start (in row order, before `unsortedRow`) beyond `maxPeriods`. */
  #checkSpan(
    chunk: ReducedChunk<RetentionChunk>,
    slot: Int32Array,
    lo: number,
    hi: number,
    unsortedRow: number,
  ): void {
    const calendar = this.#plan.calendar;
    const maxPeriods = this.#plan.options.maxPeriods;
    const fits = (a: number, b: number, path: Array<string | number>): void => {
      calendar.checkSpan(calendar.startOfIndex(a), calendar.startOfIndex(b), {
        maxPeriods,
        path,
        what: 'The cohorts',
      });
    };
    try {
      fits(lo, hi, []);
      return;
    } catch {
      // Too wide: find the start that made it so.
    }
    const r = chunk.value;
    const starts: number[] = [];
    for (let e = 0; e < r.count; e++)
      if (Number.isNaN(this.#t0[slot[e] as number] as number) && r.kind[e] === STARTS) starts.push(e);
    starts.sort((a, b) => (r.startRow[a] as number) - (r.startRow[b] as number));
    let a = this.#minCohort;
    let b = this.#maxCohort;
    for (const e of starts) {
      const row = r.startRow[e] as number;
      if (row > unsortedRow) return;
      const p = r.startPeriod[e] as number;
      if (p >= a && p <= b) continue;
      a = Math.min(a, p);
      b = Math.max(b, p);
      fits(a, b, [chunk.firstRow + row, 'timestamp']);
    }
  }

  #apply(r: RetentionChunk, slot: Int32Array): void {
    const { offsetColumn } = this.#plan;
    const maxOffset = offsetColumn.length - 1;
    const columns = this.#columns;
    const last = this.#last;
    const t0 = this.#t0;
    const cohort = this.#cohort;
    const counts = this.#counts;
    const { periods, offsets } = r;
    for (let e = 0; e < r.count; e++) {
      const s = slot[e] as number;
      last[s] = r.lastTime[e] as number;
      let from = offsets[e] as number;
      const to = offsets[e + 1] as number;
      let c0: number;
      const state = t0[s] as number;
      if (Number.isNaN(state)) {
        const kind = r.kind[e] as number;
        if (kind === DROPPED) t0[s] = Number.NEGATIVE_INFINITY;
        if (kind !== STARTS) continue;
        c0 = r.startPeriod[e] as number;
        t0[s] = r.startTime[e] as number;
        cohort[s] = c0;
        if (c0 < this.#minCohort) this.#minCohort = c0;
        if (c0 > this.#maxCohort) this.#maxCohort = c0;
        // Returns after the start period (column 0 is every member of the cohort: returns in it change nothing).
        while (from < to && (periods[from] as number) <= c0) from++;
      } else if (state === Number.NEGATIVE_INFINITY) continue;
      else c0 = cohort[s] as number;
      for (let k = from; k < to; k++) {
        const offset = (periods[k] as number) - c0;
        if (offset > maxOffset) break;
        counts[s * columns + (offsetColumn[offset] as number)] = 1;
      }
    }
    if (r.maxTime > this.#maxTime) this.#maxTime = r.maxTime;
  }

  /**
   * The matrix of the chunks added, which must cover the read's rows.
   *
   * @param rowsIn - The data rows of the read (its summary's `rowsIn`).
   */
  matrix(rowsIn: number): RetentionMatrix {
    if (rowsIn !== this.#rows)
      throw new Error(`Chunks cover ${this.#rows} of the read's ${rowsIn} data rows (a chunk was dropped)`);
    return actorMatrix(
      this.#plan,
      this.#actors.size,
      { t0: this.#t0, cohort: this.#cohort, counts: this.#counts },
      new Map(),
      this.#maxTime,
    );
  }
}

/** The error of rows the reader rejected (as {@link streamInteractionCsv} throws it) (internal). */
export function rejectedRows(issues: CxValidationError['issues']): CxValidationError {
  return new CxValidationError(issues, { subject: 'interactions CSV' });
}
