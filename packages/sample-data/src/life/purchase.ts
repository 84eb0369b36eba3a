import { MS_PER_DAY as DAY_MS, type Order, type Properties } from '@cx/model';
import type { Aspect } from '../text.js';
import { TOUCHPOINT_INDEX } from '../touchpoints.js';
import { type Basket, HOUR_MS, iso, type LifeState, round2 } from './state.js';
import { support } from './support.js';
import { surveys } from './surveys.js';
import { review, socialPost } from './voice.js';

/** A purchase: the order, its delivery (late or not), support, refunds, surveys, reviews, referrals and posts. */
export function purchase(
  b: LifeState,
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
  const { rng, p } = b;
  b.purchases++;
  const orderId = `o${p.id.slice(1)}-${b.purchases}`;
  const value = round2(basket.value + shipping);
  const props: Properties = {
    transaction_id: orderId,
    value,
    currency: p.currency,
    payment_type: paymentType,
    items: basket.items.length,
  };
  if (device !== undefined) props.device = device;
  if (!b.emit(t, 'purchase', tp, sid, props)) {
    b.purchases--;
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
    b.emit(t + Math.floor((0.3 + rng.next()) * DAY_MS), 'shipment_dispatched', 'delivery', undefined, {
      order_id: orderId,
      carrier: 'SowaExpress',
    });
    if (late) {
      const promised = t + Math.floor(2.2 * DAY_MS);
      const delay = rng.int(1, 6);
      b.emit(promised, 'delivery_delayed', 'delivery', undefined, {
        order_id: orderId,
        delay_days: delay,
      });
      delivered = promised + delay * DAY_MS + Math.floor(rng.next() * 8 * HOUR_MS);
      reason = 'delivery';
      if (rng.chance(p.business ? 0.7 : 0.5))
        hotline = support(
          b,
          promised + Math.floor(rng.next() * 20 * HOUR_MS),
          'late_delivery',
          orderId,
          true,
        );
    } else {
      delivered = t + Math.floor((1 + 1.5 * rng.next()) * DAY_MS);
    }
    if (!b.emit(delivered, 'delivery_completed', 'delivery', undefined, { order_id: orderId, late }))
      delivered = Number.POSITIVE_INFINITY;
  }
  if (!late && rng.chance(0.04)) {
    hotline = support(
      b,
      t + Math.floor(rng.next() * 5 * DAY_MS),
      rng.pick(['product_question', 'invoice', 'damaged_item']),
      orderId,
      false,
    );
  }
  if (hotline) reason = 'support';
  if (delivered < b.ctx.endMs && rng.chance(0.025 + (late ? 0.1 : 0))) {
    refunded = b.emit(
      delivered + Math.floor((1 + 4 * rng.next()) * DAY_MS),
      'refund_request',
      'returns',
      undefined,
      { order_id: orderId, reason: late ? 'arrived_too_late' : 'not_as_expected' },
    );
    if (refunded) b.grudge += 0.3;
  }
  const z =
    p.mood -
    b.grudge +
    rng.normal(0, 0.5) -
    0.9 * Math.min(failures, 2) -
    1.9 * (late ? 1 : 0) -
    0.9 * (hotline ? 1 : 0) -
    0.5 * (noResults ? 1 : 0) -
    (refunded ? 0.6 : 0) +
    (inStore ? 0.3 : 0);
  b.grudge = b.grudge * 0.6 + (late ? 0.5 : 0) + (hotline ? 0.3 : 0);
  const status: Order['status'] = refunded ? 'refunded' : delivered < b.ctx.endMs ? 'fulfilled' : 'paid';
  b.orders.push({
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
  surveys(b, orderId, t, delivered, tp, failures, late, z, reason);
  const after = Number.isFinite(delivered) ? delivered : t;
  if (Number.isFinite(delivered) && rng.chance(0.05 + (Math.abs(z) > 1.2 ? 0.06 : 0)))
    review(b, after + Math.floor((3 + 7 * rng.next()) * DAY_MS), z, reason);
  if (rng.chance(0.03 + (z > 1 ? 0.09 : 0)))
    b.emit(after + Math.floor(rng.next() * 10 * DAY_MS), 'referral_sent', 'referral-program', undefined, {
      medium: rng.pick(['link', 'code', 'whatsapp']),
    });
  if ((z > 1.2 && rng.chance(0.05)) || (late && rng.chance(0.06)))
    socialPost(b, after + Math.floor(rng.next() * 2 * DAY_MS), z, reason);
  if (b.subscriptionStart === undefined && rng.chance(p.persona.subscribe * (z > 0 ? 1.5 : 0.5))) {
    b.subscriptionStart = after + Math.floor((1 + 9 * rng.next()) * DAY_MS);
  }
}
