import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, RECORD_OK, RECORD_STRAY_QUOTE, RECORD_UNCLOSED_QUOTE } from './tokenizer.js';

interface Token {
  readonly line: number;
  readonly fields: string[];
  readonly error: number;
}

/** Tokenizes `text` fed in chunks of `chunk` bytes, as the readers do (carry the cut record over). */
function tokenize(text: string, delimiter = ',', chunk = 1 << 20): Token[] {
  const bytes = Buffer.from(text, 'utf8');
  const t = new CsvTokenizer(delimiter.charCodeAt(0));
  const out: Token[] = [];
  let buffer = Buffer.alloc(0);
  for (let at = 0; at <= bytes.length; at += chunk) {
    const final = at + chunk >= bytes.length;
    buffer = Buffer.concat([buffer, bytes.subarray(at, Math.min(bytes.length, at + chunk))]);
    t.reset(buffer, 0, buffer.length, final);
    while (t.next()) {
      const fields: string[] = [];
      for (let k = 0; k < t.count; k++) {
        t.field(k);
        fields.push(Buffer.from(t.fieldBuf.subarray(t.fieldFrom, t.fieldTo)).toString('utf8'));
      }
      out.push({ line: t.line, fields, error: t.error });
    }
    buffer = buffer.subarray(t.consumed);
    if (final) break;
  }
  return out;
}

