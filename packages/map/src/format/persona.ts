// The personas of a format-2 map: @cx/model's persona and empathy map with the map's grammars (see ./journey.ts):
// non-empty texts with the map's message, http(s)-only URLs, the map's channel and id grammars, and demographics
// as a JSON record that refuses `__proto__` keys.
import { empathyMapSchema as modelEmpathyMap, personaSchema as modelPersona } from '@cx/model';
import { z } from 'zod';
import { evidenceSchema } from './journey.js';
import { jsonValue, record } from './json-value.js';
import { channel, id, nonEmpty, texts } from './primitives.js';
import { httpUrl } from './strings.js';

/** */
export const empathyMapSchema = modelEmpathyMap
  .extend({
    says: texts(),
    thinks: texts(),
    does: texts(),
    feels: texts(),
    pains: texts(),
    gains: texts(),
  })
  .meta({ id: 'EmpathyMap' });

/** A persona of a format-2 map (the `@cx/model` persona, with the map's grammars and http(s)-only URLs). */
export const personaSchema = modelPersona
  .extend({
    id: id(),
    name: nonEmpty(),
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
