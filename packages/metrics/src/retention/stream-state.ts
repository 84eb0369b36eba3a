import { type IssuePath, type LimitLocation, MS_PER_DAY, MS_PER_HOUR } from '@cx/model';
import { ActorStates } from './actor-states.js';
import { CohortRows } from './cohort-rows.js';
import type { RetentionMatrix } from './matrix.js';
import type { RetentionPlan } from './normalize.js';
import { PeriodLookup } from './period-table.js';

/** What an event does to a pending actor (internal). */
export const NOT_STARTED = 0;
export const STARTS = 1;
export const DROPPED = 2;

/**
 * The state of a streaming retention computation and its one-event step (internal): per-actor states, property
 * sums per cohort, the latest event and the range of cohorts (checked against `maxPeriods` by the callers before
 * they step). The public accumulator checks its input and delegates here.
 */
export class RetentionState {
  readonly plan: RetentionPlan;
  readonly actors: ActorStates;
  readonly sums = new Map<number, Float64Array>();
  readonly periods: PeriodLookup;
  readonly #fromStart: number;
  readonly #toEnd: number;
  readonly #maxOffset: number;
  readonly #windowMs: number;
  maxTime = Number.NEGATIVE_INFINITY;
  minCohort = Number.POSITIVE_INFINITY;
  maxCohort = Number.NEGATIVE_INFINITY;

  constructor(plan: RetentionPlan) {
    this.plan = plan;
    const calendar = plan.calendar;
    this.actors = new ActorStates(plan.columns.length, plan.options.minimumOccurrences);
    this.periods = new PeriodLookup(calendar);
    // Cohorts whose period overlaps [from, to): start events in [fromStart, toEnd).
    this.#fromStart = plan.from === undefined ? Number.NEGATIVE_INFINITY : calendar.startOf(plan.from);
    this.#toEnd =
      plan.to === undefined
        ? Number.POSITIVE_INFINITY
        : calendar.startOfIndex(calendar.indexOf(plan.to - 1) + 1);
    this.#maxOffset = plan.offsetColumn.length - 1;
    this.#windowMs = plan.windowDays * MS_PER_DAY;
  }

  /** Whether an event at `t` starts its pending actor's cohort, drops the actor, or neither. */
  startKind(t: number, isStart: boolean, hasStartName: boolean): number {
    if (this.plan.options.cohortType === 'first-ever') {
      if (!hasStartName) return NOT_STARTED;
      if (!isStart) return DROPPED;
    } else if (!isStart) return NOT_STARTED;
    return t < this.#fromStart || t >= this.#toEnd ? DROPPED : STARTS;
  }

  /**
   * Throws `CxLimitError` unless cohorts from period `lo` to `hi` fit in `maxPeriods`, naming `path` (and the line
   * and source of a record read from text).
   */
  checkSpan(lo: number, hi: number, path: IssuePath, where: LimitLocation = {}): void {
    const calendar = this.plan.calendar;
    calendar.checkSpan(calendar.startOfIndex(lo), calendar.startOfIndex(hi), {
      maxPeriods: this.plan.options.maxPeriods,
      path,
      what: 'The cohorts',
      ...where,
    });
  }

  /** Checks the span a new cohort (period `cohort`) would give, naming the record at `path`. */
  checkCohort(cohort: number, path: IssuePath): void {
    if (cohort >= this.minCohort && cohort <= this.maxCohort) return;
    this.checkSpan(Math.min(this.minCohort, cohort), Math.max(this.maxCohort, cohort), path);
  }

