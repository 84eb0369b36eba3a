import { instantSchema } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_FORMATTED_MS, InstantFormatter, LAST_FORMATTED_MS } from './instant-format.js';

// The reference is the platform's own Date.prototype.toISOString (ECMA-262 §21.4.4.36), and the model's
// instantSchema for validity.
describe('InstantFormatter', () => {
  it('writes the same string as toISOString at the edges of the four-digit years and of a day', () => {
    const f = new InstantFormatter();
    expect(f.format(FIRST_FORMATTED_MS)).toBe('0000-01-01T00:00:00.000Z');
    expect(f.format(LAST_FORMATTED_MS)).toBe('9999-12-31T23:59:59.999Z');
    expect(f.format(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(f.format(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(f.format(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59.999Z');
    // outside the table's range, and fractional milliseconds, toISOString itself
    expect(f.format(LAST_FORMATTED_MS + 1)).toBe('+010000-01-01T00:00:00.000Z');
    expect(f.format(FIRST_FORMATTED_MS - 1)).toBe('-000001-12-31T23:59:59.999Z');
    expect(f.format(1.5)).toBe(new Date(1.5).toISOString());
  });

  it('equals toISOString for every instant, with days that share a table slot', () => {
    const f = new InstantFormatter();
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: FIRST_FORMATTED_MS - day, max: LAST_FORMATTED_MS + day }),
          // days 4,096 apart land in one slot of the day table
          fc
            .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: day - 1 }))
            .map(([k, t]) => Date.UTC(2020, 0, 1) + k * 4096 * day + t),
        ),
        (ms) => {
          expect(f.format(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('gives strings the model accepts as instants over the whole table range (the fast path relies on it)', () => {
    const f = new InstantFormatter();
    fc.assert(
      fc.property(fc.integer({ min: FIRST_FORMATTED_MS, max: LAST_FORMATTED_MS }), (ms) => {
        expect(instantSchema.safeParse(f.format(ms)).success).toBe(true);
      }),
      { numRuns: 5_000 },
    );
    for (const ms of [FIRST_FORMATTED_MS, LAST_FORMATTED_MS, Date.UTC(2000, 1, 29, 12)])
      expect(instantSchema.safeParse(f.format(ms)).success).toBe(true);
  });
});
