import {
  CxValidationError,
  calendarDateSchema,
  createCalendar,
  createInstantReader,
  MS_PER_DAY,
  parseInstant,
  parseOptions,
  timeZoneOption,
  type ValidationIssue,
} from '@cx/model';
import { z } from 'zod';
import { TIME_UNIT_DAYS, type TimeUnit, timeUnitOption } from '../time-unit.js';

/**
 * One purchase for {@link rfmSummary}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface Transaction {
  /** The customer. */
  readonly customerId: string;
  /**
   * When: a calendar date `YYYY-MM-DD`, or an instant with its zone (`2024-03-01T10:00:00Z`,
   * `2024-03-01T11:00:00+01:00`); a local date-time without a zone only when the `timeZone` option is given. Read by
   * the model's one instant grammar, calendar-checked (`2024-02-30` is an error).
   */
  readonly at: string;
  /** Value of the purchase, ≥ 0 (optional; monetary values are 0 without it). */
  readonly amount?: number;
  /** Transaction id; rows repeating an earlier id are duplicates and are counted, not used. */
  readonly id?: string;
}

/**
 * Options of {@link rfmSummary}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface RfmSummaryOptions {
  /** Last calendar day of the calibration period (`YYYY-MM-DD`, inclusive). */
  readonly calibrationEnd: string;
  /** Last calendar day of the holdout period (inclusive, not before `calibrationEnd`); adds holdout columns. */
  readonly holdoutEnd?: string | undefined;
  /** Unit of recency, T and holdout duration. Required: there is no hidden default. */
  readonly timeUnit: TimeUnit;
  /** IANA time zone whose calendar days merge purchases. Default `UTC`. */
  readonly timeZone?: string | undefined;
}

const rfmSchema = z
  .strictObject({
    calibrationEnd: calendarDateSchema,
    holdoutEnd: calendarDateSchema.optional(),
    timeUnit: timeUnitOption,
    timeZone: timeZoneOption,
  })
  .refine((o) => o.holdoutEnd === undefined || o.holdoutEnd >= o.calibrationEnd, {
    error: 'The holdout cannot end before the calibration end',
    path: ['holdoutEnd'],
    params: { code: 'conflicting_options' },
  });

/**
 * Per-customer RFM summary row (the x, tₓ, T of the BTYD models).
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface RfmCustomer {
  /** The customer. */
  readonly customerId: string;
  /** x: repeat purchase days in the calibration period (same-day purchases are one; the first is not counted). */
  readonly frequency: number;
  /** tₓ: time from the first purchase day to the last repeat purchase day (0 when x = 0). */
  readonly recency: number;
  /** T: time from the first purchase day to the calibration end day. */
  readonly T: number;
  /** Mean value of the repeat purchase days (same-day amounts summed); 0 when x = 0. */
  readonly monetaryValue: number;
  /** Holdout purchase days, present when `holdoutEnd` was given. */
  readonly frequencyHoldout?: number;
  /** Mean value of the holdout purchase days (0 when none), present when `holdoutEnd` was given. */
  readonly monetaryValueHoldout?: number;
  /** Length of the holdout period, present when `holdoutEnd` was given. */
  readonly durationHoldout?: number;
}

