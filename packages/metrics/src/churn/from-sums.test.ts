import { instantToEpochMs } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { churnPeriodFromSums } from './from-sums.js';

const base = {
  period: '2026-01',
  label: 'Jan 2026',
  start: instantToEpochMs('2026-01-01T00:00:00Z'),
  end: instantToEpochMs('2026-02-01T00:00:00Z'),
  customersAtStart: 500,
  customersAtEnd: 450,
  lostCustomers: 50,
  newCustomers: 0,
  churnEvents: 50,
  exposureMs: 0,
  newMrr: 0,
};

describe('churnPeriodFromSums', () => {
  it('500 → 450 is 10% churn (Predict-Churn README); ChurnZero NRR 111%, GRR 81.5%', () => {
    // ChurnZero: start $27,000; the same customers end at $35,000 through upsells while $5,000 churned.
    const p = churnPeriodFromSums(
      { ...base, startMrr: 27_000, endMrr: 30_000, expansion: 8_000, contraction: 0, churned: 5_000 },
      'exclude',
      base.end,
    );
    expect(p.churnRate).toBe(0.1);
    expect(p.revenue.nrr).toBeCloseTo(30_000 / 27_000, 15);
    expect(p.revenue.grr).toBeCloseTo(22_000 / 27_000, 15);
    expect([p.period, p.label, p.start, p.complete]).toEqual([
      '2026-01',
      'Jan 2026',
      '2026-01-01T00:00:00.000Z',
      true,
    ]);
  });

  it('gives null rates for empty denominators, never NaN', () => {
    const p = churnPeriodFromSums(
      { ...base, customersAtStart: 0, startMrr: 0, endMrr: 0, expansion: 0, contraction: 0, churned: 0 },
      'exposure',
      base.start,
    );
    expect([p.churnRate, p.revenue.nrr, p.revenue.grr, p.complete]).toEqual([null, null, null, false]);
  });
});
