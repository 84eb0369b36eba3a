import type { Accumulator, AccumulatorSnapshot, Interaction, IssuePath } from '@cx/model';
import {
  assertSameOptions,
  CxOptionsError,
  CxValidationError,
  instantIssue,
  instantToEpochMsOrNaN,
  MS_PER_DAY,
  MS_PER_HOUR,
} from '@cx/model';
import type { InteractionBatch } from '../columnar/interaction-columns.js';
import { ActorStates } from './actor-states.js';
import { CohortRows } from './cohort-rows.js';
import {
  type CompiledMatcher,
  compileMatcher,
  type MatcherDictionaries,
  matches,
  namesOnly,
} from './matcher.js';
import type { RetentionMatrix } from './matrix.js';
import { planRetention, type RetentionPlan } from './normalize.js';
import type { CohortRetentionOptions, EventMatcher, ParsedRetentionOptions } from './options.js';
import { PeriodLookup } from './period-table.js';
import { readSnapshot } from './snapshot.js';

/**
 * The dictionaries of a stream of {@link InteractionBatch}es: names, channels, touchpoints and stages by index,
 * and the id of each actor index (an {@link InteractionCsvStream} is one).
 *
 * @example
 * ```ts
 * import type { InteractionDictionaries } from '@cx/metrics';
 * const ids = ['a', 'b'];
 * const dictionaries: InteractionDictionaries = {
 *   names: ['open'], channels: ['web'], touchpoints: [], stages: [], actorId: (index) => ids[index] ?? '',
 * };
 * console.log(dictionaries.actorId(1)); // 'b'
 * ```
 * @category Retention
 * @since 0.2.0
 */
export interface InteractionDictionaries extends MatcherDictionaries {
  /** The actor id (`customerId`, else `anonymousId`) of an actor index of the batches. */
  actorId(index: number): string;
}

/**
 * The JSON state of a {@link CohortRetentionAccumulator}: its options and, per actor, the time of its last event,
 * its start time (or `dropped`) and its return counts per column; property sums per cohort.
 *
 * @example
 * ```ts
 * import { CohortRetentionAccumulator, type CohortRetentionSnapshot } from '@cx/metrics';
 * const snapshot: CohortRetentionSnapshot = new CohortRetentionAccumulator({ interval: 'week' }).snapshot();
 * console.log(snapshot.kind, snapshot.state.actors.length); // 'cohort-retention' 0
 * ```
 * @category Retention
 * @since 0.2.0
 */
export type CohortRetentionSnapshot = AccumulatorSnapshot<
  'cohort-retention',
  ParsedRetentionOptions,
  {
    /** Per actor with at least one event. */
    readonly actors: ReadonlyArray<{
      readonly id: string;
      readonly last: number;
      readonly start?: number;
      readonly dropped?: true;
      readonly counts?: readonly number[];
    }>;
    /** Property sums per cohort (the calendar's period number) and column. */
    readonly sums: ReadonlyArray<{ readonly cohort: number; readonly values: readonly number[] }>;
    /** The latest event time, or `null`. */
    readonly maxTime: number | null;
    /** Interactions added with `add` (the index the next one is named by in errors). */
    readonly added: number;
  }
>;

const NOT_STARTED = 0;
const STARTS = 1;
const DROPPED = 2;

function matchesValue(criterion: string | readonly string[] | undefined, value: string | undefined): boolean {
  if (criterion === undefined) return true;
  if (value === undefined) return false;
  return typeof criterion === 'string' ? criterion === value : criterion.includes(value);
}

function matchesEvent(m: EventMatcher, e: Interaction, namesOnlyFlag = false): boolean {
  if (!matchesValue(m.name, e.name)) return false;
  if (namesOnlyFlag) return true;
  return (
    matchesValue(m.channel, e.channel) &&
    matchesValue(m.touchpoint, e.touchpointId) &&
    matchesValue(m.stage, e.stageId)
  );
}

