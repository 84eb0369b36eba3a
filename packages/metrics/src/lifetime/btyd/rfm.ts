import { CxValidationError, type ValidationIssue } from '@cx/model';
import { checkTimeUnit, TIME_UNIT_DAYS, type TimeUnit } from '../time-unit.js';

/**
 * One purchase for {@link rfmSummary}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface Transaction {
  /** The customer. */
  readonly customerId: string;
  /** When: an ISO 8601 UTC instant (`…Z`) or a calendar date `YYYY-MM-DD`. */
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
  /** Last calendar day of the holdout period (inclusive); adds holdout columns when given. */
  readonly holdoutEnd?: string;
  /** Unit of recency, T and holdout duration. Required: there is no hidden default. */
  readonly timeUnit: TimeUnit;
  /** IANA time zone whose calendar days merge purchases. Default `UTC`. */
  readonly timeZone?: string;
}

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayIndexOfDate(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCDate() !== Number(m[3]) || d.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return ms / MS_PER_DAY;
}

function dayIndexer(timeZone: string): (value: string) => number | undefined {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (value) => {
    const asDate = dayIndexOfDate(value);
    if (asDate !== undefined) return asDate;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value)) return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return undefined;
    return dayIndexOfDate(format.format(ms));
  };
}

/**
 * Builds the per-customer RFM summary (frequency x, recency tₓ, age T, mean spend) from transactions, with an
 * explicit time unit and an optional holdout period — the input of BG/NBD, Pareto/NBD and Gamma-Gamma.
 * Purchases on one calendar day (in `timeZone`) count as one purchase of their summed value, as in the CDNOW
 * summaries of Fader, Hardie & Lee (2005) and the `lifetimes` library.
 *
 * @param transactions - Purchases in any order.
 * @param options - Calibration end, optional holdout end, time unit and time zone.
 * @returns Rows sorted by customer id, the unit, and counts of rows not used.
 * @throws {@link @cx/model!CxValidationError} for bad rows (id, date, negative amount) with their positions,
 * an unknown time unit or time zone, or a holdout end before the calibration end.
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
  const timeUnit = checkTimeUnit(options.timeUnit, ['options', 'timeUnit']);
  const unitDays = TIME_UNIT_DAYS[timeUnit];
  const timeZone = options.timeZone ?? 'UTC';
  const optionIssues: ValidationIssue[] = [];
  let toDay: (value: string) => number | undefined = dayIndexOfDate;
  try {
    toDay = dayIndexer(timeZone);
  } catch {
    optionIssues.push({
      path: ['options', 'timeZone'],
      message: `Unknown IANA time zone ${JSON.stringify(timeZone)}`,
      code: 'invalid_time_zone',
    });
  }
  const calibrationEnd = dayIndexOfDate(options.calibrationEnd);
  if (calibrationEnd === undefined) {
    optionIssues.push({
      path: ['options', 'calibrationEnd'],
      message: `Expected a calendar date YYYY-MM-DD, got ${JSON.stringify(options.calibrationEnd)}`,
      code: 'invalid_date',
    });
  }
  const holdoutEnd = options.holdoutEnd === undefined ? undefined : dayIndexOfDate(options.holdoutEnd);
  if (options.holdoutEnd !== undefined && holdoutEnd === undefined) {
    optionIssues.push({
      path: ['options', 'holdoutEnd'],
      message: `Expected a calendar date YYYY-MM-DD, got ${JSON.stringify(options.holdoutEnd)}`,
      code: 'invalid_date',
    });
  } else if (holdoutEnd !== undefined && calibrationEnd !== undefined && holdoutEnd < calibrationEnd) {
    optionIssues.push({
      path: ['options', 'holdoutEnd'],
      message: `The holdout end ${options.holdoutEnd} is before the calibration end ${options.calibrationEnd}`,
      code: 'end_before_start',
    });
  }
  if (optionIssues.length > 0) throw new CxValidationError(optionIssues, { subject: 'RFM summary options' });
  const calEnd = calibrationEnd as number;
  const lastDay = holdoutEnd ?? calEnd;

  const issues: ValidationIssue[] = [];
  const seenIds = new Set<string>();
  let duplicates = 0;
  let afterEnd = 0;
  // customer → day → summed amount
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach((t, i) => {
    const rowIssues: ValidationIssue[] = [];
    if (typeof t.customerId !== 'string' || t.customerId.length === 0) {
      rowIssues.push({
        path: ['transactions', i, 'customerId'],
        message: 'Expected a non-empty id',
        code: 'invalid_type',
      });
    }
    const day = typeof t.at === 'string' ? toDay(t.at) : undefined;
    if (day === undefined) {
      rowIssues.push({
        path: ['transactions', i, 'at'],
        message: `Expected an ISO 8601 UTC instant or a YYYY-MM-DD date, got ${JSON.stringify(t.at)}`,
        code: 'invalid_date',
      });
    }
    const amount = t.amount ?? 0;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
      rowIssues.push({
        path: ['transactions', i, 'amount'],
        message: `Expected a finite amount ≥ 0, got ${String(t.amount)}`,
        code: 'out_of_range',
      });
    }
    if (rowIssues.length > 0) {
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
    if ((day as number) > lastDay) {
      afterEnd++;
      return;
    }
    let days = byCustomer.get(t.customerId);
    if (days === undefined) byCustomer.set(t.customerId, (days = new Map()));
    days.set(day as number, (days.get(day as number) ?? 0) + amount);
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
      monetaryValue: frequency === 0 ? 0 : repeat.reduce((s, [, v]) => s + v, 0) / frequency,
    };
    if (holdoutEnd === undefined) {
      customers.push(row);
    } else {
      const holdout = days.filter(([d]) => d > calEnd);
      customers.push({
        ...row,
        frequencyHoldout: holdout.length,
        monetaryValueHoldout:
          holdout.length === 0 ? 0 : holdout.reduce((s, [, v]) => s + v, 0) / holdout.length,
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
