import type { ChurnPeriod, MidPeriodPolicy } from './churn.js';
import type { SubscriptionColumns } from './columns.js';
import { MONTHS, mrrAt } from './subscriptions.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** First index `j` with `bounds[j] >= t` (`bounds.length` when none). */
function lowerBound(bounds: Float64Array, t: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((bounds[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Churn of every period `[bounds[p], bounds[p + 1])` in one pass over the customers (internal).
 *
 * Each customer's state (active, MRR) is evaluated at the period boundaries it is active at, and its
 * contributions go straight into the per-period sums. Customers are visited in index order and their
 * subscriptions in index order, which is the order the reference (`churnOfPeriod`) adds them in, so every
 * floating-point sum is bit-for-bit the reference's.
 */
export function churnSweep(
  table: SubscriptionColumns,
  bounds: Float64Array,
  policy: MidPeriodPolicy,
  asOf: number,
): ChurnPeriod[] {
  const periods = bounds.length - 1;
  const atStart = new Int32Array(periods);
  const atEnd = new Int32Array(periods);
  const lost = new Int32Array(periods);
  const joined = new Int32Array(periods);
  const churnEvents = new Int32Array(periods);
  const exposure = new Float64Array(periods);
  const startMrr = new Float64Array(periods);
  const endMrr = new Float64Array(periods);
  const newMrr = new Float64Array(periods);
  const expansion = new Float64Array(periods);
  const contraction = new Float64Array(periods);
  const churned = new Float64Array(periods);
  // Customer state at each boundary (scratch, reset after each customer).
  const active = new Uint8Array(bounds.length);
  const value = new Float64Array(bounds.length);
  const { spellOffsets, spellFrom, spellTo, customerOffsets, customerSubscriptions, changeOffsets } = table;
  const customers = table.customerIds.length;
  for (let c = 0; c < customers; c++) {
    let jMin = bounds.length;
    let jMax = 0;
    for (let k = spellOffsets[c] as number; k < (spellOffsets[c + 1] as number); k++) {
      const from = spellFrom[k] as number;
      const to = spellTo[k] as number;
      const lo = lowerBound(bounds, from);
      const hi = to === Number.POSITIVE_INFINITY ? bounds.length : lowerBound(bounds, to);
      // The spell ends in (bounds[hi - 1], bounds[hi]].
      if (hi >= 1 && hi <= periods && to !== Number.POSITIVE_INFINITY) churnEvents[hi - 1]! += 1;
      const pLast = Math.min(periods - 1, hi - 1);
      for (let p = Math.max(0, lo - 1); p <= pLast; p++) {
        const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
        if (overlap > 0) exposure[p]! += overlap;
      }
      for (let j = lo; j < hi; j++) active[j] = 1;
      if (lo < hi) {
        if (lo < jMin) jMin = lo;
        if (hi > jMax) jMax = hi;
      }
    }
    if (jMin >= jMax) continue;
    for (let q = customerOffsets[c] as number; q < (customerOffsets[c + 1] as number); q++) {
      const i = customerSubscriptions[q] as number;
      const lo = lowerBound(bounds, table.start[i] as number);
      const end = table.end[i] as number;
      const hi = end === Number.POSITIVE_INFINITY ? bounds.length : lowerBound(bounds, end);
      const first = changeOffsets[i] as number;
      if ((changeOffsets[i + 1] as number) - first === 1) {
        const mrr = table.changeMrr[first] as number;
        for (let j = lo; j < hi; j++) value[j]! += mrr;
      } else {
        for (let j = lo; j < hi; j++) value[j]! += mrrAt(table, i, bounds[j] as number);
      }
    }
    const pLast = Math.min(periods - 1, jMax - 1);
    for (let p = Math.max(0, jMin - 1); p <= pLast; p++) {
      const was = active[p] === 1;
      const is = active[p + 1] === 1;
      const s = value[p] as number;
      const e = value[p + 1] as number;
      if (was) {
        atStart[p]! += 1;
        startMrr[p]! += s;
        if (is) {
          endMrr[p]! += e;
          if (e > s) expansion[p]! += e - s;
          else contraction[p]! += s - e;
        } else {
          lost[p]! += 1;
          churned[p]! += s;
        }
      } else if (is) {
        joined[p]! += 1;
        newMrr[p]! += e;
      }
      if (is) atEnd[p]! += 1;
    }
    active.fill(0, jMin, jMax);
    value.fill(0, jMin, jMax);
  }
  const eligible = new Int32Array(periods);
  const eligibleLost = new Int32Array(periods);
  if (policy === 'eligible') renewalEligibility(table, bounds, eligible, eligibleLost);
  const series: ChurnPeriod[] = [];
  for (let p = 0; p < periods; p++) {
    const n = atStart[p] as number;
    const days = (exposure[p] as number) / DAY_MS;
    const e = eligible[p] as number;
    const churnRate =
      policy === 'exclude'
        ? n === 0
          ? null
          : (lost[p] as number) / n
        : policy === 'exposure'
          ? days === 0
            ? null
            : (churnEvents[p] as number) / days
          : e === 0
            ? null
            : (eligibleLost[p] as number) / e;
    const sm = startMrr[p] as number;
    const ex = expansion[p] as number;
    const co = contraction[p] as number;
    const ch = churned[p] as number;
    const ratio = (x: number): number | null => (sm === 0 ? null : x / sm);
    series.push({
      start: new Date(bounds[p] as number).toISOString(),
      end: new Date(bounds[p + 1] as number).toISOString(),
      complete: (bounds[p + 1] as number) <= asOf,
      policy,
      customersAtStart: n,
      customersAtEnd: atEnd[p] as number,
      lostCustomers: lost[p] as number,
      newCustomers: joined[p] as number,
      churnEvents: churnEvents[p] as number,
      exposureDays: days,
      ...(policy === 'eligible' ? { eligible: e, eligibleLost: eligibleLost[p] as number } : {}),
      churnRate,
      revenue: {
        startMrr: sm,
        endMrr: endMrr[p] as number,
        newMrr: newMrr[p] as number,
        expansion: ex,
        contraction: co,
        churned: ch,
        nrr: ratio(sm + ex - co - ch),
        grr: ratio(sm - co - ch),
        revenueChurnRate: ratio(co + ch),
        netRevenueChurnRate: ratio(co + ch - ex),
      },
    });
  }
  return series;
}

/**
 * Renewal-eligible counts per period (internal). A subscription counts in period `p` at the first of its
 * renewals in the period whose billing cycle began before the subscription ended; it is lost when it ended at
 * or before that renewal. Cycles start later and later, so once one starts at or after the end, none counts.
 */
function renewalEligibility(
  table: SubscriptionColumns,
  bounds: Float64Array,
  eligible: Int32Array,
  eligibleLost: Int32Array,
): void {
  const periods = bounds.length - 1;
  const first = bounds[0] as number;
  const last = bounds[periods] as number;
  for (let i = 0; i < table.count; i++) {
    const start = table.start[i] as number;
    const subEnd = table.end[i] as number;
    const billing = table.interval[i] as 'week' | 'month' | 'quarter' | 'year';
    // Renewal k: start plus k intervals (UTC calendar, day of month clamped as date-fns addMonths).
    const date = new Date(start);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    const day = date.getUTCDate();
    const timeOfDay = start - Date.UTC(year, month, day);
    const step = billing === 'week' ? 0 : MONTHS[billing];
    const renewal = (k: number): number => {
      if (k === 0) return start;
      if (step === 0) return start + k * WEEK_MS;
      const months = month + k * step;
      const y = year + Math.floor(months / 12);
      const m = ((months % 12) + 12) % 12;
      const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      return Date.UTC(y, m, Math.min(day, lastDay)) + timeOfDay;
    };
    // Skip whole intervals before the first period: k intervals span at most k × 31 days (k weeks exactly).
    const span = step === 0 ? WEEK_MS : 31 * DAY_MS * step;
    let k = Math.max(1, Math.floor((first - start) / span));
    let cycleStart = renewal(k - 1);
    let lastPeriod = -1;
    for (;;) {
      if (cycleStart >= subEnd) break;
      const r = renewal(k);
      if (r >= last) break;
      if (r >= first) {
        const p = lowerBound(bounds, r + 1) - 1; // bounds[p] <= r < bounds[p + 1] (integer ms)
        if (p !== lastPeriod) {
          lastPeriod = p;
          eligible[p]! += 1;
          if (subEnd <= r) eligibleLost[p]! += 1;
        }
      }
      cycleStart = r;
      k++;
    }
  }
}
