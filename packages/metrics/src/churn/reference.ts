import type { ChurnPeriod, MidPeriodPolicy } from './churn.js';
import type { SubscriptionTable } from './subscriptions.js';
import { mrrAt, renewalAt } from './subscriptions.js';

const DAY_MS = 86_400_000;

/**
 * The reference computation: churn of one period `[start, end)` by a full pass over every subscription and
 * customer (internal). {@link churnSweep} computes all periods at once and must agree with this exactly; the
 * property test in sweep.test.ts holds them to it.
 */
export function churnOfPeriod(
  table: SubscriptionTable,
  start: number,
  end: number,
  policy: MidPeriodPolicy,
  asOf: number,
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
  const exposureDays = exposure / DAY_MS;
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
  return {
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
