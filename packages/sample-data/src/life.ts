import type {
  Customer,
  Feedback,
  Interaction,
  Mention,
  Order,
  Subscription,
  SurveyResponse,
} from '@cx/model';
import type { ShopContext } from './context.js';
import { STREAM } from './context.js';
import { interactions } from './life/interactions.js';
import { session } from './life/session.js';
import { LifeState } from './life/state.js';
import { subscription } from './life/subscription.js';
import { mixKey, Rng } from './prng.js';
import { drawProfile } from './profile.js';

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

/** Simulates one customer's whole life in the shop: sessions in time order, then the subscription. */
function run(b: LifeState): void {
  const { p, rng } = b;
  const times: number[] = [p.firstSeenMs];
  const span = p.lastActiveMs - p.firstSeenMs;
  for (let i = 1; i < p.sessions; i++) times.push(p.firstSeenMs + Math.floor(rng.next() * span));
  times.sort((x, y) => x - y);
  for (let i = 0; i < times.length; i++) session(b, times[i]!, i);
  if (b.subscriptionStart !== undefined) subscription(b, b.subscriptionStart);
}

/** Simulates the customer at `index`: the same (seed, index) always yields the same life. */
export function simulateCustomer(ctx: ShopContext, index: number): Life {
  const b = new LifeState(ctx, index);
  run(b);
  return {
    customer: b.p.customer,
    interactions: interactions(b),
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
