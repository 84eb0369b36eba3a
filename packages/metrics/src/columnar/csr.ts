import type { InteractionColumns } from './interaction-columns.js';

/** Events in input order, before grouping by actor (internal). */
export interface RawInteractionColumns {
  readonly length: number;
  readonly actorIds: readonly string[];
  readonly actor: Int32Array;
  readonly time: Float64Array;
  readonly name: Int32Array;
  readonly names: readonly string[];
  readonly channel: Int32Array;
  readonly channels: readonly string[];
  readonly touchpoint: Int32Array;
  readonly touchpoints: readonly string[];
  readonly stage: Int32Array;
  readonly stages: readonly string[];
  readonly numeric: Readonly<Record<string, Float64Array>>;
}

/**
 * Groups raw events by actor (stable counting sort) and sorts each actor's events by time, keeping input order
 * for ties (internal).
 */
export function toActorColumns(raw: RawInteractionColumns): InteractionColumns {
  const n = raw.length;
  const actors = raw.actorIds.length;
  const offsets = new Int32Array(actors + 1);
  const actor = raw.actor;
  for (let i = 0; i < n; i++) offsets[(actor[i] as number) + 1]!++;
  for (let a = 0; a < actors; a++) offsets[a + 1]! += offsets[a] as number;
  const cursor = offsets.slice(0, actors);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[actor[i] as number]!++] = i;

  const time = raw.time;
  for (let a = 0; a < actors; a++)
    sortRangeByTime(order, offsets[a] as number, offsets[a + 1] as number, time);

  const numeric: Record<string, Float64Array> = {};
  for (const [key, column] of Object.entries(raw.numeric)) numeric[key] = gatherFloat(column, order);
  return {
    length: n,
    actorIds: raw.actorIds,
    actorOffsets: offsets,
    time: gatherFloat(time, order),
    name: gatherInt(raw.name, order),
    names: raw.names,
    channel: gatherInt(raw.channel, order),
    channels: raw.channels,
    touchpoint: gatherInt(raw.touchpoint, order),
    touchpoints: raw.touchpoints,
    stage: gatherInt(raw.stage, order),
    stages: raw.stages,
    numeric,
  };
}

/** Stable sort of `order[from, to)` by `time[order[i]]` (insertion sort for short runs, else a keyed sort). */
function sortRangeByTime(order: Int32Array, from: number, to: number, time: Float64Array): void {
  let sorted = true;
  for (let i = from + 1; i < to; i++) {
    if ((time[order[i] as number] as number) < (time[order[i - 1] as number] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const value = order[i] as number;
      const t = time[value] as number;
      let j = i - 1;
      while (j >= from && (time[order[j] as number] as number) > t) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = value;
    }
    return;
  }
  // Indices within a range are increasing (counting sort keeps input order), so ties by index keep it stable.
  const slice = Array.from(order.subarray(from, to));
  slice.sort((x, y) => (time[x] as number) - (time[y] as number) || x - y);
  order.set(slice, from);
}

function gatherFloat(column: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i] as number] as number;
  return out;
}

function gatherInt(column: Int32Array, order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = column[order[i] as number] as number;
  return out;
}
