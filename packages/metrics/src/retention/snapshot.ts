import type { AccumulatorSnapshot, IssuePath } from '@cx/model';
import { CxValidationError, issuesFromZod } from '@cx/model';
import { z } from 'zod';
import type { CohortRetentionOptions } from './options.js';
import type { RetentionState } from './stream-state.js';

/**
 * The JSON state of a {@link CohortRetentionAccumulator}: its options (defaults filled in) and, per actor with events, the time of its
 * last event, its start time (or `dropped`) and its return counts per column; property sums per cohort.
 *
 * @example
 * ```ts
 * import { CohortRetentionAccumulator, type CohortRetentionSnapshot } from '@cx/metrics';
 * const snapshot: CohortRetentionSnapshot = new CohortRetentionAccumulator({ interval: 'week' }).snapshot();
 * console.log(snapshot.kind, snapshot.state.actors.length); // 'cohort-retention' 0
 * ```
 * @category Retention
 * @since 0.2.0
 */
export type CohortRetentionSnapshot = AccumulatorSnapshot<
  'cohort-retention',
  CohortRetentionOptions,
  {
    /** Per actor with at least one event. */
    readonly actors: ReadonlyArray<{
      readonly id: string;
      readonly last: number;
      readonly start?: number;
      readonly dropped?: true;
      readonly counts?: readonly number[];
    }>;
    /** Property sums per cohort (the calendar's period number) and column. */
    readonly sums: ReadonlyArray<{ readonly cohort: number; readonly values: readonly number[] }>;
    /** The latest event time, or `null`. */
    readonly maxTime: number | null;
    /** Interactions added with `add` (the index the next one is named by in errors). */
    readonly added: number;
  }
>;

const finite = z.number().refine(Number.isFinite, { error: 'Expected a finite number' });

const snapshotSchema = z.strictObject({
  kind: z.literal('cohort-retention'),
  version: z.literal(1),
  options: z.record(z.string(), z.unknown()),
  state: z.strictObject({
    actors: z.array(
      z.strictObject({
        id: z.string().min(1),
        last: finite,
        start: finite.optional(),
        dropped: z.literal(true).optional(),
        counts: z.array(z.number().int().min(0).max(65_535)).optional(),
      }),
    ),
    sums: z.array(z.strictObject({ cohort: z.number().int(), values: z.array(finite) })),
    maxTime: finite.nullable(),
    added: z.number().int().min(0),
  }),
});

/** The checked parts of a snapshot (internal). */
export type RetentionSnapshotParts = z.output<typeof snapshotSchema>;

/** An `invalid_snapshot` error at `path` (internal). */
export function invalidSnapshot(path: IssuePath, message: string, cause?: unknown): CxValidationError {
  return new CxValidationError([{ path, message, code: 'invalid_snapshot' }], {
    subject: 'CohortRetentionAccumulator snapshot',
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Reads a snapshot's shape, or throws `invalid_snapshot` issues with their paths (internal). */
export function readSnapshot(snapshot: unknown): RetentionSnapshotParts {
  const parsed = snapshotSchema.safeParse(snapshot);
  if (parsed.success) return parsed.data;
  throw new CxValidationError(
    issuesFromZod(parsed.error.issues).map((issue) => ({ ...issue, code: 'invalid_snapshot' as const })),
    { subject: 'CohortRetentionAccumulator snapshot' },
  );
}

/** The snapshot of a state (internal). */
export function writeSnapshot(state: RetentionState, added: number): CohortRetentionSnapshot {
  const { actors } = state;
  const columns = state.plan.columns.length;
  const list: Array<CohortRetentionSnapshot['state']['actors'][number]> = [];
  for (let s = 0; s < actors.size; s++) {
    if (!actors.seen(s)) continue;
    const t0 = actors.t0[s] as number;
    const id = actors.ids[s] as string;
    const last = actors.last[s] as number;
    if (Number.isNaN(t0)) list.push({ id, last });
    else if (t0 === Number.NEGATIVE_INFINITY) list.push({ id, last, dropped: true });
    else {
      const counts = Array.from(actors.counts.subarray(s * columns, (s + 1) * columns));
      list.push({ id, last, start: t0, counts });
    }
  }
  return {
    kind: 'cohort-retention',
    version: 1,
    // The options with their defaults filled in (plain JSON: what a merge compares).
    options: state.plan.options as CohortRetentionOptions,
    state: {
      actors: list,
      sums: [...state.sums].map(([cohort, row]) => ({ cohort, values: Array.from(row) })),
      maxTime: state.maxTime === Number.NEGATIVE_INFINITY ? null : state.maxTime,
      added,
    },
  };
}

/** Loads the actors and sums of a snapshot into an empty state with its options (internal). */
export function loadSnapshot(state: RetentionState, parts: RetentionSnapshotParts): void {
  const columns = state.plan.columns.length;
  const { actors } = state;
  for (const [k, a] of parts.state.actors.entries()) {
    const at = ['state', 'actors', k];
    if (actors.find(a.id) !== -1) throw invalidSnapshot([...at, 'id'], 'Duplicate actor id');
    if (
      (a.start === undefined) !== (a.counts === undefined) ||
      (a.start !== undefined && a.dropped === true)
    ) {
      throw invalidSnapshot(at, 'Expected an actor with start and counts, dropped, or neither');
    }
    if (a.counts !== undefined && a.counts.length !== columns) {
      throw invalidSnapshot([...at, 'counts'], `Expected ${columns} counts`);
    }
    if (a.start !== undefined && a.start > a.last)
      throw invalidSnapshot([...at, 'start'], 'Expected start ≤ last');
    const slot = actors.slotOf(a.id);
    actors.last[slot] = a.last;
    if (a.dropped === true) actors.t0[slot] = Number.NEGATIVE_INFINITY;
    else if (a.start !== undefined) {
      state.start(slot, a.start);
      actors.counts.set(a.counts ?? [], slot * columns);
    }
  }
  for (const [k, { cohort, values }] of parts.state.sums.entries()) {
    if (values.length !== columns)
      throw invalidSnapshot(['state', 'sums', k, 'values'], `Expected ${columns} sums`);
    state.sumsOf(cohort).set(values);
  }
  state.maxTime = parts.state.maxTime ?? Number.NEGATIVE_INFINITY;
}
