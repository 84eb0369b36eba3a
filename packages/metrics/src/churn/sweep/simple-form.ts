// The compact form of a table's simple customers (internal), built once per table by `prepareSubscriptions` and
// `readSubscriptionColumnsCsv` (or on the first sweep of a table built otherwise) and kept while the table lives.
//
// A simple customer has one subscription and no amount change: one spell [from, to) and one MRR of u units. Every
// figure of the churn sweeps is, for such a customer, a sum of a term that depends on the start's period only and a
// term that depends on the end's period only, except when both fall in the same period (see simple-kernel.ts). So
// with the simple customers sorted by start and, separately, by end, a sweep reads each list once in order, with a
// cursor over the period boundaries that moves forward: no search, no unpredictable branch, 24 and 16 bytes per
// customer read in sequence. The other customers (several subscriptions, amount changes) are swept by the kernels
// from `others`.
import type { SubscriptionColumns } from '../columns.js';

/** The simple customers of a table in sweep order, and the others (internal). */
export interface SimpleForm {
  /** `[from, units, to]` of each simple customer, by `from` ascending (`to` is `Infinity` while active). */
  readonly byStart: Float64Array;
  /** `[to, units]` of each simple customer that has ended, by `to` ascending. */
  readonly byEnd: Float64Array;
  /** The other customers, ascending: the kernels sweep these. */
  readonly others: Int32Array;
}

/** Fields of a {@link SimpleForm} per customer in `byStart` and `byEnd`. */
export const START_STRIDE = 3;
export const END_STRIDE = 2;

const forms = new WeakMap<SubscriptionColumns, SimpleForm | null>();
const identities = new WeakMap<SubscriptionColumns, Int32Array>();

/**
 * The simple form of `table`, built on first use (internal); `null` when some spell does not start and end on a
 * whole millisecond (exposure would then be a float sum whose bits depend on its order, and the kernels keep the
 * customer order) or when the instants span 2^53 ms or more.
 */
export function simpleFormOf(table: SubscriptionColumns): SimpleForm | null {
  let form = forms.get(table);
  if (form === undefined) {
    form = buildSimpleForm(table);
    forms.set(table, form);
  }
  return form;
}

/** Every customer of `table`, ascending (internal): the kernels' list when the simple form is not used. */
export function everyCustomer(table: SubscriptionColumns): Int32Array {
  let list = identities.get(table);
  if (list === undefined) {
    const customers = table.customerOffsets.length - 1;
    list = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, customers)), 0, customers);
    for (let c = 0; c < customers; c++) list[c] = c;
    identities.set(table, list);
  }
  return list;
}

function wholeMs(times: Float64Array): boolean {
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (t !== Number.POSITIVE_INFINITY && !Number.isInteger(t)) return false;
  }
  return true;
}

function buildSimpleForm(table: SubscriptionColumns): SimpleForm | null {
  if (!wholeMs(table.spellFrom) || !wholeMs(table.spellTo)) return null;
  // Instants 2^53 ms apart or more (some 285,000 years) are past what the radix sort orders exactly.
  if (table.count > 0 && !(table.maxTime - table.minTime < 2 ** 53)) return null;
  const customers = table.customerOffsets.length - 1;
  const { customerOffsets, customerSubscriptions, changeOffsets, changeMrrUnits, start, end } = table;
  const exact = table.mrrScale !== 0;
  let simple = 0;
  for (let c = 0; c < customers; c++) {
    const q = customerOffsets[c] as number;
    const i = customerSubscriptions[q] as number;
    if (
      (customerOffsets[c + 1] as number) - q === 1 &&
      (changeOffsets[i + 1] as number) - (changeOffsets[i] as number) === 1
    )
      simple++;
  }
  // In shared memory, so that a split sweep posts it to the workers without a copy.
  const others = new Int32Array(
    new SharedArrayBuffer(4 * Math.max(1, customers - simple)),
    0,
    customers - simple,
  );
  const sub = new Int32Array(simple); // the subscription of each simple customer, in customer order
  let o = 0;
  let s = 0;
  let ended = 0;
  for (let c = 0; c < customers; c++) {
    const q = customerOffsets[c] as number;
    const i = customerSubscriptions[q] as number;
    if (
      (customerOffsets[c + 1] as number) - q === 1 &&
      (changeOffsets[i + 1] as number) - (changeOffsets[i] as number) === 1
    ) {
      sub[s++] = i;
      if ((end[i] as number) !== Number.POSITIVE_INFINITY) ended++;
    } else others[o++] = c;
  }
  // Start, units and end of each simple customer in customer order (sequential reads), then sorted together.
  const starts = new Float64Array(simple);
  const startUnits = new Float64Array(simple);
  const startEnds = new Float64Array(simple);
  const ends = new Float64Array(ended);
  const endUnits = new Float64Array(ended);
  let e = 0;
  for (let k = 0; k < simple; k++) {
    const i = sub[k] as number;
    const u = exact ? (changeMrrUnits[changeOffsets[i] as number] as number) : 0;
    const to = end[i] as number;
    starts[k] = start[i] as number;
    startUnits[k] = u;
    startEnds[k] = to;
    if (to === Number.POSITIVE_INFINITY) continue;
    ends[e] = to;
    endUnits[e++] = u;
  }
  const [sFrom, sUnits, sTo] = sortByKey(starts, [startUnits, startEnds]) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const byStart = new Float64Array(START_STRIDE * simple);
  for (let k = 0; k < simple; k++) {
    byStart[START_STRIDE * k] = sFrom[k] as number;
    byStart[START_STRIDE * k + 1] = sUnits[k] as number;
    byStart[START_STRIDE * k + 2] = sTo[k] as number;
  }
  const [eTo, eUnits] = sortByKey(ends, [endUnits]) as [Float64Array, Float64Array];
  const byEnd = new Float64Array(END_STRIDE * ended);
  for (let k = 0; k < ended; k++) {
    byEnd[END_STRIDE * k] = eTo[k] as number;
    byEnd[END_STRIDE * k + 1] = eUnits[k] as number;
  }
  return { byStart, byEnd, others };
}

