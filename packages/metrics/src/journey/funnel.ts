import { CxValidationError, type Interaction } from '@cx/model';
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
import type { FunnelOptions } from './funnel-options.js';
import { type ResolvedFunnel, resolveFunnel } from './funnel-resolve.js';
import { type FunnelResult, funnelResultOf } from './funnel-result.js';
import { allInteractions, eventTime, type InteractionSource, type JourneyEvents } from './source.js';

/** Buffered events of one actor (internal). */
interface ActorBuffer {
  t: number[];
  mask: number[];
  excl: number[];
  seg: number[];
  id: string[];
}

/**
 * Incremental, mergeable funnel computation: `add` interactions (or whole chunks), `merge` partial
 * accumulators built with the same options, then read `result()` at any time.
 *
 * With `inputOrder: 'any'` (default) events are buffered compactly per actor and sorted at `result()`, so the
 * result does not depend on input order or on how the input was split; partial accumulators over any split
 * merge exactly. With `inputOrder: 'time-ordered'` only per-actor funnel state is kept; partial accumulators
 * must then cover disjoint actors.
 *
 * @example
 * ```ts
 * import { FunnelAccumulator } from '@cx/metrics';
 * const e = (id: string, name: string, t: string) => ({ id, customerId: 'c1', timestamp: t, name, channel: 'web' as const, properties: {} });
 * const acc = new FunnelAccumulator({ steps: [{ name: 'view' }, { name: 'buy' }] });
 * acc.add(e('2', 'buy', '2026-01-01T10:05:00Z')).add(e('1', 'view', '2026-01-01T10:00:00Z'));
 * console.log(acc.result().converted); // 1
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export class FunnelAccumulator {
  readonly #f: ResolvedFunnel;
  readonly #key: string;
  readonly #segCodes = new Map<string, number>();
  readonly #segNames: string[] = [];
  readonly #buffers = new Map<string, ActorBuffer>();
  readonly #states = new Map<string, ActorState>();
  readonly #agg: FunnelAggregate;
  #index = 0;

  /**
   * Creates an accumulator.
   *
   * @param options - The funnel definition; see {@link FunnelOptions}.
   * @throws {@link @cx/model!CxValidationError} for an empty step list, an unknown predicate field, a negative
   * window or any other invalid option, with the path of each problem.
   */
  constructor(options: FunnelOptions) {
    this.#f = resolveFunnel(options);
    this.#key = JSON.stringify(options);
    this.#agg = newAggregate(this.#f.n);
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
   * Adds one interaction.
   *
   * @param interaction - An interaction (parsed form).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the interaction has no actor or timestamp, or, with
   * `inputOrder: 'time-ordered'`, when it is earlier than the actor's previous one.
   */
  add(interaction: Interaction): this {
    const index = this.#index++;
    const f = this.#f;
    const { actorId, t } = eventTime(interaction, index);
    let mask = 0;
    for (let k = 0; k < f.n; k++)
      if ((f.steps[k] as (i: Interaction) => boolean)(interaction)) mask |= 1 << k;
    let excl = 0;
    for (let j = 0; j < f.exclusions.length; j++) {
      if ((f.exclusions[j] as (i: Interaction) => boolean)(interaction)) excl |= 1 << j;
    }
    if (mask === 0 && excl === 0 && f.order !== 'strict') return this;
    const seg = f.breakdownValue === undefined ? -1 : this.#intern(f.breakdownValue(interaction));
    if (f.timeOrdered) {
      let s = this.#states.get(actorId);
      if (s === undefined) this.#states.set(actorId, (s = newActorState()));
      if (t < s.lastT) {
        throw new CxValidationError([
          {
            path: [index, 'timestamp'],
            message: `Interaction ${JSON.stringify(interaction.id)} of actor ${JSON.stringify(actorId)} is earlier than the actor's previous one; pass inputOrder: 'any' for unordered input`,
            code: 'out_of_order',
          },
        ]);
      }
      if (!actorSettled(f, s)) feed(f, s, t, mask, excl, seg, this.#agg, this.#segName);
      return this;
    }
    let b = this.#buffers.get(actorId);
    if (b === undefined) this.#buffers.set(actorId, (b = { t: [], mask: [], excl: [], seg: [], id: [] }));
    b.t.push(t);
    b.mask.push(mask);
    b.excl.push(excl);
    b.seg.push(seg);
    b.id.push(interaction.id);
    return this;
  }

  /**
   * Adds many interactions.
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
   * Merges another accumulator built with the same options into this one.
   *
   * @param other - A partial accumulator (left unchanged).
   * @returns This accumulator.
   * @throws {@link @cx/model!CxValidationError} when the options differ, or when time-ordered partials share an actor.
   */
  merge(other: FunnelAccumulator): this {
    if (other.#key !== this.#key) {
      throw new CxValidationError([
        {
          path: [],
          message: 'Cannot merge funnel accumulators built with different options',
          code: 'merge_mismatch',
        },
      ]);
    }
    const remap = (code: number) => (code < 0 ? code : this.#intern(other.#segNames[code] as string));
    for (const [actorId, ob] of other.#buffers) {
      let b = this.#buffers.get(actorId);
      if (b === undefined) this.#buffers.set(actorId, (b = { t: [], mask: [], excl: [], seg: [], id: [] }));
      for (let i = 0; i < ob.t.length; i++) {
        b.t.push(ob.t[i] as number);
        b.mask.push(ob.mask[i] as number);
        b.excl.push(ob.excl[i] as number);
        b.seg.push(remap(ob.seg[i] as number));
        b.id.push(ob.id[i] as string);
      }
    }
    for (const [actorId, os] of other.#states) {
      if (this.#states.has(actorId)) {
        throw new CxValidationError([
          {
            path: ['actors', actorId],
            message: `Time-ordered partial funnels must cover disjoint actors; both saw ${JSON.stringify(actorId)}`,
            code: 'merge_overlap',
          },
        ]);
      }
      const a = os.active;
      const active =
        a === null
          ? null
          : {
              ...a,
              times: a.times.slice(),
              firstSeg: remap(a.firstSeg),
              lastSeg: remap(a.lastSeg),
              stepSeg: a.stepSeg?.map(remap) ?? null,
            };
      this.#states.set(actorId, {
        ...os,
        active,
        usedSegs: os.usedSegs === null ? null : new Set(os.usedSegs),
      });
    }
    mergeAggregate(this.#agg, other.#agg, this.#f.n);
    this.#index += other.#index;
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
              : x - y),
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
}

/**
 * Computes a funnel over interactions: per step count, conversion from the first and the previous step,
 * drop-off and time to convert.
 *
 * Semantics follow PostHog and Mixpanel (see docs/journey-analytics.md): the conversion window starts at an
 * attempt's first step and is not reset by a repeated first step; an attempt ends when it converts, times out,
 * is excluded or (order `strict`) is broken.
 *
 * @param interactions - Interactions in any order, or a {@link JourneyEvents} buffer.
 * @param options - Steps, window, order, counting, exclusions, breakdown; see {@link FunnelOptions}.
 * @returns The funnel result.
 * @throws {@link @cx/model!CxValidationError} for invalid options (empty steps, unknown predicate field,
 * negative window …) or interactions without actor or valid timestamp.
 * @example
 * ```ts
 * import { funnel } from '@cx/metrics';
 * const e = (id: string, customerId: string, name: string, t: string) => ({ id, customerId, timestamp: t, name, channel: 'web' as const, properties: {} });
 * const result = funnel(
 *   [e('1', 'a', 'view', '2026-01-01T10:00:00Z'), e('2', 'a', 'buy', '2026-01-02T10:00:00Z'), e('3', 'b', 'view', '2026-01-01T10:00:00Z')],
 *   { steps: [{ name: 'view' }, { name: 'buy' }], windowMs: 7 * 86_400_000 },
 * );
 * console.log(result.steps.map((s) => s.count), result.conversionRate); // [2, 1] 0.5
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export function funnel(
  interactions: Iterable<Interaction> | JourneyEvents,
  options: FunnelOptions,
): FunnelResult {
  return new FunnelAccumulator(options).addAll(allInteractions(interactions)).result();
}

/**
 * Computes a funnel over a stream of interactions (or of chunks of them); see {@link funnel}.
 *
 * With `inputOrder: 'time-ordered'` the stream is processed keeping only per-actor state.
 *
 * @param source - An async or sync iterable of interactions or arrays of interactions.
 * @param options - See {@link FunnelOptions}.
 * @returns The funnel result.
 * @throws {@link @cx/model!CxValidationError} as {@link funnel}.
 * @example
 * ```ts
 * import { funnelAsync } from '@cx/metrics';
 * async function* stream() {
 *   yield { id: '1', customerId: 'a', timestamp: '2026-01-01T10:00:00Z', name: 'view', channel: 'web' as const, properties: {} };
 * }
 * const result = await funnelAsync(stream(), { steps: [{ name: 'view' }, { name: 'buy' }] });
 * console.log(result.entered, result.converted); // 1 0
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export async function funnelAsync(source: InteractionSource, options: FunnelOptions): Promise<FunnelResult> {
  const acc = new FunnelAccumulator(options);
  for await (const item of source) {
    if (Array.isArray(item)) acc.addAll(item as readonly Interaction[]);
    else acc.add(item as Interaction);
  }
  return acc.result();
}
