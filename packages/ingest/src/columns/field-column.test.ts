// A dictionary column's values: each distinct value once, in order of first appearance, whether the column interns
// without lookups (raw bytes decoded losslessly) or through its value map (several raw values, one value).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineMapping } from '../mapping/mapping.js';
import { readColumns } from './read-columns.js';

const mapping = defineMapping({
  kind: 'order',
  fields: {
    id: { generate: 'line' },
    customerId: 'who',
    orderedAt: 'at',
    amount: { value: 1 },
    currency: { value: 'EUR' },
    // Two raw values map to 'paid', and 'paid' itself is also a raw value of the column.
    status: {
      column: 'state',
      values: { completed: 'paid', paid: 'paid', wc_refunded: 'refunded', placed: 'placed' },
    },
  },
});

/** The decoded cells of `field`, row by row, through the column's dictionary. */
async function decoded(csv: string, chunkBytes: number) {
  const stream = readColumns(
    { text: csv },
    { format: 'csv', mapping, fields: ['customerId', 'status'], chunkBytes, keepDeadLetters: 100 },
  );
  const who: number[] = [];
  const state: number[] = [];
  for await (const batch of stream) {
    who.push(...(batch.columns.customerId as Int32Array));
    state.push(...(batch.columns.status as Int32Array));
  }
  return {
    who: who.map((i) => stream.dictionary('customerId')[i]),
    state: state.map((i) => stream.dictionary('status')[i]),
    whoDictionary: stream.dictionary('customerId'),
    stateDictionary: stream.dictionary('status'),
  };
}

describe('dictionary columns', () => {
  it('hold each value once in order of first appearance, with any repetition and chunk size (property)', async () => {
    const row = fc.record({
      who: fc.constantFrom('a', 'b', 'ab', 'ä', 'a\u0308', 'Zürich', 'c'.repeat(70)),
      state: fc.constantFrom('completed', 'paid', 'wc_refunded', 'placed'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1024, max: 2048 }),
        async (rows, chunkBytes) => {
          const csv = `who,at,state\n${rows.map((r) => `${r.who},2024-01-01T10:00:00Z,${r.state}`).join('\n')}\n`;
          const out = await decoded(csv, chunkBytes);
          const mapped: Record<string, string> = {
            completed: 'paid',
            paid: 'paid',
            wc_refunded: 'refunded',
            placed: 'placed',
          };
          expect(out.who).toEqual(rows.map((r) => r.who));
          expect(out.state).toEqual(rows.map((r) => mapped[r.state]));
          // Each value once ('ä' and 'a' + combining diaeresis are different texts, as their bytes are).
          expect(out.whoDictionary).toEqual([...new Set(rows.map((r) => r.who))]);
          expect(out.stateDictionary).toEqual([...new Set(rows.map((r) => mapped[r.state]))]);
        },
      ),
    );
  });

  it('a value map that sends two raw values to one value gives that value one index', async () => {
    const out = await decoded(
      'who,at,state\na,2024-01-01T10:00:00Z,completed\nb,2024-01-01T10:00:00Z,paid\n',
      1 << 16,
    );
    // Hand check: 'completed' → 'paid' (index 0), then raw 'paid' → 'paid' again, the same index.
    expect(out.stateDictionary).toEqual(['paid']);
    expect(out.state).toEqual(['paid', 'paid']);
  });
  it('tell apart consecutive cells that share their length and first and last four bytes', async () => {
    // The batch compares a cell with the one before it by length, edge words and the bytes between them: here
    // neighbours differ only in the middle (longer than eight bytes), in the last byte, or only in length ('aaaa',
    // 'aaaaa': the same edge words), and short cells differ in one byte or in length.
    const cells = [
      'abcd-1-efgh',
      'abcd-2-efgh',
      'abcd-2-efgh',
      'abcd-1-efgh',
      'abcdX',
      'abcdY',
      'aaaa',
      'aaaaa',
      'aaaaaaaa',
      'aaaaa',
      'a',
      'b',
      'ba',
      'bab',
      'bac',
      'abcd-1-efgh',
    ];
    const csv = `who,at,state\n${cells.map((c) => `${c},2024-01-01T10:00:00Z,paid`).join('\n')}\n`;
    const out = await decoded(csv, 1 << 16);
    expect(out.who).toEqual(cells);
    expect(out.whoDictionary).toEqual([...new Set(cells)]);
  });
});
