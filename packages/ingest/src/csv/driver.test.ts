import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvSink, driveCsv } from './driver.js';
import type { CsvTokenizer } from './tokenizer.js';

interface Token {
  readonly line: number;
  readonly fields: string[];
  readonly error: number;
}

/** The header and records the driver gives for `bytes` cut into chunks of the given sizes (taken in turn). */
async function drive(bytes: Uint8Array, sizes: readonly number[]): Promise<Token[]> {
  const out: Token[] = [];
  const take = (t: CsvTokenizer): void => {
    const fields: string[] = [];
    for (let k = 0; k < t.count; k++) {
      t.field(k);
      fields.push(Buffer.from(t.fieldBuf.subarray(t.fieldFrom, t.fieldTo)).toString('utf8'));
    }
    out.push({ line: t.line, fields, error: t.error });
  };
  const sink: CsvSink = { header: (_cells, t) => take(t), record: take };
  async function* chunks() {
    let k = 0;
    for (let at = 0; at < bytes.length; k++) {
      const size = sizes[k % sizes.length] as number;
      // A fresh copy per chunk, overwritten after use, as file chunks are (buffers used in turn).
      const chunk = Uint8Array.from(bytes.subarray(at, at + size));
      yield chunk;
      chunk.fill(0x3f);
      at += size;
    }
  }
  for await (const _ of driveCsv(chunks(), 44, sink, 1 << 20, 'test.csv')) void _;
  return out;
}

describe('driveCsv', () => {
  it('gives the same records for every way of cutting the input into chunks (property)', async () => {
    // Line breaks inside quotes, CRLF, lone CR, stray quotes, empty cells, multi-byte text and a BOM: the driver
    // joins a cut record with the next chunk's first line, or with the whole chunk, and must give what one chunk gives.
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('a,b', 'x"y', '\n', '\r\n', 'ł', '""', '', 'line one\nline two'),
    );
    const quote = (v: string): string =>
      /[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.constantFrom('', 'a"b,c\n'),
        async (rows, sizes, eol, bom, stray) => {
          const text = `${bom ? '\ufeff' : ''}h,i${eol}${stray.replace('\n', eol)}${rows.map((r) => r.map(quote).join(',')).join(eol)}${eol}`;
          const bytes = new TextEncoder().encode(text);
          const whole = await drive(bytes, [bytes.length]);
          if (stray === '') expect(whole.slice(1).map((t) => t.fields)).toEqual(rows);
          expect(await drive(bytes, sizes)).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });
});
