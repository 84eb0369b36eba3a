import {
  type Customer,
  type Feedback,
  type Interaction,
  type Mention,
  type Order,
  type Properties,
  STANDARD_SCALES,
  type Subscription,
  type SurveyResponse,
} from '@cx/model';
import {
  BUSINESS_PRODUCT_WEIGHTS,
  CONSUMER_PRODUCT_WEIGHTS,
  EUR_PER_PLN,
  PLANS,
  PRODUCTS,
} from './catalog.js';
import { DAY_MS, type ShopContext, STREAM } from './context.js';
import { socialMention } from './mentions.js';
import { mixKey, Rng } from './prng.js';
import { drawProfile, type Profile } from './profile.js';
import { type Aspect, sentimentOf, writeComment } from './text.js';
import { TOUCHPOINT_INDEX } from './touchpoints.js';

/** Everything one customer did during the simulated period, in time order per stream. */
export interface Life {
  readonly customer: Customer;
  readonly interactions: Interaction[];
  readonly orders: Order[];
  readonly responses: SurveyResponse[];
  readonly subscriptions: Subscription[];
  readonly feedback: Feedback[];
  readonly mentions: Mention[];
}

interface RawEvent {
  readonly t: number;
  readonly name: string;
  readonly tp: string;
  readonly sid: string | undefined;
  readonly props: Properties;
}

const HOUR_MS = 3_600_000;

const SOURCE_BY_TP: Readonly<Record<string, string>> = {
  store: 'pos',
  'store-till': 'pos',
  'b2b-phone-order': 'crm',
  delivery: 'wms',
  'support-chat': 'helpdesk',
  'support-phone': 'helpdesk',
  newsletter: 'esp',
  'promo-email': 'esp',
  'survey-email': 'survey-tool',
  'marketplace-listing': 'marketplace',
  'marketplace-checkout': 'marketplace',
  subscription: 'billing',
  'social-share': 'social-listening',
  'review-site': 'review-feed',
};

const RETURNING_ENTRIES = ['home-page', 'promo-email', 'search-ads', 'organic-search'] as const;
const ENTRY_EVENT: Readonly<Record<string, string>> = {
  'search-ads': 'ad_click',
  'organic-search': 'search_result_click',
  'social-inspiration': 'social_click',
  'display-campaign': 'select_promotion',
  'home-page': 'page_view',
  'referral-link': 'referral_visit',
  newsletter: 'newsletter_open',
  'promo-email': 'newsletter_open',
};
const SEARCH_TERMS = [
  'kawa ziarnista',
  'herbata',
  'ekspres',
  'młynek',
  'kapsułki',
  'espreso',
  'kawa biurowa',
  'drip',
];
const SURFACES = ['web', 'app', 'store', 'marketplace', 'phone'] as const;
type Surface = (typeof SURFACES)[number];

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Adds whole UTC calendar months to an instant (end-of-month safe). */
function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

interface Basket {
  readonly items: Array<{ sku: string; name: string; quantity: number; unitPrice: number; category: string }>;
  readonly value: number;
}

/** Simulates one customer's whole life in the shop from a PRNG seeded by (seed, customer index). */
class LifeBuilder {
  readonly rng: Rng;
  readonly p: Profile;
  readonly events: RawEvent[] = [];
  readonly orders: Order[] = [];
  readonly responses: SurveyResponse[] = [];
  readonly subscriptions: Subscription[] = [];
  readonly feedback: Feedback[] = [];
  readonly mentions: Mention[] = [];
  purchases = 0;
  grudge = 0;
  supportContacts = 0;
  subscriptionStart: number | undefined;

  constructor(
    readonly ctx: ShopContext,
    index: number,
  ) {
    this.rng = new Rng(mixKey(ctx.seed, STREAM.customer, index));
    this.p = drawProfile(ctx, index, this.rng);
  }

  emit(t: number, name: string, tp: string, sid: string | undefined, props: Properties): boolean {
    if (t >= this.ctx.endMs) return false;
    this.events.push({ t, name, tp, sid, props });
    return true;
  }

  run(): void {
    const { p, rng } = this;
    const times: number[] = [p.firstSeenMs];
    const span = p.lastActiveMs - p.firstSeenMs;
    for (let i = 1; i < p.sessions; i++) times.push(p.firstSeenMs + Math.floor(rng.next() * span));
    times.sort((a, b) => a - b);
    for (let i = 0; i < times.length; i++) this.session(times[i]!, i);
    if (this.subscriptionStart !== undefined) this.subscription(this.subscriptionStart);
  }

