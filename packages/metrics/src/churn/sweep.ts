import type { ChurnPeriod, CustomerChurnPeriod, MidPeriodPolicy } from './churn.js';
import type { SubscriptionColumns } from './columns.js';
import { MONTHS } from './subscriptions.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** First index `j` with `bounds[j] >= t` (`bounds.length` when none), by binary search. */
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
 * Start index, per window of `width` ms from `bounds[0]`, of the first bound at or after the window's start
 * (internal): {@link locate} then needs one table read and, for the few instants in a window holding a bound,
 * a step or two, instead of a binary search or a guess with unpredictable corrections.
 */
function locateTable(bounds: Float64Array, width: number): Int32Array {
  const first = bounds[0] as number;
  const windows = Math.floor(((bounds[bounds.length - 1] as number) - first) / width) + 1;
  const table = new Int32Array(windows);
  let j = 0;
  for (let w = 0; w < windows; w++) {
    const at = first + w * width;
    while ((bounds[j] as number) < at) j++;
    table[w] = j;
  }
  return table;
}

/** Window width for {@link locateTable}: a day, or longer when the range is very long, so the table has at most
 * about 2^20 entries. */
function windowWidth(bounds: Float64Array): number {
  const span = (bounds[bounds.length - 1] as number) - (bounds[0] as number);
  return Math.max(DAY_MS, Math.ceil(span / (1 << 20)));
}

/**
 * First index `j` with `bounds[j] >= t` (`bounds.length` when none), from a {@link locateTable} of window
 * `width` (internal). A plain function, not a closure: a fresh closure per call deoptimized the sweep ("wrong
 * call target") on every call.
 */
function locate(bounds: Float64Array, table: Int32Array, width: number, t: number): number {
  const last = bounds.length - 1;
  const first = bounds[0] as number;
  if (t <= first) return 0;
  if (t > (bounds[last] as number)) return last + 1;
  let w = Math.floor((t - first) / width);
  if (w >= table.length) w = table.length - 1;
  let j = table[w] as number;
  while (j > 0 && (bounds[j - 1] as number) >= t) j--; // never for exact window arithmetic; kept as a guard
  while ((bounds[j] as number) < t) j++;
  return j;
}

/** Integer accumulators, each a row of `periods + 1` slots in one Int32Array (internal). */
const I_AT_START = 0;
const I_AT_END = 1;
const I_LOST = 2;
const I_JOINED = 3;
const I_CHURN_EVENTS = 4;
const I_START_DIFF = 5;
const I_END_DIFF = 6;
const I_FULL_DIFF = 7;
/** Per-customer scratch: whether the customer is active at each boundary (reset after each customer). */
const I_ACTIVE = 8;
const INT_ROWS = 9;
/** Float accumulators, each a row of `periods + 1` slots in one Float64Array (internal). */
const F_EXPOSURE = 0;
const F_START_MRR = 1;
const F_END_MRR = 2;
const F_NEW_MRR = 3;
const F_EXPANSION = 4;
const F_CONTRACTION = 5;
const F_CHURNED = 6;
/** Per-customer scratch: the customer's MRR at each boundary (reset after each customer). */
const F_VALUE = 7;
const FLOAT_ROWS = 8;

/** Row `r` of a packed accumulator with rows of `n` slots (internal). */
function rowI(ints: Int32Array, r: number, n: number): Int32Array {
  return ints.subarray(r * n, (r + 1) * n);
}

/** Row `r` of a packed accumulator with rows of `n` slots (internal). */
function rowF(floats: Float64Array, r: number, n: number): Float64Array {
  return floats.subarray(r * n, (r + 1) * n);
}

