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
  it('tells apart keys that share their length and edge words, and short keys with zero bytes (memory of recent keys)', () => {
    // Keys of 9 to 40 bytes with the same first and last four bytes, differing only between them; keys of 0 to 8
    // bytes made of 0 and 1 (so that a short key and a longer one with zero bytes pack to the same edge words) and
    // of one byte repeated;
    // each looked up again and again in shuffled rounds, so that the 256 slots of the memory are hit, missed, and
    // taken over by other keys.
    const keys: number[][] = [];
    for (let len = 9; len <= 40; len += 7)
      for (let k = 0; k < 40; k++) {
        const key: number[] = Array.from({ length: len }, (_, i) => (i < 4 || i >= len - 4 ? 97 : 98));
        key[4 + (k % (len - 8))] = 99 + Math.floor(k / (len - 8));
        keys.push(key);
      }
    for (let len = 0; len <= 8; len++)
      for (let bits = 0; bits < 1 << len; bits += len > 5 ? 7 : 1)
        keys.push(Array.from({ length: len }, (_, i) => (bits >> i) & 1));
    // One byte repeated 5 to 8 times: the same edge words at four lengths, for every byte (only the length tells
    // them apart, where two land on one slot of the memory).
    for (let byte = 2; byte < 256; byte++)
      for (let len = 5; len <= 8; len++) keys.push(new Array<number>(len).fill(byte));
    const names = keys.map((k) => k.join(','));
    expect(new Set(names).size).toBe(keys.length);
    const dictionary = new ByteDictionary();
    const expected = new Map<string, number>();
    let seed = 7;
    for (let round = 0; round < 6; round++) {
      const order = keys.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const i of order) {
        const key = keys[i] as number[];
        const at = i % 5;
        const buffer = new Uint8Array(at + key.length + 3).fill(1);
        buffer.set(key, at);
        const index = dictionary.intern(buffer, at, at + key.length);
        const name = names[i] as string;
        expect(index, name).toBe(expected.get(name) ?? expected.size);
        if (!expected.has(name)) expected.set(name, index);
      }
    }
    expect(dictionary.size).toBe(keys.length);
  });
});
