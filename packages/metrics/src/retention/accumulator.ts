import type { Accumulator, Interaction } from '@cx/model';
import { assertSameOptions, CxOptionsError, CxValidationError } from '@cx/model';
import type { InteractionBatch } from '../columnar/interaction-columns.js';
import type { RetentionMatrix } from './matrix.js';
import { planRetention } from './normalize.js';
import type { CohortRetentionOptions } from './options.js';
import {
  type CohortRetentionSnapshot,
  invalidSnapshot,
  loadSnapshot,
  readSnapshot,
  writeSnapshot,
} from './snapshot.js';
import { BatchReader, type InteractionDictionaries } from './stream-batches.js';
import { checkInteraction, matchesEvent, propertyValue, unsorted } from './stream-events.js';
import { NOT_STARTED, RetentionState, STARTS } from './stream-state.js';

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
 * Supported: every option of {@link cohortRetention} (`minimumOccurrences` above 1 included) except
 * `cohortType: 'recurring'`, which is refused with a `CxOptionsError`: an actor joins one cohort per period, and
 * counting its returns for each needs all of its events (use `cohortRetention` on columns).
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
 * console.log(merged.result().cohorts[0]?.period, merged.result().cohorts[0]?.counts); // '2026-01' [ 2, 1 ]
 * ```
 * @category Retention
 * @since 0.2.0
 */
export class CohortRetentionAccumulator
  implements Accumulator<Interaction, RetentionMatrix, CohortRetentionSnapshot>
{
  readonly #state: RetentionState;
  readonly #batches: BatchReader;
  #added = 0;

  /**
   * Creates an empty accumulator.
   *
   * @param options - The options of {@link cohortRetention} (`interval` required), except `cohortType: 'recurring'`.
   * @throws {@link @cx/model!CxOptionsError} for invalid options, as {@link cohortRetention}, and for recurring
   *   cohorts.
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
    this.#state = new RetentionState(plan);
    this.#batches = new BatchReader(this.#state);
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
    const state = this.#state;
    const o = state.plan.options;
    const index = this.#added;
    const property = o.aggregate?.property;
    const t = checkInteraction(event, index, property);
    const id = (event.customerId ?? event.anonymousId) as string;
    const known = state.actors.find(id);
    if (known !== -1 && t < (state.actors.last[known] as number)) throw unsorted([index, 'timestamp']);
    const pending = known === -1 || Number.isNaN(state.actors.t0[known] as number);
    const kind = pending
      ? state.startKind(t, matchesEvent(o.startEvent, event), matchesEvent(o.startEvent, event, true))
      : NOT_STARTED;
    if (kind === STARTS) state.checkCohort(state.periods.indexOf(t), [index, 'timestamp']);
    this.#added++;
    state.step(
      state.actors.slotOf(id),
      t,
      kind,
      matchesEvent(o.returnEvent, event),
      propertyValue(event, property),
    );
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
    this.#batches.add(batch, dictionaries);
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
    const mine = this.#state;
    const theirs = other.#state;
    assertSameOptions('CohortRetentionAccumulator', mine.plan.options, theirs.plan.options);
    const overlap: string[] = [];
    for (let s = 0; s < theirs.actors.size && overlap.length < 5; s++) {
      if (!theirs.actors.seen(s)) continue;
      const id = theirs.actors.ids[s] as string;
      const slot = mine.actors.find(id);
      if (slot !== -1 && mine.actors.seen(slot)) overlap.push(id);
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
    if (theirs.minCohort <= theirs.maxCohort) {
      mine.checkSpan(
        Math.min(mine.minCohort, theirs.minCohort),
        Math.max(mine.maxCohort, theirs.maxCohort),
        [],
      );
    }
    mine.absorb(theirs);
    return this;
  }

  /**
   * The matrix of everything added and merged so far.
   *
   * @returns The retention matrix, as {@link cohortRetention} would compute it on the same events.
   */
  result(): RetentionMatrix {
    return this.#state.matrix();
  }

  /**
   * The state as plain JSON.
   *
   * @returns The snapshot; {@link CohortRetentionAccumulator.restore} reads it back.
   */
  snapshot(): CohortRetentionSnapshot {
    return writeSnapshot(this.#state, this.#added);
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
    const parts = readSnapshot(snapshot);
    let acc: CohortRetentionAccumulator;
    try {
      acc = new CohortRetentionAccumulator(parts.options as unknown as CohortRetentionOptions);
    } catch (error) {
      throw invalidSnapshot(['options'], 'Not valid options of CohortRetentionAccumulator', error);
    }
    loadSnapshot(acc.#state, parts);
    acc.#added = parts.state.added;
    return acc;
  }
}
