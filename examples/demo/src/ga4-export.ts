// Writes interactions as a GA4 BigQuery export (one NDJSON row per event, the export's wire shape: microsecond
// timestamps as strings, repeated event_params with typed values), so the demo can read them back through the
// real GA4 connector.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Interaction } from '@cx/model';

type Param = { key: string; value: { string_value?: string; int_value?: string; double_value?: number } };

function param(key: string, value: unknown): Param | undefined {
  if (typeof value === 'string') return { key, value: { string_value: value } };
  if (typeof value === 'number' && Number.isInteger(value))
    return { key, value: { int_value: String(value) } };
  if (typeof value === 'number') return { key, value: { double_value: value } };
  return undefined;
}

/** One GA4 BigQuery export row for an interaction. */
export function ga4Row(interaction: Interaction): Record<string, unknown> {
  const ms = Date.parse(interaction.timestamp);
  const params = [
    param('event_id', interaction.id),
    param('touchpoint_id', interaction.touchpointId),
    param('stage_id', interaction.stageId),
    param(
      'ga_session_id',
      interaction.sessionId === undefined
        ? undefined
        : Number.parseInt(interaction.sessionId.replace(/\D/g, '').slice(-9) || '0', 10),
    ),
    ...Object.entries(interaction.properties).map(([k, v]) => param(k, v)),
  ].filter((p): p is Param => p !== undefined);
  return {
    event_date: interaction.timestamp.slice(0, 10).replaceAll('-', ''),
    event_timestamp: `${ms}000`,
    event_name: interaction.name,
    user_pseudo_id: `${interaction.anonymousId ?? interaction.customerId}.ga`,
    user_id: interaction.customerId ?? null,
    platform: interaction.channel === 'mobile-app' ? 'ANDROID' : 'WEB',
    event_params: params,
  };
}

/** Writes rows to an NDJSON file and returns how many were written. */
export async function writeGa4Export(path: string, interactions: Iterable<Interaction>): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  for (const interaction of interactions) {
    if (!out.write(`${JSON.stringify(ga4Row(interaction))}\n`)) await once(out, 'drain');
    n++;
  }
  out.end();
  await once(out, 'finish');
  return n;
}
