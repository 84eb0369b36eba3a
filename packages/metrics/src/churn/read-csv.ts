import { readFile } from 'node:fs/promises';
import type { Subscription, ValidationIssue } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { ByteDictionary } from '../columnar/byte-dictionary.js';
import { GrowableFloat64, GrowableInt32 } from '../columnar/growable.js';
import { parseInstantBytes, parseNumberBytes } from '../columnar/parse-bytes.js';
import type { SubscriptionColumns } from './columns.js';
import { mergeSpells, PER_MONTH } from './subscriptions.js';

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
}

const FIELDS: readonly SubscriptionCsvField[] = [
  'customerId',
  'startedAt',
  'endedAt',
  'amount',
  'currency',
  'billingInterval',
];
const REQUIRED: ReadonlySet<SubscriptionCsvField> = new Set(['customerId', 'startedAt', 'amount']);
const INTERVALS = Object.keys(PER_MONTH) as Array<Subscription['billingInterval']>;
const MAX_ISSUES = 100;
const decoder = new TextDecoder();

/**
 * Reads a subscriptions CSV straight into {@link SubscriptionColumns} (byte-level parser, typed arrays,
 * dictionary-encoded customer ids; no `Subscription` objects), ready for {@link churnSeries}.
 *
 * Columns: `customerId`, `startedAt` and `amount` (required); `endedAt` (empty = still active), `currency`
 * (one across rows) and `billingInterval` (`week`, `month`, `quarter` or `year`; empty = `month`) are optional.
 * Other columns are ignored. Amount changes cannot be given in this layout: each row's amount holds from its
 * start (prepare `Subscription` objects with {@link prepareSubscriptions} for those). Quoted fields (RFC 4180)
 * are read; a quoted field may not span lines.
 *
 * @param path - Path of the CSV file (UTF-8, header row first).
 * @param options - Column names and delimiter.
 * @returns The prepared table.
 * @throws {@link @cx/model!CxValidationError} for a header without the required columns, and for rows with bad
 *   instants, end before start, negative or missing amounts, unknown billing intervals or mixed currencies,
 *   with paths `[dataRowIndex, field]` (first 100 issues).
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
 * const [jan, feb] = churnSeries(table, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
 * console.log(jan?.revenue.startMrr, feb?.revenue.startMrr, feb?.lostCustomers); // 10 39 1
 * ```
 * @category Churn
 * @since 0.1.0
 */
export async function readSubscriptionColumnsCsv(
  path: string,
  options: ReadSubscriptionCsvOptions = {},
): Promise<SubscriptionColumns> {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || delimiter === '"') {
    throw new CxValidationError([
      {
        path: ['delimiter'],
        message: `Expected one ASCII character, got ${JSON.stringify(delimiter)}`,
        code: 'invalid_value',
      },
    ]);
  }
  const buf: Uint8Array = await readFile(path);
  return parseSubscriptionCsv(buf, delimiter.charCodeAt(0), options.columns ?? {});
}

/** Splits a line into fields; quoted fields are unescaped into `scratch` (internal). */
class LineReader {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly src: Array<Uint8Array>;
  scratch = new Uint8Array(256);

  constructor(columns: number) {
    this.from = new Int32Array(columns);
    this.to = new Int32Array(columns);
    this.src = new Array<Uint8Array>(columns);
  }

  /** Reads the fields of `buf[start, end)`; returns the number of fields, or -1 for a bad quote. */
  read(buf: Uint8Array, start: number, end: number, delimiter: number): number {
    let field = 0;
    let pos = start;
    let used = 0;
    const max = this.from.length;
    for (;;) {
      let a = pos;
      let b: number;
      let source = buf;
      if (buf[pos] === 34) {
        // Quoted: copy the content with "" unescaped into the scratch buffer.
        if (this.scratch.length < used + (end - pos)) {
          const grown = new Uint8Array(2 * (used + end - pos));
          grown.set(this.scratch.subarray(0, used));
          this.scratch = grown;
        }
        a = used;
        pos++;
        for (;;) {
          if (pos >= end) return -1;
          const ch = buf[pos] as number;
          if (ch === 34) {
            if (buf[pos + 1] === 34 && pos + 1 < end) {
              this.scratch[used++] = 34;
              pos += 2;
              continue;
            }
            pos++;
            break;
          }
          this.scratch[used++] = ch;
          pos++;
        }
        b = used;
        source = this.scratch;
        if (pos < end && buf[pos] !== delimiter) return -1;
      } else {
        while (pos < end && buf[pos] !== delimiter) pos++;
        b = pos;
      }
      if (field < max) {
        this.from[field] = a;
        this.to[field] = b;
        this.src[field] = source;
      }
      field++;
      if (pos >= end) return field;
      pos++; // delimiter
    }
  }
}