describe('CsvTokenizer', () => {
  it('reads RFC 4180: quotes, doubled quotes, embedded line breaks, CRLF, empty fields', () => {
    expect(tokenize('a,b,c\r\n1,"x, ""y""",\r\n2,"line\nbreak",z\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], error: RECORD_OK },
      { line: 2, fields: ['1', 'x, "y"', ''], error: RECORD_OK },
      { line: 3, fields: ['2', 'line\nbreak', 'z'], error: RECORD_OK },
    ]);
  });

  it('counts lines across quoted line breaks, blank lines and a last line without terminator', () => {
    const tokens = tokenize('h\n"a\nb\nc"\n\n\nd');
    expect(tokens.map((t) => t.line)).toEqual([1, 2, 7]);
  });

  it('reads ; and tab delimiters and lone CR line ends', () => {
    expect(tokenize('a;b\r1;2,5\r', ';').map((t) => t.fields)).toEqual([
      ['a', 'b'],
      ['1', '2,5'],
    ]);
    expect(tokenize('a\tb\n"x\ty"\t2\n', '\t').map((t) => t.fields)).toEqual([
      ['a', 'b'],
      ['x\ty', '2'],
    ]);
  });

  it('marks a stray quote in an unquoted field and keeps the record on its line', () => {
    const tokens = tokenize('a,b\n1,5"3\n2,x\n');
    expect(tokens[1]).toMatchObject({ line: 2, error: RECORD_STRAY_QUOTE });
    expect(tokens[2]).toEqual({ line: 3, fields: ['2', 'x'], error: RECORD_OK });
  });

  it('ends a record at its first line when a closing quote is followed by text, and goes on', () => {
    const tokens = tokenize('a,b\n1,"ab"c\n2,x\n3,"ok"\n');
    expect(tokens.map((t) => [t.line, t.error])).toEqual([
      [1, RECORD_OK],
      [2, RECORD_STRAY_QUOTE],
      [3, RECORD_OK],
      [4, RECORD_OK],
    ]);
    expect(tokens[3]?.fields).toEqual(['3', 'ok']);
  });

  it('cuts a quote left open at the end of the input to its first line: one record lost, not the file', () => {
    const tokens = tokenize('a,b\n1,"open\n2,x\n3,y\n');
    expect(tokens.map((t) => [t.line, t.error, t.fields.join('|')])).toEqual([
      [1, RECORD_OK, 'a|b'],
      [2, RECORD_UNCLOSED_QUOTE, ''],
      [3, RECORD_OK, '2|x'],
      [4, RECORD_OK, '3|y'],
    ]);
  });

  it('gives the same records for every chunk size (property)', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a,b', 'x"y', '\n', '\r\n', 'ł', '""', ''),
    );
    const quote = (v: string): string =>
      /[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 17 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, chunk, eol) => {
          const text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
          const whole = tokenize(text);
          expect(whole.map((t) => t.fields)).toEqual(rows);
          expect(tokenize(text, ',', chunk)).toEqual(whole);
        },
      ),
    );
  });

  it("reads every delimiter and the bytes around the fast path's threshold to the same fields (property)", () => {
    // The unquoted fast path skips every byte above the highest special byte (the quote, 34, or a delimiter below
    // '0'); cells here are made of the bytes at and around those thresholds, tabs, spaces, digits and UTF-8, so a
    // threshold one too high or too low, or a skipped delimiter, changes the fields (compared with the rows
    // written, whole and in chunks of every size).
    const alphabet = [
      '\t',
      ' ',
      '!',
      '"',
      '#',
      '+',
      ',',
      '-',
      '.',
      '/',
      '0',
      '9',
      ':',
      ';',
      '<',
      'a',
      'z',
      '{',
      '|',
      '}',
      '~',
      'ł',
      '€',
    ];
    const cell = fc
      .array(fc.constantFrom(...alphabet, '\n', '\r\n'), { maxLength: 6 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom(',', '\t', ';', '|', ' ', '!', '+', '/'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 23 }),
        fc.constantFrom('\n', '\r\n'),
        (delimiter, rows, chunk, eol) => {
          const quote = (v: string): string =>
            v.includes(delimiter) || /["\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
          const text = rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
          const whole = tokenize(text, delimiter);
          expect(whole.map((t) => t.fields)).toEqual(rows);
          expect(whole.every((t) => t.error === RECORD_OK)).toBe(true);
          expect(tokenize(text, delimiter, chunk)).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('CsvTokenizer word-at-a-time skip', () => {
  it('reads long cells with a special byte at every offset of a word to the same fields (property)', () => {
    // The fast path skips four content bytes at a time while no byte of the word is at or below the threshold
    // (the quote, or a delimiter below '0'); here long runs of content bytes (ASCII just above the threshold, UTF-8
    // lead and continuation bytes) hold one special byte (delimiter, quote, line break, a byte just below or at the
    // threshold) at any offset, and records end at any offset of a word and at the input's end, so a word test that
    // lets one special byte through, or a load past the input's end, changes the fields or throws.
    const content = ['-', '.', '0', 'a', '~', 'ł', '€', '𝄞'];
    const special = [' ', '!', '"', '#', '+', ',', '/', '\t'];
    const run = fc
      .array(fc.constantFrom(...content), { minLength: 0, maxLength: 13 })
      .map((cs) => cs.join(''));
    const cell = fc
      .tuple(run, fc.option(fc.constantFrom(...special), { nil: '' }), run)
      .map((p) => p.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom(',', '\t', ' ', '!', '+', '/'),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 29 }),
        fc.constantFrom('\n', '\r\n', ''),
        (delimiter, rows, chunk, last) => {
          const quote = (v: string): string =>
            v.includes(delimiter) || /["\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
          const text = rows.map((r) => r.map(quote).join(delimiter)).join('\n') + last;
          const whole = tokenize(text, delimiter);
          expect(whole.map((t) => t.fields)).toEqual(rows);
          expect(whole.every((t) => t.error === RECORD_OK)).toBe(true);
          expect(tokenize(text, delimiter, chunk)).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a view into a larger buffer by its own offsets, and nothing past its end', () => {
    // The word loads go through a DataView of the view's own range: a view made of the whole buffer would read the
    // bytes before the view, and one load past `end` would throw or read the next record's bytes.
    // Before the view: content bytes, so that loads at the backing buffer's offsets would skip the comma.
    const backing = Uint8Array.from(Buffer.from('zzzzabcdefghijk,lmnopqrs\nabcdefgh\n', 'latin1'));
    const view = backing.subarray(4);
    const t = new CsvTokenizer(44);
    t.reset(view, 0, 21, false);
    const fields: string[] = [];
    while (t.next()) {
      for (let k = 0; k < t.count; k++)
        fields.push(Buffer.from(view.subarray(t.starts[k], t.ends[k])).toString('latin1'));
    }
    expect(fields).toEqual(['abcdefghijk', 'lmnopqrs']);
    expect(t.consumed).toBe(21);
  });
});
