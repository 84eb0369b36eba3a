import { KNOWN_CHANNELS, SLUG_PATTERN } from '@cx/model';
import { z } from 'zod';
import { RECORD_KEY_PATTERN, record } from './json-value.js';
import { idString, slugString } from './strings.js';

/** An id (1–256 characters, no control characters). */
export const id = idString;
/** A stage or lane id: a slug. */
export const slug = slugString;
/** Non-empty text. */
export const nonEmpty = () => z.string().min(1, { message: 'Expected a non-empty string' });
/** A list of non-empty texts, default empty. */
export const texts = () => z.array(nonEmpty()).default([]);
/** A list of ids, default empty. */
export const ids = () => z.array(id()).default([]);

/** An emotion on −2…+2 (fractions allowed); −0 is read as 0 so that a JSON round trip changes nothing. */
export const emotion = () =>
  z
    .number()
    .min(-2, { message: 'Expected an emotion on the scale −2…+2' })
    .max(2, { message: 'Expected an emotion on the scale −2…+2' })
    .overwrite((value) => (value === 0 ? 0 : value));

/** A known channel of `@cx/model` or `custom:<slug>`. */
export const channel = () =>
  z.union([z.enum(KNOWN_CHANNELS), z.string().regex(new RegExp(`^custom:${SLUG_PATTERN.source.slice(1)}`))], {
    error: () => `Expected a known channel (${KNOWN_CHANNELS.join(', ')}) or custom:<slug>`,
  });

/**
 * Labels of a stage by language tag: `en` is always there.
 *
 * @category Document
 * @since 0.2.0
 */
export type Labels = { readonly en: string } & { readonly [language: string]: string };

/** Labels by language tag; `en` is required; no `__proto__` key. */
export const labels = () =>
  record(nonEmpty())
    .check(
      z.refine((o: Record<string, string>) => Object.hasOwn(o, 'en'), {
        message: 'Expected an English label (labels.en)',
        path: ['en'],
      }),
    )
    .meta({ required: ['en'], properties: { en: { type: 'string', minLength: 1 } } }) as unknown as z.ZodType<
    Labels,
    Labels
  >;

/** `as-is` (how the journey is today) or `to-be` (how it is designed to be). */
export const SCENARIOS = ['as-is', 'to-be'] as const;
/** */
export const scenario = () => z.enum(SCENARIOS);

/** Three-level rating used for impact and effort. */
export const level3 = () => z.enum(['low', 'medium', 'high']);
/** Four-level rating used for severity, business impact and priority. */
export const level4 = () => z.enum(['low', 'medium', 'high', 'critical']);

export { RECORD_KEY_PATTERN };
