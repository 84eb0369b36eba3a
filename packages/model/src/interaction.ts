import { z } from 'zod';
import { channelSchema } from './channel.js';
import { idSchema, propertiesSchema, slugSchema } from './json.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of an interaction: one thing a customer actually did at a touchpoint (an event).
 *
 * At least one of `customerId` (known customer) or `anonymousId` (device or cookie) is required.
 *
 * @example
 * ```ts
 * import { interactionSchema } from '@cx/model';
 * const event = interactionSchema.parse({
 *   id: 'e1', customerId: 'c1', timestamp: '2026-03-01T09:30:00Z', name: 'add_to_cart',
 *   channel: 'web', touchpointId: 'product-page', stageId: 'purchase', properties: { sku: 'A-1' },
 * });
 * console.log(event.name); // 'add_to_cart'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export const interactionSchema = z
  .strictObject({
    id: idSchema,
    customerId: idSchema.optional(),
    anonymousId: idSchema.optional(),
    timestamp: instantSchema,
    name: z.string().min(1).max(256),
    channel: channelSchema,
    touchpointId: idSchema.optional(),
    stageId: slugSchema.optional(),
    sessionId: idSchema.optional(),
    source: z.string().min(1).optional(),
    properties: propertiesSchema.default({}),
  })
  .refine((v) => v.customerId !== undefined || v.anonymousId !== undefined, {
    message: 'Expected customerId or anonymousId: an interaction must belong to someone',
    path: ['customerId'],
  })
  .meta({
    id: 'Interaction',
    description: 'One thing a customer did at a touchpoint. Needs customerId or anonymousId.',
    anyOf: [{ required: ['customerId'] }, { required: ['anonymousId'] }],
  });

/**
 * An interaction (parsed form).
 *
 * @example
 * ```ts
 * import { interactionSchema, type Interaction } from '@cx/model';
 * const event: Interaction = interactionSchema.parse({ id: 'e1', anonymousId: 'dev-1', timestamp: '2026-01-01T00:00:00Z', name: 'page_view', channel: 'web' });
 * console.log(event.properties); // {}
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export type Interaction = z.infer<typeof interactionSchema>;

/**
 * An interaction as accepted on input.
 *
 * @example
 * ```ts
 * import { interactionSchema, type InteractionInput } from '@cx/model';
 * const row: InteractionInput = { id: 'e1', customerId: 'c1', timestamp: '2026-01-01T00:00:00Z', name: 'purchase', channel: 'physical-store' };
 * console.log(interactionSchema.parse(row).name); // 'purchase'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export type InteractionInput = z.input<typeof interactionSchema>;

/**
 * The id a journey is keyed by: `customerId` when known, else `anonymousId`.
 *
 * @param interaction - An interaction.
 * @returns The actor id.
 * @example
 * ```ts
 * import { actorIdOf } from '@cx/model';
 * console.log(actorIdOf({ anonymousId: 'dev-9' })); // 'dev-9'
 * ```
 * @category Interactions
 * @since 0.1.0
 */
export function actorIdOf(interaction: Pick<Interaction, 'customerId' | 'anonymousId'>): string {
  return (interaction.customerId ?? interaction.anonymousId) as string;
}
