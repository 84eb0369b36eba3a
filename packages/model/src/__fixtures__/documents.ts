// Realistic documents for every model schema, and malformed variants with the path each must be rejected at.
import { DEFAULT_STAGES } from '../stage.js';

export const customerConsumer = {
  id: 'cus_000184',
  type: 'consumer',
  name: 'Anna Kowalska',
  email: 'anna.kowalska@example.pl',
  personaId: 'busy-parent',
  segment: 'loyal',
  attributes: { city: 'Kraków', loyaltyTier: 'gold', lifetimeOrders: 14 },
  consent: {
    email: { granted: true, at: '2025-11-02T08:14:00Z', source: 'checkout' },
    tracking: { granted: false },
  },
  firstSeenAt: '2025-03-14T17:22:05.120Z',
};

export const customerBusiness = {
  id: 'cus_b2b_0042',
  type: 'business',
  name: 'Piotr Nowak',
  email: 'p.nowak@budmat.example.com',
  role: 'Procurement manager',
  account: {
    id: 'acc_budmat',
    name: 'Budmat sp. z o.o.',
    industry: 'Construction',
    employees: 240,
    country: 'PL',
  },
  attributes: { paymentTerms: 'NET30' },
  consent: {},
  firstSeenAt: '2024-09-01T10:00:00Z',
};

export const persona = {
  id: 'busy-parent',
  name: 'Anna, the busy parent',
  customerType: 'consumer',
  description: 'Works full time, shops on her phone in the evening.',
  quote: 'I have ten minutes after the kids are asleep.',
  goals: ['Get school supplies delivered before Monday'],
  needs: ['Clear delivery dates', 'One-tap payment'],
  motivations: ['Save time'],
  values: ['Reliability'],
  frustrations: ['Hidden shipping costs'],
  expectations: ['Delivery within 48 hours'],
  preferredChannels: ['mobile-app', 'email'],
  media: ['Instagram', 'Parenting forums'],
  demographics: { ageRange: '30-39', location: 'Kraków', children: 2 },
  sources: [{ kind: 'interview', description: '12 in-depth interviews, Q1 2026', n: 12, date: '2026-02-10' }],
  empathyMap: {
    says: ['Where is my parcel?'],
    thinks: ['Is this cheaper elsewhere?'],
    does: ['Compares prices on Ceneo'],
    feels: ['Rushed'],
    pains: ['Late deliveries'],
    gains: ['Time for the family'],
  },
};

export const touchpoint = {
  id: 'checkout',
  name: 'Checkout page',
  channel: 'web',
  stageId: 'purchase',
  mediaType: 'owned',
  visibility: 'frontstage',
  owner: 'E-commerce team',
};

export const journey = {
  id: 'online-shop',
  name: 'Online shop: first purchase',
  description: 'From need to repurchase for a consumer buying online.',
  status: 'active',
  version: 3,
  lastReviewedAt: '2026-02-01',
  reviewEveryDays: 90,
  owner: 'CX team',
  personaIds: ['busy-parent'],
  stages: DEFAULT_STAGES.map((s) => ({ ...s, labels: { ...s.labels } })),
  touchpoints: [
    touchpoint,
    {
      id: 'search-ads',
      name: 'Search ads',
      channel: 'search-ads',
      stageId: 'search',
      mediaType: 'paid',
      visibility: 'frontstage',
    },
    {
      id: 'reviews',
      name: 'Review sites',
      channel: 'review-site',
      stageId: 'consideration',
      mediaType: 'earned',
      visibility: 'frontstage',
    },
    {
      id: 'warehouse',
      name: 'Warehouse picking',
      channel: 'other',
      stageId: 'purchase',
      mediaType: 'owned',
      visibility: 'backstage',
      owner: 'Logistics',
    },
  ],
  steps: [
    {
      id: 'st-search',
      stageId: 'search',
      name: 'Searches for "plecak szkolny"',
      touchpointIds: ['search-ads'],
      expectedEmotion: 0,
    },
    {
      id: 'st-pay',
      stageId: 'purchase',
      name: 'Pays by BLIK',
      touchpointIds: ['checkout'],
      expectedEmotion: 1.5,
    },
  ],
  momentsOfTruth: [
    {
      id: 'mot-1',
      name: 'Sees the delivery date',
      stageId: 'purchase',
      touchpointId: 'checkout',
      kind: 'first',
    },
  ],
  painPoints: [
    {
      id: 'pp-shipping',
      description: 'Shipping cost shown only at the last step',
      severity: 'high',
      stageId: 'purchase',
      touchpointId: 'checkout',
      evidence: [{ kind: 'analytics', description: '38% leave at the shipping step', n: 5120 }],
      owner: 'Checkout team',
    },
  ],
  desiredActions: [
    {
      id: 'da-checkout',
      stageId: 'purchase',
      touchpointId: 'checkout',
      name: 'Complete checkout',
      interactionNames: ['begin_checkout'],
    },
  ],
  completedActions: [
    {
      id: 'ca-purchase',
      desiredActionId: 'da-checkout',
      name: 'Order placed',
      interactionNames: ['purchase'],
    },
  ],
  opportunities: [
    {
      id: 'op-1',
      description: 'Show shipping cost on the product page',
      stageId: 'purchase',
      painPointIds: ['pp-shipping'],
    },
  ],
  improvementActions: [
    {
      id: 'ia-1',
      title: 'Shipping cost on product page',
      owner: 'Checkout team',
      dueDate: '2026-06-30',
      status: 'in-progress',
      stageId: 'purchase',
      painPointIds: ['pp-shipping'],
      opportunityId: 'op-1',
    },
  ],
};

