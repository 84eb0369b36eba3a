import type { JourneyMap } from '@cx/map';
import type {
  BreakdownGroup,
  CesResult,
  ChurnPeriod,
  CsatResult,
  CustomerChurnPeriod,
  FunnelResult,
  NpsResult,
  RetentionMatrix,
  StageHealth,
  StageProgress,
  TrendBucket,
} from '@cx/metrics';

/**
 * A journey stage as the report names it; the order of {@link ReportInput.stages} is the journey's order.
 *
 * @example
 * ```ts
 * import type { ReportStage } from '@cx/report';
 * const stage: ReportStage = { id: 'checkout', label: 'Checkout' };
 * console.log(stage.label); // 'Checkout'
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportStage {
  readonly id: string;
  readonly label: string;
}

/**
 * A count shown under the title, such as `{ label: 'orders', value: 12480 }`.
 *
 * @example
 * ```ts
 * import type { ReportFact } from '@cx/report';
 * const fact: ReportFact = { label: 'survey responses', value: 1520 };
 * console.log(fact.value); // 1520
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportFact {
  readonly label: string;
  readonly value: number;
}

/**
 * The funnel section: a `FunnelResult` of `@cx/metrics` and its conversion window in words.
 *
 * @example
 * ```ts
 * import { funnel } from '@cx/metrics';
 * import type { ReportFunnel } from '@cx/report';
 * const section: ReportFunnel = { result: funnel([], { steps: [{ name: 'view' }, { name: 'buy' }] }), window: '14 days' };
 * console.log(section.result.entered); // 0
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportFunnel {
  readonly result: FunnelResult;
  /** The conversion window, e.g. `7 days`. */
  readonly window: string;
  /** What the funnel follows, e.g. `Viewed an item → purchased`; default: the step labels joined by arrows. */
  readonly title?: string;
}

/**
 * The retention section: a `RetentionMatrix` of `@cx/metrics` and what it counts, in words.
 *
 * @example
 * ```ts
 * import { cohortRetention } from '@cx/metrics';
 * import type { ReportRetention } from '@cx/report';
 * const section: ReportRetention = {
 *   matrix: cohortRetention([], { interval: 'month', periods: 3 }),
 *   definition: 'customers by the month of their first order; a customer is retained in a month when they order again in it',
 * };
 * console.log(section.matrix.columns.length); // 4
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportRetention {
  readonly matrix: RetentionMatrix;
  /** Who is in a cohort and what counts as retained. */
  readonly definition: string;
}

/**
 * A period of activity churn (the shape of `@cx/metrics`' `activityChurn` periods): customers active at the start
 * and, of them, those lost in the period.
 *
 * @example
 * ```ts
 * import type { ActivityChurnRow } from '@cx/report';
 * const row: ActivityChurnRow = { label: '2025-03', activeAtStart: 400, lost: 22, churnRate: 0.055, complete: true };
 * console.log(row.churnRate); // 0.055
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ActivityChurnRow {
  /** The period's key in the report's zone, e.g. `2025-03`. */
  readonly label: string;
  readonly activeAtStart: number;
  readonly lost: number;
  /** `lost / activeAtStart`, 0–1; `null` when nobody was active at the start. */
  readonly churnRate: number | null;
  /** Whether the period is over; a period not over yet shows no rate. */
  readonly complete: boolean;
}

/**
 * The churn section: subscription churn (`churnSeries` of `@cx/metrics`) or activity churn from orders and
 * interactions (a customer is lost after `inactiveDays` without either).
 *
 * @example
 * ```ts
 * import type { ReportChurn } from '@cx/report';
 * const section: ReportChurn = { kind: 'activity', inactiveDays: 90, periods: [] };
 * console.log(section.kind); // 'activity'
 * ```
 * @category Report input
 * @since 0.1.0
 */
export type ReportChurn =
  | { readonly kind: 'subscription'; readonly periods: readonly (ChurnPeriod | CustomerChurnPeriod)[] }
  | {
      readonly kind: 'activity';
      readonly inactiveDays: number;
      readonly periods: readonly ActivityChurnRow[];
    };

/**
 * The stage table: how far people got (`stageProgress` of `@cx/metrics`) and, optionally, each stage's dwell time
 * and pain signals (`stageHealth` of `@cx/metrics`).
 *
 * @example
 * ```ts
 * import type { ReportStageHealth } from '@cx/report';
 * const section: ReportStageHealth = { progress: [] };
 * console.log(section.progress.length); // 0
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportStageHealth {
  readonly progress: readonly StageProgress[];
  readonly health?: readonly StageHealth[];
}

/**
 * Sentiment toward one topic: how many texts spoke of it negatively, neutrally and positively.
 *
 * @example
 * ```ts
 * import type { TopicSentiment } from '@cx/report';
 * const row: TopicSentiment = { topic: 'delivery', label: 'Delivery', negative: 41, neutral: 12, positive: 30 };
 * console.log(row.negative + row.neutral + row.positive); // 83
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface TopicSentiment {
  /** Topic id, e.g. `delivery`. */
  readonly topic: string;
  /** Shown name; default the id. */
  readonly label?: string;
  readonly negative: number;
  readonly neutral: number;
  readonly positive: number;
}

