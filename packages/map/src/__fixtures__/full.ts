import type { JourneyMapInput } from '../format/document.js';
import { shopMap } from './shop.js';

/**
 * The shop map with every concept of format 2: stage goals and expectations, pain points with frequency, impact,
 * personas and a step, rated opportunities, as-is and to-be steps and curves, emotion words, a moment of truth on a
 * step, the service blueprint, a KPI with a metric definition, every lane.
 */
export function fullMap(): JourneyMapInput {
  const map = shopMap();
  const j = map.journey;
  j.stages = [
    {
      id: 'consideration',
      labels: { en: 'Consideration', pl: 'Rozważanie' },
      goals: ['Find shoes that fit'],
      expectations: ['Honest size advice', 'Shipping cost shown early'],
    },
    {
      id: 'purchase',
      labels: { en: 'Purchase' },
      goals: ['Pay quickly'],
      expectations: ['No surprises at checkout'],
    },
    { id: 'use', labels: { en: 'Use' }, goals: ['Comfortable shoes'] },
  ];
  j.steps = [
    ...(j.steps ?? []),
    { id: 'call', stageId: 'use', name: 'Calls about a return', expectedEmotion: -1, scenario: 'as-is' },
    { id: 'return-app', stageId: 'use', name: 'Returns in the app', expectedEmotion: 1, scenario: 'to-be' },
  ];
  j.touchpoints = [
    ...(j.touchpoints ?? []),
    { id: 'returns-app', name: 'Returns screen', channel: 'mobile-app', stageId: 'use', scenario: 'to-be' },
  ];
  j.momentsOfTruth = [{ id: 'mot1', name: 'Unboxing', stageId: 'use', stepId: 'wear', kind: 'second' }];
  j.painPoints = [
    {
      id: 'pp1',
      description: 'Shipping cost shown late',
      severity: 'high',
      stageId: 'purchase',
      stepId: 'pay',
      touchpointId: 'checkout',
      personaIds: ['anna', 'piotr'],
      frequency: 'frequent',
      businessImpact: 'high',
      impactDescription: 'About 1 in 3 carts abandoned at the shipping step',
      evidence: [
        { kind: 'analytics', description: 'Funnel, Q1 2026', url: 'https://analytics.example/f/12?q=1' },
      ],
      owner: 'Checkout team',
    },
    {
      id: 'pp2',
      description: 'Size chart unclear',
      severity: 'medium',
      stageId: 'consideration',
      frequency: 'occasional',
    },
    {
      id: 'pp3',
      description: 'Returns need a phone call',
      severity: 'high',
      stageId: 'use',
      stepId: 'call',
      scenario: 'as-is',
    },
  ];
  j.opportunities = [
    {
      id: 'o1',
      description: 'Show shipping on product page',
      stageId: 'consideration',
      stepId: 'compare',
      painPointIds: ['pp1'],
      impact: 'high',
      effort: 'low',
      priority: 'critical',
      owner: 'Web team',
    },
  ];
  map.scenarios = [
    { id: 'as-is', name: 'Today' },
    { id: 'to-be', name: 'After the returns app', targetDate: '2026-10-01' },
  ];
  map.emotionCurves = [
    {
      personaId: 'anna',
      points: [
        { stepId: 'compare', emotion: 1, words: ['curious'] },
        { stepId: 'pay', emotion: -1, words: ['annoyed', 'rushed'] },
        { stepId: 'wear', emotion: 2 },
      ],
    },
    {
      personaId: 'piotr',
      points: [
        { stepId: 'compare', emotion: 0 },
        { stepId: 'pay', emotion: -2 },
        { stepId: 'wait', words: ['impatient'] },
        { stepId: 'wear', emotion: 1 },
      ],
    },
    {
      personaId: 'anna',
      scenario: 'as-is',
      points: [{ stepId: 'call', emotion: -2, words: ['frustrated'] }],
    },
    {
      personaId: 'anna',
      scenario: 'to-be',
      points: [{ stepId: 'return-app', emotion: 1, words: ['relieved'] }],
    },
  ];
  map.thoughts = [
    { id: 't1', stepId: 'pay', personaId: 'anna', text: 'Why is shipping so expensive?' },
    { id: 't2', stepId: 'call', text: 'On hold again', scenario: 'as-is' },
  ];
  map.blueprint = [
    { id: 'bp1', layer: 'physical-evidence', stageId: 'use', stepId: 'wear', name: 'Shoe box and invoice' },
    { id: 'bp2', layer: 'customer-action', stageId: 'purchase', stepId: 'pay', name: 'Enters card details' },
    {
      id: 'bp3',
      layer: 'frontstage',
      stageId: 'purchase',
      stepId: 'pay',
      name: 'Checkout shows total',
      owner: 'Checkout team',
    },
    { id: 'bp4', layer: 'backstage', stageId: 'purchase', stepId: 'pay', name: 'Fraud check' },
    { id: 'bp5', layer: 'support', stageId: 'purchase', name: 'Payment provider API' },
    {
      id: 'bp6',
      layer: 'frontstage',
      stageId: 'use',
      stepId: 'return-app',
      name: 'Return label in the app',
      scenario: 'to-be',
    },
  ];
  map.kpis = [
    ...(map.kpis ?? []),
    {
      id: 'k2',
      name: 'NPS after use',
      stageId: 'use',
      metric: 'nps',
      target: 40,
      definition: { kind: 'nps', scope: { stageId: 'use' } },
    },
    {
      id: 'k3',
      name: 'Negative feedback at purchase',
      stageId: 'purchase',
      definition: { kind: 'sentiment-share', scope: { stageId: 'purchase' }, label: 'negative' },
    },
  ];
  map.lanes = [
    { id: 'steps', kind: 'steps' },
    { id: 'goals', kind: 'goals' },
    { id: 'expectations', kind: 'expectations' },
    { id: 'touchpoints', kind: 'touchpoints' },
    { id: 'channels', kind: 'channels' },
    { id: 'thoughts', kind: 'thoughts' },
    { id: 'emotions', kind: 'emotions', label: 'How it feels' },
    { id: 'moments-of-truth', kind: 'moments-of-truth' },
    { id: 'pain-points', kind: 'pain-points' },
    { id: 'desired-actions', kind: 'desired-actions' },
    { id: 'completed-actions', kind: 'completed-actions' },
    { id: 'opportunities', kind: 'opportunities' },
    { id: 'improvement-actions', kind: 'improvement-actions' },
    { id: 'kpis', kind: 'kpis' },
    { id: 'backstage', kind: 'backstage' },
    { id: 'blueprint', kind: 'blueprint' },
    {
      id: 'notes',
      kind: 'notes',
      label: 'Research notes',
      cells: [{ stageId: 'use', text: 'Interviews:\n12 in March' }],
    },
  ];
  return map;
}
