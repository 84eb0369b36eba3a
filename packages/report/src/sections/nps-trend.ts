// NPS per calendar period with its confidence band.
import type { NpsResult, TrendBucket } from '@cx/metrics';
import { lineBandChart } from '../charts/line-band.js';
import { formatLevel, formatNumber } from '../format.js';
import type { Section } from '../section.js';

const points = (value: number) => formatNumber(value, 0);

/** The NPS trend section, or `null` without periods. */
export function npsTrendSection(
  buckets: readonly TrendBucket<NpsResult>[],
  timeZone: string,
): Section | null {
  if (buckets.length === 0) return null;
  const level = buckets.find((b) => b.result.interval !== null)?.result.interval?.level ?? 0.95;
  const withScore = buckets.filter((b) => b.result.score !== null);
  const first = buckets[0] as TrendBucket<NpsResult>;
  const last = buckets[buckets.length - 1] as TrendBucket<NpsResult>;
  const lowest = withScore.reduce<TrendBucket<NpsResult> | undefined>(
    (a, b) => (a === undefined || (b.result.score as number) < (a.result.score as number) ? b : a),
    undefined,
  );
  const highest = withScore.reduce<TrendBucket<NpsResult> | undefined>(
    (a, b) => (a === undefined || (b.result.score as number) > (a.result.score as number) ? b : a),
    undefined,
  );
  const latest = withScore[withScore.length - 1];
  const significant = buckets.filter((b) => b.change?.significant === true).map((b) => b.label);
  const caption =
    withScore.length === 0
      ? `NPS by period from ${first.label} to ${last.label}: no responses.`
      : `NPS by period from ${first.label} to ${last.label} (${buckets.length} periods, ${withScore.length} with responses). ` +
        `Lowest ${formatNumber(lowest?.result.score)} in ${lowest?.label}, highest ${formatNumber(highest?.result.score)} in ${highest?.label}; ` +
        `latest ${formatNumber(latest?.result.score)} in ${latest?.label} (${formatLevel(level)} interval ${formatNumber(latest?.result.interval?.lower)} to ${formatNumber(latest?.result.interval?.upper)}, n = ${latest?.n}). ` +
        (significant.length === 0
          ? 'No change from one period to the next is significant.'
          : `Significant changes from the previous period: ${significant.join(', ')}.`);
  const chart = lineBandChart({
    id: 'chart-nps-trend',
    title: `NPS by period with its ${formatLevel(level)} confidence band`,
    description: caption,
    points: buckets.map((b) => ({
      label: b.label,
      value: b.result.score,
      lower: b.result.interval?.lower ?? null,
      upper: b.result.interval?.upper ?? null,
      tooltip:
        b.result.score === null
          ? `${b.label}: no responses`
          : `${b.label}: NPS ${formatNumber(b.result.score)} (${formatNumber(b.result.interval?.lower)} to ${formatNumber(b.result.interval?.upper)}), n = ${b.n}${b.smallSample ? ', small sample' : ''}${b.change?.significant ? ', significant change' : ''}`,
      hollow: b.smallSample,
      ringed: b.change?.significant === true,
    })),
    include: [0],
    clamp: [-100, 100],
    axisLabel: 'NPS (points)',
    format: points,
    legend:
      'Band and whiskers: confidence interval · hollow dot: small sample · ring: significant change from the previous period',
  });
  return {
    id: 'nps-trend',
    title: 'NPS trend',
    intro: [
      `Net Promoter Score per calendar period in ${timeZone}: the share of promoters (9–10) minus the share of detractors (0–6), in points from −100 to 100, with its ${formatLevel(level)} confidence interval.`,
    ],
    figures: [
      {
        chart,
        caption,
        table: {
          name: 'nps-trend',
          caption: 'NPS by period',
          columns: [
            { label: 'Period', format: 'text' },
            { label: 'NPS (points)', format: { digits: 1 } },
            { label: 'Lower bound', format: { digits: 1 } },
            { label: 'Upper bound', format: { digits: 1 } },
            { label: 'Responses', format: 'count' },
            { label: 'Small sample', format: 'text' },
            { label: 'Significant change', format: 'text' },
          ],
          rows: buckets.map((b) => [
            b.label,
            b.result.score,
            b.result.interval?.lower ?? null,
            b.result.interval?.upper ?? null,
            b.n,
            b.smallSample ? 'yes' : 'no',
            b.change === null || b.change.significant === null ? null : b.change.significant ? 'yes' : 'no',
          ]),
        },
      },
    ],
  };
}
