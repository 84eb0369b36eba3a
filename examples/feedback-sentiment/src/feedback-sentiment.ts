// Sentiment of Polish and English feedback: shares with Wilson intervals per language and journey stage, and
// the themes that set negative feedback apart from positive feedback, with example quotes.
import type { Feedback } from '@cx/model';
import { createSampleShop } from '@cx/sample-data';
import {
  type ScoredFeedback,
  type SentimentGroup,
  type SentimentSummary,
  scoreFeedback,
  sentimentBreakdown,
  type Theme,
  ThemeAccumulator,
} from '@cx/text';
import { formatTable } from './table.js';

/** Options of {@link runFeedbackSentiment}. */
export interface FeedbackSentimentOptions {
  /** Feedback to analyse; default: the feedback of a 1,500-customer sample shop (seed 42). */
  readonly feedback?: readonly Feedback[];
  /** Themes listed per language and side (default 5). */
  readonly themes?: number;
}

/** Themes of one language. */
export interface LanguageThemes {
  readonly language: string;
  /** Terms over-represented in negative feedback, strongest first. */
  readonly negative: readonly ThemeRow[];
  /** Terms over-represented in positive feedback, strongest first. */
  readonly positive: readonly ThemeRow[];
}

/** What the example computes. */
export interface FeedbackSentimentReport {
  readonly scored: readonly ScoredFeedback[];
  readonly byLanguage: readonly SentimentGroup[];
  readonly byStage: readonly SentimentGroup[];
  readonly themes: readonly LanguageThemes[];
  readonly text: string;
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const share = (p: SentimentSummary['positive']) =>
  `${pct(p.value)} (${pct(p.interval?.lower ?? null)}–${pct(p.interval?.upper ?? null)})`;

function sentimentTable(title: string, groups: readonly SentimentGroup[]): string {
  return formatTable(
    [title, 'n', 'positive (95% CI)', 'negative (95% CI)', 'net'],
    groups.map((g) => [
      g.key ?? '(none)',
      String(g.summary.n),
      share(g.summary.positive),
      share(g.summary.negative),
      g.summary.net === null ? '–' : g.summary.net.toFixed(2),
    ]),
  );
}

/** A theme as shown: terms that occur in the same texts are one row ("cztery · dni · paczka spóźniła"). */
export interface ThemeRow {
  /** The terms, strongest first. */
  readonly terms: readonly string[];
  /** Texts containing the terms. */
  readonly texts: number;
  /** z of the log-odds of the strongest term (positive: negative feedback; negative: positive feedback). */
  readonly z: number;
  /** An example quote. */
  readonly example: string;
}

/** Groups ranked themes whose terms occur in the same texts (same text count and example), keeping `limit` rows. */
function themeRows(themes: readonly Theme[], side: 'target' | 'reference', limit: number): ThemeRow[] {
  const rows: Array<ThemeRow & { terms: string[] }> = [];
  for (const theme of themes) {
    const texts = side === 'target' ? theme.targetDocuments : theme.referenceDocuments;
    const example = theme.examples[0]?.text ?? '';
    const same = rows.find((r) => r.texts === texts && r.example === example);
    if (same) same.terms.push(theme.term);
    else if (rows.length < limit) rows.push({ terms: [theme.term], texts, z: theme.z, example });
  }
  return rows;
}

/**
 * Scores the sentiment of each feedback text in its own language, breaks it down by language and journey
 * stage with Wilson intervals, and finds the themes (weighted log-odds, ranked by z; reported when the difference of document shares is significant) that distinguish negative
 * from positive feedback in each language, with an example quote per theme.
 */
export function runFeedbackSentiment(options: FeedbackSentimentOptions = {}): FeedbackSentimentReport {
  const feedback = options.feedback ?? [...createSampleShop({ seed: 42, customers: 1500 }).feedback()];
  const limit = options.themes ?? 5;
  // #region sentiment
  const scored = scoreFeedback(feedback);
  const byLanguage = sentimentBreakdown(scored, (r) => r.language);
  const byStage = sentimentBreakdown(scored, 'stageId');

  const themes: LanguageThemes[] = [];
  for (const language of byLanguage.map((g) => g.key).filter((k): k is string => k !== null)) {
    const aggregator = new ThemeAccumulator({ examples: 1 });
    for (const { record, sentiment } of scored) {
      if (record.language !== language || sentiment.label === 'neutral' || sentiment.label === null) continue;
      aggregator.add({
        id: record.id,
        text: record.text,
        language,
        side: sentiment.label === 'negative' ? 'target' : 'reference',
      });
    }
    const report = aggregator.result({ limit: 10 * limit });
    themes.push({
      language,
      negative: themeRows(report.target, 'target', limit),
      positive: themeRows(report.reference, 'reference', limit),
    });
  }
  // #endregion sentiment

  const themeLines = themes.flatMap(({ language, negative, positive }) => [
    '',
    `Themes of ${language} feedback (z of the log-odds, negative vs positive texts):`,
    formatTable(
      ['', 'theme', 'texts', 'z', 'example'],
      [
        ...negative.map((t, i) => [
          i === 0 ? 'negative' : '',
          t.terms.join(' · '),
          String(t.texts),
          t.z.toFixed(1),
          t.example,
        ]),
        ...positive.map((t, i) => [
          i === 0 ? 'positive' : '',
          t.terms.join(' · '),
          String(t.texts),
          t.z.toFixed(1),
          t.example,
        ]),
      ],
    ),
  ]);
  const text = [
    `${scored.length} feedback texts (reviews, survey comments, chats, call transcripts)`,
    sentimentTable('language', byLanguage),
    '',
    sentimentTable('stage', byStage),
    ...themeLines,
  ].join('\n');
  return { scored, byLanguage, byStage, themes, text };
}
