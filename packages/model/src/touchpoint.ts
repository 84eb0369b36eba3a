import { z } from 'zod';
import { channelSchema } from './channel.js';
import { idSchema, slugSchema } from './json.js';

/**
 * Who controls a touchpoint's media: owned (the brand's own), paid (bought) or earned (others' words).
 *
 * @example
 * ```ts
 * import { mediaTypeSchema } from '@cx/model';
 * console.log(mediaTypeSchema.options); // ['owned', 'paid', 'earned']
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const mediaTypeSchema = z.enum(['owned', 'paid', 'earned']).meta({ id: 'MediaType' });

/**
 * Whether the customer sees a touchpoint (frontstage) or it runs behind the scenes (backstage).
 *
 * @example
 * ```ts
 * import { visibilitySchema } from '@cx/model';
 * console.log(visibilitySchema.parse('backstage')); // 'backstage'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const visibilitySchema = z.enum(['frontstage', 'backstage']).meta({ id: 'Visibility' });

/**
 * Schema of a touchpoint: a point of contact between customer and brand at one stage, on one channel.
 *
 * @example
 * ```ts
 * import { touchpointSchema } from '@cx/model';
 * const tp = touchpointSchema.parse({
 *   id: 'checkout', name: 'Checkout page', channel: 'web', stageId: 'purchase',
 *   mediaType: 'owned', visibility: 'frontstage', owner: 'E-commerce team',
 * });
 * console.log(tp.channel); // 'web'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const touchpointSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    channel: channelSchema,
    stageId: slugSchema,
    mediaType: mediaTypeSchema.default('owned'),
    visibility: visibilitySchema.default('frontstage'),
    owner: z.string().min(1).optional(),
    description: z.string().optional(),
  })
  .meta({ id: 'Touchpoint', description: 'A point of contact between customer and brand.' });

/**
 * A touchpoint.
 *
 * @example
 * ```ts
 * import { touchpointSchema, type Touchpoint } from '@cx/model';
 * const tp: Touchpoint = touchpointSchema.parse({ id: 'store', name: 'Flagship store', channel: 'physical-store', stageId: 'purchase' });
 * console.log(tp.mediaType, tp.visibility); // 'owned' 'frontstage'
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Touchpoint = z.infer<typeof touchpointSchema>;
