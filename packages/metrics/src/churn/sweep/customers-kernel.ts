import { locate } from './locate.js';
import { I_CHURN_EVENTS, I_END_DIFF, I_FULL_DIFF, I_JOINED, I_LOST, I_START_DIFF, rowI } from './rows.js';

/**
 * The hot loop of {@link customerChurnSweep} over customers `list[c0 … c1)` (internal). A customer's merged spells
 * never touch in time, but two can fall in the same period; their boundary ranges `[lo, hi)` then touch and are
 * merged here, so that a customer who leaves and comes back within one period is neither lost nor new.
 * `exposure` is empty unless exposure is wanted.
 */
export function countCustomers(
  ints: Int32Array,
  exposure: Float64Array,
  bounds: Float64Array,
  windows: Int32Array,
  width: number,
  list: Int32Array,
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
  for (let x = c0; x < c1; x++) {
    const c = list[x] as number;
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
