import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as arb from './__fixtures__/arbitraries.js';
import { customerSchema } from './customer.js';
import { interactionSchema } from './interaction.js';
import { journeySchema } from './journey.js';
import { parseJourney } from './journey-references.js';
import { surveyResponseSchema } from './survey.js';

// parse ∘ serialize = identity: a parsed document written as JSON and parsed again is the same value.
const serialize = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('round trips through JSON', () => {
  it('Interaction', () => {
    fc.assert(
      fc.property(arb.interaction, (input) => {
        const parsed = interactionSchema.parse(input);
        expect(interactionSchema.parse(serialize(parsed))).toEqual(parsed);
      }),
    );
  });

  it('SurveyResponse', () => {
    fc.assert(
      fc.property(arb.surveyResponse, (input) => {
        const parsed = surveyResponseSchema.parse(input);
        expect(surveyResponseSchema.parse(serialize(parsed))).toEqual(parsed);
      }),
    );
  });

  it('Customer', () => {
    fc.assert(
      fc.property(arb.customer, (input) => {
        const parsed = customerSchema.parse(input);
        expect(customerSchema.parse(serialize(parsed))).toEqual(parsed);
      }),
    );
  });

  it('Journey, including its reference checks', () => {
    fc.assert(
      fc.property(arb.journey, (input) => {
        const parsed = parseJourney(input);
        expect(parseJourney(serialize(parsed))).toEqual(parsed);
        expect(journeySchema.parse(parsed)).toEqual(parsed);
      }),
    );
  });
});

describe('canonical numbers', () => {
  it('turns a negative-zero emotion into 0, which JSON can carry', () => {
    const journey = parseJourney({
      id: 'j',
      name: 'J',
      version: 1,
      stages: [{ id: 'a', labels: { en: 'A' } }],
      steps: [{ id: 's', stageId: 'a', name: 'S', expectedEmotion: -0 }],
    });
    expect(Object.is(journey.steps[0]?.expectedEmotion, 0)).toBe(true);
  });
});
