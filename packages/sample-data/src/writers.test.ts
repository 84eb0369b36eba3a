import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CxOptionsError, CxValidationError } from '@cx/model';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField, writeCsv } from './csv.js';
import { writeNdjson } from './ndjson.js';
import { createSampleShop } from './shop.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-sample-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shop = createSampleShop({ customers: 60, seed: 3 });

async function* asyncOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function rejection(promise: Promise<unknown>): Promise<CxValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CxValidationError);
  return error as CxValidationError;
}

describe('writeNdjson', () => {
  it('round-trips every record and reports records and bytes', async () => {
    const path = join(dir, 'interactions.ndjson');
    const expected = [...shop.interactions()];
    const result = await writeNdjson(shop.interactions(), path);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(expected);
    expect(result).toEqual({ records: expected.length, bytes: statSync(path).size });
  });

  it('accepts async iterables and counts UTF-8 bytes, not characters', async () => {
    const path = join(dir, 'async.ndjson');
    const result = await writeNdjson(asyncOf([{ text: 'Dziękuję ☕' }]), path);
    // {"text":"Dziękuję ☕"}\n is 22 UTF-16 units; each of the two ę takes 2 bytes (+2) and ☕ takes 3 (+2): 26 bytes.
    expect(result).toEqual({ records: 1, bytes: 26 });
    expect(statSync(path).size).toBe(26);
  });

  it('writes an empty file for no records', async () => {
    const path = join(dir, 'empty.ndjson');
    expect(await writeNdjson([], path)).toEqual({ records: 0, bytes: 0 });
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('rejects non-objects with the record index as path', async () => {
    const error = await rejection(
      writeNdjson([{ a: 1 }, [1, 2] as unknown as object], join(dir, 'bad.ndjson')),
    );
    expect(error.issues[0]?.path).toEqual([1]);
  });

  it('rejects with the file system error when the path cannot be written', async () => {
    await expect(writeNdjson([{ a: 1 }], join(dir, 'missing-dir', 'x.ndjson'))).rejects.toThrow(/ENOENT/);
  });
});

describe('writeCsv', () => {
  it('round-trips orders through an independent RFC 4180 parser (csv-parse), nested values as JSON', async () => {
    const path = join(dir, 'orders.csv');
    const orders = [...shop.orders()];
    const result = await writeCsv(orders, path);
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, record_delimiter: '\r\n' }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(orders.length);
    expect(result).toEqual({ records: orders.length, bytes: statSync(path).size });
    rows.forEach((row, i) => {
      const o = orders[i]!;
      expect(row.id).toBe(o.id);
      expect(Number(row.amount)).toBe(o.amount);
      expect(JSON.parse(row.items!)).toEqual(o.items);
      expect(JSON.parse(row.properties!)).toEqual(o.properties);
    });
  });

  it('quotes commas, quotes, line breaks and surrounding spaces; writes CRLF and a header', async () => {
    const path = join(dir, 'quoting.csv');
    await writeCsv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines', d: ' pad', e: null, f: 'Zażółć' }], path);
    expect(readFileSync(path, 'utf8')).toBe(
      'a,b,c,d,e,f\r\n"x,y","say ""hi""","two\nlines"," pad",,Zażółć\r\n',
    );
  });

  it('round-trips arbitrary strings (property test)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ a: fc.string(), b: fc.string({ unit: 'grapheme' }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (records) => {
          const path = join(dir, `prop-${run++}.csv`);
          await writeCsv(records, path);
          const rows = parse(readFileSync(path, 'utf8'), {
            columns: true,
            record_delimiter: '\r\n',
            relax_column_count: false,
          });
          expect(rows).toEqual(records);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('projects onto explicit columns, in their order, with empty fields for missing values', async () => {
    const path = join(dir, 'columns.csv');
    const result = await writeCsv(asyncOf([{ a: 1, b: 2, c: 3 }, { a: 4 }]), path, {
      columns: ['c', 'a', 'z'],
    });
    expect(readFileSync(path, 'utf8')).toBe('c,a,z\r\n3,1,\r\n,4,\r\n');
    expect(result.records).toBe(2);
  });

  it('writes only the header for no records when columns are given', async () => {
    const path = join(dir, 'header-only.csv');
    expect((await writeCsv([], path, { columns: ['id'] })).records).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('id\r\n');
  });

  it('rejects a later record with a key the first record lacked, naming index and key', async () => {
    const error = await rejection(writeCsv([{ a: 1 }, { a: 2 }, { a: 3, b: 4 }], join(dir, 'strict.csv')));
    expect(error.issues[0]?.path).toEqual([2, 'b']);
  });

  it('rejects duplicate or empty column names (options) and non-object records (data)', async () => {
    const dup = await writeCsv([{ a: 1 }], join(dir, 'dup.csv'), { columns: ['a', 'a'] }).catch(
      (e: unknown) => e,
    );
    expect(dup).toBeInstanceOf(CxOptionsError);
    expect((dup as CxOptionsError).issues[0]?.path).toEqual(['columns', 1]);
    const empty = await writeCsv([{ a: 1 }], join(dir, 'e.csv'), { columns: [''] }).catch((e: unknown) => e);
    expect((empty as CxOptionsError).issues[0]?.path).toEqual(['columns', 0]);
    const typo = await writeCsv([{ a: 1 }], join(dir, 't.csv'), { colums: ['a'] } as never).catch(
      (e: unknown) => e,
    );
    expect((typo as CxOptionsError).issues[0]).toMatchObject({ path: ['colums'], suggestion: 'columns' });
    const none = await writeCsv([{ a: 1 }], join(dir, 'n.csv'), null as never).catch((e: unknown) => e);
    expect((none as CxOptionsError).issues[0]).toMatchObject({ path: [], code: 'invalid_type' });
    const bad = await rejection(writeCsv(['x' as unknown as object], join(dir, 'bad.csv')));
    expect(bad.issues[0]?.path).toEqual([0]);
  });

  it('csvField leaves plain values unquoted', () => {
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(undefined)).toBe('');
    expect(csvField({ a: [1] })).toBe('"{""a"":[1]}"');
  });
});
