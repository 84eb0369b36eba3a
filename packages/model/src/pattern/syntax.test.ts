// What the subset accepts and rejects, with the position of every rejection. Each rejected construct is real
// JavaScript syntax (RegExp with the u flag accepts it) or a u-flag syntax error; the table says which.
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../errors/validation-error.js';
import { compilePattern } from './compile-pattern.js';

function rejection(source: string): { index: number; message: string } {
  try {
    compilePattern(source);
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error;
    const issue = error.issues[0];
    expect(error.issues).toHaveLength(1);
    expect(issue?.code).toBe('invalid_pattern');
    expect(issue?.path).toEqual([]);
    return { index: (issue?.column ?? 0) - 1, message: issue?.message ?? '' };
  }
  throw new Error(`${source} was accepted`);
}

const acceptedByRegExp = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

describe('unsupported JavaScript constructs are rejected with their position', () => {
  const unsupported: ReadonlyArray<readonly [source: string, index: number, says: RegExp]> = [
    ['(a)\\1', 3, /Backreferences \(\\1\) are not supported/],
    ['x(?<n>a)\\k<n>', 1, /Named groups/],
    ['ab(?=c)', 2, /Lookahead assertions/],
    ['ab(?!c)', 2, /Lookahead assertions/],
    ['a(?<=b)c', 1, /Lookbehind assertions/],
    ['a(?<!b)c', 1, /Lookbehind assertions/],
    ['\\bword', 0, /Word-boundary assertions \(\\b\)/],
    ['word\\B', 4, /Word-boundary assertions \(\\B\)/],
    ['x\\p{L}', 1, /Unicode property escapes \(\\p\{…\}\)/],
    ['x\\P{Lu}', 1, /Unicode property escapes \(\\P\{…\}\)/],
    ['[\\p{L}]', 1, /Unicode property escapes/],
  ];
  for (const [source, index, says] of unsupported) {
    it(`${source}: index ${index}`, () => {
      expect(acceptedByRegExp(source)).toBe(true);
      const { index: at, message } = rejection(source);
      expect(at).toBe(index);
      expect(message).toMatch(says);
      expect(message).toContain(`at index ${index} (`);
    });
  }
});

describe('malformed patterns (u-flag syntax errors) are rejected with their position', () => {
  const malformed: ReadonlyArray<readonly [source: string, index: number, says: RegExp]> = [
    ['ab(c', 2, /Unterminated group/],
    ['a)', 1, /Unmatched "\)"/],
    ['[abc', 0, /Unterminated character class/],
    ['*a', 0, /Nothing to repeat/],
    ['a**', 2, /Nothing to repeat/],
    ['^*', 1, /Nothing to repeat/],
    ['a|+', 2, /Nothing to repeat/],
    ['a{2}{3}', 4, /Nothing to repeat/],
    ['a{', 1, /Incomplete quantifier/],
    ['a{1', 1, /Incomplete quantifier/],
    ['a{,2}', 1, /Incomplete quantifier/],
    ['a{3,2}', 1, /out of order/],
    ['x{', 1, /Incomplete quantifier/],
    ['}', 0, /Lone "}"/],
    [']', 0, /Lone "]"/],
    ['[z-a]', 1, /Range out of order/],
    ['[\\d-z]', 1, /class escape such as \\d cannot bound a range/],
    ['[a-\\w]', 1, /class escape/],
    ['ab\\', 2, /lone "\\"/],
    ['\\a', 0, /Invalid escape "\\a"/],
    ['\\-', 0, /Invalid escape "\\-"/],
    ['\\01', 0, /Octal escapes/],
    ['\\c1', 0, /Expected a letter after \\c/],
    ['\\x4', 0, /2 hexadecimal digits/],
    ['\\u12', 0, /4 hexadecimal digits/],
    ['\\u{}', 0, /hexadecimal digits/],
    ['\\u{110000}', 0, /at most \\u\{10FFFF\}/],
    ['(?i:a)', 0, /Unsupported group syntax/],
    ['(?', 0, /Unsupported group syntax/],
    ['[\\B]', 1, /Invalid escape "\\B" in a class/],
    ['\\k', 0, /Named backreferences/],
  ];
  for (const [source, index, says] of malformed) {
    it(`${JSON.stringify(source)}: index ${index}`, () => {
      const { index: at, message } = rejection(source);
      expect(at).toBe(index);
      expect(message).toMatch(says);
    });
  }

  it('RegExp with the u flag rejects every one of them too', () => {
    const accepted = malformed.map(([source]) => source).filter(acceptedByRegExp);
    // (?i:…) modifiers are newer JavaScript than Node 20 knows; if the runtime accepts them, they are unsupported.
    expect(accepted.filter((source) => source !== '(?i:a)')).toEqual([]);
  });

  it('reports the index in UTF-16 code units, after astral characters', () => {
    expect(rejection('😀😀(?=a)').index).toBe(4);
  });

  it('quotes at most 12 code units of the source after the position', () => {
    expect(rejection(`(?=${'a'.repeat(50)})`).message).toContain('("(?=aaaaaaaaa…")');
  });
});

