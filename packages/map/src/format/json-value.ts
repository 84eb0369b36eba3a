import { z } from 'zod';

/**
 * A JSON value as the map format stores it in free-form records (persona demographics).
 *
 * @category Document
 * @since 0.2.0
 */
export type MapJsonValue =
  | string
  | number
  | boolean
  | null
  | MapJsonValue[]
  | { [key: string]: MapJsonValue };

/**
 * Key pattern of every free-form record: any string but `__proto__`. zod silently drops a `__proto__` key from a
 * record, so the document reader rejects it first (see `inspectDocument`); this pattern says the same in the
 * JSON Schema.
 *
 *
 */
export const RECORD_KEY_PATTERN = /^(?!__proto__$)/;

/** A record with string keys (never `__proto__`) and values of `value`. */
export const record = <T extends z.ZodType>(value: T) =>
  z.record(z.string().regex(RECORD_KEY_PATTERN), value);

/**
 * A JSON value (no `__proto__` keys at any depth). Recursive, so its depth is bounded by the reader's `maxDepth`
 * before zod sees it.
 *
 *
 */
export const jsonValue: z.ZodType<MapJsonValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), record(jsonValue)]))
  .meta({ id: 'JsonValue' });
