import type { JourneyMapInput } from '../format/document.js';

/** A small but complete map used across the tests: 3 stages, 2 personas, every lane filled. */
export function shopMap(): JourneyMapInput {
  return {
    formatVersion: 2,
    journey: {
      id: 'shop',
      name: 'Online shoe shop',
      version: 3,
      lastReviewedAt: '2026-01-15',
      reviewEveryDays: 90,
      owner: 'CX team',
      personaIds: ['anna', 'piotr'],
      stages: [
        { id: 'consideration', labels: { en: 'Consideration', pl: 'Rozważanie' } },
        { id: 'purchase', labels: { en: 'Purchase' } },
        { id: 'use', labels: { en: 'Use' } },
      ],
      touchpoints: [
        { id: 'pdp', name: 'Product page', channel: 'web', stageId: 'consideration' },
        { id: 'checkout', name: 'Checkout', channel: 'web', stageId: 'purchase', owner: 'Checkout team' },
        { id: 'fraud', name: 'Fraud check', channel: 'other', stageId: 'purchase', visibility: 'backstage' },
      ],
      steps: [
        {
          id: 'compare',
          stageId: 'consideration',
          name: 'Compares sizes',
          touchpointIds: ['pdp'],
          expectedEmotion: 1,
        },
        {
          id: 'pay',
          stageId: 'purchase',
          name: 'Pays by card',
          touchpointIds: ['checkout'],
          expectedEmotion: -1,
        },
        { id: 'wait', stageId: 'purchase', name: 'Waits for parcel', expectedEmotion: 0 },
        { id: 'wear', stageId: 'use', name: 'Wears shoes', expectedEmotion: 2 },
      ],
      momentsOfTruth: [{ id: 'mot1', name: 'Unboxing', stageId: 'use', kind: 'second' }],
      painPoints: [
        {
          id: 'pp1',
          description: 'Shipping cost shown late',
          severity: 'high',
          stageId: 'purchase',
          touchpointId: 'checkout',
          owner: 'Checkout team',
        },
        { id: 'pp2', description: 'Size chart unclear', severity: 'medium', stageId: 'consideration' },
      ],
      desiredActions: [
        { id: 'da1', stageId: 'purchase', name: 'Complete checkout', interactionNames: ['purchase'] },
      ],
      completedActions: [
        { id: 'ca1', desiredActionId: 'da1', name: 'Order placed', interactionNames: ['purchase'] },
      ],
      opportunities: [
        {
          id: 'o1',
          description: 'Show shipping on product page',
          stageId: 'consideration',
          painPointIds: ['pp1'],
        },
      ],
      improvementActions: [
        {
          id: 'ia1',
          title: 'Shipping calculator on PDP',
          owner: 'Web team',
          dueDate: '2026-03-31',
          stageId: 'consideration',
          opportunityId: 'o1',
        },
        {
          id: 'ia2',
          title: 'New size chart',
          owner: 'Content team',
          dueDate: '2026-09-30',
          status: 'in-progress',
          stageId: 'consideration',
          painPointIds: ['pp2'],
        },
      ],
    },
    personas: [
      { id: 'anna', name: 'Anna' },
      { id: 'piotr', name: 'Piotr' },
    ],
    emotionCurves: [
      {
        personaId: 'anna',
        points: [
          { stepId: 'compare', emotion: 1 },
          { stepId: 'pay', emotion: -1 },
          { stepId: 'wear', emotion: 2 },
        ],
      },
      {
        personaId: 'piotr',
        points: [
          { stepId: 'compare', emotion: 0 },
          { stepId: 'pay', emotion: -2 },
          { stepId: 'wait', emotion: -1 },
          { stepId: 'wear', emotion: 1 },
        ],
      },
    ],
    thoughts: [{ id: 't1', stepId: 'pay', personaId: 'anna', text: 'Why is shipping so expensive?' }],
    kpis: [
      {
        id: 'k1',
        name: 'Checkout conversion',
        stageId: 'purchase',
        touchpointId: 'checkout',
        metric: 'conversion',
        target: 0.6,
      },
    ],
    measurements: [
      {
        id: 'm1',
        metric: 'conversion',
        value: 0.52,
        n: 1840,
        stageId: 'purchase',
        touchpointId: 'checkout',
        kpiId: 'k1',
        window: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      },
      {
        id: 'm2',
        metric: 'nps',
        value: 31,
        n: 412,
        confidenceInterval: { lower: 24.2, upper: 37.5 },
        stageId: 'use',
        window: { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
      },
    ],
  };
}
