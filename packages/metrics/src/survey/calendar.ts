import { CxValidationError, type ValidationIssue } from '@cx/model';
import { tz } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  format,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from 'date-fns';

/**
 * Calendar period of a trend bucket.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type TrendPeriod = 'day' | 'week' | 'month' | 'quarter';

/** One calendar bucket: [start, end) in epoch ms and its label. */
export interface CalendarBucket {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/**
 * Maps instants to calendar buckets in an IANA zone with date-fns and `@date-fns/tz` (DST-correct: a day can last
 * 23 or 25 hours). Buckets already seen are kept sorted and found by binary search, so date-fns runs once per
 * bucket rather than once per response.
 */
export class Calendar {
  readonly #period: TrendPeriod;
  readonly #in: ReturnType<typeof tz>;
  readonly #weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  readonly #known: CalendarBucket[] = [];
  #last: CalendarBucket | null = null;

  constructor(period: TrendPeriod, timeZone: string, weekStartsOn: number) {
    const issues: ValidationIssue[] = [];
    if (!['day', 'week', 'month', 'quarter'].includes(period)) {
      issues.push({
        path: ['options', 'period'],
        message: `Expected day, week, month or quarter, got ${String(period)}`,
        code: 'invalid_option',
      });
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      issues.push({
        path: ['options', 'timeZone'],
        message: `Unknown IANA time zone ${JSON.stringify(timeZone)}`,
        code: 'invalid_option',
      });
    }
    if (!(Number.isInteger(weekStartsOn) && weekStartsOn >= 0 && weekStartsOn <= 6)) {
      issues.push({
        path: ['options', 'weekStartsOn'],
        message: `Expected 0 (Sunday) … 6, got ${weekStartsOn}`,
        code: 'invalid_option',
      });
    }
    if (issues.length > 0) throw new CxValidationError(issues);
    this.#period = period;
    this.#in = tz(timeZone);
    this.#weekStartsOn = weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  }

  /** The bucket containing an instant (epoch ms). */
  bucketOf(ms: number): CalendarBucket {
    const last = this.#last;
    if (last !== null && last.start <= ms && ms < last.end) return last;
    const known = this.#known;
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((known[mid] as CalendarBucket).end <= ms) lo = mid + 1;
      else hi = mid;
    }
    let bucket = known[lo];
    if (bucket === undefined || !(bucket.start <= ms)) {
      bucket = this.#compute(ms);
      known.splice(lo, 0, bucket);
    }
    this.#last = bucket;
    return bucket;
  }

  /** The bucket following one. */
  next(bucket: CalendarBucket): CalendarBucket {
    return this.#compute(bucket.end);
  }

  #compute(ms: number): CalendarBucket {
    const o = { in: this.#in };
    let start: Date;
    let end: Date;
    let key: string;
    switch (this.#period) {
      case 'day':
        start = startOfDay(ms, o);
        end = addDays(start, 1, o);
        key = format(start, 'yyyy-MM-dd', o);
        break;
      case 'week':
        start = startOfWeek(ms, { ...o, weekStartsOn: this.#weekStartsOn });
        end = addWeeks(start, 1, o);
        key = format(start, 'yyyy-MM-dd', o);
        break;
      case 'month':
        start = startOfMonth(ms, o);
        end = addMonths(start, 1, o);
        key = format(start, 'yyyy-MM', o);
        break;
      default:
        start = startOfQuarter(ms, o);
        end = addQuarters(start, 1, o);
        key = format(start, "yyyy-'Q'q", o);
    }
    return { start: start.getTime(), end: end.getTime(), key };
  }
}
