import { MS_PER_DAY } from '@cx/model';
import type { SubscriptionColumns } from '../columns.js';
import type { ChurnPeriod, MidPeriodPolicy, PeriodBounds } from '../types.js';
import { sweepCustomersExact } from './exact-kernel.js';
import { sweepCustomers } from './full-kernel.js';
import { locateTable, windowWidth } from './locate.js';
import { canSplit, sweepInParallel } from './parallel.js';
import { renewalEligibility } from './renewals.js';
import {
  BLOCK,
  churnRateOf,
  F_CHURNED,
  F_CONTRACTION,
  F_END_MRR,
  F_END_MRR_DIFF,
  F_EXPANSION,
  F_EXPOSURE,
  F_NEW_MRR,
  F_START_MRR,
  F_START_MRR_DIFF,
  FLOAT_ROWS,
  I_AT_END,
  I_AT_START,
  I_CHURN_EVENTS,
  I_JOINED,
  I_LOST,
  INT_ROWS,
  rowF,
  rowI,
  settleDifferences,
} from './rows.js';
import { addRows, everyCustomer, type SweepPlan, sweepPlan } from './simple-form.js';
import { sweepSimpleCustomers } from './simple-kernel.js';

/**
 * Churn of every period `[bounds[p], bounds[p + 1])` in one pass over the customers (internal).
 *
 * Each customer's contributions go straight into the per-period sums. Revenue is summed exactly when the table
 * has integer MRR units (`mrrScale` not 0; in any order, each figure converted to money once: the simple customers
 * from their sorted form, {@link sweepSimpleCustomers}, the others by {@link sweepCustomersExact}); otherwise in floating point, customers and their subscriptions in index order, as the float reference
 * adds them ({@link sweepCustomers}). With `workers` and sums that are exact in any order ({@link canSplit}), the
 * customers are split over worker threads ({@link sweepInParallel}); the result is the same.
 */
export function churnSweep(
  table: SubscriptionColumns,
  periods: PeriodBounds,
  policy: MidPeriodPolicy,
  asOf: number,
  workers = 0,
): ChurnPeriod[] {
  const { bounds } = periods;
  const n = bounds.length;
  const width = windowWidth(bounds);
  const windows = locateTable(bounds, width);
  const exact = table.mrrScale !== 0;
  // Exact units: the simple customers from their compact form, the others through the kernel. Floats: every
  // customer through the float kernel, in customer order.
  const plan: SweepPlan = exact ? sweepPlan(table, bounds) : { form: null, list: everyCustomer(table) };
  // The simple customers into rows of their own (on the calling thread while workers take the kernel's ranges).
  const form = plan.form;
  const simple =
    form === null ? null : { ints: new Int32Array(INT_ROWS * n), floats: new Float64Array(FLOAT_ROWS * n) };
  const sweepSimple = (): void => {
    if (form !== null && simple !== null)
      sweepSimpleCustomers(
        simple.ints,
        rowF(simple.floats, F_EXPOSURE, n),
        simple.floats,
        bounds,
        form.byStart,
        form.byEnd,
      );
  };
  const split = workers > 0 && canSplit(table, bounds, 'all', true);
  const { ints, floats } = split
    ? sweepInParallel(table, plan.list, bounds, windows, width, 'all', true, workers, sweepSimple)
    : { ints: new Int32Array(INT_ROWS * n), floats: new Float64Array(FLOAT_ROWS * n) };
  if (!split) sweepSimple();
  // In blocks of customers (in order, so the float sums are unchanged), so that no single call is long.
  const customers = split ? 0 : plan.list.length;
  for (let c0 = 0; c0 < customers; c0 += BLOCK) {
    const c1 = Math.min(customers, c0 + BLOCK);
    const t = table;
    if (exact)
      sweepCustomersExact(
        ints,
        floats,
        bounds,
        windows,
        width,
        plan.list,
        c0,
        c1,
        t.customerOffsets,
        t.customerSubscriptions,
        t.changeOffsets,
        t.changeTime,
        t.changeMrrUnits,
        t.start,
        t.end,
        t.spellOffsets,
        t.spellFrom,
        t.spellTo,
      );
    else
      sweepCustomers(
        ints,
        floats,
        bounds,
        windows,
        width,
        c0,
        c1,
        t.customerOffsets,
        t.customerSubscriptions,
        t.changeOffsets,
        t.changeTime,
        t.changeMrr,
        t.start,
        t.end,
        t.spellOffsets,
        t.spellFrom,
        t.spellTo,
      );
  }
  if (simple !== null) {
    addRows(ints, simple.ints);
    addRows(floats, simple.floats);
  }
  if (exact) settleRevenue(floats, n);
  const exposure = rowF(floats, F_EXPOSURE, n);
  settleDifferences(ints, exposure, bounds);
  const eligible = new Int32Array(n - 1);
  const eligibleLost = new Int32Array(n - 1);
  if (policy === 'eligible') renewalEligibility(table, bounds, eligible, eligibleLost);
  return fullPeriods(ints, floats, periods, policy, asOf, eligible, eligibleLost, table.mrrScale);
}