function parseSubscriptionCsv(
  buf: Uint8Array,
  delimiter: number,
  names: Partial<Readonly<Record<SubscriptionCsvField, string>>>,
): SubscriptionColumns {
  const lineEnd = (from: number): number => {
    const nl = buf.indexOf(10, from);
    return nl === -1 ? buf.length : nl;
  };
  // Header.
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let end = lineEnd(pos);
  const headerEnd = end > pos && buf[end - 1] === 13 ? end - 1 : end;
  const header = decoder
    .decode(buf.subarray(pos, headerEnd))
    .split(String.fromCharCode(delimiter))
    .map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  const index = new Int32Array(FIELDS.length).fill(-1);
  const missing: ValidationIssue[] = [];
  FIELDS.forEach((field, f) => {
    const name = names[field] ?? field;
    index[f] = header.indexOf(name);
    if (index[f] === -1 && REQUIRED.has(field)) {
      missing.push({
        path: ['header', name],
        message: `Expected a column "${name}"`,
        code: 'missing_column',
      });
    }
  });
  if (missing.length > 0) throw new CxValidationError(missing, { subject: 'subscriptions CSV' });
  const [cCustomer, cStart, cEnd, cAmount, cCurrency, cInterval] = Array.from(index);
  const reader = new LineReader(header.length);
  const dictionary = new ByteDictionary();
  const currencies = new ByteDictionary();
  const customer = new GrowableInt32(1 << 16);
  const start = new GrowableFloat64(1 << 16);
  const endTime = new GrowableFloat64(1 << 16);
  const mrr = new GrowableFloat64(1 << 16);
  const interval: Array<Subscription['billingInterval']> = [];
  const issues: ValidationIssue[] = [];
  let issueCount = 0;
  const issue = (row: number, field: SubscriptionCsvField, message: string, code: string): void => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ path: [row, field], message, code });
  };
  const text = (col: number): string =>
    decoder.decode((reader.src[col] as Uint8Array).subarray(reader.from[col], reader.to[col]));
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  let row = -1;
  let fields = 0;
  const has = (col: number | undefined): col is number => col !== undefined && col >= 0 && col < fields;
  pos = end + 1;
  while (pos < buf.length) {
    end = lineEnd(pos);
    const stop = end > pos && buf[end - 1] === 13 ? end - 1 : end;
    const lineStart = pos;
    pos = end + 1;
    if (stop === lineStart) continue; // blank line
    row++;
    fields = reader.read(buf, lineStart, stop, delimiter);
    if (fields === -1) {
      issue(row, 'customerId', 'Expected a closing quote on the same line', 'invalid_csv');
      continue;
    }
    const before = issueCount;
    let c = -1;
    if (has(cCustomer) && reader.to[cCustomer]! > reader.from[cCustomer]!) {
      c = dictionary.intern(
        reader.src[cCustomer] as Uint8Array,
        reader.from[cCustomer]!,
        reader.to[cCustomer]!,
      );
    } else issue(row, 'customerId', 'Expected a customer id', 'invalid_type');
    const t0 = has(cStart)
      ? parseInstantBytes(reader.src[cStart] as Uint8Array, reader.from[cStart]!, reader.to[cStart]!)
      : Number.NaN;
    if (Number.isNaN(t0))
      issue(
        row,
        'startedAt',
        `Expected a UTC instant, got ${JSON.stringify(has(cStart) ? text(cStart) : '')}`,
        'invalid_date',
      );
    let t1 = Number.POSITIVE_INFINITY;
    if (has(cEnd) && reader.to[cEnd]! > reader.from[cEnd]!) {
      t1 = parseInstantBytes(reader.src[cEnd] as Uint8Array, reader.from[cEnd]!, reader.to[cEnd]!);
      if (Number.isNaN(t1))
        issue(row, 'endedAt', `Expected a UTC instant, got ${JSON.stringify(text(cEnd))}`, 'invalid_date');
      else if (t1 < t0) issue(row, 'endedAt', 'Expected endedAt not before startedAt', 'end_before_start');
    }
    const amount =
      has(cAmount) && reader.to[cAmount]! > reader.from[cAmount]!
        ? parseNumberBytes(reader.src[cAmount] as Uint8Array, reader.from[cAmount]!, reader.to[cAmount]!)
        : Number.NaN;
    if (!(amount >= 0)) issue(row, 'amount', 'Expected a non-negative finite amount', 'invalid_amount');
    let billing: Subscription['billingInterval'] = 'month';
    if (has(cInterval) && reader.to[cInterval]! > reader.from[cInterval]!) {
      const value = text(cInterval) as Subscription['billingInterval'];
      if (INTERVALS.includes(value)) billing = value;
      else
        issue(
          row,
          'billingInterval',
          `Expected week, month, quarter or year, got ${JSON.stringify(value)}`,
          'invalid_unit',
        );
    }
    if (cCurrency !== undefined && cCurrency >= 0) {
      const k = has(cCurrency)
        ? currencies.intern(
            reader.src[cCurrency] as Uint8Array,
            reader.from[cCurrency]!,
            reader.to[cCurrency]!,
          )
        : -1;
      if (k !== 0)
        issue(
          row,
          'currency',
          `Expected one currency across subscriptions (${currencies.size > 0 ? currencies.decode(0) : '?'}), got ${JSON.stringify(k > 0 ? currencies.decode(k) : '')}; convert first`,
          'mixed_currency',
        );
    }
    if (issueCount !== before) continue;
    customer.push(c);
    start.push(t0);
    endTime.push(t1);
    mrr.push(amount * PER_MONTH[billing]);
    interval.push(billing);
    if (t0 < minTime) minTime = t0;
    const last = t1 === Number.POSITIVE_INFINITY ? t0 : t1;
    if (last > maxTime) maxTime = last;
  }
  if (issueCount > 0) throw new CxValidationError(issues, { subject: 'subscriptions CSV' });
  const count = customer.length;
  const customerArray = customer.toArray();
  const startArray = start.toArray();
  const endArray = endTime.toArray();
  const changeOffsets = new Int32Array(count + 1);
  for (let i = 0; i <= count; i++) changeOffsets[i] = i;
  return {
    kind: 'subscription-columns',
    count,
    customerIds: Array.from({ length: dictionary.size }, (_, k) => dictionary.decode(k)),
    customer: customerArray,
    start: startArray,
    end: endArray,
    interval,
    changeOffsets,
    changeTime: startArray,
    changeMrr: mrr.toArray(),
    ...mergeSpells(dictionary.size, customerArray, startArray, endArray),
    currency: currencies.size > 0 ? currencies.decode(0) : undefined,
    minTime,
    maxTime,
  };
}
