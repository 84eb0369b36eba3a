// The demo: a small end-to-end run over @cx/model (the full demo grows as the packages land).
// It validates a designed journey, groups raw interactions into per-customer journeys and sessions,
// assigns stages by rules, and prints a summary table.
import {
  assignStages,
  CxValidationError,
  DEFAULT_STAGES,
  groupJourneys,
  type Interaction,
  interactionSchema,
  parseJourney,
  validate,
} from '@cx/model';

const journey = parseJourney({
  id: 'online-shop',
  name: 'Online shop',
  version: 1,
  stages: [...DEFAULT_STAGES],
  touchpoints: [
    { id: 'search-ads', name: 'Search ads', channel: 'search-ads', stageId: 'search', mediaType: 'paid' },
    { id: 'product-page', name: 'Product page', channel: 'web', stageId: 'consideration' },
    { id: 'checkout', name: 'Checkout', channel: 'web', stageId: 'purchase' },
    { id: 'store', name: 'Store pick-up', channel: 'physical-store', stageId: 'purchase' },
  ],
});

const raw = [
  ['c1', '2026-03-01T09:00:00Z', 'ad_click', 'search-ads', 'search-ads'],
  ['c1', '2026-03-01T09:01:00Z', 'view_item', 'web', 'product-page'],
  ['c1', '2026-03-01T09:05:00Z', 'add_to_cart', 'web', 'product-page'],
  ['c1', '2026-03-02T18:00:00Z', 'purchase', 'physical-store', 'store'],
  ['c2', '2026-03-01T12:00:00Z', 'view_item', 'web', 'product-page'],
  ['c2', '2026-03-01T12:03:00Z', 'add_to_cart', 'web', 'product-page'],
];
const interactions: Interaction[] = raw.map(([customerId, timestamp, name, channel, touchpointId], i) =>
  validate(
    interactionSchema,
    { id: `e${i}`, customerId, timestamp, name, channel, touchpointId },
    { at: [i] },
  ),
);
const staged = assignStages(interactions, [
  { name: 'ad_click', stageId: 'search' },
  { name: 'view_item', stageId: 'consideration' },
  { namePattern: '^(add_to_cart|purchase)$', stageId: 'purchase' },
]);
const journeys = groupJourneys(staged);

console.log(
  `Journey "${journey.name}" v${journey.version}: ${journey.stages.length} stages, ${journey.touchpoints.length} touchpoints`,
);
console.table(
  journeys.map((j) => ({
    customer: j.actorId,
    interactions: j.interactions.length,
    sessions: j.sessions.length,
    stages: [...new Set(j.interactions.map((i) => i.stageId))].join(' → '),
    purchased: j.interactions.some((i) => i.name === 'purchase') ? 'yes' : 'no',
  })),
);

try {
  validate(
    interactionSchema,
    { id: 'bad', timestamp: 'yesterday', name: 'x', channel: 'fax' },
    { at: [raw.length] },
  );
} catch (error) {
  if (error instanceof CxValidationError)
    console.log(`Bad input is reported, not dropped:\n${error.message}`);
}
