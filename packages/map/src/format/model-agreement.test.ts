import * as model from '@cx/model';
import { describe, expect, it } from 'vitest';
import { mapDocumentSchema } from './document.js';
import * as map from './journey.js';
import * as persona from './persona.js';

// The map's document schemas are @cx/model's with the map's grammars and the map's own (format 2) fields. These
// pairs keep the two from drifting: every model field is a map field, in the model's order, and the only fields
// the map adds are the ones listed here.
const pairs = [
  ['Evidence', map.evidenceSchema, model.evidenceSchema, []],
  ['Stage', map.stageSchema, model.stageSchema, ['goals', 'expectations']],
  ['Touchpoint', map.touchpointSchema, model.touchpointSchema, ['scenario']],
  ['Step', map.stepSchema, model.journeyStepSchema, ['scenario']],
  ['MomentOfTruth', map.momentOfTruthSchema, model.momentOfTruthSchema, ['stepId', 'scenario']],
  [
    'PainPoint',
    map.painPointSchema,
    model.painPointSchema,
    ['stepId', 'personaIds', 'frequency', 'businessImpact', 'impactDescription', 'scenario'],
  ],
  ['DesiredAction', map.desiredActionSchema, model.desiredActionSchema, []],
  ['CompletedAction', map.completedActionSchema, model.completedActionSchema, []],
  [
    'Opportunity',
    map.opportunitySchema,
    model.opportunitySchema,
    ['stepId', 'impact', 'effort', 'priority', 'owner'],
  ],
  ['ImprovementAction', map.improvementActionSchema, model.improvementActionSchema, []],
  ['Journey', map.journeySchema, model.journeySchema, []],
  ['EmpathyMap', persona.empathyMapSchema, model.empathyMapSchema, []],
  ['Persona', persona.personaSchema, model.personaSchema, []],
] as const;

describe('the map format 2 schemas are built from @cx/model', () => {
  it.each(pairs)(
    '%s: the model fields in the model order, plus the listed map fields',
    (_name, m, base, own) => {
      const keys = Object.keys(m.shape);
      const baseKeys = Object.keys(base.shape);
      expect(keys.filter((k) => baseKeys.includes(k))).toEqual(baseKeys);
      expect(keys.filter((k) => !baseKeys.includes(k))).toEqual(own);
    },
  );

  it('uses the vocabularies of the model (enumerations take their values from it)', () => {
    expect(map.painPointSchema.shape.severity.options).toEqual(model.severitySchema.options);
    expect(map.touchpointSchema.shape.mediaType.unwrap().options).toEqual(model.mediaTypeSchema.options);
    expect(map.touchpointSchema.shape.visibility.unwrap().options).toEqual(model.visibilitySchema.options);
    expect(map.evidenceSchema.shape.kind).toBe(model.evidenceSchema.shape.kind);
    expect(map.journeySchema.shape.status).toBe(model.journeySchema.shape.status);
    expect(map.improvementActionSchema.shape.status).toBe(model.improvementActionSchema.shape.status);
    expect(map.momentOfTruthSchema.shape.kind).toBe(model.momentOfTruthSchema.shape.kind);
    expect(persona.personaSchema.shape.customerType).toBe(model.personaSchema.shape.customerType);
  });

  it('reads the journey of a model document as the model does (the map is a superset)', () => {
    const journey = {
      id: 'shop',
      name: 'Online shop',
      version: 1,
      stages: [...model.DEFAULT_STAGES],
      touchpoints: [{ id: 'checkout', name: 'Checkout', channel: 'web', stageId: 'purchase' }],
      steps: [
        { id: 'pay', stageId: 'purchase', name: 'Pays', touchpointIds: ['checkout'], expectedEmotion: -1 },
      ],
      painPoints: [
        {
          id: 'pp1',
          description: 'Shipping cost shown late',
          severity: 'high',
          stageId: 'purchase',
          evidence: [{ kind: 'analytics', description: '38% leave', url: 'https://example.com/r', n: 412 }],
        },
      ],
      opportunities: [{ id: 'o1', description: 'Show shipping early', painPointIds: ['pp1'] }],
    };
    const fromModel = model.journeySchema.parse(journey);
    const fromMap = mapDocumentSchema.parse({ formatVersion: 2, journey }).journey;
    // the map fills its own defaults (stage goals, pain-point personas); everything the model has is equal
    expect(fromMap).toMatchObject(fromModel);
  });

  it('reads URLs by the one http(s) grammar of @cx/model, as the model does', () => {
    const evidence = { kind: 'review', description: 'x', url: 'ftp://example.com/file' };
    expect(model.evidenceSchema.safeParse(evidence).success).toBe(false);
    expect(map.evidenceSchema.safeParse(evidence).success).toBe(false);
    const https = { ...evidence, url: 'https://example.com/file' };
    expect(model.evidenceSchema.safeParse(https).success).toBe(true);
    expect(map.evidenceSchema.safeParse(https).success).toBe(true);
  });

  it('reports a model field missing from the map key order', async () => {
    const { z } = await import('zod');
    const { withFields } = await import('./journey.js');
    expect(() => withFields(z.strictObject({ a: z.string(), b: z.string() }), {}, ['a'])).toThrow(/b/);
  });
});
