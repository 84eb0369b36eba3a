// The reference computation of churn, for the property tests only (not exported from the package). It is written
// independently of the sweeps, on purpose by other means: one period at a time, a full pass over every subscription,
// and renewal dates from ECMAScript's Date arithmetic rather than the library's calendar, so that the tests compare
// two implementations, not one with itself. Revenue is exact when the table says it can be (`mrrScale` not 0): every
// MRR is a rational (the amount's shortest decimal form times 52/12, 1, 1/3 or 1/12), summed as BigInt multiples of
// 1 / (12 · 10^6) per period, and each figure is the double nearest the exact value (`nearest`, by BigInt long
// division with round-half-even, not by the library's scale-and-divide). Otherwise revenue is summed in floating
// point, customer by customer in index order, as the library's documented fallback does.
import type { Subscription } from '@cx/model';
import { MS_PER_DAY, MS_PER_WEEK } from '@cx/model';
import { MONTHS, type SubscriptionTable } from './subscriptions.js';
import type { ChurnPeriod, MidPeriodPolicy, RevenueRetention } from './types.js';

/** Monthly recurring revenue of subscription `i` at instant `t` (0 when not active). */
function mrrAt(table: SubscriptionTable, i: number, t: number): number {
  if (!((table.start[i] as number) <= t && t < (table.end[i] as number))) return 0;
  const first = table.changeOffsets[i] as number;
  let k = (table.changeOffsets[i + 1] as number) - 1;
  while (k > first && (table.changeTime[k] as number) > t) k--;
  return table.changeMrr[k] as number;
}

/** Twelve million: MRR of an amount with up to 6 decimals, per any billing interval, is an integer of 1/DEN units. */
const DEN = 12_000_000n;
/** MRR in 1/DEN units per 10^-6 of the amount, per billing interval (52/12 · 12, 12, 12/3, 1). */
const PER_MICRO = { week: 52n, month: 12n, quarter: 4n, year: 1n } as const;

/** `amount` × 10^6 as a BigInt, from its shortest round-trip decimal form (`String`), digit by digit. */
function micros(amount: number): bigint {
  const text = String(amount);
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (match === null) throw new Error(`reference: amount ${text} is not a decimal with at most 6 places`);
  return BigInt(match[1] as string) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}

/** Exact MRR (in 1/DEN units) of subscription `i` at instant `t` (0 when not active). */
function exactMrrAt(table: SubscriptionTable, i: number, t: number): bigint {
  if (!((table.start[i] as number) <= t && t < (table.end[i] as number))) return 0n;
  const first = table.changeOffsets[i] as number;
  let k = (table.changeOffsets[i + 1] as number) - 1;
  while (k > first && (table.changeTime[k] as number) > t) k--;
  return (
    micros(table.changeAmount[k] as number) * PER_MICRO[table.interval[i] as Subscription['billingInterval']]
  );
}

/** Bit length of a positive BigInt. */
function bitLength(x: bigint): number {
  return x.toString(2).length;
}

/** The double nearest `n / d` (ties to even), by long division in BigInt. */
export function nearest(n: bigint, d: bigint): number {
  if (d === 0n) throw new Error('reference: division by zero');
  if (n === 0n) return 0;
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  // Quotient with 54–56 bits, then rounded to 53 with the remainder as the sticky bit.
  const shift = 55 - (bitLength(a) - bitLength(b));
  const num = shift >= 0 ? a << BigInt(shift) : a;
  const den = shift >= 0 ? b : b << BigInt(-shift);
  let q = num / den;
  const sticky = num % den !== 0n;
  const extra = bitLength(q) - 53;
  const low = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  q >>= BigInt(extra);
  if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  const value = Number(q) * 2 ** (extra - shift);
  return negative ? -value : value;
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
  const wasActive = new Uint8Array(customers);
  const isActive = new Uint8Array(customers);
  let atStart = 0;
  let atEnd = 0;
  let lost = 0;
  let joined = 0;
  let churnEvents = 0;
  let exposure = 0;
  for (let c = 0; c < customers; c++) {
    for (let k = table.spellOffsets[c] as number; k < (table.spellOffsets[c + 1] as number); k++) {
      const from = table.spellFrom[k] as number;
      const to = table.spellTo[k] as number;
      if (from <= start && start < to) wasActive[c] = 1;
      if (from <= end && end < to) isActive[c] = 1;
      if (to > start && to <= end) churnEvents++;
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > 0) exposure += overlap;
    }
    if (wasActive[c] === 1) {
      atStart++;
      if (isActive[c] === 0) lost++;
    } else if (isActive[c] === 1) joined++;
    if (isActive[c] === 1) atEnd++;
  }
  const revenue =
    table.mrrScale === 0
      ? floatRevenue(table, start, end, wasActive, isActive)
      : exactRevenue(table, start, end, wasActive, isActive);
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
    revenue,
  };
}

