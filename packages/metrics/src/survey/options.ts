import { z } from 'zod';

/**
 * Groups or buckets with fewer responses than `minN` are flagged `smallSample`: a whole number ≥ 0, default 30.
 */
export const minNOption = z
  .number()
  .int({ error: 'Expected a whole number of responses' })
  .min(0, { error: 'Expected minN ≥ 0' })
  .max(Number.MAX_SAFE_INTEGER)
  .default(30);

/** Renamed option keys of the survey functions, for the messages of `parseOptions`. */
export const RENAMED_LEVEL = { confidence: 'level' } as const;
