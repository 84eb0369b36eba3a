import { createHash } from 'node:crypto';
import {
  CxOptionsError,
  customerSchema,
  feedbackSchema,
  interactionSchema,
  mentionSchema,
  orderSchema,
  parseJourney,
  personaSchema,
  subscriptionSchema,
  surveyResponseSchema,
  validate,
} from '@cx/model';
import { describe, expect, it } from 'vitest';
import { createSampleShop } from './shop.js';

const shop = createSampleShop({ customers: 300, seed: 11 });

function dump(s: ReturnType<typeof createSampleShop>): string {
  return JSON.stringify([
    [...s.customers()],
    [...s.interactions()],
    [...s.surveyResponses()],
    [...s.orders()],
    [...s.subscriptions()],
    [...s.feedback()],
    [...s.mentions()],
    s.journey,
    s.personas,
  ]);
}

describe('createSampleShop: determinism', () => {
  it('gives byte-identical output for the same seed, and different output for another seed', () => {
    const a = dump(createSampleShop({ customers: 40, seed: 5 }));
    expect(dump(createSampleShop({ customers: 40, seed: 5 }))).toBe(a);
    expect(dump(createSampleShop({ customers: 40, seed: 6 }))).not.toBe(a);
  });

  it('gives the same bytes as release 0.1.0 (fingerprints recorded before life.ts was split by job)', () => {
    // SHA-256 of every record of every stream (JSON, one per line), then the journey and personas, as produced by
    // the generator before its split into src/life/*.ts: the split must not change a single draw.
    const fingerprint = (options: Parameters<typeof createSampleShop>[0]) => {
      const s = createSampleShop(options);
      const h = createHash('sha256');
      for (const stream of [
        s.customers(),
        s.interactions(),
        s.surveyResponses(),
        s.orders(),
        s.subscriptions(),
        s.feedback(),
        s.mentions(),
      ])
        for (const r of stream) h.update(JSON.stringify(r)).update('\n');
      h.update(JSON.stringify(s.journey)).update(JSON.stringify(s.personas));
      return h.digest('hex');
    };
    expect(fingerprint({ customers: 400, seed: 5 })).toBe(
      '1208711fe74270f14b6cffc2f8e9bd1f0acbf4998097ed209165841516addb30',
    );
    // Long period from the last day of a month: subscriptions renew across short months and leap days.
    expect(
      fingerprint({
        customers: 300,
        seed: 42,
        days: 900,
        businessShare: 0.6,
        start: '2024-01-31T00:00:00.000Z',
      }),
    ).toBe('63b8b3f7c239f4483d9579d3cd9535d968d1fd2dae7760167d4d23fe9b23c1b2');
    // About a second of generation on an idle core; the bound is generous for a shared, loaded machine (not a timing).
  }, 60_000);

  it('re-iterating a stream gives the same records', () => {
    const orders = shop.orders();
    expect(JSON.stringify([...orders])).toBe(JSON.stringify([...orders]));
  });

  it('a customer does not depend on how many customers follow (prefix stability)', () => {
    const small = [...createSampleShop({ customers: 10, seed: 11 }).interactions()];
    const large = [...shop.interactions()].filter((e) => Number(e.customerId!.slice(1)) <= 10);
    expect(JSON.stringify(large)).toBe(JSON.stringify(small));
  });

  it('exposes the resolved options', () => {
    expect(shop.options).toEqual({
      seed: 11,
      customers: 300,
      start: '2025-01-01T00:00:00.000Z',
      days: 365,
      businessShare: 0.2,
    });
  });

  it('zero customers gives empty streams but a full journey', () => {
    const empty = createSampleShop({ customers: 0 });
    expect([...empty.interactions(), ...empty.orders(), ...empty.mentions()]).toEqual([]);
    expect(empty.journey.stages).toHaveLength(10);
  });
});

