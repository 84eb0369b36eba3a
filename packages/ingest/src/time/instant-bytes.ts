// TEMPORARY SHIM of the issue-13 instant grammar over bytes: delete when `foundation:` commits land on main and call
// @cx/model's byte-range parser instead (same grammar, same error codes).
import { type Disambiguation, GAP, localToEpochMs, OVERLAP } from './zone.js';

/** Why the last call of {@link parseInstantBytes} or {@link parseEpochBytes} returned `NaN`. @internal */
export type InstantErrorCode =
  | 'invalid_instant'
  | 'invalid_date'
  | 'missing_time_zone'
  | 'nonexistent_local_time'
  | 'ambiguous_local_time'
  | 'out_of_range';

/** How zone-less local times are read. @internal */
export interface InstantContext {
  /** IANA zone of zone-less local date-times; `undefined` rejects them. */
  readonly timeZone: string | undefined;
  readonly disambiguation: Disambiguation;
}

/** Set when a parse returns `NaN`. @internal */
export const instantError: { code: InstantErrorCode } = { code: 'invalid_instant' };

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MAX_MS = 8.64e15;

function fail(code: InstantErrorCode): number {
  instantError.code = code;
  return Number.NaN;
}

function two(buf: Uint8Array, i: number): number {
  const a = (buf[i] as number) - 48;
  const b = (buf[i + 1] as number) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (internal). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = year - 1;
  return (
    (year - 1970) * 365 +
    (Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477) +
    (CUMULATIVE_DAYS[month - 1] as number) +
    (month > 2 && isLeap(year) ? 1 : 0) +
    day -
    1
  );
}

/**
 * Epoch ms of the instant written in `buf[from, to)` (ASCII spaces around it ignored), or `NaN` with
 * {@link instantError} set. Grammar: `YYYY-MM-DD`, optionally followed by `T` or one space and `HH:mm`, `:ss`,
 * `.fraction` (1–9 digits, truncated to ms), then optionally one space and a zone `Z`, `±HH:mm`, `±HHmm` or `±HH`.
 * Without a zone the wall time is read in `context.timeZone` (a date alone is its midnight). @internal
 */
export function parseInstantBytes(
  buf: Uint8Array,
  from: number,
  to: number,
  context: InstantContext,
): number {
  while (from < to && buf[from] === 32) from++;
  while (to > from && buf[to - 1] === 32) to--;
  if (to - from < 10 || buf[from + 4] !== 45 || buf[from + 7] !== 45) return fail('invalid_instant');
  const y1 = two(buf, from);
  const y2 = two(buf, from + 2);
  const month = two(buf, from + 5);
  const day = two(buf, from + 8);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0) return fail('invalid_instant');
  const year = y1 * 100 + y2;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let pos = from + 10;
  if (
    pos < to &&
    (buf[pos] === 84 || buf[pos] === 32) &&
    pos + 1 < to &&
    buf[pos + 1] !== 43 &&
    buf[pos + 1] !== 45 &&
    buf[pos + 1] !== 90
  ) {
    if (to - pos < 6 || buf[pos + 3] !== 58) return fail('invalid_instant');
    hour = two(buf, pos + 1);
    minute = two(buf, pos + 4);
    if (hour < 0 || minute < 0) return fail('invalid_instant');
    pos += 6;
    if (pos < to && buf[pos] === 58) {
      second = two(buf, pos + 1);
      if (pos + 3 > to || second < 0) return fail('invalid_instant');
      pos += 3;
      if (pos < to && buf[pos] === 46) {
        pos++;
        const start = pos;
        let scale = 100;
        while (pos < to) {
          const d = (buf[pos] as number) - 48;
          if (d < 0 || d > 9) break;
          millis += d * scale;
          scale /= 10;
          pos++;
        }
        if (pos === start || pos - start > 9) return fail('invalid_instant');
        millis = Math.floor(millis + 1e-9);
      }
    }
  }
  if (pos < to && buf[pos] === 32) pos++;
  let zoned = false;
  let offsetMinutes = 0;
  if (pos < to) {
    const z = buf[pos];
    if (z === 90 && pos + 1 === to) {
      zoned = true;
      pos++;
    } else if (z === 43 || z === 45) {
      const oh = two(buf, pos + 1);
      let om = 0;
      let end = pos + 3;
      if (end > to || oh < 0) return fail('invalid_instant');
      if (end < to) {
        if (buf[end] === 58) end++;
        om = two(buf, end);
        if (om < 0 || end + 2 !== to) return fail('invalid_instant');
        end += 2;
      }
      if (oh > 23 || om > 59) return fail('invalid_instant');
      offsetMinutes = (z === 43 ? 1 : -1) * (oh * 60 + om);
      zoned = true;
      pos = end;
    }
  }
  if (pos !== to) return fail('invalid_instant');
  const monthDays =
    month === 2
      ? isLeap(year)
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  if (month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59)
    return fail('invalid_date');
  const wall =
    ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
  if (zoned) return wall - offsetMinutes * 60_000;
  if (context.timeZone === undefined) return fail('missing_time_zone');
  if (context.timeZone === 'UTC') return wall;
  const ms = localToEpochMs(context.timeZone, wall, context.disambiguation);
  if (ms === GAP && context.disambiguation === 'reject') return fail('nonexistent_local_time');
  if (ms === OVERLAP && context.disambiguation === 'reject') return fail('ambiguous_local_time');
  return ms;
}

/** Unit of an epoch column. @internal */
export type EpochUnit = 's' | 'ms' | 'us';

const UNIT_FACTOR: Record<EpochUnit, number> = { s: 1000, ms: 1, us: 0.001 };

/**
 * Epoch ms of an integer count of `unit` since 1970 written in `buf[from, to)` (optional `-`, 1–17 digits, spaces
 * around ignored), or `NaN` with {@link instantError} set. Microseconds are truncated to whole ms (floor). @internal
 */
export function parseEpochBytes(buf: Uint8Array, from: number, to: number, unit: EpochUnit): number {
  while (from < to && buf[from] === 32) from++;
  while (to > from && buf[to - 1] === 32) to--;
  let pos = from;
  const negative = buf[pos] === 45;
  if (negative) pos++;
  if (pos === to || to - pos > 17) return fail('invalid_instant');
  let n = 0;
  for (; pos < to; pos++) {
    const d = (buf[pos] as number) - 48;
    if (d < 0 || d > 9) return fail('invalid_instant');
    n = n * 10 + d;
  }
  return epochValue(negative ? -n : n, unit);
}

/** Epoch ms of `n` units, or `NaN` (out of range / not an integer) with {@link instantError} set. @internal */
export function epochValue(n: number, unit: EpochUnit): number {
  if (!Number.isSafeInteger(n)) return fail('invalid_instant');
  const ms = unit === 'us' ? Math.floor(n / 1000) : n * UNIT_FACTOR[unit];
  return Math.abs(ms) <= MAX_MS ? ms : fail('out_of_range');
}
