// The string index against a Map of the same values: the same index for the same string, a new index in order of
// first appearance for a new one, through many doublings of the table, and values whose 32-bit hashes are equal
// told apart by their text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './string-index.js';

describe('StringIndex', () => {
  it('indexes like a Map, with empty, one-unit, non-ASCII and surrogate values (property)', () => {
    // A small alphabet makes equal values, values that differ in one unit and prefixes of others common.
    const value = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', 'é', '\u{1F600}'), maxLength: 12 }),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), fc.integer(), (values, basis) => {
        const index = new StringIndex(basis);
        const expected = new Map<string, number>();
        for (const v of values) {
          const known = expected.get(v);
          expect(index.indexOf(v)).toBe(known ?? -1);
          expect(index.add(v)).toBe(known ?? expected.size);
          if (known === undefined) expected.set(v, expected.size);
        }
        expect(index.size).toBe(expected.size);
        expect(index.values).toEqual([...expected.keys()]);
        for (const [v, i] of expected) expect(index.indexOf(v)).toBe(i);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every index through the doublings of its table (50,000 values, each added twice)', () => {
    const index = new StringIndex();
    const n = 50_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (index.add(`c${i}`) !== i) wrong++;
    for (let i = n - 1; i >= 0; i--) if (index.add(`c${i}`) !== i || index.indexOf(`c${i}`) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(index.size).toBe(n);
    expect(index.indexOf(`c${n}`)).toBe(-1);
  });

  it('tells apart two values with the same 32-bit hash', () => {
    // Find a full collision under a fixed basis (about one expected among 2^17 values; the search is bounded).
    const index = new StringIndex(7);
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined && i < 1 << 20; i++) {
      const v = `id-${i}`;
      const h = index.hash(v);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, v];
      else seen.set(h, v);
    }
    if (pair === undefined) throw new Error('no collision found among 2^20 values');
    const [a, b] = pair;
    expect(index.hash(a)).toBe(index.hash(b));
    expect(index.add(a)).toBe(0);
    expect(index.indexOf(b)).toBe(-1);
    expect(index.add(b)).toBe(1);
    expect(index.add(a)).toBe(0);
    expect(index.indexOf(b)).toBe(1);
  });

  it('draws a basis per index: the same values hash differently in two indices', () => {
    const values = Array.from({ length: 64 }, (_, i) => `v${i}`);
    const a = new StringIndex();
    const b = new StringIndex();
    expect(values.some((v) => a.hash(v) !== b.hash(v))).toBe(true);
  });
});
