import { open } from 'node:fs/promises';
import type { Subscription, ValidationIssue, ValidationIssueCode } from '@cx/model';
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
  /** Bytes read from the file at a time (the reader never holds the whole file). Default 4 MiB, at least 1 KiB. */
  readonly chunkBytes?: number;
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
const MAX_ISSUES = 100;
const decoder = new TextDecoder();
/** Billing intervals by their byte codes (`interval` column), in {@link billingOf} order. */
const BILLING = ['week', 'month', 'quarter', 'year'] as const;

/**
 * Reads a subscriptions CSV straight into {@link SubscriptionColumns} (streamed in chunks through a byte-level
 * parser into typed arrays; customer ids dictionary-encoded from their bytes and decoded to strings only when
 * `customerIds` is first read; no `Subscription` objects), ready for {@link churnSeries}.
 *
 * Columns: `customerId`, `startedAt` and `amount` (required); `endedAt` (empty = still active), `currency`
 * (one across rows) and `billingInterval` (`week`, `month`, `quarter` or `year`; empty = `month`) are optional.
 * Other columns are ignored. Amount changes cannot be given in this layout: each row's amount holds from its
 * start (prepare `Subscription` objects with {@link prepareSubscriptions} for those). Quoted fields (RFC 4180)
 * are read; a quoted field may not span lines. Instants in the form `YYYY-MM-DDTHH:mm:ss(.sss)(Z|±HH:mm)` are
 * parsed from the bytes; other forms ending in `Z` or an offset go through `Date.parse`, as in
 * {@link prepareSubscriptions}.
 *
 * @param path - Path of the CSV file (UTF-8, header row first).
 * @param options - Column names, delimiter and chunk size.
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
 * const [jan, feb] = churnSeries(table, { interval: 'month', from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
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
  const chunkBytes = Math.max(1 << 10, Math.floor(options.chunkBytes ?? 1 << 22));
  const parser = new SubscriptionCsvParser(delimiter.charCodeAt(0), options.columns ?? {});
  const file = await open(path, 'r');
  try {
    // Complete lines of each chunk are parsed; the cut last line is carried to the front for the next read.
    let buffer = Buffer.allocUnsafe(2 * chunkBytes);
    let carry = 0;
    for (;;) {
      if (buffer.length < carry + chunkBytes) {
        const grown = Buffer.allocUnsafe(2 * (carry + chunkBytes));
        buffer.copy(grown, 0, 0, carry);
        buffer = grown;
      }
      const { bytesRead } = await file.read(buffer, carry, chunkBytes, null);
      const end = carry + bytesRead;
      const final = bytesRead === 0;
      const consumed = parser.parse(buffer.subarray(0, end), final);
      if (final) break;
      buffer.copy(buffer, 0, consumed, end);
      carry = end - consumed;
    }
  } finally {
    await file.close();
  }
  return parser.finish();
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

/**
 * The billing interval written in `buf[from, to)` as an index into `BILLING`, or -1 (internal; compares bytes, no
 * string is created).
 */
function billingOf(buf: Uint8Array, from: number, to: number): number {
  const len = to - from;
  const c0 = buf[from];
  if (len === 4 && c0 === 119 && buf[from + 1] === 101 && buf[from + 2] === 101 && buf[from + 3] === 107)
    return 0; // week
  if (
    len === 5 &&
    c0 === 109 &&
    buf[from + 1] === 111 &&
    buf[from + 2] === 110 &&
    buf[from + 3] === 116 &&
    buf[from + 4] === 104
  )
    return 1; // month
  if (
    len === 7 &&
    c0 === 113 &&
    buf[from + 1] === 117 &&
    buf[from + 2] === 97 &&
    buf[from + 3] === 114 &&
    buf[from + 4] === 116 &&
    buf[from + 5] === 101 &&
    buf[from + 6] === 114
  )
    return 2; // quarter
  if (len === 4 && c0 === 121 && buf[from + 1] === 101 && buf[from + 2] === 97 && buf[from + 3] === 114)
    return 3; // year
  return -1;
}

/**
 * Epoch ms of the instant in `buf[from, to)`: parsed from the bytes in the usual fixed form, else (rare) decoded
 * and given to `Date.parse` when it ends in `Z` or an offset, as `prepareSubscriptions` does; `NaN` when it is
 * no instant (internal).
 */
