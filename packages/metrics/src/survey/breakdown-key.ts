import { CxValidationError, type SurveyResponse } from '@cx/model';
import { z } from 'zod';

/**
 * What a breakdown groups responses by: a response field, or a key of `properties` (e.g. a persona or customer type
 * stored there). Only the response's own properties are read, so a property named `constructor` or `__proto__` is
 * a plain key. A missing value forms the group `null`.
 *
 * @example
 * ```ts
 * import type { BreakdownKey } from '@cx/metrics';
 * const byPersona: BreakdownKey = { property: 'persona' };
 * console.log(byPersona.property); // 'persona'
 * ```
 * @category Survey metrics
 * @since 0.1.0
 */
export type BreakdownKey =
  | 'channel'
  | 'stageId'
  | 'touchpointId'
  | 'surveyId'
  | 'questionId'
  | 'customerId'
  | 'language'
  | { readonly property: string };

/**
 * A function that names the group of a response (e.g. a lookup of the customer's segment): a string, or `null` /
 * `undefined` for the group `null`. Accepted by {@link breakdown}; a {@link BreakdownAccumulator} takes computed
 * keys through `addFor` and `addResponseFor` instead, so that its options stay plain data.
 *
 * @example
 * ```ts
 * import type { BreakdownKeyFunction } from '@cx/metrics';
 * const segment: BreakdownKeyFunction = (r) => (r.customerId?.startsWith('b2b-') ? 'business' : 'consumer');
 * console.log(typeof segment); // 'function'
 * ```
 * @category Survey metrics
 * @since 0.2.0
 */
export type BreakdownKeyFunction = (response: SurveyResponse) => string | null | undefined;

export const breakdownKeySchema = z.union(
  [
    z.enum(['channel', 'stageId', 'touchpointId', 'surveyId', 'questionId', 'customerId', 'language']),
    z.strictObject({ property: z.string().min(1).max(200) }),
  ],
  {
    error:
      'Expected a response field ("channel", "stageId", "touchpointId", "surveyId", "questionId", "customerId", "language") or { property: name }',
  },
);

/** The group key of a value read from a response: text, a finite number or a boolean as text, or `null`. */
export function groupKey(value: unknown, path: readonly (string | number)[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
    return String(value);
  throw new CxValidationError([
    {
      path,
      code: 'invalid_type',
      message: `Expected a text, number or boolean to group by, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    },
  ]);
}

/** Own value of `key` on an object (never an inherited one such as `constructor`). */
function own(object: unknown, key: string): unknown {
  return typeof object === 'object' && object !== null && Object.hasOwn(object, key)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

/** The group of a response under a key (own properties only). */
export function keyOf(by: BreakdownKey, response: SurveyResponse): string | null {
  if (typeof by === 'string') return groupKey(own(response, by), [by]);
  return groupKey(own(own(response, 'properties'), by.property), ['properties', by.property]);
}
