import { MS_PER_DAY as DAY_MS, type Subscription } from '@cx/model';
import { PLANS } from '../catalog.js';
import { addMonths } from './months.js';
import { iso, type LifeState } from './state.js';

/** The Sowa Club subscription: trial, monthly renewals, plan changes and cancellation. */
export function subscription(b: LifeState, start: number): void {
  const { rng, p, ctx } = b;
  if (start >= ctx.endMs) return;
  const plan = p.business ? PLANS[2] : rng.chance(0.7) ? PLANS[0] : PLANS[1];
  const trial = rng.chance(0.3);
  const amount = b.price(plan.pricePln);
  let currentPlan: (typeof PLANS)[number] = plan;
  b.emit(start, 'subscription_start', 'subscription', undefined, {
    plan: plan.id,
    trial,
    value: amount,
    currency: p.currency,
  });
  const changes: Array<{ ms: number; at: string; amount: number }> = [];
  const billing = trial ? start + 14 * DAY_MS : start;
  let cancelledAt: number | undefined;
  let endedAt: number | undefined;
  let status: Subscription['status'] = trial && billing > ctx.endMs ? 'trialing' : 'active';
  let cycle = 0;
  const hazard = 0.045 + (b.grudge > 0.4 ? 0.05 : 0) + (p.mood < -0.6 ? 0.04 : 0);
  for (;;) {
    const due = trial ? addMonths(billing, cycle) : addMonths(start, cycle + 1);
    if (due >= ctx.endMs) break;
    const previous = cycle === 0 ? start : trial ? addMonths(billing, cycle - 1) : addMonths(start, cycle);
    if (rng.chance(cycle === 0 && trial ? 0.35 : hazard)) {
      cancelledAt = Math.max(previous, due - Math.floor((1 + 9 * rng.next()) * DAY_MS));
      endedAt = due;
      b.emit(cancelledAt, 'subscription_cancel', 'subscription', undefined, {
        plan: currentPlan.id,
        reason: rng.pick(['too_expensive', 'too_much_coffee', 'switching', 'delivery_issues']),
      });
      status = 'cancelled';
      break;
    }
    b.emit(due, 'subscription_renewed', 'subscription', undefined, {
      plan: currentPlan.id,
      value: b.price(currentPlan.pricePln),
      currency: p.currency,
    });
    if (!p.business) {
      const up = currentPlan.id === 'club-basic' && rng.chance(0.04);
      const down = currentPlan.id === 'club-plus' && rng.chance(0.03);
      if (up || down) {
        const at = due + Math.floor((1 + 20 * rng.next()) * DAY_MS);
        currentPlan = up ? PLANS[1] : PLANS[0];
        if (at < ctx.endMs) {
          b.emit(at, up ? 'subscription_upgrade' : 'subscription_downgrade', 'subscription', undefined, {
            plan: currentPlan.id,
          });
          changes.push({ ms: at, at: iso(at), amount: b.price(currentPlan.pricePln) });
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
    amountChanges: changes
      .filter((c) => endedAt === undefined || c.ms <= endedAt)
      .map((c) => ({ at: c.at, amount: c.amount })),
    properties: { trial, product: 'Sowa Club' },
  };
  if (cancelledAt !== undefined) sub.cancelledAt = iso(cancelledAt);
  if (endedAt !== undefined) sub.endedAt = iso(endedAt);
  b.subscriptions.push(sub);
}