/**
 * Streaming cohort retention: add interactions one at a time ({@link CohortRetentionAccumulator.add}) or in
 * dictionary-encoded batches ({@link CohortRetentionAccumulator.addBatch}, e.g. from
 * {@link streamInteractionCsv}), merge partial results, read the matrix, save and restore the state as JSON. The
 * matrix equals {@link cohortRetention}'s on the same events. Memory grows with actors (a start time and a
 * counter per column each), not with events.
 *
 * Each actor's events must arrive in time order (time-ordered input, or input grouped by actor and sorted within,
 * both qualify), and partial results merge when their shards hold different actors (shard by actor, as every
 * distributed retention computation does): an actor seen by both is a `CxValidationError` (`merge_overlap`),
 * because its cohort could not be known from either half.
 *
 * Supported: every option of {@link cohortRetention} except `cohortType: 'recurring'` (an actor's cohorts would
 * need the events of every period; use `cohortRetention` on columns).
 *
 * @example
 * ```ts
 * import { CohortRetentionAccumulator } from '@cx/metrics';
 * const e = (customerId: string, timestamp: string) =>
 *   ({ id: `${customerId}${timestamp}`, customerId, timestamp, name: 'open', channel: 'web' as const, properties: {} });
 * const shard1 = new CohortRetentionAccumulator({ interval: 'month', periods: 1 });
 * shard1.add(e('a', '2026-01-05T10:00:00Z')).add(e('a', '2026-02-02T10:00:00Z'));
 * const shard2 = new CohortRetentionAccumulator({ interval: 'month', periods: 1 });
 * shard2.add(e('b', '2026-01-20T10:00:00Z'));
 * const merged = CohortRetentionAccumulator.restore(JSON.parse(JSON.stringify(shard1.snapshot()))).merge(shard2);
 * console.log(merged.result().cohorts[0]?.counts); // [ 2, 1 ]
 * ```
 * @category Retention
 * @since 0.2.0
 */
