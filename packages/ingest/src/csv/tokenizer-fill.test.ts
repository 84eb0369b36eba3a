import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecordTarget, CsvTokenizer } from './tokenizer.js';

/** Each record of `bytes` as `line: field|field|…` by `next` alone (every field). */
function byNext(bytes: Uint8Array, delimiter: number): string[] {
  const t = new CsvTokenizer(delimiter);
  t.reset(bytes, 0, bytes.length, true);
  const out: string[] = [];
  while (t.next()) {
    const fields: string[] = [];
    for (let k = 0; k < t.count; k++) {
      t.field(k);
      fields.push(Buffer.from(t.fieldBuf.subarray(t.fieldFrom, t.fieldTo)).toString('utf8'));
    }
    out.push(`${t.line}: ${fields.join('|')}`);
  }
  return out;
}

/**
 * The same records, gathered by `fill` into a target of `capacity` records (every field kept), `next` taking each
 * record `fill` leaves (one with a quote, another field count); also how many records `fill` gathered.
 */
function byFill(bytes: Uint8Array, delimiter: number, fields: number, capacity: number): [string[], number] {
  const t = new CsvTokenizer(delimiter);
  t.reset(bytes, 0, bytes.length, true);
  const target: CsvRecordTarget = {
    offsets: Int32Array.from({ length: fields }, (_, k) => 2 * k * capacity),
    count: 0,
    capacity,
    recordStart: new Int32Array(capacity),
    line: new Int32Array(capacity),
    cells: new Int32Array(2 * fields * capacity),
  };
  const text = (from: number, to: number): string => Buffer.from(bytes.subarray(from, to)).toString('utf8');
  const out: string[] = [];
  let filled = 0;
  for (;;) {
    target.count = 0;
    const n = t.fill(target, 1 << 20);
    filled += n;
    for (let r = 0; r < n; r++) {
      const cells: string[] = [];
      for (let k = 0; k < fields; k++)
        cells.push(
          text(
            target.cells[2 * k * capacity + 2 * r] as number,
            target.cells[2 * k * capacity + 2 * r + 1] as number,
          ),
        );
      out.push(`${target.line[r]}: ${cells.join('|')}`);
    }
    if (n > 0) continue;
    if (!t.next()) break;
    const cells: string[] = [];
    for (let k = 0; k < t.count; k++) {
      t.field(k);
      cells.push(Buffer.from(t.fieldBuf.subarray(t.fieldFrom, t.fieldTo)).toString('utf8'));
    }
    out.push(`${t.line}: ${cells.join('|')}`);
  }
  return [out, filled];
}

describe('CsvTokenizer.fill', () => {
  it('gathers the records next reads, with a special byte at every offset of a word (property)', () => {
    // fill's scan jumps to the first byte of a word at or below the threshold (the quote, or a delimiter below '0'),
    // found from the word test's lowest flag. A borrow flags bytes above a true one: a special byte followed by
    // bytes just above the threshold ('-', '.', '0') is flagged twice, so a jump to any flag but the lowest skips
    // the delimiter; a jump too short only costs time. Records of 1 to 4 fields, 3 kept of 4 in a few of them.
    const content = ['-', '.', '0', 'a', '~', 'ł', '€'];
    const special = [' ', '!', '#', '+', ',', '/', '\t', '"'];
    const run = fc.array(fc.constantFrom(...content), { maxLength: 9 }).map((cs) => cs.join(''));
    const cell = fc
      .tuple(run, fc.option(fc.constantFrom(...special), { nil: '' }), run)
      .map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom(',', '\t', ' ', '!', '+', '/', ';'),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (delimiter, fields, rows, capacity, eol) => {
          const quote = (v: string): string =>
            v.includes(delimiter) || /["\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
          const text = rows.map((r) => r.slice(0, fields).map(quote).join(delimiter)).join(eol) + eol;
          const bytes = Uint8Array.from(Buffer.from(text, 'utf8'));
          const d = delimiter.charCodeAt(0);
          const [records] = byFill(bytes, d, fields, capacity);
          expect(records).toEqual(byNext(bytes, d));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gathers a record whose delimiter is followed by bytes just above the threshold', () => {
    // The word `,--x` of the first record: the comma is flagged, and the borrow flags the '-' after it too.
    const bytes = Uint8Array.from(Buffer.from('abcd,--xy,z\nab,-.0,-\n', 'latin1'));
    const [records, filled] = byFill(bytes, 44, 3, 8);
    expect(records).toEqual(['1: abcd|--xy|z', '2: ab|-.0|-']);
    expect(filled).toBe(2);
  });
});
