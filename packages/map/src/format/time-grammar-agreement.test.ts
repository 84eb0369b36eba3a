// The map states the model's calendar-date and instant grammars as regular expressions (DATE_PATTERN,
// INSTANT_PATTERN), because its published JSON Schema must accept exactly what its parser accepts and JSON Schema
// has no grammar of its own for them. These properties hold the two statements to one grammar: for every string,
// the map's pattern and @cx/model's schema give the same answer.
import { calendarDateSchema, instantSchema } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, INSTANT_PATTERN } from './strings.js';

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
/** Dates near and off the calendar's edges: any year (leap rules, 0000), months 00–13, days 00–32. */
const date = fc
  .tuple(
    fc.oneof(digits(4), fc.constantFrom('0000', '1900', '2000', '2024', '2100', '2400', '9999')),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const time = fc
  .tuple(
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.oneof(
      fc.constant(''),
      fc.constant('.'),
      digits(1).map((f) => `.${f}`),
      fc.stringMatching(/^\.[0-9]{1,12}$/),
    ),
    fc.constantFrom('Z', 'Z', 'Z', 'z', '+01:00', '-00:00', ''),
  )
  .map(
    ([h, m, s, f, zone]) =>
      `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${f}${zone}`,
  );
/** A string with one character changed, dropped or added: the malformed neighbours of a valid form. */
const mutate = (s: string) =>
  fc
    .tuple(
      fc.nat({ max: s.length }),
      fc.constantFrom('drop', 'add', 'swap'),
      fc.constantFrom('0', '9', 'T', ' ', '-', ':', 'Z', '.', 'x'),
    )
    .map(([at, op, c]) =>
      op === 'drop'
        ? s.slice(0, at) + s.slice(at + 1)
        : op === 'add'
          ? s.slice(0, at) + c + s.slice(at)
          : s.slice(0, at) + c + s.slice(at + 1),
    );

describe('the map and @cx/model read dates and instants by one grammar', () => {
  it('calendar dates: DATE_PATTERN agrees with calendarDateSchema', () => {
    fc.assert(
      fc.property(fc.oneof(date, date.chain(mutate)), (s) => {
        expect(DATE_PATTERN.test(s)).toBe(calendarDateSchema.safeParse(s).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('instants: INSTANT_PATTERN agrees with instantSchema', () => {
    const instant = fc
      .tuple(date, fc.constantFrom('T', 'T', 't', ' '), time)
      .map(([d, t, h]) => `${d}${t}${h}`);
    fc.assert(
      fc.property(fc.oneof(instant, instant.chain(mutate)), (s) => {
        expect(INSTANT_PATTERN.test(s)).toBe(instantSchema.safeParse(s).success);
      }),
      { numRuns: 3000 },
    );
  });
});
