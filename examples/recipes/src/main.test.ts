import { describe, expect, it } from 'vitest';
import { churnFromSubscriptions } from './churn-from-subscriptions.js';
import { funnelFromEvents } from './funnel-from-events.js';
import { journeyMapFromSpreadsheet } from './journey-map-from-spreadsheet.js';

// Hand calculation from data/events.csv (7-day window from each person's first step, steps in order):
//   u1 view, cart, purchase → 3 steps; u2 view, cart → 2; u3 view → 1; u4 view, purchase without a cart → 1;
//   u5 view, cart 9 days later (outside the window) → 1; u6 cart only → never entered.
//   view 5 (u1–u5), cart 2 (u1, u2), purchase 1 (u1): conversion 1 / 5 = 20 %.
//   Line 13, "2024-03-05 14:00", has no offset and the mapping names no time zone: rejected, not guessed.
describe('recipe: a funnel from an events CSV', () => {
  it('counts each step by hand and rejects the instant without a zone', async () => {
    const { read, result, text } = await funnelFromEvents();
    expect(read).toMatchObject({ rowsIn: 12, rowsOut: 11, rejected: 1 });
    expect(read.deadLetters[0]).toMatchObject({ line: 13, code: 'invalid_instant', raw: '2024-03-05 14:00' });
    expect(result.steps.map((s) => s.count)).toEqual([5, 2, 1]);
    expect(result.conversionRate).toBe(0.2);
    expect(text).toContain('  purchase       1\n  conversion 20.0%');
  });
});

// Hand calculation from data/subscriptions.csv (UTC months; a customer is lost in the month their last
// subscription ends):
//   February: active on 1 Feb c1, c2, c3, c5 (4); c2 ends 15 Feb (lost 1 → 25 %); c4 starts 5 Feb (new 1);
//     MRR at start 10 + 10 + 20 + 15 = 55.
//   March: active on 1 Mar c1, c3, c4, c5 (4); c3 ends 10 Mar and c5 20 Mar (lost 2 → 50 %);
//     MRR at start 10 + 20 + 20 + 15 = 65.
describe('recipe: churn from a subscriptions export', () => {
  it('gives the churn of each month by hand', async () => {
    const { periods, text } = await churnFromSubscriptions();
    expect(
      periods.map((p) => [p.label, p.customersAtStart, p.lostCustomers, p.newCustomers, p.churnRate]),
    ).toEqual([
      ['Feb 2024', 4, 1, 1, 0.25],
      ['Mar 2024', 4, 2, 0, 0.5],
    ]);
    expect(periods.map((p) => p.revenue.startMrr)).toEqual([55, 65]);
    expect(text).toContain('Mar 2024  active at start 4  lost 2  new 0  churn 50.0%  MRR at start 65');
  });
});

// data/journey-map.csv by hand: three stages (Discover, Buy, Use), one step each, Anna's emotion 0, −1, +2, and one
// high pain point at Buy. Mermaid's journey scores run 1–5, so −2…+2 becomes 1…5: 0 → 3, −1 → 2, +2 → 5.
// A CSV carries no ids: 8 are made from names (journey, 3 stages, 3 steps, the pain point), and said so.
describe('recipe: a journey map from a spreadsheet', () => {
  it('reads every lane of the sheet', () => {
    const { map, losses, mermaid, text } = journeyMapFromSpreadsheet();
    expect(map.journey.stages.map((s) => s.id)).toEqual(['discover', 'buy', 'use']);
    expect(map.journey.steps.map((s) => [s.stageId, s.name])).toEqual([
      ['discover', 'Sees an ad'],
      ['buy', 'Pays by card'],
      ['use', 'Unboxes'],
    ]);
    expect(map.emotionCurves[0]?.points.map((p) => p.emotion)).toEqual([0, -1, 2]);
    expect(map.journey.painPoints).toMatchObject([{ severity: 'high', stageId: 'buy', owner: 'payments' }]);
    expect(losses).toMatchObject([
      { code: 'id_generated', message: expect.stringMatching(/^8 ids made up/) },
    ]);
    expect(mermaid).toContain('Sees an ad: 3: Anna');
    expect(mermaid).toContain('Pays by card: 2: Anna');
    expect(mermaid).toContain('Unboxes: 5: Anna');
    expect(text).toContain('emotion of anna: +0 → -1 → +2');
  });
});
