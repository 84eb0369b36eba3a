import type { CsatResult, NpsResult } from '@cx/metrics';
import { wilsonInterval } from '@cx/stats';

/**
 * The statistic of one KPI over one window, as an engine computes it: nothing (`none`: no records), an NPS or CSAT
 * result of `@cx/metrics`, a share (`count` of `n`, e.g. converted of entered) or a count. How it is presented —
 * points, percent, a Wilson interval — is decided in one place, {@link assembleMeasurements}.
 *
 * @category Metrics
 * @since 0.3.0
 */
export type KpiStatistic =
  | { readonly kind: 'none' }
  | { readonly kind: 'nps'; readonly result: NpsResult }
  | { readonly kind: 'csat'; readonly result: CsatResult }
  | { readonly kind: 'share'; readonly count: number; readonly n: number }
  | { readonly kind: 'count'; readonly n: number };

/** What one definition gives for one window: value (or null), n, and the interval when there is one. @internal */
export interface KpiValue {
  readonly value: number | null;
  readonly n: number;
  readonly confidenceInterval?: { readonly lower: number; readonly upper: number; readonly level: number };
  readonly unit?: string;
}

/**
 * Presents a statistic (internal): NPS in points with its adjusted-Wald interval; CSAT in percent (unit `%`); a
 * share with the Wilson interval of `@cx/stats`; a count as value and n; nothing as `value: null, n: 0`.
 */
export function kpiValue(statistic: KpiStatistic, level: number): KpiValue {
  switch (statistic.kind) {
    case 'none':
      return { value: null, n: 0 };
    case 'nps': {
      const r = statistic.result;
      if (r.n === 0) return { value: null, n: 0 };
      return {
        value: r.score,
        n: r.n,
        ...(r.interval === null
          ? {}
          : { confidenceInterval: { lower: r.interval.lower, upper: r.interval.upper, level } }),
      };
    }
    case 'csat': {
      // @cx/metrics gives the share 0–1; a map shows CSAT in percent (unit "%").
      const r = statistic.result;
      if (r.n === 0) return { value: null, n: 0 };
      const percent = (x: number) => x * 100;
      return {
        value: r.score === null ? null : percent(r.score),
        n: r.n,
        unit: '%',
        ...(r.interval === null
          ? {}
          : {
              confidenceInterval: {
                lower: percent(r.interval.lower),
                upper: percent(r.interval.upper),
                level,
              },
            }),
      };
    }
    case 'share': {
      if (statistic.n === 0) return { value: null, n: 0 };
      const ci = wilsonInterval(statistic.count, statistic.n, { level })!;
      return {
        value: statistic.count / statistic.n,
        n: statistic.n,
        confidenceInterval: { lower: ci.lower, upper: ci.upper, level },
      };
    }
    case 'count':
      return { value: statistic.n, n: statistic.n };
  }
}
