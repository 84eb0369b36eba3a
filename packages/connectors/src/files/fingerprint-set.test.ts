import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from './fingerprint-set.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

describe('FingerprintSet', () => {
  it('answers like a Set of the texts, through growth (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (texts) => {
        const set = new FingerprintSet();
        const reference = new Set<string>();
        for (const text of texts)
          expect(set.add(digest(text))).toBe(!reference.has(text) && !!reference.add(text));
        expect(set.size).toBe(reference.size);
      }),
    );
  });

  it('holds 13 bytes per slot and stays at most two-thirds full', () => {
    const set = new FingerprintSet();
    for (let i = 0; i < 200_000; i++) set.add(digest(String(i)));
    // 200 000 members need more than 300 000 slots: 2^19 = 524 288 slots of 13 bytes
    expect(set.size).toBe(200_000);
    expect(set.bytes).toBe(2 ** 19 * 13);
  });
});
