// The byte dictionary against a Map of the same keys as strings: the same index for the same bytes, a new index in
// order of first appearance for new bytes, wherever the bytes lie in whichever buffer (word loads at any alignment).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteDictionary } from './byte-dictionary.js';

describe('ByteDictionary', () => {
  it('interns like a Map of the keys, at any offset, with common prefixes and lengths 0 to 70 (property)', () => {
    // A small alphabet makes equal keys, keys that differ in one byte (first, middle, last, in a word or in the
    // tail) and keys that are prefixes of others common.
    const key = fc.array(fc.constantFrom(0, 1, 97, 98, 255), { maxLength: 70 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(7)), { maxLength: 300 }), (cells) => {
        const dictionary = new ByteDictionary();
        const expected = new Map<string, number>();
        for (const [bytes, offset] of cells) {
          // Each cell in a buffer of its own at its own offset, with other bytes around it.
          const buffer = new Uint8Array(offset + bytes.length + 5).fill(98);
          buffer.set(bytes, offset);
          const name = bytes.join(',');
          const index = dictionary.intern(buffer, offset, offset + bytes.length);
          const known = expected.get(name);
          expect(index).toBe(known ?? expected.size);
          expect(dictionary.added).toBe(known === undefined);
          if (known === undefined) expected.set(name, index);
          expect(dictionary.is(index, buffer, offset, offset + bytes.length)).toBe(true);
          expect(dictionary.decode(index)).toBe(Buffer.from(bytes).toString('utf8'));
        }
        expect(dictionary.size).toBe(expected.size);
        // `is` tells every other key apart.
        const keys = [...expected.keys()];
        for (const [i, name] of keys.entries()) {
          const other = keys[(i + 1) % keys.length] as string;
          const bytes = Uint8Array.from(other === '' ? [] : other.split(',').map(Number));
          expect(dictionary.is(i, bytes, 0, bytes.length)).toBe(other === name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 100,000 distinct keys apart through the table and arena growth', () => {
    const dictionary = new ByteDictionary();
    const encoder = new TextEncoder();
    let wrong = 0;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 100_000; i++) {
        const bytes = encoder.encode(`customer-${i}`);
        if (dictionary.intern(bytes, 0, bytes.length) !== i) wrong++;
      }
    expect(wrong).toBe(0);
    expect(dictionary.size).toBe(100_000);
    expect(dictionary.decode(99_999)).toBe('customer-99999');
  });
});
