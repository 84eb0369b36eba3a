import { CxOptionsError, CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdnowTransactions, readCsv } from '../__fixtures__/cdnow.js';
import { rfmSummary } from './rfm.js';

const format = (value: number): string => value.toFixed(2);

describe('rfmSummary', () => {
  const transactions = cdnowTransactions();
  const summary = rfmSummary(transactions, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
  const byId = new Map(summary.customers.map((c) => [c.customerId, c]));

  it('reproduces cdnow_customers_summary.csv exactly (2,357 customers, weeks, 2 decimals as published)', () => {
    const expected = readCsv('cdnow_customers_summary.csv');
    expect(summary.customers).toHaveLength(expected.length);
    for (const row of expected) {
      const c = byId.get(String(row.ID))!;
      expect([c.frequency, format(c.recency), format(c.T)]).toEqual([
        row.frequency,
        format(row.recency!),
        format(row.T!),
      ]);
    }
    // Published aggregates (reference §3.5): 1,411 customers with x = 0, Σx = 2,457.
    expect(summary.customers.filter((c) => c.frequency === 0)).toHaveLength(1411);
    expect(summary.customers.reduce((s, c) => s + c.frequency, 0)).toBe(2457);
  });

  it('reproduces zbar of cdnow_customers_summary_with_transactions.csv (to the published cent)', () => {
    for (const row of readCsv('cdnow_customers_summary_with_transactions.csv')) {
      const c = byId.get(String(row.ID))!;
      // The file rounds to cents; a mean ending in exactly half a cent may round either way.
      expect(Math.abs(c.monetaryValue - row.zbar!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    // Customer 1 by hand: repeat days 1997-01-18 ($29.73) and 1997-08-02 ($14.96) → zbar 22.345
    expect(byId.get('1')!.monetaryValue).toBeCloseTo(22.345, 10);
  });

  it('splits calibration and holdout (1997-10-01 … 1998-06-30 = 39 weeks)', () => {
    const split = rfmSummary(transactions, {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
      timeUnit: 'week',
    });
    // Customer 1 (sample id 0001): holdout purchase on 1997-12-12 ($26.48); 273 days = 39 weeks.
    expect(split.customers.find((c) => c.customerId === '1')).toMatchObject({
      frequency: 2,
      frequencyHoldout: 1,
      monetaryValueHoldout: 26.48,
      durationHoldout: 39,
    });
    expect(split.excluded.afterEnd).toBe(0);
    // 6,919 rows, 4,960 dated on or before 1997-09-30 (awk count of the fixture)
    expect(summary.excluded.afterEnd).toBe(6919 - 4960);
  });

  it('merges same-day purchases in the given time zone and measures in the given unit', () => {
    const rows = [
      { customerId: 'a', at: '2024-03-01T10:00:00Z', amount: 5 },
      // 23:30 UTC on 1 March is 2 March in Tokyo, 1 March in New York
      { customerId: 'a', at: '2024-03-01T23:30:00Z', amount: 7 },
    ];
    const ny = rfmSummary(rows, {
      calibrationEnd: '2024-03-31',
      timeUnit: 'day',
      timeZone: 'America/New_York',
    });
    const tokyo = rfmSummary(rows, { calibrationEnd: '2024-03-31', timeUnit: 'day', timeZone: 'Asia/Tokyo' });
    expect(ny.customers[0]).toMatchObject({ frequency: 0, T: 30 });
    expect(tokyo.customers[0]).toMatchObject({ frequency: 1, recency: 1, T: 30, monetaryValue: 7 });
    const months = rfmSummary(rows, { calibrationEnd: '2024-03-31', timeUnit: 'month' });
    expect(months.customers[0]!.T).toBeCloseTo(30 / 30.4375, 12);
  });

  it('ignores input order and counts duplicate transaction ids (property)', () => {
    const sample = transactions.slice(0, 300).map((t, i) => ({ ...t, id: `t${i}` }));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(sample, { minLength: sample.length, maxLength: sample.length }),
        (shuffled) => {
          const withDuplicates = [...shuffled, ...shuffled.slice(0, 10)];
          const result = rfmSummary(withDuplicates, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
          const reference = rfmSummary(sample, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
          expect(result.customers).toEqual(reference.customers);
          expect(result.excluded.duplicates).toBe(10);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('rejects bad rows and options with positions', () => {
    try {
      rfmSummary(
        [
          { customerId: 'a', at: '2024-01-01', amount: 1 },
          { customerId: 'a', at: '2024-02-30', amount: 1 },
          { customerId: 'b', at: '2024-01-02', amount: -3 },
        ],
        { calibrationEnd: '2024-03-01', timeUnit: 'week' },
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['transactions', 1, 'at'],
        ['transactions', 2, 'amount'],
      ]);
    }
    const paths = (options: Parameters<typeof rfmSummary>[1]): unknown => {
      try {
        rfmSummary([], options);
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        return (error as CxOptionsError).issues.map((i) => i.path);
      }
      return undefined;
    };
    expect(paths({ calibrationEnd: '2024-03-01', timeUnit: 'fortnight' as 'week' })).toEqual([['timeUnit']]);
    expect(paths({ calibrationEnd: '2024-03-01', timeUnit: 'week', timeZone: 'Mars/Base' })).toEqual([
      ['timeZone'],
    ]);
    expect(paths({ calibrationEnd: '2024-03-01', holdoutEnd: '2024-02-01', timeUnit: 'week' })).toEqual([
      ['holdoutEnd'],
    ]);
    expect(rfmSummary([], { calibrationEnd: '2024-03-01', timeUnit: 'week' }).customers).toEqual([]);
  });

  it('reads times strictly by the one instant grammar: 2024-02-30T00:00:00Z is an error naming the record', () => {
    const rows = (at: string) => [
      { customerId: 'a', at: '2024-01-01', amount: 1 },
      { customerId: 'a', at, amount: 2 },
    ];
    const issue = (at: string, options: Partial<Parameters<typeof rfmSummary>[1]> = {}) => {
      try {
        rfmSummary(rows(at), { calibrationEnd: '2024-03-31', timeUnit: 'day', ...options });
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        return (error as CxValidationError).issues[0];
      }
      return undefined;
    };
    // Date.parse read this as 1 March.
    expect(issue('2024-02-30T00:00:00Z')).toMatchObject({
      path: ['transactions', 1, 'at'],
      code: 'invalid_instant',
    });
    expect(issue('2024-02-30')).toMatchObject({ path: ['transactions', 1, 'at'], code: 'invalid_date' });
    expect(issue('1')?.path).toEqual(['transactions', 1, 'at']);
    // A local time needs a stated zone; with one it is read in that zone.
    expect(issue('2024-01-15 23:30')?.message).toMatch(/timeZone/);
    const warsaw = rfmSummary(rows('2024-01-15 23:30'), {
      calibrationEnd: '2024-03-31',
      timeUnit: 'day',
      timeZone: 'Europe/Warsaw',
    });
    expect(warsaw.customers[0]).toMatchObject({ frequency: 1, recency: 14 });
    // An offset is an instant: 00:30 on 16 January in Warsaw is the 15th in UTC.
    const utc = rfmSummary(rows('2024-01-16T00:30:00+01:00'), {
      calibrationEnd: '2024-03-31',
      timeUnit: 'day',
    });
    expect(utc.customers[0]).toMatchObject({ frequency: 1, recency: 14 });
  });

  it('rejects null options and a misspelled key with the closest known one', () => {
    expect(() => rfmSummary([], null as never)).toThrow(CxOptionsError);
    try {
      rfmSummary([], { calibrationEnd: '2024-03-01', timeUnit: 'week', timezone: 'UTC' } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as CxOptionsError).issues[0]).toMatchObject({
        path: ['timezone'],
        suggestion: 'timeZone',
      });
    }
  });

  it('amounts near the largest number: a finite mean, or an error naming the record whose day total overflows', () => {
    const max = Number.MAX_VALUE; // 1.7976931348623157e308
    const on = (day: string) => ({ customerId: 'a', at: day, amount: max });
    // Three separate days: the repeat-day mean is max (Σ v / n overflowed to Infinity before).
    const summary = rfmSummary([on('2024-01-01'), on('2024-02-01'), on('2024-03-01')], {
      calibrationEnd: '2024-06-01',
      timeUnit: 'day',
    });
    expect(summary.customers[0]).toMatchObject({ frequency: 2, monetaryValue: max });
    // Two on one day: their total is not a number, an error naming the second record.
    try {
      rfmSummary([on('2024-01-01'), on('2024-02-01'), on('2024-02-01')], {
        calibrationEnd: '2024-06-01',
        timeUnit: 'day',
      });
      expect.unreachable('expected a CxValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues[0]).toMatchObject({
        path: ['transactions', 2, 'amount'],
        code: 'out_of_range',
      });
    }
  });
});
