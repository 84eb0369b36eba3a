import { describe, expect, it } from 'vitest';
import { journey } from './__fixtures__/documents.js';
import { CxValidationError } from './errors/validation-error.js';
import { journeySchema } from './journey.js';
import { journeyReferenceIssues, parseJourney } from './journey-references.js';

const copy = () => JSON.parse(JSON.stringify(journey));

describe('journey references', () => {
  it('accepts the consistent ten-stage journey', () => {
    const parsed = parseJourney(copy());
    expect(parsed.stages.map((s) => s.id)).toEqual([
      'need',
      'search',
      'awareness',
      'consideration',
      'decision',
      'purchase',
      'use',
      'review',
      'recommendation',
      'repurchase',
    ]);
    expect(journeyReferenceIssues(parsed)).toEqual([]);
  });

  it('names every dangling reference and duplicate id with its path', () => {
    const j = copy();
    j.steps[0].stageId = 'checkout-stage';
    j.steps[1].touchpointIds = ['checkout', 'app-store'];
    j.touchpoints.push({ ...j.touchpoints[0] });
    j.completedActions[0].desiredActionId = 'da-missing';
    j.improvementActions[0].painPointIds = ['pp-shipping', 'pp-missing'];
    j.improvementActions[0].opportunityId = 'op-missing';
    const issues = journeyReferenceIssues(journeySchema.parse(j));
    expect(issues.map((i) => [i.path.join('/'), i.code])).toEqual([
      ['touchpoints/4/id', 'duplicate_id'],
      ['steps/0/stageId', 'dangling_reference'],
      ['steps/1/touchpointIds/1', 'dangling_reference'],
      ['completedActions/0/desiredActionId', 'dangling_reference'],
      ['improvementActions/0/opportunityId', 'dangling_reference'],
      ['improvementActions/0/painPointIds/1', 'dangling_reference'],
    ]);
    expect(issues[0]?.message).toBe('Duplicate id "checkout" (first used at /touchpoints/0)');
    expect(issues[1]?.message).toBe('Unknown stage "checkout-stage": no stage with this id in the journey');
  });

  it('parseJourney throws one CxValidationError listing every issue', () => {
    const j = copy();
    j.painPoints[0].stageId = 'nowhere';
    j.momentsOfTruth[0].touchpointId = 'nowhere';
    expect(() => parseJourney(j)).toThrow(CxValidationError);
    try {
      parseJourney(j);
    } catch (error) {
      expect((error as CxValidationError).issues.map((i) => i.path.join('/'))).toEqual([
        'momentsOfTruth/0/touchpointId',
        'painPoints/0/stageId',
      ]);
      expect((error as CxValidationError).message).toMatch(/^Invalid Journey: 2 issues/);
    }
  });

  it('reports structural problems before references', () => {
    expect(() => parseJourney({ id: 'j', name: 'J', version: 1, stages: 'all of them' })).toThrow(
      /at \/stages/,
    );
  });
});