export const interaction = {
  id: 'evt_9f2c',
  customerId: 'cus_000184',
  timestamp: '2026-03-01T09:30:12.504Z',
  name: 'add_to_cart',
  channel: 'mobile-app',
  touchpointId: 'product-page',
  stageId: 'purchase',
  sessionId: 'ses_77',
  source: 'ga4',
  properties: { sku: 'BAG-001', value: 129.99, currency: 'PLN', items: [{ sku: 'BAG-001', qty: 1 }] },
};

export const surveyResponse = {
  id: 'resp_001',
  surveyId: 'post-purchase-nps',
  questionId: 'q1',
  metric: 'nps',
  scale: { min: 0, max: 10, direction: 'higher-is-better', integral: true },
  score: 9,
  customerId: 'cus_000184',
  respondedAt: '2026-03-04T12:00:00Z',
  comment: 'Szybka dostawa, polecam!',
  language: 'pl',
  touchpointId: 'checkout',
  stageId: 'purchase',
  channel: 'email',
  weight: 1.2,
  properties: { wave: 'march' },
};

export const order = {
  id: 'ord_5521',
  customerId: 'cus_000184',
  orderedAt: '2026-03-01T09:41:00Z',
  amount: 259.98,
  currency: 'PLN',
  status: 'fulfilled',
  channel: 'mobile-app',
  items: [{ sku: 'BAG-001', name: 'School backpack', quantity: 2, unitPrice: 129.99, category: 'school' }],
  properties: { coupon: 'BACK2SCHOOL' },
};

export const subscription = {
  id: 'sub_301',
  customerId: 'cus_b2b_0042',
  plan: 'business-pro',
  status: 'cancelled',
  startedAt: '2025-01-15T00:00:00Z',
  endedAt: '2026-01-15T00:00:00Z',
  cancelledAt: '2025-12-20T09:12:00Z',
  amount: 499,
  currency: 'EUR',
  billingInterval: 'month',
  amountChanges: [{ at: '2025-06-15T00:00:00Z', amount: 699 }],
  properties: { seats: 25 },
};

export const feedback = {
  id: 'fb_11',
  text: 'The courier was two days late and nobody answered the chat.',
  language: 'en',
  source: 'review',
  author: { name: 'J. Smith' },
  customerId: 'cus_000184',
  url: 'https://reviews.example.com/r/11',
  createdAt: '2026-03-06T20:15:00Z',
  rating: 2,
  touchpointId: 'checkout',
  stageId: 'use',
  channel: 'review-site',
  properties: {},
};

export const mention = {
  id: 'mn_5',
  text: 'Najlepsza aplikacja zakupowa 😍 #zakupy @sklep',
  language: 'pl',
  source: 'social',
  platform: 'instagram',
  brand: 'sklep',
  author: { handle: '@ola', followers: 1840 },
  createdAt: '2026-03-07T10:00:00Z',
  hashtags: ['zakupy'],
  mentions: ['sklep'],
  engagement: { likes: 120, shares: 4, comments: 9, clicks: 0, reach: 5300 },
  properties: {},
};

