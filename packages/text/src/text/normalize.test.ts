import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankText, normalizeText } from './normalize.js';

describe('normalizeText', () => {
  it('replaces lone high and low surrogates but keeps valid pairs', () => {
    expect(normalizeText('a\uD800b')).toBe('a\uFFFDb');
    expect(normalizeText('a\uDC00')).toBe('a\uFFFD');
    expect(normalizeText('\uD800')).toBe('\uFFFD');
    expect(normalizeText('😀\uD83D')).toBe('😀\uFFFD');
    expect(normalizeText('😀')).toBe('😀');
  });
  it('composes to NFC and straightens apostrophes', () => {
    // 'z' + combining dot above (U+0307) composes to 'ż' (U+017C).
    expect(normalizeText('z\u0307')).toBe('\u017C');
    expect(normalizeText('don’t')).toBe("don't");
  });
  it('always returns well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        const out = normalizeText(s);
        expect(() => encodeURIComponent(out)).not.toThrow();
      }),
    );
  }, 30_000);
});

describe('isBlankText', () => {
  it('treats white space, zero-width and control characters as blank', () => {
    expect(isBlankText('')).toBe(true);
    expect(isBlankText(' \t\n\u00A0\u200B\uFEFF\u0000')).toBe(true);
    expect(isBlankText(' . ')).toBe(false);
    expect(isBlankText('😀')).toBe(false);
  });
});
