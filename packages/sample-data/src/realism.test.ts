// Statistical properties the brief promises; each threshold is loose enough to hold for any seed
// (checked for several) yet fails if the corresponding mechanism is removed from the simulation.
import type { Interaction, SurveyResponse } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { createSampleShop } from './shop.js';
import { NEGATIVE, POSITIVE } from './text.js';

const shop = createSampleShop({ customers: 2500, seed: 2024 });
const interactions = [...shop.interactions()];
const responses = [...shop.surveyResponses()];
const customers = [...shop.customers()];

function count(predicate: (e: Interaction) => boolean): number {
  let n = 0;
  for (const e of interactions) if (predicate(e)) n++;
  return n;
}

/** NPS = % promoters (9–10) − % detractors (0–6), on −100…100. */
function nps(rs: readonly SurveyResponse[]): number {
  const promoters = rs.filter((r) => r.score >= 9).length;
  const detractors = rs.filter((r) => r.score <= 6).length;
  return ((promoters - detractors) / rs.length) * 100;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('funnel and behaviour', () => {
  it('checkout funnel counts decrease step by step', () => {
    const online = (name: string) =>
      count((e) => e.name === name && (e.channel === 'web' || e.channel === 'mobile-app'));
    const steps = ['view_item', 'add_to_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info'].map(
      online,
    );
    const purchases = count(
      (e) => e.name === 'purchase' && (e.touchpointId === 'checkout' || e.touchpointId === 'app-checkout'),
    );
    const funnel = [...steps, purchases];
    for (let i = 1; i < funnel.length; i++) expect(funnel[i]!).toBeLessThan(funnel[i - 1]!);
    // Many view, far fewer buy: under 20% of product views lead to a cart.
    expect(funnel[1]! / funnel[0]!).toBeLessThan(0.2);
  });

  it('carts are abandoned: most sessions with add_to_cart end without a purchase', () => {
    const carted = new Set<string>();
    const bought = new Set<string>();
    for (const e of interactions) {
      if (e.name === 'add_to_cart') carted.add(e.sessionId!);
      if (e.name === 'purchase' && e.sessionId !== undefined) bought.add(e.sessionId);
    }
    const abandoned = [...carted].filter((s) => !bought.has(s)).length;
    expect(abandoned / carted.size).toBeGreaterThan(0.4);
    expect(abandoned / carted.size).toBeLessThan(0.8);
  });

  it('activity is heavy-tailed: many one-visit customers, a few very active ones', () => {
    const sessions = new Map<string, Set<string>>();
    const events = new Map<string, number>();
    for (const e of interactions) {
      events.set(e.customerId!, (events.get(e.customerId!) ?? 0) + 1);
      if (e.sessionId !== undefined && /-s\d+$/.test(e.sessionId)) {
        const s = sessions.get(e.customerId!) ?? new Set();
        s.add(e.sessionId);
        sessions.set(e.customerId!, s);
      }
    }
    const oneVisit = [...sessions.values()].filter((s) => s.size === 1).length;
    expect(oneVisit / customers.length).toBeGreaterThan(0.25);
    const sorted = [...events.values()].sort((a, b) => b - a);
    const top1 = sorted.slice(0, Math.ceil(sorted.length / 100)).reduce((a, b) => a + b, 0);
    expect(top1 / interactions.length).toBeGreaterThan(0.08);
    expect(sorted[0]! / sorted[Math.floor(sorted.length / 2)]!).toBeGreaterThan(10);
    // About 50 interactions per customer on average (the 10-million benchmark relies on it).
    expect(interactions.length / customers.length).toBeGreaterThan(35);
    expect(interactions.length / customers.length).toBeLessThan(70);
  });

  it('some buyers purchase again', () => {
    const orders = new Map<string, number>();
    for (const o of shop.orders()) orders.set(o.customerId, (orders.get(o.customerId) ?? 0) + 1);
    const repeat = [...orders.values()].filter((n) => n >= 2).length;
    expect(repeat / orders.size).toBeGreaterThan(0.2);
  });

  it('consumers and business customers in the requested share; business orders are larger', () => {
    const business = new Set(customers.filter((c) => c.type === 'business').map((c) => c.id));
    // 2,500 × 0.2 = 500 expected; binomial SD = √(2500·0.2·0.8) = 20, so ±80 is 4 SD.
    expect(Math.abs(business.size - 500)).toBeLessThan(80);
    const orders = [...shop.orders()].filter((o) => o.currency === 'PLN');
    const b2b = mean(orders.filter((o) => business.has(o.customerId)).map((o) => o.amount));
    const b2c = mean(orders.filter((o) => !business.has(o.customerId)).map((o) => o.amount));
    expect(b2b).toBeGreaterThan(3 * b2c);
  });

  it('customers without e-mail consent get no newsletters', () => {
    const noEmail = new Set(customers.filter((c) => c.consent.email?.granted === false).map((c) => c.id));
    expect(noEmail.size).toBeGreaterThan(0);
    expect(count((e) => e.name === 'newsletter_open' && noEmail.has(e.customerId!))).toBe(0);
  });
});

describe('pain points happen and lower the scores', () => {
  it('payments fail and customers retry within the session', () => {
    const failedSessions = new Set(
      interactions.filter((e) => e.name === 'payment_failed').map((e) => e.sessionId),
    );
    const retried = interactions.filter((e) => e.name === 'purchase' && failedSessions.has(e.sessionId));
    expect(failedSessions.size).toBeGreaterThan(50);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.length).toBeLessThan(failedSessions.size);
  });

  it('late deliveries cause support contacts, more of them in November and December', () => {
    const late = interactions.filter((e) => e.name === 'delivery_delayed');
    const shipped = interactions.filter((e) => e.name === 'shipment_dispatched');
    const peak = (e: Interaction) => new Date(e.timestamp).getUTCMonth() >= 10;
    const lateShare = (pick: (e: Interaction) => boolean) =>
      late.filter(pick).length / shipped.filter(pick).length;
    expect(lateShare(peak)).toBeGreaterThan(1.5 * lateShare((e) => !peak(e)));
    expect(
      count((e) => e.name === 'support_contact' && e.properties.reason === 'late_delivery'),
    ).toBeGreaterThan(late.length / 4);
    expect(count((e) => e.name === 'search' && e.properties.results === 0)).toBeGreaterThan(0);
  });

  it('NPS of customers with a late parcel is far below the rest', () => {
    const lateAt = new Map<string, number>();
    for (const e of interactions)
      if (e.name === 'delivery_delayed' && !lateAt.has(e.customerId!))
        lateAt.set(e.customerId!, Date.parse(e.timestamp));
    const npsResponses = responses.filter((r) => r.metric === 'nps');
    const hit = npsResponses.filter(
      (r) => (lateAt.get(r.customerId!) ?? Infinity) < Date.parse(r.respondedAt),
    );
    const rest = npsResponses.filter((r) => !lateAt.has(r.customerId!));
    expect(hit.length).toBeGreaterThan(30);
    expect(nps(rest)).toBeGreaterThan(10);
    expect(nps(rest) - nps(hit)).toBeGreaterThan(25);
  });

  it('delivery CSAT is lower for late parcels; checkout CES is lower after failed payments', () => {
    const lateOrders = new Set(
      interactions.filter((e) => e.name === 'delivery_delayed').map((e) => e.properties.order_id),
    );
    const csat = responses.filter((r) => r.surveyId === 'csat-delivery');
    const isLate = (r: SurveyResponse) => lateOrders.has(r.properties.orderId as string);
    expect(csat.filter(isLate).length).toBeGreaterThan(10);
    expect(mean(csat.filter(isLate).map((r) => r.score))).toBeLessThan(
      mean(csat.filter((r) => !isLate(r)).map((r) => r.score)) - 1,
    );
    const orders = new Map([...shop.orders()].map((o) => [o.id, o]));
    const failed = (r: SurveyResponse) =>
      (orders.get(r.properties.orderId as string)!.properties.paymentFailures as number) > 0;
    const ces = responses.filter((r) => r.surveyId === 'ces-checkout');
    expect(ces.filter(failed).length).toBeGreaterThan(3);
    expect(mean(ces.filter(failed).map((r) => r.score))).toBeLessThan(
      mean(ces.filter((r) => !failed(r)).map((r) => r.score)) - 0.5,
    );
  });

  it('has NPS 0–10, CSAT 1–5, CES 2.0 1–7 and legacy CES 1–5 (lower is better)', () => {
    const scales = new Set(
      responses.map((r) => `${r.metric}:${r.scale.min}-${r.scale.max}:${r.scale.direction}`),
    );
    expect(scales).toEqual(
      new Set([
        'nps:0-10:higher-is-better',
        'csat:1-5:higher-is-better',
        'ces:1-7:higher-is-better',
        'ces:1-5:lower-is-better',
      ]),
    );
  });
});

