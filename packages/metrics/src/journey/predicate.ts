import type { Interaction, ValidationIssue } from '@cx/model';

/**
 * A condition on an interaction: every field given must match (AND); a list means "any of" (OR).
 *
 * `properties` compares event properties by strict equality with a string, number, boolean or `null`, or with
 * any of a list of them.
 *
 * @category Journey analytics
 * @since 0.1.0
 */
export interface InteractionPredicate {
  /** Interaction name(s), e.g. `'add_to_cart'`. */
  readonly name?: string | readonly string[];
  /** Touchpoint id(s). */
  readonly touchpointId?: string | readonly string[];
  /** Channel(s), e.g. `'web'`. */
  readonly channel?: string | readonly string[];
  /** Stage id(s). */
  readonly stageId?: string | readonly string[];
  /** Property equality conditions: `{ plan: 'pro' }` or `{ plan: ['pro', 'team'] }`. */
  readonly properties?: Readonly<Record<string, PropertyCondition>>;
}

/**
 * A property condition: one primitive value or a list of accepted values.
 *
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

const isPrimitive = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Checks a predicate's shape and reports issues under `path` (internal).
 *
 * @param value - The predicate as given.
 * @param path - Where it sits in the caller's options.
 * @param extraKeys - Keys allowed besides the predicate fields (e.g. `label`, `windowMs`).
 * @returns The issues found (empty when valid).
 */
export function predicateIssues(
  value: unknown,
  path: ReadonlyArray<string | number>,
  extraKeys: readonly string[] = [],
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [
      { path, message: 'Expected a predicate object such as { name: "purchase" }', code: 'invalid_type' },
    ];
  }
  let conditions = 0;
  for (const [key, v] of Object.entries(value)) {
    if ((PREDICATE_FIELDS as readonly string[]).includes(key)) {
      const list = Array.isArray(v) ? v : [v];
      if (list.length === 0 || !list.every((x) => typeof x === 'string' && x.length > 0)) {
        issues.push({
          path: [...path, key],
          message: `Expected a non-empty string or a non-empty list of strings for ${key}`,
          code: 'invalid_type',
        });
      }
      conditions++;
    } else if (key === 'properties') {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        issues.push({
          path: [...path, key],
          message: 'Expected an object of property conditions',
          code: 'invalid_type',
        });
        continue;
      }
      for (const [prop, cond] of Object.entries(v as object)) {
        const ok = Array.isArray(cond) ? cond.length > 0 && cond.every(isPrimitive) : isPrimitive(cond);
        if (!ok) {
          issues.push({
            path: [...path, key, prop],
            message: 'Expected a string, number, boolean or null, or a non-empty list of them',
            code: 'invalid_type',
          });
        }
        conditions++;
      }
    } else if (!extraKeys.includes(key)) {
      issues.push({
        path: [...path, key],
        message: `Unknown predicate field "${key}"; expected one of ${[...PREDICATE_FIELDS, 'properties', ...extraKeys].join(', ')}`,
        code: 'unrecognized_keys',
      });
    }
  }
  if (conditions === 0 && issues.length === 0) {
    issues.push({
      path,
      message: 'Expected at least one condition (name, touchpointId, channel, stageId or properties)',
      code: 'too_small',
    });
  }
  return issues;
}

const asSet = (v: string | readonly string[] | undefined): ReadonlySet<string> | undefined =>
  v === undefined ? undefined : new Set(typeof v === 'string' ? [v] : v);

/**
 * Compiles a validated predicate into a matcher function (internal).
 *
 * @param predicate - A predicate that passed {@link predicateIssues}.
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
      const v = i.properties?.[key];
      if (!accepted.has(v === undefined ? null : v)) return false;
    }
    return true;
  };
}