function instantOf(buf: Uint8Array, from: number, to: number): number {
  const fast = parseInstantBytes(buf, from, to);
  if (!Number.isNaN(fast)) return fast;
  const text = decoder.decode(buf.subarray(from, to));
  return /(?:Z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : Number.NaN;
}

/** Whether column `col` is one of the `fields` of the current line (internal). */
function within(col: number, fields: number): boolean {
  return col >= 0 && col < fields;
}

/** Field `col` of the current line as a string, for messages (internal). */
function fieldText(reader: LineReader, col: number): string {
  return decoder.decode((reader.src[col] as Uint8Array).subarray(reader.from[col], reader.to[col]));
}

/** Parses a subscriptions CSV chunk by chunk into growable columns (internal). */
class SubscriptionCsvParser {
  readonly #delimiter: number;
  readonly #names: Partial<Readonly<Record<SubscriptionCsvField, string>>>;
  #header: string[] | undefined;
  #first = true;
  #reader = new LineReader(1);
  #cCustomer = -1;
  #cStart = -1;
  #cEnd = -1;
  #cAmount = -1;
  #cCurrency = -1;
  #cInterval = -1;
  readonly #dictionary = new ByteDictionary();
  readonly #currencies = new ByteDictionary();
  readonly #customer = new GrowableInt32(1 << 16);
  readonly #start = new GrowableFloat64(1 << 16);
  readonly #end = new GrowableFloat64(1 << 16);
  readonly #mrr = new GrowableFloat64(1 << 16);
  readonly #interval: Array<Subscription['billingInterval']> = [];
  readonly #issues: ValidationIssue[] = [];
  #issueCount = 0;
  #minTime = Number.POSITIVE_INFINITY;
  #maxTime = Number.NEGATIVE_INFINITY;
  #row = -1;

  constructor(delimiter: number, names: Partial<Readonly<Record<SubscriptionCsvField, string>>>) {
    this.#delimiter = delimiter;
    this.#names = names;
  }

  #issue(row: number, field: SubscriptionCsvField, message: string, code: ValidationIssueCode): void {
    this.#issueCount++;
    if (this.#issues.length < MAX_ISSUES) this.#issues.push({ path: [row, field], message, code });
  }

  #setHeader(buf: Uint8Array, from: number, to: number): void {
    const delimiter = this.#delimiter;
    const header = decoder
      .decode(buf.subarray(from, to))
      .split(String.fromCharCode(delimiter))
      .map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
    const index = new Int32Array(FIELDS.length).fill(-1);
    const missing: ValidationIssue[] = [];
    FIELDS.forEach((field, f) => {
      const name = this.#names[field] ?? field;
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
    this.#header = header;
    this.#reader = new LineReader(header.length);
    [this.#cCustomer, this.#cStart, this.#cEnd, this.#cAmount, this.#cCurrency, this.#cInterval] = Array.from(
      index,
    ) as [number, number, number, number, number, number];
  }

  /**
   * Parses the complete lines of `buf` (all of it when `final`); returns where the first incomplete line starts.
   * @throws {@link @cx/model!CxValidationError} for a header without the required columns.
   */
  parse(buf: Uint8Array, final: boolean): number {
    let pos = 0;
    if (this.#first) {
      if (buf.length < 3 && !final) return 0;
      this.#first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    for (;;) {
      if (pos >= buf.length) return pos;
      let end = buf.indexOf(10, pos);
      if (end === -1) {
        if (!final) return pos;
        end = buf.length;
      }
      const stop = end > pos && buf[end - 1] === 13 ? end - 1 : end;
      const lineStart = pos;
      pos = end + 1;
      if (this.#header === undefined) this.#setHeader(buf, lineStart, stop);
      else if (stop > lineStart) this.#line(buf, lineStart, stop); // blank lines are skipped
    }
  }

  #line(buf: Uint8Array, lineStart: number, stop: number): void {
    const reader = this.#reader;
    const row = ++this.#row;
    const fields = reader.read(buf, lineStart, stop, this.#delimiter);
    if (fields === -1) {
      this.#issue(row, 'customerId', 'Expected a closing quote on the same line', 'invalid_csv');
      return;
    }
    const before = this.#issueCount;
    const cCustomer = this.#cCustomer;
    const cStart = this.#cStart;
    const cEnd = this.#cEnd;
    const cAmount = this.#cAmount;
    const cCurrency = this.#cCurrency;
    const cInterval = this.#cInterval;
    let c = -1;
    if (within(cCustomer, fields) && reader.to[cCustomer]! > reader.from[cCustomer]!) {
      c = this.#dictionary.intern(
        reader.src[cCustomer] as Uint8Array,
        reader.from[cCustomer]!,
        reader.to[cCustomer]!,
      );
    } else this.#issue(row, 'customerId', 'Expected a customer id', 'invalid_type');
    const t0 = within(cStart, fields)
      ? instantOf(reader.src[cStart] as Uint8Array, reader.from[cStart]!, reader.to[cStart]!)
      : Number.NaN;
    if (Number.isNaN(t0))
      this.#issue(
        row,
        'startedAt',
        `Expected a UTC instant, got ${JSON.stringify(within(cStart, fields) ? fieldText(reader, cStart) : '')}`,
        'invalid_date',
      );
    let t1 = Number.POSITIVE_INFINITY;
    if (within(cEnd, fields) && reader.to[cEnd]! > reader.from[cEnd]!) {
      t1 = instantOf(reader.src[cEnd] as Uint8Array, reader.from[cEnd]!, reader.to[cEnd]!);
      if (Number.isNaN(t1))
        this.#issue(
          row,
          'endedAt',
          `Expected a UTC instant, got ${JSON.stringify(fieldText(reader, cEnd))}`,
          'invalid_date',
        );
      else if (t1 < t0)
        this.#issue(row, 'endedAt', 'Expected endedAt not before startedAt', 'end_before_start');
    }
    const amount =
      within(cAmount, fields) && reader.to[cAmount]! > reader.from[cAmount]!
        ? parseNumberBytes(reader.src[cAmount] as Uint8Array, reader.from[cAmount]!, reader.to[cAmount]!)
        : Number.NaN;
    if (!(amount >= 0)) this.#issue(row, 'amount', 'Expected a non-negative finite amount', 'invalid_amount');
    let billing: Subscription['billingInterval'] = 'month';
    if (within(cInterval, fields) && reader.to[cInterval]! > reader.from[cInterval]!) {
      const code = billingOf(
        reader.src[cInterval] as Uint8Array,
        reader.from[cInterval]!,
        reader.to[cInterval]!,
      );
      if (code >= 0) billing = BILLING[code] as Subscription['billingInterval'];
      else
        this.#issue(
          row,
          'billingInterval',
          `Expected week, month, quarter or year, got ${JSON.stringify(fieldText(reader, cInterval))}`,
          'invalid_unit',
        );
    }
    if (cCurrency >= 0) {
      const currencies = this.#currencies;
      const k = within(cCurrency, fields)
        ? currencies.intern(
            reader.src[cCurrency] as Uint8Array,
            reader.from[cCurrency]!,
            reader.to[cCurrency]!,
          )
        : -1;
      if (k !== 0)
        this.#issue(
          row,
          'currency',
          `Expected one currency across subscriptions (${currencies.size > 0 ? currencies.decode(0) : '?'}), got ${JSON.stringify(k > 0 ? currencies.decode(k) : '')}; convert first`,
          'mixed_currency',
        );
    }
    if (this.#issueCount !== before) return;
    this.#customer.push(c);
    this.#start.push(t0);
    this.#end.push(t1);
    this.#mrr.push(amount * PER_MONTH[billing]);
    this.#interval.push(billing);
    if (t0 < this.#minTime) this.#minTime = t0;
    const last = t1 === Number.POSITIVE_INFINITY ? t0 : t1;
    if (last > this.#maxTime) this.#maxTime = last;
  }

  /**
   * The table of all rows parsed.
   * @throws {@link @cx/model!CxValidationError} for an empty file (no header) or the issues of bad rows.
   */
  finish(): SubscriptionColumns {
    if (this.#header === undefined) this.#setHeader(new Uint8Array(0), 0, 0);
    if (this.#issueCount > 0) throw new CxValidationError(this.#issues, { subject: 'subscriptions CSV' });
    const count = this.#customer.length;
    const customerArray = this.#customer.toArray();
    const startArray = this.#start.toArray();
    const endArray = this.#end.toArray();
    const changeOffsets = new Int32Array(count + 1);
    for (let i = 0; i <= count; i++) changeOffsets[i] = i;
    const dictionary = this.#dictionary;
    const customers = dictionary.size;
    const spells = mergeSpells(customers, customerArray, startArray, endArray);
    const currency = this.#currencies.size > 0 ? this.#currencies.decode(0) : undefined;
    let customerIds: string[] | undefined;
    return {
      kind: 'subscription-columns',
      count,
      // Decoded on first read: the sweep works on the indices and never needs the strings.
      get customerIds(): readonly string[] {
        customerIds ??= Array.from({ length: customers }, (_, k) => dictionary.decode(k));
        return customerIds;
      },
      customer: customerArray,
      start: startArray,
      end: endArray,
      interval: this.#interval,
      changeOffsets,
      changeTime: startArray,
      changeMrr: this.#mrr.toArray(),
      customerOffsets: spells.customerOffsets,
      customerSubscriptions: spells.customerSubscriptions,
      spellOffsets: spells.spellOffsets,
      spellFrom: spells.spellFrom,
      spellTo: spells.spellTo,
      currency,
      minTime: this.#minTime,
      maxTime: this.#maxTime,
    };
  }
}