  /** Applies one checked event of the actor in `slot` (`kind` from {@link RetentionState.startKind}). */
  step(slot: number, t: number, kind: number, isReturn: boolean, value: number): void {
    const actors = this.actors;
    actors.last[slot] = t;
    if (t > this.maxTime) this.maxTime = t;
    if (kind === DROPPED) {
      actors.t0[slot] = Number.NEGATIVE_INFINITY;
      return;
    }
    if (kind === STARTS) this.start(slot, t);
    const t0 = actors.t0[slot] as number;
    if (!isReturn || !Number.isFinite(t0)) return;
    const cohort = actors.cohort[slot] as number;
    const offset = this.#offset(t, t0, cohort);
    if (offset > this.#maxOffset) return;
    const c = this.plan.offsetColumn[offset] as number;
    actors.countReturn(slot, c);
    if (!Number.isNaN(value)) this.sumsOf(cohort)[c]! += value;
  }

  /**
   * Whether {@link RetentionState.stepOnce} may replace {@link RetentionState.step}: calendar windows, a return
   * counted once per column, no aggregated property.
   */
  get countsOnce(): boolean {
    const o = this.plan.options;
    return o.window === 'calendar' && o.minimumOccurrences === 1 && o.aggregate === undefined;
  }

  /**
   * {@link RetentionState.step} for {@link RetentionState.countsOnce} states, skipping the events that cannot change
   * anything: those before the actor's `next` instant (the end of a period whose column is counted). The state after
   * any sequence of events is the one `step` leaves, counts included.
   */
  stepOnce(slot: number, t: number, kind: number, isReturn: boolean): void {
    const actors = this.actors;
    actors.last[slot] = t;
    if (t > this.maxTime) this.maxTime = t;
    if (t < (actors.next[slot] as number)) return;
    if (kind === DROPPED) {
      actors.t0[slot] = Number.NEGATIVE_INFINITY;
      actors.next[slot] = Number.POSITIVE_INFINITY;
      return;
    }
    if (kind === STARTS) this.start(slot, t);
    const t0 = actors.t0[slot] as number;
    if (!isReturn || !Number.isFinite(t0)) return;
    const offset = this.periods.indexOf(t) - (actors.cohort[slot] as number);
    if (offset > this.#maxOffset) {
      actors.next[slot] = Number.POSITIVE_INFINITY;
      return;
    }
    actors.counts[slot * this.plan.columns.length + (this.plan.offsetColumn[offset] as number)] = 1;
    actors.next[slot] = this.periods.end;
  }

  /** Starts the actor in `slot` at `t`. */
  start(slot: number, t: number): void {
    const cohort = this.periods.indexOf(t);
    this.actors.t0[slot] = t;
    this.actors.cohort[slot] = cohort;
    if (cohort < this.minCohort) this.minCohort = cohort;
    if (cohort > this.maxCohort) this.maxCohort = cohort;
  }

  /** The property sums of a cohort, created empty when missing. */
  sumsOf(cohort: number): Float64Array {
    let row = this.sums.get(cohort);
    if (row === undefined) {
      row = new Float64Array(this.plan.columns.length);
      this.sums.set(cohort, row);
    }
    return row;
  }

  /** The retention matrix of the state. */
  matrix(): RetentionMatrix {
    const { t0, cohort, counts } = this.actors;
    return actorMatrix(
      this.plan,
      this.actors.size,
      { member: (s) => Number.isFinite(t0[s] as number), cohort, counts },
      this.sums,
      this.maxTime,
    );
  }

  /** Adds the actors and sums of another state (the caller checked options, overlap and span). */
  absorb(other: RetentionState): void {
    const columns = this.plan.columns.length;
    const theirs = other.actors;
    for (let s = 0; s < theirs.size; s++) {
      if (!theirs.seen(s)) continue;
      const slot = this.actors.slotOf(theirs.ids[s] as string);
      this.actors.last[slot] = theirs.last[s] as number;
      this.actors.t0[slot] = theirs.t0[s] as number;
      this.actors.cohort[slot] = theirs.cohort[s] as number;
      this.actors.counts.set(theirs.counts.subarray(s * columns, (s + 1) * columns), slot * columns);
    }
    for (const [cohort, row] of other.sums) {
      const mine = this.sumsOf(cohort);
      for (let c = 0; c < columns; c++) mine[c]! += row[c] as number;
    }
    this.maxTime = Math.max(this.maxTime, other.maxTime);
    this.minCohort = Math.min(this.minCohort, other.minCohort);
    this.maxCohort = Math.max(this.maxCohort, other.maxCohort);
  }

  /** The return period of an event at `t` for an actor who started at `t0` in period `cohort`. */
  #offset(t: number, t0: number, cohort: number): number {
    const plan = this.plan;
    if (plan.options.window === 'calendar') return this.periods.indexOf(t) - cohort;
    const truncation = plan.options.rollingTruncation ?? 'none';
    if (truncation === 'none') return Math.floor((t - t0) / this.#windowMs);
    if (truncation === 'hour') {
      const hour = (x: number): number => x - (((x % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
      return Math.floor((hour(t) - hour(t0)) / this.#windowMs);
    }
    return Math.floor((plan.days.localDayOf(t) - plan.days.localDayOf(t0)) / plan.windowDays);
  }
}

/**
 * The retention matrix of per-actor states (internal): actors `0 … size - 1`, whether each is in a cohort, its
 * cohort period and return counts per column, the property sums per cohort and the latest event time (the default
 * `asOf`).
 */
export function actorMatrix(
  plan: RetentionPlan,
  size: number,
  actors: {
    /** Whether actor `s` is in a cohort. */
    readonly member: (s: number) => boolean;
    readonly cohort: Int32Array;
    readonly counts: Uint16Array | Uint8Array;
  },
  sums: ReadonlyMap<number, Float64Array>,
  maxTime: number,
): RetentionMatrix {
  const o = plan.options;
  const columns = plan.columns.length;
  const rows = new CohortRows(columns);
  const returned = new Uint8Array(columns);
  const onOrAfter = o.retention === 'on-or-after';
  const { counts, member, cohort } = actors;
  for (let s = 0; s < size; s++) {
    if (!member(s)) continue;
    const c0 = cohort[s] as number;
    for (let c = 0; c < columns; c++) {
      returned[c] = (counts[s * columns + c] as number) >= o.minimumOccurrences ? 1 : 0;
    }
    rows.addActor(c0, returned, onOrAfter);
    if (o.aggregate === undefined) continue;
    // Actors with any return event in a column, as the columnar kernel counts them.
    const valueActors = rows.row(rows.valueActors, c0);
    for (let c = 0; c < columns; c++) if ((counts[s * columns + c] as number) > 0) valueActors[c]! += 1;
  }
  if (o.aggregate !== undefined) {
    for (const [c0, row] of sums) if (rows.sizes.has(c0)) rows.row(rows.values, c0).set(row);
  }
  const asOf = plan.asOf ?? (maxTime === Number.NEGATIVE_INFINITY ? 0 : maxTime);
  return rows.finish(plan, asOf);
}