/** Revenue with every MRR exact and each figure the double nearest the exact sum. */
function exactRevenue(
  table: SubscriptionTable,
  start: number,
  end: number,
  wasActive: Uint8Array,
  isActive: Uint8Array,
): RevenueRetention {
  const customers = table.customerIds.length;
  const mrrStart: bigint[] = new Array(customers).fill(0n);
  const mrrEnd: bigint[] = new Array(customers).fill(0n);
  for (let i = 0; i < table.count; i++) {
    const c = table.customer[i] as number;
    mrrStart[c] = (mrrStart[c] as bigint) + exactMrrAt(table, i, start);
    mrrEnd[c] = (mrrEnd[c] as bigint) + exactMrrAt(table, i, end);
  }
  let startMrr = 0n;
  let endMrr = 0n;
  let newMrr = 0n;
  let expansion = 0n;
  let contraction = 0n;
  let churned = 0n;
  for (let c = 0; c < customers; c++) {
    const s = mrrStart[c] as bigint;
    const e = mrrEnd[c] as bigint;
    if (wasActive[c] === 1) {
      startMrr += s;
      if (isActive[c] === 1) {
        endMrr += e;
        if (e > s) expansion += e - s;
        else contraction += s - e;
      } else churned += s;
    } else if (isActive[c] === 1) newMrr += e;
  }
  const ratio = (x: bigint): number | null => (startMrr === 0n ? null : nearest(x, startMrr));
  return {
    startMrr: nearest(startMrr, DEN),
    endMrr: nearest(endMrr, DEN),
    newMrr: nearest(newMrr, DEN),
    expansion: nearest(expansion, DEN),
    contraction: nearest(contraction, DEN),
    churned: nearest(churned, DEN),
    nrr: ratio(startMrr + expansion - contraction - churned),
    grr: ratio(startMrr - contraction - churned),
    revenueChurnRate: ratio(contraction + churned),
    netRevenueChurnRate: ratio(contraction + churned - expansion),
  };
}

/** Revenue summed in floating point, subscriptions and customers in index order (the documented fallback). */
function floatRevenue(
  table: SubscriptionTable,
  start: number,
  end: number,
  wasActive: Uint8Array,
  isActive: Uint8Array,
): RevenueRetention {
  const customers = table.customerIds.length;
  const mrrStart = new Float64Array(customers);
  const mrrEnd = new Float64Array(customers);
  for (let i = 0; i < table.count; i++) {
    const c = table.customer[i] as number;
    mrrStart[c]! += mrrAt(table, i, start);
    mrrEnd[c]! += mrrAt(table, i, end);
  }
  let startMrr = 0;
  let endMrr = 0;
  let newMrr = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  for (let c = 0; c < customers; c++) {
    const s = mrrStart[c] as number;
    const e = mrrEnd[c] as number;
    if (wasActive[c] === 1) {
      startMrr += s;
      if (isActive[c] === 1) {
        endMrr += e;
        if (e > s) expansion += e - s;
        else contraction += s - e;
      } else churned += s;
    } else if (isActive[c] === 1) newMrr += e;
  }
  const ratio = (x: number): number | null => (startMrr === 0 ? null : x / startMrr);
  return {
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
  };
}
