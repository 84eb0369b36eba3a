import { describe, expect, it } from 'vitest';
import { cdnowTransactions } from '../__fixtures__/cdnow.js';
import { bgNbdConditionalExpectedPurchases, fitBgNbd } from './bg-nbd.js';
import { paretoNbdConditionalExpectedPurchases } from './pareto-nbd.js';
import { rfmSummary } from './rfm.js';

describe('CDNOW calibration → holdout, end to end', () => {
  // Fader, Hardie & Lee (2005), Section 7: calibration weeks 1–39 (to 1997-09-30), holdout weeks 40–78
  // (to 1998-06-30). The 1,411 customers with no repeat purchase in calibration made 334 holdout purchases
  // (0.24 each); the conditional expectations were 0.23 (BG/NBD) and 0.14 (Pareto/NBD).
  const summary = rfmSummary(cdnowTransactions(), {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    timeUnit: 'week',
  });
  const zero = summary.customers.filter((c) => c.frequency === 0);

  it('counts the published holdout purchases of the zero class', () => {
    expect(zero).toHaveLength(1411);
    expect(zero.reduce((s, c) => s + c.frequencyHoldout!, 0)).toBe(334);
  });

  it('reproduces the published zero-class conditional expectations', () => {
    const bg = fitBgNbd(summary.customers, { timeUnit: 'week' });
    const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const mean = (f: (c: (typeof zero)[number]) => number) =>
      zero.reduce((s, c) => s + f(c), 0) / zero.length;
    expect(mean((c) => bgNbdConditionalExpectedPurchases(bg, c, c.durationHoldout!)).toFixed(2)).toBe('0.23');
    expect(mean((c) => paretoNbdConditionalExpectedPurchases(pareto, c, c.durationHoldout!)).toFixed(2)).toBe(
      '0.14',
    );
  });
});
