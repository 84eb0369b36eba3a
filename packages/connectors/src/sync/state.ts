import { instantSchema, instantToEpochMs, type JsonValue, jsonValueSchema, validate } from '@cx/model';
import { z } from 'zod';

/**
 * A position in a source's change stream: the record's modification time and its id as a tie-break.
 * Never a bare time: many records can share one time.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface CursorPosition {
  /** Modification (or event) time, a UTC instant. */
  readonly time: string;
  /** Record id, the tie-break among records with the same time. */
  readonly id: string;
}

/**
 * The resumable state of a sync: the high-water cursor, the keys already emitted inside the lookback window,
 * and optional source-specific resume data (a page token, an `after_cursor`, a tap's STATE).
 *
 * Persist it whenever the sync yields a checkpoint (together with the records before it) and pass it back as
 * `state` to continue exactly where the sync left off.
 *
 * @category Sync
 * @since 0.1.0
 */
export interface SyncState {
  /** Format version, always 1. */
  readonly version: 1;
  /** Everything at or before this position has been delivered; `null` before the first checkpoint. */
  readonly cursor: CursorPosition | null;
  /** `[key, epoch ms]` of records delivered with a time inside the lookback window (the dedup set). */
  readonly seen: ReadonlyArray<readonly [string, number]>;
  /** Source-specific resume data, e.g. `{ "afterCursor": "MTU4…" }`. */
  readonly resume?: JsonValue;
}

/**
 * Schema of a persisted {@link SyncState}, for checking state read back from disk.
 *
 * @example
 * ```ts
 * import { syncStateSchema } from '@cx/connectors';
 * console.log(syncStateSchema.safeParse({ version: 1, cursor: null, seen: [] }).success); // true
 * ```
 * @category Sync
 * @since 0.1.0
 */
export const syncStateSchema = z.strictObject({
  version: z.literal(1),
  cursor: z.strictObject({ time: instantSchema, id: z.string() }).nullable(),
  seen: z.array(z.tuple([z.string(), z.number()])),
  resume: jsonValueSchema.optional(),
});

/**
 * Parses a persisted sync state (e.g. read from a JSON file).
 *
 * @param value - Untrusted state value.
 * @returns The typed state.
 * @throws {@link @cx/model!CxValidationError} when the value is not a valid state.
 * @example
 * ```ts
 * import { parseSyncState } from '@cx/connectors';
 * const state = parseSyncState(JSON.parse('{"version":1,"cursor":{"time":"2024-06-01T00:00:00Z","id":"7"},"seen":[]}'));
 * console.log(state.cursor?.id); // '7'
 * ```
 * @category Sync
 * @since 0.1.0
 */
export function parseSyncState(value: unknown): SyncState {
  return validate(syncStateSchema, value, { subject: 'SyncState' }) as SyncState;
}

/**
 * Orders two cursor positions by time, then by id (numeric ids compare numerically).
 *
 * @param a - First position.
 * @param b - Second position.
 * @returns A negative number, zero or a positive number.
 * @example
 * ```ts
 * import { compareCursor } from '@cx/connectors';
 * console.log(compareCursor({ time: '2024-06-01T00:00:00Z', id: '9' }, { time: '2024-06-01T00:00:00Z', id: '10' }) < 0); // true
 * ```
 * @category Sync
 * @since 0.1.0
 */
export function compareCursor(a: CursorPosition, b: CursorPosition): number {
  const ta = instantToEpochMs(a.time);
  const tb = instantToEpochMs(b.time);
  if (ta !== tb) return ta - tb;
  return compareIds(a.id, b.id);
}

/**
 * Orders ids: numerically when both are unsigned integers, else by code units (what SOQL and HubSpot sort do
 * for their own id types).
 *
 * @param a - First id.
 * @param b - Second id.
 * @returns A negative number, zero or a positive number.
 * @example
 * ```ts
 * import { compareIds } from '@cx/connectors';
 * console.log(compareIds('9', '10') < 0, compareIds('b', 'a') > 0); // true true
 * ```
 * @category Sync
 * @since 0.1.0
 */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
