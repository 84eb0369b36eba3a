// fast-check arbitraries for the main model documents (input form, JSON-compatible).
import fc from 'fast-check';
import { KNOWN_CHANNELS } from '../channel.js';
import { DEFAULT_STAGE_IDS } from '../stage.js';

const MIN = Date.parse('2000-01-01T00:00:00Z');
const MAX = Date.parse('2099-12-31T23:59:59Z');
export const instant = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms).toISOString());
export const calendarDate = fc
  .integer({ min: MIN, max: MAX })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
export const id = fc
  .string({ minLength: 1, maxLength: 24, unit: 'grapheme' })
  .filter((s) => !/\p{Cc}/u.test(s));
export const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
export const channel = fc.oneof(
  fc.constantFrom(...KNOWN_CHANNELS),
  slug.map((s) => `custom:${s}`),
);
export const stageId = fc.oneof(fc.constantFrom(...DEFAULT_STAGE_IDS), slug);
const text = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
// JSON has no negative zero (JSON.stringify(-0) is "0"), so free-form JSON properties cannot carry one.
const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
const scalar = fc.oneof(fc.string({ maxLength: 12 }), jsonNumber, fc.boolean(), fc.constant(null));
export const properties = fc.dictionary(
  fc.string({ maxLength: 10 }),
  fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
  { maxKeys: 4 },
);

export const interaction = fc.record(
  {
    id,
    customerId: id,
    anonymousId: id,
    timestamp: instant,
    name: fc.string({ minLength: 1, maxLength: 30 }),
    channel,
    touchpointId: id,
    stageId,
    sessionId: id,
    source: text,
    properties,
  },
  { requiredKeys: ['id', 'customerId', 'timestamp', 'name', 'channel'] },
);

export const surveyResponse = fc
  .record({
    min: fc.integer({ min: -5, max: 5 }),
    span: fc.integer({ min: 1, max: 10 }),
    direction: fc.constantFrom('higher-is-better', 'lower-is-better'),
    metric: fc.constantFrom('nps', 'csat', 'ces', 'custom'),
    offset: fc.nat(),
    weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    respondedAt: instant,
    id,
    surveyId: id,
    comment: fc.option(text, { nil: undefined }),
    channel: fc.option(channel, { nil: undefined }),
  })
  .map(
    ({
      min,
      span,
      direction,
      metric,
      offset,
      weight,
      respondedAt,
      id: rid,
      surveyId,
      comment,
      channel: ch,
    }) => ({
      id: rid,
      surveyId,
      metric,
      scale: { min, max: min + span, direction, integral: true },
      score: min + (offset % (span + 1)),
      respondedAt,
      weight,
      ...(comment === undefined ? {} : { comment }),
      ...(ch === undefined ? {} : { channel: ch }),
    }),
  );

export const customer = fc.oneof(
  fc.record(
    { id, type: fc.constant('consumer'), firstSeenAt: instant, attributes: properties, segment: text },
    { requiredKeys: ['id', 'type', 'firstSeenAt'] },
  ),
  fc.record({
    id,
    type: fc.constant('business'),
    firstSeenAt: instant,
    account: fc.record({ id, name: text, employees: fc.nat() }, { requiredKeys: ['id', 'name'] }),
    consent: fc.record({
      email: fc.record({ granted: fc.boolean(), at: instant }, { requiredKeys: ['granted'] }),
    }),
  }),
);

/** A referentially consistent journey. */
export const journey = fc
  .record({
    id,
    name: text,
    version: fc.integer({ min: 1, max: 50 }),
    stageIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 6 }),
    touchpointCount: fc.integer({ min: 0, max: 5 }),
    stepCount: fc.integer({ min: 0, max: 6 }),
    emotion: fc.double({ min: -2, max: 2, noNaN: true }),
    lastReviewedAt: calendarDate,
    channels: fc.array(channel, { minLength: 5, maxLength: 5 }),
  })
  .map(
    ({ id: jid, name, version, stageIds, touchpointCount, stepCount, emotion, lastReviewedAt, channels }) => {
      const stageAt = (i: number) => stageIds[i % stageIds.length] as string;
      const touchpoints = Array.from({ length: touchpointCount }, (_, i) => ({
        id: `tp-${i}`,
        name: `Touchpoint ${i}`,
        channel: channels[i] as string,
        stageId: stageAt(i),
      }));
      return {
        id: jid,
        name,
        version,
        lastReviewedAt,
        stages: stageIds.map((s) => ({ id: s, labels: { en: s.toUpperCase(), pl: s } })),
        touchpoints,
        steps: Array.from({ length: stepCount }, (_, i) => ({
          id: `st-${i}`,
          stageId: stageAt(i),
          name: `Step ${i}`,
          touchpointIds: touchpoints.length > 0 ? [`tp-${i % touchpoints.length}`] : [],
          expectedEmotion: emotion,
        })),
        painPoints: [
          { id: 'pp', description: 'Pain', severity: 'medium', stageId: stageAt(0), evidence: [] },
        ],
        improvementActions: [
          { id: 'ia', title: 'Fix', owner: 'Team', dueDate: lastReviewedAt, painPointIds: ['pp'] },
        ],
      };
    },
  );