/**
 * Result of {@link rfmSummary}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface RfmSummary {
  /** One row per customer whose first purchase is on or before the calibration end, sorted by id. */
  readonly customers: readonly RfmCustomer[];
  /** Unit of recency, T and durations. */
  readonly timeUnit: TimeUnit;
  /** Rows not used, by reason. */
  readonly excluded: {
    /** Rows repeating an earlier transaction id. */
    readonly duplicates: number;
    /** Rows after the last observed day (holdout end, or calibration end without holdout). */
    readonly afterEnd: number;
    /** Customers whose first purchase falls after the calibration end. */
    readonly customersFirstSeenAfterCalibration: number;
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day number (days since 1970-01-01) of a calendar date that passed its schema (internal). */
const dayOfDate = (date: string): number => parseInstant(date, { timeZone: 'UTC' }) / MS_PER_DAY;

/**
 * Builds the per-customer RFM summary (frequency x, recency tₓ, age T, mean spend) from transactions, with an
 * explicit time unit and an optional holdout period — the input of BG/NBD, Pareto/NBD and Gamma-Gamma.
 * Purchases on one calendar day (in `timeZone`) count as one purchase of their summed value, as in the CDNOW
 * summaries of Fader, Hardie & Lee (2005) and the `lifetimes` library.
 *
 * @param transactions - Purchases in any order.
 * @param options - Calibration end, optional holdout end, time unit and time zone.
 * @returns Rows sorted by customer id, the unit, and counts of rows not used.
 * @throws {@link @cx/model!CxOptionsError} for missing or invalid options: no `timeUnit`, an unknown time zone, a
 * calibration end that is not a calendar date, a holdout end before it.
 * @throws {@link @cx/model!CxValidationError} for bad rows (customer, time, amount) naming each, e.g.
 * `['transactions', 3, 'at']` for `2024-02-30T00:00:00Z`.
 * @example
 * ```ts
 * import { rfmSummary } from '@cx/metrics';
 * const { customers } = rfmSummary(
 *   [
 *     { customerId: 'c1', at: '2024-01-01', amount: 10 },
 *     { customerId: 'c1', at: '2024-01-15', amount: 20 },
 *     { customerId: 'c1', at: '2024-01-15', amount: 5 },
 *   ],
 *   { calibrationEnd: '2024-01-29', timeUnit: 'week' },
 * );
 * console.log(customers[0]); // { customerId: 'c1', frequency: 1, recency: 2, T: 4, monetaryValue: 25 }
 * ```
 * @category Customer lifetime value
 * @since 0.1.0
 */
export function rfmSummary(transactions: readonly Transaction[], options: RfmSummaryOptions): RfmSummary {
  const o = parseOptions(rfmSchema, options, 'rfmSummary');
  const timeUnit = o.timeUnit;
  const unitDays = TIME_UNIT_DAYS[timeUnit];
  // A local date-time is read in the time zone only when the caller named one: never UTC by default.
  const zoned = typeof options === 'object' && options !== null && options.timeZone !== undefined;
  const reader = createInstantReader(zoned ? { timeZone: o.timeZone } : {});
  const calendar = createCalendar({ interval: 'day', timeZone: o.timeZone });
  /** The day number of a transaction's time, or the issue saying why it is not a time. */
  const toDay = (value: unknown, path: ReadonlyArray<string | number>): number | ValidationIssue => {
    if (typeof value === 'string' && DATE.test(value)) {
      return calendarDateSchema.safeParse(value).success
        ? dayOfDate(value)
        : { path, code: 'invalid_date', message: `Not a real calendar date: ${JSON.stringify(value)}` };
    }
    if (typeof value !== 'string') {
      return { path, code: 'invalid_type', message: `Expected a date or an instant, got ${typeof value}` };
    }
    try {
      return calendar.localDayOf(reader.parse(value));
    } catch (error) {
      const issue = reader.issue(value, { path });
      if (issue === null) throw error;
      return issue;
    }
  };
  const calibrationEnd = dayOfDate(o.calibrationEnd);
  const holdoutEnd = o.holdoutEnd === undefined ? undefined : dayOfDate(o.holdoutEnd);
  if (!Array.isArray(transactions)) {
    throw new CxValidationError(
      [{ path: ['transactions'], message: 'Expected a list of transactions', code: 'invalid_type' }],
      { subject: 'transactions' },
    );
  }
  const calEnd = calibrationEnd;
  const lastDay = holdoutEnd ?? calEnd;

  const issues: ValidationIssue[] = [];
  const seenIds = new Set<string>();
  let duplicates = 0;
  let afterEnd = 0;
  // customer → day → summed amount
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach((t, i) => {
    if (typeof t !== 'object' || t === null) {
      issues.push({
        path: ['transactions', i],
        message: 'Expected { customerId, at, amount?, id? }',
        code: 'invalid_type',
      });
      return;
    }
    const rowIssues: ValidationIssue[] = [];
    if (typeof t.customerId !== 'string' || t.customerId.length === 0) {
      rowIssues.push({
        path: ['transactions', i, 'customerId'],
        message: 'Expected a non-empty id',
        code: 'invalid_type',
      });
    }
    const day = toDay(t.at, ['transactions', i, 'at']);
    if (typeof day !== 'number') rowIssues.push(day);
    const amount = t.amount ?? 0;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      rowIssues.push({
        path: ['transactions', i, 'amount'],
        message: `Expected a finite amount ≥ 0, got ${String(t.amount)}`,
        code: 'out_of_range',
      });
    }
    if (t.id !== undefined && typeof t.id !== 'string') {
      rowIssues.push({
        path: ['transactions', i, 'id'],
        message: 'Expected a string id',
        code: 'invalid_type',
      });
    }
    if (rowIssues.length > 0 || typeof day !== 'number') {
      issues.push(...rowIssues);
      return;
    }
    if (t.id !== undefined) {
      if (seenIds.has(t.id)) {
        duplicates++;
        return;
      }
      seenIds.add(t.id);
    }
    if (day > lastDay) {
      afterEnd++;
      return;
    }
    let byDay = byCustomer.get(t.customerId);
    if (byDay === undefined) byCustomer.set(t.customerId, (byDay = new Map()));
    const dayTotal = (byDay.get(day) ?? 0) + amount;
    if (!Number.isFinite(dayTotal)) {
      // Each amount is finite, but a day's total is not: an error naming the record, never an Infinity mean.
      issues.push({
        path: ['transactions', i, 'amount'],
        message: `The amounts of customer ${JSON.stringify(t.customerId)} on this day add up to more than the largest number (${String(amount)} added)`,
        code: 'out_of_range',
      });
      return;
    }
    byDay.set(day, dayTotal);
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'transactions' });

  const customers: RfmCustomer[] = [];
  let lateCustomers = 0;
  for (const customerId of [...byCustomer.keys()].sort()) {
    const days = [...byCustomer.get(customerId)!.entries()].sort((a, b) => a[0] - b[0]);
    const first = days[0]![0];
    if (first > calEnd) {
      lateCustomers++;
      continue;
    }
    const calibration = days.filter(([d]) => d <= calEnd);
    const repeat = calibration.slice(1);
    const frequency = repeat.length;
    const row: RfmCustomer = {
      customerId,
      frequency,
      recency: frequency === 0 ? 0 : (repeat.at(-1)![0] - first) / unitDays,
      T: (calEnd - first) / unitDays,
      monetaryValue: frequency === 0 ? 0 : meanOf(repeat),
    };
    if (holdoutEnd === undefined) {
      customers.push(row);
    } else {
      const holdout = days.filter(([d]) => d > calEnd);
      customers.push({
        ...row,
        frequencyHoldout: holdout.length,
        monetaryValueHoldout: holdout.length === 0 ? 0 : meanOf(holdout),
        durationHoldout: (holdoutEnd - calEnd) / unitDays,
      });
    }
  }
  return {
    customers,
    timeUnit,
    excluded: { duplicates, afterEnd, customersFirstSeenAfterCalibration: lateCustomers },
  };
}

/**
 * Mean of the day totals (internal), summed as v / n so that finite totals give a finite mean (Σ v could overflow
 * where the mean cannot: it is at most the largest total).
 */
function meanOf(days: ReadonlyArray<readonly [number, number]>): number {
  let mean = 0;
  for (const [, v] of days) mean += v / days.length;
  return mean;
}