export class CohortRetentionAccumulator
  implements Accumulator<Interaction, RetentionMatrix, CohortRetentionSnapshot>
{
  readonly #plan: RetentionPlan;
  readonly #actors: ActorStates;
  readonly #sums = new Map<number, Float64Array>();
  readonly #periods: PeriodLookup;
  readonly #fromStart: number;
  readonly #toEnd: number;
  readonly #maxOffset: number;
  #maxTime = Number.NEGATIVE_INFINITY;
  #minCohort = Number.POSITIVE_INFINITY;
  #maxCohort = Number.NEGATIVE_INFINITY;
  #added = 0;
  // Batches: actor index of a stream → slot, and the matchers compiled against the stream's dictionaries.
  readonly #translations = new WeakMap<object, { slots: Int32Array }>();
  #compiled:
    | { key: string; start: CompiledMatcher; names: CompiledMatcher; ret: CompiledMatcher }
    | undefined;
  // Scratch of the checking pass of addBatch, by slot.
  #stamp = new Int32Array(0);
  #simLast = new Float64Array(0);
  #simStarted = new Uint8Array(0);
  #generation = 0;

  /**
   * Creates an empty accumulator.
   *
   * @param options - The options of {@link cohortRetention} (`interval` required), except `cohortType: 'recurring'`.
   * @throws {@link @cx/model!CxOptionsError} for invalid options, as {@link cohortRetention}, and for recurring cohorts.
   */
  constructor(options: CohortRetentionOptions) {
    const plan = planRetention(options, 'CohortRetentionAccumulator');
    if (plan.options.cohortType === 'recurring') {
      throw new CxOptionsError('CohortRetentionAccumulator', [
        {
          path: ['cohortType'],
          code: 'invalid_value',
          message:
            'CohortRetentionAccumulator does not stream recurring cohorts (an actor joins a cohort per period, which needs all its events); use cohortRetention on columns',
        },
      ]);
    }
    this.#plan = plan;
    const calendar = plan.calendar;
    this.#actors = new ActorStates(plan.columns.length, plan.options.minimumOccurrences);
    this.#periods = new PeriodLookup(calendar);
    this.#fromStart = plan.from === undefined ? Number.NEGATIVE_INFINITY : calendar.startOf(plan.from);
    this.#toEnd =
      plan.to === undefined
        ? Number.POSITIVE_INFINITY
        : calendar.startOfIndex(calendar.indexOf(plan.to - 1) + 1);
    this.#maxOffset = plan.offsetColumn.length - 1;
  }

  /**
   * Adds one interaction.
   *
   * @param event - An interaction; its actor's earlier events must have been added before it.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} before changing anything, for an interaction that is not one (an
   *   instant such as 2024-02-30T00:00:00Z, no actor, no name or channel, a non-numeric aggregated property) or
   *   that is earlier than its actor's previous one (`unsorted_events`), with the path `[index, field]`.
   * @throws {@link @cx/model!CxLimitError} when its cohort would stretch the cohorts beyond `maxPeriods`.
   */
  add(event: Interaction): this {
    const index = this.#added;
    const t = this.#checkEvent(event, index);
    const o = this.#plan.options;
    const actorId = (event.customerId ?? event.anonymousId) as string;
    const known = this.#actors.find(actorId);
    if (known !== -1 && t < (this.#actors.last[known] as number)) throw unsorted([index, 'timestamp']);
    const pending = known === -1 || Number.isNaN(this.#actors.t0[known] as number);
    const kind = pending
      ? this.#startKind(t, matchesEvent(o.startEvent, event), matchesEvent(o.startEvent, event, true))
      : NOT_STARTED;
    const cohort = kind === STARTS ? this.#periods.indexOf(t) : 0;
    if (kind === STARTS && (cohort < this.#minCohort || cohort > this.#maxCohort)) {
      const path = [index, 'timestamp'];
      this.#checkSpan(Math.min(this.#minCohort, cohort), Math.max(this.#maxCohort, cohort), path);
    }
    const property = o.aggregate?.property;
    const raw = property === undefined ? undefined : event.properties?.[property];
    const value = typeof raw === 'number' ? raw : Number.NaN;
    this.#added++;
    this.#step(this.#actors.slotOf(actorId), t, kind, cohort, matchesEvent(o.returnEvent, event), value);
    return this;
  }

  /**
   * Adds a batch of dictionary-encoded events (the fast path for files and streams).
   *
   * @param batch - Events, e.g. from {@link streamInteractionCsv}.
   * @param dictionaries - The dictionaries its indices refer to (e.g. the stream itself).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} before changing anything, when an actor's event is earlier than
   *   its previous one (path `[row, 'timestamp']`), a time is not finite, or the batch lacks a dimension the
   *   matchers use or the aggregated property.
   * @throws {@link @cx/model!CxLimitError} when a cohort would stretch the cohorts beyond `maxPeriods`.
   */
  addBatch(batch: InteractionBatch, dictionaries: InteractionDictionaries): this {
    const o = this.#plan.options;
    const values = o.aggregate === undefined ? undefined : ownColumn(batch.numeric, o.aggregate.property);
    checkBatch(batch, o, values);
    const { start, names, ret } = this.#matchers(dictionaries);
    const slots = this.#slotsOf(batch, dictionaries);
    const { actor, time, name, channel, touchpoint, stage } = batch;
    const t0s = this.#actors.t0;
    // Checking pass: nothing changes unless the whole batch is valid.
    this.#prepareScratch();
    const gen = ++this.#generation;
    let lo = this.#minCohort;
    let hi = this.#maxCohort;
    for (let i = 0; i < batch.length; i++) {
      const s = slots[actor[i] as number] as number;
      const t = time[i] as number;
      if (!Number.isFinite(t)) throw invalidTime([batch.firstRow + i, 'timestamp'], t);
      if (this.#stamp[s] !== gen) {
        this.#stamp[s] = gen;
        this.#simLast[s] = this.#actors.last[s] as number;
        this.#simStarted[s] = Number.isNaN(t0s[s] as number) ? 0 : 1;
      }
      if (t < (this.#simLast[s] as number)) throw unsorted([batch.firstRow + i, 'timestamp']);
      this.#simLast[s] = t;
      if (this.#simStarted[s] === 1) continue;
      const kind = this.#startKind(
        t,
        matches(start, name, channel, touchpoint, stage, i),
        matches(names, name, channel, touchpoint, stage, i),
      );
      if (kind === NOT_STARTED) continue;
      this.#simStarted[s] = 1;
      if (kind === STARTS) {
        const cohort = this.#periods.indexOf(t);
        if (cohort < lo || cohort > hi) {
          this.#checkSpan(Math.min(lo, cohort), Math.max(hi, cohort), [batch.firstRow + i, 'timestamp']);
          lo = Math.min(lo, cohort);
          hi = Math.max(hi, cohort);
        }
      }
    }
    // Counting pass.
    for (let i = 0; i < batch.length; i++) {
      const s = slots[actor[i] as number] as number;
      const t = time[i] as number;
      const kind = Number.isNaN(t0s[s] as number)
        ? this.#startKind(
            t,
            matches(start, name, channel, touchpoint, stage, i),
            matches(names, name, channel, touchpoint, stage, i),
          )
        : NOT_STARTED;
      this.#step(
        s,
        t,
        kind,
        kind === STARTS ? this.#periods.indexOf(t) : 0,
        matches(ret, name, channel, touchpoint, stage, i),
        values === undefined ? Number.NaN : (values[i] as number),
      );
    }
    return this;
  }

  /**
   * Adds the state of another accumulator that saw other actors.
   *
   * @param other - An accumulator with the same options.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ, and
   *   {@link @cx/model!CxValidationError} (`merge_overlap`) when an actor has events in both; nothing changes then.
   * @throws {@link @cx/model!CxLimitError} when the cohorts of both together span more than `maxPeriods`.
   */
  merge(other: this): this {
    assertSameOptions('CohortRetentionAccumulator', this.#plan.options, other.#plan.options);
    const theirs = other.#actors;
    const overlap: string[] = [];
    for (let s = 0; s < theirs.size && overlap.length < 5; s++) {
      if (!theirs.seen(s)) continue;
      const mine = this.#actors.find(theirs.ids[s] as string);
      if (mine !== -1 && this.#actors.seen(mine)) overlap.push(theirs.ids[s] as string);
    }
    if (overlap.length > 0) {
      throw new CxValidationError(
        overlap.map((id) => ({
          path: ['actors', id],
          code: 'merge_overlap' as const,
          message: `Actor ${JSON.stringify(id)} has events in both accumulators: shard the events by actor`,
        })),
        { subject: 'CohortRetentionAccumulator merge' },
      );
    }
    if (other.#minCohort <= other.#maxCohort) {
      this.#checkSpan(
        Math.min(this.#minCohort, other.#minCohort),
        Math.max(this.#maxCohort, other.#maxCohort),
        [],
      );
    }
    const columns = this.#plan.columns.length;
    for (let s = 0; s < theirs.size; s++) {
      if (!theirs.seen(s)) continue;
      const slot = this.#actors.slotOf(theirs.ids[s] as string);
      this.#actors.last[slot] = theirs.last[s] as number;
      this.#actors.t0[slot] = theirs.t0[s] as number;
      this.#actors.cohort[slot] = theirs.cohort[s] as number;
      this.#actors.counts.set(theirs.counts.subarray(s * columns, (s + 1) * columns), slot * columns);
    }
    for (const [cohort, row] of other.#sums) {
      const mine = this.#sumsOf(cohort);
      for (let c = 0; c < columns; c++) mine[c]! += row[c] as number;
    }
    this.#maxTime = Math.max(this.#maxTime, other.#maxTime);
    this.#minCohort = Math.min(this.#minCohort, other.#minCohort);
    this.#maxCohort = Math.max(this.#maxCohort, other.#maxCohort);
    return this;
  }

  /**
   * The matrix of everything added and merged so far.
   *
   * @returns The retention matrix, as {@link cohortRetention} would compute it on the same events.
   */
  result(): RetentionMatrix {
    const plan = this.#plan;
    const o = plan.options;
    const columns = plan.columns.length;
    const rows = new CohortRows(columns);
    const returned = new Uint8Array(columns);
    const onOrAfter = o.retention === 'on-or-after';
    const actors = this.#actors;
    for (let s = 0; s < actors.size; s++) {
      const t0 = actors.t0[s] as number;
      if (!Number.isFinite(t0)) continue;
      const cohort = actors.cohort[s] as number;
      for (let c = 0; c < columns; c++) {
        returned[c] = (actors.counts[s * columns + c] as number) >= o.minimumOccurrences ? 1 : 0;
      }
      rows.addActor(cohort, returned, onOrAfter);
      if (o.aggregate !== undefined) {
        const valueActors = rows.row(rows.valueActors, cohort);
        for (let c = 0; c < columns; c++)
          if ((actors.counts[s * columns + c] as number) > 0) valueActors[c]! += 1;
      }
    }
    if (o.aggregate !== undefined) {
      for (const [cohort, row] of this.#sums)
        if (rows.sizes.has(cohort)) rows.row(rows.values, cohort).set(row);
    }
    const asOf = plan.asOf ?? (this.#maxTime === Number.NEGATIVE_INFINITY ? 0 : this.#maxTime);
    return rows.finish(plan, asOf);
  }

  /**
   * The state as plain JSON.
   *
   * @returns The snapshot; {@link CohortRetentionAccumulator.restore} reads it back.
   */
  snapshot(): CohortRetentionSnapshot {
    const actors = this.#actors;
    const columns = this.#plan.columns.length;
    const list: Array<CohortRetentionSnapshot['state']['actors'][number]> = [];
    for (let s = 0; s < actors.size; s++) {
      if (!actors.seen(s)) continue;
      const t0 = actors.t0[s] as number;
      const id = actors.ids[s] as string;
      const last = actors.last[s] as number;
      if (Number.isNaN(t0)) list.push({ id, last });
      else if (t0 === Number.NEGATIVE_INFINITY) list.push({ id, last, dropped: true });
      else
        list.push({
          id,
          last,
          start: t0,
          counts: Array.from(actors.counts.subarray(s * columns, (s + 1) * columns)),
        });
    }
    return {
      kind: 'cohort-retention',
      version: 1,
      options: this.#plan.options,
      state: {
        actors: list,
        sums: [...this.#sums].map(([cohort, row]) => ({ cohort, values: Array.from(row) })),
        maxTime: this.#maxTime === Number.NEGATIVE_INFINITY ? null : this.#maxTime,
        added: this.#added,
      },
    };
  }

  /**
   * Restores an accumulator from its {@link CohortRetentionAccumulator.snapshot}.
   *
   * @param snapshot - A snapshot, e.g. parsed from JSON.
   * @returns The accumulator.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is not one of this class.
   * @example
   * ```ts
   * import { CohortRetentionAccumulator } from '@cx/metrics';
   * const acc = new CohortRetentionAccumulator({ interval: 'day' });
   * acc.add({ id: '1', customerId: 'a', timestamp: '2026-01-01T10:00:00Z', name: 'open', channel: 'web', properties: {} });
   * const copy = CohortRetentionAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
   * console.log(copy.result().cohorts[0]?.size); // 1
   * ```
   */
  static restore(snapshot: unknown): CohortRetentionAccumulator {
    const { options, state } = readSnapshot(snapshot);
    let acc: CohortRetentionAccumulator;
    try {
      acc = new CohortRetentionAccumulator(options as unknown as CohortRetentionOptions);
    } catch (error) {
      throw invalidSnapshot(
        ['options'],
        'The options are not valid options of CohortRetentionAccumulator',
        error,
      );
    }
    const columns = acc.#plan.columns.length;
    for (const [k, a] of state.actors.entries()) {
      if (acc.#actors.find(a.id) !== -1)
        throw invalidSnapshot(['state', 'actors', k, 'id'], 'Duplicate actor id');
      if (a.counts !== undefined && a.counts.length !== columns) {
        throw invalidSnapshot(['state', 'actors', k, 'counts'], `Expected ${columns} counts`);
      }
      const slot = acc.#actors.slotOf(a.id);
      acc.#actors.last[slot] = a.last;
      if (a.dropped === true) acc.#actors.t0[slot] = Number.NEGATIVE_INFINITY;
      else if (a.start !== undefined) {
        const cohort = acc.#periods.indexOf(a.start);
        acc.#actors.t0[slot] = a.start;
        acc.#actors.cohort[slot] = cohort;
        acc.#actors.counts.set(a.counts ?? [], slot * columns);
        acc.#minCohort = Math.min(acc.#minCohort, cohort);
        acc.#maxCohort = Math.max(acc.#maxCohort, cohort);
      }
    }
    for (const [k, { cohort, values }] of state.sums.entries()) {
      if (values.length !== columns)
        throw invalidSnapshot(['state', 'sums', k, 'values'], `Expected ${columns} sums`);
      acc.#sumsOf(cohort).set(values);
    }
    acc.#maxTime = state.maxTime ?? Number.NEGATIVE_INFINITY;
    acc.#added = state.added;
    return acc;
  }

  /** Whether an event at `t` starts its pending actor's cohort, drops the actor, or neither. */
  #startKind(t: number, isStart: boolean, hasStartName: boolean): number {
    if (this.#plan.options.cohortType === 'first-ever') {
      if (!hasStartName) return NOT_STARTED;
      if (!isStart) return DROPPED;
    } else if (!isStart) return NOT_STARTED;
    return t < this.#fromStart || t >= this.#toEnd ? DROPPED : STARTS;
  }

  /** Applies one checked event of the actor in `slot`. */
  #step(slot: number, t: number, kind: number, cohort: number, isReturn: boolean, value: number): void {
    const actors = this.#actors;
    actors.last[slot] = t;
    if (t > this.#maxTime) this.#maxTime = t;
    if (kind === DROPPED) {
      actors.t0[slot] = Number.NEGATIVE_INFINITY;
      return;
    }
    if (kind === STARTS) {
      actors.t0[slot] = t;
      actors.cohort[slot] = cohort;
      if (cohort < this.#minCohort) this.#minCohort = cohort;
      if (cohort > this.#maxCohort) this.#maxCohort = cohort;
    }
    const t0 = actors.t0[slot] as number;
    if (!isReturn || !Number.isFinite(t0)) return;
    const offset = this.#offset(t, t0, actors.cohort[slot] as number);
    if (offset > this.#maxOffset) return;
    const c = this.#plan.offsetColumn[offset] as number;
    actors.countReturn(slot, c);
    if (!Number.isNaN(value)) this.#sumsOf(actors.cohort[slot] as number)[c]! += value;
  }

  /** The return period of an event at `t` for an actor who started at `t0` in period `cohort`. */
  #offset(t: number, t0: number, cohort: number): number {
    const plan = this.#plan;
    if (plan.options.window === 'calendar') return this.#periods.indexOf(t) - cohort;
    const truncation = plan.options.rollingTruncation ?? 'none';
    if (truncation === 'none') return Math.floor((t - t0) / (plan.windowDays * MS_PER_DAY));
    if (truncation === 'hour') {
      const hour = (x: number): number => x - (((x % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
      return Math.floor((hour(t) - hour(t0)) / (plan.windowDays * MS_PER_DAY));
    }
    return Math.floor((plan.days.localDayOf(t) - plan.days.localDayOf(t0)) / plan.windowDays);
  }

  #sumsOf(cohort: number): Float64Array {
    let row = this.#sums.get(cohort);
    if (row === undefined) {
      row = new Float64Array(this.#plan.columns.length);
      this.#sums.set(cohort, row);
    }
    return row;
  }

  /** Throws unless cohorts from period `lo` to `hi` fit in `maxPeriods`. */
  #checkSpan(lo: number, hi: number, path: IssuePath): void {
    const calendar = this.#plan.calendar;
    calendar.checkSpan(calendar.startOfIndex(lo), calendar.startOfIndex(hi), {
      maxPeriods: this.#plan.options.maxPeriods,
      path,
      what: 'The cohorts',
    });
  }

  /** Checks one interaction and returns its epoch ms. */
  #checkEvent(event: Interaction, index: number): number {
    if (typeof event !== 'object' || event === null) {
      throw new CxValidationError(
        [{ path: [index], code: 'invalid_type', message: 'Expected an interaction object' }],
        {
          subject: 'interaction',
        },
      );
    }
    const issues = [];
    const actorId = event.customerId ?? event.anonymousId;
    if (typeof actorId !== 'string' || actorId.length === 0) {
      issues.push({
        path: [index, 'customerId'],
        code: 'invalid_type' as const,
        message: 'Expected customerId or anonymousId',
      });
    }
    const instant = instantIssue(event.timestamp, { path: [index, 'timestamp'] });
    if (instant !== null) issues.push(instant);
    if (typeof event.name !== 'string' || event.name.length === 0) {
      issues.push({
        path: [index, 'name'],
        code: 'invalid_type' as const,
        message: 'Expected a non-empty event name',
      });
    }
    if (typeof event.channel !== 'string' || event.channel.length === 0) {
      issues.push({ path: [index, 'channel'], code: 'invalid_type' as const, message: 'Expected a channel' });
    }
    const property = this.#plan.options.aggregate?.property;
    if (
      property !== undefined &&
      event.properties !== undefined &&
      Object.hasOwn(event.properties, property)
    ) {
      const value = event.properties[property];
      if (value !== null && value !== undefined && !(typeof value === 'number' && Number.isFinite(value))) {
        issues.push({
          path: [index, 'properties', property],
          code: 'invalid_number' as const,
          message: `Expected a finite number or no value, got ${JSON.stringify(value)}`,
        });
      }
    }
    if (issues.length > 0) throw new CxValidationError(issues, { subject: 'interaction' });
    return instantToEpochMsOrNaN(event.timestamp);
  }

  #matchers(d: MatcherDictionaries): {
    start: CompiledMatcher;
    names: CompiledMatcher;
    ret: CompiledMatcher;
  } {
    const key = `${d.names.length}/${d.channels.length}/${d.touchpoints.length}/${d.stages.length}`;
    if (this.#compiled?.key !== key) {
      const o = this.#plan.options;
      const start = compileMatcher(o.startEvent, d);
      this.#compiled = { key, start, names: namesOnly(start), ret: compileMatcher(o.returnEvent, d) };
    }
    return this.#compiled;
  }

  /** The slot of every actor index of the batch (new actors get empty slots, invisible until they have events). */
  #slotsOf(batch: InteractionBatch, d: InteractionDictionaries): Int32Array {
    let entry = this.#translations.get(d);
    if (entry === undefined) {
      entry = { slots: new Int32Array(0) };
      this.#translations.set(d, entry);
    }
    let maxActor = -1;
    for (let i = 0; i < batch.length; i++)
      if ((batch.actor[i] as number) > maxActor) maxActor = batch.actor[i] as number;
    if (maxActor >= entry.slots.length) {
      const grown = new Int32Array(Math.max(maxActor + 1, entry.slots.length * 2)).fill(-1);
      grown.set(entry.slots);
      entry.slots = grown;
    }
    const slots = entry.slots;
    for (let i = 0; i < batch.length; i++) {
      const a = batch.actor[i] as number;
      if (slots[a] === -1) slots[a] = this.#actors.slotOf(d.actorId(a));
    }
    return slots;
  }

  #prepareScratch(): void {
    const size = this.#actors.last.length;
    if (this.#stamp.length >= size) return;
    this.#stamp = new Int32Array(size);
    this.#simLast = new Float64Array(size);
    this.#simStarted = new Uint8Array(size);
    this.#generation = 0;
  }
}

function ownColumn(columns: Readonly<Record<string, Float64Array>>, key: string): Float64Array | undefined {
  return Object.hasOwn(columns, key) ? columns[key] : undefined;
}

/** Batch-level checks: the aggregated property and the dimensions the matchers use are present. */
function checkBatch(
  batch: InteractionBatch,
  o: ParsedRetentionOptions,
  values: Float64Array | undefined,
): void {
  if (o.aggregate !== undefined && values === undefined) {
    throw new CxValidationError(
      [
        {
          path: ['aggregate', 'property'],
          message: `Expected the batches to carry the numeric column ${JSON.stringify(o.aggregate.property)}`,
          code: 'missing_column',
        },
      ],
      { subject: 'batch' },
    );
  }
  for (const [dimension, column] of [
    ['name', batch.name],
    ['channel', batch.channel],
  ] as const) {
    const used = o.startEvent[dimension] !== undefined || o.returnEvent[dimension] !== undefined;
    if (used && batch.length > 0 && column[0] === -1) {
      throw new CxValidationError(
        [
          {
            path: [o.startEvent[dimension] !== undefined ? 'startEvent' : 'returnEvent', dimension],
            message: `Expected batches with the ${dimension} dimension: the events are matched on it`,
            code: 'missing_dimension',
          },
        ],
        { subject: 'batch' },
      );
    }
  }
}

function unsorted(path: IssuePath): CxValidationError {
  return new CxValidationError(
    [
      {
        path,
        message:
          'Expected the events of each actor in time order; this one is earlier than its previous event',
        code: 'unsorted_events',
      },
    ],
    { subject: 'events' },
  );
}

function invalidTime(path: IssuePath, t: number): CxValidationError {
  return new CxValidationError(
    [{ path, message: `Expected an event time in epoch milliseconds, got ${t}`, code: 'invalid_instant' }],
    { subject: 'batch' },
  );
}

function invalidSnapshot(path: IssuePath, message: string, cause?: unknown): CxValidationError {
  return new CxValidationError([{ path, message, code: 'invalid_snapshot' }], {
    subject: 'CohortRetentionAccumulator snapshot',
    ...(cause === undefined ? {} : { cause }),
  });
}
