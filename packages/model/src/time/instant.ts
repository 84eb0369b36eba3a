import { z } from 'zod';
import {
  CxValidationError,
  type ValidationIssue,
  type ValidationIssueCode,
} from '../errors/validation-error.js';
import { parseOptions } from '../options/parse-options.js';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from './constants.js';
import {
  type EpochUnitName,
  type GrammarFailure,
  type GrammarMode,
  type GrammarReason,
  readEpochCodes,
  readInstantCodes,
  readInstantString,
} from './grammar.js';
import { type Disambiguation, isTimeZone } from './zone.js';

/**
 * Options of {@link parseInstant} and {@link createInstantReader}.
 *
 * @example
 * ```ts
 * import { parseInstant, type ParseInstantOptions } from '@cx/model';
 * const options: ParseInstantOptions = { timeZone: 'Europe/Warsaw' };
 * console.log(new Date(parseInstant('2024-01-31 23:30', options)).toISOString()); // '2024-01-31T22:30:00.000Z'
 * ```
 * @category Time
 * @since 0.2.0
 */
export interface ParseInstantOptions {
  /**
   * IANA zone of values written without a zone (`2024-01-31 23:30`, `2024-01-31`). Without it such values are
   * rejected: a local time is never read as UTC by default. Values with `Z` or an offset ignore it.
   */
  readonly timeZone?: string;
  /** What a local time in a DST gap or overlap becomes (default `reject`; see {@link Disambiguation}). */
  readonly disambiguation?: Disambiguation;
  /**
   * How the values are written: `iso` (default, the grammar of {@link parseInstant}), or `epoch-seconds` /
   * `epoch-milliseconds` / `epoch-microseconds` for a column declared to hold Unix time (microseconds are read
   * as milliseconds without their last three digits). Epoch numbers are never guessed from an `iso` column.
   */
  readonly form?: InstantForm;
}

/**
 * How a column or field writes instants: the ISO grammar, or Unix time in seconds or milliseconds.
 *
 * @example
 * ```ts
 * import { createInstantReader, type InstantForm } from '@cx/model';
 * const form: InstantForm = 'epoch-seconds';
 * console.log(createInstantReader({ form }).parse('1717236000')); // 1717236000000
 * ```
 * @category Time
 * @since 0.2.0
 */
export type InstantForm = 'iso' | 'epoch-seconds' | 'epoch-milliseconds' | 'epoch-microseconds';

const readerOptionsSchema = z.strictObject({
  timeZone: z
    .string()
    .refine(isTimeZone, { error: 'Expected an IANA time zone such as "Europe/Warsaw"' })
    .optional(),
  disambiguation: z
    .enum(['reject', 'earlier', 'later', 'compatible'], {
      error: 'Expected "reject", "earlier", "later" or "compatible"',
    })
    .default('reject'),
  form: z
    .enum(['iso', 'epoch-seconds', 'epoch-milliseconds', 'epoch-microseconds'], {
      error: 'Expected "iso", "epoch-seconds", "epoch-milliseconds" or "epoch-microseconds"',
    })
    .default('iso'),
});

const EPOCH_UNITS = {
  'epoch-seconds': 'seconds',
  'epoch-milliseconds': 'milliseconds',
  'epoch-microseconds': 'microseconds',
} as const satisfies Record<Exclude<InstantForm, 'iso'>, EpochUnitName>;

const EXPECTED =
  'an instant such as 2024-06-01T10:00:00Z, 2024-06-01T12:00:00+02:00, or a local 2024-06-01 12:00 with a timeZone';

const REASONS: Record<GrammarReason, { code: ValidationIssueCode; text: string }> = {
  syntax: { code: 'invalid_instant', text: `Expected ${EXPECTED}` },
  epoch: {
    code: 'invalid_instant',
    text: 'Expected Unix time as a whole number (seconds may have a fraction; microseconds need at least four digits)',
  },
  calendar: { code: 'invalid_instant', text: 'Not a real date or time of day' },
  range: { code: 'invalid_instant', text: 'Outside the years 0000–9999' },
  'needs-zone': {
    code: 'invalid_instant',
    text: 'A local date-time without a zone needs the timeZone option (it is never read as UTC by default)',
  },
  'record-form': {
    code: 'invalid_instant',
    text: 'Expected a UTC instant in ISO 8601 form ending in Z, e.g. 2026-03-01T09:30:00Z',
  },
  gap: {
    code: 'nonexistent_local_time',
    text: 'This local time does not exist in the time zone (DST gap); set disambiguation to accept a shifted time',
  },
  overlap: {
    code: 'ambiguous_local_time',
    text: 'This local time happens twice in the time zone (DST overlap); set disambiguation to earlier or later',
  },
};

