import { z } from 'zod';
import { fnOption, instantOption, msOption, signalOption } from '../options.js';
import { syncStateSchema } from './state.js';

const deadLetterSinkOption = z.custom<object>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { write?: unknown }).write === 'function',
  { error: 'Expected a dead-letter sink: an object with a write(letter) method' },
);

/**
 * The options of {@link sync} without `state` (those of {@link syncToSink}).
 *
 * @internal
 */
export const syncToSinkShape = {
  startAt: instantOption.optional(),
  lookbackMs: msOption.optional(),
  lagMs: msOption.optional(),
  now: fnOption.optional(),
  signal: signalOption.optional(),
  deadLetters: deadLetterSinkOption.optional(),
  onProgress: fnOption.optional(),
  onLog: fnOption.optional(),
  onRetry: fnOption.optional(),
};

/**
 * The options of {@link sync}.
 *
 * @internal
 */
export const syncOptionsSchema = z.strictObject({
  ...syncToSinkShape,
  state: syncStateSchema.nullable().optional(),
});
