// How far people got along the journey, stage by stage, with the time they spent in each stage and its CSAT.
// "Reached" counts people whose furthest stage is this one or a later one, so it never rises along the journey.
import type { BreakdownGroup, CsatResult, StageHealth } from '@cx/metrics';
import { funnelChart } from '../charts/funnel.js';
import type { ReportContext } from '../context.js';
import { formatCount, formatPercent } from '../format.js';
import type { ReportStageHealth } from '../input.js';
import type { Section } from '../section.js';

const MS_PER_DAY = 86_400_000;

/** The stage section, or `null` without stages. */
export function stagesSection(
  stages: ReportStageHealth,
  csat: readonly BreakdownGroup<CsatResult>[] | undefined,
  context: ReportContext,
): Section | null {
  const { progress } = stages;
  if (progress.length === 0) return null;
  const health = new Map<string, StageHealth>((stages.health ?? []).map((h) => [h.stageId, h]));
  const csatOf = new Map((csat ?? []).map((g) => [g.key, g]));
  const first = progress[0];
  const last = progress[progress.length - 1];
  const weakest = progress
    .slice(0, -1)
    .filter((p) => p.continuationRate !== null)
    .reduce<(typeof progress)[number] | undefined>(
      (a, b) => (a === undefined || (b.continuationRate as number) < (a.continuationRate as number) ? b : a),
      undefined,
    );
  const caption =
    `${formatCount(first?.reached ?? 0)} people reached ${first?.label} and ${formatCount(last?.reached ?? 0)} got as far as ${last?.label}.` +
    (weakest === undefined
      ? ''
      : ` The fewest went on after ${weakest.label}: ${formatPercent(weakest.continuationRate)} of those who reached it got further.`);
  return {
    id: 'stages',
    title: 'Journey stages',
    intro: [
      '"Reached" counts the people whose furthest stage, in the order of the journey, is this stage or a later one — someone who bought straight from an e-mail reached the earlier stages too — so the number never goes up from one stage to the next. "Went further" is the share of them who reached the next stage.',
      "Days in the stage: the median time from someone's first interaction in the stage to their first in any later stage, over those who moved on. CSAT is in percent, as everywhere in this report.",
    ],
    figures: [
      {
        chart: funnelChart({
          id: 'chart-stages',
          title: 'People who reached each stage of the journey',
          description: caption,
          steps: progress.map((p, k) => ({
            label: p.label,
            count: p.reached,
            fromStart: first === undefined || first.reached === 0 ? null : p.reached / first.reached,
            fromPrevious: k === 0 ? null : (progress[k - 1]?.continuationRate ?? null),
          })),
          axisLabel: 'People who reached the stage (or a later one)',
        }),
        caption,
        table: {
          name: 'stages',
          caption: 'Journey stages',
          columns: [
            { label: 'Stage', format: 'text' },
            { label: 'Reached (this stage or later)', format: 'count' },
            { label: 'Stopped here', format: 'count' },
            { label: 'Went further (%)', format: { digits: 1 } },
            { label: 'Seen in the stage', format: 'count' },
            { label: 'Median days in the stage', format: { digits: 1 } },
            { label: 'CSAT (%)', format: { digits: 1 } },
            { label: 'CSAT responses', format: 'count' },
          ],
          rows: progress.map((p) => {
            const h = health.get(p.stageId);
            const c = csatOf.get(p.stageId);
            return [
              context.stageLabel(p.stageId) === p.stageId ? p.label : context.stageLabel(p.stageId),
              p.reached,
              p.stoppedHere,
              p.continuationRate === null ? null : p.continuationRate * 100,
              h === undefined ? null : h.reached,
              h?.dwell.median === null || h?.dwell.median === undefined ? null : h.dwell.median / MS_PER_DAY,
              c?.result.score === null || c === undefined ? null : c.result.score * 100,
              c === undefined ? null : c.n,
            ];
          }),
        },
      },
    ],
  };
}
