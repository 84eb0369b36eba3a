import type { Subscription, ValidationIssue, ValidationIssueCode } from '@cx/model';
import { CxValidationError } from '@cx/model';
import { parseInstantBytes } from '../columnar/parse-bytes.js';
import type { SubscriptionColumns } from './columns.js';

/** Monthly factor of each billing interval: an amount per interval times this is per month. */
export const PER_MONTH = { week: 52 / 12, month: 1, quarter: 1 / 3, year: 1 / 12 } as const;
export const MONTHS = { month: 1, quarter: 3, year: 12 } as const;
const WEEK_MS = 7 * 86_400_000;

/** Subscriptions checked and held as arrays, with each customer's active spells merged (internal). */
export type SubscriptionTable = SubscriptionColumns;

const MAX_ISSUES = 100;
const encoder = new TextEncoder();
const scratch = new Uint8Array(64);

/** Epoch ms of an instant string: the byte parser for the usual form, `Date.parse` otherwise (internal). */
function parseInstant(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  if (value.length <= 40) {
    const { written } = encoder.encodeInto(value, scratch);
    const fast = parseInstantBytes(scratch, 0, written);
    if (!Number.isNaN(fast)) return fast;
  }
  return /(?:Z|[+-]\d\d:\d\d)$/.test(value) ? Date.parse(value) : Number.NaN;
}

/** Validates subscriptions (positions in issue paths) and builds the table (internal). */
export function subscriptionTable(subscriptions: Iterable<Subscription>): SubscriptionTable {
  const issues: ValidationIssue[] = [];
  let issueCount = 0;
  const issue = (path: Array<string | number>, message: string, code: ValidationIssueCode): void => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ path, message, code });
  };
  const ids = new Map<string, number>();
  const customerIds: string[] = [];
  const customer: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const interval: Array<Subscription['billingInterval']> = [];
  const changeOffsets: number[] = [0];
  const changeTime: number[] = [];
  const changeMrr: number[] = [];
  let currency: string | undefined;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  let i = -1;
  for (const s of subscriptions) {
    i++;
    const before = issueCount;
    const t0 = parseInstant(s.startedAt);
    if (!Number.isFinite(t0))
      issue([i, 'startedAt'], `Expected a UTC instant, got ${JSON.stringify(s.startedAt)}`, 'invalid_date');
    const t1 = s.endedAt === undefined ? Number.POSITIVE_INFINITY : parseInstant(s.endedAt);
    if (Number.isNaN(t1))
      issue([i, 'endedAt'], `Expected a UTC instant, got ${JSON.stringify(s.endedAt)}`, 'invalid_date');
    else if (t1 < t0)
      issue(
        [i, 'endedAt'],
        `Expected endedAt ${s.endedAt} not before startedAt ${s.startedAt}`,
        'end_before_start',
      );
    if (typeof s.customerId !== 'string' || s.customerId.length === 0)
      issue([i, 'customerId'], 'Expected a customer id', 'invalid_type');
    if (!(typeof s.amount === 'number' && Number.isFinite(s.amount) && s.amount >= 0)) {
      issue([i, 'amount'], `Expected a non-negative finite amount, got ${s.amount}`, 'invalid_amount');
    }
    const billing = s.billingInterval ?? 'month';
    if (!Object.hasOwn(PER_MONTH, billing))
      issue(
        [i, 'billingInterval'],
        `Expected week, month, quarter or year, got ${JSON.stringify(billing)}`,
        'invalid_unit',
      );
    if (currency === undefined) currency = s.currency;
    else if (s.currency !== currency) {
      issue(
        [i, 'currency'],
        `Expected one currency across subscriptions (${currency}), got ${s.currency}; convert first`,
        'mixed_currency',
      );
    }
    const factor = PER_MONTH[billing] ?? 1;
    const mark = changeTime.length;
    changeTime.push(t0);
    changeMrr.push(s.amount * factor);
    const changes = s.amountChanges ?? [];
    let previous = t0;
    for (let k = 0; k < changes.length; k++) {
      const change = changes[k] as Subscription['amountChanges'][number];
      const at = parseInstant(change.at);
      if (!Number.isFinite(at) || at < previous) {
        issue(
          [i, 'amountChanges', k, 'at'],
          'Expected amount changes as UTC instants in time order, not before startedAt',
          'invalid_date',
        );
      }
      if (!(typeof change.amount === 'number' && Number.isFinite(change.amount) && change.amount >= 0)) {
        issue(
          [i, 'amountChanges', k, 'amount'],
          `Expected a non-negative finite amount, got ${change.amount}`,
          'invalid_amount',
        );
      }
      previous = at;
      changeTime.push(at);
      changeMrr.push(change.amount * factor);
    }
    if (issueCount !== before) {
      changeTime.length = mark;
      changeMrr.length = mark;
      continue;
    }
    let c = ids.get(s.customerId);
    if (c === undefined) {
      c = customerIds.length;
      ids.set(s.customerId, c);
      customerIds.push(s.customerId);
    }
    customer.push(c);
    start.push(t0);
    end.push(t1);
    interval.push(billing);
    changeOffsets.push(changeTime.length);
    minTime = Math.min(minTime, t0);
    maxTime = Math.max(maxTime, Number.isFinite(t1) ? t1 : t0, previous);
  }
  if (issueCount > 0) throw new CxValidationError(issues, { subject: 'subscriptions' });
  return {
    kind: 'subscription-columns',
    count: customer.length,
    customerIds,
    customer: Int32Array.from(customer),
    start: Float64Array.from(start),
    end: Float64Array.from(end),
    interval,
    changeOffsets: Int32Array.from(changeOffsets),
    changeTime: Float64Array.from(changeTime),
    changeMrr: Float64Array.from(changeMrr),
    ...mergeSpells(customerIds.length, customer, start, end),
    currency,
    minTime,
    maxTime,
  };
}

