// The funnel: who reached each step in order within the window.
import { funnelChart } from '../charts/funnel.js';
import { formatCount, formatPercent } from '../format.js';
import type { ReportFunnel } from '../input.js';
import type { Section } from '../section.js';

/** The funnel section, or `null` when nobody entered. */
export function funnelSection(funnel: ReportFunnel): Section | null {
  const { result, window } = funnel;
  if (result.entered === 0) return null;
  const who =
    result.counting === 'uniques'
      ? result.entered === 1
        ? 'person'
        : 'people'
      : result.entered === 1
        ? 'attempt'
        : 'attempts';
  const steps = result.steps;
  const worst = steps
    .slice(1)
    .reduce<(typeof steps)[number] | undefined>(
      (a, b) =>
        a === undefined || (b.conversionFromPrevious ?? 1) < (a.conversionFromPrevious ?? 1) ? b : a,
      undefined,
    );
  const title = funnel.title ?? steps.map((s) => s.label).join(' → ');
  const caption =
    `${formatCount(result.entered)} ${who} entered at "${steps[0]?.label}" and ${formatCount(result.converted)} reached "${steps[steps.length - 1]?.label}" within ${window}: ${formatPercent(result.conversionRate)} conversion.` +
    (worst === undefined
      ? ''
      : ` The largest loss is before "${worst.label}": ${formatPercent(worst.conversionFromPrevious)} of the previous step went on.`);
  return {
    id: 'funnel',
    title: 'Funnel',
    intro: [
      `${title}: ${result.counting === 'uniques' ? 'people' : 'attempts'} who did each step after the ones before it, within ${window} of the first step.${result.excluded > 0 ? ` ${formatCount(result.excluded)} were removed by exclusion steps.` : ''}`,
    ],
    figures: [
      {
        chart: funnelChart({
          id: 'chart-funnel',
          title: `Funnel: ${title}`,
          description: caption,
          steps: steps.map((s) => ({
            label: s.label,
            count: s.count,
            fromStart: s.conversionFromStart,
            fromPrevious: s.conversionFromPrevious,
          })),
          axisLabel: result.counting === 'uniques' ? 'People' : 'Attempts',
        }),
        caption,
        table: {
          name: 'funnel',
          caption: 'Funnel steps',
          columns: [
            { label: 'Step', format: 'text' },
            { label: result.counting === 'uniques' ? 'People' : 'Attempts', format: 'count' },
            { label: 'Of the first step (%)', format: { digits: 1 } },
            { label: 'Of the previous step (%)', format: { digits: 1 } },
            { label: 'Dropped off', format: 'count' },
          ],
          rows: steps.map((s) => [
            s.label,
            s.count,
            s.conversionFromStart === null ? null : s.conversionFromStart * 100,
            s.conversionFromPrevious === null ? null : s.conversionFromPrevious * 100,
            s.dropOff,
          ]),
        },
      },
    ],
  };
}
