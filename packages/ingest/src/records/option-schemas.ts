// The option schemas of the readers that other packages compose into their own options (the file sources of
// @cx/connectors take the same delimiter, encoding and record-size options): one definition, imported.
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../input/encoding.js';

/**
 * Schema of the CSV `delimiter` option of the readers: one ASCII character other than a quote or a line break, or
 * `'auto'` to sniff it. Optional (the reader's default is `','`, `'\t'` for `.tsv`).
 *
 * @example
 * ```ts
 * import { csvDelimiterOption } from '@cx/ingest';
 * console.log(csvDelimiterOption.safeParse(';').success, csvDelimiterOption.safeParse('"').success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const csvDelimiterOption = z
  .string()
  .refine(
    (d) => d === 'auto' || (d.length === 1 && d.charCodeAt(0) < 128 && d !== '"' && d !== '\n' && d !== '\r'),
    { message: 'Expected one ASCII character other than a quote or line break, or "auto"' },
  )
  .optional();

/**
 * Schema of the `encoding` option of the readers: a text encoding they decode (and check cell by cell).
 * Optional (default `'utf-8'`).
 *
 * @example
 * ```ts
 * import { textEncodingOption } from '@cx/ingest';
 * console.log(textEncodingOption.safeParse('windows-1250').success, textEncodingOption.safeParse('latin1').success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const textEncodingOption = z.enum(TEXT_ENCODINGS).optional();

/**
 * Schema of the `maxRecordBytes` option of the readers: the longest CSV record accepted, a whole number of bytes
 * from 1,024 to 2³¹ − 1. Optional (default 256 MiB; a longer record is a `CxLimitError`).
 *
 * @example
 * ```ts
 * import { maxRecordBytesOption } from '@cx/ingest';
 * console.log(maxRecordBytesOption.safeParse(1 << 20).success, maxRecordBytesOption.safeParse(100).success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const maxRecordBytesOption = z
  .number()
  .int()
  .min(1024)
  .max(2 ** 31 - 1)
  .optional();

/**
 * Schema of the `format` option of the readers: `'csv'`, `'ndjson'` or `'parquet'`. Optional (default from the
 * path's extension).
 *
 * @example
 * ```ts
 * import { ingestFormatOption } from '@cx/ingest';
 * console.log(ingestFormatOption.safeParse('ndjson').success, ingestFormatOption.safeParse('json').success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const ingestFormatOption = z.enum(['csv', 'ndjson', 'parquet']).optional();

/**
 * Schema of the `maxRejected` option of the readers: fail the read when more rows than a `count`, or than a
 * `share` (0–1) of the rows read, were rejected. Optional (no limit).
 *
 * @example
 * ```ts
 * import { maxRejectedOption } from '@cx/ingest';
 * console.log(maxRejectedOption.safeParse({ share: 0.01 }).success, maxRejectedOption.safeParse({ share: 5 }).success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const maxRejectedOption = z
  .strictObject({ count: z.number().int().min(0).optional(), share: z.number().min(0).max(1).optional() })
  .optional();

/**
 * Schema of an `epoch` unit: an instant written as Unix time in seconds (`'s'`, a fraction allowed), milliseconds
 * (`'ms'`) or microseconds (`'us'`, GA4's `event_timestamp`). Optional: without it an instant is read by the instant
 * grammar and a number is an error, never a guess.
 *
 * @example
 * ```ts
 * import { epochUnitOption } from '@cx/ingest';
 * console.log(epochUnitOption.safeParse('us').success, epochUnitOption.safeParse('seconds').success); // true false
 * ```
 * @category Options
 * @since 0.2.0
 */
export const epochUnitOption = z.enum(['s', 'ms', 'us']).optional();
