import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows } from './csv-rows.js';
import type { RowItem } from './row-item.js';

const read = async (text: string, maxRecordBytes?: number) => {
  const out: RowItem[] = [];
  for await (const item of csvRows(
    () => Readable.from([text]),
    { maxRecordBytes },
    new AbortController().signal,
  ))
    out.push(item);
  return out;
};
/** RFC 4180 quoting of one field. */
const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

describe('csvRows', () => {
  it('keeps CRLF inside a quoted field and strips it as the record end, with start lines', async () => {
    const items = await read('a,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n');
    expect(items.map((i) => [i.line, i.row])).toEqual([
      [2, { a: '1', b: 'x\r\ny' }],
      [5, { a: '2', b: 'z' }],
    ]);
  });

  it('recovers after text following a closing quote without swallowing the next rows', async () => {
    const items = await read('a,b\n1,"x"y\n2,"p"\n3,q\n');
    expect(items.map((i) => [i.line, i.error === undefined ? i.row : 'dead'])).toEqual([
      [2, 'dead'],
      [3, { a: '2', b: 'p' }],
      [4, { a: '3', b: 'q' }],
    ]);
  });

  it('takes a quoted field longer than maxRecordBytes as a stray quote (bounded memory)', async () => {
    const items = await read(`a,b\n1,"open\n${'2,x\n'.repeat(50)}`, 64);
    expect(items[0]).toMatchObject({ line: 2, error: expect.stringMatching(/maxRecordBytes \(64 bytes\)/) });
    expect(items.slice(1).map((i) => i.row)).toEqual(Array.from({ length: 50 }, () => ({ a: '2', b: 'x' })));
  });

  it('reads any properly quoted file exactly, whatever the chunking (fast-check)', async () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'ż'),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 7 }),
        async (rows, eol, chunk) => {
          const body = rows.map(([a, b]) => `${quote(a)},${quote(b)}`);
          const expected = rows.map(([a, b]) => ({ a, b }));
          const text = `a,b${eol}${body.join(eol)}${eol}`;
          const bytes = Buffer.from(text);
          const chunks = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
            bytes.subarray(i * chunk, (i + 1) * chunk),
          );
          const out: RowItem[] = [];
          for await (const item of csvRows(() => Readable.from(chunks), {}, new AbortController().signal))
            out.push(item);
          expect(out.filter((i) => i.error !== undefined)).toEqual([]);
          expect(out.map((i) => i.row)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('one stray quote costs one record: every other row arrives (fast-check)', async () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '1'), minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(plain, plain), { minLength: 2, maxLength: 15 }),
        fc.nat(),
        fc.nat(),
        async (rows, which, at) => {
          const bad = which % rows.length;
          const lines = rows.map(([a, b]) => `${a},${b}`);
          const line = lines[bad] as string;
          const pos = at % (line.length + 1);
          lines[bad] = `${line.slice(0, pos)}"${line.slice(pos)}`;
          const out = await read(`a,b\n${lines.join('\n')}\n`);
          expect(out.filter((i) => i.error !== undefined).map((i) => i.line)).toEqual([bad + 2]);
          expect(out.filter((i) => i.error === undefined).map((i) => i.row)).toEqual(
            rows.filter((_, i) => i !== bad).map(([a, b]) => ({ a, b })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
