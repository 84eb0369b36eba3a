import { locate } from './locate.js';
import {
  F_CHURNED,
  F_CONTRACTION,
  F_END_MRR,
  F_EXPANSION,
  F_EXPOSURE,
  F_NEW_MRR,
  F_START_MRR,
  F_VALUE,
  I_ACTIVE,
  I_AT_END,
  I_AT_START,
  I_CHURN_EVENTS,
  I_END_DIFF,
  I_FULL_DIFF,
  I_JOINED,
  I_LOST,
  I_START_DIFF,
  rowF,
  rowI,
} from './rows.js';

/**
 * The hot loop of {@link churnSweep} over customers `[c0, c1)` (internal): it takes only typed arrays and
 * numbers, allocates nothing per customer and calls no closure, so its optimized code stays valid across calls,
 * tables and garbage collections.
 */
export function sweepCustomers(
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
