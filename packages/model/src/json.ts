import { z } from 'zod';

/**
 * Any JSON value. Used for free-form record properties, so that nothing a source sends is lost.
 *
 * @example
 * ```ts
 * import type { JsonValue } from '@cx/model';
 * const value: JsonValue = { items: [{ sku: 'A-1', qty: 2 }], gift: false, note: null };
 * console.log(JSON.stringify(value));
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Schema of a JSON value (finite numbers only).
 *
 * @example
 * ```ts
 * import { jsonValueSchema } from '@cx/model';
 * console.log(jsonValueSchema.safeParse({ a: [1, 'x', null] }).success); // true
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const jsonValueSchema: z.ZodType<JsonValue> = z
  .json()
  .meta({ id: 'JsonValue' }) as z.ZodType<JsonValue>;

/**
 * Schema of a free-form properties object: string keys, JSON values.
 *
 * @example
 * ```ts
 * import { propertiesSchema } from '@cx/model';
 * console.log(propertiesSchema.parse({ plan: 'pro', seats: 12 })); // { plan: 'pro', seats: 12 }
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const propertiesSchema = z.record(z.string(), jsonValueSchema).meta({
  id: 'Properties',
  description: 'Free-form properties: string keys, JSON values. Unknown source fields are kept here.',
});

/**
 * Free-form properties of a record.
 *
 * @example
 * ```ts
 * import type { Properties } from '@cx/model';
 * const properties: Properties = { sku: 'A-1', value: 19.99, currency: 'PLN' };
 * console.log(Object.keys(properties)); // ['sku', 'value', 'currency']
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export type Properties = z.infer<typeof propertiesSchema>;

/**
 * Schema of an identifier: a non-empty string of at most 256 characters without control characters.
 *
 * @example
 * ```ts
 * import { idSchema } from '@cx/model';
 * console.log(idSchema.safeParse('').success); // false
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const idSchema = z
  .string()
  .min(1, { message: 'Expected a non-empty id' })
  .max(256, { message: 'Expected an id of at most 256 characters' })
  .regex(/^\P{Cc}+$/u, { message: 'Expected an id without control characters' })
  .meta({ id: 'Id' });

/**
 * An identifier string.
 *
 * @example
 * ```ts
 * import { idSchema, type Id } from '@cx/model';
 * const id: Id = idSchema.parse('cus_000184');
 * console.log(id);
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export type Id = z.infer<typeof idSchema>;

/**
 * Schema of a slug: lower-case letters, digits and hyphens, e.g. `physical-store`.
 *
 * @example
 * ```ts
 * import { slugSchema } from '@cx/model';
 * console.log(slugSchema.safeParse('Physical Store').success); // false
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'Expected a slug: lower-case letters, digits and single hyphens',
  })
  .max(64)
  .meta({ id: 'Slug' });

/**
 * Schema of an ISO 4217 currency code, e.g. `EUR`, `PLN`.
 *
 * @example
 * ```ts
 * import { currencySchema } from '@cx/model';
 * console.log(currencySchema.safeParse('PLN').success); // true
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'Expected an ISO 4217 currency code such as EUR' })
  .meta({ id: 'Currency' });

/**
 * Schema of a BCP 47 language tag such as `en`, `pl` or `pt-BR`.
 *
 * @example
 * ```ts
 * import { languageTagSchema } from '@cx/model';
 * console.log(languageTagSchema.safeParse('pl').success); // true
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'Expected a BCP 47 language tag such as en or pl' })
  .meta({ id: 'LanguageTag' });
