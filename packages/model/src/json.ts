import { z } from 'zod';
import { boundedString } from './strings.js';

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
 * Deepest nesting of arrays and objects a JSON value may have (64 levels). Deeper values are rejected with a typed
 * issue instead of overflowing the stack.
 *
 * @example
 * ```ts
 * import { MAX_JSON_DEPTH } from '@cx/model';
 * console.log(MAX_JSON_DEPTH); // 64
 * ```
 * @category Primitives
 * @since 0.2.0
 */
export const MAX_JSON_DEPTH = 64;

function isPlainRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Checks a JSON value without recursion: JSON types only, finite numbers, no cycles, depth ≤ MAX_JSON_DEPTH (internal). */
function checkJson(root: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  // Depth-first with an explicit stack; `ancestors` holds the objects on the current path to find cycles.
  const stack: Array<{ value: unknown; path: Array<string | number>; depth: number; exit?: object }> = [
    { value: root, path: [], depth: 0 },
  ];
  const ancestors = new Set<object>();
  const fail = (path: Array<string | number>, code: string, message: string) =>
    ctx.addIssue({ code: 'custom', path, message, params: { code }, input: root });
  while (stack.length > 0) {
    const item = stack.pop() as {
      value: unknown;
      path: Array<string | number>;
      depth: number;
      exit?: object;
    };
    if (item.exit !== undefined) {
      ancestors.delete(item.exit);
      continue;
    }
    const { value, path, depth } = item;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        fail(path, 'invalid_type', `Expected a finite number, got ${String(value)}`);
      continue;
    }
    if (typeof value !== 'object') {
      fail(path, 'invalid_type', `Expected a JSON value, got a value of type ${typeof value}`);
      continue;
    }
    if (!Array.isArray(value) && !isPlainRecord(value)) {
      fail(path, 'invalid_type', 'Expected a JSON value (plain object or array), got a class instance');
      continue;
    }
    if (ancestors.has(value)) {
      fail(path, 'cyclic_value', 'Expected a JSON value, got an object that contains itself');
      continue;
    }
    if (depth >= MAX_JSON_DEPTH) {
      fail(path, 'too_deep', `Expected JSON nested at most ${MAX_JSON_DEPTH} levels deep`);
      continue;
    }
    ancestors.add(value);
    stack.push({ value: null, path, depth, exit: value });
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i], depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({
          value: (value as Record<string, unknown>)[key],
          path: [...path, key],
          depth: depth + 1,
        });
      }
    }
  }
}

const jsonSchemaOfJsonValue = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', items: { $ref: '#/$defs/JsonValue' } },
    { type: 'object', additionalProperties: { $ref: '#/$defs/JsonValue' } },
  ],
};

/**
 * Schema of a JSON value: strings, finite numbers, booleans, `null`, arrays and plain objects, at most
 * {@link MAX_JSON_DEPTH} levels deep and without cycles. Checked without recursion, so hostile nesting gives an
 * issue (`too_deep`, `cyclic_value`) instead of a stack overflow.
 *
 * @example
 * ```ts
 * import { jsonValueSchema } from '@cx/model';
 * console.log(jsonValueSchema.safeParse({ a: [1, 'x', null] }).success); // true
 * const cyclic: Record<string, unknown> = {};
 * cyclic.self = cyclic;
 * console.log(jsonValueSchema.safeParse(cyclic).success); // false
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const jsonValueSchema: z.ZodType<JsonValue> = z
  .unknown()
  .superRefine(checkJson)
  .meta({ id: 'JsonValue', ...jsonSchemaOfJsonValue }) as z.ZodType<JsonValue>;

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
 * The grammar of an id: one or more characters, none of them a control character (its length is bounded apart).
 * One definition for every schema of ids (`idSchema`, the map format of `@cx/map`).
 *
 * @example
 * ```ts
 * import { ID_PATTERN } from '@cx/model';
 * console.log(ID_PATTERN.test('order-1'), ID_PATTERN.test('a\nb')); // true false
 * ```
 * @category Primitives
 * @since 0.2.0
 */
export const ID_PATTERN = /^\P{Cc}+$/u;

/**
 * The grammar of a slug: lower-case ASCII letters and digits in groups joined by single hyphens (`physical-store`).
 * One definition for every schema of slugs (`slugSchema`, custom channels, the map format of `@cx/map`).
 *
 * @example
 * ```ts
 * import { SLUG_PATTERN } from '@cx/model';
 * console.log(SLUG_PATTERN.test('physical-store'), SLUG_PATTERN.test('Physical--Store')); // true false
 * ```
 * @category Primitives
 * @since 0.2.0
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Schema of an identifier: a non-empty string of at most 256 characters (code points, as its JSON Schema's
 * `maxLength` counts them) without control characters.
 *
 * @example
 * ```ts
 * import { idSchema } from '@cx/model';
 * console.log(idSchema.safeParse('').success); // false
 * ```
 * @category Primitives
 * @since 0.1.0
 */
export const idSchema = boundedString(256, {
  pattern: ID_PATTERN,
  message: 'Expected an id without control characters',
}).meta({ id: 'Id', maxLength: 256 });

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
  .regex(SLUG_PATTERN, {
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