export const stageRule = {
  namePattern: '^(add_to_cart|begin_checkout|purchase)$',
  channel: 'web',
  stageId: 'purchase',
};

/** Valid documents by schema name. */
export const valid = {
  Customer: [customerConsumer, customerBusiness],
  Persona: [persona, { id: 'p2', name: 'Minimal persona' }],
  Stage: [...DEFAULT_STAGES],
  Touchpoint: [touchpoint, { id: 'tp', name: 'Kiosk', channel: 'custom:kiosk', stageId: 'use' }],
  Journey: [
    journey,
    { id: 'j', name: 'Minimal', version: 1, stages: [{ id: 'purchase', labels: { en: 'Purchase' } }] },
  ],
  Interaction: [
    interaction,
    { id: 'e', anonymousId: 'dev-1', timestamp: '2026-01-01T00:00:00Z', name: 'page_view', channel: 'web' },
  ],
  SurveyResponse: [
    surveyResponse,
    {
      id: 'r2',
      surveyId: 's',
      metric: 'ces',
      scale: { min: 1, max: 5, direction: 'lower-is-better' },
      score: 2,
      respondedAt: '2026-01-01T00:00:00Z',
    },
  ],
  Order: [order],
  Subscription: [
    subscription,
    {
      id: 's',
      customerId: 'c',
      status: 'active',
      startedAt: '2026-01-01T00:00:00Z',
      amount: 0,
      currency: 'PLN',
    },
  ],
  Feedback: [feedback],
  Mention: [mention],
  StageRule: [stageRule],
} as const;

/** A malformed document and the issue paths it must be rejected with (sorted, joined with '/'). */
export interface Invalid {
  readonly name: string;
  readonly schema: keyof typeof valid;
  readonly value: unknown;
  readonly paths: readonly string[];
  /** Rules JSON Schema cannot express; only the zod schema rejects these. */
  readonly zodOnly?: boolean;
}

