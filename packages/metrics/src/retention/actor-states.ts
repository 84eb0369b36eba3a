/**
 * Per-actor state of the streaming retention accumulator, in typed arrays indexed by a slot per actor id
 * (internal): the time of the actor's last event (for the time-order check), its start time (`NaN` before its
 * start event, `-Infinity` once dropped), its cohort's period number, and per column how many return events it
 * did (saturating at the count that matters, `minimumOccurrences`). Memory grows with actors, not events.
 */
export class ActorStates {
  readonly columns: number;
  readonly cap: number;
  readonly ids: string[] = [];
  readonly #slots = new Map<string, number>();
  last = new Float64Array(0);
  t0 = new Float64Array(0);
  cohort = new Int32Array(0);
  counts = new Uint16Array(0);
  /**
   * Per actor, the instant before which its next events change nothing (the end of a period whose column is already
   * counted, `+Infinity` past the last column or once dropped, `-Infinity` = unknown). Derived, not saved: a
   * restored state starts from unknown, which only costs a lookup.
   */
  next = new Float64Array(0);

  constructor(columns: number, cap: number) {
    this.columns = columns;
    this.cap = cap;
    this.#grow(1024);
  }

  /** Number of slots. */
  get size(): number {
    return this.ids.length;
  }

  /** The slot of an actor id, or `-1`. */
  find(id: string): number {
    return this.#slots.get(id) ?? -1;
  }

  /** The slot of an actor id, created (with no events: invisible in results and snapshots) when missing. */
  slotOf(id: string): number {
    const known = this.#slots.get(id);
    if (known !== undefined) return known;
    const slot = this.ids.length;
    if (slot === this.last.length) this.#grow(slot * 2);
    this.ids.push(id);
    this.#slots.set(id, slot);
    return slot;
  }

  /** Whether the actor in `slot` has had any event. */
  seen(slot: number): boolean {
    return (this.last[slot] as number) !== Number.NEGATIVE_INFINITY;
  }

  /** Counts one return event of `slot` in column `c`. */
  countReturn(slot: number, c: number): void {
    const at = slot * this.columns + c;
    if ((this.counts[at] as number) < this.cap) this.counts[at]! += 1;
  }

  #grow(capacity: number): void {
    const last = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    last.set(this.last);
    const t0 = new Float64Array(capacity).fill(Number.NaN);
    t0.set(this.t0);
    const cohort = new Int32Array(capacity);
    cohort.set(this.cohort);
    const counts = new Uint16Array(capacity * this.columns);
    counts.set(this.counts);
    const next = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    next.set(this.next);
    this.next = next;
    this.last = last;
    this.t0 = t0;
    this.cohort = cohort;
    this.counts = counts;
  }
}
