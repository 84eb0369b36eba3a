import { CxValidationError } from '@cx/model';
import { chiSquareSurvival } from '../numeric/incomplete-gamma.js';
import { checkObservations, type GroupedSurvivalObservation } from './observations.js';

/**
 * Observed and expected events of one group in {@link logRankTest}.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface LogRankGroup {
  /** Group label. */
  readonly group: string;
  /** Subjects in the group. */
  readonly n: number;
  /** Observed events O. */
  readonly observed: number;
  /** Expected events E under the null hypothesis of equal survival. */
  readonly expected: number;
}

/**
 * Result of {@link logRankTest}.
 *
 * @category Survival
 * @since 0.1.0
 */
export interface LogRankResult {
  /** Groups in order of first appearance. */
  readonly groups: readonly LogRankGroup[];
  /** Chi-square statistic (O − E)ᵀ V⁻¹ (O − E) over all groups but one. */
  readonly statistic: number;
  /** Degrees of freedom (groups − 1, less any group that is never at risk at an event time). */
  readonly df: number;
  /** Upper-tail chi-square probability of the statistic. */
  readonly pValue: number;
}

/** Solves V u = y for symmetric positive semi-definite V by Gaussian elimination; returns y·u and the rank. */
function quadraticForm(v: number[][], y: number[]): { value: number; rank: number } {
  const n = y.length;
  const a = v.map((row, i) => [...row, y[i]!]);
  const used: number[] = [];
  const scale = Math.max(1, ...v.map((row, i) => Math.abs(row[i]!)));
  for (let col = 0, row = 0; col < n && row < n; col++) {
    let pivot = row;
    for (let r = row + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12 * scale) continue;
    [a[row], a[pivot]] = [a[pivot]!, a[row]!];
    for (let r = 0; r < n; r++) {
      if (r === row) continue;
      const f = a[r]![col]! / a[row]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[row]![c]!;
    }
    used.push(col);
    row++;
  }
  let value = 0;
  used.forEach((col, r) => {
    value += (y[col]! * a[r]![n]!) / a[r]![col]!;
  });
  return { value, rank: used.length };
}

/**
 * Log-rank (Mantel–Cox) test that two or more groups share one survival function, e.g. customers whose first
 * experience had a pain point versus not. At each distinct event time t with nₜ at risk and dₜ events, group g
 * expects dₜ·n_gt/nₜ events; the hypergeometric covariance is summed over times.
 *
 * @param observations - Times, event flags and group labels (ties: events before censorings).
 * @returns Observed and expected events per group, the chi-square statistic, its df and p-value.
 * @throws {@link @cx/model!CxValidationError} for bad observations or fewer than two groups.
 * @example
 * ```ts
 * import { logRankTest } from '@cx/metrics';
 * const test = logRankTest([
 *   { time: 1, event: true, group: 'a' }, { time: 2, event: true, group: 'a' },
 *   { time: 3, event: true, group: 'a' }, { time: 4, event: true, group: 'b' },
 *   { time: 5, event: true, group: 'b' }, { time: 6, event: false, group: 'b' },
 * ]);
 * console.log(test.df, test.statistic.toFixed(3)); // 1 '5.052'
 * ```
 * @category Survival
 * @since 0.1.0
 */
export function logRankTest(observations: readonly GroupedSurvivalObservation[]): LogRankResult {
  checkObservations(observations, true);
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (const o of observations) {
    if (!index.has(o.group)) {
      index.set(o.group, labels.length);
      labels.push(o.group);
    }
  }
  if (labels.length < 2) {
    throw new CxValidationError([
      {
        path: ['observations'],
        message: `Expected at least two groups, got ${labels.length}`,
        code: 'too_small',
      },
    ]);
  }
  const k = labels.length;
  const sorted = [...observations].sort((p, q) => p.time - q.time || Number(q.event) - Number(p.event));
  const atRisk = new Array<number>(k).fill(0);
  for (const o of observations) atRisk[index.get(o.group)!]!++;
  const sizes = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < sorted.length; ) {
    const time = sorted[i]!.time;
    const events = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    for (; i < sorted.length && sorted[i]!.time === time; i++) {
      const g = index.get(sorted[i]!.group)!;
      leaving[g]!++;
      if (sorted[i]!.event) events[g]!++;
    }
    const n = atRisk.reduce((s, x) => s + x, 0);
    const d = events.reduce((s, x) => s + x, 0);
    if (d > 0) {
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let g = 0; g < k; g++) {
        observed[g]! += events[g]!;
        expected[g]! += (d * atRisk[g]!) / n;
        for (let h = 0; h < k; h++) {
          v[g]![h]! += factor * (atRisk[g]! / n) * ((g === h ? 1 : 0) - atRisk[h]! / n);
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g]! -= leaving[g]!;
  }
  const y = observed.slice(0, k - 1).map((o, g) => o - expected[g]!);
  const reduced = v.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const { value, rank } = quadraticForm(reduced, y);
  const statistic = Math.max(0, value);
  return {
    groups: labels.map((group, g) => ({
      group,
      n: sizes[g]!,
      observed: observed[g]!,
      expected: expected[g]!,
    })),
    statistic,
    df: rank,
    pValue: rank === 0 ? 1 : chiSquareSurvival(statistic, rank),
  };
}
