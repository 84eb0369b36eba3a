import {
  type DeadLetter,
  deadLetterIssue,
  defineMapping,
  type FieldSource,
  GrowableFloat64,
  GrowableInt32,
  readColumns,
  readHeader,
} from '@cx/ingest';
import type { Subscription, ValidationIssue } from '@cx/model';
import { CxValidationError, parseOptions } from '@cx/model';
import { z } from 'zod';
import { csvChunkBytesOption, csvDelimiterOption } from '../columnar/csv-options.js';
import type { SubscriptionColumns } from './columns.js';
import { mrrUnits } from './mrr-units.js';
import { mergeSpells, PER_MONTH } from './subscriptions.js';
import { simpleFormOf } from './sweep/simple-form.js';

/**
 * The subscription fields a CSV column can hold, by their names in {@link @cx/model!Subscription}.
 *
 * @category Churn
 * @since 0.1.0
 */
export type SubscriptionCsvField =
  | 'customerId'
  | 'startedAt'
  | 'endedAt'
  | 'amount'
  | 'currency'
  | 'billingInterval';

/**
 * Options of {@link readSubscriptionColumnsCsv}.
 *
 * @category Churn
 * @since 0.1.0
 */
export interface ReadSubscriptionCsvOptions {
  /** Header names of the fields when they differ from the field names, e.g. `{ customerId: 'account' }`. */
  readonly columns?: Partial<Readonly<Record<SubscriptionCsvField, string>>>;
  /** Field delimiter, one ASCII character. Default `','`. */
  readonly delimiter?: string;
  /** Bytes read from the file at a time (the reader never holds the whole file). Default 4 MiB, at least 1 KiB. */
  readonly chunkBytes?: number;
  /**
   * IANA time zone of instants written without an offset (`2026-03-01 09:30`); without it they are rejected. DST gaps
   * and overlaps are rejected.
   */
  readonly timeZone?: string;
}

const FIELDS = [
  'customerId',
  'startedAt',
  'endedAt',
  'amount',
  'currency',
  'billingInterval',
] as const satisfies readonly SubscriptionCsvField[];

/** The options of {@link readSubscriptionColumnsCsv}, strictly (internal). */
const optionsSchema = z.strictObject({
  columns: z.partialRecord(z.enum(FIELDS), z.string().min(1)).optional(),
  delimiter: csvDelimiterOption.optional(),
  chunkBytes: csvChunkBytesOption.optional(),
  timeZone: z.string().min(1).optional(),
});
const REQUIRED: ReadonlySet<SubscriptionCsvField> = new Set(['customerId', 'startedAt', 'amount']);
const MAX_ISSUES = 100;
const BILLING = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

/**
 * Reads a subscriptions CSV straight into {@link SubscriptionColumns} through the `@cx/ingest` column path (streamed
 * in chunks by the byte-level tokenizer into typed arrays; customer ids dictionary-encoded and decoded to strings
 * only when `customerIds` is first read; no `Subscription` objects), ready for {@link churnSeries}.
 *
 * Columns: `customerId`, `startedAt` and `amount` (required); `endedAt` (empty = still active), `currency`
 * (one across rows) and `billingInterval` (`week`, `month`, `quarter` or `year`; empty = `month`) are optional.
 * Other columns are ignored. Amount changes cannot be given in this layout: each row's amount holds from its
 * start (prepare `Subscription` objects with {@link prepareSubscriptions} for those). Quoted fields (RFC 4180, line
 * breaks included) are read. Instants follow the grammar of `@cx/ingest` (an offset or `Z`, or a local time with
 * `timeZone`); amounts its numbers grammar (`1,234.50`, `1 234,50`, a currency sign; `1,234` alone is ambiguous).
 *
 * @param path - Path of the CSV file (UTF-8, header row first).
 * @param options - Column names, delimiter, chunk size and time zone.
 * @returns The prepared table.
 * @throws {@link @cx/model!CxOptionsError} (at the call, before any reading) for an unknown option or column field, a
 *   delimiter other than one ASCII character, or `chunkBytes` outside 1 KiB–1 GiB or not whole.
 * @throws {@link @cx/model!CxValidationError} (the promise rejects) for a header without the required columns, and for rows with bad
 *   instants, end before start, negative or missing amounts, unknown billing intervals, mixed currencies, wrong
 *   field counts or quotes, with paths `[dataRowIndex, field]` (first 100 issues) and the line in each message.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { churnSeries, readSubscriptionColumnsCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'subscriptions-columns-example.csv');
 * writeFileSync(file, 'customerId,startedAt,endedAt,amount,currency\n' +
 *   'c1,2026-01-10T00:00:00Z,2026-02-20T00:00:00Z,29,EUR\nc2,2025-12-01T00:00:00Z,,10,EUR\n');
 * const table = await readSubscriptionColumnsCsv(file);
 * const [jan, feb] = churnSeries(table, { interval: 'month', from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
 * console.log(jan?.revenue.startMrr, feb?.revenue.startMrr, feb?.lostCustomers); // 10 39 1
 * ```
 * @category Churn
 * @since 0.1.0
 */