describe('accepted syntax', () => {
  // Expected answers follow ECMA-262 with the u flag (each was also checked against RegExp by hand).
  const cases: ReadonlyArray<readonly [source: string, text: string, matches: boolean]> = [
    ['^(add_to_cart|begin_checkout|purchase)$', 'begin_checkout', true],
    ['^(add_to_cart|begin_checkout|purchase)$', 'purchase_refund', false],
    ['view_', 'page_view_item', true], // a match anywhere, like RegExp.prototype.test
    ['^item$', 'item\n', false], // no m flag: $ is the end of the text only
    ['a.c', 'a\nc', false], // no s flag: . stops at line terminators
    ['a.c', 'a😀c', true], // . is one code point
    ['^.$', '\ud83d', true], // a lone surrogate is a code point of its own
    ['^\\uD83D\\uDE00$', '😀', true], // an escaped surrogate pair is one code point
    ['\\uD83D', '😀', false], // ... and half of it does not match the pair
    ['[😀-😂]{2}', 'x😁😂', true],
    ['^[^]*$', 'any\nthing', true],
    ['[]', '', false],
    ['^(?:)$', '', true],
    ['^a{2,3}$', 'aaaa', false],
    ['^a{2,}$', 'aaaaaa', true],
    ['^(a|)+$', 'aaa', true],
    ['^(?:a*)*b$', 'aaab', true],
    ['^[\\w-]+$', 'add-to_cart', true],
    ['^[\\b]$', '\b', true], // \b in a class is a backspace
    ['^\\cJ$', '\n', true],
    ['^\\x41\\u0042\\u{43}$', 'ABC', true],
    ['^\\0$', '\0', true],
    ['^\\/$', '/', true],
    ['^a+?$', 'aaa', true], // a lazy quantifier matches the same texts
    ['^a{1,2}?b??$', 'aa', true],
    ['^\\s+$', '\u00a0\u2028\ufeff\t', true],
    ['^\\d$', '٣', false], // \d is ASCII only
  ];
  for (const [source, text, matches] of cases) {
    it(`${source} on ${JSON.stringify(text)}: ${matches}`, () => {
      expect(compilePattern(source).test(text)).toBe(matches);
    });
  }

  it('matches case-insensitively with simple case folding, as RegExp /ui', () => {
    const i = (source: string) => compilePattern(source, { flags: 'i' });
    expect(i('^straße$').test('STRAẞE')).toBe(true); // ẞ (U+1E9E) folds to ß
    expect(i('^strasse$').test('STRAßE')).toBe(false); // simple folding: ß is not "ss"
    expect(i('^s$').test('ſ')).toBe(true); // long s folds to s
    expect(i('^k$').test('\u212a')).toBe(true); // the Kelvin sign folds to k
    expect(i('^i$').test('ı')).toBe(false); // dotless i folds only to itself
    expect(i('^\\w$').test('ſ')).toBe(true); // \w with i: the characters that fold into [a-z0-9_]
    expect(i('^\\W$').test('ſ')).toBe(false);
    expect(i('^[^k]$').test('K')).toBe(false); // a negated class is complemented after folding
    expect(i('^[a-z]+$').test('ŁÓDŹ')).toBe(false);
    expect(i('^[a-zł-ź]+$').test('ŁÓDZ')).toBe(false); // Ó (U+00D3) is outside ł-ź
    expect(i('^łódź$').test('ŁÓDŹ')).toBe(true);
    expect(compilePattern('^łódź$').test('ŁÓDŹ')).toBe(false);
  });
});
