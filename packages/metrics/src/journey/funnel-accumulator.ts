import { type Accumulator, assertSameOptions, CxValidationError, type Interaction } from '@cx/model';
import { restoreSnapshot } from '../stats/snapshot.js';
import {
  type ActorState,
  actorSettled,
  cloneAggregate,
  endActor,
  type FunnelAggregate,
  feed,
  mergeAggregate,
  newActorState,
  newAggregate,
} from './funnel-kernel.js';
import { type FunnelOptions, funnelOptionsSchema } from './funnel-options.js';
import { type ResolvedFunnel, resolveFunnel } from './funnel-resolve.js';
import { type FunnelResult, funnelResultOf } from './funnel-result.js';
import {
  actorState,
  actorStateOf,
  aggregateOf,
  checkState,
  type FunnelSnapshot,
  type FunnelSnapshotState,
  funnelStateSchema,
  tallyState,
} from './funnel-snapshot.js';
import { eventTime } from './source.js';

/** Buffered events of one actor (internal). */
interface ActorBuffer {
  t: number[];
  mask: number[];
  excl: number[];
  seg: number[];
  id: string[];
}

const newBuffer = (): ActorBuffer => ({ t: [], mask: [], excl: [], seg: [], id: [] });

const compare = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

/**
 * Incremental, mergeable funnel computation: `add` interactions (or whole chunks), `merge` partial
 * accumulators built with the same options, read `result()` at any time, and save or restore the state as JSON
 * (`snapshot`, {@link FunnelAccumulator.restore}). It implements the `Accumulator` contract of `@cx/model`.
 *
 * With `inputOrder: 'any'` (default) events are buffered compactly per actor and sorted at `result()` (by time,
 * then id, then what they match), so the result does not depend on input order or on how the input was split;
 * partial accumulators over any split merge exactly. With `inputOrder: 'time-ordered'` only per-actor funnel
 * state is kept; partial accumulators must then cover disjoint actors.
 *
 * @example
 * ```ts
 * import { FunnelAccumulator } from '@cx/metrics';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const acc = new FunnelAccumulator({ steps: [{ name: 'view' }, { name: 'buy' }] });
 * acc.add(e('2', 'buy', '2026-01-01T10:05:00Z')).add(e('1', 'view', '2026-01-01T10:00:00Z'));
 * const copy = FunnelAccumulator.restore(JSON.parse(JSON.stringify(acc.snapshot())));
 * console.log(acc.result().converted, copy.result().converted); // 1 1
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export class FunnelAccumulator implements Accumulator<Interaction, FunnelResult, FunnelSnapshot> {
  readonly #f: ResolvedFunnel;
  readonly #segCodes = new Map<string, number>();
  readonly #segNames: string[] = [];
  readonly #buffers = new Map<string, ActorBuffer>();
  readonly #states = new Map<string, ActorState>();
  #agg: FunnelAggregate;
  #added = 0;

  /**
   * Creates an accumulator.
   *
   * @param options - The funnel definition; see {@link FunnelOptions}.
   * @throws {@link @cx/model!CxOptionsError} for an unknown key (`windowMs` names its new name, `window`), `null`
   * options, an empty step list, a bare number as a window, an exclusion outside the steps, or any other invalid
   * option, with the path of each problem.
   */
  constructor(options: FunnelOptions) {
    this.#f = resolveFunnel(options, 'FunnelAccumulator');
    this.#agg = newAggregate(this.#f.n);
  }

  /**
   * Reads a {@link FunnelAccumulator.snapshot} back.
   *
   * @param snapshot - A snapshot, e.g. parsed from JSON.
   * @returns An accumulator with that state, ready to take more interactions.
   * @throws {@link @cx/model!CxValidationError} (`invalid_snapshot`) when the snapshot is malformed, of another kind
   * or version, has options a funnel rejects, or a state that does not fit them.
   */
  static restore(snapshot: unknown): FunnelAccumulator {
    return restoreSnapshot(
      snapshot,
      {
        kind: 'funnel',
        version: 1,
        subject: 'FunnelAccumulator',
        options: funnelOptionsSchema,
        state: funnelStateSchema,
      },
      (options, state) => {
        const acc = new FunnelAccumulator(options);
        const f = acc.#f;
        const problems = checkState(state, f.n, f.timeOrdered);
        if (problems.length > 0) {
          throw new CxValidationError(
            problems.map((p) => ({
              path: ['state', ...p.path],
              message: p.message,
              code: 'invalid_snapshot',
            })),
            { subject: 'FunnelAccumulator snapshot' },
          );
        }
        for (const v of state.values) acc.#intern(v);
        for (const b of state.events) {
          acc.#buffers.set(b.actor, {
            t: [...b.t],
            mask: [...b.steps],
            excl: [...b.exclusions],
            seg: [...b.value],
            id: [...b.id],
          });
        }
        for (const a of state.actors) acc.#states.set(a.actor, actorStateOf(a));
        acc.#agg = aggregateOf(state.tally);
        acc.#added = state.added;
        return acc;
      },
    );
  }

  readonly #segName = (code: number): string | null => (code < 0 ? null : (this.#segNames[code] as string));

  #intern(value: string | null): number {
    if (value === null) return -1;
    let code = this.#segCodes.get(value);
    if (code === undefined) {
      code = this.#segNames.length;
      this.#segCodes.set(value, code);
      this.#segNames.push(value);
    }
    return code;
  }

  /**
   * Adds one interaction. The interaction is checked first; nothing changes when it is rejected.
   *
   * @param interaction - An interaction (parsed form).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the interaction has no actor or its timestamp is not an instant
   * (`2024-02-30T00:00:00Z` is not), or, with `inputOrder: 'time-ordered'`, when it is earlier than the actor's
   * previous one (`out_of_order`).
   */
  add(interaction: Interaction): this {
    const f = this.#f;
    const { actorId, t } = eventTime(interaction, this.#added);
    let mask = 0;
    for (let k = 0; k < f.n; k++)
      if ((f.steps[k] as (i: Interaction) => boolean)(interaction)) mask |= 1 << k;
    let excl = 0;
    const exclusions = f.exclusions;
    for (let j = 0; j < exclusions.length; j++) {
      if ((exclusions[j] as (i: Interaction) => boolean)(interaction)) excl |= f.exclusionSteps[j] as number;
    }
    const relevant = mask !== 0 || excl !== 0 || f.order === 'strict';
    const value = relevant && f.breakdownValue !== undefined ? f.breakdownValue(interaction) : null;
    return this.#addCoded(actorId, t, mask, excl, value, interaction.id);
  }

  /**
   * Adds one event already matched against the steps and exclusions elsewhere (for instance by a database), in
   * time order per actor (`inputOrder: 'time-ordered'` only): the same as {@link FunnelAccumulator.add} of an
   * interaction with these matches, without building it.
   *
   * @param actorId - The actor (customer or anonymous id).
   * @param t - The event's instant, epoch ms.
   * @param steps - Bit k set when the event matches step k.
   * @param exclusions - Bit j set when the event matches exclusion j.
   * @param segment - The event's breakdown value (`String` of the field or property), `null` without one.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} without `inputOrder: 'time-ordered'`, and when `t` is earlier than
   * the actor's previous event (`out_of_order`).
   */
  addMatched(actorId: string, t: number, steps: number, exclusions: number, segment: string | null): this {
    const f = this.#f;
    if (!f.timeOrdered) {
      throw new CxValidationError([
        {
          path: ['inputOrder'],
          message: "addMatched needs inputOrder: 'time-ordered'",
          code: 'invalid_option',
        },
      ]);
    }
    let excl = 0;
    for (let j = 0; j < f.exclusions.length; j++)
      if (((exclusions >>> j) & 1) === 1) excl |= f.exclusionSteps[j] as number;
    const mask = steps & ((1 << f.n) - 1);
    const relevant = mask !== 0 || excl !== 0 || f.order === 'strict';
    return this.#addCoded(
      actorId,
      t,
      mask,
      excl,
      relevant && f.breakdownValue !== undefined ? segment : null,
      String(this.#added),
    );
  }

  #addCoded(actorId: string, t: number, mask: number, excl: number, value: string | null, id: string): this {
    const index = this.#added;
    const f = this.#f;
    const relevant = mask !== 0 || excl !== 0 || f.order === 'strict';
    if (f.timeOrdered) {
      const s = this.#states.get(actorId);
      if (s !== undefined && t < s.lastT) {
        throw new CxValidationError([
          {
            path: [index, 'timestamp'],
            message: `Interaction ${JSON.stringify(id)} of actor ${JSON.stringify(actorId)} is earlier than the actor's previous one; pass inputOrder: 'any' for unordered input`,
            code: 'out_of_order',
          },
        ]);
      }
      this.#added++;
      const state = s ?? newActorState();
      if (s === undefined) this.#states.set(actorId, state);
      state.lastT = t;
      if (relevant && !actorSettled(f, state))
        feed(f, state, t, mask, excl, this.#intern(value), this.#agg, this.#segName);
      return this;
    }
    this.#added++;
    if (!relevant) return this;
    let b = this.#buffers.get(actorId);
    if (b === undefined) this.#buffers.set(actorId, (b = newBuffer()));
    b.t.push(t);
    b.mask.push(mask);
    b.excl.push(excl);
    b.seg.push(this.#intern(value));
    b.id.push(id);
    return this;
  }

  /**
   * Adds many interactions, one at a time (those before a rejected one stay added).
   *
   * @param interactions - Any iterable of interactions.
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} as {@link FunnelAccumulator.add}.
   */
  addAll(interactions: Iterable<Interaction>): this {
    for (const interaction of interactions) this.add(interaction);
    return this;
  }

  /**
   * Merges another accumulator built with the same options into this one. Everything is checked first; nothing
   * changes when the merge is refused.
   *
   * @param other - A partial accumulator (left unchanged; it may be this one).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxOptionsError} (`options_mismatch`) when the options differ.
   * @throws {@link @cx/model!CxValidationError} (`merge_overlap`) when time-ordered partials share an actor.
   */
  merge(other: FunnelAccumulator): this {
    if (!(other instanceof FunnelAccumulator)) {
      throw new CxValidationError([
        { path: [], code: 'invalid_type', message: 'Expected a FunnelAccumulator to merge' },
      ]);
    }
    assertSameOptions('FunnelAccumulator', this.#f.options, other.#f.options);
    for (const actorId of other.#states.keys()) {
      if (this.#states.has(actorId)) {
        throw new CxValidationError([
          {
            path: ['actors', actorId],
            message: `Time-ordered partial funnels must cover disjoint actors; both saw ${JSON.stringify(actorId)}`,
            code: 'merge_overlap',
          },
        ]);
      }
    }
    const remap = (code: number) => (code < 0 ? code : this.#intern(other.#segNames[code] as string));
    // Copies first, so that merging an accumulator into itself adds its events once.
    const buffers = [...other.#buffers].map(
      ([actorId, b]) => [actorId, { ...b, seg: b.seg.slice() }] as const,
    );
    const length = new Map(buffers.map(([actorId, b]) => [actorId, b.t.length]));
    const agg = cloneAggregate(other.#agg, this.#f.n);
    for (const [actorId, ob] of buffers) {
      let b = this.#buffers.get(actorId);
      if (b === undefined) this.#buffers.set(actorId, (b = newBuffer()));
      const m = length.get(actorId) as number;
      for (let i = 0; i < m; i++) {
        b.t.push(ob.t[i] as number);
        b.mask.push(ob.mask[i] as number);
        b.excl.push(ob.excl[i] as number);
        b.seg.push(remap(ob.seg[i] as number));
        b.id.push(ob.id[i] as string);
      }
    }
    for (const [actorId, os] of other.#states) {
      const state = actorStateOf(actorState(actorId, os));
      const a = state.active;
      if (a !== null) {
        a.firstSeg = remap(a.firstSeg);
        a.lastSeg = remap(a.lastSeg);
        if (a.stepSeg !== null)
          for (let k = 0; k < a.stepSeg.length; k++) a.stepSeg[k] = remap(a.stepSeg[k] as number);
      }
      this.#states.set(actorId, state);
    }
    mergeAggregate(this.#agg, agg, this.#f.n);
    this.#added += other === this ? this.#added : other.#added;
    return this;
  }

  /**
   * Ends every actor seen so far (`inputOrder: 'time-ordered'` only): closes their open attempts into the
   * result and forgets their state, so input grouped by actor (e.g. a database cursor ordered by actor and time)
   * is processed with the memory of one actor. An event of a flushed actor after this is counted as a new actor.
   *
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} without `inputOrder: 'time-ordered'`.
   */
  flushActors(): this {
    if (!this.#f.timeOrdered) {
      throw new CxValidationError([
        {
          path: ['inputOrder'],
          message: "flushActors needs inputOrder: 'time-ordered' (input grouped by actor)",
          code: 'invalid_option',
        },
      ]);
    }
    for (const s of this.#states.values()) endActor(this.#f, s, this.#agg, this.#segName, true);
    this.#states.clear();
    return this;
  }

  /**
   * Computes the funnel over everything added so far (the accumulator stays usable).
   *
   * @returns The funnel result.
   */
  result(): FunnelResult {
    const f = this.#f;
    const agg = cloneAggregate(this.#agg, f.n);
    for (const s of this.#states.values()) endActor(f, s, agg, this.#segName, false);
    for (const b of this.#buffers.values()) {
      const order = Array.from(b.t.keys()).sort(
        (x, y) =>
          (b.t[x] as number) - (b.t[y] as number) ||
          ((b.id[x] as string) < (b.id[y] as string)
            ? -1
            : (b.id[x] as string) > (b.id[y] as string)
              ? 1
              : 0) ||
          (b.mask[x] as number) - (b.mask[y] as number) ||
          (b.excl[x] as number) - (b.excl[y] as number) ||
          compare(this.#segName(b.seg[x] as number), this.#segName(b.seg[y] as number)),
      );
      const s = newActorState();
      for (const i of order) {
        feed(
          f,
          s,
          b.t[i] as number,
          b.mask[i] as number,
          b.excl[i] as number,
          b.seg[i] as number,
          agg,
          this.#segName,
        );
        if (actorSettled(f, s)) break;
      }
      endActor(f, s, agg, this.#segName, true);
    }
    return funnelResultOf(f, agg);
  }

  /**
   * The state as plain JSON, with the options (defaults applied) it was created with.
   *
   * @returns The snapshot; {@link FunnelAccumulator.restore} reads it back.
   */
  snapshot(): FunnelSnapshot {
    const state: FunnelSnapshotState = {
      added: this.#added,
      values: [...this.#segNames],
      events: [...this.#buffers].map(([actor, b]) => ({
        actor,
        t: [...b.t],
        steps: [...b.mask],
        exclusions: [...b.excl],
        value: [...b.seg],
        id: [...b.id],
      })),
      actors: [...this.#states].map(([actor, s]) => actorState(actor, s)),
      tally: {
        excluded: this.#agg.excluded,
        overall: tallyState(this.#agg.overall),
        byValue: [...this.#agg.segments].map(([value, t]) => [value, tallyState(t)] as const),
      },
    };
    return { kind: 'funnel', version: 1, options: structuredClone(this.#f.options), state };
  }
}
