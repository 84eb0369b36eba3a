import { z } from 'zod';
import { channelSchema } from './channel.js';
import { idSchema, languageTagSchema, propertiesSchema, slugSchema } from './json.js';
import { httpUrlString } from './strings.js';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of the author of a piece of feedback or a mention.
 *
 * @example
 * ```ts
 * import { authorSchema } from '@cx/model';
 * console.log(authorSchema.parse({ handle: '@ania', followers: 1200 }).followers); // 1200
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export const authorSchema = z
  .strictObject({
    id: idSchema.optional(),
    name: z.string().optional(),
    handle: z.string().optional(),
    followers: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'Author' });

/**
 * Where a piece of feedback came from.
 *
 * @example
 * ```ts
 * import { feedbackSourceSchema } from '@cx/model';
 * console.log(feedbackSourceSchema.parse('review')); // 'review'
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export const feedbackSourceSchema = z
  .enum(['survey', 'review', 'ticket', 'chat', 'email', 'social', 'call-transcript', 'other'])
  .meta({ id: 'FeedbackSource' });

const feedbackShape = {
  id: idSchema,
  text: z.string(),
  language: languageTagSchema.optional(),
  source: feedbackSourceSchema,
  author: authorSchema.optional(),
  customerId: idSchema.optional(),
  url: httpUrlString().optional(),
  createdAt: instantSchema,
  rating: z.number().finite().optional(),
  surveyResponseId: idSchema.optional(),
  touchpointId: idSchema.optional(),
  stageId: slugSchema.optional(),
  channel: channelSchema.optional(),
  properties: propertiesSchema.default({}),
};

/**
 * Schema of free-text feedback: an open survey answer, a review, a ticket, a chat or a social post.
 *
 * @example
 * ```ts
 * import { feedbackSchema } from '@cx/model';
 * const f = feedbackSchema.parse({
 *   id: 'f1', text: 'Dostawa była szybka, ale kurier się spóźnił.', language: 'pl', source: 'review',
 *   createdAt: '2026-03-03T08:00:00Z', stageId: 'purchase',
 * });
 * console.log(f.language); // 'pl'
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export const feedbackSchema = z.strictObject(feedbackShape).meta({ id: 'Feedback' });

/**
 * A piece of feedback (parsed form).
 *
 * @example
 * ```ts
 * import { feedbackSchema, type Feedback } from '@cx/model';
 * const review: Feedback = feedbackSchema.parse({ id: 'f1', text: 'Fast delivery', source: 'review', createdAt: '2026-03-01T08:00:00Z' });
 * console.log(review.properties); // {}
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export type Feedback = z.infer<typeof feedbackSchema>;

/**
 * Schema of engagement counts of a social post.
 *
 * @example
 * ```ts
 * import { engagementSchema } from '@cx/model';
 * console.log(engagementSchema.parse({ likes: 10, shares: 2 }).comments); // 0
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export const engagementSchema = z
  .strictObject({
    likes: z.number().int().nonnegative().default(0),
    shares: z.number().int().nonnegative().default(0),
    comments: z.number().int().nonnegative().default(0),
    clicks: z.number().int().nonnegative().default(0),
    reach: z.number().int().nonnegative().optional(),
    impressions: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'Engagement' });

/**
 * Schema of a social-media mention: feedback from a platform, with hashtags, mentions and engagement.
 *
 * @example
 * ```ts
 * import { mentionSchema } from '@cx/model';
 * const m = mentionSchema.parse({
 *   id: 'm1', text: 'Love the new app! #shopping @acme', source: 'social', platform: 'x',
 *   createdAt: '2026-03-03T08:00:00Z', hashtags: ['shopping'], mentions: ['acme'], brand: 'acme',
 * });
 * console.log(m.engagement.likes); // 0
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export const mentionSchema = z
  .strictObject({
    ...feedbackShape,
    source: z.literal('social'),
    platform: z.string().min(1),
    brand: z.string().min(1).optional(),
    hashtags: z.array(z.string().min(1)).default([]),
    mentions: z.array(z.string().min(1)).default([]),
    engagement: engagementSchema.default({ likes: 0, shares: 0, comments: 0, clicks: 0 }),
  })
  .meta({ id: 'Mention' });

/**
 * A social-media mention (parsed form).
 *
 * @example
 * ```ts
 * import { mentionSchema, type Mention } from '@cx/model';
 * const post: Mention = mentionSchema.parse({ id: 'm1', text: 'Great app #shop', source: 'social', platform: 'x', createdAt: '2026-03-01T08:00:00Z', hashtags: ['shop'] });
 * console.log(post.engagement.likes); // 0
 * ```
 * @category Feedback
 * @since 0.1.0
 */
export type Mention = z.infer<typeof mentionSchema>;
