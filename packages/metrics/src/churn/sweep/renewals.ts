import { type Calendar, createCalendar, MS_PER_DAY, MS_PER_WEEK } from '@cx/model';
import type { SubscriptionColumns } from '../columns.js';
import { MONTHS } from '../subscriptions.js';
import { lowerBound } from './locate.js';

/**
 * Renewal dates of one subscription: its start plus `k` billing intervals, on the UTC calendar, the day of month
 * clamped to the month's last day (31 January + 1 month = 28 or 29 February) (internal). Months come from the
 * library's one calendar; nothing here knows how long a month is. Month starts are remembered in a small
 * direct-mapped cache: the subscriptions of a table renew in the same few months.
 */
class Renewals {
  readonly #months: Calendar;
  readonly #cacheIndex = new Float64Array(64).fill(Number.NaN);
  readonly #cacheStart = new Float64Array(64);
  #start = 0;
  #step = 0;
  #month0 = 0;
  #day = 0;
  #timeOfDay = 0;

  constructor(months: Calendar) {
    this.#months = months;
  }

  /** The calendar's month number of `t`. */
  monthOf(t: number): number {
    return this.#months.indexOf(t);
  }

  /** Sets the subscription: its start (epoch ms) and billing step in months (0 = weekly). */
  reset(start: number, step: number): void {
    this.#start = start;
    this.#step = step;
    if (step === 0) return;
    this.#month0 = this.#months.indexOf(start);
    const monthStart = this.#monthStart(this.#month0);
    const days = Math.floor((start - monthStart) / MS_PER_DAY);
    this.#day = days + 1;
    this.#timeOfDay = start - monthStart - days * MS_PER_DAY;
  }

  /** Renewal `k` (renewal 0 is the start). */
  at(k: number): number {
    if (k === 0) return this.#start;
    if (this.#step === 0) return this.#start + k * MS_PER_WEEK;
    const index = this.#month0 + k * this.#step;
    const monthStart = this.#monthStart(index);
    const monthDays = (this.#monthStart(index + 1) - monthStart) / MS_PER_DAY;
    return monthStart + (Math.min(this.#day, monthDays) - 1) * MS_PER_DAY + this.#timeOfDay;
  }

  /**
   * A `k ≥ 1` such that every renewal before `k` is earlier than `t`, whose month number is `month` (renewals are
   * in time order, and a renewal in an earlier UTC month than `t` is earlier than `t`).
   */
  before(t: number, month: number): number {
    if (this.#step === 0) return Math.max(1, Math.floor((t - this.#start) / MS_PER_WEEK));
    return Math.max(1, Math.floor((month - this.#month0) / this.#step));
  }

  #monthStart(index: number): number {
    const slot = index & 63;
    if (this.#cacheIndex[slot] === index) return this.#cacheStart[slot] as number;
    const start = this.#months.startOfIndex(index);
    this.#cacheIndex[slot] = index;
    this.#cacheStart[slot] = start;
    return start;
  }
}

/**
 * Renewal-eligible counts per period (internal). A subscription counts in period `p` at the first of its
 * renewals in the period whose billing cycle began before the subscription ended; it is lost when it ended at
 * or before that renewal. Cycles start later and later, so once one starts at or after the end, none counts.
 * After counting in a period the walk jumps to the next period, so the work per subscription is bounded by the
 * periods it is eligible in, not by the number of its renewals.
 */
export function renewalEligibility(
  table: SubscriptionColumns,
  bounds: Float64Array,
  eligible: Int32Array,
  eligibleLost: Int32Array,
): void {
  const periods = bounds.length - 1;
  const first = bounds[0] as number;
  const last = bounds[periods] as number;
  const renewals = new Renewals(createCalendar({ interval: 'month', timeZone: 'UTC' }));
  // The UTC month of every bound, once: one calendar operation per period.
  const boundMonths = new Int32Array(bounds.length);
  for (let j = 0; j < bounds.length; j++) boundMonths[j] = renewals.monthOf(bounds[j] as number);
  for (let i = 0; i < table.count; i++) {
    const subEnd = table.end[i] as number;
    const billing = table.interval[i] as 'week' | 'month' | 'quarter' | 'year';
    renewals.reset(table.start[i] as number, billing === 'week' ? 0 : MONTHS[billing]);
    let k = renewals.before(first, boundMonths[0] as number);
    let cycleStart = renewals.at(k - 1);
    let lastPeriod = -1;
    for (;;) {
      if (cycleStart >= subEnd) break;
      const r = renewals.at(k);
      if (r >= last) break;
      if (r >= first) {
        const p = lowerBound(bounds, r + 1) - 1; // bounds[p] <= r < bounds[p + 1] (integer ms)
        if (p !== lastPeriod) {
          lastPeriod = p;
          eligible[p]! += 1;
          if (subEnd <= r) eligibleLost[p]! += 1;
          // Later renewals in period p do not count again: go on from one that may fall in period p + 1.
          const next = Math.max(
            k + 1,
            renewals.before(bounds[p + 1] as number, boundMonths[p + 1] as number),
          );
          cycleStart = next === k + 1 ? r : renewals.at(next - 1);
          k = next;
          continue;
        }
      }
      cycleStart = r;
      k++;
    }
  }
}
