import type { ReducedChunk } from '@cx/ingest';
import { CxValidationError } from '@cx/model';
import { ActorIndex } from './actor-index.js';
import type { RetentionChunk } from './chunk-reducer.js';
import type { RetentionMatrix } from './matrix.js';
import type { RetentionPlan } from './normalize.js';
import { unsorted } from './stream-events.js';
import { actorMatrix, DROPPED, STARTS } from './stream-state.js';

/** Bits of an actor's state in {@link ChunkMerge} (zero: never met, pending). */
const SEEN = 1;
const STARTED = 2;
const DROPPED_BIT = 4;

/**
 * The state of a retention computation fed with reduced chunks in file order (internal): per actor its last event
 * time, a state byte (met, started, dropped), its cohort and a 0/1 return flag per column, as
 * {@link RetentionState} keeps them under `countsOnce` (calendar windows, one occurrence, no aggregate). Each chunk
 * costs a step per actor in it, not per event. 25 bytes an actor (12 columns), and a new actor's slot needs no
 * initial value (zero is "never met"): at 2 M actors the arrays are the calling thread's largest memory, and on this
 * kind of machine a fresh MiB costs 3–5 ms of page faults on its first touch.
 */
export class ChunkMerge {
  readonly #plan: RetentionPlan;
  readonly #columns: number;
  readonly #actors: ActorIndex;
  /** Per actor: its last event time (valid once `SEEN`). */
  #last: Float64Array = new Float64Array(0);
  /** Per actor: `SEEN`, `STARTED`, `DROPPED_BIT` (none: pending, never met). */
  #state: Uint8Array = new Uint8Array(0);
  #cohort: Int32Array = new Int32Array(0);
  /** Per actor and column: 1 when the actor returned in that column. */
  #flags: Uint8Array = new Uint8Array(0);
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
   * Grows the per-actor arrays to hold `size` actors (new ones never met, pending: all zero). Fresh memory costs a
   * page fault per page on its first touch, so the arrays grow fourfold and the room beyond the actors met stays
   * untouched: only the slots in use (`used`) are copied.
   */
  #reserve(size: number, used: number): void {
    if (size <= this.#last.length) return;
    const capacity = Math.max(size, this.#last.length * 4, 1 << 16);
    const columns = this.#columns;
    const last = new Float64Array(capacity);
    last.set(this.#last.subarray(0, used));
    const state = new Uint8Array(capacity);
    state.set(this.#state.subarray(0, used));
    const cohort = new Int32Array(capacity);
    cohort.set(this.#cohort.subarray(0, used));
    const flags = new Uint8Array(capacity * columns);
    flags.set(this.#flags.subarray(0, used * columns));
    this.#last = last;
    this.#state = state;
    this.#cohort = cohort;
    this.#flags = flags;
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
    const used = actors.size;
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
    this.#reserve(actors.size, used);
    const last = this.#last;
    const state = this.#state;
    // Checks, in row order: the first event earlier than its actor's previous one (within the chunk, or its first
    // event in the chunk against the previous chunks), and the first start that stretches the cohorts too far.
    let unsortedRow = r.unsortedRow < 0 ? Number.POSITIVE_INFINITY : r.unsortedRow;
    let unsortedLine = r.unsortedLine;
    let lo = this.#minCohort;
    let hi = this.#maxCohort;
    let widens = false;
    for (let e = 0; e < n; e++) {
      const s = slot[e] as number;
      const st = state[s] as number;
      if (
        (st & SEEN) !== 0 &&
        (r.firstTime[e] as number) < (last[s] as number) &&
        (r.firstRow[e] as number) < unsortedRow
      ) {
        unsortedRow = r.firstRow[e] as number;
        unsortedLine = r.firstLine[e] as number;
      }
      if ((st & (STARTED | DROPPED_BIT)) === 0 && r.kind[e] === STARTS) {
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
    const fits = (a: number, b: number, path: Array<string | number>, line?: number): void => {
      calendar.checkSpan(calendar.startOfIndex(a), calendar.startOfIndex(b), {
        maxPeriods,
        path,
        what: 'The cohorts',
        ...(line === undefined ? {} : { line }),
        ...(line === undefined || this.#source === undefined ? {} : { source: this.#source }),
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
      if (
        ((this.#state[slot[e] as number] as number) & (STARTED | DROPPED_BIT)) === 0 &&
        r.kind[e] === STARTS
      )
        starts.push(e);
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
      fits(a, b, [chunk.firstRow + row, 'timestamp'], (r.startLine[e] as number) + chunk.lineShift);
    }
  }

  #apply(r: RetentionChunk, slot: Int32Array): void {
    const { offsetColumn } = this.#plan;
    const maxOffset = offsetColumn.length - 1;
    const columns = this.#columns;
    const last = this.#last;
    const state = this.#state;
    const cohort = this.#cohort;
    const flags = this.#flags;
    const { periods, offsets } = r;
    for (let e = 0; e < r.count; e++) {
      const s = slot[e] as number;
      last[s] = r.lastTime[e] as number;
      let from = offsets[e] as number;
      const to = offsets[e + 1] as number;
      let c0: number;
      const st = (state[s] as number) | SEEN;
      state[s] = st;
      if ((st & (STARTED | DROPPED_BIT)) === 0) {
        const kind = r.kind[e] as number;
        if (kind === DROPPED) state[s] = st | DROPPED_BIT;
        if (kind !== STARTS) continue;
        c0 = r.startPeriod[e] as number;
        state[s] = st | STARTED;
        cohort[s] = c0;
        if (c0 < this.#minCohort) this.#minCohort = c0;
        if (c0 > this.#maxCohort) this.#maxCohort = c0;
        // Returns after the start period (column 0 is every member of the cohort: returns in it change nothing).
        while (from < to && (periods[from] as number) <= c0) from++;
      } else if ((st & DROPPED_BIT) !== 0) continue;
      else c0 = cohort[s] as number;
      for (let k = from; k < to; k++) {
        const offset = (periods[k] as number) - c0;
        if (offset > maxOffset) break;
        flags[s * columns + (offsetColumn[offset] as number)] = 1;
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
    const state = this.#state;
    return actorMatrix(
      this.#plan,
      this.#actors.size,
      { member: (s) => ((state[s] as number) & STARTED) !== 0, cohort: this.#cohort, counts: this.#flags },
      new Map(),
      this.#maxTime,
    );
  }
}

/** The error of rows the reader rejected (as {@link streamInteractionCsv} throws it) (internal). */
export function rejectedRows(issues: CxValidationError['issues']): CxValidationError {
  return new CxValidationError(issues, { subject: 'interactions CSV' });
}
