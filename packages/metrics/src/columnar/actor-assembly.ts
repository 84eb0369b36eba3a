import type { InteractionBatch, InteractionColumns } from './interaction-columns.js';

/** The dictionaries of a finished read (internal). */
export interface AssemblyDictionaries {
  readonly actorIds: readonly string[];
  readonly names: readonly string[];
  readonly channels: readonly string[];
  readonly touchpoints: readonly string[];
  readonly stages: readonly string[];
}

/**
 * Gathers streamed {@link InteractionBatch}es into actor-grouped columns, time-sorted per actor, with the result of
 * `toActorColumns` (stable counting sort by actor, then a stable sort by time per actor) in fewer passes over fresh
 * memory (internal).
 *
 * Fresh memory is what a columnar read of a large file pays for most (a first write to a page costs about as much
 * as a hundred later writes on the benchmark machine): rows are copied once into columns sized from `expectedRows`
 * (grown by doubling only when the estimate was short; pages never written are never touched), the per-actor counts
 * are taken on the way, and when the input is grouped by actor in order of first appearance (an export sorted by
 * customer) those columns are the result, without a second copy. Otherwise each row is written once more, to its
 * place. Only the actors whose events are not in time order are sorted.
 */
export class ActorColumnsAssembler {
  readonly #numericKeys: readonly string[];
  #time: Float64Array;
  #name: Int32Array;
  #channel: Int32Array;
  #touchpoint: Int32Array;
  #stage: Int32Array;
  #actor: Int32Array;
  #numeric: Float64Array[];
  #counts = new Int32Array(1024);
  #length = 0;
  /** Each actor's events form one run and runs come in order of first appearance (so far). */
  #grouped = true;
  #lastActor = -1;
  #nextActor = 0;

  /**
   * @param numericKeys - The numeric properties read.
   * @param expectedRows - Rows to make room for at first (an estimate; more are taken by doubling).
   */
  constructor(numericKeys: readonly string[], expectedRows = 1 << 16) {
    this.#numericKeys = numericKeys;
    // Clamped: a wild estimate must not ask for more than a typed array can hold (doubling takes over).
    const capacity = Math.min(1 << 27, Math.max(1024, Math.ceil(expectedRows)));
    this.#time = new Float64Array(capacity);
    this.#name = new Int32Array(capacity);
    this.#channel = new Int32Array(capacity);
    this.#touchpoint = new Int32Array(capacity);
    this.#stage = new Int32Array(capacity);
    this.#actor = new Int32Array(capacity);
    this.#numeric = numericKeys.map(() => new Float64Array(capacity));
  }

  /** Rows added so far. */
  get length(): number {
    return this.#length;
  }