export function readSubscriptionColumnsCsv(
  path: string,
  options: ReadSubscriptionCsvOptions = {},
): Promise<SubscriptionColumns> {
  parseOptions(optionsSchema, options, 'readSubscriptionColumnsCsv');
  return readTable(path, options);
}

/** The read of {@link readSubscriptionColumnsCsv} once its options are checked (internal). */
async function readTable(path: string, options: ReadSubscriptionCsvOptions): Promise<SubscriptionColumns> {
  const delimiter = options.delimiter ?? ',';
  const chunkBytes = options.chunkBytes ?? 1 << 22;
  let header: string[] = [];
  try {
    header = await readHeader({ path }, { format: 'csv', delimiter, chunkBytes });
  } catch (error) {
    if (!(error instanceof CxValidationError && error.issues[0]?.code === 'missing_header')) throw error;
  }
  const names = options.columns ?? {};
  const present = new Map<SubscriptionCsvField, string>();
  const missing: ValidationIssue[] = [];
  for (const field of FIELDS) {
    const name = names[field] ?? field;
    if (header.includes(name)) present.set(field, name);
    else if (REQUIRED.has(field))
      missing.push({
        path: ['header', name],
        message: `Expected a column "${name}"`,
        code: 'missing_column',
      });
  }
  if (missing.length > 0) throw new CxValidationError(missing, { subject: 'subscriptions CSV' });
  const fields: Record<string, FieldSource> = { id: { generate: 'line' }, status: { value: 'active' } };
  for (const [field, name] of present) {
    fields[field] = field === 'billingInterval' ? { column: name, values: BILLING, default: 'month' } : name;
  }
  if (!present.has('currency')) fields.currency = { value: 'XXX' }; // required by the model; not read, not output
  const mapping = defineMapping({
    kind: 'subscription',
    fields,
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
  });
  const stream = readColumns(
    { path },
    { format: 'csv', delimiter, chunkBytes, mapping, fields: [...present.keys()] },
  );
  const customer = new GrowableInt32(1 << 16);
  const start = new GrowableFloat64(1 << 16);
  const end = new GrowableFloat64(1 << 16);
  const mrr = new GrowableFloat64(1 << 16);
  const amounts = new GrowableFloat64(1 << 16);
  const interval: Array<Subscription['billingInterval']> = [];
  const extra: ValidationIssue[] = [];
  let extraCount = 0;
  let currencyIndex = -1;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  // Per batch, each column once (not a property lookup per cell), and per billing-interval code its name and
  // monthly factor (not a keyed lookup per row).
  const hasCurrency = present.has('currency');
  const hasBilling = present.has('billingInterval');
  const hasEnd = present.has('endedAt');
  const none = new Int32Array(0);
  const noTimes = new Float64Array(0);
  for await (const batch of stream) {
    const c = batch.columns;
    const currencies = hasCurrency ? stream.dictionary('currency') : [];
    const billingNames = (hasBilling ? stream.dictionary('billingInterval') : []) as ReadonlyArray<
      Subscription['billingInterval']
    >;
    const billingFactors = billingNames.map((b) => PER_MONTH[b]);
    const currencyCodes = hasCurrency ? (c.currency as Int32Array) : none;
    const billingCodes = hasBilling ? (c.billingInterval as Int32Array) : none;
    const customerCodes = c.customerId as Int32Array;
    const starts = c.startedAt as Float64Array;
    const ends = hasEnd ? (c.endedAt as Float64Array) : noTimes;
    const amountCells = c.amount as Float64Array;
    for (let i = 0; i < batch.length; i++) {
      if (hasCurrency) {
        const k = currencyCodes[i] as number;
        if (currencyIndex < 0) currencyIndex = k;
        else if (k !== currencyIndex) {
          extraCount++;
          if (extra.length < MAX_ISSUES) {
            extra.push({
              path: [(batch.line[i] as number) - 2, 'currency'],
              message: `Expected one currency across subscriptions (${currencies[currencyIndex]}), got ${JSON.stringify(currencies[k])}; convert first (line ${batch.line[i]})`,
              code: 'mixed_currency',
            });
          }
          continue;
        }
      }
      const code = hasBilling ? (billingCodes[i] as number) : -1;
      const billing = code < 0 ? 'month' : (billingNames[code] as Subscription['billingInterval']);
      const factor = code < 0 ? 1 : (billingFactors[code] as number);
      const t0 = starts[i] as number;
      const t1Raw = hasEnd ? (ends[i] as number) : Number.NaN;
      const t1 = Number.isNaN(t1Raw) ? Number.POSITIVE_INFINITY : t1Raw;
      customer.push(customerCodes[i] as number);
      start.push(t0);
      end.push(t1);
      const amount = amountCells[i] as number;
      amounts.push(amount);
      mrr.push(amount * factor);
      interval.push(billing);
      if (t0 < minTime) minTime = t0;
      const last = t1 === Number.POSITIVE_INFINITY ? t0 : t1;
      if (last > maxTime) maxTime = last;
    }
  }
  const summary = stream.summary;
  if (summary.rejected > 0 || extraCount > 0) {
    const issues = [...rowIssues(summary.deadLetters), ...extra].sort(
      (a, b) => (a.path[0] as number) - (b.path[0] as number),
    );
    throw new CxValidationError(issues.slice(0, MAX_ISSUES), { subject: 'subscriptions CSV' });
  }
  const count = customer.length;
  const customerArray = customer.toArray();
  const startArray = start.toArray();
  const endArray = end.toArray();
  const changeOffsets = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) changeOffsets[i] = i;
  const ids = stream.dictionary('customerId');
  const customers = ids.length;
  const spells = mergeSpells(customers, customerArray, startArray, endArray);
  const amountArray = amounts.toArray();
  const exact = mrrUnits(amountArray, changeOffsets, interval);
  const currency = currencyIndex >= 0 ? stream.dictionary('currency')[currencyIndex] : undefined;
  const table: SubscriptionColumns = {
    kind: 'subscription-columns',
    count,
    customerIds: ids,
    customer: customerArray,
    start: startArray,
    end: endArray,
    interval,
    changeOffsets,
    changeTime: startArray,
    changeAmount: amountArray,
    changeMrr: mrr.toArray(),
    changeMrrUnits: exact.units,
    mrrScale: exact.scale,
    customerOffsets: spells.customerOffsets,
    customerSubscriptions: spells.customerSubscriptions,
    spellOffsets: spells.spellOffsets,
    spellFrom: spells.spellFrom,
    spellTo: spells.spellTo,
    currency,
    minTime,
    maxTime,
  };
  simpleFormOf(table); // the sweeps' sorted form of the simple customers, built here as by prepareSubscriptions
  return table;
}

/** The issues of dead letters with `[dataRowIndex, field]` paths, with line and column (internal). */
function rowIssues(letters: readonly DeadLetter[]): ValidationIssue[] {
  return letters.map(deadLetterIssue);
}
