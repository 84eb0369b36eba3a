// The fast path for canonical instant cells against the general one: the field reader must give, cell after cell,
// exactly the instant grammar of @cx/model (`createInstantReader`, the one grammar) written back by `toISOString`
// (ECMA-262), or fail where the grammar fails. The cells share dates (so that the fast path is taken) and vary the
// time of day around every bound, the separators and the length.
import { createInstantReader } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalInstants } from './canonical-instant.js';
import { FAILED, FieldReader, type MISSING } from './field-reader.js';
import type { MappedField } from './mapping.js';

const encoder = new TextEncoder();

const spec = (timeZone?: string): MappedField => ({
  field: 'timestamp',
  type: 'instant',
  source: 'column',
  column: 'at',
  decimal: '.',
  ...(timeZone === undefined ? {} : { timeZone }),
});

/** What the general path gives: the grammar's instant in the canonical form, or FAILED. */
function reference(text: string, timeZone?: string): string | typeof FAILED {
  const read = createInstantReader(timeZone === undefined ? {} : { timeZone });
  const bytes = encoder.encode(text);
  const ms = read.parseBytes(bytes, 0, bytes.length);
  return Number.isNaN(ms) ? FAILED : new Date(ms).toISOString();
}

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
// dates (valid, a leap day, the ends of the four-digit years, and dates that do not exist)
const date = fc.constantFrom(
  '2024-06-01',
  '2024-06-02',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '0000-01-01',
  '9999-12-31',
  '2024-6-01',
);
const canonical = fc
  .tuple(date, two(23), two(59), two(59), fc.integer({ min: 0, max: 999 }))
  .map(([d, h, m, sec, f]) => `${d}T${h}:${m}:${sec}.${String(f).padStart(3, '0')}Z`);
// one byte changed, to a character at the edges of the digits or of the form
const mutated = fc
  .tuple(
    canonical,
    fc.nat(23),
    fc.constantFrom('/', ':', '0', '9', '.', 'Z', 'z', 'T', ' ', '+', '2', '3', '5', '6', 'a'),
  )
  .map(([text, at, c]) => text.slice(0, at) + c + text.slice(at + 1));
// the bounds of each field of the time of day
const bounds = fc
  .tuple(
    date,
    fc.constantFrom('00', '19', '20', '23', '24', '29', '30'),
    fc.constantFrom('00', '59', '60', '69'),
  )
  .chain(([d, h, m]) => fc.constantFrom('00', '59', '60', '69').map((sec) => `${d}T${h}:${m}:${sec}.000Z`));
const cell = fc.oneof(
  { arbitrary: canonical, weight: 3 },
  { arbitrary: mutated, weight: 4 },
  { arbitrary: bounds, weight: 2 },
  // other forms of the grammar, and other lengths, with the same dates
  fc
    .tuple(date, two(23), fc.constantFrom('Z', '.5Z', '.25Z', '.1234Z', '.000+02:00', ':00', '.000 Z', ''))
    .map(([d, h, rest]) => `${d}T${h}:00:00${rest}`),
  fc.tuple(date, two(23)).map(([d, h]) => `${d} ${h}:00:00.000Z`),
  date,
);

/** Reads `cells` one after another in one buffer (offsets vary) with one reader, as a column is read. */
function readAll(cells: readonly string[], timeZone?: string): Array<unknown> {
  const reader = new FieldReader(spec(timeZone), 'reject');
  const bytes = encoder.encode(cells.join(','));
  const out: unknown[] = [];
  let at = 0;
  for (const c of cells) {
    const n = encoder.encode(c).length;
    const value: unknown = reader.fromBytes(bytes, at, at + n);
    out.push(value === FAILED ? FAILED : (value as string | typeof MISSING));
    at += n + 1;
  }
  return out;
}

describe('CanonicalInstants', () => {
  it('reads canonical cells with a known date as the grammar does, and leaves the rest to it', () => {
    const instants = new CanonicalInstants();
    const bytes = encoder.encode(
      '2024-06-01T10:20:30.456Z|2024-06-01T23:59:59.999Z|2024-06-01T24:00:00.000Z',
    );
    // no date known yet: the grammar's turn
    expect(instants.read(bytes, 0, 24)).toBeUndefined();
    instants.accepted(bytes, 0, 24);
    expect(instants.read(bytes, 25, 49)).toBe('2024-06-01T23:59:59.999Z');
    // hour 24 is not a time of day
    expect(instants.read(bytes, 50, 74)).toBeUndefined();
    // a date followed by a space is not remembered
    const spaced = encoder.encode('2024-06-02 10:00|2024-06-02T10:00:00.000Z');
    instants.accepted(spaced, 0, 16);
    expect(instants.read(spaced, 17, 41)).toBeUndefined();
  });

  it('gives the field reader the grammar’s value or failure for every cell, in any order', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.boolean(), (cells, zoned) => {
        const timeZone = zoned ? 'Europe/Warsaw' : undefined;
        const got = readAll(cells, timeZone);
        cells.forEach((c, i) => {
          expect(got[i], c).toBe(reference(c, timeZone));
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for most cells of a day of events', () => {
    const instants = new CanonicalInstants();
    let fast = 0;
    const start = Date.UTC(2024, 5, 1);
    for (let k = 0; k < 1000; k++) {
      const text = new Date(start + k * 86_399).toISOString();
      const bytes = encoder.encode(text);
      const own = instants.read(bytes, 0, 24);
      if (own === undefined) instants.accepted(bytes, 0, 24);
      else {
        fast++;
        expect(own).toBe(text);
      }
    }
    expect(fast).toBe(999);
  });
});
