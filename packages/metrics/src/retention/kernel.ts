import { type IssuePath, MS_PER_DAY, MS_PER_HOUR } from '@cx/model';
import type { InteractionColumns } from '../columnar/interaction-columns.js';
import { CohortRows } from './cohort-rows.js';
import { type CalendarCounts, countCalendarReturns, MASK_COLUMNS } from './kernel-calendar.js';
import { findStartEvents, firstEventStarts, J_MAX, J_MIN, MAX_TIME } from './kernel-starts.js';
import { compileMatcher, isAnyEvent, matches, namesOnly } from './matcher.js';
import type { RetentionMatrix } from './matrix.js';
import type { RetentionPlan } from './normalize.js';
import { actorArrays, countInParallel, PARALLEL_ACTORS_FROM } from './parallel.js';
import { PeriodTable } from './period-table.js';

/** Where event `j` of the columns came from, for errors that name the record (internal). */
export type RecordLocator = (j: number) => IssuePath;

/**
 * The cohort retention kernel over columns (internal). Two passes over the events: the first finds each actor's
 * start event (and checks the span of the cohorts against `maxPeriods` before anything grows with it); the second
 * counts returns, walking each actor's events against a table of period boundaries built once — no calendar
 * object and no allocation per event. With `workers`, the counting of the calendar fast path is split over worker
 * threads by ranges of actors (its counts are whole numbers, so the sums are the same).
 */
