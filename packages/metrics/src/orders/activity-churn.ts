import type { Interaction, Order } from '@cx/model';
import { CxValidationError, instantToEpochMs } from '@cx/model';
import { checkInterval, checkTimeZone, PeriodCalendar } from '../retention/calendar.js';
import { orderTime, type PurchaseOptions, purchaseStatuses } from './purchases.js';

const DAY_MS = 86_400_000;
const MAX_PERIODS = 10_000;

/**
 * Options of {@link activityChurn}.
 *
 * @category Orders
 * @since 0.1.0
 */
export interface ActivityChurnOptions extends PurchaseOptions {
  /** Days without an order or interaction after which a customer counts as lost (required; e.g. 90). */
  readonly inactiveDays: number;
  /** Calendar period of the series. Default `'month'`. */
  readonly interval?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** IANA time zone of the calendar. Default `'UTC'`. */
  readonly timeZone?: string;
  /** First day of a week, 0 = Sunday … 6; default 1 (ISO Monday). */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Instant up to which the data is complete. Default the last activity. */
  readonly asOf?: string;
}

/**
 * One calendar period of {@link activityChurn}.
 *
 * @category Orders
 * @since 0.1.0
 */
export interface ActivityChurnPeriod {
  /** Period label in the calendar's zone: `YYYY-MM-DD` (day, week), `YYYY-MM` (month), `YYYY-Qn`, `YYYY`. */
  readonly label: string;
  /** Period start and end (exclusive), UTC instants. */
  readonly start: string;
  readonly end: string;
  /** Customers active at the period's start. */
  readonly activeAtStart: number;
  /** Of those, customers lost during the period (their `inactiveDays` ran out in it). */
  readonly lost: number;
  /** `lost / activeAtStart`, or `null` when no customer was active at the start. */
  readonly churnRate: number | null;
  /** Customers whose first activity falls in the period. */
  readonly new: number;
  /** Customers lost earlier who became active again in the period. */
  readonly reactivated: number;
  /** Customers active at the period's end. */
  readonly activeAtEnd: number;
  /** Whether the period ends at or before `asOf` (later periods miss losses still to come). */
  readonly complete: boolean;
}

/**
 * Activity churn from orders and interactions: how many customers are lost per calendar period.
 *
 * Definition (documented in docs/retention.md): a customer is **active** from an activity (a purchase, or an
 * interaction with their `customerId`) until `inactiveDays` days after their latest activity; when that time
 * passes without activity the customer is **lost** at that instant (an activity at that very instant keeps them). A later activity makes them active again
 * (**reactivated**). Per period `[start, end)`: `activeAtStart` counts customers active at `start`, `lost` those of
 * them lost before `end`, `churnRate = lost / activeAtStart`. Anonymous interactions are not customers and are
 * left out. Losses after `asOf` are not known yet: they are not counted, and such periods are marked incomplete.
 *
 * @param source - Orders and, optionally, interactions.
 * @param options - `inactiveDays`, the calendar, purchase statuses, `asOf`.
 * @returns One row per period from the first activity's period to the period holding `asOf`.
 * @throws {@link @cx/model!CxValidationError} for bad options, records without a valid instant, or a span of more
 *   than 10,000 periods.
 * @example
 * ```ts
 * import { activityChurn } from '@cx/metrics';
 * const order = (id: string, customerId: string, orderedAt: string) =>
 *   ({ id, customerId, orderedAt, amount: 10, currency: 'PLN', status: 'paid' as const, items: [], properties: {} });
 * const series = activityChurn(
 *   { orders: [order('o1', 'a', '2024-01-10T00:00:00Z'), order('o2', 'b', '2024-01-20T00:00:00Z'), order('o3', 'b', '2024-02-15T00:00:00Z')] },
 *   { inactiveDays: 30, interval: 'month', asOf: '2024-03-31T00:00:00Z' },
 * );
 * console.log(series.map((p) => [p.label, p.activeAtStart, p.lost])); // [ [ '2024-01', 0, 0 ], [ '2024-02', 2, 1 ], [ '2024-03', 1, 1 ] ]
 * ```
 * @category Orders
 * @since 0.1.0
 */
