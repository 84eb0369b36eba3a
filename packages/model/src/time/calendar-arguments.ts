import { CxValidationError } from '../errors/validation-error.js';

/** The largest magnitude of epoch milliseconds a `Date` holds (±100,000,000 days around 1970). */
export const MAX_EPOCH_MS = 8.64e15;

/** How an argument is shown in an error: the number itself, or its type (internal). */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

/** The typed error for argument `name` of `Calendar.<method>` (internal). */
export function calendarArgumentError(
  method: string,
  name: string,
  value: unknown,
  expected: string,
): CxValidationError {
  return new CxValidationError(
    [
      {
        path: [name],
        code: typeof value === 'number' ? 'out_of_range' : 'invalid_type',
        message: `Expected ${expected}; got ${shown(value)}`,
      },
    ],
    { subject: `argument of Calendar.${method}` },
  );
}

/**
 * Checks an instant argument of a calendar method (internal): a number of epoch milliseconds a `Date` can hold.
 * `NaN`, `±Infinity`, a string or a value beyond ±8.64e15 would otherwise give a `NaN` period or a key such as
 * `+000NaN-NaN`.
 */
export function checkEpochMs(method: string, name: string, ms: number): void {
  if (typeof ms !== 'number' || !(ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS))
    throw calendarArgumentError(
      method,
      name,
      ms,
      'epoch milliseconds between -8.64e15 and 8.64e15 (the range of a Date)',
    );
}

/**
 * Checks an integer argument of a calendar method (internal): a period number, a local day number or a number of
 * periods, within `[min, max]`. A fraction would otherwise be carried into the arithmetic (`startOfIndex(1.5)` was
 * an instant in year −1970).
 */
export function checkInteger(
  method: string,
  name: string,
  value: number,
  min: number,
  max: number,
  what = 'an integer',
): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw calendarArgumentError(method, name, value, `${what} from ${min} to ${max}`);
}
