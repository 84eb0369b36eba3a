import type { Calendar } from '@cx/model';

/**
 * The boundaries of consecutive calendar periods, computed once so that kernels locate events by comparing numbers
 * instead of asking the calendar per event (internal). Position `i` is the period `first + i` of the calendar,
 * `[starts[i], starts[i + 1])`.
 */
export class PeriodTable {
  /** The calendar's period number of position 0. */
  readonly first: number;
  /** `count + 1` boundaries, epoch milliseconds. */
  readonly starts: Float64Array;

  /**
   * Computes the boundaries of periods `first` to `last` (inclusive): one calendar operation per period.
   *
   * @param calendar - The calendar.
   * @param first - The first period number.
   * @param last - The last period number.
   */
  constructor(calendar: Calendar, first: number, last: number) {
    this.first = first;
    this.starts = new Float64Array(last - first + 2);
    for (let i = 0; i < this.starts.length; i++) this.starts[i] = calendar.startOfIndex(first + i);
  }

  /** The position of the period holding `t` (binary search; `-1` before the first, the count at or after the end). */
  positionOf(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

/**
 * The period number of instants on a calendar, remembering the last period found: consecutive instants of
 * time-ordered data fall in the same period and cost two comparisons (internal).
 */
export class PeriodLookup {
  readonly #calendar: Calendar;
  #lo = Number.POSITIVE_INFINITY;
  #hi = Number.NEGATIVE_INFINITY;
  #index = 0;

  constructor(calendar: Calendar) {
    this.#calendar = calendar;
  }

  /** The calendar's period number of `t`. */
  indexOf(t: number): number {
    if (t >= this.#lo && t < this.#hi) return this.#index;
    const index = this.#calendar.indexOf(t);
    this.#lo = this.#calendar.startOfIndex(index);
    this.#hi = this.#calendar.startOfIndex(index + 1);
    this.#index = index;
    return index;
  }
}