describe('createSampleShop: every record validates against its @cx/model schema', () => {
  it('journey passes parseJourney and personas pass personaSchema', () => {
    expect(parseJourney(JSON.parse(JSON.stringify(shop.journey)))).toEqual(shop.journey);
    expect(shop.personas.length).toBeGreaterThanOrEqual(3);
    expect(shop.personas.length).toBeLessThanOrEqual(5);
    for (const p of shop.personas) {
      expect(personaSchema.parse(p)).toEqual(p);
      expect(p.empathyMap?.pains.length).toBeGreaterThan(0);
    }
    expect(new Set(shop.personas.map((p) => p.customerType))).toEqual(new Set(['consumer', 'business']));
  });

  it('customers, interactions (a sample of ~3,000), responses, orders, subscriptions, feedback, mentions', () => {
    const check = (schema: Parameters<typeof validate>[0], items: Iterable<unknown>, every = 1) => {
      let i = 0;
      let checked = 0;
      for (const item of items) {
        if (i++ % every === 0) {
          // Parsing must neither fail nor change the record (defaults already applied by the generator).
          expect(validate(schema, item, { at: [i - 1] })).toEqual(item);
          checked++;
        }
      }
      return checked;
    };
    expect(check(customerSchema, shop.customers())).toBe(300);
    expect(check(interactionSchema, shop.interactions(), 5)).toBeGreaterThan(2000);
    expect(check(surveyResponseSchema, shop.surveyResponses())).toBeGreaterThan(50);
    expect(check(orderSchema, shop.orders())).toBeGreaterThan(100);
    expect(check(subscriptionSchema, shop.subscriptions())).toBeGreaterThan(5);
    expect(check(feedbackSchema, shop.feedback())).toBeGreaterThan(50);
    expect(check(mentionSchema, shop.mentions())).toBeGreaterThan(100);
  });
});

