import { CxError } from '@cx/model';
import type { ResultValue } from './engine.js';

/** Normalises a driver value to a {@link ResultValue} (internal). */
export function normalizeValue(value: unknown, column: string): ResultValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    if (value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER))
      return Number(value);
    throw new CxError(
      'unsafe_integer',
      `Column ${JSON.stringify(column)} returned ${value}, beyond the integers a double holds exactly`,
    );
  }
  throw new CxError(
    'unexpected_result_type',
    `Column ${JSON.stringify(column)} returned a ${Object.prototype.toString.call(value)}; the library selects numbers and strings only`,
  );
}

/** Normalises a driver row (internal). */
export function normalizeRow(row: Record<string, unknown>): Record<string, ResultValue> {
  const out: Record<string, ResultValue> = {};
  for (const key of Object.keys(row)) out[key] = normalizeValue(row[key], key);
  return out;
}

/**
 * Builds an error for a failed query or connection whose message never contains a secret (internal): each secret
 * is replaced by `***`, and the driver's error is kept as `cause` only when none of its text holds a secret.
 */
export function engineError(code: string, what: string, error: unknown, secrets: readonly string[]): CxError {
  const text = error instanceof Error ? error.message : String(error);
  let message = text;
  for (const secret of secrets) if (secret.length > 0) message = message.replaceAll(secret, '***');
  const leaks = secrets.some(
    (s) => s.length > 0 && (text.includes(s) || (error instanceof Error && (error.stack ?? '').includes(s))),
  );
  return new CxError(code, `${what}: ${message}`, leaks ? {} : { cause: error });
}
