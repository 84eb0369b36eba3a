// Sentiment toward each topic customers write about: negative, neutral and positive shares of the texts that
// mention it, the most negative topic first.
import { stackedSharesChart } from '../charts/stacked-shares.js';
import { formatCount, formatPercent } from '../format.js';
import type { TopicSentiment } from '../input.js';
import type { Section } from '../section.js';

const total = (t: TopicSentiment) => t.negative + t.neutral + t.positive;
const negativeShare = (t: TopicSentiment) => (total(t) === 0 ? 0 : t.negative / total(t));

/** The sentiment-by-topic section, or `null` when no topic was mentioned. */
export function topicsSection(topics: readonly TopicSentiment[]): Section | null {
  const rows = topics
    .filter((t) => total(t) > 0)
    .sort(
      (a, b) => negativeShare(b) - negativeShare(a) || total(b) - total(a) || (a.topic < b.topic ? -1 : 1),
    );
  if (rows.length === 0) return null;
  const label = (t: TopicSentiment) => t.label ?? t.topic;
  const worst = rows[0] as TopicSentiment;
  const caption = `Sentiment toward ${rows.length} topics in customer feedback. Most negative: ${label(worst)} (${formatPercent(negativeShare(worst))} of ${formatCount(total(worst))} mentions negative).`;
  return {
    id: 'topics',
    title: 'Sentiment by topic',
    intro: [
      'Each text can speak of several topics, each with its own sentiment ("nice fabric, but the courier was late": product positive, delivery negative). Shares are of the texts that mention the topic.',
    ],
    figures: [
      {
        chart: stackedSharesChart({
          id: 'chart-topics',
          title: 'Sentiment by topic (% of mentions)',
          description: caption,
          parts: [
            { name: 'negative', className: 'negative' },
            { name: 'neutral', className: 'neutral' },
            { name: 'positive', className: 'positive' },
          ],
          rows: rows.map((t) => ({ label: label(t), counts: [t.negative, t.neutral, t.positive] })),
          axisLabel: 'Share of the texts that mention the topic',
        }),
        caption,
        table: {
          name: 'sentiment-by-topic',
          caption: 'Sentiment by topic',
          columns: [
            { label: 'Topic', format: 'text' },
            { label: 'Mentions', format: 'count' },
            { label: 'Negative (%)', format: { digits: 1 } },
            { label: 'Neutral (%)', format: { digits: 1 } },
            { label: 'Positive (%)', format: { digits: 1 } },
          ],
          rows: rows.map((t) => [
            label(t),
            total(t),
            (100 * t.negative) / total(t),
            (100 * t.neutral) / total(t),
            (100 * t.positive) / total(t),
          ]),
        },
      },
    ],
  };
}
