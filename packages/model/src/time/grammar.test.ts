import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GrammarFailure, readInstantCodes, readInstantGeneral } from './grammar.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const encoder = new TextEncoder();
const modes = [
  { timeZone: undefined, disambiguation: 'reject', recordForm: false },
  { timeZone: undefined, disambiguation: 'reject', recordForm: true },
  { timeZone: 'Europe/Warsaw', disambiguation: 'reject', recordForm: false },
] as const;

/** Canonical-looking instants: any digits in each place (invalid dates too), with or without milliseconds. */
const canonicalArb = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  )
  .map(
    ([y, mo, d, h, mi, s, ms]) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${ms === undefined ? '' : `.${pad(ms, 3)}`}Z`,
  );

/** A canonical instant with one character replaced, to reach every early exit of the fast path. */
const mutatedArb = fc
  .tuple(canonicalArb, fc.nat(), fc.constantFrom('0', '9', '-', ':', 'T', ' ', '.', 'Z', 'x', '+'))
  .map(([text, at, ch]) => {
    const i = at % text.length;
    return `${text.slice(0, i)}${ch}${text.slice(i + 1)}`;
  });

describe('readInstantCodes: the canonical fast path', () => {
  it('gives the value and the failure of the general grammar (property, all modes)', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalArb, mutatedArb), fc.constantFrom(...modes), (text, mode) => {
        const bytes = encoder.encode(`..${text}..`);
        const fast: GrammarFailure = { reason: 'syntax', at: -1 };
        const general: GrammarFailure = { reason: 'syntax', at: -1 };
        const a = readInstantCodes(bytes, 2, 2 + text.length, mode, fast);
        const b = readInstantGeneral(bytes, 2, 2 + text.length, mode, general);
        expect(Object.is(a, b)).toBe(true);
        expect(fast).toEqual(general);
        // The date cache of the fast path must not carry a value over to another text.
        expect(Object.is(readInstantCodes(bytes, 2, 2 + text.length, mode), b)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // 5,000 runs take about 3 s on a quiet machine; the project's default 5 s timeout failed it under load.
  }, 30_000);

  it('reads the ECMAScript form to the value of Date.UTC (hand examples)', () => {
    const read = (text: string) => readInstantCodes(encoder.encode(text), 0, text.length, modes[0]);
    expect(read('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(read('2024-03-01T00:00:00Z')).toBe(Date.UTC(2024, 2, 1));
    expect(read('2023-02-29T00:00:00.000Z')).toBeNaN(); // not a leap year
    // 719,528 days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar (1970 × 365 + 478 leap days).
    expect(read('0000-01-01T00:00:00.000Z')).toBe(-719_528 * 86_400_000);
  });
});
