import { CxValidationError, type ValidationIssue } from '@cx/model';
import { CohortRows } from './cohort-rows.js';
import type { RetentionMatrix } from './matrix.js';
import { planRetention, type RetentionPlan } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';

/**
 * One cohort's counts, as a database or another process computed them: the cohort's period number on the
 * calendar of the options, its size and the actors counted per column (after the `retention` rule), with the
 * aggregation sums when `aggregate` is given.
 *
 * @example
 * ```ts
 * import { createCalendar } from '@cx/model';
 * import type { CohortCounts } from '@cx/metrics';
 * const index = createCalendar({ interval: 'week' }).indexOf(Date.UTC(2026, 0, 7));
 * const cohort: CohortCounts = { index, size: 10, counts: [10, 4, 2] };
 * console.log(cohort.counts[1]); // 4
 * ```
 * @category Retention
 * @since 0.2.0
 */
export interface CohortCounts {
  /** The cohort's period number: `Calendar.indexOf` (of `@cx/model`) of the actors' start events. */
  readonly index: number;
  /** Actors in the cohort (at least 1). */
  readonly size: number;
  /** Actors counted per column; column 0 is the cohort itself (= `size`). */
  readonly counts: readonly number[];
  /** With `aggregate`: the property's sum over the return events per column. */
  readonly sums?: readonly number[];
  /** With `aggregate`: actors with at least one return event per column. */
  readonly valueActors?: readonly number[];
}

/**
 * The sufficient statistics of a cohort retention matrix: per-cohort counts and the latest event instant.
 *
 * @example
 * ```ts
 * import type { CohortRetentionCounts } from '@cx/metrics';
 * const none: CohortRetentionCounts = { maxTime: null, cohorts: [] };
 * console.log(none.cohorts.length); // 0
 * ```
 * @category Retention
 * @since 0.2.0
 */
export interface CohortRetentionCounts {
  /** The latest instant of any event (epoch ms), the default `asOf`; `null` when there are no events. */
  readonly maxTime: number | null;
  /** The cohorts with at least one actor, in any order, one entry per period number. */
  readonly cohorts: readonly CohortCounts[];
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** The issues of one cohort's counts (internal). */
function cohortIssues(
  cohort: CohortCounts,
  i: number,
  columns: number,
  aggregate: boolean,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: (string | number)[], message: string, code: ValidationIssue['code']) =>
    issues.push({ path: ['cohorts', i, ...path], message, code });
  if (!Number.isSafeInteger(cohort.index)) issue(['index'], 'Expected a whole period number', 'invalid_type');
  if (!isCount(cohort.size) || cohort.size === 0)
    issue(['size'], 'Expected a whole size of at least 1', 'out_of_range');
  const rows: Array<[string, readonly number[] | undefined, boolean]> = [
    ['counts', cohort.counts, true],
    ['sums', cohort.sums, false],
    ['valueActors', cohort.valueActors, true],
  ];
  for (const [name, row, counts] of rows) {
    if (row === undefined) {
      if (name === 'counts' || aggregate) issue([name], `Expected ${columns} ${name}`, 'missing_field');
      continue;
    }
    if (!Array.isArray(row) || row.length !== columns) {
      issue(
        [name],
        `Expected ${columns} columns, got ${Array.isArray(row) ? row.length : typeof row}`,
        'length_mismatch',
      );
      continue;
    }
    row.forEach((v, c) => {
      const ok = counts ? isCount(v) && v <= cohort.size : Number.isFinite(v);
      if (!ok)
        issue(
          [name, c],
          `Expected ${counts ? `a whole count from 0 to the size ${cohort.size}` : 'a finite sum'}, got ${v}`,
          'out_of_range',
        );
    });
  }
  if (Array.isArray(cohort.counts) && cohort.counts[0] !== cohort.size) {
    issue(
      ['counts', 0],
      `Column 0 is the cohort itself: expected ${cohort.size}, got ${cohort.counts[0]}`,
      'out_of_range',
    );
  }
  return issues;
}

