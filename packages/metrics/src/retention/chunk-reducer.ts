// The chunk reducer of `cohortRetentionCsv` (internal; a module `@cx/ingest`'s reduceColumns imports in each column
// worker, an entry of the build: dist/retention-reducer.js). It reduces the events of one chunk of the file to one
// entry per actor met in the chunk, enough for the calling thread to continue that actor's state whatever it was
// when the chunk began (see `chunk-merge.ts`).
import type { ChunkReducer, ChunkReducerContext, ColumnBatch } from '@cx/ingest';
import { ActorIndex } from './actor-index.js';
import { compileMatcher, isAnyEvent, matches, namesOnly } from './matcher.js';
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
  readonly kind: Uint8Array;
  readonly startTime: Float64Array;
  readonly startPeriod: Int32Array;
  readonly startRow: Int32Array;
  readonly offsets: Int32Array;
  readonly periods: Int32Array;
  /** Latest event time of the chunk (`-Infinity` when it has none). */
  readonly maxTime: number;
  /** Chunk row of the first event earlier than its actor's previous one in the chunk, or `-1`; entries stop there. */
  readonly unsortedRow: number;
}

const EMPTY = new Int32Array(0);

/** A growable column of entries (internal). */
function grow<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** The reducer of one read (the module's {@link createReducer}). */
export class RetentionReducer implements ChunkReducer<RetentionChunk> {
  readonly #plan;
  readonly #periods: PeriodLookup;
  /**
   * The actor of a row, by the text of its customer id, else of its anonymous id, as the stream (and the
   * one-thread accumulator) knows it: a customer id and an anonymous id with the same text are one actor, with one
   * entry per chunk, so that its events are checked and counted together.
   */
  readonly #actors = new ActorIndex();
  /** Per actor, its entry in the chunk when `#stamp` is the chunk's. */
  #entryOf: Int32Array = new Int32Array(1024);
  #stamp: Int32Array = new Int32Array(1024);
  #chunk = 0;

  constructor(options: RetentionReducerOptions) {
    this.#plan = planRetention(options.retention, 'cohortRetentionCsv');
    this.#periods = new PeriodLookup(this.#plan.calendar);
  }

  reduce(batches: readonly ColumnBatch[], context: ChunkReducerContext): RetentionChunk {
    const plan = this.#plan;
    const o = plan.options;
    const periods = this.#periods;
    const has = (field: string): boolean => context.fields.some((f) => f.field === field);
    const dictionary = (field: string): readonly string[] => (has(field) ? context.dictionary(field) : []);
    const d = {
      names: dictionary('name'),
      channels: dictionary('channel'),
      touchpoints: dictionary('touchpointId'),
      stages: dictionary('stageId'),
    };
    const start = compileMatcher(o.startEvent, d);
    const names = namesOnly(start);
    const ret = compileMatcher(o.returnEvent, d);
    const anyReturn = isAnyEvent(ret);
    const anyStart = isAnyEvent(start);
    const firstEver = o.cohortType === 'first-ever';
    const fromStart = plan.from === undefined ? Number.NEGATIVE_INFINITY : plan.calendar.startOf(plan.from);
    const toEnd =
      plan.to === undefined
        ? Number.POSITIVE_INFINITY
        : plan.calendar.startOfIndex(plan.calendar.indexOf(plan.to - 1) + 1);
    const customerIds = dictionary('customerId');
    const anonymousIds = dictionary('anonymousId');
    const actors = this.#actors;
    const keys = customerIds.length + anonymousIds.length + 1;
    if (keys > this.#entryOf.length) {
      this.#entryOf = grow(this.#entryOf, keys);
      this.#stamp = grow(this.#stamp, keys);
    }
    const entryOf = this.#entryOf;
    const stamp = this.#stamp;
    const chunk = ++this.#chunk;
    let capacity = 1024;
    let customer = new Int32Array(capacity);
    let anonymous = new Int32Array(capacity);
    let firstTime = new Float64Array(capacity);
    let lastTime = new Float64Array(capacity);
    let firstRow = new Int32Array(capacity);
    let kind = new Uint8Array(capacity);
    let startTime = new Float64Array(capacity);
    let startPeriod = new Int32Array(capacity);
    let startRow = new Int32Array(capacity);
    /** Per entry: its last return period, the end of that period, and the head and tail of its list of periods. */
    let lastPeriod = new Int32Array(capacity);
    let periodEnd = new Float64Array(capacity);
    let head = new Int32Array(capacity);
    let tail = new Int32Array(capacity);
    /** The return periods of all entries, as linked lists (`node`: period, next). */
    let nodePeriod = new Int32Array(4096);
    let nodeNext = new Int32Array(4096);
    let nodes = 0;
    let count = 0;
    let maxTime = Number.NEGATIVE_INFINITY;
    let unsortedRow = -1;
    let row = 0;
    scan: for (const batch of batches) {
      const c = batch.columns;
      const who = (c.customerId as Int32Array | undefined) ?? EMPTY;
      const anon = (c.anonymousId as Int32Array | undefined) ?? EMPTY;
      const time = c.timestamp as Float64Array;
      const n = batch.length;
      const none = new Int32Array(0);
      const name = (c.name as Int32Array | undefined) ?? none;
      const channel = (c.channel as Int32Array | undefined) ?? none;
      const touchpoint = (c.touchpointId as Int32Array | undefined) ?? none;
      const stage = (c.stageId as Int32Array | undefined) ?? none;
      for (let i = 0; i < n; i++, row++) {
        const cu = i < who.length ? (who[i] as number) : -1;
        const key =
          cu >= 0
            ? actors.customer(cu, customerIds)
            : actors.anonymous(anon[i] as number, anonymousIds, customerIds);
        const t = time[i] as number;
        let e: number;
        if (stamp[key] === chunk) e = entryOf[key] as number;
        else {
          e = count++;
          if (e === capacity) {
            capacity *= 2;
            customer = grow(customer, capacity);
            anonymous = grow(anonymous, capacity);
            firstTime = grow(firstTime, capacity);
            lastTime = grow(lastTime, capacity);
            firstRow = grow(firstRow, capacity);
            kind = grow(kind, capacity);
            startTime = grow(startTime, capacity);
            startPeriod = grow(startPeriod, capacity);
            startRow = grow(startRow, capacity);
            lastPeriod = grow(lastPeriod, capacity);
            periodEnd = grow(periodEnd, capacity);
            head = grow(head, capacity);
            tail = grow(tail, capacity);
          }
          stamp[key] = chunk;
          entryOf[key] = e;
          customer[e] = cu;
          anonymous[e] = cu >= 0 ? -1 : (anon[i] as number);
          firstTime[e] = t;
          lastTime[e] = t;
          firstRow[e] = row;
          kind[e] = NOT_STARTED;
          periodEnd[e] = Number.NEGATIVE_INFINITY;
          head[e] = -1;
          tail[e] = -1;
        }
        if (t < (lastTime[e] as number)) {
          unsortedRow = row;
          break scan;
        }
        lastTime[e] = t;
        if (t > maxTime) maxTime = t;
        if (kind[e] === NOT_STARTED) {
          // RetentionState.startKind, on this chunk's events alone (the actor as if pending at the chunk's start).
          const isStart = anyStart || matches(start, name, channel, touchpoint, stage, i);
          let k = NOT_STARTED;
          if (firstEver) {
            if (anyStart || matches(names, name, channel, touchpoint, stage, i))
              k = isStart ? STARTS : DROPPED;
          } else if (isStart) k = STARTS;
          if (k === STARTS && (t < fromStart || t >= toEnd)) k = DROPPED;
          if (k === STARTS) {
            kind[e] = STARTS;
            startTime[e] = t;
            startPeriod[e] = periods.indexOf(t);
            startRow[e] = row;
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
    }
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
      customer: customer.slice(0, count),
      anonymous: anonymous.slice(0, count),
      firstTime: firstTime.slice(0, count),
      lastTime: lastTime.slice(0, count),
      firstRow: firstRow.slice(0, count),
      kind: kind.slice(0, count),
      startTime: startTime.slice(0, count),
      startPeriod: startPeriod.slice(0, count),
      startRow: startRow.slice(0, count),
      offsets,
      periods: flat,
      maxTime,
      unsortedRow,
    };
  }

  transferList(value: RetentionChunk): ArrayBuffer[] {
    return [
      value.customer,
      value.anonymous,
      value.firstTime,
      value.lastTime,
      value.firstRow,
      value.kind,
      value.startTime,
      value.startPeriod,
      value.startRow,
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