/** The result objects of {@link churnSweep} from its settled accumulators (internal). */
function fullPeriods(
  ints: Int32Array,
  floats: Float64Array,
  { bounds, keys, labels }: PeriodBounds,
  policy: MidPeriodPolicy,
  asOf: number,
  eligible: Int32Array,
  eligibleLost: Int32Array,
  scale: number,
): ChurnPeriod[] {
  const n = bounds.length;
  const atStart = rowI(ints, I_AT_START, n);
  const atEnd = rowI(ints, I_AT_END, n);
  const lost = rowI(ints, I_LOST, n);
  const joined = rowI(ints, I_JOINED, n);
  const churnEvents = rowI(ints, I_CHURN_EVENTS, n);
  const exposure = rowF(floats, F_EXPOSURE, n);
  const startMrr = rowF(floats, F_START_MRR, n);
  const endMrr = rowF(floats, F_END_MRR, n);
  const newMrr = rowF(floats, F_NEW_MRR, n);
  const expansion = rowF(floats, F_EXPANSION, n);
  const contraction = rowF(floats, F_CONTRACTION, n);
  const churned = rowF(floats, F_CHURNED, n);
  const series: ChurnPeriod[] = [];
  for (let p = 0; p < n - 1; p++) {
    const days = (exposure[p] as number) / MS_PER_DAY;
    const e = eligible[p] as number;
    const sm = startMrr[p] as number;
    const ex = expansion[p] as number;
    const co = contraction[p] as number;
    const ch = churned[p] as number;
    // Exact units: each figure and each ratio of integer sums is one correctly rounded division. Floats: as the
    // float reference computes them.
    const money = (x: number): number => (scale === 0 ? x : x / scale);
    const ratio = (x: number): number | null => (sm === 0 ? null : x / sm);
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
      revenue: {
        startMrr: money(sm),
        endMrr: money(endMrr[p] as number),
        newMrr: money(newMrr[p] as number),
        expansion: money(ex),
        contraction: money(co),
        churned: money(ch),
        nrr: ratio(sm + ex - co - ch),
        grr: ratio(sm - co - ch),
        revenueChurnRate: ratio(co + ch),
        netRevenueChurnRate: ratio(co + ch - ex),
      },
    });
  }
  return series;
}

/** Adds the settled difference rows of start and end MRR (exact units) to the direct sums (internal). */
function settleRevenue(floats: Float64Array, n: number): void {
  const startMrr = rowF(floats, F_START_MRR, n);
  const endMrr = rowF(floats, F_END_MRR, n);
  const startDiff = rowF(floats, F_START_MRR_DIFF, n);
  const endDiff = rowF(floats, F_END_MRR_DIFF, n);
  let s = 0;
  let e = 0;
  for (let p = 0; p < n - 1; p++) {
    s += startDiff[p] as number;
    e += endDiff[p] as number;
    startMrr[p]! += s;
    endMrr[p]! += e;
  }
}
