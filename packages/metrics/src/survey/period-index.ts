import type { Calendar } from '@cx/model';

/** Periods remembered at most; beyond, the calendar answers every lookup (work per record stays bounded). */
const CAPACITY = 4096;

/**
 * Maps instants to the calendar's period numbers, remembering the periods already seen (sorted by start, found by
 * binary search), so that the zone arithmetic of the calendar runs once per period instead of once per record
 * (internal to trends).
 */
export class PeriodIndex {
  readonly #calendar: Calendar;
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  readonly #indices: number[] = [];
  /** Start (epoch ms) of the period of the last lookup. */
  start = 0;
  /** End (epoch ms, exclusive) of the period of the last lookup. */
  end = 0;
  /** Number of the period of the last lookup. */
  index = Number.NaN;

  constructor(calendar: Calendar) {
    this.#calendar = calendar;
  }

  /** The period number of an instant; `start`, `end` and `index` then describe that period. */
  lookup(ms: number): number {
    if (ms >= this.start && ms < this.end) return this.index;
    const starts = this.#starts;
    const ends = this.#ends;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) <= ms) lo = mid + 1;
      else hi = mid;
    }
    if (lo < starts.length && (starts[lo] as number) <= ms) {
      this.start = starts[lo] as number;
      this.end = ends[lo] as number;
      this.index = this.#indices[lo] as number;
      return this.index;
    }
    const index = this.#calendar.indexOf(ms);
    this.index = index;
    this.start = this.#calendar.startOfIndex(index);
    this.end = this.#calendar.startOfIndex(index + 1);
    if (starts.length < CAPACITY) {
      starts.splice(lo, 0, this.start);
      ends.splice(lo, 0, this.end);
      this.#indices.splice(lo, 0, index);
    }
    return index;
  }
}
