import type { RecordKind } from '../mapping/kinds.js';

/**
 * The numeric rules of the model schemas, as plain predicates for the column path (internal). A test holds each one
 * to the field's zod schema, so both paths accept the same numbers.
 */
const RULES: Readonly<Record<string, (n: number) => boolean>> = {
  amount: (n) => n >= 0,
  weight: (n) => n > 0,
  employees: (n) => Number.isInteger(n) && n >= 0,
  followers: (n) => Number.isInteger(n) && n >= 0,
  score: () => true,
  rating: () => true,
};

/** The rule of a numeric field, or `undefined` when it has none beyond being finite (internal). */
export function numericRule(_kind: RecordKind, field: string): ((n: number) => boolean) | undefined {
  return RULES[field];
}
