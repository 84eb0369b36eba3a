// The chunk reducer of `cohortRetentionCsv` (internal; a module `@cx/ingest`'s reduceColumns imports in each column
// worker, an entry of the build: dist/retention-reducer.js). It reduces the events of one chunk of the file to one
// entry per actor met in the chunk, enough for the calling thread to continue that actor's state whatever it was
// when the chunk began (see `chunk-merge.ts`).
import type { ChunkReducer, ChunkReducerContext, ColumnBatch } from '@cx/ingest';
import { ActorIndex } from './actor-index.js';
import { type CompiledMatcher, compileMatcher, isAnyEvent, matches, namesOnly } from './matcher.js';
import { planRetention } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';
import { PeriodLookup } from './period-table.js';
import { DROPPED, NOT_STARTED, STARTS } from './stream-state.js';

/** What the reducer is given (structured-cloned into each worker). */
export interface RetentionReducerOptions {
  /** The retention options (checked on the calling thread, checked again here by the same parser). */
  readonly retention: CohortRetentionOptions;
}

/**
 * One chunk reduced: per actor met in it (entry `e`, in order of first appearance), its reader indices, its first
 * and last event time and the chunk row of its first event; what the chunk's events do to it when it is pending at
 * the chunk's start (`kind`: not started, started at `startTime` in period `startPeriod` on row `startRow`, or
 * dropped), and the distinct periods of its return events (`periods[offsets[e] … offsets[e + 1])`, ascending). Rows count the chunk's accepted rows.
 */
export interface RetentionChunk {
  readonly count: number;
  readonly customer: Int32Array;
  readonly anonymous: Int32Array;
  readonly firstTime: Float64Array;
  readonly lastTime: Float64Array;
  readonly firstRow: Int32Array;
  /** The reader's line of the row of the entry's first event (add the chunk's `lineShift` for the file's). */
  readonly firstLine: Int32Array;
  readonly kind: Uint8Array;
  readonly startTime: Float64Array;
  readonly startPeriod: Int32Array;
  readonly startRow: Int32Array;
  /** The reader's line of `startRow` (add the chunk's `lineShift` for the file's). */
  readonly startLine: Int32Array;
  readonly offsets: Int32Array;
  readonly periods: Int32Array;
  /** Latest event time of the chunk (`-Infinity` when it has none). */
  readonly maxTime: number;
  /** Chunk row of the first event earlier than its actor's previous one in the chunk, or `-1`; entries stop there. */
  readonly unsortedRow: number;
  /** The reader's line of `unsortedRow` (`-1` when there is none). */
  readonly unsortedLine: number;
}

const EMPTY = new Int32Array(0);

/** A matcher that accepts every event (before the first compilation). */
const ANY: CompiledMatcher = { name: undefined, channel: undefined, touchpoint: undefined, stage: undefined };

