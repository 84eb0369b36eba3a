import type { AccumulatorSnapshot } from '@cx/model';
import { z } from 'zod';
import type { ActorState, FunnelAggregate, Tally } from './funnel-kernel.js';
import type { FunnelOptions } from './funnel-options.js';

/**
 * The per-step counts and conversion times of one group of attempts, as JSON.
 *
 * @example
 * ```ts
 * import type { FunnelTallyState } from '@cx/metrics';
 * const tally: FunnelTallyState = { counts: [2, 1], fromPrevious: [[], [60000]], fromStart: [[], [60000]] };
 * console.log(tally.counts); // [2, 1]
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export interface FunnelTallyState {
  /** Attempts (or actors) that reached each step. */
  readonly counts: readonly number[];
  /** Per step, the times from the previous step (ms). */
  readonly fromPrevious: readonly (readonly number[])[];
  /** Per step, the times from the first step (ms). */
  readonly fromStart: readonly (readonly number[])[];
}

/**
 * The state of a {@link FunnelAccumulator} as JSON: the buffered events of `inputOrder: 'any'`, or the per-actor
 * funnel state and counts of `inputOrder: 'time-ordered'`. Step and exclusion words are bit masks over the funnel's
 * steps; breakdown values are codes into `values` (−1 = none).
 *
 * @example
 * ```ts
 * import { FunnelAccumulator, type FunnelSnapshotState } from '@cx/metrics';
 * const state: FunnelSnapshotState = new FunnelAccumulator({ steps: [{ name: 'view' }] }).snapshot().state;
 * console.log(state.added, state.events); // 0 []
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export interface FunnelSnapshotState {
  /** Interactions added so far (positions in error paths continue from here). */
  readonly added: number;
  /** Breakdown values by code. */
  readonly values: readonly string[];
  /** `inputOrder: 'any'`: per actor, the relevant events as columns. */
  readonly events: readonly {
    readonly actor: string;
    /** Epoch milliseconds. */
    readonly t: readonly number[];
    /** Steps each event matches (bit k = step k). */
    readonly steps: readonly number[];
    /** Exclusion word of each event (bit r = excludes an attempt that completed r steps). */
    readonly exclusions: readonly number[];
    /** Breakdown value code of each event. */
    readonly value: readonly number[];
    /** Interaction id of each event (the tie-break of equal times). */
    readonly id: readonly string[];
  }[];
  /** `inputOrder: 'time-ordered'`: per actor, the funnel state. */
  readonly actors: readonly {
    readonly actor: string;
    /** Time of the actor's latest interaction. */
    readonly lastT: number;
    /** The open attempt, if any. */
    readonly active: {
      readonly reached: number;
      readonly times: readonly number[];
      readonly done: number;
      readonly firstValue: number;
      readonly lastValue: number;
      readonly stepValues: readonly number[] | null;
    } | null;
    /** Whether the actor has been counted (uniques). */
    readonly counted: boolean;
    /** Whether an attempt of the actor was removed by an exclusion. */
    readonly removed: boolean;
    /** Breakdown values the actor has been counted under (uniques). */
    readonly countedValues: readonly (string | null)[] | null;
  }[];
  /** `inputOrder: 'time-ordered'`: what finished attempts added. */
  readonly tally: {
    readonly excluded: number;
    readonly overall: FunnelTallyState;
    readonly byValue: readonly (readonly [value: string | null, tally: FunnelTallyState])[];
  };
}

/**
 * The JSON snapshot of a {@link FunnelAccumulator}; {@link FunnelAccumulator.restore} reads it back.
 *
 * @example
 * ```ts
 * import { FunnelAccumulator, type FunnelSnapshot } from '@cx/metrics';
 * const snapshot: FunnelSnapshot = new FunnelAccumulator({ steps: [{ name: 'view' }] }).snapshot();
 * console.log(snapshot.kind, snapshot.options.window); // 'funnel' { days: 14 }
 * ```
 * @category Journey analytics
 * @since 0.2.0
 */
export type FunnelSnapshot = AccumulatorSnapshot<'funnel', FunnelOptions, FunnelSnapshotState>;

const count = z.number().int().min(0);
const code = z.number().int().min(-1);
const word = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const time = z.number().int().min(-62_167_219_200_000).max(253_402_300_799_999);
const duration = z.number().min(0);
const tallySchema = z.strictObject({
  counts: z.array(count),
  fromPrevious: z.array(z.array(duration)),
  fromStart: z.array(z.array(duration)),
});

/** The structure of {@link FunnelSnapshotState} (internal); the invariants are checked by `checkState`. */
export const funnelStateSchema = z.strictObject({
  added: count,
  values: z.array(z.string()),
  events: z.array(
    z.strictObject({
      actor: z.string().min(1),
      t: z.array(time),
      steps: z.array(word),
      exclusions: z.array(word),
      value: z.array(code),
      id: z.array(z.string()),
    }),
  ),
  actors: z.array(
    z.strictObject({
      actor: z.string().min(1),
      lastT: time,
      active: z
        .strictObject({
          reached: z.number().int().min(1),
          times: z.array(time),
          done: word,
          firstValue: code,
          lastValue: code,
          stepValues: z.array(code).nullable(),
        })
        .nullable(),
      counted: z.boolean(),
      removed: z.boolean(),
      countedValues: z.array(z.string().nullable()).nullable(),
    }),
  ),
  tally: z.strictObject({
    excluded: count,
    overall: tallySchema,
    byValue: z.array(z.tuple([z.string().nullable(), tallySchema])),
  }),
});