/**
 * The digits of the radix sort below, least significant first, as `[word, shift, bits]`: `word` 0 is the low 32 bits
 * of a key, 1 the bits above. At most 11 bits (2,048 buckets, so that the scatter of a pass writes to few enough
 * places to stay cached), and never across the two words, so each digit is two exact integer operations.
 */
const DIGITS: ReadonlyArray<readonly [0 | 1, number, number]> = [
  [0, 0, 11],
  [0, 11, 11],
  [0, 22, 10],
  [1, 0, 11],
  [1, 11, 10],
];
const WORD = 2 ** 32;

/**
 * `keys` (whole numbers less than 2^53 apart) sorted ascending, stably, with the `carried` arrays permuted along
 * (internal): a least-significant-digit radix sort of `key − min`, one pass per digit up to the largest difference
 * (4 for two years in ms), each pass reading in sequence and writing to at most 2,048 running places.
 *
 * @returns New arrays: the sorted keys, then each carried array in the same order.
 */
export function sortByKey(keys: Float64Array, carried: readonly Float64Array[]): Float64Array[] {
  const n = keys.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const x = keys[k] as number;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let key = new Float64Array(n);
  for (let k = 0; k < n; k++) key[k] = (keys[k] as number) - min;
  let rest = carried.map((a) => Float64Array.from(a));
  let nextKey = new Float64Array(n);
  let nextRest = carried.map(() => new Float64Array(n));
  const counts = new Int32Array((1 << 11) + 1);
  for (const [word, shift, bits] of DIGITS) {
    if (n < 2 || max - min < 2 ** (32 * word + shift)) break;
    const mask = (1 << bits) - 1;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(digit(key[k] as number, word, shift) & mask) + 1]! += 1;
    for (let d = 0; d < mask + 1; d++) counts[d + 1]! += counts[d] as number;
    for (let k = 0; k < n; k++) {
      const x = key[k] as number;
      const at = counts[digit(x, word, shift) & mask]!++;
      nextKey[at] = x;
      for (let r = 0; r < rest.length; r++)
        (nextRest[r] as Float64Array)[at] = (rest[r] as Float64Array)[k] as number;
    }
    [key, nextKey] = [nextKey, key];
    [rest, nextRest] = [nextRest, rest];
  }
  for (let k = 0; k < n; k++) key[k] = (key[k] as number) + min;
  return [key, ...rest];
}

/** Bits `shift …` of word `word` of whole number `x` (0 ≤ x < 2^53), unmasked (internal). */
function digit(x: number, word: 0 | 1, shift: number): number {
  const high = Math.floor(x / WORD);
  return (word === 1 ? high : x - high * WORD) >>> shift;
}

/** What a sweep runs (internal): the simple form, or `null`, and the customers left to the kernels. */
export interface SweepPlan {
  readonly form: SimpleForm | null;
  readonly list: Int32Array;
}

/**
 * The plan of a sweep of `table` over `bounds` (internal): the simple form and its `others` when the form exists and
 * every exposure sum stays a whole number of ms below 2^53, else every customer through the kernels. The bound is
 * the spells times the longest period: the start side of the simple form and the kernels only add, each term a
 * customer's share of one period, so no partial sum exceeds it; the end side then only takes away.
 */
export function sweepPlan(table: SubscriptionColumns, bounds: Float64Array): SweepPlan {
  const form = simpleFormOf(table);
  let longest = 0;
  for (let p = 0; p + 1 < bounds.length; p++)
    longest = Math.max(longest, (bounds[p + 1] as number) - (bounds[p] as number));
  if (form !== null && table.spellFrom.length * longest <= 2 ** 53) return { form, list: form.others };
  return { form: null, list: everyCustomer(table) };
}

/**
 * Adds rows `b` into `a` slot by slot (internal): the simple customers' rows into the kernels'. Every slot holds a
 * whole number (a count, MRR units, milliseconds) and every sum stays below 2^53, so the result is exact.
 */
export function addRows<T extends Int32Array | Float64Array>(a: T, b: T): void {
  for (let i = 0; i < a.length; i++) a[i]! += b[i] as number;
}
