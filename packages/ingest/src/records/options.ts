import { CxOptionsError, parseOptions } from '@cx/model';
import { z } from 'zod';
import type { TextEncodingName } from '../input/encoding.js';
import { filePath, type IngestInput } from '../input/input.js';
import type { DeadLetter } from './dead-letter.js';

/**
 * Formats the readers understand.
 *
 * @category Reading
 * @since 0.1.0
 */
export type IngestFormat = 'csv' | 'ndjson' | 'parquet';

/**
 * Options shared by every reader ({@link readRows}, {@link readRecords}, {@link readAll}, {@link readColumns}).
 *
 * @category Reading
 * @since 0.1.0
 */
export interface ReadOptions {
  /** The format; default from the path's extension (`.csv`, `.tsv`, `.ndjson`, `.jsonl`, `.parquet`, each optionally `.gz`). */
  readonly format?: IngestFormat;
  /** CSV field delimiter, one ASCII character, or `'auto'` to sniff it (an error when unsure). Default `','` (`'\t'` for `.tsv`). */
  readonly delimiter?: string;
  /** Text encoding. Default `'utf-8'` (checked). */
  readonly encoding?: TextEncodingName;
  /** Name of the source in dead letters and messages. Default the path, or `text`/`bytes`/`stream`. */
  readonly name?: string;
  /** Bytes read per step. Default 1 MiB. */
  readonly chunkBytes?: number;
  /** Longest CSV record accepted, in bytes. Default 256 MiB; longer is a `CxLimitError`. */
  readonly maxRecordBytes?: number;
  /** Stops the read: iteration throws the signal's reason and the file is closed. */
  readonly signal?: AbortSignal;
  /** Called with every dead letter as it is made. */
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  /** How many dead letters the summary keeps. Default 1,000 (all are counted; all go to `onDeadLetter`). */
  readonly keepDeadLetters?: number;
  /** Fail the read (after the last row) when more rows than this were rejected: a count, or a share of the rows in. */
  readonly maxRejected?: { readonly count?: number; readonly share?: number };
}

/** Read options after checks and defaults (internal). */
export interface ResolvedReadOptions {
  readonly format: IngestFormat;
  readonly delimiter: string;
  readonly encoding: TextEncodingName;
  readonly name: string;
  readonly chunkBytes: number;
  readonly maxRecordBytes: number;
  readonly signal: AbortSignal | undefined;
  readonly onDeadLetter: ((letter: DeadLetter) => void) | undefined;
  readonly keepDeadLetters: number;
  readonly maxRejected:
    | { readonly count?: number | undefined; readonly share?: number | undefined }
    | undefined;
}

/** The option keys of {@link ReadOptions} (internal). */
export const readOptionShape = {
  format: z.enum(['csv', 'ndjson', 'parquet']).optional(),
  delimiter: z
    .string()
    .refine(
      (d) =>
        d === 'auto' || (d.length === 1 && d.charCodeAt(0) < 128 && d !== '"' && d !== '\n' && d !== '\r'),
      {
        message: 'Expected one ASCII character other than a quote or line break, or "auto"',
      },
    )
    .optional(),
  encoding: z
    .enum(['utf-8', 'utf-16le', 'windows-1250', 'windows-1252', 'iso-8859-2', 'iso-8859-1'])
    .optional(),
  name: z.string().min(1).optional(),
  chunkBytes: z
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .optional(),
  maxRecordBytes: z
    .number()
    .int()
    .min(1024)
    .max(2 ** 31 - 1)
    .optional(),
  signal: z
    .custom<AbortSignal>((v) => v instanceof AbortSignal, { message: 'Expected an AbortSignal' })
    .optional(),
  onDeadLetter: z
    .custom<(letter: DeadLetter) => void>((v) => typeof v === 'function', { message: 'Expected a function' })
    .optional(),
  keepDeadLetters: z.number().int().min(0).optional(),
  maxRejected: z
    .strictObject({ count: z.number().int().min(0).optional(), share: z.number().min(0).max(1).optional() })
    .optional(),
};

/**
 * Checks an options object against a strict shape with `parseOptions` of `@cx/model` (unknown keys name the closest
 * known key; `null`, arrays and primitives are errors; `undefined` is `{}`) (internal).
 */
export function checkOptions<T extends z.ZodRawShape>(
  shape: T,
  input: unknown,
  functionName: string,
): z.infer<z.ZodObject<T>> {
  return parseOptions(z.strictObject(shape), input, functionName) as z.infer<z.ZodObject<T>>;
}

/** The format of an input from its path's extension (internal). */
function formatOf(input: IngestInput): IngestFormat | undefined {
  const file = filePath(input);
  if (file === undefined) return undefined;
  const path = file.toLowerCase().replace(/\.gz$/, '');
  if (path.endsWith('.csv') || path.endsWith('.tsv') || path.endsWith('.txt')) return 'csv';
  if (path.endsWith('.ndjson') || path.endsWith('.jsonl')) return 'ndjson';
  if (path.endsWith('.parquet')) return 'parquet';
  return undefined;
}

/** Defaults and checks of the shared read options (internal). */
export function resolveReadOptions(
  input: IngestInput,
  options: z.infer<z.ZodObject<typeof readOptionShape>>,
  name: string,
  functionName: string,
): ResolvedReadOptions {
  const format = options.format ?? formatOf(input);
  if (format === undefined) {
    throw new CxOptionsError(functionName, [
      {
        path: ['format'],
        code: 'missing_option',
        message: "Expected format: 'csv', 'ndjson' or 'parquet' (it cannot be told from this input)",
      },
    ]);
  }
  const tsv =
    typeof input === 'object' && input !== null && 'path' in input && /\.tsv(\.gz)?$/i.test(input.path);
  return {
    format,
    delimiter: options.delimiter ?? (tsv ? '\t' : ','),
    encoding: options.encoding ?? 'utf-8',
    name: options.name ?? name,
    chunkBytes: options.chunkBytes ?? 1 << 20,
    maxRecordBytes: options.maxRecordBytes ?? 1 << 28,
    signal: options.signal,
    onDeadLetter: options.onDeadLetter,
    keepDeadLetters: options.keepDeadLetters ?? 1000,
    maxRejected: options.maxRejected,
  };
}
