import { CxOptionsError } from './errors/options-error.js';

/**
 * The serialisable state of an {@link Accumulator}: plain JSON that `restore` reads back, tagged with the kind of
 * accumulator, a format version and the options it was created with (so that merging restored partial results
 * checks them too).
 *
 * @typeParam Kind - The accumulator's kind, e.g. `nps`.
 * @typeParam Options - Its options, as plain JSON.
 * @typeParam State - Its sufficient statistics, as plain JSON.
 * @example
 * ```ts
 * import type { AccumulatorSnapshot } from '@cx/model';
 * const snapshot: AccumulatorSnapshot<'count', { level: number }, { n: number }> = {
 *   kind: 'count',
 *   version: 1,
 *   options: { level: 0.95 },
 *   state: { n: 3 },
 * };
 * console.log(JSON.stringify(snapshot));
 * ```
 * @category Accumulators
 * @since 0.2.0
 */
export interface AccumulatorSnapshot<Kind extends string = string, Options = unknown, State = unknown> {
  /** What accumulator wrote it. */
  readonly kind: Kind;
  /** Format version of `state`. */
  readonly version: number;
  /** The options the accumulator was created with. */
  readonly options: Options;
  /** The sufficient statistics. */
  readonly state: State;
}

/**
 * The one contract of every streaming computation in the library (`NpsAccumulator`, `SentimentAccumulator`,
 * `FunnelAccumulator`, …): feed records one at a time, merge partial results computed elsewhere (shards, days,
 * workers, an engine), read the result at any time, and save or restore the state as JSON.
 *
 * The laws, checked for every accumulator by one contract suite: merging is associative and commutative, and equal
 * to adding everything to one accumulator; `restore(snapshot())` gives the same result; merging accumulators with
 * different options throws {@link CxOptionsError} (`options_mismatch`). By convention every accumulator class also
 * has a static `restore(snapshot)` that throws `CxValidationError` (`invalid_snapshot`) for a malformed snapshot.
 *
 * @typeParam Input - One record.
 * @typeParam Result - What `result()` returns.
 * @typeParam Snapshot - What `snapshot()` returns.
 * @example
 * ```ts
 * import type { Accumulator, AccumulatorSnapshot } from '@cx/model';
 * class Count implements Accumulator<unknown, number, AccumulatorSnapshot<'count', object, number>> {
 *   n = 0;
 *   add(): this { this.n++; return this; }
 *   merge(other: Count): this { this.n += other.n; return this; }
 *   result(): number { return this.n; }
 *   snapshot(): AccumulatorSnapshot<'count', object, number> {
 *     return { kind: 'count', version: 1, options: {}, state: this.n };
 *   }
 * }
 * console.log(new Count().add(1).merge(new Count().add(2)).result()); // 2
 * ```
 * @category Accumulators
 * @since 0.2.0
 */
export interface Accumulator<Input, Result, Snapshot extends AccumulatorSnapshot = AccumulatorSnapshot> {
  /** Adds one record; throws before changing any state when the record is invalid. */
  add(input: Input): this;
  /** Adds the state of another accumulator of the same kind and options. */
  merge(other: this): this;
  /** The result of everything added and merged so far. */
  result(): Result;
  /** The state as plain JSON. */
  snapshot(): Snapshot;
}

/** Canonical JSON with sorted keys, for comparing options (internal). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Throws unless two accumulators were created with equal options (compared as canonical JSON).
 *
 * @param subject - The accumulator class, for the message (e.g. `NpsAccumulator`).
 * @param mine - The options of the accumulator being merged into.
 * @param theirs - The options of the accumulator being merged.
 * @throws {@link CxOptionsError} (`options_mismatch`) listing the first differing option.
 * @example
 * ```ts
 * import { assertSameOptions } from '@cx/model';
 * assertSameOptions('NpsAccumulator', { level: 0.95 }, { level: 0.95 }); // fine
 * try {
 *   assertSameOptions('NpsAccumulator', { level: 0.95 }, { level: 0.9 });
 * } catch (error) {
 *   console.log((error as Error).message.includes('level')); // true
 * }
 * ```
 * @category Accumulators
 * @since 0.2.0
 */
export function assertSameOptions(subject: string, mine: unknown, theirs: unknown): void {
  if (canonical(mine) === canonical(theirs)) return;
  const a = (mine ?? {}) as Record<string, unknown>;
  const b = (theirs ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differing = keys.find((k) => canonical(a[k]) !== canonical(b[k]));
  throw new CxOptionsError(subject, [
    {
      path: differing === undefined ? [] : [differing],
      code: 'options_mismatch',
      message:
        differing === undefined
          ? 'Cannot merge accumulators created with different options'
          : `Cannot merge accumulators created with different options: ${differing} is ${canonical(a[differing])} here and ${canonical(b[differing])} in the other`,
    },
  ]);
}
