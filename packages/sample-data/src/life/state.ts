import {
  type Feedback,
  type Mention,
  MS_PER_HOUR,
  type Order,
  type Properties,
  type Subscription,
  type SurveyResponse,
} from '@cx/model';
import { BUSINESS_PRODUCT_WEIGHTS, CONSUMER_PRODUCT_WEIGHTS, EUR_PER_PLN, PRODUCTS } from '../catalog.js';
import { type ShopContext, STREAM } from '../context.js';
import { mixKey, Rng } from '../prng.js';
import { drawProfile, type Profile } from '../profile.js';

/** One event of a customer before it becomes an interaction. */
export interface RawEvent {
  readonly t: number;
  readonly name: string;
  readonly tp: string;
  readonly sid: string | undefined;
  readonly props: Properties;
}

/** The products of an order. */
export interface Basket {
  readonly items: Array<{ sku: string; name: string; quantity: number; unitPrice: number; category: string }>;
  readonly value: number;
}

export const HOUR_MS = MS_PER_HOUR;

export const SURFACES = ['web', 'app', 'store', 'marketplace', 'phone'] as const;
export type Surface = (typeof SURFACES)[number];

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The instant of epoch milliseconds (formatting, not parsing). */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The state of one customer's simulated life: their PRNG (seeded by seed and customer index), profile, the records
 * produced so far and the grudge carried between orders. The jobs of a life (sessions, purchases, support, surveys,
 * reviews and posts, the subscription) are functions of this state in the files beside this one; each draws from
 * the PRNG in a fixed order, so the same (seed, index) always gives the same life.
 */
export class LifeState {
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

  /** Records an event before the end of the period; returns whether it was recorded. */
  emit(t: number, name: string, tp: string, sid: string | undefined, props: Properties): boolean {
    if (t >= this.ctx.endMs) return false;
    this.events.push({ t, name, tp, sid, props });
    return true;
  }

  /** A catalogue price in the customer's currency. */
  price(pln: number): number {
    return this.p.currency === 'PLN' ? pln : round2(pln * EUR_PER_PLN);
  }

  /** A basket starting with product `firstSku`. */
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

  /** The surface of session `i` (the first is always on the web). */
  chooseSurface(i: number): Surface {
    if (i === 0) return 'web';
    return this.rng.weighted(SURFACES, this.p.persona.surfaces);
  }
}
