import { describe, expect, it } from 'vitest';
import { CxLimitError } from '../errors/limit-error.js';
import { CxOptionsError } from '../errors/options-error.js';
import { CxValidationError } from '../errors/validation-error.js';
import { compilePattern } from './compile-pattern.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('compilePattern', () => {
  it('keeps the source and flags, and reports its size in instructions', () => {
    const pattern = compilePattern('^(a|b)+$', { flags: 'i' });
    expect(pattern.source).toBe('^(a|b)+$');
    expect(pattern.flags).toBe('i');
    // ^, split, a, jump, b, split back, $, match: 8 instructions.
    expect(pattern.size).toBe(8);
    expect(compilePattern('').flags).toBe('');
  });

  it('answers again and again with the same compiled pattern (buffers are reused)', () => {
    const pattern = compilePattern('b+c');
    const texts = ['abbc', 'abb', 'bc', '', 'xxbbbbbbc', 'c'];
    const answers = texts.map((t) => pattern.test(t));
    expect(answers).toEqual([true, false, true, false, true, false]);
    expect(texts.map((t) => pattern.test(t))).toEqual(answers);
  });

  it('matches anywhere like RegExp.prototype.test, the empty pattern everywhere', () => {
    expect(compilePattern('').test('')).toBe(true);
    expect(compilePattern('').test('anything')).toBe(true);
    expect(compilePattern('$').test('abc')).toBe(true);
    expect(compilePattern('^$').test('abc')).toBe(false);
  });

  it('rejects options that are not { flags: "" | "i" }', () => {
    const typo = thrown(() => compilePattern('a', { flag: 'i' } as never)) as CxOptionsError;
    expect(typo).toBeInstanceOf(CxOptionsError);
    expect(typo.issues[0]).toMatchObject({ path: ['flag'], code: 'unknown_option', suggestion: 'flags' });
    for (const flags of ['g', 'u', 'iu', 'I', null]) {
      const error = thrown(() => compilePattern('a', { flags } as never)) as CxOptionsError;
      expect(error).toBeInstanceOf(CxOptionsError);
      expect(error.issues[0]?.path).toEqual(['flags']);
    }
    const nullOptions = thrown(() => compilePattern('a', null as never)) as CxOptionsError;
    expect(nullOptions.issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
  });

  it('rejects a source or a text that is not a string, instead of reading "undefined"', () => {
    for (const source of [undefined, 42, null, /a/]) {
      const error = thrown(() => compilePattern(source as never)) as CxValidationError;
      expect(error).toBeInstanceOf(CxValidationError);
      expect(error.issues[0]?.code).toBe('invalid_type');
    }
    const pattern = compilePattern('undefined');
    const error = thrown(() => pattern.test(undefined as never)) as CxValidationError;
    expect(error).toBeInstanceOf(CxValidationError);
    expect(error.issues[0]?.code).toBe('invalid_type');
  });

  it('states an invalid pattern once: code, message with index and excerpt, column', () => {
    const error = thrown(() => compilePattern('ok|(?!no)')) as CxValidationError;
    expect(error.issues).toEqual([
      {
        path: [],
        code: 'invalid_pattern',
        message: 'Invalid pattern at index 3 ("(?!no)"): Lookahead assertions (?= and (?! are not supported',
        column: 4,
      },
    ]);
    expect(error.message).toBe(
      'Invalid input: 1 issue\n  at /: Invalid pattern at index 3 ("(?!no)"): Lookahead assertions (?= and (?! are not supported',
    );
  });

  it('states a pattern that is too large as a CxLimitError with the bound and the size asked for', () => {
    const error = thrown(() => compilePattern('x{2000}')) as CxLimitError;
    expect(error).toBeInstanceOf(CxLimitError);
    expect(error).toMatchObject({ code: 'too_large', limit: 1000, actual: 2000, path: [] });
    expect(error.message).toBe(
      'Pattern too large at index 1 ("{2000}"): Quantifier count 2000 is larger than 1000 (limit 1000)',
    );
  });

  it('does what docs/model.md says in its Patterns section', () => {
    expect(compilePattern('^(add_to_cart|begin_checkout|purchase)$').size).toBe(40); // "10 to 50 instructions"
    expect(compilePattern('^(a+)+$').test(`${'a'.repeat(100_000)}b`)).toBe(false);
    expect(compilePattern('^zamówienie', { flags: 'i' }).test('ZAMÓWIENIE_OPŁACONE')).toBe(true);
    expect(compilePattern('(a{100}){99}').size).toBe(9901);
    expect(thrown(() => compilePattern('(a{100}){100}'))).toBeInstanceOf(CxLimitError);
  });
});