export function retentionOfColumns(
  cols: InteractionColumns,
  plan: RetentionPlan,
  values: Float64Array | undefined,
  locate: RecordLocator,
  kernel: 'auto' | 'general' = 'auto',
  workers = 0,
): RetentionMatrix {
  const o = plan.options;
  const { calendar } = plan;
  const { time, name, channel, touchpoint, stage, actorOffsets } = cols;
  const actors = cols.actorIds.length;
  const columns = plan.columns.length;
  const rows = new CohortRows(columns);
  const start = compileMatcher(o.startEvent, cols);
  const startNames = namesOnly(start);
  const ret = compileMatcher(o.returnEvent, cols);
  const recurring = o.cohortType === 'recurring';

  // Cohorts whose period overlaps [from, to): start events in [fromStart, toEnd).
  const fromStart = plan.from === undefined ? Number.NEGATIVE_INFINITY : calendar.startOf(plan.from);
  const toEnd =
    plan.to === undefined
      ? Number.POSITIVE_INFINITY
      : calendar.startOfIndex(calendar.indexOf(plan.to - 1) + 1);

  // The calendar fast path (below) for the most common options; its counting may be split over worker threads.
  const calendarWindows = o.window === 'calendar';
  const fast =
    kernel === 'auto' &&
    calendarWindows &&
    !recurring &&
    values === undefined &&
    o.minimumOccurrences === 1 &&
    columns <= MASK_COLUMNS;
  const split = fast && workers > 0 && actors >= PARALLEL_ACTORS_FROM;

  // Pass 1: the start event of each actor (all start events for recurring cohorts), and the data's time range.
  const { startOf, startTime, lastTime } = actorArrays(actors, split);
  const summary = Float64Array.of(Number.NEGATIVE_INFINITY, -1, -1);
  if (isAnyEvent(start) && !recurring) {
    firstEventStarts(0, actors, actorOffsets, time, fromStart, toEnd, startOf, summary, startTime, lastTime);
  } else {
    findStartEvents(
      0,
      actors,
      actorOffsets,
      time,
      name,
      channel,
      touchpoint,
      stage,
      start,
      startNames,
      o.cohortType === 'first-ever',
      recurring,
      fromStart,
      toEnd,
      startOf,
      summary,
      startTime,
      lastTime,
    );
  }
  const maxTime = summary[MAX_TIME] as number;
  const jMin = summary[J_MIN] as number;
  const jMax = summary[J_MAX] as number;
  const asOf = plan.asOf ?? (maxTime === Number.NEGATIVE_INFINITY ? 0 : maxTime);
  if (jMin === -1) return rows.finish(plan, asOf);

  // Bounded work: the rows of the matrix run from the first cohort to the last.
  const minT0 = time[jMin] as number;
  const maxT0 = time[jMax] as number;
  calendar.checkSpan(minT0, maxT0, {
    maxPeriods: o.maxPeriods,
    path: locate(jMax),
    what: `The cohorts (from the start event at ${formatPath(locate(jMin))})`,
  });
  const maxOffset = plan.offsetColumn.length - 1;
  const table = new PeriodTable(calendar, calendar.indexOf(minT0), calendar.indexOf(maxT0) + maxOffset + 2);
  const starts = table.starts;
  const lastPosition = starts.length - 2;

  // Pass 2: returns per actor.
  const offsetColumn = plan.offsetColumn;
  const windowMs = plan.windowDays * MS_PER_DAY;
  const onOrAfter = o.retention === 'on-or-after';
  const minimum = o.minimumOccurrences;
  if (fast) {
    const returns = isAnyEvent(ret) ? undefined : ret;
    let out: CalendarCounts;
    if (split) {
      out = countInParallel(
        cols,
        startOf,
        startTime,
        lastTime,
        starts,
        offsetColumn,
        columns,
        onOrAfter,
        returns,
        workers,
      );
    } else {
      out = {
        sizes: new Float64Array(starts.length - 1),
        counts: new Float64Array((starts.length - 1) * columns),
      };
      countCalendarReturns(
        0,
        actors,
        actorOffsets,
        time,
        name,
        channel,
        touchpoint,
        stage,
        startOf,
        startTime,
        lastTime,
        starts,
        offsetColumn,
        columns,
        onOrAfter,
        returns,
        out,
      );
    }
    rows.addPositions(table.first, out.sizes, out.counts);
    return rows.finish(plan, asOf);
  }
  const occurrences = new Int32Array(columns);
  const returned = new Uint8Array(columns);
  const hasValue = new Uint8Array(columns);
  const sums = new Float64Array(columns);
  const truncation = o.rollingTruncation ?? 'none';
  const days = plan.days;

  /** Counts the returns of the actor's events `[from, to)` for the cohort at table position `cohort`. */
  const count = (from: number, to: number, cohort: number, t0: number, skipBefore: number): void => {
    occurrences.fill(0);
    returned.fill(0);
    if (values !== undefined) {
      hasValue.fill(0);
      sums.fill(0);
    }
    let p = cohort;
    const t0Hour = t0 - (((t0 % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
    const day0 = truncation === 'day' ? days.localDayOf(t0) : 0;
    for (let j = from; j < to; j++) {
      const t = time[j] as number;
      if (t < skipBefore) continue;
      let offset: number;
      if (calendarWindows) {
        while (p < lastPosition && (starts[p + 1] as number) <= t) p++;
        offset = p - cohort;
      } else if (truncation === 'none') {
        offset = Math.floor((t - t0) / windowMs);
      } else if (truncation === 'hour') {
        offset = Math.floor((t - (((t % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR) - t0Hour) / windowMs);
      } else {
        offset = Math.floor((days.localDayOf(t) - day0) / plan.windowDays);
      }
      if (offset > maxOffset) break;
      if (!matches(ret, name, channel, touchpoint, stage, j)) continue;
      const c = offsetColumn[offset] as number;
      occurrences[c]! += 1;
      if (values !== undefined) {
        const v = values[j] as number;
        hasValue[c] = 1;
        if (!Number.isNaN(v)) sums[c]! += v;
      }
    }
    for (let c = 1; c < columns; c++) if ((occurrences[c] as number) >= minimum) returned[c] = 1;
    const index = table.first + cohort;
    rows.addActor(index, returned, onOrAfter);
    if (values !== undefined) {
      const rowSums = rows.row(rows.values, index);
      const rowActors = rows.row(rows.valueActors, index);
      for (let c = 0; c < columns; c++) {
        if (hasValue[c] === 1) {
          rowSums[c]! += sums[c] as number;
          rowActors[c]! += 1;
        }
      }
    }
  };

  for (let a = 0; a < actors; a++) {
    const j0 = startOf[a] as number;
    if (j0 === -1) continue;
    const to = actorOffsets[a + 1] as number;
    if (!recurring) {
      const t0 = time[j0] as number;
      count(j0, to, table.positionOf(t0), t0, Number.NEGATIVE_INFINITY);
      continue;
    }
    // Recurring: the actor joins every period holding a start event; returns count from that period's start on
    // (period 0 only feeds aggregation).
    const from = actorOffsets[a] as number;
    let lastCohort = -1;
    let p = 0;
    for (let j = j0; j < to; j++) {
      const t = time[j] as number;
      if (t >= toEnd) break;
      if (t < fromStart || !matches(start, name, channel, touchpoint, stage, j)) continue;
      while (p < lastPosition && (starts[p + 1] as number) <= t) p++;
      if (p === lastCohort) continue;
      lastCohort = p;
      count(from, to, p, starts[p] as number, starts[p] as number);
    }
  }
  return rows.finish(plan, asOf);
}

function formatPath(path: IssuePath): string {
  return path.length === 0 ? 'the earliest record' : `/${path.join('/')}`;
}
