import { GrowableFloat64, GrowableInt32 } from '@cx/ingest';
import { toActorColumns } from './csr.js';
import type { ReadInteractionCsvOptions } from './csv-stream.js';
import { streamInteractionCsv } from './csv-stream.js';
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
 * @throws {@link @cx/model!CxValidationError} for a header without the required columns or bad rows
 *   (paths `[dataRowIndex, column]`).
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
export async function readInteractionColumnsCsv(
  path: string,
  options: ReadInteractionCsvOptions = {},
): Promise<InteractionColumns> {
  const stream = streamInteractionCsv(path, options);
  const actor = new GrowableInt32(1 << 20);
  const time = new GrowableFloat64(1 << 20);
  const name = new GrowableInt32(1 << 20);
  const channel = new GrowableInt32(1 << 20);
  const touchpoint = new GrowableInt32(1 << 20);
  const stage = new GrowableInt32(1 << 20);
  const keys = [...new Set(options.numeric ?? [])];
  const numeric = keys.map(() => new GrowableFloat64(1 << 20));
  for await (const batch of stream) {
    actor.append(batch.actor, batch.length);
    time.append(batch.time, batch.length);
    name.append(batch.name, batch.length);
    channel.append(batch.channel, batch.length);
    touchpoint.append(batch.touchpoint, batch.length);
    stage.append(batch.stage, batch.length);
    keys.forEach((key, k) => {
      (numeric[k] as GrowableFloat64).append(batch.numeric[key] as Float64Array, batch.length);
    });
  }
  const actorIds = Array.from({ length: stream.actorCount }, (_, a) => stream.actorId(a));
  const numericColumns: Record<string, Float64Array> = {};
  keys.forEach((key, k) => {
    numericColumns[key] = (numeric[k] as GrowableFloat64).toArray();
  });
  return toActorColumns({
    length: actor.length,
    actorIds,
    actor: actor.toArray(),
    time: time.toArray(),
    name: name.toArray(),
    names: stream.names,
    channel: channel.toArray(),
    channels: stream.channels,
    touchpoint: touchpoint.toArray(),
    touchpoints: stream.touchpoints,
    stage: stage.toArray(),
    stages: stream.stages,
    numeric: numericColumns,
  });
}