export const invalid: readonly Invalid[] = [
  {
    name: 'business customer without account',
    schema: 'Customer',
    value: { ...customerBusiness, account: undefined },
    paths: ['account'],
  },
  {
    name: 'unknown customer type',
    schema: 'Customer',
    value: { ...customerConsumer, type: 'robot' },
    paths: ['type'],
  },
  {
    name: 'bad e-mail and local first-seen time',
    schema: 'Customer',
    value: { ...customerConsumer, email: 'anna@', firstSeenAt: '2025-03-14 17:22' },
    paths: ['email', 'firstSeenAt'],
  },
  {
    name: 'consent flag without granted',
    schema: 'Customer',
    value: { ...customerConsumer, consent: { email: { at: '2025-01-01T00:00:00Z' } } },
    paths: ['consent/email/granted'],
  },
  {
    name: 'B2B account with a bad country code',
    schema: 'Customer',
    value: { ...customerBusiness, account: { ...customerBusiness.account, country: 'Poland' } },
    paths: ['account/country'],
  },
  {
    name: 'persona with an unknown channel',
    schema: 'Persona',
    value: { ...persona, preferredChannels: ['mobile-app', 'carrier-pigeon'] },
    paths: ['preferredChannels/1'],
  },
  {
    name: 'empathy map with an unknown quadrant',
    schema: 'Persona',
    value: { ...persona, empathyMap: { ...persona.empathyMap, hears: ['x'] } },
    paths: ['empathyMap'],
  },
  {
    name: 'stage id that is not a slug',
    schema: 'Stage',
    value: { id: 'Purchase Stage', labels: { en: 'Purchase' } },
    paths: ['id'],
  },
  {
    name: 'stage without an English label',
    schema: 'Stage',
    value: { id: 'x', labels: { pl: 'Zakup' } },
    paths: ['labels/en'],
  },
  {
    name: 'touchpoint with unknown media type',
    schema: 'Touchpoint',
    value: { ...touchpoint, mediaType: 'rented' },
    paths: ['mediaType'],
  },
  { name: 'journey without stages', schema: 'Journey', value: { ...journey, stages: [] }, paths: ['stages'] },
  {
    name: 'journey step emotion off the scale',
    schema: 'Journey',
    value: { ...journey, steps: [{ ...journey.steps[0], expectedEmotion: 3 }] },
    paths: ['steps/0/expectedEmotion'],
  },
  {
    name: 'pain point with unknown severity',
    schema: 'Journey',
    value: { ...journey, painPoints: [{ ...journey.painPoints[0], severity: 'annoying' }] },
    paths: ['painPoints/0/severity'],
  },
  {
    name: 'improvement action due date not a date',
    schema: 'Journey',
    value: { ...journey, improvementActions: [{ ...journey.improvementActions[0], dueDate: '30.06.2026' }] },
    paths: ['improvementActions/0/dueDate'],
  },
  { name: 'journey version zero', schema: 'Journey', value: { ...journey, version: 0 }, paths: ['version'] },
  {
    name: 'interaction belonging to no one',
    schema: 'Interaction',
    value: { ...interaction, customerId: undefined },
    paths: ['customerId'],
  },
  {
    name: 'interaction with offset timestamp and unknown key',
    schema: 'Interaction',
    value: { ...interaction, timestamp: '2026-03-01T10:30:12+01:00', extra: true },
    paths: ['', 'timestamp'],
  },
  {
    name: 'interaction with empty id',
    schema: 'Interaction',
    value: { ...interaction, id: '' },
    paths: ['id'],
  },
  {
    name: 'interaction id with a control character',
    schema: 'Interaction',
    value: { ...interaction, id: 'evt\u0000' },
    paths: ['id'],
  },
  {
    name: 'survey response with unknown metric',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, metric: 'happiness' },
    paths: ['metric'],
  },
  {
    name: 'survey response with zero weight',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, weight: 0 },
    paths: ['weight'],
  },
  {
    name: 'survey scale without max',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, scale: { min: 0 } },
    paths: ['scale/max'],
  },
  {
    name: 'NPS score 11 on a 0-10 scale',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, score: 11 },
    paths: ['score'],
    zodOnly: true,
  },
  {
    name: 'fractional score on an integral scale',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, score: 8.5 },
    paths: ['score'],
    zodOnly: true,
  },
  {
    name: 'scale with max below min',
    schema: 'SurveyResponse',
    value: { ...surveyResponse, scale: { min: 10, max: 0 }, score: 5 },
    paths: ['scale/max'],
    zodOnly: true,
  },
  { name: 'order with negative amount', schema: 'Order', value: { ...order, amount: -5 }, paths: ['amount'] },
  {
    name: 'order with lower-case currency and zero quantity',
    schema: 'Order',
    value: { ...order, currency: 'pln', items: [{ ...order.items[0], quantity: 0 }] },
    paths: ['currency', 'items/0/quantity'],
  },
  {
    name: 'subscription ending before it starts',
    schema: 'Subscription',
    value: { ...subscription, endedAt: '2024-01-01T00:00:00Z' },
    paths: ['endedAt'],
    zodOnly: true,
  },
  {
    name: 'subscription amount changes out of order',
    schema: 'Subscription',
    value: { ...subscription, amountChanges: [{ at: '2024-06-15T00:00:00Z', amount: 699 }] },
    paths: ['amountChanges/0/at'],
    zodOnly: true,
  },
  {
    name: 'subscription with unknown billing interval',
    schema: 'Subscription',
    value: { ...subscription, billingInterval: 'fortnight' },
    paths: ['billingInterval'],
  },
  {
    name: 'feedback with unknown source and bad language tag',
    schema: 'Feedback',
    value: { ...feedback, source: 'pigeon', language: 'English' },
    paths: ['language', 'source'],
  },
  {
    name: 'mention not from social media',
    schema: 'Mention',
    value: { ...mention, source: 'review' },
    paths: ['source'],
  },
  {
    name: 'mention with negative likes',
    schema: 'Mention',
    value: { ...mention, engagement: { ...mention.engagement, likes: -1 } },
    paths: ['engagement/likes'],
  },
  {
    name: 'stage rule without any condition',
    schema: 'StageRule',
    value: { stageId: 'purchase' },
    paths: [''],
  },
  {
    name: 'stage rule with an empty pattern',
    schema: 'StageRule',
    value: { ...stageRule, namePattern: '' },
    paths: ['namePattern'],
  },
  {
    name: 'stage rule whose pattern uses a lookahead (unsupported syntax)',
    schema: 'StageRule',
    value: { ...stageRule, namePattern: '^view(?=_item)' },
    paths: ['namePattern'],
    zodOnly: true,
  },
];
