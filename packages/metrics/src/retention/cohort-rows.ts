import { MS_PER_DAY } from '@cx/model';
import type { RetentionCohort, RetentionMatrix } from './matrix.js';
import type { RetentionPlan } from './normalize.js';
import { PeriodTable } from './period-table.js';

/**
 * Per-cohort sums of the retention kernels, keyed by the cohort's absolute period number on the calendar (so that
 * partial results of any shard add up) (internal).
 */
export class CohortRows {
  readonly columns: number;
  readonly sizes = new Map<number, number>();
  readonly counts = new Map<number, Float64Array>();
  readonly values = new Map<number, Float64Array>();
  readonly valueActors = new Map<number, Float64Array>();

  constructor(columns: number) {
    this.columns = columns;
  }

  /** The row of `cohort` in `map`, created empty when missing. */
  row(map: Map<number, Float64Array>, cohort: number): Float64Array {
    let row = map.get(cohort);
    if (row === undefined) {
      row = new Float64Array(this.columns);
      map.set(cohort, row);
    }
    return row;
  }

  /** Adds one actor to `cohort`, counted in the columns whose flag is set (or all up to the last with `onOrAfter`). */
  addActor(cohort: number, returned: Uint8Array, onOrAfter: boolean): void {
    this.sizes.set(cohort, (this.sizes.get(cohort) ?? 0) + 1);
    const counts = this.row(this.counts, cohort);
    counts[0]! += 1;
    if (onOrAfter) {
      let last = 0;
      for (let c = this.columns - 1; c >= 1; c--) {
        if (returned[c] === 1) {
          last = c;
          break;
        }
      }
      for (let c = 1; c <= last; c++) counts[c]! += 1;
    } else {
      for (let c = 1; c < this.columns; c++) if (returned[c] === 1) counts[c]! += 1;
    }
  }

  /**
   * Adds flat per-position sums: `sizes[i]` actors and `counts[i * columns + c]` retained in column `c` for the
   * cohort of period `first + i` (the calendar kernel's output).
   */
  addPositions(first: number, sizes: Float64Array, counts: Float64Array): void {
    const columns = this.columns;
    for (let i = 0; i < sizes.length; i++) {
      const size = sizes[i] as number;
      if (size === 0) continue;
      const cohort = first + i;
      this.sizes.set(cohort, (this.sizes.get(cohort) ?? 0) + size);
      const row = this.row(this.counts, cohort);
      for (let c = 0; c < columns; c++) row[c]! += counts[i * columns + c] as number;
    }
  }

  /** The matrix: rows from the first to the last cohort, completeness against `asOf`, the average row. */
  finish(plan: RetentionPlan, asOf: number): RetentionMatrix {
    const { calendar, columnEnd, options } = plan;
    const indices = [...this.sizes.keys()].sort((a, b) => a - b);
    const columns = this.columns;
    const mixpanel = options.average === 'mixpanel';
    const avgSizes = new Array<number>(columns).fill(0);
    const avgCounts = new Array<number>(columns).fill(0);
    const avgCohorts = new Array<number>(columns).fill(0);
    const weighted = new Array<number>(columns).fill(0); // Σ c·p
    const squares = new Array<number>(columns).fill(0); // Σ p²
    const cohorts: RetentionCohort[] = [];
    if (indices.length > 0) {
      const first = indices[0] as number;
      const last = indices[indices.length - 1] as number;
      const calendarWindows = options.window === 'calendar';
      const maxOffset = columnEnd[columnEnd.length - 1] as number;
      // Period starts from the first cohort to the end of the last column of the last cohort: one calendar
      // operation per period, none per cell.
      const { starts } = new PeriodTable(calendar, first, last + (calendarWindows ? maxOffset : 0));
      const rollingMs = plan.windowDays * MS_PER_DAY;
      for (let c = first; c <= last; c++) {
        const at = c - first;
        const size = this.sizes.get(c) ?? 0;
        const countsRow = this.counts.get(c);
        const counts = Array.from({ length: columns }, (_, k) => countsRow?.[k] ?? 0);
        // Calendar windows: column k ends with period c + columnEnd[k]; rolling windows: the last actor of the
        // cohort starts just before the cohort period ends.
        const complete = columnEnd.map(
          (offset) =>
            (calendarWindows
              ? (starts[at + offset + 1] as number)
              : (starts[at + 1] as number) + (offset + 1) * rollingMs) <= asOf,
        );
        cohorts.push({
          period: calendar.keyOfIndex(c),
          label: calendar.labelOfIndex(c),
          start: new Date(starts[at] as number).toISOString(),
          end: new Date(starts[at + 1] as number).toISOString(),
          size,
          counts,
          rates: counts.map((n) => (size === 0 ? null : n / size)),
          complete,
          ...(options.aggregate === undefined ? {} : this.#aggregates(c, options.aggregate.operation)),
        });
        for (let k = 0; k < columns; k++) {
          if (complete[k] === true && size > 0) {
            avgSizes[k]! += size;
            avgCounts[k]! += counts[k] as number;
            avgCohorts[k]! += 1;
            weighted[k]! += (counts[k] as number) * size;
            squares[k]! += size * size;
          }
        }
      }
    }
    return {
      interval: options.interval,
      timeZone: options.timeZone,
      columns: plan.columns,
      cohorts,
      average: {
        weighting: options.average,
        sizes: avgSizes,
        counts: avgCounts,
        rates: avgSizes.map((s, k) =>
          s === 0
            ? null
            : mixpanel
              ? (weighted[k] as number) / (squares[k] as number)
              : (avgCounts[k] as number) / s,
        ),
        cohorts: avgCohorts,
      },
      asOf: new Date(asOf).toISOString(),
    };
  }

  #aggregates(cohort: number, operation: 'sum' | 'avg'): { values: number[]; valueActors: number[] } {
    const sums = this.values.get(cohort);
    const actors = this.valueActors.get(cohort);
    const valueActors = Array.from({ length: this.columns }, (_, k) => actors?.[k] ?? 0);
    const values = Array.from({ length: this.columns }, (_, k) => {
      const sum = sums?.[k] ?? 0;
      if (operation === 'sum') return sum;
      const n = valueActors[k] as number;
      return n === 0 ? 0 : sum / n;
    });
    return { values, valueActors };
  }
}
