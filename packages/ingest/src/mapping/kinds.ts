import {
  businessCustomerSchema,
  consumerCustomerSchema,
  customerSchema,
  feedbackSchema,
  interactionSchema,
  orderSchema,
  subscriptionSchema,
  surveyResponseSchema,
} from '@cx/model';
import type { z } from 'zod';

/**
 * The `@cx/model` record kinds a mapping can produce.
 *
 * @category Mapping
 * @since 0.1.0
 */
export type RecordKind =
  | 'order'
  | 'surveyResponse'
  | 'interaction'
  | 'subscription'
  | 'customer'
  | 'feedback';

/**
 * How the cells of a field are read: as text, through the instant grammar, or through the numbers grammar (`money`
 * also takes a currency sign or code).
 *
 * @category Mapping
 * @since 0.1.0
 */
export type CellType = 'string' | 'instant' | 'number' | 'money';

/** Schema of each kind: the whole record (internal). */
export const KIND_SCHEMAS: Readonly<Record<RecordKind, z.ZodType>> = {
  order: orderSchema,
  surveyResponse: surveyResponseSchema,
  interaction: interactionSchema,
  subscription: subscriptionSchema,
  customer: customerSchema,
  feedback: feedbackSchema,
};

const INSTANT_FIELDS = new Set([
  'orderedAt',
  'respondedAt',
  'timestamp',
  'firstSeenAt',
  'createdAt',
  'startedAt',
  'endedAt',
  'cancelledAt',
]);
const NUMBER_FIELDS = new Set(['score', 'weight', 'rating', 'employees', 'followers']);
const MONEY_FIELDS: Readonly<Record<RecordKind, ReadonlySet<string>>> = {
  order: new Set(['amount']),
  subscription: new Set(['amount']),
  surveyResponse: new Set(),
  interaction: new Set(),
  customer: new Set(),
  feedback: new Set(),
};

/** The object shapes of a kind (both customer variants for customers; internal). */
function shapes(kind: RecordKind): ReadonlyArray<Readonly<Record<string, z.ZodType>>> {
  if (kind === 'customer') return [consumerCustomerSchema.shape, businessCustomerSchema.shape];
  const schema = {
    order: orderSchema,
    surveyResponse: surveyResponseSchema,
    interaction: interactionSchema,
    subscription: subscriptionSchema,
    feedback: feedbackSchema,
  }[kind];
  return [(schema as unknown as { shape: Record<string, z.ZodType> }).shape];
}

/** Field names of a kind (internal). */
export function kindFields(kind: RecordKind): ReadonlySet<string> {
  return new Set(shapes(kind).flatMap((s) => Object.keys(s)));
}

/** Fields a record of the kind cannot lack (no default, not optional; internal). */
export function requiredFields(kind: RecordKind): readonly string[] {
  const [first] = shapes(kind);
  return Object.keys(first ?? {}).filter((k) =>
    shapes(kind).every((s) => s[k] !== undefined && !s[k].safeParse(undefined).success),
  );
}

/** The schema of one field of a kind (first variant that has it; internal). */
export function fieldSchema(kind: RecordKind, field: string): z.ZodType | undefined {
  for (const s of shapes(kind)) if (s[field] !== undefined) return s[field];
  return undefined;
}

/** How the cells of `field` of `kind` are read (internal). */
export function cellType(kind: RecordKind, field: string): CellType {
  if (INSTANT_FIELDS.has(field)) return 'instant';
  if (MONEY_FIELDS[kind].has(field)) return 'money';
  if (NUMBER_FIELDS.has(field)) return 'number';
  return 'string';
}
