// BG/NBD churn risk on the CDNOW sample: RFM summary in weeks, the fit, P(alive) and expected purchases.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type BgNbdModel,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  type RfmCustomer,
  rfmSummary,
  type Transaction,
} from '@cx/metrics';
import { formatTable } from './table.js';

/** The CDNOW 1/10th sample shipped with the example (see data/README.md). */
export const DEFAULT_CDNOW = fileURLToPath(new URL('../data/CDNOW_sample.txt', import.meta.url));

/** Fader, Hardie & Lee (2005), section 7: BG/NBD on the CDNOW sample, weeks 1–39. */
export const PUBLISHED_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;

/** Options of {@link runCdnowChurn}. */
export interface CdnowChurnOptions {
  /** Path of a CDNOW-format file (default: the shipped sample). */
  readonly path?: string;
  /** "Frequent buyer": at least this many repeat purchase days in the calibration period (default 3). */
  readonly minFrequency?: number;
  /** How many at-risk customers to list (default 10). */
  readonly top?: number;
}

/** One customer's churn view. */
export interface ChurnRisk extends RfmCustomer {
  /** Probability the customer is still active at the end of calibration. */
  readonly pAlive: number;
  /** Expected repeat purchases in the 52 weeks after calibration. */
  readonly expectedNext52Weeks: number;
}

/** What the example computes. */
export interface CdnowChurnReport {
  readonly model: BgNbdModel;
  readonly customers: number;
  /** Frequent buyers with the lowest P(alive), lowest first. */
  readonly atRisk: readonly ChurnRisk[];
  /** Holdout check: Σ expected vs actual repeat purchase days from 1997-10-01 to 1998-06-30. */
  readonly holdout: { readonly expected: number; readonly actual: number; readonly weeks: number };
  readonly text: string;
}

/** Parses CDNOW rows `master-id sample-id YYYYMMDD cds dollars` into transactions (customer = sample id). */
export function parseCdnow(text: string): Transaction[] {
  const out: Transaction[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    if (sampleId === undefined || date === undefined || dollars === undefined || !/^\d{8}$/.test(date))
      throw new Error(
        `Line ${i + 1}: expected "master-id sample-id YYYYMMDD cds dollars", got ${JSON.stringify(line)}`,
      );
    out.push({
      customerId: String(Number(sampleId)),
      at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      amount: Number(dollars),
    });
  });
  return out;
}

/**
 * Fits BG/NBD on weeks 1–39 of CDNOW (calibration to 1997-09-30), compares the parameters with the paper,
 * checks the fit on the 39-week holdout, and lists the frequent buyers most likely to have churned.
 */
export function runCdnowChurn(options: CdnowChurnOptions = {}): CdnowChurnReport {
  const minFrequency = options.minFrequency ?? 3;
  const top = options.top ?? 10;
  const transactions = parseCdnow(readFileSync(options.path ?? DEFAULT_CDNOW, 'utf8'));
  // #region bg-nbd
  const summary = rfmSummary(transactions, {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    timeUnit: 'week',
  });
  const model = fitBgNbd(summary.customers, { timeUnit: 'week' });

  let expected = 0;
  let actual = 0;
  let weeks = 0;
  const risks: ChurnRisk[] = summary.customers.map((c) => {
    weeks = c.durationHoldout ?? 0;
    expected += bgNbdConditionalExpectedPurchases(model, c, weeks);
    actual += c.frequencyHoldout ?? 0;
    return {
      ...c,
      pAlive: bgNbdProbabilityAlive(model, c),
      expectedNext52Weeks: bgNbdConditionalExpectedPurchases(model, c, 52),
    };
  });
  const atRisk = risks
    .filter((c) => c.frequency >= minFrequency)
    .sort((x, y) => x.pAlive - y.pAlive || Number(x.customerId) - Number(y.customerId))
    .slice(0, top);
  // #endregion bg-nbd

  const params = (['r', 'alpha', 'a', 'b'] as const).map((k) => [
    k,
    model[k].toFixed(3),
    PUBLISHED_BG_NBD[k].toFixed(3),
  ]);
  const text = [
    `BG/NBD on ${summary.customers.length} CDNOW customers, calibration weeks 1–39 (to 1997-09-30); log-likelihood ${model.logLikelihood.toFixed(1)}`,
    formatTable(['parameter', 'fitted', 'paper (FHL 2005)'], params),
    '',
    `Holdout check (${weeks.toFixed(1)} weeks to 1998-06-30): expected ${expected.toFixed(0)} repeat purchase days, actual ${actual}`,
    '',
    `Frequent buyers (≥ ${minFrequency} repeat purchase days) most likely to have churned:`,
    formatTable(
      ['customer', 'x', 't_x (wk)', 'T (wk)', 'P(alive)', 'E[next 52 wk]', 'holdout actual'],
      atRisk.map((c) => [
        c.customerId,
        String(c.frequency),
        c.recency.toFixed(1),
        c.T.toFixed(1),
        c.pAlive.toFixed(3),
        c.expectedNext52Weeks.toFixed(2),
        String(c.frequencyHoldout ?? 0),
      ]),
    ),
  ].join('\n');
  return { model, customers: summary.customers.length, atRisk, holdout: { expected, actual, weeks }, text };
}
