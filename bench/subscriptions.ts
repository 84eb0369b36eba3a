// The seeded subscriptions of the churn benchmarks (bench/retention.ts, bench/churn-kernel.ts): one generator, so
// both measure the same table.
import type { Subscription } from '@cx/model';

/** Seeded subscriptions: one per customer, monthly or yearly, some cancelled, some upgraded (mulberry32). */
export function* generateSubscriptions(n: number): Generator<Subscription> {
  let seed = 12345;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const from = Date.parse('2024-01-01T00:00:00Z');
  const span = 730 * 86_400_000;
  for (let i = 0; i < n; i++) {
    const start = from + Math.floor(random() * span);
    const yearly = random() < 0.2;
    const amount = yearly ? 290 : [9, 29, 49][Math.floor(random() * 3)]!;
    const cancelled = random() < 0.45;
    const end = cancelled ? start + Math.floor(random() * span * 0.8) : undefined;
    const upgrade = random() < 0.1 ? start + Math.floor(random() * 200 * 86_400_000) : undefined;
    yield {
      id: `s${i}`,
      customerId: `c${i}`,
      status: cancelled ? 'cancelled' : 'active',
      startedAt: new Date(start).toISOString(),
      ...(end === undefined ? {} : { endedAt: new Date(end).toISOString() }),
      amount,
      currency: 'USD',
      billingInterval: yearly ? 'year' : 'month',
      amountChanges:
        upgrade !== undefined && (end === undefined || upgrade < end)
          ? [{ at: new Date(upgrade).toISOString(), amount: amount * 2 }]
          : [],
      properties: {},
    };
  }
}
