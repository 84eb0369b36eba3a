import { CxValidationError, type IssuePath } from '@cx/model';
import type { InteractionBatch } from '../columnar/interaction-columns.js';
import {
  type CompiledMatcher,
  compileMatcher,
  isAnyEvent,
  type MatcherDictionaries,
  matches,
  namesOnly,
} from './matcher.js';
import type { ParsedRetentionOptions } from './options.js';
import { unsorted } from './stream-events.js';
import { NOT_STARTED, type RetentionState, STARTS } from './stream-state.js';

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
  /** The file the batches were read from, when they were (named in errors with the batch's lines). */
  readonly source?: string;
}

interface Matchers {
  readonly key: string;
  readonly start: CompiledMatcher;
  readonly names: CompiledMatcher;
  readonly ret: CompiledMatcher;
}

/**
 * Adds dictionary-encoded batches to a retention state in two passes (internal): a checking pass that changes
 * nothing (time order per actor, finite times, the span of new cohorts), then the counting pass. It keeps, per
 * stream, the slot of each actor index, and the matchers compiled against the stream's dictionaries.
 */
export class BatchReader {
  readonly #state: RetentionState;
  readonly #translations = new WeakMap<object, { slots: Int32Array }>();
  #matchers: Matchers | undefined;
  #stamp = new Int32Array(0);
  #last = new Float64Array(0);
  #started = new Uint8Array(0);
  #generation = 0;

  constructor(state: RetentionState) {
    this.#state = state;
  }

  add(batch: InteractionBatch, dictionaries: InteractionDictionaries): void {
    const state = this.#state;
    const o = state.plan.options;
    const values = o.aggregate === undefined ? undefined : ownColumn(batch.numeric, o.aggregate.property);
    checkBatch(batch, o, values);
    const { start, names, ret } = this.#compiled(dictionaries);
    const slots = this.#slotsOf(batch, dictionaries);
    const { actor, time, name, channel, touchpoint, stage } = batch;
    const t0s = state.actors.t0;
    // Checking pass: nothing changes unless the whole batch is valid.
    this.#prepareScratch();
    const gen = ++this.#generation;
    let lo = state.minCohort;
    let hi = state.maxCohort;
    for (let i = 0; i < batch.length; i++) {
      const s = slots[actor[i] as number] as number;
      const t = time[i] as number;
      if (!Number.isFinite(t)) throw invalidTime([batch.firstRow + i, 'timestamp'], t);
      if (this.#stamp[s] !== gen) {
        this.#stamp[s] = gen;
        this.#last[s] = state.actors.last[s] as number;
        this.#started[s] = Number.isNaN(t0s[s] as number) ? 0 : 1;
      }
      if (t < (this.#last[s] as number))
        throw unsorted([batch.firstRow + i, 'timestamp'], batch.line?.[i], dictionaries.source);
      this.#last[s] = t;
      if (this.#started[s] === 1) continue;
      const kind = state.startKind(
        t,
        matches(start, name, channel, touchpoint, stage, i),
        matches(names, name, channel, touchpoint, stage, i),
      );
      if (kind === NOT_STARTED) continue;
      this.#started[s] = 1;
      if (kind !== STARTS) continue;
      const cohort = state.periods.indexOf(t);
      if (cohort < lo || cohort > hi) {
        lo = Math.min(lo, cohort);
        hi = Math.max(hi, cohort);
        const line = batch.line?.[i];
        state.checkSpan(
          lo,
          hi,
          [batch.firstRow + i, 'timestamp'],
          line === undefined
            ? {}
            : { line, ...(dictionaries.source === undefined ? {} : { source: dictionaries.source }) },
        );
      }
    }
    // Counting pass.
    const once = state.countsOnce;
    const anyReturn = isAnyEvent(ret);
    const value = Number.NaN;
    for (let i = 0; i < batch.length; i++) {
      const s = slots[actor[i] as number] as number;
      const t = time[i] as number;
      const kind = Number.isNaN(t0s[s] as number)
        ? state.startKind(
            t,
            matches(start, name, channel, touchpoint, stage, i),
            matches(names, name, channel, touchpoint, stage, i),
          )
        : NOT_STARTED;
      if (once) {
        state.stepOnce(s, t, kind, anyReturn || matches(ret, name, channel, touchpoint, stage, i));
        continue;
      }
      const isReturn = matches(ret, name, channel, touchpoint, stage, i);
      state.step(s, t, kind, isReturn, values === undefined ? value : (values[i] as number));
    }
  }

  #compiled(d: MatcherDictionaries): Matchers {
    const key = `${d.names.length}/${d.channels.length}/${d.touchpoints.length}/${d.stages.length}`;
    if (this.#matchers?.key !== key) {
      const o = this.#state.plan.options;
      const start = compileMatcher(o.startEvent, d);
      this.#matchers = { key, start, names: namesOnly(start), ret: compileMatcher(o.returnEvent, d) };
    }
    return this.#matchers;
  }

  /** The slot of every actor index of the batch (new actors get empty slots, invisible until they have events). */
  #slotsOf(batch: InteractionBatch, d: InteractionDictionaries): Int32Array {
    let entry = this.#translations.get(d);
    if (entry === undefined) {
      entry = { slots: new Int32Array(0) };
      this.#translations.set(d, entry);
    }
    let maxActor = -1;
    for (let i = 0; i < batch.length; i++) maxActor = Math.max(maxActor, batch.actor[i] as number);
    if (maxActor >= entry.slots.length) {
      const grown = new Int32Array(Math.max(maxActor + 1, entry.slots.length * 2)).fill(-1);
      grown.set(entry.slots);
      entry.slots = grown;
    }
    const slots = entry.slots;
    for (let i = 0; i < batch.length; i++) {
      const a = batch.actor[i] as number;
      if (slots[a] === -1) slots[a] = this.#state.actors.slotOf(d.actorId(a));
    }
    return slots;
  }

  #prepareScratch(): void {
    const size = this.#state.actors.last.length;
    if (this.#stamp.length >= size) return;
    this.#stamp = new Int32Array(size);
    this.#last = new Float64Array(size);
    this.#started = new Uint8Array(size);
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

function invalidTime(path: IssuePath, t: number): CxValidationError {
  return new CxValidationError(
    [{ path, message: `Expected an event time in epoch milliseconds, got ${t}`, code: 'invalid_instant' }],
    { subject: 'batch' },
  );
}
