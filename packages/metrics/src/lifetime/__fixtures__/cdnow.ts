import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Transaction } from '../btyd/rfm.js';

const dir = fileURLToPath(new URL('./', import.meta.url));

/** CDNOW_sample.txt as transactions: customer = sample id, date YYYYMMDD, dollar value (see __fixtures__/README). */
export function cdnowTransactions(): Transaction[] {
  return readFileSync(`${dir}CDNOW_sample.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/) as [
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        customerId: String(Number(sampleId)),
        at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });
}

/** A CSV fixture as rows of numbers keyed by header. */
export function readCsv(name: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(`${dir}${name}`, 'utf8').trim().split('\n');
  const keys = header!.trim().split(',');
  return lines.map((line) => {
    const values = line.trim().split(',').map(Number);
    return Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
  });
}

/** cdnow_customers_summary.csv as BTYD input rows (weeks). */
export function cdnowSummary(): { frequency: number; recency: number; T: number }[] {
  return readCsv('cdnow_customers_summary.csv').map((r) => ({
    frequency: r.frequency!,
    recency: r.recency!,
    T: r.T!,
  }));
}
