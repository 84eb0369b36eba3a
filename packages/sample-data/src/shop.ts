import {
  type Customer,
  type Feedback,
  type Interaction,
  instantToEpochMs,
  type Journey,
  type Mention,
  MS_PER_DAY,
  type Order,
  type Persona,
  type Subscription,
  type SurveyResponse,
} from '@cx/model';
import type { ShopContext } from './context.js';
import { createShopJourney } from './journey.js';
import { customerAt, type Life, simulateCustomer } from './life.js';
import { publicMention, publicMentionCount } from './mentions.js';
import { type ResolvedSampleShopOptions, resolveOptions, type SampleShopOptions } from './options.js';
import { SAMPLE_PERSONAS } from './personas.js';

/**
 * A generated shop: its designed journey, personas, and lazily generated, re-iterable streams of records.
 *
 * Every stream is regenerated from the seed each time it is iterated, customer by customer, so memory stays
 * flat however many records you stream, and all streams agree with each other.
 *
 * @category Sample shop
 * @since 0.1.0
 */
export interface SampleShop {
  /** The options used, with defaults filled in. */
  readonly options: ResolvedSampleShopOptions;
  /** The designed ten-stage journey of the shop; its touchpoints, pain points and action names match the data. */
  readonly journey: Journey;
  /** Five personas (three consumer, two business) with empathy maps; every customer has one as `personaId`. */
  readonly personas: readonly Persona[];
  /** Customers in id order (`c0000001`, `c0000002`, …), consumers and business contacts. */
  customers(): Iterable<Customer>;
  /** Interactions grouped by customer (customer order), time-ordered within a customer. */
  interactions(): Iterable<Interaction>;
  /** NPS, CSAT, CES 2.0 and legacy CES survey responses, grouped by customer, time-ordered within a customer. */
  surveyResponses(): Iterable<SurveyResponse>;
  /** Orders, one per `purchase` interaction (`transaction_id` = order id), grouped by customer. */
  orders(): Iterable<Order>;
  /** Subscriptions to the monthly "Sowa Club" plan, with trials, upgrades, downgrades and cancellations. */
  subscriptions(): Iterable<Subscription>;
  /** Open-text feedback in Polish and English: survey comments, reviews, chats and call transcripts. */
  feedback(): Iterable<Feedback>;
  /** Social posts about the shop (`sowa`) and two competitors (`kruk`, `mewa`): customers' posts first, then public ones. */
  mentions(): Iterable<Mention>;
}

function contextOf(options: ResolvedSampleShopOptions): ShopContext {
  const startMs = instantToEpochMs(options.start);
  return {
    seed: options.seed,
    customers: options.customers,
    startMs,
    endMs: startMs + options.days * MS_PER_DAY,
    businessShare: options.businessShare,
  };
}

function stream<T>(ctx: ShopContext, pick: (life: Life) => readonly T[]): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < ctx.customers; i++) yield* pick(simulateCustomer(ctx, i));
    },
  };
}

/**
 * Creates a deterministic, realistic sample shop ("Sowa", coffee and tea) for demos, tests and benchmarks.
 *
 * Every record of a customer comes from a PRNG seeded by (seed, customer index), so each stream can be
 * regenerated on its own and still matches the others: orders match `purchase` interactions, survey
 * responses belong to customers who reached the stage, feedback quotes the response's comment. The journey's
 * pain points (failed payments, late deliveries, hotline waits, empty search results, shipping-cost surprise)
 * really happen, and customers who hit them give lower scores.
 *
 * @param options - Seed, number of customers, period and share of business customers.
 * @returns The shop: journey, personas and re-iterable record streams.
 * @throws {@link @cx/model!CxOptionsError} when an option is unknown (naming the closest known one), `null`, out of
 * range, or a start that is not a UTC instant; the path names the option.
 * @example
 * ```ts
 * import { createSampleShop } from '@cx/sample-data';
 * const shop = createSampleShop({ seed: 7, customers: 50 });
 * let purchases = 0;
 * for (const event of shop.interactions()) if (event.name === 'purchase') purchases++;
 * console.log(purchases === [...shop.orders()].length); // true
 * console.log(shop.journey.stages.length); // 10
 * ```
 * @category Sample shop
 * @since 0.1.0
 */
export function createSampleShop(options?: SampleShopOptions): SampleShop {
  const resolved = Object.freeze(resolveOptions(options));
  const ctx = contextOf(resolved);
  const journey = createShopJourney(ctx.startMs);
  return {
    options: resolved,
    journey,
    personas: SAMPLE_PERSONAS,
    customers: () => ({
      *[Symbol.iterator]() {
        for (let i = 0; i < ctx.customers; i++) yield customerAt(ctx, i);
      },
    }),
    interactions: () => stream(ctx, (life) => life.interactions),
    surveyResponses: () => stream(ctx, (life) => life.responses),
    orders: () => stream(ctx, (life) => life.orders),
    subscriptions: () => stream(ctx, (life) => life.subscriptions),
    feedback: () => stream(ctx, (life) => life.feedback),
    mentions: () => ({
      *[Symbol.iterator]() {
        yield* stream(ctx, (life) => life.mentions);
        const n = publicMentionCount(ctx);
        for (let i = 0; i < n; i++) yield publicMention(ctx, i);
      },
    }),
  };
}
