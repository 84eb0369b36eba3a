// Customer lifetime value on CDNOW: BG/NBD for how many purchases are to come, Gamma-Gamma for how much each one is
// worth, and the two combined into a discounted value per customer over the next 12 months.
import { readFileSync } from 'node:fs';
import {
  type CustomerLifetimeValue,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaModel,
  gammaGammaExpectedSpend,
  rfmSummary,
} from '@cx/metrics';
import { DEFAULT_CDNOW, parseCdnow } from './cdnow-churn.js';

/** Fader & Hardie, note 025 (the Gamma-Gamma model of monetary value), on the CDNOW sample, weeks 1–39. */
export const PUBLISHED_GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 } as const;

/** One customer's value. */
export interface CustomerValue {
  readonly customerId: string;
  /** Expected spend per future purchase (Gamma-Gamma). */
  readonly spendPerPurchase: number;
  readonly clv: CustomerLifetimeValue;
}

/** What the CLV part computes. */
export interface CdnowClvReport {
  readonly spend: GammaGammaModel;
  readonly customers: readonly CustomerValue[];
  readonly text: string;
}

/** Fits Gamma-Gamma on the calibration weeks and values the given customers over 12 months at 1 % a month. */
export function runCdnowClv(path = DEFAULT_CDNOW, ids: readonly string[] = ['1', '1516']): CdnowClvReport {
  const transactions = parseCdnow(readFileSync(path, 'utf8'));
  // #region clv
  const summary = rfmSummary(transactions, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
  const purchases = fitBgNbd(summary.customers, { timeUnit: 'week' });
  const spend = fitGammaGamma(summary.customers); // customers with repeat purchases only
  const customers = summary.customers
    .filter((c) => ids.includes(c.customerId))
    .map((c) => {
      const spendPerPurchase = gammaGammaExpectedSpend(spend, c);
      const clv = customerLifetimeValue(purchases, c, {
        spendPerPurchase,
        periods: 12,
        periodLength: 1,
        periodUnit: 'month',
        discountRate: 0.01,
      });
      return { customerId: c.customerId, spendPerPurchase, clv };
    });
  // #endregion clv
  const lines = [
    `Gamma-Gamma on ${spend.n} repeat customers (${spend.excluded} without a repeat purchase left out): p ${spend.p.toFixed(2)}, q ${spend.q.toFixed(2)}, γ ${spend.gamma.toFixed(2)} (note 025: ${PUBLISHED_GAMMA_GAMMA.p}, ${PUBLISHED_GAMMA_GAMMA.q}, ${PUBLISHED_GAMMA_GAMMA.gamma})`,
    ...customers.map(
      (c) =>
        `  customer ${c.customerId}: ${c.clv.expectedPurchases.toFixed(2)} purchases expected in 12 months at $${c.spendPerPurchase.toFixed(2)} each, CLV $${c.clv.value.toFixed(2)}`,
    ),
  ];
  return { spend, customers, text: lines.join('\n') };
}
