import { locate } from './locate.js';
import {
  F_CHURNED,
  F_CONTRACTION,
  F_END_MRR,
  F_END_MRR_DIFF,
  F_EXPANSION,
  F_EXPOSURE,
  F_NEW_MRR,
  F_START_MRR,
  F_START_MRR_DIFF,
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
 * The hot loop of {@link churnSweep} over customers `list[c0 … c1)` with revenue in exact integer units (internal;
 * `changeMrrUnits` of a table whose `mrrScale` is not 0). Every revenue sum is a sum of integers below 2^53, exact in
 * any order, so a customer with one subscription costs O(amount changes), not O(periods): its counts and its start
 * and end MRR go to difference rows (settled once by {@link settleRevenue}), its new and churned MRR to the one
 * period it joins or leaves in, and its expansion or contraction to the periods where its MRR changes. Customers
 * with several subscriptions are evaluated boundary by boundary as before. Takes only typed arrays and numbers,
 * allocates nothing per customer.
 */
export function sweepCustomersExact(
  ints: Int32Array,
  floats: Float64Array,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  list: Int32Array,
  c0: number,
  c1: number,
  customerOffsets: Int32Array,
  customerSubscriptions: Int32Array,
  changeOffsets: Int32Array,
  changeTime: Float64Array,
  changeUnits: Float64Array,
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
  const startMrrDiff = rowF(floats, F_START_MRR_DIFF, n);
  const endMrrDiff = rowF(floats, F_END_MRR_DIFF, n);
  for (let x = c0; x < c1; x++) {
    const c = list[x] as number;
    const q0 = customerOffsets[c] as number;
    if ((customerOffsets[c + 1] as number) - q0 === 1) {
      // One subscription, so one spell: active at the boundaries [lo, hi).
      const i0 = customerSubscriptions[q0] as number;
      const from = subStart[i0] as number;
      const to = subEnd[i0] as number;
      const lo = locate(bounds, windows, width, from);
      const hi = to === Number.POSITIVE_INFINITY ? bounds.length : locate(bounds, windows, width, to);
      if (hi >= 1 && hi <= periods && to !== Number.POSITIVE_INFINITY) churnEvents[hi - 1]! += 1;
      // Active at the start of periods [a0, a1), at the end of periods [e0, e1), whole periods [a0, e1).
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
        lost[p]! += 1;
      }
      if (lo >= hi) continue;
      const k0 = changeOffsets[i0] as number;
      const k1 = changeOffsets[i0 + 1] as number;
      if (k1 - k0 === 1) {
        // A constant MRR u at every boundary of [lo, hi): start MRR of periods [lo, hi), end MRR of [lo, hi - 1).
        const u = changeUnits[k0] as number;
        if (a0 < a1) {
          startMrrDiff[a0]! += u;
          startMrrDiff[a1]! -= u;
        }
        if (a0 < e1) {
          endMrrDiff[a0]! += u;
          endMrrDiff[e1]! -= u;
        }
        if (lo >= 1 && lo - 1 < periods) joined[lo - 1]! += 1;
        if (lo >= 1 && lo - 1 < periods) newMrr[lo - 1]! += u;
        if (hi - 1 < periods) churned[hi - 1]! += u;
        continue;
      }
      // Amount changes: change k holds at the boundaries [locate(t_k), locate(t_k+1)) ∩ [lo, hi), the last
      // change at or before a boundary wins (as mrrAt). Each non-empty segment [a, b) adds its MRR to the start
      // of periods [a, b) and to the end of periods [max(a - 1, lo), b - 1); a step between segments is an
      // expansion or a contraction in the period ending at the segment's first boundary.
      let previous = -1;
      let first = -1;
      let a = lo;
      for (let k = k0; k < k1; k++) {
        const b = k + 1 < k1 ? Math.min(hi, locate(bounds, windows, width, changeTime[k + 1] as number)) : hi;
        if (a >= b) continue;
        const u = changeUnits[k] as number;
        const s0 = Math.min(a, periods);
        const s1 = Math.min(b, periods);
        if (s0 < s1) {
          startMrrDiff[s0]! += u;
          startMrrDiff[s1]! -= u;
        }
        const d0 = Math.min(Math.max(a - 1, lo), periods);
        const d1 = Math.min(b - 1, periods);
        if (d0 < d1) {
          endMrrDiff[d0]! += u;
          endMrrDiff[d1]! -= u;
        }
        if (first < 0) first = u;
        else if (a - 1 < periods) {
          if (u > previous) expansion[a - 1]! += u - previous;
          else contraction[a - 1]! += previous - u;
        }
        previous = u;
        a = b;
      }
      if (lo >= 1 && lo - 1 < periods) {
        joined[lo - 1]! += 1;
        newMrr[lo - 1]! += first;
      }
      if (hi - 1 < periods) churned[hi - 1]! += previous;
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
      const last = (changeOffsets[i + 1] as number) - 1;
      let k = first;
      for (let j = lo; j < hi; j++) {
        // As mrrAt: the amount of the last change at or before the boundary (boundaries ascend, so k only grows).
        const t = bounds[j] as number;
        while (k < last && (changeTime[k + 1] as number) <= t) k++;
        value[j]! += changeUnits[k] as number;
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
