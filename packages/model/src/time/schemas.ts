import { z } from 'zod';
import { CxValidationError } from '../errors/validation-error.js';
import { epochMsToInstant, parseInstant } from './instant.js';

/**
 * An instant in time: an ISO 8601 UTC timestamp ending in `Z`, e.g. `2026-03-01T09:30:00.000Z`.
 *
 * The model's one convention: every timestamp at a boundary (documents, records, API results) is a UTC
 * instant in this form. Time zones appear only where a calendar is involved (bucketing by day, week or
 * month), and then as an explicit IANA zone option.
 *
 * @example
 * ```ts
 * import { instantSchema } from '@cx/model';
 * console.log(instantSchema.safeParse('2026-03-01T09:30:00Z').success); // true
 * console.log(instantSchema.safeParse('2026-03-01T09:30:00+01:00').success); // false
 * ```
 * @category Time
 * @since 0.1.0
 */
export const instantSchema = z.iso
  .datetime({ message: 'Expected a UTC instant in ISO 8601 form ending in Z, e.g. 2026-03-01T09:30:00Z' })
  .meta({ id: 'Instant', description: 'ISO 8601 UTC instant ending in Z.' });

/**
 * An ISO 8601 UTC instant string (see {@link instantSchema}).
 *
 * @example
 * ```ts
 * import { toInstant, type Instant } from '@cx/model';
 * const at: Instant = toInstant('2026-03-01T10:30:00+01:00');
 * console.log(at); // '2026-03-01T09:30:00.000Z'
 * ```
 * @category Time
 * @since 0.1.0
 */
export type Instant = z.infer<typeof instantSchema>;

/**
 * A calendar date without time or zone, `YYYY-MM-DD`, used for due dates and review dates.
 *
 * @example
 * ```ts
 * import { calendarDateSchema } from '@cx/model';
 * console.log(calendarDateSchema.safeParse('2026-02-30').success); // false
 * ```
 * @category Time
 * @since 0.1.0
 */
export const calendarDateSchema = z.iso
  .date({ message: 'Expected a calendar date YYYY-MM-DD' })
  .meta({ id: 'CalendarDate', description: 'ISO 8601 calendar date YYYY-MM-DD.' });

/**
 * A calendar date string `YYYY-MM-DD` (see {@link calendarDateSchema}).
 *
 * @example
 * ```ts
 * import { calendarDateSchema, type CalendarDate } from '@cx/model';
 * const due: CalendarDate = calendarDateSchema.parse('2026-06-30');
 * console.log(due);
 * ```
 * @category Time
 * @since 0.1.0
 */
export type CalendarDate = z.infer<typeof calendarDateSchema>;

/**
 * Converts a `Date`, epoch milliseconds or an instant written as text into a canonical UTC {@link Instant}.
 *
 * Text is read by the one instant grammar ({@link parseInstant}) and must carry `Z` or an offset: a local time needs
 * a time zone, so read it with `parseInstant(text, { timeZone })` first.
 *
 * @param value - A valid `Date`, integer epoch milliseconds, or text with a zone.
 * @returns The instant as `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * @throws {@link CxValidationError} (`invalid_instant`) when the value is not a point in time between years 0000 and 9999.
 * @example
 * ```ts
 * import { toInstant } from '@cx/model';
 * console.log(toInstant('2026-03-01T10:30:00+01:00')); // '2026-03-01T09:30:00.000Z'
 * console.log(toInstant(0)); // '1970-01-01T00:00:00.000Z'
 * ```
 * @category Time
 * @since 0.1.0
 */
export function toInstant(value: Date | number | string): Instant {
  if (typeof value === 'string') return epochMsToInstant(parseInstant(value));
  if (value instanceof Date) return epochMsToInstant(value.getTime());
  if (typeof value === 'number') return epochMsToInstant(value);
  throw new CxValidationError([
    {
      path: [],
      code: 'invalid_instant',
      message: `Expected a Date, epoch milliseconds or an instant string, got a value of type ${typeof value}`,
    },
  ]);
}
