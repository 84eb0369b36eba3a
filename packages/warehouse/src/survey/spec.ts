import {
  CesAccumulator,
  type CesClassificationOptions,
  type CesResult,
  type CesResultOptions,
  CsatAccumulator,
  type CsatClassificationOptions,
  type CsatResult,
  type CsatResultOptions,
  cesMetric,
  csatMetric,
  NpsAccumulator,
  type NpsClassificationOptions,
  type NpsIntervalOptions,
  type NpsResult,
  npsMetric,
  type SurveyMetric,
  type SurveyMetricResult,
} from '@cx/metrics';

/**
 * A survey metric and its options, as the warehouse computes it: the options of `nps`, `csat` or `ces` in
 * `@cx/metrics`.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type SurveyMetricSpec =
  | { readonly metric: 'nps'; readonly options?: NpsClassificationOptions & NpsIntervalOptions }
  | { readonly metric: 'csat'; readonly options?: CsatClassificationOptions & CsatResultOptions }
  | { readonly metric: 'ces'; readonly options?: CesClassificationOptions & CesResultOptions };

/**
 * The result type of a {@link SurveyMetricSpec}.
 *
 * @category Survey metrics
 * @since 0.1.0
 */
export type SurveyResultOf<S extends SurveyMetricSpec> = S['metric'] extends 'nps'
  ? NpsResult
  : S['metric'] extends 'csat'
    ? CsatResult
    : CesResult;

/** What the warehouse needs of a metric's accumulator (internal). */
export interface SnapshotAccumulator {
  add(score: number, weight?: number): unknown;
  toSnapshot(): { metric: 'nps' | 'csat' | 'ces'; config: string; tally: TallyLike };
}

/** Plain tally of a snapshot (internal). */
export interface TallyLike {
  readonly counts: readonly number[];
  readonly weights: readonly number[];
  readonly squaredWeights: readonly number[];
  readonly sumWeightedScores: number;
  readonly sumWeightedSquares: number;
}

/** The in-process pieces of a metric spec (internal). */
export interface ResolvedSurveyMetric {
  readonly create: () => SnapshotAccumulator;
  readonly metric: SurveyMetric<SurveyMetricResult>;
  readonly result: (snapshot: ReturnType<SnapshotAccumulator['toSnapshot']>) => SurveyMetricResult;
}

/** Resolves a spec; invalid options throw here, before any SQL runs (internal). */
export function resolveSurveyMetric(spec: SurveyMetricSpec): ResolvedSurveyMetric {
  if (spec.metric === 'nps') {
    const o = spec.options ?? {};
    return {
      create: () => new NpsAccumulator(o),
      metric: npsMetric(o) as SurveyMetric<SurveyMetricResult>,
      result: (s) => NpsAccumulator.fromSnapshot(s, o).result(o),
    };
  }
  if (spec.metric === 'csat') {
    const o = spec.options ?? {};
    return {
      create: () => new CsatAccumulator(o),
      metric: csatMetric(o) as SurveyMetric<SurveyMetricResult>,
      result: (s) => CsatAccumulator.fromSnapshot(s, o).result(o),
    };
  }
  const o = spec.options ?? {};
  return {
    create: () => new CesAccumulator(o),
    metric: cesMetric(o) as SurveyMetric<SurveyMetricResult>,
    result: (s) => CesAccumulator.fromSnapshot(s, o).result(o),
  };
}