export function activityChurn(
  source: { readonly orders?: Iterable<Order>; readonly interactions?: Iterable<Interaction> },
  options: ActivityChurnOptions,
): ActivityChurnPeriod[] {
  const inactive = options?.inactiveDays;
  if (typeof inactive !== 'number' || !Number.isFinite(inactive) || inactive <= 0 || inactive > 36_500) {
    throw new CxValidationError([
      {
        path: ['options', 'inactiveDays'],
        code: 'invalid_value',
        message: `Expected a number of days in (0, 36500], got ${JSON.stringify(inactive)}`,
      },
    ]);
  }
  const interval = checkInterval(
    options.interval ?? 'month',
    ['day', 'week', 'month', 'quarter', 'year'],
    ['options', 'interval'],
  );
  const timeZone = checkTimeZone(options.timeZone ?? 'UTC', ['options', 'timeZone']);
  const weekStartsOn = options.weekStartsOn ?? 1;
  const statuses = purchaseStatuses(options, 'activityChurn');
  const windowMs = inactive * DAY_MS;
  const times = new Map<string, number[]>();
  const add = (customer: string, ms: number): void => {
    const list = times.get(customer);
    if (list === undefined) times.set(customer, [ms]);
    else list.push(ms);
  };
  let index = 0;
  for (const order of source.orders ?? []) {
    const ms = orderTime(order, index++);
    if (statuses.has(order.status)) add(order.customerId, ms);
  }
  index = 0;
  for (const event of source.interactions ?? []) {
    const i = index++;
    if (event.customerId === undefined) continue;
    let ms: number;
    try {
      ms = instantToEpochMs(event.timestamp);
    } catch (error) {
      throw new CxValidationError(
        [
          {
            path: ['interactions', i, 'timestamp'],
            code: 'invalid_date',
            message: `Expected a UTC instant, got ${JSON.stringify(event.timestamp)}`,
          },
        ],
        { cause: error },
      );
    }
    add(event.customerId, ms);
  }
  if (times.size === 0) return [];
  // Spells: runs of activity with gaps shorter than the window; each ends (the customer is lost) window after its last.
  const spellStart: number[] = [];
  const spellEnd: number[] = [];
  const firstSpell: boolean[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const list of times.values()) {
    list.sort((a, b) => a - b);
    let start = list[0] as number;
    let previous = start;
    let isFirst = true;
    for (let k = 1; k <= list.length; k++) {
      const t = k < list.length ? (list[k] as number) : Number.POSITIVE_INFINITY;
      if (t - previous > windowMs) {
        spellStart.push(start);
        spellEnd.push(previous + windowMs);
        firstSpell.push(isFirst);
        isFirst = false;
        start = t;
      }
      previous = t;
    }
    first = Math.min(first, list[0] as number);
    last = Math.max(last, list[list.length - 1] as number);
  }
  let asOf = last;
  if (options.asOf !== undefined) {
    try {
      asOf = instantToEpochMs(options.asOf);
    } catch (error) {
      throw new CxValidationError(
        [
          {
            path: ['options', 'asOf'],
            code: 'invalid_date',
            message: `Expected a UTC instant, got ${JSON.stringify(options.asOf)}`,
          },
        ],
        { cause: error },
      );
    }
  }
  const calendar = new PeriodCalendar({ interval, timeZone, weekStartsOn }, first, first);
  const limitEnd = calendar.start(0);
  // Bounded work: refuse spans beyond MAX_PERIODS before building them.
  const approx = Math.floor(
    (Math.max(asOf, first) - limitEnd) /
      ({ day: 1, week: 7, month: 28, quarter: 89, year: 365 }[interval] * DAY_MS),
  );
  if (approx > MAX_PERIODS) {
    throw new CxValidationError([
      {
        path: ['options', 'asOf'],
        code: 'too_many_periods',
        message: `From the first activity to asOf spans more than ${MAX_PERIODS} ${interval}s; choose a longer interval or an earlier asOf`,
      },
    ]);
  }
  calendar.ensure(Math.max(asOf, first));
  const periods = calendar.indexOf(Math.max(asOf, first)) + 1;
  const starts = calendar.starts;
  const active = new Int32Array(periods + 2);
  const lost = new Int32Array(periods + 1);
  const fresh = new Int32Array(periods + 1);
  const back = new Int32Array(periods + 1);
  /** Smallest period index k with starts[k] >= t. */
  const ceil = (t: number): number => {
    const i = calendar.indexOf(t);
    return i >= 0 && (starts[i] as number) === t ? i : i + 1;
  };
  for (let s = 0; s < spellStart.length; s++) {
    const from = spellStart[s] as number;
    const to = spellEnd[s] as number;
    const a = ceil(from);
    const b = Math.min(ceil(to), periods + 1);
    if (a < b) {
      active[a] = (active[a] as number) + 1;
      active[b] = (active[b] as number) - 1;
    }
    const startPeriod = calendar.indexOf(from);
    if (startPeriod >= 0 && startPeriod < periods) {
      if (firstSpell[s]) fresh[startPeriod] = (fresh[startPeriod] as number) + 1;
      else back[startPeriod] = (back[startPeriod] as number) + 1;
    }
    const lostPeriod = calendar.indexOf(to);
    // Lost in a period only when active at its start (the spell began before it) and known by asOf.
    if (to <= asOf && lostPeriod >= 0 && lostPeriod < periods && a <= lostPeriod)
      lost[lostPeriod] = (lost[lostPeriod] as number) + 1;
  }
  const labels = labeler(interval, timeZone);
  const out: ActivityChurnPeriod[] = [];
  let running = 0;
  for (let k = 0; k < periods; k++) {
    running += active[k] as number;
    const activeAtEnd = running + (active[k + 1] as number);
    const start = starts[k] as number;
    const end = calendar.start(k + 1);
    out.push({
      label: labels(start),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      activeAtStart: running,
      lost: lost[k] as number,
      churnRate: running === 0 ? null : (lost[k] as number) / running,
      new: fresh[k] as number,
      reactivated: back[k] as number,
      activeAtEnd,
      complete: end <= asOf,
    });
  }
  return out;
}

const QUARTER: Readonly<Record<string, number>> = {
  '01': 1,
  '02': 1,
  '03': 1,
  '04': 2,
  '05': 2,
  '06': 2,
  '07': 3,
  '08': 3,
  '09': 3,
  '10': 4,
  '11': 4,
  '12': 4,
};

/** Period labels in the calendar's zone (internal). */
function labeler(interval: string, timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (ms) => {
    const parts = format.formatToParts(ms);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    const year = get('year');
    const month = get('month');
    if (interval === 'year') return year;
    if (interval === 'quarter') return `${year}-Q${QUARTER[month] ?? '?'}`;
    if (interval === 'month') return `${year}-${month}`;
    return `${year}-${month}-${get('day')}`;
  };
}
