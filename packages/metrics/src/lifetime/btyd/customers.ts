import { CxFitError, CxValidationError, type ValidationIssue } from '@cx/model';

/**
 * The (x, tₓ, T) history of one customer, as produced by {@link rfmSummary}.
 *
 * @category Customer lifetime value
 * @since 0.1.0
 */
export interface RepeatPurchaseHistory {
  /** x: repeat purchases (an integer ≥ 0). */
  readonly frequency: number;
  /** tₓ: time of the last repeat purchase since the first purchase (0 when x = 0). */
  readonly recency: number;
  /** T: time since the first purchase at the end of calibration (≥ tₓ). */
  readonly T: number;
}

/** Validates histories; throws with `['customers', i, field]` paths (internal). */
export function checkHistories(customers: readonly RepeatPurchaseHistory[], min = 1): void {
  if (!Array.isArray(customers)) {
    throw new CxValidationError(
      [
        {
          path: ['customers'],
          message: 'Expected a list of repeat-purchase histories',
          code: 'invalid_type',
        },
      ],
      { subject: 'repeat-purchase histories' },
    );
  }
  const issues: ValidationIssue[] = [];
  if (customers.length < min) {
    issues.push({ path: ['customers'], message: `Expected at least ${min} customers`, code: 'too_small' });
  }
  customers.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) {
      issues.push({
        path: ['customers', i],
        message: 'Expected { frequency, recency, T }',
        code: 'invalid_type',
      });
      return;
    }
    if (!Number.isInteger(c.frequency) || c.frequency < 0) {
      issues.push({
        path: ['customers', i, 'frequency'],
        message: `Expected an integer ≥ 0, got ${c.frequency}`,
        code: 'out_of_range',
      });
    }
    if (!Number.isFinite(c.recency) || c.recency < 0 || (c.frequency === 0 && c.recency !== 0)) {
      issues.push({
        path: ['customers', i, 'recency'],
        message: `Expected recency ≥ 0 (0 when frequency is 0), got ${c.recency}`,
        code: 'out_of_range',
      });
    }
    if (!Number.isFinite(c.T) || c.T < c.recency || c.T <= 0) {
      issues.push({
        path: ['customers', i, 'T'],
        message: `Expected T > 0 and T ≥ recency (the end cannot be before the last purchase), got ${c.T}`,
        code: 'end_before_start',
      });
    }
  });
  if (issues.length > 0) throw new CxValidationError(issues, { subject: 'repeat-purchase histories' });
}

/**
 * Throws unless some customer made a repeat purchase (internal): without one, the purchase-rate gamma of BG/NBD and
 * Pareto/NBD is not identified (the likelihood rises as r → 0 and α → ∞).
 *
 * @throws `CxFitError` (`not_identifiable`).
 */
export function requireRepeatPurchases(customers: readonly RepeatPurchaseHistory[], model: string): void {
  if (customers.some((c) => c.frequency > 0)) return;
  throw new CxFitError(
    'not_identifiable',
    `${model} needs at least one repeat purchase: none of the ${customers.length} customers bought again, so the purchase rate cannot be told from zero`,
    { model },
  );
}

/** Groups identical histories so each likelihood term is computed once. */
export function groupHistories(
  customers: readonly RepeatPurchaseHistory[],
): { x: number; tx: number; T: number; count: number }[] {
  const groups = new Map<string, { x: number; tx: number; T: number; count: number }>();
  for (const c of customers) {
    const key = `${c.frequency}|${c.recency}|${c.T}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { x: c.frequency, tx: c.recency, T: c.T, count: 1 });
  }
  return [...groups.values()];
}