  price(pln: number): number {
    return this.p.currency === 'PLN' ? pln : round2(pln * EUR_PER_PLN);
  }

  basket(firstSku: number): Basket {
    const { rng, p } = this;
    const weights = p.business ? BUSINESS_PRODUCT_WEIGHTS : CONSUMER_PRODUCT_WEIGHTS;
    const lines = p.business ? rng.int(1, 4) : rng.chance(0.6) ? 1 : rng.int(2, 3);
    const items: Basket['items'] = [];
    let value = 0;
    for (let i = 0; i < lines; i++) {
      const product = i === 0 ? PRODUCTS[firstSku]! : rng.weighted(PRODUCTS, weights);
      if (items.some((it) => it.sku === product.sku)) continue;
      const quantity = p.business ? rng.int(2, 24) : rng.chance(0.8) ? 1 : 2;
      const unitPrice = this.price(product.pricePln);
      items.push({ sku: product.sku, name: product.name, quantity, unitPrice, category: product.category });
      value += unitPrice * quantity;
    }
    return { items, value: round2(value) };
  }

  chooseSurface(i: number): Surface {
    if (i === 0) return 'web';
    return this.rng.weighted(SURFACES, this.p.persona.surfaces);
  }

  session(t0: number, i: number): void {
    const { rng, p } = this;
    const sid = `${p.id}-s${i + 1}`;
    let t = t0;
    const next = () => {
      t += 4000 + Math.floor(rng.exponential(40_000));
      return t;
    };
    const surface = this.chooseSurface(i);
    const returning = this.purchases > 0;
    const weights = p.business ? BUSINESS_PRODUCT_WEIGHTS : CONSUMER_PRODUCT_WEIGHTS;
    const currency = p.currency;
    if (surface === 'store') {
      this.emit(t, 'store_visit', 'store', sid, { store: 'Warszawa Mokotów' });
      if (rng.chance(0.55)) {
        const basket = this.basket(PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights)));
        next();
        this.purchase(t, basket, 'store-till', sid, 0, false, 'card');
      }
      return;
    }
    if (surface === 'phone') {
      const basket = this.basket(PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights)));
      if (rng.chance(0.85)) this.purchase(t, basket, 'b2b-phone-order', sid, 0, false, 'invoice');
      else this.emit(t, 'sales_call', 'b2b-phone-order', sid, { outcome: 'quote-requested' });
      return;
    }
    if (surface === 'marketplace') {
      const views = 1 + Math.floor(rng.exponential(1));
      let sku = 0;
      for (let k = 0; k < views; k++) {
        sku = PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights));
        this.emit(next(), 'view_item', 'marketplace-listing', sid, { sku: PRODUCTS[sku]!.sku, currency });
      }
      if (rng.chance(0.22 * p.persona.intent))
        this.purchase(next(), this.basket(sku), 'marketplace-checkout', sid, 0, false, 'marketplace');
      return;
    }
    const app = surface === 'app';
    const device = app
      ? rng.chance(0.55)
        ? 'android'
        : 'ios'
      : rng.weighted(['desktop', 'mobile', 'tablet'], [0.55, 0.4, 0.05]);
    if (app) {
      if (returning && rng.chance(0.5))
        this.emit(t, 'view_item', 'buy-again', sid, { device, list: 'buy-again' });
      else if (p.emailConsent && rng.chance(0.2))
        this.emit(t, 'newsletter_open', returning ? 'promo-email' : 'newsletter', sid, {
          campaign: 'weekly',
        });
    } else {
      const entry =
        i === 0
          ? p.acquisition
          : returning
            ? rng.pick(RETURNING_ENTRIES)
            : rng.weighted(
                [
                  'search-ads',
                  'organic-search',
                  'social-inspiration',
                  'display-campaign',
                  'home-page',
                  'newsletter',
                ],
                [3, 3, 2, 1, 3, p.emailConsent ? 2 : 0],
              );
      const tp = entry === 'promo-email' && !p.emailConsent ? 'home-page' : entry;
      this.emit(t, ENTRY_EVENT[tp] ?? 'page_view', tp, sid, { device, landing: '/' });
    }
    let noResults = false;
    if (!app && rng.chance(0.35)) {
      noResults = rng.chance(0.1);
      this.emit(next(), 'search', 'site-search', sid, {
        device,
        search_term: rng.pick(SEARCH_TERMS),
        results: noResults ? 0 : rng.int(3, 40),
      });
      if (noResults) {
        this.grudge += 0.15;
        if (rng.chance(0.5)) return;
      }
    }
    const views = 1 + Math.floor(rng.exponential(1.4));
    let sku = 0;
    for (let k = 0; k < views; k++) {
      sku = PRODUCTS.indexOf(rng.weighted(PRODUCTS, weights));
      const product = PRODUCTS[sku]!;
      this.emit(next(), 'view_item', app ? 'app-product' : 'product-page', sid, {
        device,
        sku: product.sku,
        price: this.price(product.pricePln),
        currency,
      });
    }
    const cartTp = app ? 'app-cart' : 'cart';
    const pCart = Math.min(0.85, 0.24 * p.persona.intent * (returning ? 1.6 : 1) * (noResults ? 0.5 : 1));
    if (!rng.chance(pCart)) {
      if (rng.chance(0.05))
        this.emit(next(), 'add_to_wishlist', cartTp, sid, { device, sku: PRODUCTS[sku]!.sku });
      return;
    }
    const basket = this.basket(sku);
    this.emit(next(), 'add_to_cart', cartTp, sid, {
      device,
      sku: PRODUCTS[sku]!.sku,
      value: basket.value,
      currency,
      items: basket.items.length,
    });
    if (rng.chance(0.03))
      this.emit(next(), 'chat_started', 'presales-chat', sid, { topic: 'product-advice' });
    if (!rng.chance(0.6)) return;
    const checkoutTp = app ? 'app-checkout' : 'checkout';
    this.emit(next(), 'begin_checkout', checkoutTp, sid, { device, value: basket.value, currency });
    const shipping = basket.value >= this.price(149) ? 0 : this.price(14.99);
    if (!rng.chance(p.persona.id.startsWith('marek') ? 0.62 : 0.82)) return;
    this.emit(next(), 'add_shipping_info', checkoutTp, sid, {
      device,
      shipping_tier: 'courier',
      shipping_cost: shipping,
      currency,
    });
    if (!rng.chance(0.93)) return;
    this.emit(next(), 'add_payment_info', checkoutTp, sid, { device, payment_type: p.paymentMethod });
    let failures = 0;
    while (rng.chance(p.paymentFailure)) {
      failures++;
      this.emit(next(), 'payment_failed', checkoutTp, sid, {
        device,
        payment_type: p.paymentMethod,
        attempt: failures,
        error_code: rng.pick(['declined', 'timeout', '3ds_failed']),
      });
      if (failures >= 3 || !rng.chance(0.65)) {
        this.grudge += 0.8;
        return;
      }
    }
    this.purchase(next(), basket, checkoutTp, sid, failures, noResults, p.paymentMethod, device, shipping);
  }

  purchase(
    t: number,
    basket: Basket,
    tp: string,
    sid: string,
    failures: number,
    noResults: boolean,
    paymentType: string,
    device?: string,
    shipping = 0,
  ): void {
    const { rng, p } = this;
    this.purchases++;
    const orderId = `o${p.id.slice(1)}-${this.purchases}`;
    const value = round2(basket.value + shipping);
    const props: Properties = {
      transaction_id: orderId,
      value,
      currency: p.currency,
      payment_type: paymentType,
      items: basket.items.length,
    };
    if (device !== undefined) props.device = device;
    if (!this.emit(t, 'purchase', tp, sid, props)) {
      this.purchases--;
      return;
    }
    const [channel] = TOUCHPOINT_INDEX.get(tp)!;
    const inStore = tp === 'store-till';
    let late = false;
    let delivered = t;
    let hotline = false;
    let refunded = false;
    let reason: Aspect =
      failures > 0
        ? 'payment'
        : noResults
          ? 'app'
          : inStore
            ? 'store'
            : tp.startsWith('app')
              ? 'app'
              : rng.chance(0.5)
                ? 'product'
                : 'delivery';
    if (!inStore) {
      const month = new Date(t).getUTCMonth();
      late = rng.chance((month >= 10 ? 0.26 : 0.1) + (tp === 'marketplace-checkout' ? 0.05 : 0));
      this.emit(t + Math.floor((0.3 + rng.next()) * DAY_MS), 'shipment_dispatched', 'delivery', undefined, {
        order_id: orderId,
        carrier: 'SowaExpress',
      });
      if (late) {
        const promised = t + Math.floor(2.2 * DAY_MS);
        const delay = rng.int(1, 6);
        this.emit(promised, 'delivery_delayed', 'delivery', undefined, {
          order_id: orderId,
          delay_days: delay,
        });
        delivered = promised + delay * DAY_MS + Math.floor(rng.next() * 8 * HOUR_MS);
        reason = 'delivery';
        if (rng.chance(p.business ? 0.7 : 0.5))
          hotline = this.support(
            promised + Math.floor(rng.next() * 20 * HOUR_MS),
            'late_delivery',
            orderId,
            true,
          );
      } else {
        delivered = t + Math.floor((1 + 1.5 * rng.next()) * DAY_MS);
      }
      if (!this.emit(delivered, 'delivery_completed', 'delivery', undefined, { order_id: orderId, late }))
        delivered = Number.POSITIVE_INFINITY;
    }
    if (!late && rng.chance(0.04)) {
      hotline = this.support(
        t + Math.floor(rng.next() * 5 * DAY_MS),
        rng.pick(['product_question', 'invoice', 'damaged_item']),
        orderId,
        false,
      );
    }
    if (hotline) reason = 'support';
    if (delivered < this.ctx.endMs && rng.chance(0.025 + (late ? 0.1 : 0))) {
      refunded = this.emit(
        delivered + Math.floor((1 + 4 * rng.next()) * DAY_MS),
        'refund_request',
        'returns',
        undefined,
        { order_id: orderId, reason: late ? 'arrived_too_late' : 'not_as_expected' },
      );
      if (refunded) this.grudge += 0.3;
    }
    const z =
      p.mood -
      this.grudge +
      rng.normal(0, 0.5) -
      0.9 * Math.min(failures, 2) -
      1.9 * (late ? 1 : 0) -
      0.9 * (hotline ? 1 : 0) -
      0.5 * (noResults ? 1 : 0) -
      (refunded ? 0.6 : 0) +
      (inStore ? 0.3 : 0);
    this.grudge = this.grudge * 0.6 + (late ? 0.5 : 0) + (hotline ? 0.3 : 0);
    const status: Order['status'] = refunded ? 'refunded' : delivered < this.ctx.endMs ? 'fulfilled' : 'paid';
    this.orders.push({
      id: orderId,
      customerId: p.id,
      orderedAt: iso(t),
      amount: value,
      currency: p.currency,
      status,
      channel,
      touchpointId: tp,
      items: basket.items,
      properties: { paymentType, shippingCost: shipping, late, paymentFailures: failures, sessionId: sid },
    });
    this.surveys(orderId, t, delivered, tp, failures, late, z, reason);
    const after = Number.isFinite(delivered) ? delivered : t;
    if (Number.isFinite(delivered) && rng.chance(0.05 + (Math.abs(z) > 1.2 ? 0.06 : 0)))
      this.review(after + Math.floor((3 + 7 * rng.next()) * DAY_MS), z, reason);
    if (rng.chance(0.03 + (z > 1 ? 0.09 : 0)))
      this.emit(
        after + Math.floor(rng.next() * 10 * DAY_MS),
        'referral_sent',
        'referral-program',
        undefined,
        { medium: rng.pick(['link', 'code', 'whatsapp']) },
      );
    if ((z > 1.2 && rng.chance(0.05)) || (late && rng.chance(0.06)))
      this.socialPost(after + Math.floor(rng.next() * 2 * DAY_MS), z, reason);
    if (this.subscriptionStart === undefined && rng.chance(p.persona.subscribe * (z > 0 ? 1.5 : 0.5))) {
      this.subscriptionStart = after + Math.floor((1 + 9 * rng.next()) * DAY_MS);
    }
  }

  /** A support contact; returns whether it hit the hotline-wait pain point (long hold, repeat call). */
  support(t: number, reason: string, orderId: string, late: boolean): boolean {
    const { rng, p } = this;
    this.supportContacts++;
    const phone = rng.chance(p.business ? 0.6 : 0.35);
    const tp = phone ? 'support-phone' : 'support-chat';
    const sid = `${p.id}-t${this.supportContacts}`;
    const wait = phone ? Math.round(Math.exp(rng.normal(2.1, 0.7))) : rng.int(1, 4);
    const pain = phone && wait > 12;
    if (!this.emit(t, 'support_contact', tp, sid, { reason, order_id: orderId, wait_minutes: wait }))
      return false;
    let repeat = false;
    if (pain && rng.chance(0.45))
      repeat = this.emit(t + Math.floor((0.5 + rng.next()) * DAY_MS), 'support_contact', tp, `${sid}-r`, {
        reason,
        order_id: orderId,
        wait_minutes: wait + rng.int(0, 10),
        repeat: true,
      });
    const zs = p.mood + rng.normal(0, 0.6) - (pain ? 1.5 : 0) - (repeat ? 0.6 : 0) - (late ? 0.7 : 0);
    const language = p.language;
    if (rng.chance(0.6)) {
      const aspect: Aspect = late ? 'delivery' : pain ? 'support' : 'product';
      this.feedback.push({
        id: `f${p.id.slice(1)}-t${this.supportContacts}`,
        text: writeComment(rng, language, zs > 0.8 ? 'neutral' : 'negative', aspect),
        language,
        source: phone ? 'call-transcript' : 'chat',
        customerId: p.id,
        createdAt: iso(t),
        touchpointId: tp,
        stageId: 'use',
        channel: phone ? 'phone' : 'chat',
        properties: { reason, orderId },
      });
    }
    if (p.surveyConsent && rng.chance(0.35)) {
      const at = t + Math.floor((2 + 20 * rng.next()) * HOUR_MS);
      const csat = clamp(Math.round(4 + 0.9 * zs), 1, 5);
      this.response(
        at,
        'csat-support',
        'csat',
        STANDARD_SCALES.csat,
        csat,
        tp,
        'use',
        pain ? 'support' : late ? 'delivery' : 'support',
        0.3,
        orderId,
      );
      if (phone && t < (this.ctx.startMs + this.ctx.endMs) / 2) {
        const effort = clamp(Math.round(2.2 - 0.9 * zs + (repeat ? 0.8 : 0)), 1, 5);
        this.response(
          at,
          'ces-support-legacy',
          'ces',
          STANDARD_SCALES.cesLegacy,
          effort,
          tp,
          'use',
          'support',
          0.2,
          orderId,
        );
      } else {
        const ease = clamp(Math.round(5.2 + 1.1 * zs - (repeat ? 1 : 0)), 1, 7);
        this.response(
          at,
          'ces-support',
          'ces',
          STANDARD_SCALES.ces,
          ease,
          tp,
          'use',
          'support',
          0.2,
          orderId,
        );
      }
    }
    return pain;
  }

  surveys(
    orderId: string,
    t: number,
    delivered: number,
    tp: string,
    failures: number,
    late: boolean,
    z: number,
    aspect: Aspect,
  ): void {
    const { rng, p } = this;
    if (!p.surveyConsent) return;
    if ((tp === 'checkout' || tp === 'app-checkout') && rng.chance(0.18)) {
      const ease = clamp(Math.round(5.5 + 0.9 * (p.mood + rng.normal(0, 0.6)) - 1.4 * failures), 1, 7);
      this.response(
        t + HOUR_MS,
        'ces-checkout',
        'ces',
        STANDARD_SCALES.ces,
        ease,
        tp,
        'purchase',
        failures > 0 ? 'payment' : 'app',
        0.25,
        orderId,
      );
    }
    if (!Number.isFinite(delivered)) return;
    if (rng.chance(0.22)) {
      const nps = clamp(Math.round(8.1 + 1.45 * z + rng.normal(0, 0.8)), 0, 10);
      this.response(
        delivered + Math.floor((2 + 4 * rng.next()) * DAY_MS),
        'nps-post-purchase',
        'nps',
        STANDARD_SCALES.nps,
        nps,
        'survey-email',
        'review',
        aspect,
        0.5,
        orderId,
      );
    }
    if (tp !== 'store-till' && rng.chance(0.15)) {
      const zd = p.mood + rng.normal(0, 0.6) - 2.2 * (late ? 1 : 0);
      const csat = clamp(Math.round(4.1 + 0.9 * zd), 1, 5);
      this.response(
        delivered + Math.floor(rng.next() * DAY_MS),
        'csat-delivery',
        'csat',
        STANDARD_SCALES.csat,
        csat,
        'delivery',
        'use',
        late ? 'delivery' : 'product',
        0.3,
        orderId,
      );
    }
  }

  response(
    t: number,
    surveyId: string,
    metric: SurveyResponse['metric'],
    scale: SurveyResponse['scale'],
    score: number,
    tp: string,
    stageId: string,
    aspect: Aspect,
    commentRate: number,
    orderId: string,
  ): void {
    const { rng, p } = this;
    const n = this.responses.length + 1;
    const id = `r${p.id.slice(1)}-${n}`;
    if (!this.emit(t, 'survey_response', 'survey-email', undefined, { survey_id: surveyId, metric, score }))
      return;
    const normalised = (score - scale.min) / (scale.max - scale.min);
    const better = scale.direction === 'higher-is-better' ? normalised : 1 - normalised;
    const [channel] = TOUCHPOINT_INDEX.get('survey-email')!;
    const response: SurveyResponse = {
      id,
      surveyId,
      questionId: `${surveyId}-q1`,
      metric,
      scale: { ...scale },
      score,
      customerId: p.id,
      respondedAt: iso(t),
      language: p.language,
      touchpointId: tp,
      stageId,
      channel,
      weight: 1,
      properties: { orderId, segment: p.customer.segment ?? 'consumer', personaId: p.persona.id },
    };
    if (rng.chance(commentRate)) {
      const text = writeComment(
        rng,
        p.language,
        sentimentOf(better),
        better >= 0.75 && aspect === 'payment' ? 'product' : aspect,
      );
      response.comment = text;
      this.feedback.push({
        id: `f${p.id.slice(1)}-${n}`,
        text,
        language: p.language,
        source: 'survey',
        customerId: p.id,
        createdAt: iso(t),
        rating: score,
        surveyResponseId: id,
        touchpointId: tp,
        stageId,
        channel,
        properties: { surveyId, metric, orderId },
      });
    }
    this.responses.push(response);
  }

  review(t: number, z: number, aspect: Aspect): void {
    const { rng, p } = this;
    const external = rng.chance(0.3);
    const tp = external ? 'review-site' : 'product-reviews';
    const stars = clamp(Math.round(4 + 0.9 * z), 1, 5);
    if (!this.emit(t, 'review_submitted', tp, undefined, { rating: stars })) return;
    const n = this.feedback.length + 1;
    const id = `f${p.id.slice(1)}-v${n}`;
    const [channel] = TOUCHPOINT_INDEX.get(tp)!;
    const review: Feedback = {
      id,
      text: writeComment(
        rng,
        p.language,
        sentimentOf((stars - 1) / 4),
        stars >= 4 && aspect !== 'store' ? 'product' : aspect,
      ),
      language: p.language,
      source: 'review',
      author: { id: p.id, name: p.customer.name ?? p.id },
      customerId: p.id,
      createdAt: iso(t),
      rating: stars,
      touchpointId: tp,
      stageId: 'review',
      channel,
      properties: { ratingScale: '1-5 stars' },
    };
    if (external) review.url = `https://opinie.example/sowa/${id}`;
    this.feedback.push(review);
  }

  socialPost(t: number, z: number, aspect: Aspect): void {
    const { rng, p } = this;
    const mention = socialMention(rng, {
      id: `m${p.id.slice(1)}-${this.mentions.length + 1}`,
      brand: 'sowa',
      t,
      language: p.language,
      sentiment: z > 0.6 ? 'positive' : z > -0.4 ? 'neutral' : 'negative',
      aspect,
      business: p.business,
      customerId: p.id,
    });
    if (
      !this.emit(t, 'social_post', 'social-share', undefined, {
        platform: mention.platform,
        likes: mention.engagement.likes,
      })
    )
      return;
    this.mentions.push(mention);
  }

  subscription(start: number): void {
    const { rng, p, ctx } = this;
    if (start >= ctx.endMs) return;
    const plan = p.business ? PLANS[2] : rng.chance(0.7) ? PLANS[0] : PLANS[1];
    const trial = rng.chance(0.3);
    const amount = this.price(plan.pricePln);
    let currentPlan: (typeof PLANS)[number] = plan;
    this.emit(start, 'subscription_start', 'subscription', undefined, {
      plan: plan.id,
      trial,
      value: amount,
      currency: p.currency,
    });
    const changes: Array<{ at: string; amount: number }> = [];
    const billing = trial ? start + 14 * DAY_MS : start;
    let cancelledAt: number | undefined;
    let endedAt: number | undefined;
    let status: Subscription['status'] = trial && billing > ctx.endMs ? 'trialing' : 'active';
    let cycle = 0;
    const hazard = 0.045 + (this.grudge > 0.4 ? 0.05 : 0) + (p.mood < -0.6 ? 0.04 : 0);
    for (;;) {
      const due = trial ? addMonths(billing, cycle) : addMonths(start, cycle + 1);
      if (due >= ctx.endMs) break;
      const previous = cycle === 0 ? start : trial ? addMonths(billing, cycle - 1) : addMonths(start, cycle);
      if (rng.chance(cycle === 0 && trial ? 0.35 : hazard)) {
        cancelledAt = Math.max(previous, due - Math.floor((1 + 9 * rng.next()) * DAY_MS));
        endedAt = due;
        this.emit(cancelledAt, 'subscription_cancel', 'subscription', undefined, {
          plan: currentPlan.id,
          reason: rng.pick(['too_expensive', 'too_much_coffee', 'switching', 'delivery_issues']),
        });
        status = 'cancelled';
        break;
      }
      this.emit(due, 'subscription_renewed', 'subscription', undefined, {
        plan: currentPlan.id,
        value: this.price(currentPlan.pricePln),
        currency: p.currency,
      });
      if (!p.business) {
        const up = currentPlan.id === 'club-basic' && rng.chance(0.04);
        const down = currentPlan.id === 'club-plus' && rng.chance(0.03);
        if (up || down) {
          const at = due + Math.floor((1 + 20 * rng.next()) * DAY_MS);
          currentPlan = up ? PLANS[1] : PLANS[0];
          if (at < ctx.endMs) {
            this.emit(at, up ? 'subscription_upgrade' : 'subscription_downgrade', 'subscription', undefined, {
              plan: currentPlan.id,
            });
            changes.push({ at: iso(at), amount: this.price(currentPlan.pricePln) });
          } else currentPlan = up ? PLANS[0] : PLANS[1];
        }
      }
      cycle++;
    }
    const sub: Subscription = {
      id: `sub${p.id.slice(1)}`,
      customerId: p.id,
      plan: plan.id,
      status,
      startedAt: iso(start),
      amount,
      currency: p.currency,
      billingInterval: 'month',
      amountChanges: changes.filter((c) => endedAt === undefined || Date.parse(c.at) <= endedAt),
      properties: { trial, product: 'Sowa Club' },
    };
    if (cancelledAt !== undefined) sub.cancelledAt = iso(cancelledAt);
    if (endedAt !== undefined) sub.endedAt = iso(endedAt);
    this.subscriptions.push(sub);
  }

  interactions(): Interaction[] {
    const events = this.events.sort((a, b) => a.t - b.t);
    const out: Interaction[] = new Array(events.length);
    const id = this.p.id;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const [channel, stageId] = TOUCHPOINT_INDEX.get(e.tp)!;
      const interaction: Interaction = {
        id: `${id}-e${i + 1}`,
        customerId: id,
        timestamp: iso(e.t),
        name: e.name,
        channel,
        touchpointId: e.tp,
        stageId,
        source: SOURCE_BY_TP[e.tp] ?? (channel === 'mobile-app' ? 'app-analytics' : 'web-analytics'),
        properties: e.props,
      };
      if (e.sid !== undefined) interaction.sessionId = e.sid;
      out[i] = interaction;
    }
    return out;
  }
}

/** Simulates the customer at `index`: the same (seed, index) always yields the same life. */
export function simulateCustomer(ctx: ShopContext, index: number): Life {
  const b = new LifeBuilder(ctx, index);
  b.run();
  return {
    customer: b.p.customer,
    interactions: b.interactions(),
    orders: b.orders,
    responses: b.responses.sort((x, y) => x.respondedAt.localeCompare(y.respondedAt)),
    subscriptions: b.subscriptions,
    feedback: b.feedback.sort((x, y) => x.createdAt.localeCompare(y.createdAt)),
    mentions: b.mentions,
  };
}

/** The customer record alone (the first draws of the customer's PRNG, so it equals `simulateCustomer(…).customer`). */
export function customerAt(ctx: ShopContext, index: number): Customer {
  return drawProfile(ctx, index, new Rng(mixKey(ctx.seed, STREAM.customer, index))).customer;
}
