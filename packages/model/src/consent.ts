import { z } from 'zod';
import { instantSchema } from './time/schemas.js';

/**
 * Schema of one consent flag: granted or not, and when it was recorded.
 *
 * @example
 * ```ts
 * import { consentFlagSchema } from '@cx/model';
 * console.log(consentFlagSchema.parse({ granted: true, at: '2026-01-05T10:00:00Z' }).granted); // true
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const consentFlagSchema = z
  .strictObject({
    granted: z.boolean(),
    at: instantSchema.optional(),
    source: z.string().optional(),
  })
  .meta({ id: 'ConsentFlag' });

/**
 * Schema of a customer's consents by purpose (`email`, `sms`, `tracking`, `profiling`, or your own keys).
 *
 * @example
 * ```ts
 * import { consentSchema } from '@cx/model';
 * const consent = consentSchema.parse({ email: { granted: false }, tracking: { granted: true } });
 * console.log(consent.tracking?.granted); // true
 * ```
 * @category Customers
 * @since 0.1.0
 */
export const consentSchema = z
  .object({
    email: consentFlagSchema.optional(),
    sms: consentFlagSchema.optional(),
    phone: consentFlagSchema.optional(),
    tracking: consentFlagSchema.optional(),
    profiling: consentFlagSchema.optional(),
    surveys: consentFlagSchema.optional(),
  })
  .catchall(consentFlagSchema)
  .meta({ id: 'Consent', description: 'Consent flags by purpose.' });

/**
 * A customer's consents.
 *
 * @example
 * ```ts
 * import { consentSchema, type Consent } from '@cx/model';
 * const consent: Consent = consentSchema.parse({ email: { granted: true, at: '2026-01-05T10:00:00Z' } });
 * console.log(consent.email?.granted); // true
 * ```
 * @category Customers
 * @since 0.1.0
 */
export type Consent = z.infer<typeof consentSchema>;
