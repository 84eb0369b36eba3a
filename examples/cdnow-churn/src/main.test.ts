import { describe, expect, it } from 'vitest';
import { PUBLISHED_BG_NBD, parseCdnow, runCdnowChurn } from './cdnow-churn.js';
import { PUBLISHED_GAMMA_GAMMA, runCdnowClv } from './cdnow-clv.js';

describe('cdnow-churn example', () => {
  const report = runCdnowChurn();

  it('reproduces the BG/NBD parameters of Fader, Hardie & Lee (2005), section 7', () => {
    // paper: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 on 2,357 customers
    expect(report.customers).toBe(2357);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(report.model[k]).toBeCloseTo(PUBLISHED_BG_NBD[k], 3);
    expect(report.model.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('computes P(alive) as in the paper for a frequent buyer who went quiet (customer 1580)', () => {
    // Rows of sample id 1580: first purchase 1997-02-27, repeat purchase days 03-04, 03-06, 04-25, 04-28, 04-30,
    // 05-13, 05-16 (two rows, one day), 05-19, 05-22 -> x = 9; t_x = 84 days = 12 weeks; T = 215 days = 30.714 weeks.
    // FHL (2005) eq. 13 with the published parameters:
    //   P(alive) = 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
    //            = 1 / (1 + 0.793/10.426 · (35.128/16.414)^9.243) = 0.01147
    const c = report.atRisk.find((x) => x.customerId === '1580');
    expect(c).toMatchObject({ frequency: 9, recency: 12, frequencyHoldout: 4 });
    expect(c?.T).toBeCloseTo(215 / 7, 10);
    expect(c?.pAlive).toBeCloseTo(0.01147, 4);
  });

  it('lists frequent buyers only, lowest P(alive) first, and checks against the holdout', () => {
    expect(report.atRisk).toHaveLength(10);
    expect(report.atRisk.every((c) => c.frequency >= 3)).toBe(true);
    const p = report.atRisk.map((c) => c.pAlive);
    expect(p).toEqual([...p].sort((x, y) => x - y));
    // customer 1901: 21 repeat days within the first 4.7 weeks, then nothing for 24 weeks: P(alive) ≈ 2e-11
    expect(report.atRisk[0]?.customerId).toBe('1901');
    expect(report.atRisk[0]?.expectedNext52Weeks).toBeLessThan(0.001);
    // independent tally of CDNOW_sample.txt (distinct purchase days per customer from 1997-10-01 to 1998-06-30): 1882
    expect(report.holdout.actual).toBe(1882);
    expect(report.holdout.weeks).toBe(39);
    expect(report.holdout.expected).toBeGreaterThan(1500);
    expect(report.holdout.expected).toBeLessThan(1882);
    expect(report.text).toContain('0.243');
  });

  it('rejects a malformed row with its line number', () => {
    expect(() => parseCdnow(' 00004 0001 19970101  2   29.33\n 00004 0001 1997-01-18 2 29.73\n')).toThrow(
      /Line 2/,
    );
  });
});

describe('cdnow-clv example', () => {
  const report = runCdnowClv();

  it('reproduces the Gamma-Gamma parameters of Fader & Hardie, note 025', () => {
    // note 025: p = 6.25, q = 3.74, γ = 15.44 on the 946 customers with a repeat purchase in weeks 1–39
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(Math.abs(report.spend[k] - PUBLISHED_GAMMA_GAMMA[k])).toBeLessThan(0.01);
    expect(report.spend).toMatchObject({ n: 946, excluded: 1411 });
  });

  it('values customer 1 by hand: spend per purchase, purchases to come, discounted value', () => {
    const one = report.customers.find((c) => c.customerId === '1');
    // Hand: x = 2, m̄ = (29.73 + 14.96) / 2 = 22.345 → p(γ + x m̄) / (p x + q − 1)
    //   = 6.25 · (15.44 + 44.69) / (12.5 + 2.74) = 24.659 with the published parameters.
    expect(one?.spendPerPurchase).toBeCloseTo(24.659, 1);
    // @cx/metrics' customerLifetimeValue example: BG/NBD of the paper, x = 2, t_x = 30.43, T = 38.86 → 1.563 in 12 months.
    expect(one?.clv.expectedPurchases).toBeCloseTo(1.563, 2);
    // Discounted at 1 % a month, the value is below the undiscounted 1.563 · 24.659 = 38.54 and above it / 1.01^12.
    const undiscounted = (one?.clv.expectedPurchases ?? 0) * (one?.spendPerPurchase ?? 0);
    expect(one?.clv.value).toBeLessThan(undiscounted);
    expect(one?.clv.value).toBeGreaterThan(undiscounted / 1.01 ** 12);
    expect(report.text).toContain(
      'customer 1: 1.56 purchases expected in 12 months at $24.65 each, CLV $36.30',
    );
  });
});