  #reserve(rows: number): void {
    if (rows <= this.#time.length) return;
    let capacity = this.#time.length * 2;
    while (capacity < rows) capacity *= 2;
    const at = this.#length;
    const int = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a.subarray(0, at));
      return b;
    };
    const float = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, at));
      return b;
    };
    this.#time = float(this.#time);
    this.#name = int(this.#name);
    this.#channel = int(this.#channel);
    this.#touchpoint = int(this.#touchpoint);
    this.#stage = int(this.#stage);
    this.#actor = int(this.#actor);
    this.#numeric = this.#numeric.map(float);
  }

  /** Copies a batch's rows in. */
  add(batch: InteractionBatch): void {
    const n = batch.length;
    if (n === 0) return;
    this.#reserve(this.#length + n);
    const at = this.#length;
    const actor = batch.actor.subarray(0, n);
    this.#actor.set(actor, at);
    this.#time.set(batch.time.subarray(0, n), at);
    this.#name.set(batch.name.subarray(0, n), at);
    this.#channel.set(batch.channel.subarray(0, n), at);
    this.#touchpoint.set(batch.touchpoint.subarray(0, n), at);
    this.#stage.set(batch.stage.subarray(0, n), at);
    this.#numericKeys.forEach((key, k) => {
      (this.#numeric[k] as Float64Array).set((batch.numeric[key] as Float64Array).subarray(0, n), at);
    });
    let counts = this.#counts;
    let grouped = this.#grouped;
    let last = this.#lastActor;
    let next = this.#nextActor;
    for (let i = 0; i < n; i++) {
      const a = actor[i] as number;
      if (a >= counts.length) {
        const grown = new Int32Array(Math.max(counts.length * 2, a + 1));
        grown.set(counts);
        counts = grown;
      }
      counts[a]!++;
      if (grouped && a !== last) {
        if (a === next) next++;
        else grouped = false;
        last = a;
      }
    }
    this.#counts = counts;
    this.#grouped = grouped;
    this.#lastActor = last;
    this.#nextActor = next;
    this.#length = at + n;
  }

  /** The columns, grouped by actor and time-sorted per actor (the assembler is spent). */
  finish(dictionaries: AssemblyDictionaries): InteractionColumns {
    const n = this.#length;
    const actors = dictionaries.actorIds.length;
    const offsets = new Int32Array(actors + 1);
    const counts = this.#counts;
    for (let a = 0; a < actors; a++)
      offsets[a + 1] = (offsets[a] as number) + (a < counts.length ? (counts[a] as number) : 0);
    let time = this.#time.subarray(0, n);
    let name = this.#name.subarray(0, n);
    let channel = this.#channel.subarray(0, n);
    let touchpoint = this.#touchpoint.subarray(0, n);
    let stage = this.#stage.subarray(0, n);
    let numericColumns = this.#numeric.map((c) => c.subarray(0, n));
    if (!this.#grouped) {
      // One stable counting sort by actor: each row written once to its place.
      const place = new Int32Array(n);
      const cursor = offsets.slice(0, actors);
      const actor = this.#actor;
      for (let i = 0; i < n; i++) place[i] = cursor[actor[i] as number]!++;
      time = scatterFloat(time, place);
      name = scatterInt(name, place);
      channel = scatterInt(channel, place);
      touchpoint = scatterInt(touchpoint, place);
      stage = scatterInt(stage, place);
      numericColumns = numericColumns.map((c) => scatterFloat(c, place));
    }
    const ints = [name, channel, touchpoint, stage];
    const floats = [time, ...numericColumns];
    for (let a = 0; a < actors; a++)
      sortRangeByTime(offsets[a] as number, offsets[a + 1] as number, time, ints, floats);
    const numeric: Record<string, Float64Array> = {};
    this.#numericKeys.forEach((key, k) => {
      numeric[key] = numericColumns[k] as Float64Array;
    });
    return {
      length: n,
      actorIds: dictionaries.actorIds,
      actorOffsets: offsets,
      time,
      name,
      names: dictionaries.names,
      channel,
      channels: dictionaries.channels,
      touchpoint,
      touchpoints: dictionaries.touchpoints,
      stage,
      stages: dictionaries.stages,
      numeric,
    };
  }
}

function scatterFloat(from: Float64Array, place: Int32Array): Float64Array {
  const to = new Float64Array(place.length);
  for (let i = 0; i < place.length; i++) to[place[i] as number] = from[i] as number;
  return to;
}

function scatterInt(from: Int32Array, place: Int32Array): Int32Array {
  const to = new Int32Array(place.length);
  for (let i = 0; i < place.length; i++) to[place[i] as number] = from[i] as number;
  return to;
}

/**
 * Sorts the rows `[from, to)` of every column by `time`, stably (input order kept for ties), when they are not in
 * time order already (internal).
 */
function sortRangeByTime(
  from: number,
  to: number,
  time: Float64Array,
  ints: readonly Int32Array[],
  floats: readonly Float64Array[],
): void {
  let sorted = true;
  for (let i = from + 1; i < to; i++) {
    if ((time[i] as number) < (time[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  // Positions in the range, sorted by time then position (the rows of an actor are in input order here).
  const order = Array.from({ length: to - from }, (_, k) => from + k);
  order.sort((x, y) => (time[x] as number) - (time[y] as number) || x - y);
  const scratchInt = new Int32Array(order.length);
  for (const column of ints) {
    for (let k = 0; k < order.length; k++) scratchInt[k] = column[order[k] as number] as number;
    column.set(scratchInt, from);
  }
  const scratchFloat = new Float64Array(order.length);
  for (const column of floats) {
    for (let k = 0; k < order.length; k++) scratchFloat[k] = column[order[k] as number] as number;
    column.set(scratchFloat, from);
  }
}
