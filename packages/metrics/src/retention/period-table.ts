import { type Calendar, MS_PER_DAY } from '@cx/model';

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
 * The period number of instants on a calendar, with a small direct-mapped cache keyed by the UTC day (internal):
 * each entry remembers the bounds `[lo, hi)` and number of a period found for an instant of that day, and answers
 * any instant inside those bounds with two comparisons. Events of the same few periods, in any order, hit it; a
 * miss asks the calendar (three operations) and replaces the entry.
 */
export class PeriodLookup {
  readonly #calendar: Calendar;
  readonly #day = new Float64Array(1024).fill(Number.NaN);
  readonly #lo = new Float64Array(1024);
  readonly #hi = new Float64Array(1024);
  readonly #index = new Float64Array(1024);

  /** The end (exclusive) of the period the last {@link PeriodLookup.indexOf} found. */
  end = 0;

  constructor(calendar: Calendar) {
    this.#calendar = calendar;
  }

  /** The calendar's period number of `t`. */
  indexOf(t: number): number {
    const day = Math.floor(t / MS_PER_DAY);
    const slot = day & 1023;
    if (this.#day[slot] === day && t >= (this.#lo[slot] as number) && t < (this.#hi[slot] as number)) {
      this.end = this.#hi[slot] as number;
      return this.#index[slot] as number;
    }
    const calendar = this.#calendar;
    const index = calendar.indexOf(t);
    this.#day[slot] = day;
    this.#lo[slot] = calendar.startOfIndex(index);
    this.#hi[slot] = calendar.startOfIndex(index + 1);
    this.#index[slot] = index;
    this.end = this.#hi[slot] as number;
    return index;
  }
}