describe('texts, mentions and subscriptions', () => {
  const feedback = [...shop.feedback()];

  it('feedback is in Polish (with diacritics) and English, sometimes with emoji', () => {
    const pl = feedback.filter((f) => f.language === 'pl');
    const en = feedback.filter((f) => f.language === 'en');
    expect(pl.length).toBeGreaterThan(en.length);
    expect(en.length).toBeGreaterThan(0);
    expect(pl.some((f) => /[ąćęłńóśźż]/i.test(f.text))).toBe(true);
    expect(feedback.some((f) => /\p{Extended_Pictographic}/u.test(f.text))).toBe(true);
    expect(new Set(feedback.map((f) => f.source))).toEqual(
      new Set(['survey', 'review', 'chat', 'call-transcript']),
    );
  });

  it('comment sentiment follows the score', () => {
    const clauses = (table: typeof POSITIVE, lang: 'pl' | 'en') => Object.values(table[lang]).flat();
    const has = (text: string, list: string[]) =>
      list.some((c) => text.toLowerCase().includes(c.toLowerCase()));
    const nps = feedback.filter((f) => f.source === 'survey' && f.properties.metric === 'nps');
    const low = nps.filter((f) => f.rating! <= 3);
    const high = nps.filter((f) => f.rating! >= 9);
    expect(low.length).toBeGreaterThan(5);
    expect(high.length).toBeGreaterThan(5);
    for (const f of low) {
      const lang = f.language as 'pl' | 'en';
      expect(has(f.text, clauses(NEGATIVE, lang)) && !has(f.text, clauses(POSITIVE, lang)), f.text).toBe(
        true,
      );
    }
    for (const f of high) {
      const lang = f.language as 'pl' | 'en';
      expect(has(f.text, clauses(POSITIVE, lang)) && !has(f.text, clauses(NEGATIVE, lang)), f.text).toBe(
        true,
      );
    }
  });

  it('mentions cover the shop and two competitors, with hashtags and heavy-tailed engagement', () => {
    const mentions = [...shop.mentions()];
    const byBrand = new Map<string, number>();
    for (const m of mentions) byBrand.set(m.brand!, (byBrand.get(m.brand!) ?? 0) + 1);
    expect([...byBrand.keys()].sort()).toEqual(['kruk', 'mewa', 'sowa']);
    expect(byBrand.get('sowa')!).toBeGreaterThan(byBrand.get('kruk')!);
    expect(byBrand.get('kruk')!).toBeGreaterThan(byBrand.get('mewa')!);
    for (const m of mentions) {
      expect(m.hashtags).toContain(m.brand);
      expect(m.text).toContain(`#${m.brand}`);
      expect(m.mentions.length).toBe(1);
    }
    const likes = mentions.map((m) => m.engagement.likes).sort((a, b) => a - b);
    expect(likes.at(-1)!).toBeGreaterThan(20 * Math.max(1, likes[likes.length >> 1]!));
  });

  it('subscriptions bill monthly, change plans and churn', () => {
    const subs = [...shop.subscriptions()];
    expect(subs.length).toBeGreaterThan(50);
    expect(subs.every((s) => s.billingInterval === 'month')).toBe(true);
    const statuses = new Set(subs.map((s) => s.status));
    expect(statuses.has('active') && statuses.has('cancelled')).toBe(true);
    expect(subs.some((s) => s.amountChanges.length > 0)).toBe(true);
    // Monthly churn = cancellations / subscriber-months; the simulation's hazard is 4.5–13.5% (35% at trial end).
    const months =
      count((e) => e.name === 'subscription_renewed') + subs.filter((s) => s.status === 'cancelled').length;
    const churn = subs.filter((s) => s.status === 'cancelled').length / months;
    expect(churn).toBeGreaterThan(0.03);
    expect(churn).toBeLessThan(0.2);
  });
});
