// The packed accumulators of the churn sweeps (internal). Accumulators are packed into two typed arrays rather
// than held by an object: the kernels' optimized code embeds the maps of the objects it reads, and a fresh
// accumulator object per call (whose map V8 frees after a GC) threw that code away on every call after a
// collection; typed-array maps live as long as the process.

import type { MidPeriodPolicy } from '../types.js';

/** Integer accumulators, each a row of `periods + 1` slots in one Int32Array. */
export const I_AT_START = 0;
export const I_AT_END = 1;
export const I_LOST = 2;
export const I_JOINED = 3;
export const I_CHURN_EVENTS = 4;
export const I_START_DIFF = 5;
export const I_END_DIFF = 6;
export const I_FULL_DIFF = 7;
/** Per-customer scratch: whether the customer is active at each boundary (reset after each customer). */
export const I_ACTIVE = 8;
export const INT_ROWS = 9;

/** Float accumulators, each a row of `periods + 1` slots in one Float64Array. */
export const F_EXPOSURE = 0;
export const F_START_MRR = 1;
export const F_END_MRR = 2;
export const F_NEW_MRR = 3;
export const F_EXPANSION = 4;
export const F_CONTRACTION = 5;
export const F_CHURNED = 6;
/** Per-customer scratch: the customer's MRR at each boundary (reset after each customer). */
export const F_VALUE = 7;
/** Exact revenue only: difference rows of the start and end MRR of customers with one subscription (units). */
export const F_START_MRR_DIFF = 8;
export const F_END_MRR_DIFF = 9;
export const FLOAT_ROWS = 10;

/** Customers per kernel call: no single call is long, so each block enters the optimized kernel quickly. */
export const BLOCK = 1 << 14;

/** Row `r` of a packed accumulator with rows of `n` slots. */
export function rowI(ints: Int32Array, r: number, n: number): Int32Array {
  return ints.subarray(r * n, (r + 1) * n);
}

/** Row `r` of a packed accumulator with rows of `n` slots. */
export function rowF(floats: Float64Array, r: number, n: number): Float64Array {
  return floats.subarray(r * n, (r + 1) * n);
}

/**
 * Turns the difference rows into counts: customers at the start and at the end of each period and, when
 * `exposure` is given, the exposure of the customers who cover whole periods (integer milliseconds: exact in any
 * order below 2^53 ms, about 100 billion customer-days).
 */
export function settleDifferences(
  ints: Int32Array,
  exposure: Float64Array | null,
  bounds: Float64Array,
): void {
  const n = bounds.length;
  const periods = n - 1;
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
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
    if (full > 0 && exposure !== null) {
      exposure[p]! += full * ((bounds[p + 1] as number) - (bounds[p] as number));
    }
  }
}

/** The churn rate of one period under `policy`; `null` when its denominator is 0. */
export function churnRateOf(
  policy: MidPeriodPolicy,
  atStart: number,
  lost: number,
  exposureDays: number | null,
  churnEvents: number,
  eligible: number,
  eligibleLost: number,
): number | null {
  if (policy === 'exclude') return atStart === 0 ? null : lost / atStart;
  if (policy === 'exposure') {
    return exposureDays === 0 || exposureDays === null ? null : churnEvents / exposureDays;
  }
  return eligible === 0 ? null : eligibleLost / eligible;
}
