import { CxValidationError } from '@cx/model';
import type { InteractionBatch } from '../columnar/interaction-columns.js';
import { PeriodCalendar } from './calendar.js';
import type { CompiledMatcher, MatcherDictionaries } from './cohort-retention.js';
import { compileMatcher, matches } from './cohort-retention.js';
import type { RetentionMatrix } from './matrix.js';
import { RetentionAccumulator, rollingDays } from './matrix.js';
import type { CohortRetentionOptions, NormalizedRetentionOptions } from './options.js';
import { normalizeRetentionOptions } from './options.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * A streaming cohort retention computation: feed it {@link InteractionBatch}es (e.g. from
 * {@link streamInteractionCsv}), then read the matrix. Memory grows with actors (a start time and a bitset of
 * returned columns each), not with events.
 *
 * @category Retention
 * @since 0.1.0
 */
export interface CohortRetentionAggregator {
  /**
   * Adds a batch of events. Each actor's events must arrive in time order (globally time-ordered input, or input
   * grouped by actor and sorted within, both qualify).
   *
   * @param batch - Events, dictionary-encoded.
   * @param dictionaries - The dictionaries the batch's indices refer to (e.g. the stream itself).
   * @throws {@link @cx/model!CxValidationError} when an actor's event is earlier than its previous one
   *   (path `[row, 'timestamp']`).
   */
  add(batch: InteractionBatch, dictionaries: MatcherDictionaries): void;
  /**
   * The matrix of everything added so far.
   *
   * @returns The retention matrix, as {@link cohortRetention} would compute it on the same events.
   */
  result(): RetentionMatrix;
}

/**
 * Creates a streaming cohort retention aggregator with the options of {@link cohortRetention}, except
 * `cohortType: 'recurring'` and `minimumOccurrences` above 1 (they need per-period state; use the columnar path).
 *
 * @param options - As for {@link cohortRetention}; `aggregate.property` must be a numeric column of the batches.
 * @returns The aggregator.
 * @throws {@link @cx/model!CxValidationError} for invalid options and the unsupported ones above.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { createCohortRetentionAggregator, streamInteractionCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'retention-stream-example.csv');
 * writeFileSync(file, 'customerId,timestamp,name,channel\n' +
 *   'a,2026-01-05T10:00:00Z,open,web\nb,2026-01-20T10:00:00Z,open,web\na,2026-02-02T10:00:00Z,open,web\n');
 * const aggregator = createCohortRetentionAggregator({ interval: 'month', periods: 1 });
 * const stream = streamInteractionCsv(file);
 * for await (const batch of stream) aggregator.add(batch, stream);
 * console.log(aggregator.result().cohorts[0]?.counts); // [ 2, 1 ]
 * ```
 * @category Retention
 * @since 0.1.0
 */
export function createCohortRetentionAggregator(
  options: CohortRetentionOptions = {},
): CohortRetentionAggregator {
  const o = normalizeRetentionOptions(options);
  if (o.cohortType === 'recurring' || o.minimumOccurrences > 1) {
    throw new CxValidationError([
      {
        path: [o.cohortType === 'recurring' ? 'cohortType' : 'minimumOccurrences'],
        message:
          'The streaming aggregator supports first-time and first-ever cohorts with minimumOccurrences 1; use cohortRetention on columns',
        code: 'unsupported_option',
      },
    ]);
  }
  return new StreamingRetention(o);
}

class StreamingRetention implements CohortRetentionAggregator {
  readonly #o: NormalizedRetentionOptions;
  readonly #columns: number;
  readonly #words: number;
  #t0 = new Float64Array(1024).fill(Number.NaN); // NaN: no start yet; -Infinity: dropped
  #last = new Float64Array(1024).fill(Number.NEGATIVE_INFINITY);
  #bits = new Uint32Array(1024);
  #capacity = 1024;
  #actors = 0;
  #calendar: PeriodCalendar | undefined;
  #days: PeriodCalendar | undefined;
  #minTime = Number.POSITIVE_INFINITY;
  #maxTime = Number.NEGATIVE_INFINITY;
  #start: CompiledMatcher | undefined;
  #startNames: CompiledMatcher | undefined;
  #return: CompiledMatcher | undefined;
  #sizes = [-1, -1, -1, -1];
  // Property sums keyed by cohort start instant (cohort indices move when the calendar is rebuilt).
  readonly #sums = new Map<number, Float64Array>();