/**
 * A compiled reader of instants for one column or field: the grammar with fixed options, for hot loops.
 *
 * @example
 * ```ts
 * import { createInstantReader } from '@cx/model';
 * const read = createInstantReader({ timeZone: 'Europe/Warsaw' });
 * console.log(read.parse('2024-06-01 12:00')); // 1717236000000
 * console.log(Number.isNaN(read.parseBytes(new TextEncoder().encode('2024-02-30'), 0, 10))); // true
 * ```
 * @category Time
 * @since 0.2.0
 */
export interface InstantReader {
  /** Epoch milliseconds of `text`; throws {@link CxValidationError} (`invalid_instant` and friends) when it is not one. */
  parse(text: string): number;
  /** Epoch milliseconds of the ASCII bytes `[start, end)`, or `NaN` when they are not an instant (no allocation). */
  parseBytes(bytes: Uint8Array, start: number, end: number): number;
  /** The issue `text` would raise, located at `path` (and `line`/`column`/`source` when given), or `null` if valid. */
  issue(text: string, location?: Omit<ValidationIssue, 'message' | 'code'>): ValidationIssue | null;
}

function makeIssue(
  text: string,
  failure: GrammarFailure,
  location: Omit<ValidationIssue, 'message' | 'code'> | undefined,
): ValidationIssue {
  const { code, text: why } = REASONS[failure.reason];
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const column = location?.column === undefined ? undefined : location.column + failure.at;
  return {
    path: location?.path ?? [],
    ...(location?.line === undefined ? {} : { line: location.line }),
    ...(column === undefined ? {} : { column }),
    ...(location?.source === undefined ? {} : { source: location.source }),
    code,
    message: `${why}: ${JSON.stringify(shown)}${text.length > 0 ? ` (at character ${failure.at + 1})` : ''}`,
  };
}

const scratch = new Uint8Array(64);

function epochString(text: string, unit: EpochUnitName, failure: GrammarFailure): number {
  if (text.length > scratch.length) {
    failure.reason = 'epoch';
    failure.at = 0;
    return Number.NaN;
  }
  for (let k = 0; k < text.length; k++) scratch[k] = Math.min(text.charCodeAt(k), 255);
  const ms = readEpochCodes(scratch, 0, text.length, unit, failure);
  if (Number.isNaN(ms) && failure.reason === 'syntax') failure.reason = 'epoch';
  return ms;
}

function epochReader(unit: EpochUnitName): InstantReader {
  const read = (text: string, failure: GrammarFailure): number =>
    typeof text === 'string' ? epochString(text, unit, failure) : Number.NaN;
  return readerOf(read, (bytes, start, end) => readEpochCodes(bytes, start, end, unit));
}

function reader(mode: GrammarMode): InstantReader {
  const read = (text: string, failure: GrammarFailure): number =>
    typeof text === 'string' ? readInstantString(text, mode, failure) : Number.NaN;
  return readerOf(read, (bytes, start, end) => readInstantCodes(bytes, start, end, mode));
}

function readerOf(
  read: (text: string, failure: GrammarFailure) => number,
  parseBytes: (bytes: Uint8Array, start: number, end: number) => number,
): InstantReader {
  const failure: GrammarFailure = { reason: 'syntax', at: 0 };
  return {
    parse(text: string): number {
      failure.reason = 'syntax';
      failure.at = 0;
      const ms = read(text, failure);
      if (Number.isNaN(ms)) throw new CxValidationError([makeIssue(String(text), failure, undefined)]);
      return ms;
    },
    parseBytes,
    issue(text: string, location?: Omit<ValidationIssue, 'message' | 'code'>): ValidationIssue | null {
      const own: GrammarFailure = { reason: 'syntax', at: 0 };
      const ms = read(text, own);
      return Number.isNaN(ms) ? makeIssue(String(text), own, location) : null;
    },
  };
}

/**
 * Compiles the instant grammar with fixed options, for reading many values (a column of a file).
 *
 * @param options - `timeZone` for local values and `disambiguation` for DST gaps and overlaps.
 * @returns A reader with `parse`, `parseBytes` and `issue`.
 * @throws {@link CxOptionsError} for an unknown option key, an unknown time zone or an unknown policy.
 * @example
 * ```ts
 * import { createInstantReader } from '@cx/model';
 * const read = createInstantReader({ timeZone: 'America/New_York', disambiguation: 'earlier' });
 * // 01:30 on 3 November 2024 happens twice in New York; "earlier" picks the one in EDT (−04:00).
 * console.log(new Date(read.parse('2024-11-03T01:30:00')).toISOString()); // '2024-11-03T05:30:00.000Z'
 * ```
 * @category Time
 * @since 0.2.0
 */
