// CSAT and CES per journey stage: each stage's value with its labelled confidence interval on a proper axis.
import type { BreakdownGroup, CesResult, CsatResult } from '@cx/metrics';
import { intervalRowsChart } from '../charts/interval-rows.js';
import type { ReportContext } from '../context.js';
import { formatCount, formatLevel, formatNumber, formatPercent } from '../format.js';
import type { Figure, Section } from '../section.js';

function byStage<R extends CsatResult | CesResult>(
  groups: readonly BreakdownGroup<R>[],
  context: ReportContext,
): BreakdownGroup<R>[] {
  return groups
    .filter((g) => g.result.n > 0)
    .sort((a, b) => context.stageOrder(a.key) - context.stageOrder(b.key));
}

function extremes<R extends CsatResult | CesResult>(
  groups: readonly BreakdownGroup<R>[],
): { low?: BreakdownGroup<R>; high?: BreakdownGroup<R> } {
  const scored = groups.filter((g) => g.result.score !== null);
  const by = (pick: (a: number, b: number) => boolean) =>
    scored.reduce<BreakdownGroup<R> | undefined>(
      (a, b) => (a === undefined || pick(b.result.score as number, a.result.score as number) ? b : a),
      undefined,
    );
  const low = by((x, y) => x < y);
  const high = by((x, y) => x > y);
  return { ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
}

function csatFigure(groups: readonly BreakdownGroup<CsatResult>[], context: ReportContext): Figure {
  const level = groups.find((g) => g.result.interval !== null)?.result.interval?.level ?? 0.95;
  const { low, high } = extremes(groups);
  const caption =
    `CSAT (share of satisfied responses, 4–5 of 5) at ${groups.length} stage${groups.length === 1 ? '' : 's'} with its ${formatLevel(level)} Wilson interval. ` +
    `Highest at ${context.stageLabel(high?.key ?? null)} (${formatPercent(high?.result.score)}), lowest at ${context.stageLabel(low?.key ?? null)} (${formatPercent(low?.result.score)}).`;
  return {
    chart: intervalRowsChart({
      id: 'chart-csat-by-stage',
      title: `CSAT by stage (%) with ${formatLevel(level)} intervals`,
      description: caption,
      rows: groups.map((g) => ({
        label: context.stageLabel(g.key),
        value: g.result.score,
        lower: g.result.interval?.lower ?? null,
        upper: g.result.interval?.upper ?? null,
        note: `n = ${formatCount(g.n)}`,
        tooltip: `${context.stageLabel(g.key)}: CSAT ${formatPercent(g.result.score)} (${formatPercent(g.result.interval?.lower)} to ${formatPercent(g.result.interval?.upper)}), n = ${g.n}${g.smallSample ? ', small sample' : ''}`,
      })),
      domain: [0, 1],
      mark: 'bar',
      axisLabel: 'CSAT (% satisfied)',
      format: (v) => formatPercent(v, 0),
    }),
    caption,
    table: {
      name: 'csat-by-stage',
      caption: 'CSAT by stage',
      columns: [
        { label: 'Stage', format: 'text' },
        { label: 'CSAT (%)', format: { digits: 1 } },
        { label: 'Lower bound (%)', format: { digits: 1 } },
        { label: 'Upper bound (%)', format: { digits: 1 } },
        { label: 'Responses', format: 'count' },
      ],
      rows: groups.map((g) => [
        context.stageLabel(g.key),
        g.result.score === null ? null : g.result.score * 100,
        g.result.interval === null ? null : g.result.interval.lower * 100,
        g.result.interval === null ? null : g.result.interval.upper * 100,
        g.n,
      ]),
    },
  };
}

function cesFigure(groups: readonly BreakdownGroup<CesResult>[], context: ReportContext): Figure | null {
  const first = groups[0];
  if (first === undefined) return null;
  const scale = first.result.scale;
  const level = groups.find((g) => g.result.interval !== null)?.result.interval?.level ?? 0.95;
  const { low, high } = extremes(groups);
  const easyEnd = (scale as { direction?: string }).direction === 'lower-is-better' ? scale.min : scale.max;
  const caption =
    `Customer Effort Score (mean on ${scale.min}–${scale.max}, ${easyEnd} easiest) at ${groups.length} stage${groups.length === 1 ? '' : 's'} with its ${formatLevel(level)} t interval. ` +
    `Highest at ${context.stageLabel(high?.key ?? null)} (${formatNumber(high?.result.score, 2)}), lowest at ${context.stageLabel(low?.key ?? null)} (${formatNumber(low?.result.score, 2)}).`;
  return {
    chart: intervalRowsChart({
      id: 'chart-ces-by-stage',
      title: `CES by stage (mean on ${scale.min}–${scale.max}) with ${formatLevel(level)} intervals`,
      description: caption,
      rows: groups.map((g) => ({
        label: context.stageLabel(g.key),
        value: g.result.score,
        lower: g.result.interval?.lower ?? null,
        upper: g.result.interval?.upper ?? null,
        note: `n = ${formatCount(g.n)}`,
        tooltip: `${context.stageLabel(g.key)}: CES ${formatNumber(g.result.score, 2)} (${formatNumber(g.result.interval?.lower, 2)} to ${formatNumber(g.result.interval?.upper, 2)}), n = ${g.n}`,
      })),
      domain: [scale.min, scale.max],
      mark: 'dot',
      axisLabel: `CES (mean, ${scale.min}–${scale.max})`,
      format: (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1),
    }),
    caption,
    table: {
      name: 'ces-by-stage',
      caption: 'CES by stage',
      columns: [
        { label: 'Stage', format: 'text' },
        { label: `CES (mean, ${scale.min}–${scale.max})`, format: { digits: 2 } },
        { label: 'Lower bound', format: { digits: 2 } },
        { label: 'Upper bound', format: { digits: 2 } },
        { label: 'Found it easy (%)', format: { digits: 1 } },
        { label: 'Responses', format: 'count' },
      ],
      rows: groups.map((g) => [
        context.stageLabel(g.key),
        g.result.score,
        g.result.interval?.lower ?? null,
        g.result.interval?.upper ?? null,
        g.result.lowEffort.value === null ? null : g.result.lowEffort.value * 100,
        g.n,
      ]),
    },
  };
}

/** The satisfaction-by-stage section (CSAT, CES or both), or `null` without responses. */
export function satisfactionSection(
  csat: readonly BreakdownGroup<CsatResult>[] | undefined,
  ces: readonly BreakdownGroup<CesResult>[] | undefined,
  context: ReportContext,
): Section | null {
  const csatGroups = byStage(csat ?? [], context);
  const cesGroups = byStage(ces ?? [], context);
  const figures: Figure[] = [];
  if (csatGroups.length > 0) figures.push(csatFigure(csatGroups, context));
  const cesFig = cesFigure(cesGroups, context);
  if (cesFig !== null) figures.push(cesFig);
  if (figures.length === 0) return null;
  return {
    id: 'satisfaction-by-stage',
    title: 'Satisfaction by stage',
    intro: [
      'Survey responses joined to the journey stage they were asked at. CSAT is in percent everywhere in this report; CES is the mean score on its own scale. Whiskers show the confidence interval, labelled with its bounds.',
    ],
    figures,
  };
}