/** Groups subscriptions by customer and merges each customer's overlapping or touching subscriptions (internal). */
export function mergeSpells(
  customers: number,
  customer: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
): {
  customerOffsets: Int32Array;
  customerSubscriptions: Int32Array;
  spellOffsets: Int32Array;
  spellFrom: Float64Array;
  spellTo: Float64Array;
} {
  // Group subscriptions by customer (counting sort), sort each group by start, merge overlaps.
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < customer.length; i++) offsets[(customer[i] as number) + 1]! += 1;
  for (let c = 0; c < customers; c++) offsets[c + 1]! += offsets[c] as number;
  const cursor = offsets.slice(0, customers);
  const order = new Int32Array(customer.length);
  for (let i = 0; i < customer.length; i++) order[cursor[customer[i] as number]!++] = i;
  const spellOffsets = new Int32Array(customers + 1);
  // At most one spell per subscription: typed arrays of that size, cut to the spells found.
  const from = new Float64Array(customer.length);
  const to = new Float64Array(customer.length);
  let spells = 0;
  for (let c = 0; c < customers; c++) {
    const lo = offsets[c] as number;
    const hi = offsets[c + 1] as number;
    if (hi - lo === 1) {
      const i = order[lo] as number;
      from[spells] = start[i] as number;
      to[spells] = end[i] as number;
      spells++;
      spellOffsets[c + 1] = spells;
      continue;
    }
    const group = Array.from(order.subarray(lo, hi));
    group.sort((x, y) => (start[x] as number) - (start[y] as number));
    for (const i of group) {
      const last = spells - 1;
      if (spells > (spellOffsets[c] as number) && (start[i] as number) <= (to[last] as number)) {
        to[last] = Math.max(to[last] as number, end[i] as number);
      } else {
        from[spells] = start[i] as number;
        to[spells] = end[i] as number;
        spells++;
      }
    }
    spellOffsets[c + 1] = spells;
  }
  return {
    customerOffsets: offsets,
    customerSubscriptions: order,
    spellOffsets,
    spellFrom: spells === from.length ? from : from.slice(0, spells),
    spellTo: spells === to.length ? to : to.slice(0, spells),
  };
}

/** Monthly recurring revenue of subscription `i` at instant `t` (0 when not active) (internal). */
export function mrrAt(table: SubscriptionTable, i: number, t: number): number {
  if (!((table.start[i] as number) <= t && t < (table.end[i] as number))) return 0;
  const first = table.changeOffsets[i] as number;
  let k = (table.changeOffsets[i + 1] as number) - 1;
  while (k > first && (table.changeTime[k] as number) > t) k--;
  return table.changeMrr[k] as number;
}

/** The `k`-th renewal instant (`k ≥ 1`) of subscription `i`: start plus `k` billing intervals, UTC calendar (internal). */
export function renewalAt(table: SubscriptionTable, i: number, k: number): number {
  const start = table.start[i] as number;
  const billing = table.interval[i] as Subscription['billingInterval'];
  if (billing === 'week') return start + k * WEEK_MS;
  const date = new Date(start);
  const months = date.getUTCMonth() + k * MONTHS[billing];
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // As date-fns addMonths: the same day of month, clamped to the month's last day.
  return (
    Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) +
    (start - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  );
}