/** A growable column of entries (internal). */
function grow<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * The reducer of one read (the module's {@link createReducer}). It reduces a chunk as its batches are read
 * (`begin`, `add` per batch, `end`; a batch's arrays may be used again by the reader once `add` returns), or all
 * at once (`reduce`, the same steps). Its per-chunk arrays are kept from chunk to chunk and grow with the actors of
 * the largest chunk; only `end`'s value is fresh memory.
 */
export class RetentionReducer implements ChunkReducer<RetentionChunk> {
  readonly #plan;
  readonly #periods: PeriodLookup;
  readonly #firstEver: boolean;
  readonly #fromStart: number;
  readonly #toEnd: number;
  /**
   * The actor of a row, by the text of its customer id, else of its anonymous id, as the stream (and the
   * one-thread accumulator) knows it: a customer id and an anonymous id with the same text are one actor, with one
   * entry per chunk, so that its events are checked and counted together.
   */
  readonly #actors = new ActorIndex();
  /**
   * Per actor, `#base` + its entry in the current chunk; a value below `#base` (0 at first) is of an earlier chunk:
   * one array read per event finds the entry, and nothing is cleared between chunks.
   */
  #entryOf: Int32Array = new Int32Array(1024);
  #base = 1;
  /** Entries of the previous chunk (the next chunk's base is past them). */
  #previous = 0;
  /** The matchers, compiled against the dictionaries as long as they were then (recompiled when they grow). */
  #compiledFor = '';
  #start: CompiledMatcher = ANY;
  #names: CompiledMatcher = ANY;
  #ret: CompiledMatcher = ANY;
  // The chunk's entries (see RetentionChunk), kept between chunks.
  #customer = new Int32Array(1024);
  #anonymous = new Int32Array(1024);
  #firstTime = new Float64Array(1024);
  #lastTime = new Float64Array(1024);
  #firstRow = new Int32Array(1024);
  #firstLine = new Int32Array(1024);
  #kind = new Uint8Array(1024);
  #startTime = new Float64Array(1024);
  #startPeriod = new Int32Array(1024);
  #startRow = new Int32Array(1024);
  #startLine = new Int32Array(1024);
  /** Per entry: its last return period, the end of that period, and the head and tail of its list of periods. */
  #lastPeriod = new Int32Array(1024);
  #periodEnd = new Float64Array(1024);
  #head = new Int32Array(1024);
  #tail = new Int32Array(1024);
  /** The return periods of all entries, as linked lists (`node`: period, next). */
  #nodePeriod = new Int32Array(4096);
  #nodeNext = new Int32Array(4096);
  #nodes = 0;
  #count = 0;
  #maxTime = Number.NEGATIVE_INFINITY;
  #unsortedRow = -1;
  #unsortedLine = -1;
  /** Accepted rows of the chunk so far. */
  #row = 0;

  constructor(options: RetentionReducerOptions) {
    const plan = planRetention(options.retention, 'cohortRetentionCsv');
    this.#plan = plan;
    this.#periods = new PeriodLookup(plan.calendar);
    this.#firstEver = plan.options.cohortType === 'first-ever';
    this.#fromStart = plan.from === undefined ? Number.NEGATIVE_INFINITY : plan.calendar.startOf(plan.from);
    this.#toEnd =
      plan.to === undefined
        ? Number.POSITIVE_INFINITY
        : plan.calendar.startOfIndex(plan.calendar.indexOf(plan.to - 1) + 1);
  }

  /** Starts a chunk. */
  begin(_context: ChunkReducerContext): void {
    this.#base += this.#previous;
    // Bases stay far below 2^31 (a chunk has fewer entries than 2^30): past 2^30, every entry is forgotten.
    if (this.#base > 2 ** 30) {
      this.#entryOf.fill(0);
      this.#base = 1;
    }
    this.#previous = 0;
    this.#count = 0;
    this.#nodes = 0;
    this.#maxTime = Number.NEGATIVE_INFINITY;
    this.#unsortedRow = -1;
    this.#unsortedLine = -1;
    this.#row = 0;
  }

  /** Compiles the matchers again when a dictionary they use has grown (a name met for the first time). */
  #compile(context: ChunkReducerContext): void {
    const has = (field: string): boolean => context.fields.some((f) => f.field === field);
    const dictionary = (field: string): readonly string[] => (has(field) ? context.dictionary(field) : []);
    const d = {
      names: dictionary('name'),
      channels: dictionary('channel'),
      touchpoints: dictionary('touchpointId'),
      stages: dictionary('stageId'),
    };
    const sizes = `${d.names.length},${d.channels.length},${d.touchpoints.length},${d.stages.length}`;
    if (sizes === this.#compiledFor) return;
    this.#compiledFor = sizes;
    const o = this.#plan.options;
    this.#start = compileMatcher(o.startEvent, d);
    this.#names = namesOnly(this.#start);
    this.#ret = compileMatcher(o.returnEvent, d);
  }

  /** Grows the entry arrays to `capacity` (internal). */
  #grow(capacity: number): void {
    this.#customer = grow(this.#customer, capacity);
    this.#anonymous = grow(this.#anonymous, capacity);
    this.#firstTime = grow(this.#firstTime, capacity);
    this.#lastTime = grow(this.#lastTime, capacity);
    this.#firstRow = grow(this.#firstRow, capacity);
    this.#firstLine = grow(this.#firstLine, capacity);
    this.#kind = grow(this.#kind, capacity);
    this.#startTime = grow(this.#startTime, capacity);
    this.#startPeriod = grow(this.#startPeriod, capacity);
    this.#startRow = grow(this.#startRow, capacity);
    this.#startLine = grow(this.#startLine, capacity);
    this.#lastPeriod = grow(this.#lastPeriod, capacity);
    this.#periodEnd = grow(this.#periodEnd, capacity);
    this.#head = grow(this.#head, capacity);
    this.#tail = grow(this.#tail, capacity);
  }

  /** Adds the next batch of the chunk (its arrays are not kept). */
  add(batch: ColumnBatch, context: ChunkReducerContext): void {
    const n = batch.length;
    if (this.#unsortedRow >= 0 || n === 0) {
      this.#row += n;
      return;
    }
    this.#compile(context);
    const start = this.#start;
    const names = this.#names;
    const ret = this.#ret;
    const anyReturn = isAnyEvent(ret);
    const anyStart = isAnyEvent(start);
    const firstEver = this.#firstEver;
    const fromStart = this.#fromStart;
    const toEnd = this.#toEnd;
    const periods = this.#periods;
    const has = (field: string): boolean => context.fields.some((f) => f.field === field);
    const customerIds = has('customerId') ? context.dictionary('customerId') : [];
    const anonymousIds = has('anonymousId') ? context.dictionary('anonymousId') : [];
    const actors = this.#actors;
    // Every value of the batch is in the dictionaries: keys stay below their sizes together.
    const keys = customerIds.length + anonymousIds.length + 1;
    if (keys > this.#entryOf.length) this.#entryOf = grow(this.#entryOf, keys);
    const entryOf = this.#entryOf;
    const base = this.#base;
    let capacity = this.#customer.length;
    let customer = this.#customer;
    let anonymous = this.#anonymous;
    let firstTime = this.#firstTime;
    let lastTime = this.#lastTime;
    let firstRow = this.#firstRow;
    let firstLine = this.#firstLine;
    let kind = this.#kind;
    let startTime = this.#startTime;
    let startPeriod = this.#startPeriod;
    let startRow = this.#startRow;
    let startLine = this.#startLine;
    let lastPeriod = this.#lastPeriod;
    let periodEnd = this.#periodEnd;
    let head = this.#head;
    let tail = this.#tail;
    let nodePeriod = this.#nodePeriod;
    let nodeNext = this.#nodeNext;
    let nodes = this.#nodes;
    let count = this.#count;
    let maxTime = this.#maxTime;
    let row = this.#row;
    const c = batch.columns;
    const who = (c.customerId as Int32Array | undefined) ?? EMPTY;
    const anon = (c.anonymousId as Int32Array | undefined) ?? EMPTY;
    const time = c.timestamp as Float64Array;
    const line = batch.line;
    const name = (c.name as Int32Array | undefined) ?? EMPTY;
    const channel = (c.channel as Int32Array | undefined) ?? EMPTY;
    const touchpoint = (c.touchpointId as Int32Array | undefined) ?? EMPTY;
    const stage = (c.stageId as Int32Array | undefined) ?? EMPTY;
    for (let i = 0; i < n; i++, row++) {
      const cu = i < who.length ? (who[i] as number) : -1;
      const key =
        cu >= 0
          ? actors.customer(cu, customerIds)
          : actors.anonymous(anon[i] as number, anonymousIds, customerIds);
      const t = time[i] as number;
      let e = (entryOf[key] as number) - base;
      if (e < 0) {
        e = count++;
        if (e === capacity) {
          capacity *= 2;
          this.#grow(capacity);
          customer = this.#customer;
          anonymous = this.#anonymous;
          firstTime = this.#firstTime;
          lastTime = this.#lastTime;
          firstRow = this.#firstRow;
          firstLine = this.#firstLine;
          kind = this.#kind;
          startTime = this.#startTime;
          startPeriod = this.#startPeriod;
          startRow = this.#startRow;
          startLine = this.#startLine;
          lastPeriod = this.#lastPeriod;
          periodEnd = this.#periodEnd;
          head = this.#head;
          tail = this.#tail;
        }
        entryOf[key] = base + e;
        customer[e] = cu;
        anonymous[e] = cu >= 0 ? -1 : (anon[i] as number);
        firstTime[e] = t;
        lastTime[e] = t;
        firstRow[e] = row;
        firstLine[e] = line[i] as number;
        kind[e] = NOT_STARTED;
        periodEnd[e] = Number.NEGATIVE_INFINITY;
        head[e] = -1;
        tail[e] = -1;
      }
      if (t < (lastTime[e] as number)) {
        this.#unsortedRow = row;
        this.#unsortedLine = line[i] as number;
        break;
      }
      lastTime[e] = t;
      if (t > maxTime) maxTime = t;
      if (kind[e] === NOT_STARTED) {
        // RetentionState.startKind, on this chunk's events alone (the actor as if pending at the chunk's start).
        const isStart = anyStart || matches(start, name, channel, touchpoint, stage, i);
        let k = NOT_STARTED;
        if (firstEver) {
          if (anyStart || matches(names, name, channel, touchpoint, stage, i)) k = isStart ? STARTS : DROPPED;
        } else if (isStart) k = STARTS;
        if (k === STARTS && (t < fromStart || t >= toEnd)) k = DROPPED;
        if (k === STARTS) {
          kind[e] = STARTS;
          startTime[e] = t;
          startPeriod[e] = periods.indexOf(t);
          startRow[e] = row;
          startLine[e] = line[i] as number;
        } else if (k === DROPPED) kind[e] = DROPPED;
      }
      if (!anyReturn && !matches(ret, name, channel, touchpoint, stage, i)) continue;
      // Events in time order: one before the end of the last return period is in that period.
      if (t >= (periodEnd[e] as number)) {
        const p = periods.indexOf(t);
        periodEnd[e] = periods.end;
        if (head[e] === -1 || p !== (lastPeriod[e] as number)) {
          if (nodes === nodePeriod.length) {
            nodePeriod = grow(nodePeriod, nodes * 2);
            nodeNext = grow(nodeNext, nodes * 2);
            this.#nodePeriod = nodePeriod;
            this.#nodeNext = nodeNext;
          }
          nodePeriod[nodes] = p;
          nodeNext[nodes] = -1;
          if (head[e] === -1) head[e] = nodes;
          else nodeNext[tail[e] as number] = nodes;
          tail[e] = nodes;
          nodes++;
          lastPeriod[e] = p;
        }
      }
    }
    this.#nodes = nodes;
    this.#count = count;
    this.#previous = count;
    this.#maxTime = maxTime;
    this.#row = this.#unsortedRow >= 0 ? this.#row + n : row;
  }

  /** Ends the chunk: its value, in fresh arrays (moved to the calling thread). */
  end(_context: ChunkReducerContext): RetentionChunk {
    const count = this.#count;
    const nodes = this.#nodes;
    const head = this.#head;
    const nodeNext = this.#nodeNext;
    const nodePeriod = this.#nodePeriod;
    // The periods of each entry, contiguous.
    const offsets = new Int32Array(count + 1);
    const flat = new Int32Array(nodes);
    let at = 0;
    for (let e = 0; e < count; e++) {
      offsets[e] = at;
      for (let k = head[e] as number; k !== -1; k = nodeNext[k] as number)
        flat[at++] = nodePeriod[k] as number;
    }
    offsets[count] = at;
    return {
      count,
      customer: this.#customer.slice(0, count),
      anonymous: this.#anonymous.slice(0, count),
      firstTime: this.#firstTime.slice(0, count),
      lastTime: this.#lastTime.slice(0, count),
      firstRow: this.#firstRow.slice(0, count),
      firstLine: this.#firstLine.slice(0, count),
      kind: this.#kind.slice(0, count),
      startTime: this.#startTime.slice(0, count),
      startPeriod: this.#startPeriod.slice(0, count),
      startRow: this.#startRow.slice(0, count),
      startLine: this.#startLine.slice(0, count),
      offsets,
      periods: flat,
      maxTime: this.#maxTime,
      unsortedRow: this.#unsortedRow,
      unsortedLine: this.#unsortedLine,
    };
  }

  reduce(batches: readonly ColumnBatch[], context: ChunkReducerContext): RetentionChunk {
    this.begin(context);
    for (const batch of batches) this.add(batch, context);
    return this.end(context);
  }

  transferList(value: RetentionChunk): ArrayBuffer[] {
    return [
      value.customer,
      value.anonymous,
      value.firstTime,
      value.lastTime,
      value.firstRow,
      value.firstLine,
      value.kind,
      value.startTime,
      value.startPeriod,
      value.startRow,
      value.startLine,
      value.offsets,
      value.periods,
    ].map((array) => array.buffer as ArrayBuffer);
  }
}

/**
 * Creates the reducer of one read (the export `@cx/ingest`'s workers call).
 *
 * @param options - {@link RetentionReducerOptions}.
 * @returns The reducer.
 */
export function createReducer(options: unknown): RetentionReducer {
  return new RetentionReducer(options as RetentionReducerOptions);
}
