import { z } from 'zod';

/** The `workers` option of the kernels that can split their work (internal): 0 to 16 worker threads, default 0. */
export const workersOption = z
  .number({ error: 'Expected a whole number of worker threads' })
  .int({ error: 'Expected a whole number of worker threads' })
  .min(0, { error: 'Expected 0 to 16 worker threads' })
  .max(16, { error: 'Expected 0 to 16 worker threads' })
  .default(0);
