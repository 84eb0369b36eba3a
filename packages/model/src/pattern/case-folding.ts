import { CASE_FOLDING_RUNS } from './case-folding-data.js';
import { type CharSet, charSetOf } from './char-set.js';

/**
 * Case-insensitive matching (internal): the classes of code points that Unicode simple case folding makes one
 * character, as RegExp does with the `ui` flags (`k`, `K` and the Kelvin sign `K`; `s`, `S` and the long `ſ`; but
 * the dotless `ı` only with itself). The classes come from a generated table (`case-folding-data.ts`).
 */
interface FoldTable {
  /** Every code point that has another in its class, ascending. */
  readonly cased: Int32Array;
  /** For each entry of `cased`, the smallest code point of its class. */
  readonly rep: Int32Array;
  /** Members of each class by its smallest code point. */
  readonly members: ReadonlyMap<number, readonly number[]>;
}

let table: FoldTable | undefined;

function foldTable(): FoldTable {
  if (table !== undefined) return table;
  const members = new Map<number, number[]>();
  for (const run of CASE_FOLDING_RUNS.split(';')) {
    const [start, count, stride, delta] = run.split(',').map((field) => Number.parseInt(field, 36)) as [
      number,
      number,
      number,
      number,
    ];
    for (let k = 0; k < count; k++) {
      const cp = start + k * stride;
      const rep = cp + delta;
      const list = members.get(rep);
      if (list === undefined) members.set(rep, [rep, cp]);
      else list.push(cp);
    }
  }
  const all: Array<[number, number]> = [];
  for (const [rep, list] of members) for (const cp of list) all.push([cp, rep]);
  all.sort((a, b) => a[0] - b[0]);
  table = {
    cased: Int32Array.from(all, ([cp]) => cp),
    rep: Int32Array.from(all, ([, rep]) => rep),
    members,
  };
  return table;
}

/** Index of the first entry of `sorted` that is ≥ `cp`. */
function lowerBound(sorted: Int32Array, cp: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The set with every case variant of its members added: every code point in the case-folding class of a member.
 * Costs O(ranges · log + cased code points inside the ranges), at most a few thousand steps per set.
 */
export function closeOverCase(set: CharSet): CharSet {
  const { cased, rep, members } = foldTable();
  const ranges: Array<readonly [number, number]> = [];
  for (let r = 0; r < set.length; r += 2) {
    const lo = set[r] as number;
    const hi = set[r + 1] as number;
    ranges.push([lo, hi]);
    for (let i = lowerBound(cased, lo); i < cased.length && (cased[i] as number) <= hi; i++) {
      for (const cp of members.get(rep[i] as number) ?? []) ranges.push([cp, cp]);
    }
  }
  return charSetOf(ranges);
}
