/**
 * The dedup set of a sync: keys already delivered, with their record times, pruned to what later reads can
 * still repeat.
 *
 * Two parts: keys of ordinary records, kept while their time is within the lookback window of the cursor; and
 * keys of records whose source promises not to repeat them within the run (`uniqueInRun`, e.g. an unordered
 * file), kept only while their time is within the lookback window of the newest such record — all the next run
 * can re-read, since its cursor will be at least that newest time. So an unordered file of any length leaves a
 * set no larger than the records sharing its last lookback window.
 *
 * @internal
 */
export class SeenWindow {
  readonly #lookbackMs: number;
  readonly #untilMs: number;
  readonly #keys: Map<string, number>;
  readonly #unique = new Map<string, number>();
  #uniqueHigh = Number.NEGATIVE_INFINITY;

  /**
   * @param lookbackMs - The run's lookback window.
   * @param untilMs - The run's upper bound (start − lag): the cursor never passes it, so neither may the
   *   pruning of keys that the next run can re-read.
   * @param prior - Keys of the state the run resumes from.
   */
  constructor(lookbackMs: number, untilMs: number, prior: ReadonlyArray<readonly [string, number]> = []) {
    this.#lookbackMs = lookbackMs;
    this.#untilMs = untilMs;
    this.#keys = new Map(prior);
  }

  has(key: string): boolean {
    return this.#keys.has(key) || this.#unique.has(key);
  }

  add(key: string, timeMs: number, uniqueInRun: boolean): void {
    if (!uniqueInRun) {
      this.#keys.set(key, timeMs);
      return;
    }
    if (timeMs > this.#uniqueHigh) this.#uniqueHigh = timeMs;
    if (timeMs >= this.#uniqueThreshold()) this.#unique.set(key, timeMs);
  }

  /** Drops keys no later read can repeat, given the committed cursor time. */
  prune(cursorMs: number | null): void {
    if (cursorMs !== null) {
      const threshold = cursorMs - this.#lookbackMs;
      for (const [key, t] of this.#keys) if (t < threshold) this.#keys.delete(key);
    }
    const top = this.#uniqueThreshold();
    for (const [key, t] of this.#unique) if (t < top) this.#unique.delete(key);
  }

  /** Unique-in-run keys older than this cannot be re-read by a later run (its cursor is at least this far). */
  #uniqueThreshold(): number {
    return Math.min(this.#uniqueHigh, this.#untilMs) - this.#lookbackMs;
  }

  get size(): number {
    return this.#keys.size + this.#unique.size;
  }

  entries(): Array<[string, number]> {
    return [...this.#keys, ...this.#unique];
  }
}
