import {
  F_CHURNED,
  F_END_MRR_DIFF,
  F_NEW_MRR,
  F_START_MRR_DIFF,
  I_CHURN_EVENTS,
  I_END_DIFF,
  I_JOINED,
  I_LOST,
  I_START_DIFF,
  rowF,
  rowI,
} from './rows.js';
import { END_STRIDE, START_STRIDE } from './simple-form.js';

/**
 * The simple customers' part of a churn sweep (internal; see simple-form.ts), into the same rows the kernels fill.
 *
 * For a customer with one spell `[from, to)` and one MRR `u`, let `lo` be the first boundary at or after `from` and
 * `hi` the first at or after `to` (`n` when open), as the kernels' `locate` gives them; `P = n − 1` periods. Then
 * exactly what {@link sweepCustomersExact} and {@link countCustomers} add is:
 *
 * - at `lo` (start side): customers at start `+1` from period `min(lo, P)`, at end `+1` from `max(lo − 1, 0)` capped
 *   at P (difference rows), start and end MRR `+u` from `min(lo, P)`, one joiner and new MRR `u` in period `lo − 1`
 *   (when `1 ≤ lo ≤ P`);
 * - at `hi` (end side): the same difference rows `−1` / `−u` (end MRR from `max(hi − 1, 0)`), a churn event, a lost
 *   customer and churned MRR `u` in period `hi − 1` (when `1 ≤ hi ≤ P`);
 * - exposure: the overlap of `[from, to)` with each period, which is the overlap of `[from, ∞)` minus that of
 *   `[to, ∞)`; a half-line starting in period `p − 1` covers `bounds[p] − start` of it and every later period whole;
 * - except when `lo = hi` with `1 ≤ lo ≤ P` (start and end in the same period): such a customer joins and leaves
 *   within the period and is neither new nor lost and adds no MRR, so the joiner, new MRR, lost customer, churned
 *   MRR and the end MRR step that the two sides add are taken back (every other term of the two sides cancels).
 *
 * So each list is read once in order, summing per period; every sum is of whole numbers (counts, MRR units,
 * milliseconds) below 2^53, exact in any order, hence equal to the kernels' sums in customer order.
 *
 * @param exposure - The exposure row (ms), or an empty array when exposure is not wanted.
 * @param floats - The float rows of the revenue sweep (units), or `null` for counts only.
 */
export function sweepSimpleCustomers(
  ints: Int32Array,
  exposure: Float64Array,
  floats: Float64Array | null,
  bounds: Float64Array,
  byStart: Float64Array,
  byEnd: Float64Array,
): void {
  const n = bounds.length;
  const periods = n - 1;
  const withExposure = exposure.length > 0;
  const startDiff = rowI(ints, I_START_DIFF, n);
  const endDiff = rowI(ints, I_END_DIFF, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const revenue = floats !== null;
  const empty = new Float64Array(n);
  const startMrrDiff = revenue ? rowF(floats, F_START_MRR_DIFF, n) : empty;
  const endMrrDiff = revenue ? rowF(floats, F_END_MRR_DIFF, n) : empty;
  const newMrr = revenue ? rowF(floats, F_NEW_MRR, n) : empty;
  const churned = revenue ? rowF(floats, F_CHURNED, n) : empty;

  // Start side: boundary j takes the customers with lo = j, i.e. from in (bounds[j − 1], bounds[j]].
  let q = 0;
  let active = 0; // customers with lo ≤ j: their half-lines cover period j whole
  for (let j = 0; j <= n; j++) {
    const b = j < n ? (bounds[j] as number) : Number.POSITIVE_INFINITY;
    let count = 0;
    let units = 0;
    let partial = 0; // Σ (bounds[j] − from): their share of period j − 1
    let same = 0; // of them, those that also end by bounds[j] (hi = j)
    let sameUnits = 0;
    for (; q < byStart.length && (byStart[q] as number) <= b; q += START_STRIDE) {
      const u = byStart[q + 1] as number;
      count++;
      units += u;
      partial += b - (byStart[q] as number);
      if ((byStart[q + 2] as number) <= b) {
        same++;
        sameUnits += u;
      }
    }
    const a = Math.min(j, periods);
    const e = j - 1 < 0 ? 0 : Math.min(j - 1, periods);
    startDiff[a]! += count;
    endDiff[e]! += count;
    startMrrDiff[a]! += units;
    endMrrDiff[a]! += units;
    if (j >= 1 && j <= periods) {
      joined[j - 1]! += count - same;
      newMrr[j - 1]! += units - sameUnits;
      lost[j - 1]! -= same;
      churned[j - 1]! -= sameUnits;
      endMrrDiff[j]! -= sameUnits;
      endMrrDiff[j - 1]! += sameUnits;
      if (withExposure) exposure[j - 1]! += partial;
    }
    active += count;
    if (withExposure && j < periods && active > 0)
      exposure[j]! += active * ((bounds[j + 1] as number) - (bounds[j] as number));
  }

  // End side: boundary k takes the ended customers with hi = k, i.e. to in (bounds[k − 1], bounds[k]].
  q = 0;
  let gone = 0; // customers with hi ≤ k: their half-lines [to, ∞) cover period k whole
  for (let k = 0; k <= n; k++) {
    const b = k < n ? (bounds[k] as number) : Number.POSITIVE_INFINITY;
    let count = 0;
    let units = 0;
    let partial = 0;
    for (; q < byEnd.length && (byEnd[q] as number) <= b; q += END_STRIDE) {
      count++;
      units += byEnd[q + 1] as number;
      partial += b - (byEnd[q] as number);
    }
    const a = Math.min(k, periods);
    const e = k - 1 < 0 ? 0 : Math.min(k - 1, periods);
    startDiff[a]! -= count;
    endDiff[e]! -= count;
    startMrrDiff[a]! -= units;
    endMrrDiff[e]! -= units;
    if (k >= 1 && k <= periods) {
      churnEvents[k - 1]! += count;
      lost[k - 1]! += count;
      churned[k - 1]! += units;
      if (withExposure) exposure[k - 1]! -= partial;
    }
    gone += count;
    if (withExposure && k < periods && gone > 0)
      exposure[k]! -= gone * ((bounds[k + 1] as number) - (bounds[k] as number));
  }
}
