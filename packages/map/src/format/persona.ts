import { z } from 'zod';
import { evidenceSchema } from './journey.js';
import { jsonValue, record } from './json-value.js';
import { channel, id, nonEmpty, texts } from './primitives.js';
import { httpUrl } from './strings.js';

/** */
export const empathyMapSchema = z
  .strictObject({
    says: texts(),
    thinks: texts(),
    does: texts(),
    feels: texts(),
    pains: texts(),
    gains: texts(),
  })
  .meta({ id: 'EmpathyMap' });

/** A persona of a format-2 map (the `@cx/model` persona, with http(s)-only URLs). */
export const personaSchema = z
  .strictObject({
    id: id(),
    name: nonEmpty(),
    customerType: z.enum(['consumer', 'business']).default('consumer'),
    description: z.string().optional(),
    quote: z.string().optional(),
    imageUrl: httpUrl().optional(),
    goals: texts(),
    needs: texts(),
    motivations: texts(),
    values: texts(),
    frustrations: texts(),
    expectations: texts(),
    preferredChannels: z.array(channel()).default([]),
    media: texts(),
    demographics: record(jsonValue).default({}),
    sources: z.array(evidenceSchema).default([]),
    empathyMap: empathyMapSchema.optional(),
  })
  .meta({ id: 'Persona' });
