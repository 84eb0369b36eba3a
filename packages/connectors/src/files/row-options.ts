import { z } from 'zod';
import { countOption, fileInputOption, msOption, rowMappingShape } from '../options.js';

/**
 * The options shared by the CSV and NDJSON sources (see {@link RowSourceOptions}).
 *
 * @internal
 */
export const rowSourceShape = {
  ...rowMappingShape,
  input: fileInputOption,
  name: z.string().min(1).optional(),
  stream: z.string().min(1).optional(),
  ordered: z.boolean().optional(),
  dedup: z.enum(['file', 'window']).optional(),
  checkpointEvery: countOption(1_000_000_000).optional(),
  lookbackMs: msOption.optional(),
};