describe('createSampleShop: referential consistency', () => {
  const customers = new Map([...shop.customers()].map((c) => [c.id, c]));
  const interactions = [...shop.interactions()];
  const touchpoints = new Map(shop.journey.touchpoints.map((t) => [t.id, t]));

  it('customers have unique ids, a persona of the shop, and B2B customers an account', () => {
    const personas = new Map(shop.personas.map((p) => [p.id, p]));
    expect(customers.size).toBe(300);
    for (const c of customers.values()) {
      const persona = personas.get(c.personaId!);
      expect(persona?.customerType).toBe(c.type);
      if (c.type === 'business') expect(c.account.name.length).toBeGreaterThan(0);
      expect(Date.parse(c.firstSeenAt)).toBeGreaterThanOrEqual(Date.parse(shop.options.start));
    }
  });

  it('interactions are grouped by customer in customer order, time-ordered within a customer, with unique ids', () => {
    const ids = new Set<string>();
    let previous = interactions[0]!;
    for (const e of interactions) {
      ids.add(e.id);
      expect(customers.has(e.customerId!)).toBe(true);
      if (e.customerId === previous.customerId) expect(e.timestamp >= previous.timestamp).toBe(true);
      else expect(e.customerId! > previous.customerId!).toBe(true);
      previous = e;
    }
    expect(ids.size).toBe(interactions.length);
  });

  it('interactions stay in the period, after the customer was first seen', () => {
    const end = Date.parse(shop.options.start) + shop.options.days * 86_400_000;
    for (const e of interactions) {
      const t = Date.parse(e.timestamp);
      expect(t < end).toBe(true);
      expect(t >= Date.parse(customers.get(e.customerId!)!.firstSeenAt)).toBe(true);
    }
  });

  it("interactions' touchpoints exist in the journey, with the touchpoint's channel and stage", () => {
    for (const e of interactions) {
      const tp = touchpoints.get(e.touchpointId!);
      expect(tp, e.touchpointId).toBeDefined();
      expect(e.channel).toBe(tp!.channel);
      expect(e.stageId).toBe(tp!.stageId);
    }
    const channels = new Set(interactions.map((e) => e.channel));
    for (const c of [
      'web',
      'mobile-app',
      'physical-store',
      'email',
      'phone',
      'chat',
      'social-media',
      'search-ads',
      'display-ads',
      'referral',
      'marketplace',
    ])
      expect(channels.has(c as never), c).toBe(true);
    expect(new Set(interactions.map((e) => e.stageId)).size).toBe(10);
  });

  it("the journey's desired and completed action names are all emitted", () => {
    const names = new Set(interactions.map((e) => e.name));
    for (const a of [...shop.journey.desiredActions, ...shop.journey.completedActions])
      for (const n of a.interactionNames) expect(names.has(n), n).toBe(true);
  });

  it('each order matches exactly one purchase interaction of the same customer, value and channel', () => {
    const purchases = new Map(
      interactions
        .filter((e) => e.name === 'purchase')
        .map((e) => [e.properties.transaction_id as string, e]),
    );
    const orders = [...shop.orders()];
    expect(orders.length).toBe(purchases.size);
    for (const o of orders) {
      const p = purchases.get(o.id)!;
      expect(p.customerId).toBe(o.customerId);
      expect(p.timestamp).toBe(o.orderedAt);
      expect(p.properties.value).toBe(o.amount);
      expect(p.channel).toBe(o.channel);
      const lines = o.items.reduce((s, it) => s + it.quantity * it.unitPrice, 0);
      expect(o.amount).toBeCloseTo(lines + (o.properties.shippingCost as number), 2);
    }
    expect(new Set(orders.map((o) => o.currency))).toEqual(new Set(['PLN', 'EUR']));
  });

  it('survey responses belong to customers who reached the stage and match a survey_response interaction', () => {
    const reached = new Set(interactions.map((e) => `${e.customerId}|${e.stageId}`));
    const answered = new Set(
      interactions
        .filter((e) => e.name === 'survey_response')
        .map((e) => `${e.customerId}|${e.timestamp}|${e.properties.survey_id}`),
    );
    for (const r of shop.surveyResponses()) {
      expect(reached.has(`${r.customerId}|${r.stageId}`)).toBe(true);
      expect(answered.has(`${r.customerId}|${r.respondedAt}|${r.surveyId}`)).toBe(true);
      expect(customers.get(r.customerId!)!.consent.surveys?.granted).toBe(true);
    }
  });

  it('survey feedback quotes its response comment; every feedback customer exists', () => {
    const responses = new Map([...shop.surveyResponses()].map((r) => [r.id, r]));
    let survey = 0;
    for (const f of shop.feedback()) {
      expect(customers.has(f.customerId!)).toBe(true);
      if (f.source === 'survey') {
        survey++;
        const r = responses.get(f.surveyResponseId!)!;
        expect(r.comment).toBe(f.text);
        expect(f.rating).toBe(r.score);
        expect(f.createdAt).toBe(r.respondedAt);
      }
    }
    expect(survey).toBeGreaterThan(20);
  });

  it('subscriptions belong to existing customers and have matching start and cancel interactions', () => {
    const byName = (name: string) =>
      new Set(interactions.filter((e) => e.name === name).map((e) => `${e.customerId}|${e.timestamp}`));
    const starts = byName('subscription_start');
    const cancels = byName('subscription_cancel');
    for (const s of shop.subscriptions()) {
      expect(starts.has(`${s.customerId}|${s.startedAt}`)).toBe(true);
      if (s.status === 'cancelled') expect(cancels.has(`${s.customerId}|${s.cancelledAt}`)).toBe(true);
    }
  });

  it('mentions by customers point at existing customers and at a social_post interaction', () => {
    const posts = new Set(
      interactions.filter((e) => e.name === 'social_post').map((e) => `${e.customerId}|${e.timestamp}`),
    );
    for (const m of shop.mentions())
      if (m.customerId !== undefined) expect(posts.has(`${m.customerId}|${m.createdAt}`)).toBe(true);
  });
});

describe('createSampleShop: bad input', () => {
  it('throws CxOptionsError naming the option', () => {
    expect(() => createSampleShop({ customers: -5 })).toThrow(CxOptionsError);
    expect(() => createSampleShop({ customers: -5 })).toThrow(/customers/);
    expect(() => createSampleShop({ businessShare: 1.5 })).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['businessShare'], code: 'out_of_range' })],
      }),
    );
    expect(() => createSampleShop(null as never)).toThrow(CxOptionsError);
  });
});
