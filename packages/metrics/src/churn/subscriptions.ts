import type { Subscription, ValidationIssue, ValidationIssueCode } from '@cx/model';
import { CxValidationError, instantIssue, instantToEpochMsOrNaN } from '@cx/model';
import type { SubscriptionColumns } from './columns.js';
import { mrrUnits } from './mrr-units.js';

/** Monthly factor of each billing interval: an amount per interval times this is per month. */
export const PER_MONTH = { week: 52 / 12, month: 1, quarter: 1 / 3, year: 1 / 12 } as const;
/** Months per billing interval (a week is not a whole number of months). */
export const MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** Subscriptions checked and held as arrays, with each customer's active spells merged (internal). */
export type SubscriptionTable = SubscriptionColumns;

const MAX_ISSUES = 100;

/**
 * Validates subscriptions (positions in issue paths) and builds the table (internal). With `oneCurrency` (the
 * default) amounts in more than one currency are an error; without it (customer counts only, where amounts are not
 * added up) they are allowed and the table's `currency` is `undefined` when they differ.
 */
export function subscriptionTable(
  subscriptions: Iterable<Subscription>,
  { oneCurrency = true }: { readonly oneCurrency?: boolean } = {},
): SubscriptionTable {
  const issues: ValidationIssue[] = [];
  let issueCount = 0;
  const issue = (path: Array<string | number>, message: string, code: ValidationIssueCode): void => {
    issueCount++;
    if (issues.length < MAX_ISSUES) issues.push({ path, message, code });
  };
  const badInstant = (value: unknown, path: Array<string | number>): void => {
    issueCount++;
    const found = instantIssue(value, { path });
    if (issues.length < MAX_ISSUES && found !== null) issues.push(found);
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
  const changeAmount: number[] = [];
  let currency: string | undefined;
  let mixedCurrency = false;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  let i = -1;
  for (const s of subscriptions) {
    i++;
    const before = issueCount;
    if (typeof s !== 'object' || s === null) {
      issue([i], `Expected a subscription object, got ${s === null ? 'null' : typeof s}`, 'invalid_type');
      continue;
    }
    const t0 = instantToEpochMsOrNaN(s.startedAt);
    if (Number.isNaN(t0)) badInstant(s.startedAt, [i, 'startedAt']);
    const t1 = s.endedAt === undefined ? Number.POSITIVE_INFINITY : instantToEpochMsOrNaN(s.endedAt);
    if (Number.isNaN(t1)) badInstant(s.endedAt, [i, 'endedAt']);
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
    else if (s.currency !== currency && !oneCurrency) mixedCurrency = true;
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
    changeAmount.push(s.amount);
    const changes = s.amountChanges ?? [];
    if (!Array.isArray(changes))
      issue([i, 'amountChanges'], 'Expected a list of amount changes', 'invalid_type');
    let previous = t0;
    for (let k = 0; Array.isArray(changes) && k < changes.length; k++) {
      const change = changes[k] as Subscription['amountChanges'][number];
      if (typeof change !== 'object' || change === null) {
        issue([i, 'amountChanges', k], 'Expected an amount change { at, amount }', 'invalid_type');
        continue;
      }
      const at = instantToEpochMsOrNaN(change.at);
      if (Number.isNaN(at)) badInstant(change.at, [i, 'amountChanges', k, 'at']);
      else if (at < previous) {
        issue(
          [i, 'amountChanges', k, 'at'],
          'Expected amount changes in time order, not before startedAt',
          'out_of_order',
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
      changeAmount.push(change.amount);
    }
    if (issueCount !== before) {
      changeTime.length = mark;
      changeMrr.length = mark;
      changeAmount.length = mark;
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
  const offsets = Int32Array.from(changeOffsets);
  const amounts = Float64Array.from(changeAmount);
  const exact = mrrUnits(amounts, offsets, interval);
  return {
    kind: 'subscription-columns',
    count: customer.length,
    customerIds,
    customer: Int32Array.from(customer),
    start: Float64Array.from(start),
    end: Float64Array.from(end),
    interval,
    changeOffsets: offsets,
    changeTime: Float64Array.from(changeTime),
    changeAmount: amounts,
    changeMrr: Float64Array.from(changeMrr),
    changeMrrUnits: exact.units,
    mrrScale: exact.scale,
    ...mergeSpells(customerIds.length, customer, start, end),
    currency: mixedCurrency ? undefined : currency,
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
