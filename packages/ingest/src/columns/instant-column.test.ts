// An instant column read column at a time (the last date's shortcut and the days the grammar read before, see
// CanonicalDays) against the instant grammar of @cx/model read cell by cell: the same instants, the same rows
// rejected. The cells go back and forth between dates (so that a date comes again after others), with times at the
// bounds of each field, one byte changed, and dates that do not exist.
import { createInstantReader } from '@cx/model';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defineMapping } from '../mapping/mapping.js';
import { readColumns } from './read-columns.js';
import { columnAtATime } from './record-batch.js';

const mapping = defineMapping({
  kind: 'interaction',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    timestamp: 'at',
    name: { value: 'e' },
    channel: { value: 'web' },
  },
});

/** The instants of the rows kept, and the lines of the rows rejected, by the column path. */
async function read(
  cells: readonly string[],
  capacity: number,
): Promise<{ ms: number[]; rejected: number[] }> {
  columnAtATime.capacity = capacity;
  const rejected: number[] = [];
  const stream = readColumns(
    { text: `who,at\n${cells.map((c) => `c,${c}`).join('\n')}\n` },
    {
      format: 'csv',
      mapping,
      fields: ['customerId', 'timestamp'],
      keepDeadLetters: 0,
      onDeadLetter: (letter) => rejected.push(letter.line),
    },
  );
  const ms: number[] = [];
  for await (const batch of stream) ms.push(...(batch.columns.timestamp as Float64Array));
  return { ms, rejected };
}

/** What the grammar gives, cell by cell. */
function reference(cells: readonly string[]): { ms: number[]; rejected: number[] } {
  const grammar = createInstantReader({});
  const ms: number[] = [];
  const rejected: number[] = [];
  cells.forEach((c, i) => {
    const bytes = new TextEncoder().encode(c);
    const value = grammar.parseBytes(bytes, 0, bytes.length);
    if (Number.isNaN(value)) rejected.push(i + 2);
    else ms.push(value);
  });
  return { ms, rejected };
}

afterEach(() => {
  columnAtATime.capacity = 1 << 13;
});

describe('instant columns read column at a time', () => {
  it('read a date seen before, not the last one, to the same day (hand-checked)', async () => {
    const cells = [
      '2024-01-30T10:00:00Z',
      '2024-01-31T10:00:00.250Z',
      '2024-01-30T23:59:59.999Z', // a date seen two cells before
      '2024-01-31T24:00:00.000Z', // a known date, no time of day: rejected
      '2024-01-31T00:00:00Z',
      '2023-02-29T00:00:00Z', // no such date: rejected
      '2024-01-30T00:00:00.000Z',
    ];
    const out = await read(cells, 1 << 13);
    expect(out.ms).toEqual([
      Date.UTC(2024, 0, 30, 10),
      Date.UTC(2024, 0, 31, 10, 0, 0, 250),
      Date.UTC(2024, 0, 30, 23, 59, 59, 999),
      Date.UTC(2024, 0, 31),
      Date.UTC(2024, 0, 30),
    ]);
    expect(out.rejected).toEqual([5, 7]);
  });

  it('read a short cell at the very end of the input after a canonical one (no load past the end)', async () => {
    columnAtATime.capacity = 1 << 13;
    const rejected: number[] = [];
    const stream = readColumns(
      { text: 'who,at\nc,2024-01-31T10:00:00Z\nc,2024-01' },
      {
        format: 'csv',
        mapping,
        fields: ['customerId', 'timestamp'],
        keepDeadLetters: 0,
        onDeadLetter: (letter) => rejected.push(letter.line),
      },
    );
    const ms: number[] = [];
    for await (const batch of stream) ms.push(...(batch.columns.timestamp as Float64Array));
    expect(ms).toEqual([Date.UTC(2024, 0, 31, 10)]);
    expect(rejected).toEqual([3]);
  });

  it('give the grammar’s instant or rejection for every cell, in any order (property)', async () => {
    const date = fc.constantFrom(
      '2024-01-30',
      '2024-01-31',
      '2024-02-29',
      '2023-02-29',
      '0000-01-01',
      '9999-12-31',
    );
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const canonical = fc
      .tuple(date, two(23), two(59), two(59), fc.integer({ min: 0, max: 999 }), fc.boolean())
      .map(
        ([d, h, m, s, f, short]) => `${d}T${h}:${m}:${s}${short ? '' : `.${String(f).padStart(3, '0')}`}Z`,
      );
    const mutated = fc
      .tuple(
        canonical,
        fc.nat(23),
        fc.constantFrom('/', ':', '0', '9', '.', 'Z', 'T', ' ', '2', '3', '5', '6', 'a'),
      )
      .map(([text, at, c]) => text.slice(0, at) + c + text.slice(at + 1));
    const bounds = fc
      .tuple(date, fc.constantFrom('00', '23', '24', '29'), fc.constantFrom('00', '59', '60'))
      .map(([d, h, m]) => `${d}T${h}:${m}:59.000Z`);
    const cell = fc.oneof(
      { arbitrary: canonical, weight: 4 },
      { arbitrary: mutated, weight: 2 },
      { arbitrary: bounds, weight: 2 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(1, 3, 1 << 13),
        async (cells, capacity) => {
          expect(await read(cells, capacity)).toEqual(reference(cells));
        },
      ),
      { numRuns: 300 },
    );
  });
});
