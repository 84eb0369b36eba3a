// Themes of the demo's feedback: the words and phrases that most distinguish negative from positive feedback
// (weighted log-odds with an informative Dirichlet prior, @cx/text's distinctiveThemes).
import type { Feedback } from '@cx/model';
import { distinctiveThemes } from '@cx/text';
import type { Analysis } from './analyse.js';

/** A theme row of the report. */
export interface ThemeRow {
  readonly term: string;
  readonly polarity: 'negative' | 'positive';
  readonly count: number;
  readonly example: string;
}

/**
 * Top themes of negative and positive feedback. A text is negative when its author rated 1–2 of 5 (or, without a
 * rating, when its sentiment is negative), positive at 4–5 (or positive sentiment).
 */
export function feedbackThemes(feedback: readonly Feedback[], analysis: Analysis, limit = 6): ThemeRow[] {
  const sentimentOf = new Map(analysis.sentiments.map((s) => [s.feedback.id, s.sentiment.label]));
  const side = (f: Feedback): 'negative' | 'positive' | undefined => {
    if (f.rating !== undefined) return f.rating <= 2 ? 'negative' : f.rating >= 4 ? 'positive' : undefined;
    const label = sentimentOf.get(f.id);
    return label === 'negative' || label === 'positive' ? label : undefined;
  };
  const doc = (f: Feedback) => ({
    id: f.id,
    text: f.text,
    ...(f.language === undefined ? {} : { language: f.language }),
  });
  const report = distinctiveThemes(
    feedback.filter((f) => side(f) === 'negative').map(doc),
    feedback.filter((f) => side(f) === 'positive').map(doc),
    { limit },
  );
  const rows = (themes: typeof report.target, polarity: ThemeRow['polarity']) =>
    themes.map((t) => ({
      term: t.term,
      polarity,
      count: polarity === 'negative' ? t.targetCount : t.referenceCount,
      example: t.examples[0]?.text ?? '',
    }));
  return [...rows(report.target, 'negative'), ...rows(report.reference, 'positive')];
}
