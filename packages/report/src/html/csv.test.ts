import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cell, csvDataUrl, csvField, toCsv } from './csv.js';

/** A strict RFC 4180 reader for the round-trip property (quoted fields, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV of a data table', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-12.5)).toBe('-12.5');
  });

  it('guards text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-')).toBe("'-");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes no NaN or infinity', () => {
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('reads back as written (property)', () => {
    const safeText = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    const cell: fc.Arbitrary<Cell> = fc.oneof(safeText, fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const back = readCsv(toCsv(['a', 'b'], rows));
        expect(back).toEqual([
          ['a', 'b'],
          ...rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c))),
        ]);
      }),
    );
  });

  it('makes a data: URL with a byte-order mark', () => {
    const url = csvDataUrl('a,b\r\n1,2\r\n');
    expect(url.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe('\uFEFFa,b\r\n1,2\r\n');
  });
});
