import { MS_PER_DAY } from '@cx/model';
import type { SubscriptionColumns } from '../columns.js';
import type { CustomerChurnPeriod, MidPeriodPolicy, PeriodBounds } from '../types.js';
import { countCustomers } from './customers-kernel.js';
import { locateTable, windowWidth } from './locate.js';
import { canSplit, sweepInParallel } from './parallel.js';
import { renewalEligibility } from './renewals.js';
import {
  BLOCK,
  churnRateOf,
  I_AT_END,
  I_AT_START,
  I_CHURN_EVENTS,
  I_JOINED,
  I_LOST,
  INT_ROWS,
  rowI,
  settleDifferences,
} from './rows.js';
import { addRows, sweepPlan } from './simple-form.js';
import { sweepSimpleCustomers } from './simple-kernel.js';

/**
 * Customer counts only (internal, `measures: 'customers'`): customers at start and end, lost, new, churn events,
 * and only the requested policy's denominator (exposure for `'exposure'`, renewal eligibility for `'eligible'`);
 * no revenue. Every count is an integer, so it equals {@link churnSweep}'s whatever the order of the additions; with
 * `workers` the customers may be split over worker threads ({@link sweepInParallel}).
 */
export function customerChurnSweep(
  table: SubscriptionColumns,
  { bounds, keys, labels }: PeriodBounds,
  policy: MidPeriodPolicy,
  asOf: number,
  workers = 0,
): CustomerChurnPeriod[] {
  const periods = bounds.length - 1;
  const n = bounds.length;
  const width = windowWidth(bounds);
  const windows = locateTable(bounds, width);
  const withExposure = policy === 'exposure';
  const plan = sweepPlan(table, bounds);
  const form = plan.form;
  const simple =
    form === null
      ? null
      : { ints: new Int32Array(INT_ROWS * n), exposure: new Float64Array(withExposure ? n : 0) };
  const sweepSimple = (): void => {
    if (form !== null && simple !== null)
      sweepSimpleCustomers(simple.ints, simple.exposure, null, bounds, form.byStart, form.byEnd);
  };
  const split = workers > 0 && canSplit(table, bounds, 'customers', withExposure);
  const { ints, floats: exposure } = split
    ? sweepInParallel(
        table,
        plan.list,
        bounds,
        windows,
        width,
        'customers',
        withExposure,
        workers,
        sweepSimple,
      )
    : { ints: new Int32Array(INT_ROWS * n), floats: new Float64Array(withExposure ? n : 0) };
  if (!split) sweepSimple();
  const customers = split ? 0 : plan.list.length;
  for (let c0 = 0; c0 < customers; c0 += BLOCK) {
    countCustomers(
      ints,
      exposure,
      bounds,
      windows,
      width,
      plan.list,
      c0,
      Math.min(customers, c0 + BLOCK),
      table.spellOffsets,
      table.spellFrom,
      table.spellTo,
    );
  }
  if (simple !== null) {
    addRows(ints, simple.ints);
    addRows(exposure, simple.exposure);
  }
  settleDifferences(ints, withExposure ? exposure : null, bounds);
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const eligible = new Int32Array(periods);
  const eligibleLost = new Int32Array(periods);
  if (policy === 'eligible') renewalEligibility(table, bounds, eligible, eligibleLost);
  const series: CustomerChurnPeriod[] = [];
  for (let p = 0; p < periods; p++) {
    const days = withExposure ? (exposure[p] as number) / MS_PER_DAY : null;
    const e = eligible[p] as number;
    series.push({
      period: keys[p] as string,
      label: labels[p] as string,
      start: new Date(bounds[p] as number).toISOString(),
      end: new Date(bounds[p + 1] as number).toISOString(),
      complete: (bounds[p + 1] as number) <= asOf,
      policy,
      customersAtStart: atStart[p] as number,
      customersAtEnd: atEnd[p] as number,
      lostCustomers: lost[p] as number,
      newCustomers: joined[p] as number,
      churnEvents: churnEvents[p] as number,
      exposureDays: days,
      ...(policy === 'eligible' ? { eligible: e, eligibleLost: eligibleLost[p] as number } : {}),
      churnRate: churnRateOf(
        policy,
        atStart[p] as number,
        lost[p] as number,
        days,
        churnEvents[p] as number,
        e,
        eligibleLost[p] as number,
      ),
      revenue: null,
    });
  }
  return series;
}
