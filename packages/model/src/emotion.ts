import { z } from 'zod';

/**
 * Schema of an emotion on the journey-map scale −2 (very negative) … 0 (neutral) … +2 (very positive).
 *
 * Fractions are allowed (averages of several ratings); values off the scale are rejected.
 *
 * @example
 * ```ts
 * import { emotionSchema } from '@cx/model';
 * console.log(emotionSchema.safeParse(1.5).success, emotionSchema.safeParse(3).success); // true false
 * ```
 * @category Journey
 * @since 0.1.0
 */
export const emotionSchema = z
  .number()
  .min(-2, { message: 'Expected an emotion on the scale −2…+2' })
  .max(2, { message: 'Expected an emotion on the scale −2…+2' })
  // JSON has no negative zero: canonicalize −0 to 0 so that a parsed map survives a JSON round trip unchanged.
  .overwrite((value) => (value === 0 ? 0 : value))
  .meta({ id: 'Emotion', description: 'Emotion from −2 (very negative) to +2 (very positive).' });

/**
 * An emotion value on −2…+2.
 *
 * @example
 * ```ts
 * import { emotionSchema, type Emotion } from '@cx/model';
 * const delighted: Emotion = emotionSchema.parse(2);
 * console.log(delighted); // 2
 * ```
 * @category Journey
 * @since 0.1.0
 */
export type Emotion = z.infer<typeof emotionSchema>;
