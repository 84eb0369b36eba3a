import type { Interaction } from '@cx/model';
import { z } from 'zod';
import { ownValue } from './own.js';

/**
 * A condition on an interaction: every field given must match (AND); a list means "any of" (OR).
 *
 * `properties` compares event properties by strict equality with a string, a finite number, a boolean or `null`, or
 * with any of a list of them; `null` also matches a property the interaction does not have. Only the interaction's
 * own properties are read: `{ constructor: null }` matches an interaction without a `constructor` property.
 *
 * @example
 * ```ts
 * import type { InteractionPredicate } from '@cx/metrics';
 * const paidByCard: InteractionPredicate = { name: 'purchase', properties: { payment_type: ['card', 'blik'] } };
 * console.log(paidByCard.name); // 'purchase'
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export interface InteractionPredicate {
  /** Interaction name(s), e.g. `'add_to_cart'`. */
  readonly name?: string | readonly string[] | undefined;
  /** Touchpoint id(s). */
  readonly touchpointId?: string | readonly string[] | undefined;
  /** Channel(s), e.g. `'web'`. */
  readonly channel?: string | readonly string[] | undefined;
  /** Stage id(s). */
  readonly stageId?: string | readonly string[] | undefined;
  /** Property equality conditions: `{ plan: 'pro' }` or `{ plan: ['pro', 'team'] }`. */
  readonly properties?: Readonly<Record<string, PropertyCondition>> | undefined;
}

/**
 * A property condition: one primitive value or a non-empty list of accepted values.
 *
 * @example
 * ```ts
 * import type { PropertyCondition } from '@cx/metrics';
 * const condition: PropertyCondition = ['pro', 'team'];
 * console.log(condition.length); // 2
 * ```
 * @category Journey analytics
 * @since 0.1.0
 */
export type PropertyCondition =
  | string
  | number
  | boolean
  | null
  | readonly (string | number | boolean | null)[];

/** Fields of an interaction a predicate may test (internal). */
export const PREDICATE_FIELDS = ['name', 'touchpointId', 'channel', 'stageId'] as const;

/** A compiled predicate (internal). */
export type Matcher = (interaction: Interaction) => boolean;

const valueList = z.union(
  [
    z.string().min(1, { error: 'Expected a non-empty string' }),
    z
      .array(z.string().min(1, { error: 'Expected a non-empty string' }))
      .min(1, { error: 'Expected at least one value' }),
  ],
  { error: 'Expected a non-empty string or a non-empty list of strings' },
);
const primitive = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'Expected a string, a finite number, a boolean or null',
});
const condition = z.union([primitive, z.array(primitive).min(1)], {
  error: 'Expected a string, a finite number, a boolean or null, or a non-empty list of them',
});

/** The fields of a predicate, to be spread into a strict object schema with the caller's extra keys (internal). */
export const predicateShape = {
  name: valueList.optional(),
  touchpointId: valueList.optional(),
  channel: valueList.optional(),
  stageId: valueList.optional(),
  properties: z
    .unknown()
    .superRefine((value, ctx) => {
      // zod's record drops a "__proto__" key; say so instead of matching without the condition.
      if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
        ctx.addIssue({
          code: 'custom',
          path: ['__proto__'],
          message: 'A property named "__proto__" cannot be matched',
          params: { code: 'invalid_value' },
        });
      }
    })
    .pipe(z.record(z.string(), condition, { error: 'Expected an object of property conditions' }))
    .optional(),
};

/** Whether a parsed predicate states at least one condition (internal). */
export function hasCondition(p: InteractionPredicate): boolean {
  return (
    PREDICATE_FIELDS.some((field) => p[field] !== undefined) ||
    (p.properties !== undefined && Object.keys(p.properties).length > 0)
  );
}

/** The refinement every predicate schema carries: at least one condition (internal). */
export const conditionRequired = {
  error: 'Expected at least one condition (name, touchpointId, channel, stageId or properties)',
  params: { code: 'invalid_value' },
} as const;

/**
 * A strict predicate schema (internal): the predicate fields and nothing else, at least one condition.
 */
export const predicateSchema = z.strictObject(predicateShape).refine(hasCondition, conditionRequired);

const asSet = (v: string | readonly string[] | undefined): ReadonlySet<string> | undefined =>
  v === undefined ? undefined : new Set(typeof v === 'string' ? [v] : v);

/**
 * Compiles a parsed predicate into a matcher (internal). Property values are read as own properties only.
 *
 * @param predicate - A predicate that passed its schema.
 * @returns A function telling whether an interaction matches.
 */
export function compilePredicate(predicate: InteractionPredicate): Matcher {
  const name = asSet(predicate.name);
  const touchpoint = asSet(predicate.touchpointId);
  const channel = asSet(predicate.channel);
  const stage = asSet(predicate.stageId);
  const props = Object.entries(predicate.properties ?? {}).map(
    ([key, cond]) => [key, new Set<unknown>(Array.isArray(cond) ? cond : [cond])] as const,
  );
  return (i) => {
    if (name !== undefined && !name.has(i.name)) return false;
    if (channel !== undefined && !channel.has(i.channel)) return false;
    if (touchpoint !== undefined && (i.touchpointId === undefined || !touchpoint.has(i.touchpointId)))
      return false;
    if (stage !== undefined && (i.stageId === undefined || !stage.has(i.stageId))) return false;
    for (const [key, accepted] of props) {
      const v = ownValue(i.properties, key);
      if (!accepted.has(v === undefined ? null : v)) return false;
    }
    return true;
  };
}
