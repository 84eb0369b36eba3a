import { CxFitError, CxValidationError } from '@cx/model';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../__fixtures__/cdnow.js';
import { fitGammaGamma, gammaGammaExpectedSpend } from './gamma-gamma.js';

describe('fitGammaGamma', () => {
  it('reproduces p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44 on CDNOW (lifetimes test_estimation.py, Hardie note 025)', () => {
    const rows = readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({
      frequency: r.x!,
      monetaryValue: r.zbar!,
    }));
    const model = fitGammaGamma(rows);
    expect(Math.abs(model.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(model.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(model.gamma - 15.44)).toBeLessThan(0.01);
    // 2,357 customers, 1,411 without a repeat purchase (reference §3.5) → 946 in the fit.
    expect(model).toMatchObject({ n: 946, excluded: 1411 });
  });

  it('expected spend: population mean pγ/(q − 1) for x = 0; tends to m̄ as x grows', () => {
    const model = { p: 6.25, q: 3.74, gamma: 15.44 };
    // Hand: 6.25 · 15.44 / 2.74 = 35.2190
    expect(gammaGammaExpectedSpend(model, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(35.219, 3);
    // Hand: x = 2, m̄ = 22.35 → 6.25 · (15.44 + 44.70) / (12.5 + 2.74) = 24.6637
    expect(gammaGammaExpectedSpend(model, { frequency: 2, monetaryValue: 22.35 })).toBeCloseTo(24.6637, 4);
    expect(gammaGammaExpectedSpend(model, { frequency: 1e6, monetaryValue: 50 })).toBeCloseTo(50, 3);
  });

  it('says so when the data cannot identify the model', () => {
    const few = [
      { frequency: 2, monetaryValue: 22.35 },
      { frequency: 1, monetaryValue: 11.77 },
      { frequency: 7, monetaryValue: 73.74 },
      { frequency: 1, monetaryValue: 11.77 },
      { frequency: 3, monetaryValue: 18.0 },
    ];
    expect(() => fitGammaGamma(few)).toThrow(CxFitError);
  });

  it('rejects bad rows with positions', () => {
    try {
      fitGammaGamma([
        { frequency: 1, monetaryValue: 10 },
        { frequency: 2, monetaryValue: -4 },
        { frequency: -1, monetaryValue: 3 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['customers', 1, 'monetaryValue'],
        ['customers', 2, 'frequency'],
      ]);
    }
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(
      expect.objectContaining({ code: 'not_identifiable' }),
    );
    expect(() =>
      gammaGammaExpectedSpend({ p: 1, q: 0.5, gamma: 1 }, { frequency: 0, monetaryValue: 0 }),
    ).toThrow(CxValidationError);
  });
});
