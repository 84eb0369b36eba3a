/**
 * Sets of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges `[lo0, hi0, lo1, hi1, …]`
 * (internal to the pattern matcher).
 */
export type CharSet = readonly number[];

/** The largest Unicode code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** Builds a set from ranges given in any order, possibly overlapping (`[lo, hi]` inclusive, `lo ≤ hi`). */
export function charSetOf(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number) + 1) {
      if (hi > (out[last] as number)) out[last] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

/** The union of several sets. */
export function unionOf(sets: readonly CharSet[]): CharSet {
  const ranges: Array<readonly [number, number]> = [];
  for (const set of sets) {
    for (let i = 0; i < set.length; i += 2) ranges.push([set[i] as number, set[i + 1] as number]);
  }
  return charSetOf(ranges);
}

/** Every code point not in `set`. */
export function complementOf(set: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    const lo = set[i] as number;
    if (lo > next) out.push(next, lo - 1);
    next = (set[i + 1] as number) + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

/** Whether `cp` is in `set` (binary search over the ranges). */
export function setHas(set: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (cp < (set[2 * mid] as number)) hi = mid - 1;
    else if (cp > (set[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}
