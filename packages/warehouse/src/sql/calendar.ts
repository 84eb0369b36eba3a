import type { Dialect } from './dialect.js';
import { type SqlFragment, sql } from './fragment.js';
import type { ZoneOffsets } from './zone.js';

/**
 * Calendar of a metric: interval, IANA time zone and first day of the week (0 = Sunday … 6; 1 = ISO Monday).
 *
 * @category SQL
 * @since 0.1.0
 */
export interface SqlCalendar {
  readonly interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
  readonly timeZone: string;
  readonly weekStartsOn: number;
}

/** The offset of `zone` at `ms` as a balanced tree of CASE expressions over the transitions (internal). */
function offsetOf(ms: SqlFragment, zone: ZoneOffsets, lo: number, hi: number): SqlFragment {
  if (lo === hi) return sql`${zone.offsets[lo] as number}`;
  const mid = (lo + hi + 1) >> 1; // offsets[mid] holds from transitions[mid - 1] on
  return sql`CASE WHEN ${ms} < ${zone.transitions[mid - 1] as number} THEN ${offsetOf(ms, zone, lo, mid - 1)} ELSE ${offsetOf(ms, zone, mid, hi)} END`;
}

/**
 * Days since 1970-01-01 of the local calendar date of epoch-ms `ms` in `timeZone` (internal). With the zone's
 * offsets over the data's range ({@link zoneOffsets}) the day is `⌊(ms + offset) / 1 day⌋`, the offset chosen by
 * comparisons — the arithmetic of `Calendar.localDayOf` in `@cx/model`, and far cheaper than a zone conversion per
 * row; without them the engine's own zone rules convert (ranges of more than 200 years).
 */
export function localDayNumber(
  ms: SqlFragment,
  timeZone: string,
  dialect: Dialect,
  offsets?: ZoneOffsets | null,
): SqlFragment {
  // UTC needs no zone rules: the day number is a division.
  if (timeZone === 'UTC') return floorDiv(ms, 86_400_000, dialect);
  if (offsets !== undefined && offsets !== null) {
    const offset = offsetOf(ms, offsets, 0, offsets.offsets.length - 1);
    return floorDiv(sql`${ms} + ${offset}`, 86_400_000, dialect);
  }
  if (dialect === 'duckdb') {
    return sql`date_diff('day', DATE '1970-01-01', CAST(timezone(${timeZone}, make_timestamptz(CAST(${ms} AS BIGINT) * 1000)) AS DATE))`;
  }
  if (dialect === 'postgres') {
    return sql`(CAST(((TIMESTAMPTZ 'epoch' + CAST(${ms} AS bigint) * INTERVAL '1 millisecond') AT TIME ZONE ${timeZone}) AS date) - DATE '1970-01-01')`;
  }
  return sql`toInt64(toDate32(fromUnixTimestamp64Milli(toInt64(${ms}), ${timeZone})))`;
}

/** Year and month (1–12) of a day number (internal). */
export function yearMonth(day: SqlFragment, dialect: Dialect): { year: SqlFragment; month: SqlFragment } {
  if (dialect === 'duckdb') {
    const date = sql`(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
    return { year: sql`year(${date})`, month: sql`month(${date})` };
  }
  if (dialect === 'postgres') {
    const date = sql`(DATE '1970-01-01' + CAST(${day} AS integer))`;
    return {
      year: sql`CAST(extract(year FROM ${date}) AS bigint)`,
      month: sql`CAST(extract(month FROM ${date}) AS bigint)`,
    };
  }
  // ClickHouse dates stop at 1900-01-01 and 2299-12-31 (toDate32 clamps beyond). The Gregorian calendar repeats
  // every 400 years (146,097 days), so the day is moved into that window by whole 400-year cycles, and the years
  // added back.
  const cycles = floorDiv(sql`${day} + 25567`, 146_097, dialect);
  const date = sql`toDate32(${day} - ${cycles} * 146097)`;
  return { year: sql`toInt64(toYear(${date}) + ${cycles} * 400)`, month: sql`toInt64(toMonth(${date}))` };
}

/** ⌊x / n⌋ as a 64-bit integer, for any sign of x (internal). */
export function floorDiv(x: SqlFragment, n: number, dialect: Dialect): SqlFragment {
  const double = dialect === 'postgres' ? sql`double precision` : sql`DOUBLE`;
  return sql`CAST(floor(CAST(${x} AS ${double}) / ${n}) AS BIGINT)`;
}

/**
 * The absolute number of the calendar period holding epoch-ms `ms` in the calendar's zone — the number
 * `Calendar.indexOf` of `@cx/model` gives (local days or weeks since 1970, `year × 12 + month − 1`,
 * `year × 4 + quarter − 1`, the year) — so differences count periods, DST-correct because they are computed on
 * local dates (internal). Give the zone's offsets over the data's range to compute local dates without the engine's
 * zone rules ({@link localDayNumber}).
 */
export function periodOrdinal(
  ms: SqlFragment,
  calendar: SqlCalendar,
  dialect: Dialect,
  offsets?: ZoneOffsets | null,
): SqlFragment {
  return periodOfDay(localDayNumber(ms, calendar.timeZone, dialect, offsets), calendar, dialect);
}

/**
 * The period number of a local day number (days since 1970-01-01 on the wall clock), as `Calendar.indexOfLocalDay`
 * (internal). Pass a column holding the day so that its computation is not repeated.
 */
export function periodOfDay(day: SqlFragment, calendar: SqlCalendar, dialect: Dialect): SqlFragment {
  switch (calendar.interval) {
    case 'day':
      return day;
    case 'week':
      // As Calendar.indexOf in @cx/model: ⌊(day − ((weekStartsOn − 4 + 7) mod 7)) / 7⌋ (1970-01-01 was a Thursday).
      return floorDiv(sql`${day} - ${(calendar.weekStartsOn - 4 + 7) % 7}`, 7, dialect);
    case 'month': {
      const { year, month } = yearMonth(day, dialect);
      return sql`(${year} * 12 + ${month} - 1)`;
    }
    case 'quarter': {
      const { year, month } = yearMonth(day, dialect);
      return sql`(${year} * 4 + ${floorDiv(sql`${month} - 1`, 3, dialect)})`;
    }
    case 'year':
      return yearMonth(day, dialect).year;
  }
}
