import { type Calendar, createCalendar, parseOptions } from '@cx/model';
import { epochOf } from './instant-option.js';
import {
  type CohortRetentionOptions,
  cohortRetentionOptionsSchema,
  type ParsedRetentionOptions,
  RENAMED_RETENTION_OPTIONS,
} from './options.js';

/** Options of a retention computation, checked and prepared for the kernels (internal). */
export interface RetentionPlan {
  /** The parsed options (plain JSON, with defaults). */
  readonly options: ParsedRetentionOptions;
  /** The calendar of cohort periods (and of calendar windows). */
  readonly calendar: Calendar;
  /** The calendar of local days, for rolling windows truncated to the day. */
  readonly days: Calendar;
  /** Column labels: `Day 0`, `Day 1`, … or bracket labels. */
  readonly columns: readonly string[];
  /** Column of each period offset `0 … maxOffset`; offsets beyond are ignored. */
  readonly offsetColumn: Int32Array;
  /** Last offset of each column. */
  readonly columnEnd: readonly number[];
  /** Length of a rolling window in days (1, 7 or 30). */
  readonly windowDays: number;
  /** `asOf`, `from`, `to` in epoch ms. */
  readonly asOf: number | undefined;
  readonly from: number | undefined;
  readonly to: number | undefined;
}

const UNIT_LABEL = {
  day: ['Day', 'Days'],
  week: ['Week', 'Weeks'],
  month: ['Month', 'Months'],
  quarter: ['Quarter', 'Quarters'],
  year: ['Year', 'Years'],
} as const;
const ROLLING_DAYS = { day: 1, week: 7, month: 30, quarter: 0, year: 0 } as const;

/** Checks the options of `subject` and prepares them (internal). */
export function planRetention(options: CohortRetentionOptions | undefined, subject: string): RetentionPlan {
  const o = parseOptions(cohortRetentionOptionsSchema, options, subject, {
    renamed: RENAMED_RETENTION_OPTIONS,
  });
  return planOf(o);
}

/** Prepares options that were already parsed (a snapshot's) (internal). */
export function planOf(o: ParsedRetentionOptions): RetentionPlan {
  const [singular, plural] = UNIT_LABEL[o.interval];
  const columns = [`${singular} 0`];
  const columnEnd = [0];
  if (o.brackets !== undefined) {
    let sum = 0;
    for (const size of o.brackets) {
      const start = sum + 1;
      sum += size;
      // Labels as PostHog's retention table: "Day 0", then "Days 1-3" (or "Days 4" for a one-interval bracket).
      columns.push(start === sum ? `${plural} ${start}` : `${plural} ${start}-${sum}`);
      columnEnd.push(sum);
    }
  } else {
    for (let k = 1; k <= (o.periods ?? 7); k++) {
      columns.push(`${singular} ${k}`);
      columnEnd.push(k);
    }
  }
  const maxOffset = columnEnd[columnEnd.length - 1] as number;
  const offsetColumn = new Int32Array(maxOffset + 1);
  let column = 0;
  for (let offset = 0; offset <= maxOffset; offset++) {
    while ((columnEnd[column] as number) < offset) column++;
    offsetColumn[offset] = column;
  }
  const zone = { timeZone: o.timeZone, weekStartsOn: o.weekStartsOn };
  return {
    options: o,
    calendar: createCalendar({ interval: o.interval, ...zone }),
    days: createCalendar({ interval: 'day', ...zone }),
    columns,
    offsetColumn,
    columnEnd,
    windowDays: ROLLING_DAYS[o.interval],
    asOf: epochOf(o.asOf),
    from: epochOf(o.from),
    to: epochOf(o.to),
  };
}
