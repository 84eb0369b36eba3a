import { statSync } from 'node:fs';
import { ActorColumnsAssembler } from './actor-assembly.js';
import type { ReadInteractionCsvOptions } from './csv-stream.js';
import { checkReadInteractionCsvOptions, DEFAULT_CHUNK_BYTES, openInteractionCsv } from './csv-stream.js';
import type { InteractionColumns } from './interaction-columns.js';

/**
 * Reads an interactions CSV straight into {@link InteractionColumns} (streaming byte-level parser, typed
 * arrays, dictionary-encoded ids), grouped by actor and sorted by time per actor; rows may be in any order.
 *
 * The CSV layout is the one {@link streamInteractionCsv} reads.
 *
 * @param path - Path of the CSV file.
 * @param options - Numeric properties, column names, delimiter, duplicate handling, chunk size.
 * @returns The columns.
 * @throws {@link @cx/model!CxOptionsError} (at the call, before any reading) for an unknown option, a delimiter other
 *   than one ASCII character, `chunkBytes` outside 1 KiB–1 GiB or not whole, an unknown column field or dimension, or
 *   `workers` outside 0–64; {@link @cx/model!CxValidationError} (the promise rejects) for a header without the
 *   required columns or bad rows (paths `[dataRowIndex, column]`).
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readInteractionColumnsCsv } from '@cx/metrics';
 * const file = join(tmpdir(), 'events-columns-example.csv');
 * writeFileSync(file, 'customerId,timestamp,name,channel,properties.revenue\n' +
 *   'c1,2026-01-02T00:00:00Z,buy,web,20\nc1,2026-01-01T00:00:00Z,visit,web,\n');
 * const columns = await readInteractionColumnsCsv(file, { numeric: ['revenue'] });
 * console.log(columns.names[columns.name[0] ?? -1], columns.numeric.revenue?.[1]); // 'visit' 20
 * ```
 * @category Columnar
 * @since 0.1.0
 */
export function readInteractionColumnsCsv(
  path: string,
  options: ReadInteractionCsvOptions = {},
): Promise<InteractionColumns> {
  checkReadInteractionCsvOptions(options, 'readInteractionColumnsCsv');
  return readColumnsOf(path, options);
}

/** The read of {@link readInteractionColumnsCsv} once its options are checked (internal). */
async function readColumnsOf(path: string, options: ReadInteractionCsvOptions): Promise<InteractionColumns> {
  // Each batch is copied into the assembler before the next is asked for: its memory is reused.
  const stream = openInteractionCsv(path, options, true);
  const keys = [...new Set(options.numeric ?? [])];
  let assembler: ActorColumnsAssembler | undefined;
  for await (const batch of stream) {
    // Room for the whole file at the first batch's bytes per row (each batch is about `chunkBytes` of the file),
    // with a margin: pages of the columns beyond the rows read are never touched.
    assembler ??= new ActorColumnsAssembler(
      keys,
      1.25 *
        batch.length *
        (statSync(path).size / Math.max(1 << 10, options.chunkBytes ?? DEFAULT_CHUNK_BYTES)),
    );
    assembler.add(batch);
  }
  assembler ??= new ActorColumnsAssembler(keys, 0);
  return assembler.finish({
    actorIds: Array.from({ length: stream.actorCount }, (_, a) => stream.actorId(a)),
    names: stream.names,
    channels: stream.channels,
    touchpoints: stream.touchpoints,
    stages: stream.stages,
  });
}
