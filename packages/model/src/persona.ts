import { z } from 'zod';
import { channelSchema } from './channel.js';
import { idSchema, propertiesSchema } from './json.js';
import { httpUrlString } from './strings.js';
import { calendarDateSchema } from './time/schemas.js';

/**
 * Schema of an empathy map: what the persona says, thinks, does and feels, and their pains and gains.
 *
 * @example
 * ```ts
 * import { empathyMapSchema } from '@cx/model';
 * const map = empathyMapSchema.parse({ says: ['I have no time'], pains: ['Slow delivery'] });
 * console.log(map.thinks); // []
 * ```
 * @category Personas
 * @since 0.1.0
 */
export const empathyMapSchema = z
  .strictObject({
    says: z.array(z.string().min(1)).default([]),
    thinks: z.array(z.string().min(1)).default([]),
    does: z.array(z.string().min(1)).default([]),
    feels: z.array(z.string().min(1)).default([]),
    pains: z.array(z.string().min(1)).default([]),
    gains: z.array(z.string().min(1)).default([]),
  })
  .meta({ id: 'EmpathyMap' });

/**
 * An empathy map.
 *
 * @example
 * ```ts
 * import { empathyMapSchema, type EmpathyMap } from '@cx/model';
 * const map: EmpathyMap = empathyMapSchema.parse({ feels: ['Rushed'], gains: ['Time for the family'] });
 * console.log(map.says); // []
 * ```
 * @category Personas
 * @since 0.1.0
 */
export type EmpathyMap = z.infer<typeof empathyMapSchema>;

/**
 * Schema of one piece of evidence that a persona (or pain point) rests on.
 *
 * @example
 * ```ts
 * import { evidenceSchema } from '@cx/model';
 * console.log(evidenceSchema.parse({ kind: 'interview', description: '12 interviews, Q1 2026', n: 12 }).n); // 12
 * ```
 * @category Personas
 * @since 0.1.0
 */
export const evidenceSchema = z
  .strictObject({
    kind: z.enum([
      'interview',
      'survey',
      'analytics',
      'support',
      'social',
      'session-recording',
      'review',
      'other',
    ]),
    description: z.string().min(1),
    url: httpUrlString().optional(),
    date: calendarDateSchema.optional(),
    n: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'Evidence', description: 'A source a persona or pain point rests on.' });

/**
 * A piece of evidence.
 *
 * @example
 * ```ts
 * import type { Evidence } from '@cx/model';
 * const evidence: Evidence = { kind: 'survey', description: 'Post-purchase survey, March 2026', n: 412 };
 * console.log(evidence.n); // 412
 * ```
 * @category Personas
 * @since 0.1.0
 */
export type Evidence = z.infer<typeof evidenceSchema>;

const list = () => z.array(z.string().min(1)).default([]);

/**
 * Schema of a persona: a research-based archetype of a customer group.
 *
 * @example
 * ```ts
 * import { personaSchema } from '@cx/model';
 * const anna = personaSchema.parse({
 *   id: 'busy-parent', name: 'Anna, the busy parent', customerType: 'consumer',
 *   goals: ['Order school supplies in 10 minutes'], preferredChannels: ['mobile-app', 'email'],
 *   empathyMap: { feels: ['Rushed'] },
 * });
 * console.log(anna.empathyMap?.feels); // ['Rushed']
 * ```
 * @category Personas
 * @since 0.1.0
 */
export const personaSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    customerType: z.enum(['consumer', 'business']).default('consumer'),
    description: z.string().optional(),
    quote: z.string().optional(),
    imageUrl: httpUrlString().optional(),
    goals: list(),
    needs: list(),
    motivations: list(),
    values: list(),
    frustrations: list(),
    expectations: list(),
    preferredChannels: z.array(channelSchema).default([]),
    media: list(),
    demographics: propertiesSchema.default({}),
    sources: z.array(evidenceSchema).default([]),
    empathyMap: empathyMapSchema.optional(),
  })
  .meta({ id: 'Persona', description: 'A research-based customer archetype.' });

/**
 * A persona (parsed form).
 *
 * @example
 * ```ts
 * import { personaSchema, type Persona } from '@cx/model';
 * const persona: Persona = personaSchema.parse({ id: 'p1', name: 'Marek, the bargain hunter', preferredChannels: ['marketplace'] });
 * console.log(persona.customerType); // 'consumer'
 * ```
 * @category Personas
 * @since 0.1.0
 */
export type Persona = z.infer<typeof personaSchema>;

/**
 * A persona as accepted on input.
 *
 * @example
 * ```ts
 * import { personaSchema, type PersonaInput } from '@cx/model';
 * const input: PersonaInput = { id: 'p2', name: 'Kasia, the office manager', customerType: 'business' };
 * console.log(personaSchema.parse(input).goals); // []
 * ```
 * @category Personas
 * @since 0.1.0
 */
export type PersonaInput = z.input<typeof personaSchema>;