  constructor(o: NormalizedRetentionOptions) {
    this.#o = o;
    this.#columns = o.labels.length;
    this.#words = Math.ceil(this.#columns / 32);
    this.#bits = new Uint32Array(1024 * this.#words);
  }

  #grow(actors: number): void {
    if (actors <= this.#capacity) {
      if (actors > this.#actors) this.#actors = actors;
      return;
    }
    let capacity = this.#capacity * 2;
    while (capacity < actors) capacity *= 2;
    const t0 = new Float64Array(capacity).fill(Number.NaN);
    t0.set(this.#t0);
    const last = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    last.set(this.#last);
    const bits = new Uint32Array(capacity * this.#words);
    bits.set(this.#bits);
    this.#t0 = t0;
    this.#last = last;
    this.#bits = bits;
    this.#capacity = capacity;
    this.#actors = actors;
  }

  #calendarFor(t: number): PeriodCalendar {
    let calendar = this.#calendar;
    if (calendar === undefined || t < (calendar.starts[0] as number)) {
      const through = calendar === undefined ? t : (calendar.starts[calendar.periods] as number);
      calendar = new PeriodCalendar(this.#o.calendar, t, through);
      this.#calendar = calendar;
    } else if (t >= (calendar.starts[calendar.periods] as number)) {
      calendar.ensure(t);
    }
    return calendar;
  }

  #dayIndex(t: number): number {
    let days = this.#days;
    if (days === undefined || t < (days.starts[0] as number)) {
      const through = days === undefined ? t : (days.starts[days.periods] as number);
      // Anchor well before t so that earlier actors rarely force a rebuild.
      days = new PeriodCalendar({ ...this.#o.calendar, interval: 'day' }, t - 400 * DAY_MS, through);
      this.#days = days;
    } else if (t >= (days.starts[days.periods] as number)) {
      days.ensure(t);
    }
    return days.indexOf(t) + Math.round((days.starts[0] as number) / DAY_MS);
  }

  add(batch: InteractionBatch, d: MatcherDictionaries): void {
    const o = this.#o;
    const sizes = [d.names.length, d.channels.length, d.touchpoints.length, d.stages.length];
    if (sizes.some((s, i) => s !== this.#sizes[i])) {
      this.#start = compileMatcher(o.startEvent, d);
      this.#return = compileMatcher(o.returnEvent, d);
      this.#startNames = {
        name: this.#start.name,
        channel: undefined,
        touchpoint: undefined,
        stage: undefined,
      };
      this.#sizes = sizes;
    }
    const start = this.#start as CompiledMatcher;
    const startNames = this.#startNames as CompiledMatcher;
    const ret = this.#return as CompiledMatcher;
    const { actor, time, name, channel, touchpoint, stage } = batch;
    const values = o.aggregate === undefined ? undefined : batch.numeric[o.aggregate.property];
    if (o.aggregate !== undefined && values === undefined) {
      throw new CxValidationError([
        {
          path: ['aggregate', 'property'],
          message: `Expected the batches to carry the numeric column ${JSON.stringify(o.aggregate.property)}`,
          code: 'missing_column',
        },
      ]);
    }
    for (const [dimension, column] of [
      ['name', name],
      ['channel', channel],
    ] as const) {
      const used = o.startEvent[dimension] !== undefined || o.returnEvent[dimension] !== undefined;
      if (used && batch.length > 0 && column[0] === -1) {
        throw new CxValidationError([
          {
            path: ['startEvent', dimension],
            message: `Expected batches with the ${dimension} dimension: the events are matched on it`,
            code: 'missing_dimension',
          },
        ]);
      }
    }
    let maxActor = this.#actors;
    for (let i = 0; i < batch.length; i++)
      if ((actor[i] as number) >= maxActor) maxActor = (actor[i] as number) + 1;
    this.#grow(maxActor);
    const words = this.#words;
    const offsetColumn = o.offsetColumn;
    const maxOffset = offsetColumn.length - 1;
    const windowMs = rollingDays(o.interval) * DAY_MS;
    const windowDays = rollingDays(o.interval);
    const firstEver = o.cohortType === 'first-ever';
    const t0s = this.#t0;
    const lasts = this.#last;
    const bits = this.#bits;
    for (let i = 0; i < batch.length; i++) {
      const a = actor[i] as number;
      const t = time[i] as number;
      if (t < (lasts[a] as number)) {
        throw new CxValidationError([
          {
            path: [batch.firstRow + i, 'timestamp'],
            message: `Expected the events of each actor in time order; this one is earlier than the previous event of the same actor`,
            code: 'unsorted_events',
          },
        ]);
      }
      lasts[a] = t;
      if (t < this.#minTime) this.#minTime = t;
      if (t > this.#maxTime) this.#maxTime = t;
      let t0 = t0s[a] as number;
      if (Number.isNaN(t0)) {
        if (firstEver) {
          if (!matches(startNames, name, channel, touchpoint, stage, i)) continue;
          if (!matches(start, name, channel, touchpoint, stage, i)) {
            t0s[a] = Number.NEGATIVE_INFINITY;
            continue;
          }
        } else if (!matches(start, name, channel, touchpoint, stage, i)) continue;
        const calendar = this.#calendarFor(t);
        const cohortStart = calendar.starts[calendar.indexOf(t)] as number;
        if (cohortStart < o.from || cohortStart >= o.to) {
          t0s[a] = Number.NEGATIVE_INFINITY;
          continue;
        }
        t0s[a] = t0 = t;
      } else if (t0 === Number.NEGATIVE_INFINITY) continue;
      if (!matches(ret, name, channel, touchpoint, stage, i)) continue;
      let offset: number;
      if (o.window === 'calendar') {
        const calendar = this.#calendarFor(t);
        offset = calendar.indexOf(t) - calendar.indexOf(t0);
      } else if (o.rollingTruncation === 'none') {
        offset = Math.floor((t - t0) / windowMs);
      } else if (o.rollingTruncation === 'hour') {
        offset = Math.floor(
          (t - (((t % HOUR_MS) + HOUR_MS) % HOUR_MS) - (t0 - (((t0 % HOUR_MS) + HOUR_MS) % HOUR_MS))) /
            windowMs,
        );
      } else {
        offset = Math.floor((this.#dayIndex(t) - this.#dayIndex(t0)) / windowDays);
      }
      if (offset > maxOffset) continue;
      const c = offsetColumn[offset] as number;
      bits[a * words + (c >>> 5)]! |= 1 << (c & 31);
      if (values !== undefined) {
        const v = values[i] as number;
        if (!Number.isNaN(v)) {
          const calendar = this.#calendarFor(t0);
          const key = calendar.starts[calendar.indexOf(t0)] as number;
          let row = this.#sums.get(key);
          if (row === undefined) {
            row = new Float64Array(this.#columns);
            this.#sums.set(key, row);
          }
          row[c]! += v;
        }
      }
    }
  }

  result(): RetentionMatrix {
    const o = this.#o;
    const columns = this.#columns;
    const words = this.#words;
    const acc = new RetentionAccumulator(columns);
    const asOf = o.asOf ?? (this.#maxTime === Number.NEGATIVE_INFINITY ? 0 : this.#maxTime);
    const from = this.#minTime === Number.POSITIVE_INFINITY ? asOf : this.#minTime;
    const calendar = new PeriodCalendar(
      o.calendar,
      from,
      Math.max(asOf, this.#maxTime === Number.NEGATIVE_INFINITY ? asOf : this.#maxTime),
    );
    const returned = new Uint8Array(columns);
    const onOrAfter = o.retention === 'on-or-after';
    for (let a = 0; a < this.#actors; a++) {
      const t0 = this.#t0[a] as number;
      if (Number.isNaN(t0) || t0 === Number.NEGATIVE_INFINITY) continue;
      const cohort = calendar.indexOf(t0);
      for (let c = 0; c < columns; c++)
        returned[c] = (this.#bits[a * words + (c >>> 5)] as number) & (1 << (c & 31)) ? 1 : 0;
      acc.addActor(cohort, returned, onOrAfter);
      if (o.aggregate !== undefined) {
        const actors = acc.row(acc.valueActors, cohort);
        for (let c = 0; c < columns; c++) if (returned[c] === 1) actors[c]! += 1;
      }
    }
    if (o.aggregate !== undefined) {
      for (const [key, row] of this.#sums) acc.row(acc.values, calendar.indexOf(key)).set(row);
    }
    return acc.finish(o, calendar, asOf);
  }
}
