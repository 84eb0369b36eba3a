// Cohort retention: each cohort's share retained per period since its start. A cell whose period is not over yet
// has no rate (hatched in the chart, "not over yet" in the table), so a partly elapsed month never reads as loss.
import type { RetentionMatrix } from '@cx/metrics';
import { heatmapChart } from '../charts/heatmap.js';
import { formatCount, formatPercent } from '../format.js';
import type { Cell } from '../html/csv.js';
import type { ReportRetention } from '../input.js';
import type { Section } from '../section.js';

const NOT_OVER = 'not over yet';

function cells(
  rates: ReadonlyArray<number | null>,
  complete: readonly boolean[],
): Array<number | 'incomplete' | null> {
  return rates.map((rate, j) => (complete[j] === false ? 'incomplete' : rate));
}

/** The retention section, or `null` without cohorts. */
export function retentionSection({ matrix, definition }: ReportRetention): Section | null {
  const cohorts = matrix.cohorts;
  if (cohorts.length === 0) return null;
  const average = matrix.average;
  const averageComplete = average.rates.map((r) => r !== null);
  const rows = [
    ...cohorts.map((c) => ({
      label: c.label,
      size: c.size,
      cells: cells(c.rates, c.complete),
      summary: false,
    })),
    {
      label: 'Average',
      size: average.sizes[0] ?? 0,
      cells: cells(average.rates, averageComplete),
      summary: true,
    },
  ];
  const caption = captionOf(matrix);
  const table = {
    name: 'retention',
    caption: 'Retention by cohort (% of the cohort)',
    columns: [
      { label: 'Cohort', format: 'text' as const },
      { label: 'Size', format: 'count' as const },
      ...matrix.columns.map((c) => ({ label: `${c} (%)`, format: { digits: 1 } })),
    ],
    rows: rows.map((row): Cell[] => [
      row.label,
      row.size,
      ...row.cells.map(
        (cell): Cell => (cell === 'incomplete' ? NOT_OVER : cell === null ? null : cell * 100),
      ),
    ]),
  };
  return {
    id: 'retention',
    title: 'Cohort retention',
    intro: [
      `Cohorts: ${definition}. Periods are ${matrix.interval}s in ${matrix.timeZone}; column 0 is the cohort's own period. The average row weights each cohort by its size and uses complete periods only.`,
    ],
    figures: [
      {
        chart: heatmapChart({
          id: 'chart-retention',
          title: `Retention by ${matrix.interval}ly cohort`,
          description: caption,
          columns: matrix.columns,
          rows,
        }),
        caption,
        table,
      },
    ],
  };
}

function captionOf(matrix: RetentionMatrix): string {
  const first = matrix.cohorts[0];
  const last = matrix.cohorts[matrix.cohorts.length - 1];
  const people = matrix.cohorts.reduce((s, c) => s + c.size, 0);
  const column1 = matrix.average.rates[1];
  const open = matrix.cohorts.reduce((s, c) => s + c.complete.filter((x) => !x).length, 0);
  return (
    `${matrix.cohorts.length} cohorts from ${first?.label} to ${last?.label}, ${formatCount(people)} people. ` +
    (column1 === undefined || column1 === null
      ? 'No cohort has a complete period after its first yet.'
      : `On average ${formatPercent(column1)} were retained in ${matrix.columns[1]}` +
        (matrix.average.rates.length > 2 && matrix.average.rates[matrix.average.rates.length - 1] !== null
          ? ` and ${formatPercent(matrix.average.rates[matrix.average.rates.length - 1])} in ${matrix.columns[matrix.columns.length - 1]}.`
          : '.')) +
    (open === 0 ? '' : ` ${open} cells are periods not over yet and show no rate.`)
  );
}
