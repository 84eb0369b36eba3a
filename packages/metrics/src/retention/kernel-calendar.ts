import { MS_PER_DAY } from '@cx/model';
import type { CompiledMatcher } from './matcher.js';
import { matches } from './matcher.js';

/** Most columns the calendar kernel handles: one bit per column of a 32-bit mask (internal). */
export const MASK_COLUMNS = 31;

/**
 * Where the calendar kernel writes (internal): per cohort position of the period table, the actors
 * (`sizes[position]`) and the retained actors per column (`counts[position * columns + column]`).
 */
export interface CalendarCounts {
  readonly sizes: Float64Array;
  readonly counts: Float64Array;
}

/**
 * The counting pass of cohort retention for its most common form (internal): calendar windows, one cohort per
 * actor (first-time or first-ever), a return counted once per column (`minimumOccurrences` 1), no aggregated
 * property, at most {@link MASK_COLUMNS} columns. Equal to the general kernel's counting on those options; the
 * property test in `kernel-calendar.test.ts` holds it to it.
 *
 * Each actor's events are sorted by time, so the periods it returned in are found by walking the events once
 * with the next period boundary in a register: without a return matcher, every event that crosses a boundary is
 * a return and the events between two crossings are skipped by a comparison each; with one, the events of a
 * period are tested until one matches. The columns an actor returned in are bits of one integer. Only typed
 * arrays and numbers cross the call (its optimized code survives tables, calls and collections), and nothing is
 * allocated per actor or event.
 *
 * @param a0 - First actor of the shard.
 * @param a1 - End of the shard (exclusive).
 * @param startOf - Start event of each actor (`-1` = none).
 * @param startTime - Time of each actor's start event (read where `startOf` is not `-1`).
 * @param lastTime - Time of each actor's last event.
 * @param starts - Period boundaries of the table (`starts[p]` opens position `p`).
 * @param ret - The compiled return matcher, or `undefined` when any event is a return.
 */
export function countCalendarReturns(
  a0: number,
  a1: number,
  actorOffsets: Int32Array,
  time: Float64Array,
  name: Int32Array,
  channel: Int32Array,
  touchpoint: Int32Array,
  stage: Int32Array,
  startOf: Int32Array,
  startTime: Float64Array,
  lastTime: Float64Array,
  starts: Float64Array,
  offsetColumn: Int32Array,
  columns: number,
  onOrAfter: boolean,
  ret: CompiledMatcher | undefined,
  out: CalendarCounts,
): void {
  const { sizes, counts } = out;
  const lastPosition = starts.length - 2;
  const maxOffset = offsetColumn.length - 1;
  const first = starts[0] as number;
  const byDay = dayPositions(starts);
  const lastDay = byDay.length - 1;
  for (let a = a0; a < a1; a++) {
    const j0 = startOf[a] as number;
    if (j0 < 0) continue;
    const to = actorOffsets[a + 1] as number;
    // The cohort's position: the table's guess for the start's UTC day, then the boundaries inside that day.
    const t0 = startTime[a] as number;
    const day = Math.floor((t0 - first) / MS_PER_DAY);
    let cohort = byDay[day < 0 ? 0 : Math.min(day, lastDay)] as number;
    while (cohort < lastPosition && (starts[cohort + 1] as number) <= t0) cohort++;
    let p = cohort;
    let next = starts[p + 1] as number;
    let mask = 0;
    let j = j0 + 1;
    if (ret === undefined) {
      const last = lastTime[a] as number;
      for (;;) {
        // The first event at or after the next boundary: none when the actor's last event is before it, else
        // found by galloping (1, 2, 4, … events ahead) then bisecting, as an actor's events come in sessions.
        if (last < next) break;
        if ((time[j] as number) < next) {
          let lo = j;
          let step = 1;
          let hi = j + 1;
          while ((time[hi] as number) < next) {
            lo = hi;
            step += step;
            hi = lo + step;
            if (hi >= to) {
              hi = to - 1;
              break;
            }
          }
          // time[lo] < next <= time[hi] (time[to - 1] = last >= next)
          while (hi - lo > 1) {
            const mid = (lo + hi) >>> 1;
            if ((time[mid] as number) < next) lo = mid;
            else hi = mid;
          }
          j = hi;
        }
        const t = time[j] as number;
        p++;
        while (p < lastPosition && (starts[p + 1] as number) <= t) p++;
        const offset = p - cohort;
        if (offset > maxOffset) break;
        mask |= 1 << (offsetColumn[offset] as number);
        next = starts[p + 1] as number;
        j++;
      }
    } else {
      let bit = 1;
      for (; j < to; j++) {
        const t = time[j] as number;
        if (t >= next) {
          p++;
          while (p < lastPosition && (starts[p + 1] as number) <= t) p++;
          const offset = p - cohort;
          if (offset > maxOffset) break;
          next = starts[p + 1] as number;
          bit = 1 << (offsetColumn[offset] as number);
        }
        if (p === cohort || (mask & bit) !== 0) continue;
        if (matches(ret, name, channel, touchpoint, stage, j)) mask |= bit;
      }
    }
    sizes[cohort]! += 1;
    const base = cohort * columns;
    counts[base]! += 1;
    mask &= ~1; // column 0 is the cohort itself
    if (mask === 0) continue;
    if (onOrAfter) {
      const last = 31 - Math.clz32(mask);
      for (let c = 1; c <= last; c++) counts[base + c]! += 1;
    } else {
      while (mask !== 0) {
        const c = 31 - Math.clz32(mask);
        counts[base + c]! += 1;
        mask ^= 1 << c;
      }
    }
  }
}

/**
 * Per UTC day from `starts[0]`, the position of the period holding the day's first instant (internal): a cohort's
 * position is then one read and, for a day holding a boundary, a step (a binary search per actor mispredicts its
 * branches; it took about a sixth of the counting pass on 200,000 actors). As long as the table's span in days.
 */
export function dayPositions(starts: Float64Array): Int32Array {
  const first = starts[0] as number;
  const days = Math.floor(((starts[starts.length - 1] as number) - first) / MS_PER_DAY) + 1;
  const byDay = new Int32Array(days);
  let p = 0;
  for (let d = 0; d < days; d++) {
    const t = first + d * MS_PER_DAY;
    while (p < starts.length - 2 && (starts[p + 1] as number) <= t) p++;
    byDay[d] = p;
  }
  return byDay;
}
