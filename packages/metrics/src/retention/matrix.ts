import type { Instant } from '@cx/model';
import type { PeriodCalendar } from './calendar.js';
import type { NormalizedRetentionOptions } from './options.js';

/**
 * One cohort (row) of a {@link RetentionMatrix}.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionCohort {
  /** Start of the cohort's period (UTC instant). */
  readonly start: Instant;
  /** End (exclusive) of the cohort's period. */
  readonly end: Instant;
  /** Actors in the cohort. */
  readonly size: number;
  /** Actors counted per column; column 0 is the cohort itself (= `size`). */
  readonly counts: readonly number[];
  /** `counts / size` per column; `null` when the cohort is empty. */
  readonly rates: ReadonlyArray<number | null>;
  /** Whether each column's time has fully elapsed by `asOf` (incomplete columns are left out of the average). */
  readonly complete: readonly boolean[];
  /** With `aggregate`: the sum (or average per returning actor) of the property per column. */
  readonly values?: readonly number[];
  /** With `aggregate`: actors with at least one qualifying return event per column. */
  readonly valueActors?: readonly number[];
}

/**
 * The cohort-size-weighted average row of a {@link RetentionMatrix}, over complete cells only.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionAverage {
  /** Sum of the sizes of the cohorts whose column is complete. */
  readonly sizes: readonly number[];
  /** Sum of their counts. */
  readonly counts: readonly number[];
  /** `counts / sizes` (= the size-weighted mean of the rates); `null` when no cohort is complete. */
  readonly rates: ReadonlyArray<number | null>;
  /** Number of cohorts included per column. */
  readonly cohorts: readonly number[];
}

/**
 * A cohort retention matrix: one row per cohort period, one column per return period (or bracket).
 *
 * @category Retention
 * @since 0.1.0
 */
export interface RetentionMatrix {
  /** Column labels, e.g. `['Day 0', 'Day 1', …]` or with brackets `['Day 0', 'Days 1-3', …]`. */
  readonly labels: readonly string[];
  /** Cohort rows, in time order (empty periods between the first and last cohort included, with size 0). */
  readonly cohorts: readonly RetentionCohort[];
  /** Weighted average row over complete cells. */
  readonly average: RetentionAverage;
  /** The instant completeness was judged against. */
  readonly asOf: Instant;
}

const ROLLING_DAYS = { day: 1, week: 7, month: 30 } as const;
const DAY_MS = 86_400_000;

/** Per-cohort sums collected by the retention kernels (internal). */
export class RetentionAccumulator {
  readonly columns: number;
  readonly sizes = new Map<number, number>();
  readonly counts = new Map<number, Float64Array>();
  readonly values = new Map<number, Float64Array>();
  readonly valueActors = new Map<number, Float64Array>();

  constructor(columns: number) {
    this.columns = columns;
  }

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

  /** Builds the matrix: rows from the first to the last cohort, completeness, weighted average. */
  finish(options: NormalizedRetentionOptions, calendar: PeriodCalendar, asOf: number): RetentionMatrix {
    const cohortIndices = [...this.sizes.keys()].sort((a, b) => a - b);
    const columns = this.columns;
    const avgSizes = new Array<number>(columns).fill(0);
    const avgCounts = new Array<number>(columns).fill(0);
    const avgCohorts = new Array<number>(columns).fill(0);
    const cohorts: RetentionCohort[] = [];
    if (cohortIndices.length > 0) {
      const first = cohortIndices[0] as number;
      const last = cohortIndices[cohortIndices.length - 1] as number;
      for (let c = first; c <= last; c++) {
        const size = this.sizes.get(c) ?? 0;
        const countsRow = this.counts.get(c);
        const counts = Array.from({ length: columns }, (_, k) => countsRow?.[k] ?? 0);
        const complete = Array.from(
          { length: columns },
          (_, k) => columnEndTime(options, calendar, c, k) <= asOf,
        );
        const row: RetentionCohort = {
          start: new Date(calendar.start(c)).toISOString(),
          end: new Date(calendar.start(c + 1)).toISOString(),
          size,
          counts,
          rates: counts.map((n) => (size === 0 ? null : n / size)),
          complete,
          ...(options.aggregate === undefined ? {} : this.#aggregates(c, options.aggregate.operation)),
        };
        cohorts.push(row);
        for (let k = 0; k < columns; k++) {
          if (complete[k] === true && size > 0) {
            avgSizes[k]! += size;
            avgCounts[k]! += counts[k] as number;
            avgCohorts[k]! += 1;
          }
        }
      }
    }
    return {
      labels: options.labels,
      cohorts,
      average: {
        sizes: avgSizes,
        counts: avgCounts,
        rates: avgSizes.map((s, k) => (s === 0 ? null : (avgCounts[k] as number) / s)),
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

/** When column `k` of cohort `c` has fully elapsed (internal). */
function columnEndTime(
  options: NormalizedRetentionOptions,
  calendar: PeriodCalendar,
  c: number,
  k: number,
): number {
  const lastOffset = options.columnEnd[k] as number;
  if (options.window === 'calendar') return calendar.start(c + lastOffset + 1);
  // Rolling: the last actor of the cohort starts just before the cohort period ends.
  return calendar.start(c + 1) + (lastOffset + 1) * ROLLING_DAYS[options.interval] * DAY_MS;
}

/** Length of a rolling window in days (internal). */
export function rollingDays(interval: 'day' | 'week' | 'month'): number {
  return ROLLING_DAYS[interval];
}
