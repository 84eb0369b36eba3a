import { CxValidationError } from '@cx/model';
import { PeriodCalendar } from './calendar.js';
import type { RetentionMatrix } from './matrix.js';
import { RetentionAccumulator } from './matrix.js';
import type { CohortRetentionOptions } from './options.js';
import { normalizeRetentionOptions } from './options.js';

/**
 * One cohort's counts, as a database or another process computed them: any instant inside the cohort's period,
 * its size and the actors counted per column (after the `retention` rule), with aggregation sums if asked for.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface CohortCounts {
  /** An instant (epoch ms) inside the cohort's period, e.g. its earliest start event. */
  readonly at: number;
  /** Actors in the cohort. */
  readonly size: number;
  /** Actors counted per column (column 0 = `size`). */
  readonly counts: readonly number[];
  /** With `aggregate`: the property's sum per column. */
  readonly sums?: readonly number[];
  /** With `aggregate`: actors with at least one return event per column. */
  readonly valueActors?: readonly number[];
}

/**
 * The sufficient statistics of a cohort retention matrix: per-cohort counts and the time range of the events.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface CohortRetentionCounts {
  /** Earliest event instant (epoch ms); `null` when there are no events. */
  readonly minTime: number | null;
  /** Latest event instant (epoch ms); `null` when there are no events. */
  readonly maxTime: number | null;
  /** The cohorts, in any order, one entry per cohort period. */
  readonly cohorts: readonly CohortCounts[];
}

/**
 * Builds the {@link RetentionMatrix} that {@link cohortRetention} would return from per-cohort counts computed
 * elsewhere (e.g. by a database engine): labels, cohort periods, completeness, the weighted average row and
 * aggregates follow the same options.
 *
 * @param counts - Per-cohort counts and the events' time range.
 * @param options - The options the counts were computed with.
 * @returns The matrix.
 * @throws {@link @cx/model!CxValidationError} for invalid options or counts whose length is not the number of
 *   columns.
 * @example
 * ```ts
 * import { cohortRetentionFromCounts } from '@cx/metrics';
 * const at = Date.parse('2026-01-01T10:00:00Z');
 * const matrix = cohortRetentionFromCounts(
 *   { minTime: at, maxTime: Date.parse('2026-01-10T00:00:00Z'), cohorts: [{ at, size: 2, counts: [2, 1, 0] }] },
 *   { interval: 'day', periods: 2 },
 * );
 * console.log(matrix.cohorts[0]?.rates); // [ 1, 0.5, 0 ]
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function cohortRetentionFromCounts(
  counts: CohortRetentionCounts,
  options: CohortRetentionOptions = {},
): RetentionMatrix {
  const o = normalizeRetentionOptions(options);
  const columns = o.labels.length;
  let minTime = counts.minTime;
  let maxTime = counts.maxTime;
  if (minTime === null || maxTime === null) minTime = maxTime = o.asOf ?? 0;
  const asOf = o.asOf ?? maxTime;
  const calendar = new PeriodCalendar(o.calendar, minTime, Math.max(maxTime, asOf));
  const acc = new RetentionAccumulator(columns);
  counts.cohorts.forEach((cohort, i) => {
    const bad = [cohort.counts, cohort.sums, cohort.valueActors].some(
      (row) => row !== undefined && row.length !== columns,
    );
    if (bad || !Number.isFinite(cohort.at)) {
      throw new CxValidationError([
        {
          path: ['cohorts', i],
          message: `Expected a finite instant and ${columns} columns per cohort`,
          code: 'length_mismatch',
        },
      ]);
    }
    const index = calendar.indexOf(cohort.at);
    const start = calendar.start(index);
    if (start < o.from || start >= o.to) return;
    acc.sizes.set(index, (acc.sizes.get(index) ?? 0) + cohort.size);
    const row = acc.row(acc.counts, index);
    for (let c = 0; c < columns; c++) row[c]! += cohort.counts[c] as number;
    if (o.aggregate !== undefined) {
      const sums = acc.row(acc.values, index);
      const actors = acc.row(acc.valueActors, index);
      for (let c = 0; c < columns; c++) {
        sums[c]! += cohort.sums?.[c] ?? 0;
        actors[c]! += cohort.valueActors?.[c] ?? 0;
      }
    }
  });
  return acc.finish(o, calendar, asOf);
}
