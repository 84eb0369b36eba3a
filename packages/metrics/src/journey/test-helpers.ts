import type { Interaction, Properties } from '@cx/model';

let counter = 0;

/**
 * Builds an interaction for tests (internal, not exported from the package).
 *
 * @param actor - Customer id.
 * @param name - Interaction name.
 * @param timestamp - Instant; a bare `YYYY-MM-DD HH:mm:ss` is read as UTC.
 * @param extra - Other fields (properties, channel, touchpointId, stageId, id).
 */
export function ev(
  actor: string,
  name: string,
  timestamp: string,
  extra: Partial<Omit<Interaction, 'properties'>> & { properties?: Properties } = {},
): Interaction {
  const iso = timestamp.includes('T') ? timestamp : `${timestamp.replace(' ', 'T')}Z`;
  return {
    id: extra.id ?? `e${String(++counter).padStart(6, '0')}`,
    customerId: actor,
    timestamp: iso,
    name,
    channel: extra.channel ?? 'web',
    ...(extra.touchpointId === undefined ? {} : { touchpointId: extra.touchpointId }),
    ...(extra.stageId === undefined ? {} : { stageId: extra.stageId }),
    properties: extra.properties ?? {},
  } as Interaction;
}

/** Milliseconds in common units, the model's constants under short names (internal). */
export {
  MS_PER_DAY as DAY,
  MS_PER_HOUR as HOUR,
  MS_PER_MINUTE as MINUTE,
  MS_PER_SECOND as SECOND,
} from '@cx/model';