/** A parsed state (internal). */
export type ParsedFunnelState = z.output<typeof funnelStateSchema>;

/** One problem of a state: path and message (internal). */
export interface StateProblem {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

function checkTally(tally: z.output<typeof tallySchema>, n: number, path: ReadonlyArray<string | number>) {
  const problems: StateProblem[] = [];
  for (const key of ['counts', 'fromPrevious', 'fromStart'] as const) {
    if (tally[key].length !== n)
      problems.push({ path: [...path, key], message: `Expected ${n} entries, one per step` });
  }
  return problems;
}

/**
 * Checks the invariants a parsed state must meet for a funnel of `n` steps (internal): words below 2ⁿ, value codes
 * inside `values`, columns of equal length, actors listed once, one mode's fields only.
 *
 * @returns The problems found (empty when the state is consistent).
 */
export function checkState(state: ParsedFunnelState, n: number, timeOrdered: boolean): StateProblem[] {
  const problems: StateProblem[] = [];
  const limit = 2 ** n;
  const values = state.values.length;
  const badCode = (c: number) => c >= values;
  const seen = new Set<string>();
  if (new Set(state.values).size !== values)
    problems.push({ path: ['values'], message: 'Expected distinct breakdown values' });
  if (timeOrdered && state.events.length > 0)
    problems.push({ path: ['events'], message: 'A time-ordered funnel buffers no events' });
  if (!timeOrdered && state.actors.length > 0)
    problems.push({ path: ['actors'], message: 'A funnel over input in any order keeps no actor state' });
  state.events.forEach((b, i) => {
    if (seen.has(b.actor)) problems.push({ path: ['events', i, 'actor'], message: 'Actor listed twice' });
    seen.add(b.actor);
    const m = b.t.length;
    for (const key of ['steps', 'exclusions', 'value', 'id'] as const) {
      if (b[key].length !== m)
        problems.push({ path: ['events', i, key], message: `Expected ${m} entries, one per event` });
    }
    if (b.steps.some((w) => w >= limit) || b.exclusions.some((w) => w >= limit))
      problems.push({ path: ['events', i], message: `Expected step words below 2^${n}` });
    if (b.value.some(badCode))
      problems.push({ path: ['events', i, 'value'], message: 'Expected codes of listed values' });
  });
  state.actors.forEach((a, i) => {
    if (seen.has(a.actor)) problems.push({ path: ['actors', i, 'actor'], message: 'Actor listed twice' });
    seen.add(a.actor);
    const x = a.active;
    if (x === null) return;
    const ok =
      x.reached < n &&
      x.times.length === n &&
      x.done < limit &&
      !badCode(x.firstValue) &&
      !badCode(x.lastValue) &&
      (x.stepValues === null || (x.stepValues.length === n && !x.stepValues.some(badCode)));
    if (!ok)
      problems.push({
        path: ['actors', i, 'active'],
        message: `Expected an open attempt of a ${n}-step funnel`,
      });
  });
  problems.push(...checkTally(state.tally.overall, n, ['tally', 'overall']));
  state.tally.byValue.forEach(([, tally], i) => {
    problems.push(...checkTally(tally, n, ['tally', 'byValue', i, 1]));
  });
  return problems;
}

/** A tally as JSON (internal). */
export const tallyState = (t: Tally): FunnelTallyState => ({
  counts: [...t.counts],
  fromPrevious: t.fromPrevious.map((v) => [...v]),
  fromStart: t.fromStart.map((v) => [...v]),
});

/** A tally from JSON (internal). */
export const tallyOf = (t: FunnelTallyState): Tally => ({
  counts: [...t.counts],
  fromPrevious: t.fromPrevious.map((v) => [...v]),
  fromStart: t.fromStart.map((v) => [...v]),
});

/** The aggregate from JSON (internal). */
export function aggregateOf(tally: FunnelSnapshotState['tally']): FunnelAggregate {
  return {
    overall: tallyOf(tally.overall),
    segments: new Map(tally.byValue.map(([value, t]) => [value, tallyOf(t)])),
    excluded: tally.excluded,
  };
}

/** An actor's funnel state as JSON (internal). */
export function actorState(actor: string, s: ActorState): FunnelSnapshotState['actors'][number] {
  const a = s.active;
  return {
    actor,
    lastT: s.lastT,
    active:
      a === null
        ? null
        : {
            reached: a.reached,
            times: [...a.times],
            done: a.done,
            firstValue: a.firstSeg,
            lastValue: a.lastSeg,
            stepValues: a.stepSeg === null ? null : [...a.stepSeg],
          },
    counted: s.overallDone,
    removed: s.hadRemoved,
    countedValues: s.usedSegs === null ? null : [...s.usedSegs],
  };
}

/** An actor's funnel state from JSON (internal). */
export function actorStateOf(a: FunnelSnapshotState['actors'][number]): ActorState {
  const x = a.active;
  return {
    lastT: a.lastT,
    active:
      x === null
        ? null
        : {
            reached: x.reached,
            times: Float64Array.from(x.times),
            done: x.done,
            firstSeg: x.firstValue,
            lastSeg: x.lastValue,
            stepSeg: x.stepValues === null ? null : Int32Array.from(x.stepValues),
          },
    overallDone: a.counted,
    hadRemoved: a.removed,
    usedSegs: a.countedValues === null ? null : new Set(a.countedValues),
    recycle: false,
    spare: null,
  };
}
