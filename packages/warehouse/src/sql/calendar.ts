import type { Dialect } from './dialect.js';
import { type SqlFragment, sql } from './fragment.js';

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

/** Days since 1970-01-01 of the local calendar date of epoch-ms `ms` in `timeZone` (internal). */
export function localDayNumber(ms: SqlFragment, timeZone: string, dialect: Dialect): SqlFragment {
  // UTC needs no zone rules: the day number is a division.
  if (timeZone === 'UTC') return floorDiv(ms, 86_400_000, dialect);
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
  const date = sql`toDate32(${day})`;
  return { year: sql`toInt64(toYear(${date}))`, month: sql`toInt64(toMonth(${date}))` };
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
 * local dates (internal).
 */
export function periodOrdinal(ms: SqlFragment, calendar: SqlCalendar, dialect: Dialect): SqlFragment {
  const day = localDayNumber(ms, calendar.timeZone, dialect);
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
