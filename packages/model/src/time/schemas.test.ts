import { describe, expect, it } from 'vitest';
import { CxError } from '../errors/cx-error.js';
import { formatIssuePath } from '../errors/issue-path.js';
import { CxValidationError } from '../errors/validation-error.js';
import { instantToEpochMs } from './instant.js';
import { calendarDateSchema, instantSchema, toInstant } from './schemas.js';

describe('time convention', () => {
  it('accepts only UTC instants ending in Z', () => {
    expect(instantSchema.safeParse('2026-03-29T01:30:00Z').success).toBe(true);
    expect(instantSchema.safeParse('2026-03-29T01:30:00.123456Z').success).toBe(true);
    expect(instantSchema.safeParse('2026-03-29T03:30:00+02:00').success).toBe(false);
    expect(instantSchema.safeParse('2026-03-29').success).toBe(false);
    expect(instantSchema.safeParse('2026-02-29T00:00:00Z').success).toBe(false); // 2026 is not a leap year
  });

  it('converts offsets, dates and epoch milliseconds to canonical instants', () => {
    // 03:30 in Warsaw on the DST switch day (CEST, +02:00) is 01:30 UTC.
    expect(toInstant('2026-03-29T03:30:00+02:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(toInstant(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01T00:00:00.000Z');
    expect(instantToEpochMs(toInstant(1_772_000_000_000))).toBe(1_772_000_000_000);
    expect(() => toInstant('next Tuesday')).toThrow(CxValidationError);
    expect(() => instantToEpochMs('soon')).toThrow(/Expected a UTC instant/);
  });

  it('accepts real calendar dates only', () => {
    expect(calendarDateSchema.safeParse('2028-02-29').success).toBe(true);
    expect(calendarDateSchema.safeParse('2026-13-01').success).toBe(false);
  });
});

describe('errors', () => {
  it('forms one hierarchy with codes and causes', () => {
    const cause = new Error('root');
    const error = new CxValidationError([{ path: ['a', 0], message: 'bad', code: 'custom' }], {
      cause,
      subject: 'Thing',
    });
    expect(error).toBeInstanceOf(CxError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CxValidationError');
    expect(error.code).toBe('validation_failed');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('Invalid Thing: 1 issue\n  at /a/0: bad');
  });

  it('escapes JSON-pointer segments and truncates long issue lists in the message', () => {
    expect(formatIssuePath(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    const many = Array.from({ length: 25 }, (_, i) => ({ path: [i], message: 'x', code: 'custom' as const }));
    const error = new CxValidationError(many);
    expect(error.issues).toHaveLength(25);
    expect(error.message).toContain('… and 5 more');
  });
});
