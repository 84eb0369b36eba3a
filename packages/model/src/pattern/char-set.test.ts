import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charSetOf, complementOf, MAX_CODE_POINT, setHas, unionOf } from './char-set.js';

// Small code points, so that ranges overlap and touch often.
const range = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 }))
  .map(([lo, width]) => [lo, lo + width] as const);
const ranges = fc.array(range, { maxLength: 6 });
const inRanges = (rs: ReadonlyArray<readonly [number, number]>, cp: number) =>
  rs.some(([lo, hi]) => lo <= cp && cp <= hi);

describe('code point sets', () => {
  it('merges overlapping and adjacent ranges: [1,3] [4,5] [8,9] [2,2] is [1,5] [8,9]', () => {
    expect(
      charSetOf([
        [1, 3],
        [4, 5],
        [8, 9],
        [2, 2],
      ]),
    ).toEqual([1, 5, 8, 9]);
    expect(complementOf([1, 5, 8, 9])).toEqual([0, 0, 6, 7, 10, MAX_CODE_POINT]);
    expect(complementOf([0, MAX_CODE_POINT])).toEqual([]);
    expect(complementOf([])).toEqual([0, MAX_CODE_POINT]);
  });

  it('has exactly the members of its ranges; complement and union agree with membership (property)', () => {
    fc.assert(
      fc.property(ranges, ranges, fc.integer({ min: 0, max: 80 }), (r1, r2, cp) => {
        const a = charSetOf(r1);
        const b = charSetOf(r2);
        expect(setHas(a, cp)).toBe(inRanges(r1, cp));
        expect(setHas(complementOf(a), cp)).toBe(!inRanges(r1, cp));
        expect(setHas(unionOf([a, b]), cp)).toBe(inRanges(r1, cp) || inRanges(r2, cp));
        expect(complementOf(complementOf(a))).toEqual(a);
        // Normal form: ascending, disjoint, never adjacent.
        for (let i = 2; i < a.length; i += 2)
          expect(a[i] as number).toBeGreaterThan((a[i - 1] as number) + 1);
      }),
    );
  });
});