/**
 * Builds the {@link RetentionMatrix} that {@link cohortRetention} returns from per-cohort counts computed elsewhere
 * (e.g. by a database engine from the same interactions): period keys and labels, the rows from the first cohort
 * to the last, completeness against `asOf`, the average row and aggregates follow the same options. Cohorts are
 * kept when their period overlaps `[from, to)`, as in process.
 *
 * @param counts - Per-cohort counts and the latest event instant.
 * @param options - The options the counts were computed with (`interval` required).
 * @returns The matrix.
 * @throws {@link @cx/model!CxOptionsError} for invalid options, as `cohortRetention`.
 * @throws {@link @cx/model!CxValidationError} for counts that are not whole numbers within the cohort's size, rows
 *   whose length is not the number of columns, a period listed twice, or a missing `sums` row with `aggregate`.
 * @throws {@link @cx/model!CxLimitError} (`too_many_periods`) when the cohorts span more than `maxPeriods` periods.
 * @example
 * ```ts
 * import { cohortRetentionFromCounts } from '@cx/metrics';
 * import { createCalendar } from '@cx/model';
 * const index = createCalendar({ interval: 'day' }).indexOf(Date.UTC(2026, 0, 1, 10));
 * const matrix = cohortRetentionFromCounts(
 *   { maxTime: Date.UTC(2026, 0, 10), cohorts: [{ index, size: 2, counts: [2, 1, 0] }] },
 *   { interval: 'day', periods: 2 },
 * );
 * console.log(matrix.cohorts[0]?.period, matrix.cohorts[0]?.rates); // '2026-01-01' [ 1, 0.5, 0 ]
 * ```
 * @category Retention
 * @since 0.2.0
 */
export function cohortRetentionFromCounts(
  counts: CohortRetentionCounts,
  options: CohortRetentionOptions,
): RetentionMatrix {
  const plan = planRetention(options, 'cohortRetentionFromCounts');
  const columns = plan.columns.length;
  const aggregate = plan.options.aggregate !== undefined;
  const list = Array.isArray(counts?.cohorts) ? counts.cohorts : [];
  const maxTime = counts?.maxTime;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(counts?.cohorts)) {
    issues.push({ path: ['cohorts'], message: 'Expected an array of cohorts', code: 'invalid_type' });
  }
  if (maxTime !== null && !Number.isFinite(maxTime)) {
    issues.push({ path: ['maxTime'], message: 'Expected epoch milliseconds or null', code: 'invalid_type' });
  }
  const seen = new Set<number>();
  list.forEach((cohort, i) => {
    issues.push(...cohortIssues(cohort, i, columns, aggregate));
    if (seen.has(cohort.index)) {
      issues.push({
        path: ['cohorts', i, 'index'],
        message: `Period ${cohort.index} is listed twice`,
        code: 'duplicate_id',
      });
    }
    seen.add(cohort.index);
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'cohort counts' });
  const kept = list.filter(inWindow(plan));
  const rows = new CohortRows(columns);
  if (kept.length > 0) {
    const indices = kept.map((c) => c.index);
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const { calendar } = plan;
    plan.calendar.checkSpan(calendar.startOfIndex(first), calendar.startOfIndex(last), {
      maxPeriods: plan.options.maxPeriods,
      path: ['cohorts', list.indexOf(kept[indices.indexOf(last)] as CohortCounts), 'index'],
      what: 'The cohorts',
    });
  }
  for (const cohort of kept) {
    rows.sizes.set(cohort.index, cohort.size);
    rows.counts.set(cohort.index, Float64Array.from(cohort.counts));
    if (aggregate) {
      rows.values.set(cohort.index, Float64Array.from(cohort.sums ?? []));
      rows.valueActors.set(cohort.index, Float64Array.from(cohort.valueActors ?? []));
    }
  }
  return rows.finish(plan, plan.asOf ?? maxTime ?? 0);
}

/** Whether a cohort's period overlaps `[from, to)` (internal). */
function inWindow(plan: RetentionPlan): (cohort: CohortCounts) => boolean {
  const { calendar, from, to } = plan;
  const lo = from === undefined ? Number.NEGATIVE_INFINITY : calendar.indexOf(from);
  const hi = to === undefined ? Number.POSITIVE_INFINITY : calendar.indexOf(to - 1);
  return (cohort) => cohort.index >= lo && cohort.index <= hi;
}
