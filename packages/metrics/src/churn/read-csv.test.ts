import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subscription } from '@cx/model';
import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnSeries } from './churn-series.js';
import { prepareSubscriptions } from './prepare.js';
import { readSubscriptionColumnsCsv } from './read-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-subscriptions-csv-'));
let n = 0;
const file = (text: string): string => {
  const path = join(dir, `s${n++}.csv`);
  writeFileSync(path, text);
  return path;
};

async function issuesOf(promise: Promise<unknown>): Promise<CxValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CxValidationError);
    return error as CxValidationError;
  }
  throw new Error('expected a throw');
}

describe('readSubscriptionColumnsCsv', () => {
  it('reads the columns: customers dictionary-encoded, MRR per month, empty end = active', async () => {
    const table = await readSubscriptionColumnsCsv(
      file(
        'id,customerId,startedAt,endedAt,amount,currency,billingInterval\r\n' +
          's1,c1,2026-01-10T00:00:00Z,2026-02-20T00:00:00Z,29,EUR,month\r\n' +
          's2,"c,2",2025-12-01T00:00:00Z,,120,EUR,year\r\n' +
          's3,c1,2026-03-01T00:00:00Z,,12,EUR,\r\n',
      ),
    );
    expect(table.count).toBe(3);
    expect(table.customerIds).toEqual(['c1', 'c,2']);
    expect(Array.from(table.customer)).toEqual([0, 1, 0]);
    expect(Array.from(table.end)).toEqual([Date.parse('2026-02-20T00:00:00Z'), Infinity, Infinity]);
    // 120 a year = 10 a month; the empty billing interval is a month.
    expect(Array.from(table.changeMrr)).toEqual([29, 10, 12]);
    expect(table.currency).toBe('EUR');
    // c1's two subscriptions do not touch: two spells.
    expect(Array.from(table.spellOffsets)).toEqual([0, 2, 3]);
  });

  it('gives the same churn series as the Subscription objects it was written from (property)', async () => {
    const rowArb = fc.record({
      customer: fc.integer({ min: 0, max: 8 }),
      startDay: fc.integer({ min: -100, max: 300 }),
      days: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
      amount: fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100),
      billingInterval: fc.constantFrom<Subscription['billingInterval']>('week', 'month', 'quarter', 'year'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 30 }), async (rows) => {
        const day = (d: number) =>
          new Date(Date.parse('2026-01-01T00:00:00Z') + d * 86_400_000).toISOString();
        const subs: Subscription[] = rows.map((r, i) => ({
          id: `s${i}`,
          customerId: `c${r.customer}`,
          status: r.days === undefined ? 'active' : 'cancelled',
          startedAt: day(r.startDay),
          ...(r.days === undefined ? {} : { endedAt: day(r.startDay + r.days) }),
          amount: r.amount,
          currency: 'USD',
          billingInterval: r.billingInterval,
          amountChanges: [],
          properties: {},
        }));
        const csv = [
          'customerId,startedAt,endedAt,amount,currency,billingInterval',
          ...subs.map((s) =>
            [s.customerId, s.startedAt, s.endedAt ?? '', s.amount, s.currency, s.billingInterval].join(','),
          ),
        ].join('\n');
        const table = await readSubscriptionColumnsCsv(file(csv));
        const options = {
          interval: 'month',
          from: '2025-10-01T00:00:00Z',
          to: '2026-12-01T00:00:00Z',
          asOf: '2026-12-01T00:00:00Z',
          timeZone: 'Europe/Warsaw',
          midPeriodPolicy: 'eligible',
        } as const;
        expect(churnSeries(table, options)).toEqual(churnSeries(prepareSubscriptions(subs), options));
      }),
      { numRuns: 50 },
    );
  });

  it('reads the same table whatever the chunk size (lines cut across chunks, BOM, CRLF, blank lines)', async () => {
    // 300 rows of about 60 bytes: 18 KB, so 1 KiB chunks cut lines (and the BOM'd header) at every place.
    const lines = ['\uFEFFcustomerId,startedAt,endedAt,amount,currency,billingInterval'];
    for (let i = 0; i < 300; i++) {
      const start = new Date(Date.parse('2025-01-01T00:00:00Z') + i * 3_600_000 * 7).toISOString();
      const end = i % 3 === 0 ? new Date(Date.parse(start) + 40 * 86_400_000).toISOString() : '';
      const interval = ['week', 'month', 'quarter', 'year', ''][i % 5];
      lines.push(`"c${i % 97}",${start},${end},${(i % 13) + 0.5},EUR,${interval}`);
      if (i % 50 === 0) lines.push('');
    }
    const path = file(lines.join('\r\n'));
    const whole = await readSubscriptionColumnsCsv(path, { chunkBytes: 1 << 20 });
    expect(whole.count).toBe(300);
    expect(whole.customerIds.length).toBe(97);
    // Monthly amounts: row 0 is 0.5 a week (× 52 / 12), row 2 2.5 a quarter (× 1 / 3), row 3 3.5 a year (× 1 / 12),
    // row 4 4.5 with an empty billing interval (a month).
    expect(Array.from(whole.changeMrr.subarray(0, 5))).toEqual([
      0.5 * (52 / 12),
      1.5,
      2.5 * (1 / 3),
      3.5 * (1 / 12),
      4.5,
    ]);
    for (const chunkBytes of [1024, 1500, 4096]) {
      const table = await readSubscriptionColumnsCsv(path, { chunkBytes });
      expect({ ...table }).toEqual({ ...whole });
    }
  });

  it('parses the instant forms of the @cx/ingest grammar (offsets, no seconds, long fractions) and rejects others', async () => {
    const table = await readSubscriptionColumnsCsv(
      file(
        'customerId,startedAt,endedAt,amount\n' +
          'c1,2026-01-10T00:00Z,2026-02-01T10:00:00.5+02:00,5\n' + // no seconds; an offset and one decimal
          'c2,2026-01-10T00:00:00.123456Z,,5\n',
      ),
    );
    expect(Array.from(table.start)).toEqual([Date.UTC(2026, 0, 10), Date.UTC(2026, 0, 10, 0, 0, 0, 123)]);
    expect(table.end[0]).toBe(Date.UTC(2026, 1, 1, 8, 0, 0, 500));
    const error = await issuesOf(
      readSubscriptionColumnsCsv(file('customerId,startedAt,amount\nc1,January 10 2026,5\n')),
    );
    expect(error.issues.map((i) => i.path)).toEqual([[0, 'startedAt']]);
    expect(error.issues[0]).toMatchObject({ line: 2, column: 4, code: 'invalid_instant' });
    expect(error.issues[0]?.message).toMatch(/Expected an instant .*"January 10 2026"/);
  });

  it('decodes customer ids only when they are read, and the same ids each time', async () => {
    const table = await readSubscriptionColumnsCsv(
      file(
        'customerId,startedAt,amount\nb,2026-01-01T00:00:00Z,1\na,2026-01-02T00:00:00Z,1\nb,2026-01-03T00:00:00Z,1\n',
      ),
    );
    expect(table.customerIds).toEqual(['b', 'a']);
    expect(table.customerIds).toBe(table.customerIds);
    expect(Array.from(table.customer)).toEqual([0, 1, 0]);
  });

  it('reports an empty file as a header without the required columns', async () => {
    const error = await issuesOf(readSubscriptionColumnsCsv(file('')));
    expect(error.issues.map((i) => i.path)).toEqual([
      ['header', 'customerId'],
      ['header', 'startedAt'],
      ['header', 'amount'],
    ]);
  });

  it('reads renamed columns, another delimiter and escaped quotes', async () => {
    const table = await readSubscriptionColumnsCsv(
      file('account;from;to;price\n"a ""x""";2026-01-01T00:00:00Z;;5\n'),
      {
        delimiter: ';',
        columns: { customerId: 'account', startedAt: 'from', endedAt: 'to', amount: 'price' },
      },
    );
    expect(table.customerIds).toEqual(['a "x"']);
    expect(table.currency).toBeUndefined();
  });

  it('rejects a header without the required columns', async () => {
    const error = await issuesOf(
      readSubscriptionColumnsCsv(file('customerId,startedAt\nc1,2026-01-01T00:00:00Z\n')),
    );
    expect(error.issues.map((i) => i.path)).toEqual([['header', 'amount']]);
  });

  it('rejects bad rows with [dataRowIndex, field] paths and keeps nothing silently', async () => {
    const error = await issuesOf(
      readSubscriptionColumnsCsv(
        file(
          'customerId,startedAt,endedAt,amount,currency,billingInterval\n' +
            'c1,2026-01-10T00:00:00Z,2026-01-01T00:00:00Z,5,EUR,month\n' + // 0: end before start
            'c2,2026-01-10,,5,EUR,month\n' + // 1: a date, not an instant
            'c3,2026-01-10T00:00:00Z,,-5,EUR,month\n' + // 2: negative amount
            'c4,2026-01-10T00:00:00Z,,5,USD,month\n' + // 3: second currency
            'c5,2026-01-10T00:00:00Z,,5,EUR,fortnight\n' + // 4: unknown interval
            ',2026-01-10T00:00:00Z,,5,EUR,month\n' + // 5: no customer
            '"c7,2026-01-10T00:00:00Z,,5,EUR,month\n', // 6: unclosed quote
        ),
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      [0, 'endedAt'],
      [1, 'startedAt'],
      [2, 'amount'],
      // Row 3 (USD) is the only valid row, so there is one currency among the subscriptions read.
      [4, 'billingInterval'],
      [5, 'customerId'],
      [6], // a quote left open: the row is cut at its line end, and the error names no field
    ]);
    const mixed = await issuesOf(
      readSubscriptionColumnsCsv(
        file(
          'customerId,startedAt,amount,currency\nc1,2026-01-10T00:00:00Z,5,EUR\nc2,2026-01-10T00:00:00Z,5,USD\n',
        ),
      ),
    );
    expect(mixed.issues.map((i) => [i.path, i.code])).toEqual([[[1, 'currency'], 'mixed_currency']]);
  });

  it('rejects bad options at the call, before reading: typos, delimiters, chunk sizes, column fields', () => {
    // A misspelt key was ignored before (the read went on with ',' and 4 MiB), a fractional chunk size floored and a
    // tiny one raised to 1 KiB without a word.
    const bad: unknown[] = [
      { delimter: ';' },
      { delimiter: '::' },
      { delimiter: '"' },
      { chunkBytes: 10 },
      { chunkBytes: 4096.5 },
      { columns: { customer: 'account' } },
      { timeZone: '' },
    ];
    for (const options of bad) {
      expect(() => readSubscriptionColumnsCsv(file('x'), options as never), JSON.stringify(options)).toThrow(
        CxOptionsError,
      );
    }
    const error = (() => {
      try {
        readSubscriptionColumnsCsv(file('x'), { delimter: ';' } as never);
      } catch (e) {
        return e as CxOptionsError;
      }
    })();
    expect(error?.issues[0]).toMatchObject({
      path: ['delimter'],
      code: 'unknown_option',
      suggestion: 'delimiter',
    });
    expect(error?.message).toMatch(/readSubscriptionColumnsCsv/);
  });
});