/**
 * A theme of customer feedback: a word or phrase distinctive of negative (or positive) texts.
 *
 * @example
 * ```ts
 * import type { ReportTheme } from '@cx/report';
 * const theme: ReportTheme = { term: 'late delivery', side: 'negative', texts: 31, example: 'Late delivery again.' };
 * console.log(theme.side); // 'negative'
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportTheme {
  readonly term: string;
  /** Which texts the theme is distinctive of. */
  readonly side: 'negative' | 'positive';
  /** Texts on that side that use the term. */
  readonly texts: number;
  /** A quote. */
  readonly example?: string;
}

/**
 * What reading one source gave: rows in and out, rejected rows counted per reason, the first examples with their
 * line numbers, and where the dead letters were written.
 *
 * @example
 * ```ts
 * import type { SourceQuality } from '@cx/report';
 * const orders: SourceQuality = {
 *   source: 'orders.csv', kind: 'order', rowsIn: 1002, rowsOut: 1000, rejected: 2, skipped: 0,
 *   reasons: [{ code: 'invalid_instant', count: 2 }],
 *   examples: [{ line: 14, column: 3, field: 'orderedAt', raw: '2024-02-30', reason: 'not a calendar date' }],
 *   deadLetters: 'orders.dead-letters.ndjson',
 * };
 * console.log(orders.rowsIn === orders.rowsOut + orders.rejected + orders.skipped); // true
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface SourceQuality {
  /** The file (or table) read. */
  readonly source: string;
  /** The model kind its rows became, e.g. `order`. */
  readonly kind: string;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly rejected: number;
  /** Rows the mapping skips on purpose (e.g. extra line-item rows). */
  readonly skipped: number;
  /** Rejected rows per reason code, most frequent first. */
  readonly reasons: ReadonlyArray<{ readonly code: string; readonly count: number }>;
  /** The first rejected rows. */
  readonly examples: ReadonlyArray<{
    readonly line: number;
    readonly column?: number;
    readonly field?: string;
    readonly raw?: string;
    readonly reason: string;
  }>;
  /** The file the dead letters were written to, if any (relative to the report). */
  readonly deadLetters?: string;
}

/**
 * Everything the report shows. Only `title` and `timeZone` are required; each other field adds its section, and a
 * section without data is left out (never drawn empty).
 *
 * Units are the same everywhere in the page: shares (CSAT, conversion, churn, retention, sentiment) in percent, NPS
 * in points from −100 to 100, CES as the mean on its own scale.
 *
 * @example
 * ```ts
 * import { nps } from '@cx/metrics';
 * import type { ReportInput } from '@cx/report';
 * const input: ReportInput = { title: 'Q1 report', timeZone: 'Europe/Warsaw', nps: nps([10, 9, 7, 3]) };
 * console.log(input.nps?.score); // 25
 * ```
 * @category Report input
 * @since 0.1.0
 */
export interface ReportInput {
  readonly title: string;
  /** A line under the title, e.g. the period covered. */
  readonly subtitle?: string;
  /** The IANA zone of every calendar bucket in the report (stated on the page). */
  readonly timeZone: string;
  /** Counts shown under the title. */
  readonly facts?: readonly ReportFact[];
  /** The journey's stages in order: labels of stage ids, and the order of per-stage charts. */
  readonly stages?: readonly ReportStage[];
  /** NPS over the whole period (a KPI tile). */
  readonly nps?: NpsResult;
  /** CSAT over the whole period (a KPI tile). */
  readonly csat?: CsatResult;
  /** CES over the whole period (a KPI tile). */
  readonly ces?: CesResult;
  /** NPS per calendar period, from `trend` of `@cx/metrics`. */
  readonly npsTrend?: readonly TrendBucket<NpsResult>[];
  /** The journey map with measured KPIs, drawn by `@cx/map`'s `renderSvg`. */
  readonly journeyMap?: JourneyMap;
  readonly funnel?: ReportFunnel;
  readonly retention?: ReportRetention;
  /** CSAT per stage, from `breakdown` of `@cx/metrics` by `stageId`. */
  readonly csatByStage?: readonly BreakdownGroup<CsatResult>[];
  /** CES per stage, from `breakdown` of `@cx/metrics` by `stageId`. */
  readonly cesByStage?: readonly BreakdownGroup<CesResult>[];
  readonly churn?: ReportChurn;
  readonly stageHealth?: ReportStageHealth;
  readonly sentimentByTopic?: readonly TopicSentiment[];
  readonly themes?: readonly ReportTheme[];
  /** What reading each source gave (the data-quality section). */
  readonly dataQuality?: readonly SourceQuality[];
  /** Closing notes (definitions, sources), one paragraph each. */
  readonly notes?: readonly string[];
}
