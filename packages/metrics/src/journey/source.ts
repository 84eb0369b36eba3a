import { CxValidationError, type Interaction, instantIssue, instantToEpochMsOrNaN } from '@cx/model';

/**
 * A stream or collection of interactions, one at a time or in chunks.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export type InteractionSource =
  | AsyncIterable<Interaction | readonly Interaction[]>
  | Iterable<Interaction | readonly Interaction[]>;

/**
 * Actor id and epoch ms of an interaction (internal). The timestamp is read by the model's one instant grammar in
 * its record form (`2026-03-01T09:30:00Z`): `2024-02-30T00:00:00Z` and `not a time` are errors, never a guess.
 *
 * @throws {@link @cx/model!CxValidationError} naming the interaction's position.
 */
export function eventTime(interaction: Interaction, index: number): { actorId: string; t: number } {
  const actorId = interaction?.customerId ?? interaction?.anonymousId;
  if (typeof actorId !== 'string' || actorId.length === 0) {
    throw new CxValidationError([
      { path: [index, 'customerId'], message: 'Expected customerId or anonymousId', code: 'invalid_type' },
    ]);
  }
  const t = instantToEpochMsOrNaN(interaction.timestamp);
  if (Number.isNaN(t)) {
    const issue = instantIssue(interaction.timestamp, { path: [index, 'timestamp'] });
    throw new CxValidationError([
      issue ?? { path: [index, 'timestamp'], message: 'Expected a UTC instant', code: 'invalid_instant' },
    ]);
  }
  return { actorId, t };
}

/** An interaction with its parsed time (internal). */
export interface TimedInteraction {
  readonly t: number;
  readonly i: Interaction;
}

/**
 * Interactions grouped by actor, mergeable and fillable from a stream: the input of the path, stage-health and
 * omnichannel analyses. Each actor's interactions are read back in time order (ties by id), whatever the input
 * order or split, so partial buffers over any split merge exactly.
 *
 * @example
 * ```ts
 * import { JourneyEvents } from '@cx/metrics';
 * const a = new JourneyEvents().add({ id: '2', customerId: 'c1', timestamp: '2026-01-02T00:00:00Z', name: 'buy', channel: 'web', properties: {} });
 * const b = new JourneyEvents().add({ id: '1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'view', channel: 'web', properties: {} });
 * console.log([...a.merge(b).actors()][0]?.[1].map((x) => x.name)); // ['view', 'buy']
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export class JourneyEvents {
  readonly #byActor = new Map<string, TimedInteraction[]>();
  readonly #sorted = new Set<string>();
  #index = 0;

  /**
   * Collects a stream (or iterable) of interactions or chunks of them.
   *
   * @param source - The interactions.
   * @returns A filled buffer.
   * @throws {@link @cx/model!CxValidationError} for an interaction without actor or valid timestamp.
   */
  static async fromAsync(source: InteractionSource): Promise<JourneyEvents> {
    const events = new JourneyEvents();
    for await (const item of source) {
      if (Array.isArray(item)) events.addAll(item as readonly Interaction[]);
      else events.add(item as Interaction);
    }
    return events;
  }

  /**
   * Wraps an iterable (returned as is when already a `JourneyEvents`).
   *
   * @param input - Interactions or a buffer.
   * @returns A buffer.
   * @throws {@link @cx/model!CxValidationError} for an interaction without actor or valid timestamp.
   */
  static from(input: Iterable<Interaction> | JourneyEvents): JourneyEvents {
    return input instanceof JourneyEvents ? input : new JourneyEvents().addAll(input);
  }

  /**
   * Adds one interaction.
   *
   * @param interaction - The interaction.
   * @returns This buffer.
   * @throws {@link @cx/model!CxValidationError} when it has no actor or valid timestamp.
   */
  add(interaction: Interaction): this {
    const { actorId, t } = eventTime(interaction, this.#index);
    this.#index++;
    let list = this.#byActor.get(actorId);
    if (list === undefined) this.#byActor.set(actorId, (list = []));
    list.push({ t, i: interaction });
    this.#sorted.delete(actorId);
    return this;
  }

  /**
   * Adds many interactions.
   *
   * @param interactions - The interactions.
   * @returns This buffer.
   * @throws {@link @cx/model!CxValidationError} as {@link JourneyEvents.add}.
   */
  addAll(interactions: Iterable<Interaction>): this {
    for (const interaction of interactions) this.add(interaction);
    return this;
  }

  /**
   * Adds every interaction of another buffer.
   *
   * @param other - Another buffer (unchanged).
   * @returns This buffer.
   */
  merge(other: JourneyEvents): this {
    // Copies first, so that merging a buffer into itself adds its interactions once.
    const lists = [...other.#byActor].map(([actorId, list]) => [actorId, list.slice()] as const);
    const added = other.#index;
    for (const [actorId, list] of lists) {
      let mine = this.#byActor.get(actorId);
      if (mine === undefined) this.#byActor.set(actorId, (mine = []));
      for (const x of list) mine.push(x);
      this.#sorted.delete(actorId);
    }
    this.#index += added;
    return this;
  }

  /** Number of actors. */
  get size(): number {
    return this.#byActor.size;
  }

  /**
   * Each actor with their interactions in time order (ties by id), actors sorted by id.
   *
   * @returns Pairs of actor id and interactions.
   */
  *actors(): IterableIterator<[string, readonly Interaction[]]> {
    for (const [actorId, list] of this.timed()) yield [actorId, list.map((x) => x.i)];
  }

  /**
   * Like {@link JourneyEvents.actors}, with each interaction's epoch milliseconds (internal use by analyses).
   *
   * @returns Pairs of actor id and timed interactions.
   */
  *timed(): IterableIterator<[string, readonly TimedInteraction[]]> {
    const ids = [...this.#byActor.keys()].sort();
    for (const actorId of ids) {
      const list = this.#byActor.get(actorId) as TimedInteraction[];
      if (!this.#sorted.has(actorId)) {
        list.sort((a, b) => a.t - b.t || (a.i.id < b.i.id ? -1 : a.i.id > b.i.id ? 1 : 0));
        this.#sorted.add(actorId);
      }
      yield [actorId, list];
    }
  }
}

/**
 * Iterates the interactions of an iterable or of a {@link JourneyEvents} buffer (internal).
 *
 * @param input - Interactions or a buffer.
 * @returns An iterable of interactions.
 */
export function allInteractions(input: Iterable<Interaction> | JourneyEvents): Iterable<Interaction> {
  if (!(input instanceof JourneyEvents)) return input;
  return (function* () {
    for (const [, list] of input.timed()) for (const x of list) yield x.i;
  })();
}
