// The reference computation of churn, for the property tests only (not exported from the package). It is written
// independently of the sweeps, on purpose by other means: one period at a time, a full pass over every subscription,
// and renewal dates from ECMAScript's Date arithmetic rather than the library's calendar, so that the tests compare
// two implementations, not one with itself.
import type { Subscription } from '@cx/model';
import { MS_PER_DAY, MS_PER_WEEK } from '@cx/model';
import { MONTHS, type SubscriptionTable } from './subscriptions.js';
import type { ChurnPeriod, MidPeriodPolicy } from './types.js';

/** Monthly recurring revenue of subscription `i` at instant `t` (0 when not active). */
function mrrAt(table: SubscriptionTable, i: number, t: number): number {
  if (!((table.start[i] as number) <= t && t < (table.end[i] as number))) return 0;
  const first = table.changeOffsets[i] as number;
  let k = (table.changeOffsets[i + 1] as number) - 1;
  while (k > first && (table.changeTime[k] as number) > t) k--;
  return table.changeMrr[k] as number;
}

/** The `k`-th renewal instant (`k ≥ 1`) of subscription `i`: start plus `k` billing intervals, UTC, by `Date`. */
function renewalAt(table: SubscriptionTable, i: number, k: number): number {
  const start = table.start[i] as number;
  const billing = table.interval[i] as Subscription['billingInterval'];
  if (billing === 'week') return start + k * MS_PER_WEEK;
  const date = new Date(start);
  const months = date.getUTCMonth() + k * MONTHS[billing];
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // The same day of month, clamped to the month's last day (31 January + 1 month = 28 or 29 February).
  return (
    Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) +
    (start - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  );
}

/**
 * The reference computation: churn of one period `[start, end)` by a full pass over every subscription and
 * customer. `churnSweep` computes all periods at once and must agree with this exactly; the property test in
 * sweep.test.ts holds them to it. `naming` gives the period's key and label (default: the ISO 8601 interval).
 */
export function churnOfPeriod(
  table: SubscriptionTable,
  start: number,
  end: number,
  policy: MidPeriodPolicy,
  asOf: number,
  naming?: { readonly period: string; readonly label: string },
): ChurnPeriod {
  const customers = table.customerIds.length;
  const mrrStart = new Float64Array(customers);
  const mrrEnd = new Float64Array(customers);
  for (let i = 0; i < table.count; i++) {
    const c = table.customer[i] as number;
    mrrStart[c]! += mrrAt(table, i, start);
    mrrEnd[c]! += mrrAt(table, i, end);
  }
  let atStart = 0;
  let atEnd = 0;
  let lost = 0;
  let joined = 0;
  let churnEvents = 0;
  let exposure = 0;
  let startMrr = 0;
  let endMrr = 0;
  let newMrr = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  for (let c = 0; c < customers; c++) {
    let wasActive = false;
    let isActive = false;
    for (let k = table.spellOffsets[c] as number; k < (table.spellOffsets[c + 1] as number); k++) {
      const from = table.spellFrom[k] as number;
      const to = table.spellTo[k] as number;
      if (from <= start && start < to) wasActive = true;
      if (from <= end && end < to) isActive = true;
      if (to > start && to <= end) churnEvents++;
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > 0) exposure += overlap;
    }
    const s = mrrStart[c] as number;
    const e = mrrEnd[c] as number;
    if (wasActive) {
      atStart++;
      startMrr += s;
      if (isActive) {
        endMrr += e;
        if (e > s) expansion += e - s;
        else contraction += s - e;
      } else {
        lost++;
        churned += s;
      }
    } else if (isActive) {
      joined++;
      newMrr += e;
    }
    if (isActive) atEnd++;
  }
  const exposureDays = exposure / MS_PER_DAY;
  let eligible = 0;
  let eligibleLost = 0;
  if (policy === 'eligible') {
    for (let i = 0; i < table.count; i++) {
      const subEnd = table.end[i] as number;
      // First renewal at or after the period start.
      let k = 1;
      let r = renewalAt(table, i, k);
      while (r < start) r = renewalAt(table, i, ++k);
      let counted = false;
      while (r < end && !counted) {
        const cycleStart = k === 1 ? (table.start[i] as number) : renewalAt(table, i, k - 1);
        if (subEnd > cycleStart) {
          counted = true;
          eligible++;
          if (subEnd <= r) eligibleLost++;
        }
        r = renewalAt(table, i, ++k);
      }
    }
  }
  const churnRate =
    policy === 'exclude'
      ? atStart === 0
        ? null
        : lost / atStart
      : policy === 'exposure'
        ? exposureDays === 0
          ? null
          : churnEvents / exposureDays
        : eligible === 0
          ? null
          : eligibleLost / eligible;
  const ratio = (x: number): number | null => (startMrr === 0 ? null : x / startMrr);
  const interval = `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;
  return {
    period: naming?.period ?? interval,
    label: naming?.label ?? interval,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    complete: end <= asOf,
    policy,
    customersAtStart: atStart,
    customersAtEnd: atEnd,
    lostCustomers: lost,
    newCustomers: joined,
    churnEvents,
    exposureDays,
    ...(policy === 'eligible' ? { eligible, eligibleLost } : {}),
    churnRate,
    revenue: {
      startMrr,
      endMrr,
      newMrr,
      expansion,
      contraction,
      churned,
      nrr: ratio(startMrr + expansion - contraction - churned),
      grr: ratio(startMrr - contraction - churned),
      revenueChurnRate: ratio(contraction + churned),
      netRevenueChurnRate: ratio(contraction + churned - expansion),
    },
  };
}
