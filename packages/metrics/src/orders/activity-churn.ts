import type { Interaction, Order } from '@cx/model';
import {
  CxValidationError,
  createCalendar,
  instantToEpochMs,
  intervalOption,
  MS_PER_DAY,
  maxPeriodsOption,
  parseOptions,
  timeZoneOption,
  weekStartsOnOption,
} from '@cx/model';
import { z } from 'zod';
import { orderTime, type PurchaseOptions } from './purchases.js';

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
  /** Most periods the series may span (bounded work). Default 10,000. */
  readonly maxPeriods?: number;
}

const optionsSchema = z.strictObject({
  inactiveDays: z
    .number({ error: 'Expected a number of days such as 90' })
    .gt(0, { error: 'Expected more than 0 days' })
    .max(36_500, { error: 'Expected at most 36,500 days' }),
  interval: intervalOption.default('month'),
  timeZone: timeZoneOption,
  weekStartsOn: weekStartsOnOption,
  asOf: z.string().optional(),
  maxPeriods: maxPeriodsOption,
  statuses: z
    .array(z.enum(['placed', 'paid', 'fulfilled', 'cancelled', 'refunded']))
    .min(1)
    .default(['paid', 'fulfilled']),
});

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
 * @throws {@link @cx/model!CxOptionsError} for bad options; {@link @cx/model!CxValidationError} for records without a
 *   valid instant; {@link @cx/model!CxLimitError} for a span of more than `maxPeriods` periods.
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
  const o = parseOptions(optionsSchema, options, 'activityChurn');
  const statuses = new Set(o.statuses);
  const windowMs = o.inactiveDays * MS_PER_DAY;
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
  if (o.asOf !== undefined) {
    try {
      asOf = instantToEpochMs(o.asOf);
    } catch (error) {
      throw new CxValidationError(
        [
          {
            path: ['options', 'asOf'],
            code: 'invalid_instant',
            message: `Expected a UTC instant, got ${JSON.stringify(o.asOf)}`,
          },
        ],
        { cause: error },
      );
    }
  }
  const calendar = createCalendar({
    interval: o.interval,
    timeZone: o.timeZone,
    weekStartsOn: o.weekStartsOn,
  });
  const end = Math.max(asOf, first);
  // Bounded work: the series spans at most maxPeriods periods (CxLimitError beyond).
  const periods = calendar.checkSpan(first, end, {
    maxPeriods: o.maxPeriods,
    path: ['options', 'asOf'],
    what: 'The activity churn series',
  });
  const base = calendar.indexOf(first);
  const starts = new Float64Array(periods + 1);
  for (let k = 0; k <= periods; k++) starts[k] = calendar.startOfIndex(base + k);
  /** Index (from 0) of the period holding `t`, or -1 before the first. */
  const indexOf = (t: number): number => calendar.indexOf(t) - base;
  const active = new Int32Array(periods + 2);
  const lost = new Int32Array(periods + 1);
  const fresh = new Int32Array(periods + 1);
  const back = new Int32Array(periods + 1);
  /** Smallest period index k with starts[k] >= t. */
  const ceil = (t: number): number => {
    const i = indexOf(t);
    return i >= 0 && i <= periods && (starts[i] as number) === t ? i : i + 1;
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
    const startPeriod = indexOf(from);
    if (startPeriod >= 0 && startPeriod < periods) {
      if (firstSpell[s]) fresh[startPeriod] = (fresh[startPeriod] as number) + 1;
      else back[startPeriod] = (back[startPeriod] as number) + 1;
    }
    const lostPeriod = indexOf(to);
    // Lost in a period only when active at its start (the spell began before it) and known by asOf.
    if (to <= asOf && lostPeriod >= 0 && lostPeriod < periods && a <= lostPeriod)
      lost[lostPeriod] = (lost[lostPeriod] as number) + 1;
  }
  const out: ActivityChurnPeriod[] = [];
  let running = 0;
  for (let k = 0; k < periods; k++) {
    running += active[k] as number;
    const activeAtEnd = running + (active[k + 1] as number);
    const start = starts[k] as number;
    const stop = starts[k + 1] as number;
    out.push({
      label: calendar.keyOfIndex(base + k),
      start: new Date(start).toISOString(),
      end: new Date(stop).toISOString(),
      activeAtStart: running,
      lost: lost[k] as number,
      churnRate: running === 0 ? null : (lost[k] as number) / running,
      new: fresh[k] as number,
      reactivated: back[k] as number,
      activeAtEnd,
      complete: stop <= asOf,
    });
  }
  return out;
}
