import { z } from 'zod';

/** The delimiter rule of every CSV reader of `@cx/metrics` (internal): one ASCII character, not a quote or line break. */
export const csvDelimiterOption = z
  .string()
  .refine((d) => d.length === 1 && d.charCodeAt(0) <= 127 && d !== '"' && d !== '\n' && d !== '\r', {
    error: 'Expected one ASCII character other than a quote or a line break',
  });

/** Bytes read at a time by the CSV readers (internal): 1 KiB to 1 GiB, a whole number. */
export const csvChunkBytesOption = z
  .number()
  .int({ error: 'Expected a whole number of bytes' })
  .min(1 << 10, { error: 'Expected at least 1,024 bytes' })
  .max(1 << 30, { error: 'Expected at most 1 GiB' });

/** Worker threads of a CSV read (internal; `@cx/ingest`'s `readColumns` bounds). */
export const csvWorkersOption = z
  .number()
  .int({ error: 'Expected a whole number of worker threads' })
  .min(0, { error: 'Expected 0 to 64 worker threads' })
  .max(64, { error: 'Expected 0 to 64 worker threads' });