export function createInstantReader(options?: ParseInstantOptions): InstantReader {
  const o = parseOptions(readerOptionsSchema, options, 'createInstantReader');
  if (o.form !== 'iso') return epochReader(EPOCH_UNITS[o.form]);
  return reader({ timeZone: o.timeZone, disambiguation: o.disambiguation, recordForm: false });
}

/**
 * Reads an instant written as text, by the library's one instant grammar, into epoch milliseconds.
 *
 * Accepted: `YYYY-MM-DD`, then optionally `T` or a space and `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff…`, then optionally
 * `Z` or an offset `±HH`, `±HHmm`, `±HH:mm`. Every part is checked against the calendar (no 30 February, no hour 24,
 * no second 60). A value without a zone is a local time in `options.timeZone`, and is rejected when no time zone was
 * given; a DST gap or overlap follows `options.disambiguation`. Digits past the millisecond are truncated.
 *
 * @param text - The text.
 * @param options - `timeZone` and `disambiguation`.
 * @returns Epoch milliseconds.
 * @throws {@link CxValidationError} with code `invalid_instant`, `nonexistent_local_time` or `ambiguous_local_time`.
 * @throws {@link CxOptionsError} for bad options.
 * @example
 * ```ts
 * import { parseInstant } from '@cx/model';
 * console.log(parseInstant('2024-06-01T10:00:00+02:00')); // 1717228800000
 * console.log(parseInstant('2024-01-31 23:30', { timeZone: 'Europe/Warsaw' }) === Date.UTC(2024, 0, 31, 22, 30)); // true
 * ```
 * @category Time
 * @since 0.2.0
 */
export function parseInstant(text: string, options?: ParseInstantOptions): number {
  return createInstantReader(options).parse(text);
}

const recordReader = reader({ timeZone: undefined, disambiguation: 'reject', recordForm: true });

/**
 * Epoch milliseconds of an {@link Instant} in the model's record form: `YYYY-MM-DDTHH:mm:ss[.fff…]Z`, exactly what
 * {@link instantSchema} accepts.
 *
 * @param instant - A UTC instant string.
 * @returns Milliseconds since 1970-01-01T00:00:00Z.
 * @throws {@link CxValidationError} (`invalid_instant`) when the string is not an instant in that form.
 * @example
 * ```ts
 * import { instantToEpochMs } from '@cx/model';
 * console.log(instantToEpochMs('1970-01-01T00:00:01Z')); // 1000
 * ```
 * @category Time
 * @since 0.1.0
 */
export function instantToEpochMs(instant: string): number {
  return recordReader.parse(instant);
}

/**
 * Like {@link instantToEpochMs}, but returns `NaN` instead of throwing (for hot loops that report issues themselves).
 *
 * @param instant - A UTC instant string.
 * @returns Milliseconds since the epoch, or `NaN` when the string is not in the record form.
 * @example
 * ```ts
 * import { instantToEpochMsOrNaN } from '@cx/model';
 * console.log(instantToEpochMsOrNaN('2024-02-30T00:00:00Z')); // NaN
 * ```
 * @category Time
 * @since 0.2.0
 */
export function instantToEpochMsOrNaN(instant: string): number {
  return typeof instant === 'string'
    ? readInstantString(instant, { timeZone: undefined, disambiguation: 'reject', recordForm: true })
    : Number.NaN;
}

/**
 * The issue an instant in record form would raise, or `null` when it is valid.
 *
 * @param instant - The value to check.
 * @param location - Where it is: `path`, and `line`, `column`, `source` when read from text.
 * @returns The issue, or `null`.
 * @example
 * ```ts
 * import { instantIssue } from '@cx/model';
 * console.log(instantIssue('2024-02-30T00:00:00Z', { path: [3, 'occurredAt'] })?.code); // 'invalid_instant'
 * ```
 * @category Time
 * @since 0.2.0
 */
export function instantIssue(
  instant: unknown,
  location?: Omit<ValidationIssue, 'message' | 'code'>,
): ValidationIssue | null {
  return recordReader.issue(instant as string, location);
}

/**
 * The canonical {@link Instant} of epoch milliseconds, `YYYY-MM-DDTHH:mm:ss.sssZ`.
 *
 * @param ms - Epoch milliseconds, an integer between years 0000 and 9999.
 * @returns The instant.
 * @throws {@link CxValidationError} (`invalid_instant`) for a non-finite, fractional or out-of-range value.
 * @example
 * ```ts
 * import { epochMsToInstant } from '@cx/model';
 * console.log(epochMsToInstant(0)); // '1970-01-01T00:00:00.000Z'
 * ```
 * @category Time
 * @since 0.2.0
 */
export function epochMsToInstant(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS)) {
    throw new CxValidationError([
      {
        path: [],
        code: 'invalid_instant',
        message: `Expected integer epoch milliseconds between years 0000 and 9999, got ${String(ms)}`,
      },
    ]);
  }
  return new Date(ms).toISOString();
}
