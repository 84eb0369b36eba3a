// Monthly recurring revenue as exact integers (internal). Every MRR of a table is an integer number of units of
// 1 / (10^k · D) of the currency: k is the most decimal places of any amount in its shortest round-trip decimal form
// (the form `String(amount)` prints; a CSV amount is read into the same number first), and D the least common
// denominator of the monthly factors of the billing intervals present (1 for months, 3 with quarters or weeks, 12 with
// years: an amount per week is 52/12 = 13/3 a month, per quarter 1/3, per year 1/12). Sums of such integers are exact
// in float64 while they stay below 2^53, in any order; so revenue sums can use difference arrays and partial sums and
// still give one value, the exact one, turned into money by one correctly rounded division per figure.
import type { Subscription } from '@cx/model';

/** The most decimal places of an amount that is scaled to integer units (ISO 4217 currencies use at most 4). */
export const MAX_DECIMALS = 6;

/**
 * The bound on the sum of every subscription's largest MRR in units: twice it (a revenue figure and the start MRR
 * added in a ratio's numerator) stays below 2^53, where float64 integers are exact.
 */
export const MAX_TOTAL_UNITS = 2 ** 52;

/** Denominator of each billing interval's monthly factor (`PER_MONTH` as fractions: 13/3, 1, 1/3, 1/12). */
const DENOMINATOR = { week: 3, month: 1, quarter: 3, year: 12 } as const;

/** Units per month per unit per billing interval, as a numerator over {@link DENOMINATOR}. */
const NUMERATOR = { week: 13, month: 1, quarter: 1, year: 1 } as const;

/** Why a table's MRR could not be scaled to exact integers. */
export type InexactReason = 'decimals' | 'total';

/** Exact MRR units of a table, or why there are none (then revenue is summed in floating point, as before). */
export type MrrUnits =
  | { readonly scale: number; readonly units: Float64Array }
  | { readonly scale: 0; readonly units: Float64Array; readonly reason: InexactReason };

/**
 * Decimal places of `amount` in its shortest round-trip form (`29.9` → 1, `290` → 0), or -1 when it has more than
 * {@link MAX_DECIMALS} or is not a safe integer once scaled.
 */
export function decimalPlaces(amount: number): number {
  let power = 1;
  for (let k = 0; k <= MAX_DECIMALS; k++, power *= 10) {
    const scaled = Math.round(amount * power);
    // `scaled / power` is the double nearest the decimal scaled·10^-k: equal to `amount` when that decimal is one
    // of amount's round-trip forms, so the first k that passes is the shortest form's number of places.
    if (Number.isSafeInteger(scaled) && scaled / power === amount) return k;
  }
  return -1;
}

/**
 * The MRR of each amount change as integer units (internal): `amounts[k]` is per billing interval of the
 * subscription whose changes include `k` (`changeOffsets`, CSR as in the table).
 */
export function mrrUnits(
  amounts: Float64Array,
  changeOffsets: Int32Array,
  intervals: ReadonlyArray<Subscription['billingInterval']>,
): MrrUnits {
  const units = new Float64Array(amounts.length);
  let places = 0;
  let previous = Number.NaN; // amounts repeat (a few plans): each run of one amount is checked once
  for (let k = 0; k < amounts.length; k++) {
    const amount = amounts[k] as number;
    if (amount === previous) continue;
    previous = amount;
    const p = decimalPlaces(amount);
    if (p < 0) return { scale: 0, units: new Float64Array(0), reason: 'decimals' };
    if (p > places) places = p;
  }
  let denominator = 1;
  for (const billing of new Set(intervals)) denominator = lcm(denominator, DENOMINATOR[billing]);
  const power = 10 ** places;
  let total = 0;
  for (let i = 0; i < intervals.length; i++) {
    const billing = intervals[i] as Subscription['billingInterval'];
    const multiplier = (denominator / DENOMINATOR[billing]) * NUMERATOR[billing];
    let largest = 0;
    for (let k = changeOffsets[i] as number; k < (changeOffsets[i + 1] as number); k++) {
      const u = Math.round((amounts[k] as number) * power) * multiplier;
      if (!Number.isSafeInteger(u)) return { scale: 0, units: new Float64Array(0), reason: 'total' };
      units[k] = u;
      if (u > largest) largest = u;
    }
    total += largest;
    if (total > MAX_TOTAL_UNITS) return { scale: 0, units: new Float64Array(0), reason: 'total' };
  }
  return { scale: power * denominator, units };
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}
