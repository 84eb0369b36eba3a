import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldPolish } from './fold.js';

describe('foldPolish', () => {
  it('maps the nine Polish letters to their base letters', () => {
    expect(foldPolish('ąćęłńóśźż')).toBe('acelnoszz');
    expect(foldPolish('dziękuję, źle, żółw')).toBe('dziekuje, zle, zolw');
  });
  it('leaves other text alone and is idempotent', () => {
    expect(foldPolish('café naïve')).toBe('café naïve');
    fc.assert(fc.property(fc.string(), (s) => foldPolish(foldPolish(s)) === foldPolish(s)));
  });
});
