import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('splits Polish text into words, keeps diacritics and lower-cases them', () => {
    const tokens = tokenize('Kurier SPÓŹNIŁ się o 3 dni, żenada!', 'pl');
    expect(tokens.map((t) => [t.kind, t.norm])).toEqual([
      ['word', 'kurier'],
      ['word', 'spóźnił'],
      ['word', 'się'],
      ['word', 'o'],
      ['number', '3'],
      ['word', 'dni'],
      ['punct', ','],
      ['word', 'żenada'],
      ['punct', '!'],
    ]);
  });
  it('keeps English contractions whole and records offsets', () => {
    const tokens = tokenize("I don't like it", 'en');
    expect(tokens.map((t) => t.norm)).toEqual(['i', "don't", 'like', 'it']);
    expect(tokens[2]?.index).toBe(8);
  });
  it('keeps emoji, including ZWJ sequences and flags, as single tokens', () => {
    const tokens = tokenize('ok 👍🏽 👨‍👩‍👧 🇵🇱', 'unknown');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'emoji', 'emoji', 'emoji']);
    expect(tokens[2]?.text).toBe('👨‍👩‍👧');
  });
  it('handles mixed scripts and malformed Unicode without throwing', () => {
    const tokens = tokenize('Доставка ok 快递 \uD800 fine', 'en');
    expect(tokens.map((t) => t.norm)).toContain('доставка');
    expect(tokens.map((t) => t.norm)).toContain('fine');
  });
  it('never throws and yields tokens in increasing offset order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('en', 'pl', 'unknown' as const),
        (s, l) => {
          const tokens = tokenize(s, l);
          for (let i = 1; i < tokens.length; i++) {
            expect(tokens[i]!.index).toBeGreaterThan(tokens[i - 1]!.index);
          }
        },
      ),
    );
  }, 30_000);
});
