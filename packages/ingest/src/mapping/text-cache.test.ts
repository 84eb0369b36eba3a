import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextCache } from './text-cache.js';

// The reference is a map keyed by the cells' bytes: a hit must give the value stored for exactly those bytes, and a
// cell stored just now must be found again wherever its bytes lie (whatever bytes follow it in its buffer).
const keyOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** `cell` at `offset` of a buffer of `size` bytes filled with `fill` around it. */
function placed(cell: Uint8Array, offset: number, size: number, fill: number): Uint8Array {
  const buf = new Uint8Array(Math.max(size, offset + cell.length)).fill(fill);
  buf.set(cell, offset);
  return buf;
}

describe('TextCache', () => {
  it('finds a cell by its bytes only, at any offset, whatever follows it, in fresh or reused buffers, repeated or not', () => {
    const cellArb = fc.oneof(
      // few distinct cells, so that most lookups are repeats
      fc.constantFrom(
        '',
        'a',
        'ab',
        'abc',
        'abcd',
        'abcde',
        'web',
        'email',
        'c0000001',
        'c0000002',
        'zł',
        'Kraków',
      ),
      fc.uint8Array({ maxLength: 36 }),
      fc.uint8Array({ minLength: 1, maxLength: 9, min: 0x61, max: 0x62 }),
    );
    const lookupArb = fc.record({
      cell: cellArb.map((c) => (typeof c === 'string' ? new TextEncoder().encode(c) : c)),
      offset: fc.nat(7),
      // 0: the cell ends at the buffer's end (its last word is read byte by byte)
      after: fc.constantFrom(0, 1, 2, 3, 8),
      fill: fc.integer({ min: 0, max: 255 }),
      reuse: fc.boolean(),
      // the previous lookup's cell again (a customer's consecutive rows)
      repeat: fc.boolean(),
      // a miss is not always stored (a cell its field rejects)
      store: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(lookupArb, { minLength: 1, maxLength: 60 }), (lookups) => {
        const cache = new TextCache();
        const stored = new Map<string, string>();
        const shared = new Uint8Array(48);
        let previous: Uint8Array | undefined;
        for (const lookup of lookups) {
          const { offset, after, fill, reuse, repeat, store } = lookup;
          const cell = repeat && previous !== undefined ? previous : lookup.cell;
          previous = cell;
          const key = keyOf(cell);
          let buf: Uint8Array;
          if (reuse && offset + cell.length + after <= shared.length) {
            // one buffer written over and over (a reused file chunk, the tokenizer's scratch): the same object
            shared.fill(fill);
            shared.set(cell, offset);
            buf = shared;
          } else buf = placed(cell, offset, offset + cell.length + after, fill);
          const hit = cache.get(buf, offset, offset + cell.length);
          if (hit !== undefined) expect(hit).toBe(stored.get(key));
          else if (cell.length <= 32 && store) {
            cache.set(`value of ${key}`);
            stored.set(key, `value of ${key}`);
            // found again right away elsewhere, with other bytes after it
            const again = placed(cell, 3, cell.length + 3 + after, fill ^ 0xff);
            expect(cache.get(again, 3, 3 + cell.length)).toBe(`value of ${key}`);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart cells of one length that share a slot (every word is compared)', () => {
    // 20,000 distinct cells of each length 1…32 in 4,096 slots: slots are shared, and a lookup of a cell whose slot
    // holds another cell of its length must miss, whichever word they differ in.
    for (const length of [1, 3, 4, 5, 8, 9, 13, 16, 17, 31, 32]) {
      const cache = new TextCache();
      const cell = new Uint8Array(length + 4);
      let collisions = 0;
      for (let n = 0; n < 20_000; n++) {
        // the number n written in base 251 at one end or the other, the rest fixed
        cell.fill(0x41);
        let rest = n;
        for (let i = 0; rest > 0 && i < length; i++, rest = Math.floor(rest / 251))
          cell[n % 2 === 0 ? i : length - 1 - i] = 1 + (rest % 251);
        const hit = cache.get(cell, 0, length);
        const key = keyOf(cell.subarray(0, length));
        if (hit !== undefined && hit !== key) collisions++;
        if (hit === undefined) cache.set(key);
      }
      expect(collisions, `length ${length}`).toBe(0);
    }
  });

  it('does not keep cells longer than 32 bytes', () => {
    const cache = new TextCache();
    const long = new TextEncoder().encode('x'.repeat(33));
    expect(cache.get(long, 0, 33)).toBeUndefined();
    cache.set('long');
    expect(cache.get(long, 0, 33)).toBeUndefined();
    expect(cache.get(long, 0, 32)).toBeUndefined();
  });
});
