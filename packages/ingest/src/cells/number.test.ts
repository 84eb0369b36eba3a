import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecimalSeparator, numberState, parseDecimalBytes } from './number.js';

const read = (text: string, decimal: DecimalSeparator = 'auto', money = false): number | string => {
  const bytes = Buffer.from(text, 'utf8');
  const value = parseDecimalBytes(bytes, 0, bytes.length, decimal, money);
  return Number.isNaN(value) ? numberState.code : value;
};
const currency = (text: string): string => {
  const bytes = Buffer.from(text, 'utf8');
  parseDecimalBytes(bytes, 0, bytes.length, 'auto', true);
  return numberState.currencyFrom < 0
    ? ''
    : bytes.subarray(numberState.currencyFrom, numberState.currencyTo).toString('utf8');
};

describe('parseDecimalBytes', () => {
  it('reads the locale forms whose separator is certain, without a locale', () => {
    expect(read('1234')).toBe(1234);
    expect(read('1,234.50')).toBe(1234.5);
    expect(read('1.234,50')).toBe(1234.5);
    expect(read('1 234,50')).toBe(1234.5);
    expect(read('1\u00a0234,50')).toBe(1234.5); // NBSP grouping (Polish Excel)
    expect(read('1\u202f234,50')).toBe(1234.5); // narrow NBSP (French, Intl)
    expect(read("1'234.50")).toBe(1234.5); // Swiss
    expect(read('1,234,567')).toBe(1234567);
    expect(read('12,5')).toBe(12.5);
    expect(read('0,123')).toBe(0.123); // a group cannot start with 0
    expect(read('1234,567')).toBe(1234.567); // a group has at most 3 leading digits
    expect(read('1e3')).toBe(1000);
  });

  it('rejects the ambiguous forms unless the decimal separator is given', () => {
    expect(read('1,234')).toBe('ambiguous_number');
    expect(read('1.234')).toBe('ambiguous_number');
    expect(read('1,234', '.')).toBe(1234);
    expect(read('1,234', ',')).toBe(1.234);
    expect(read('1.234', ',')).toBe(1234);
    expect(read('12.50', ',')).toBe('invalid_number'); // a "." in a comma-decimal column is grouping: 50 is no group
  });

  it('reads negative forms', () => {
    expect(read('-3.5')).toBe(-3.5);
    expect(read('\u22123.5')).toBe(-3.5); // U+2212 minus sign
    expect(read('(1,234.50)')).toBe(-1234.5); // accounting
    expect(read('-0')).toBe(0);
    expect(Object.is(read('-0'), 0)).toBe(true);
    expect(read('--1')).toBe('invalid_number');
  });

  it('rejects what is not a decimal number', () => {
    for (const text of [
      '0x1A',
      'Infinity',
      'NaN',
      '',
      ' ',
      '1,2,3',
      '5.',
      '1.2.3,4',
      '12 34',
      'abc',
      '1e',
      '1,234e3',
      '1 2',
    ])
      expect(read(text), text).toMatch(/invalid_number|ambiguous_number/);
    expect(read('1e400')).toBe('number_too_large');
  });

  it('finds currency tokens before or after the amount', () => {
    expect(read('1 234,50 zł', 'auto', true)).toBe(1234.5);
    expect(currency('1 234,50 zł')).toBe('zł');
    expect(currency('€12.50')).toBe('€');
    expect(currency('PLN 1.234,50')).toBe('PLN');
    expect(read('-$5.00', 'auto', true)).toBe(-5);
    expect(read('$-5.00', 'auto', true)).toBe(-5);
    expect(read('12 zł', 'auto', false)).toBe('invalid_number'); // not a money field: no token
  });

  it('agrees with Intl.NumberFormat output in en-US, pl-PL, de-DE and de-CH (property)', () => {
    // Independent source: the engine's ICU formatter writes the locale forms a spreadsheet would export.
    const locales: Array<[string, DecimalSeparator]> = [
      ['en-US', '.'],
      ['pl-PL', ','],
      ['de-DE', ','],
      ['de-CH', '.'],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom(...locales),
        (cents, [locale, decimal]) => {
          const text = new Intl.NumberFormat(locale, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
            useGrouping: true,
          }).format(cents / 100);
          expect(read(text, decimal)).toBe(cents / 100);
        },
      ),
    );
  });

  it('equals Number() on plain decimals (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 6 }),
        (v, digits) => {
          const text = v.toFixed(digits);
          const expected = Number(text);
          const got = read(text, '.');
          expect(got).toBe(expected === 0 ? 0 : expected);
        },
      ),
    );
  });
});