/** Customers per kernel call. */
const BLOCK = 1 << 14;

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
  // Accumulators are packed into two typed arrays rather than held by an object: the kernel's optimized code
  // embeds the maps of the objects it reads, and a fresh accumulator object per call (whose map V8 frees after
  // a GC) threw that code away on every call after a collection; typed-array maps live as long as the process.
  const n = bounds.length;
  const width = windowWidth(bounds);
  const windows = locateTable(bounds, width);
  const ints = new Int32Array(INT_ROWS * n);
  const floats = new Float64Array(FLOAT_ROWS * n);
  // In blocks of customers (in order, so the sums are unchanged), so that no single call is long: with the
  // kernel's optimized code kept valid (see above), each block enters it within a few customers.
  const customers = table.customerOffsets.length - 1;
  for (let c0 = 0; c0 < customers; c0 += BLOCK) {
    sweepCustomers(
      ints,
      floats,
      bounds,
      windows,
      width,
      c0,
      Math.min(customers, c0 + BLOCK),
      table.customerOffsets,
      table.customerSubscriptions,
      table.changeOffsets,
      table.changeTime,
      table.changeMrr,
      table.start,
      table.end,
      table.spellOffsets,
      table.spellFrom,
      table.spellTo,
    );
  }
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const startDiff = rowI(ints, I_START_DIFF, n);
  const endDiff = rowI(ints, I_END_DIFF, n);
  const fullDiff = rowI(ints, I_FULL_DIFF, n);
  const exposure = rowF(floats, F_EXPOSURE, n);
  const startMrr = rowF(floats, F_START_MRR, n);
  const endMrr = rowF(floats, F_END_MRR, n);
  const newMrr = rowF(floats, F_NEW_MRR, n);
  const expansion = rowF(floats, F_EXPANSION, n);
  const contraction = rowF(floats, F_CONTRACTION, n);
  const churned = rowF(floats, F_CHURNED, n);
  let inStart = 0;
  let inEnd = 0;
  let full = 0;
  for (let p = 0; p < periods; p++) {
    inStart += startDiff[p] as number;
    inEnd += endDiff[p] as number;
    full += fullDiff[p] as number;
    atStart[p]! += inStart;
    atEnd[p]! += inEnd;
    // Integer milliseconds: exact in any order below 2^53 ms (about 100 billion customer-days).
    if (full > 0) exposure[p]! += full * ((bounds[p + 1] as number) - (bounds[p] as number));
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
 * Customer counts only (internal, `measures: 'customers'`): customers at start and end, lost, new, churn events,
 * and only the requested policy's denominator (exposure for `'exposure'`, renewal eligibility for `'eligible'`);
 * no revenue. Every count is an integer, so it equals {@link churnSweep}'s whatever the order of the additions.
 */
export function customerChurnSweep(
  table: SubscriptionColumns,
  bounds: Float64Array,
  policy: MidPeriodPolicy,
  asOf: number,
): CustomerChurnPeriod[] {
  const periods = bounds.length - 1;
  const n = bounds.length;
  const width = windowWidth(bounds);
  const windows = locateTable(bounds, width);
  const ints = new Int32Array(INT_ROWS * n);
  const exposure = new Float64Array(policy === 'exposure' ? n : 0);
  const customers = table.customerOffsets.length - 1;
  for (let c0 = 0; c0 < customers; c0 += BLOCK) {
    countCustomers(
      ints,
      exposure,
      bounds,
      windows,
      width,
      c0,
      Math.min(customers, c0 + BLOCK),
      table.spellOffsets,
      table.spellFrom,
      table.spellTo,
    );
  }
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const startDiff = rowI(ints, I_START_DIFF, n);
  const endDiff = rowI(ints, I_END_DIFF, n);
  const fullDiff = rowI(ints, I_FULL_DIFF, n);
  let inStart = 0;
  let inEnd = 0;
  let full = 0;
  for (let p = 0; p < periods; p++) {
    inStart += startDiff[p] as number;
    inEnd += endDiff[p] as number;
    full += fullDiff[p] as number;
    atStart[p]! += inStart;
    atEnd[p]! += inEnd;
    if (full > 0 && policy === 'exposure') {
      exposure[p]! += full * ((bounds[p + 1] as number) - (bounds[p] as number));
    }
  }
  const eligible = new Int32Array(periods);
  const eligibleLost = new Int32Array(periods);
  if (policy === 'eligible') renewalEligibility(table, bounds, eligible, eligibleLost);
  const series: CustomerChurnPeriod[] = [];
  for (let p = 0; p < periods; p++) {
    const at = atStart[p] as number;
    const days = policy === 'exposure' ? (exposure[p] as number) / DAY_MS : null;
    const e = eligible[p] as number;
    const churnRate =
      policy === 'exclude'
        ? at === 0
          ? null
          : (lost[p] as number) / at
        : policy === 'exposure'
          ? days === 0 || days === null
            ? null
            : (churnEvents[p] as number) / days
          : e === 0
            ? null
            : (eligibleLost[p] as number) / e;
    series.push({
      start: new Date(bounds[p] as number).toISOString(),
      end: new Date(bounds[p + 1] as number).toISOString(),
      complete: (bounds[p + 1] as number) <= asOf,
      policy,
      customersAtStart: at,
      customersAtEnd: atEnd[p] as number,
      lostCustomers: lost[p] as number,
      newCustomers: joined[p] as number,
      churnEvents: churnEvents[p] as number,
      exposureDays: days,
      ...(policy === 'eligible' ? { eligible: e, eligibleLost: eligibleLost[p] as number } : {}),
      churnRate,
      revenue: null,
    });
  }
  return series;
}

/**
 * The hot loop of {@link customerChurnSweep} over customers `[c0, c1)` (internal). A customer's merged spells
 * never touch in time, but two can fall in the same period; their boundary ranges `[lo, hi)` then touch and are
 * merged here, so that a customer who leaves and comes back within one period is neither lost nor new.
 * `exposure` is empty unless exposure is wanted.
 */
function countCustomers(
  ints: Int32Array,
  exposure: Float64Array,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  c0: number,
  c1: number,
  spellOffsets: Int32Array,
  spellFrom: Float64Array,
  spellTo: Float64Array,
): void {
  const periods = bounds.length - 1;
  const n = bounds.length;
  const withExposure = exposure.length > 0;
  const atStartDiff = rowI(ints, I_START_DIFF, n);
  const atEndDiff = rowI(ints, I_END_DIFF, n);
  const fullDiff = rowI(ints, I_FULL_DIFF, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  for (let c = c0; c < c1; c++) {
    const k1 = spellOffsets[c + 1] as number;
    // The open merged range of boundaries the customer is active at, [L, H) (none while L >= H).
    let L = 0;
    let H = 0;
    for (let k = spellOffsets[c] as number; k <= k1; k++) {
      let lo = 0;
      let hi = 0;
      if (k < k1) {
        const from = spellFrom[k] as number;
        const to = spellTo[k] as number;
        lo = locate(bounds, windows, width, from);
        hi = to === Number.POSITIVE_INFINITY ? n : locate(bounds, windows, width, to);
        // The spell ends in (bounds[hi - 1], bounds[hi]].
        if (hi >= 1 && hi <= periods && to !== Number.POSITIVE_INFINITY) churnEvents[hi - 1]! += 1;
        if (withExposure) {
          // Whole periods [lo, hi - 1) to the difference row; the two partial ones (lo - 1, hi - 1) directly.
          const a0 = Math.min(lo, periods);
          const e1 = hi - 1 < 0 ? 0 : Math.min(hi - 1, periods);
          if (a0 < e1) {
            fullDiff[a0]! += 1;
            fullDiff[e1]! -= 1;
          }
          if (lo >= 1 && lo - 1 < periods) {
            const p = lo - 1;
            const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
            if (overlap > 0) exposure[p]! += overlap;
          }
          if (hi >= 1 && hi - 1 >= lo && hi - 1 < periods) {
            const p = hi - 1;
            const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
            if (overlap > 0) exposure[p]! += overlap;
          }
        }
        if (lo >= hi) continue; // active at no boundary
        if (L < H && lo === H) {
          H = hi; // touches the open range: extend it
          continue;
        }
      }
      if (L < H) {
        // Close [L, H): active at boundaries L … H - 1.
        const a0 = Math.min(L, periods);
        const a1 = Math.min(H, periods);
        if (a0 < a1) {
          atStartDiff[a0]! += 1;
          atStartDiff[a1]! -= 1;
        }
        const e0 = L - 1 < 0 ? 0 : Math.min(L - 1, periods);
        const e1 = Math.min(H - 1, periods);
        if (e0 < e1) {
          atEndDiff[e0]! += 1;
          atEndDiff[e1]! -= 1;
        }
        if (L >= 1 && L - 1 < periods) joined[L - 1]! += 1;
        if (H - 1 < periods) lost[H - 1]! += 1;
      }
      L = lo;
      H = hi;
    }
  }
}

/**
 * The hot loop of {@link churnSweep} over customers `[c0, c1)` (internal): it takes only typed arrays and
 * numbers, allocates nothing per customer and calls no closure, so its optimized code stays valid across calls,
 * tables and garbage collections.
 */
function sweepCustomers(
  ints: Int32Array,
  floats: Float64Array,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  c0: number,
  c1: number,
  customerOffsets: Int32Array,
  customerSubscriptions: Int32Array,
  changeOffsets: Int32Array,
  changeTime: Float64Array,
  changeMrr: Float64Array,
  subStart: Float64Array,
  subEnd: Float64Array,
  spellOffsets: Int32Array,
  spellFrom: Float64Array,
  spellTo: Float64Array,
): void {
  const periods = bounds.length - 1;
  const n = bounds.length;
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const startDiff = rowI(ints, I_START_DIFF, n);
  const endDiff = rowI(ints, I_END_DIFF, n);
  const fullDiff = rowI(ints, I_FULL_DIFF, n);
  const active = rowI(ints, I_ACTIVE, n);
  const exposure = rowF(floats, F_EXPOSURE, n);
  const startMrr = rowF(floats, F_START_MRR, n);
  const endMrr = rowF(floats, F_END_MRR, n);
  const newMrr = rowF(floats, F_NEW_MRR, n);
  const expansion = rowF(floats, F_EXPANSION, n);
  const contraction = rowF(floats, F_CONTRACTION, n);
  const churned = rowF(floats, F_CHURNED, n);
  const value = rowF(floats, F_VALUE, n);
  for (let c = c0; c < c1; c++) {
    const q0 = customerOffsets[c] as number;
    const i0 = customerSubscriptions[q0] as number;
    if (
      (customerOffsets[c + 1] as number) - q0 === 1 &&
      (changeOffsets[i0 + 1] as number) - (changeOffsets[i0] as number) === 1
    ) {
      // Fast path: one subscription (so one spell) with a constant amount.
      const from = subStart[i0] as number;
      const to = subEnd[i0] as number;
      const lo = locate(bounds, windows, width, from);
      const hi = to === Number.POSITIVE_INFINITY ? bounds.length : locate(bounds, windows, width, to);
      if (hi >= 1 && hi <= periods && to !== Number.POSITIVE_INFINITY) churnEvents[hi - 1]! += 1;
      const mrr = 0 + (changeMrr[changeOffsets[i0] as number] as number); // as the reference's 0 + mrr
      // Integer counts and whole-period exposure go to difference arrays (exact in any order); the float sums
      // are added period by period, in customer order like the reference.
      const a0 = Math.min(lo, periods);
      const a1 = Math.min(hi, periods);
      if (a0 < a1) {
        startDiff[a0]! += 1;
        startDiff[a1]! -= 1;
      }
      const e0 = lo - 1 < 0 ? 0 : Math.min(lo - 1, periods);
      const e1 = hi - 1 < 0 ? 0 : Math.min(hi - 1, periods);
      if (e0 < e1) {
        endDiff[e0]! += 1;
        endDiff[e1]! -= 1;
      }
      // Periods [lo, hi - 1) are covered whole; lo - 1 and hi - 1 partly (or whole when an end is on a bound).
      if (a0 < e1) {
        fullDiff[a0]! += 1;
        fullDiff[e1]! -= 1;
      }
      if (lo >= 1 && lo - 1 < periods) {
        const p = lo - 1;
        const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
        if (overlap > 0) exposure[p]! += overlap;
        if (lo < hi) {
          joined[p]! += 1;
          newMrr[p]! += mrr;
        }
      }
      for (let p = a0; p < e1; p++) {
        startMrr[p]! += mrr;
        endMrr[p]! += mrr; // and contraction += 0 (start MRR = end MRR), a no-op
      }
      if (hi >= 1 && hi - 1 >= lo && hi - 1 < periods) {
        const p = hi - 1;
        const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
        if (overlap > 0) exposure[p]! += overlap;
        startMrr[p]! += mrr;
        lost[p]! += 1;
        churned[p]! += mrr;
      }
      continue;
    }
    if ((customerOffsets[c + 1] as number) - q0 === 1) {
      // One subscription (so one spell) whose amount changes: as the general path below, with the customer's
      // state at each boundary computed on the fly (changes walked forward, as mrrAt finds them) instead of
      // written to and cleared from the scratch rows.
      const from = subStart[i0] as number;
      const to = subEnd[i0] as number;
      const lo = locate(bounds, windows, width, from);
      const hi = to === Number.POSITIVE_INFINITY ? bounds.length : locate(bounds, windows, width, to);
      if (hi >= 1 && hi <= periods && to !== Number.POSITIVE_INFINITY) churnEvents[hi - 1]! += 1;
      const pFirst = Math.max(0, lo - 1);
      const pLast = Math.min(periods - 1, hi - 1);
      for (let p = pFirst; p <= pLast; p++) {
        const overlap = Math.min(to, bounds[p + 1] as number) - Math.max(from, bounds[p] as number);
        if (overlap > 0) exposure[p]! += overlap;
      }
      if (lo >= hi) continue;
      const kLast = (changeOffsets[i0 + 1] as number) - 1;
      let k = changeOffsets[i0] as number;
      let was = pFirst >= lo && pFirst < hi;
      let s = 0;
      if (was) {
        const t = bounds[pFirst] as number;
        while (k < kLast && (changeTime[k + 1] as number) <= t) k++;
        s = 0 + (changeMrr[k] as number); // as the reference's 0 + mrr
      }
      for (let p = pFirst; p <= pLast; p++) {
        const is = p + 1 >= lo && p + 1 < hi;
        let e = 0;
        if (is) {
          const t = bounds[p + 1] as number;
          while (k < kLast && (changeTime[k + 1] as number) <= t) k++;
          e = 0 + (changeMrr[k] as number);
        }
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
        was = is;
        s = e;
      }
      continue;
    }
    let jMin = bounds.length;
    let jMax = 0;
    for (let k = spellOffsets[c] as number; k < (spellOffsets[c + 1] as number); k++) {
      const from = spellFrom[k] as number;
      const to = spellTo[k] as number;
      const lo = locate(bounds, windows, width, from);
      const hi = to === Number.POSITIVE_INFINITY ? bounds.length : locate(bounds, windows, width, to);
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
    for (let q = q0; q < (customerOffsets[c + 1] as number); q++) {
      const i = customerSubscriptions[q] as number;
      const lo = locate(bounds, windows, width, subStart[i] as number);
      const end = subEnd[i] as number;
      const hi = end === Number.POSITIVE_INFINITY ? bounds.length : locate(bounds, windows, width, end);
      const first = changeOffsets[i] as number;
      if ((changeOffsets[i + 1] as number) - first === 1) {
        const mrr = changeMrr[first] as number;
        for (let j = lo; j < hi; j++) value[j]! += mrr;
      } else {
        const last = (changeOffsets[i + 1] as number) - 1;
        for (let j = lo; j < hi; j++) {
          // As mrrAt: the amount of the last change at or before the boundary (0 when not active there).
          const t = bounds[j] as number;
          let mrr = 0;
          if ((subStart[i] as number) <= t && t < end) {
            let k = last;
            while (k > first && (changeTime[k] as number) > t) k--;
            mrr = changeMrr[k] as number;
          }
          value[j]! += mrr;
        }
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
    for (let j = jMin; j < jMax; j++) {
      active[j] = 0;
      value[j] = 0;
    }
  }
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
    const step = billing === 'week' ? 0 : MONTHS[billing];
    const days = Math.floor(start / DAY_MS);
    const timeOfDay = start - days * DAY_MS;
    civilFromDays(days);
    const year = civil[0] as number;
    const month = (civil[1] as number) - 1;
    const day = civil[2] as number;
    // Skip whole intervals before the first period: k intervals span at most k × 31 days (k weeks exactly).
    const span = step === 0 ? WEEK_MS : 31 * DAY_MS * step;
    let k = Math.max(1, Math.floor((first - start) / span));
    let cycleStart = renewal(start, step, k - 1, year, month, day, timeOfDay);
    let lastPeriod = -1;
    for (;;) {
      if (cycleStart >= subEnd) break;
      const r = renewal(start, step, k, year, month, day, timeOfDay);
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

const civil = new Int32Array(3);

/** Proleptic Gregorian date of a day number (days since 1970-01-01) into `civil` as [year, month 1–12, day]. */
function civilFromDays(days: number): void {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  civil[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  civil[1] = month;
  civil[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** Day number of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Renewal `k` of a subscription: its start plus `k` billing intervals (`step` months, or a week when 0), on the
 * UTC calendar with the day of month clamped to the month's last day (as date-fns `addMonths`, and as the
 * reference's `renewalAt`); `month` is 0-based.
 */
function renewal(
  start: number,
  step: number,
  k: number,
  year: number,
  month: number,
  day: number,
  timeOfDay: number,
): number {
  if (k === 0) return start;
  if (step === 0) return start + k * WEEK_MS;
  const months = month + k * step;
  const y = year + Math.floor(months / 12);
  const m = months - Math.floor(months / 12) * 12;
  const leap = m === 1 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 1 : 0;
  const lastDay = (MONTH_DAYS[m] as number) + leap;
  return daysFromCivil(y, m + 1, Math.min(day, lastDay)) * DAY_MS + timeOfDay;
}
