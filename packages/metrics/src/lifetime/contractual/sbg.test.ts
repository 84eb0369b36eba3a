import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSbg, sbgDiscountedResidualLifetime, sbgProject, sbgRetentionRate, sbgSurvival } from './sbg.js';

// Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1):76–90, Table 1:
// % of customers surviving years 0–7 (per 1,000), for the "regular" and "high end" segments.
const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitSbg', () => {
  it('reproduces the published estimates of Fader & Hardie (2007)', () => {
    // Published ML estimates: high end α = 0.668, β = 3.806; regular α = 0.704, β = 1.182. The high-end pair is
    // also the reference of jdmaturen/shifted_beta_geometric_py (sbg.py test()), fitted to 0.869 … 0.491.
    // Sanity check on the pairing: mean first-period churn α/(α+β) is 0.149 for high end (observed 13.1%)
    // and 0.373 for regular (observed 36.9%).
    const high = fitSbg(HIGH_END);
    expect(high.alpha).toBeCloseTo(0.668, 3);
    expect(high.beta).toBeCloseTo(3.806, 3);
    const regular = fitSbg(REGULAR);
    expect(regular.alpha).toBeCloseTo(0.704, 3);
    expect(regular.beta).toBeCloseTo(1.182, 3);
    expect(regular).toMatchObject({ cohortSize: 1000, periods: 7 });
  });

  it('log-likelihood at α = β = 1 matches the hand value −2.115 per customer for the high-end data', () => {
    // jdmaturen sbg.py: log_likelihood(1, 1, proportions) = −2.115; with 1,000 customers ×1000.
    // Hand: P(T=t) = 1/(t(t+1)), S(7) = 1/8; Σ lost·ln P + 491·ln(1/8) = −2115.5
    const fitted = fitSbg(HIGH_END);
    expect(fitted.logLikelihood).toBeGreaterThan(-2115.5);
  });

  it('projects survival with rₜ = (β + t − 1)/(α + β + t − 1) and S(t) = Π r', () => {
    const model = fitSbg(REGULAR);
    const rows = sbgProject(model, 12);
    expect(rows[0]).toEqual({ period: 0, survival: 1, retention: 1, survivors: 1000 });
    for (const row of rows.slice(1)) {
      expect(row.survival).toBeCloseTo(sbgSurvival(model, row.period), 12);
      expect(row.retention).toBe(sbgRetentionRate(model, row.period));
    }
    // Retention rises over time (heterogeneity), and the fit tracks the calibration data within 2 points.
    for (let t = 2; t <= 12; t++) expect(rows[t]!.retention).toBeGreaterThan(rows[t - 1]!.retention);
    for (const [t, n] of REGULAR.entries()) expect(Math.abs(rows[t]!.survivors - n)).toBeLessThan(20);
  });

  it('S(t) = 1/(t + 1) for α = β = 1 (closed form)', () => {
    for (let t = 0; t < 10; t++) expect(sbgSurvival({ alpha: 1, beta: 1 }, t)).toBeCloseTo(1 / (t + 1), 13);
  });

  it('DERL closed form equals the direct discounted sum (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 8, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        (alpha, beta, n, d) => {
          const model = { alpha, beta };
          let sum = 0;
          const sn = sbgSurvival(model, n);
          for (let t = n + 1; t < n + 4000; t++) sum += sbgSurvival(model, t) / sn / (1 + d) ** (t - n - 1);
          expect(sbgDiscountedResidualLifetime(model, n, d)).toBeCloseTo(sum, 6);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('rejects increasing, negative and too few counts with positions', () => {
    try {
      fitSbg([100, 120, -1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['survivors', 1],
        ['survivors', 2],
      ]);
    }
    expect(() => fitSbg([100])).toThrow(CxValidationError);
    expect(() => fitSbg([0, 0])).toThrow(CxValidationError);
    expect(() => sbgDiscountedResidualLifetime({ alpha: 1, beta: 1 }, 0, 0)).toThrow(CxValidationError);
  });
});
