// Voice of the customer: themes that set negative texts apart from positive ones, from feedback and survey comments.
// A text is negative when its author rated it low (1–2 of 5 stars, or a survey score in the bottom half of its
// scale), positive when high (4–5 stars, top half), and otherwise by its sentiment.
import type { Feedback, SurveyResponse } from '@cx/model';
import type { ReportTheme } from '@cx/report';
import { analyzeSentiment, distinctiveThemes } from '@cx/text';

interface Text {
  readonly id: string;
  readonly text: string;
  readonly language?: string;
  readonly side: 'negative' | 'positive' | undefined;
}

function sideOfScore(share: number): 'negative' | 'positive' | undefined {
  return share < 0.5 ? 'negative' : share > 0.5 ? 'positive' : undefined;
}

/** The texts of feedback and survey comments, each with its side. */
export function texts(feedback: readonly Feedback[], responses: readonly SurveyResponse[]): Text[] {
  const out: Text[] = [];
  for (const f of feedback) {
    const side =
      f.rating !== undefined
        ? f.rating <= 2
          ? 'negative'
          : f.rating >= 4
            ? 'positive'
            : undefined
        : bySentiment(f.text, f.language);
    out.push({ id: f.id, text: f.text, ...(f.language === undefined ? {} : { language: f.language }), side });
  }
  for (const r of responses) {
    if (r.comment === undefined || r.comment.trim() === '') continue;
    const scaled = (r.score - r.scale.min) / (r.scale.max - r.scale.min);
    const share = r.scale.direction === 'lower-is-better' ? 1 - scaled : scaled;
    out.push({
      id: `response-${r.id}`,
      text: r.comment,
      ...(r.language === undefined ? {} : { language: r.language }),
      side: sideOfScore(share),
    });
  }
  return out;
}

function bySentiment(text: string, language: string | undefined): 'negative' | 'positive' | undefined {
  const label = analyzeSentiment(text, language === undefined ? {} : { language }).label;
  return label === 'negative' || label === 'positive' ? label : undefined;
}

/** Themes of negative and positive texts (at most `limit` per side). */
export function themesOf(all: readonly Text[], limit = 8): ReportTheme[] {
  const doc = (t: Text) => ({
    id: t.id,
    text: t.text,
    ...(t.language === undefined ? {} : { language: t.language }),
  });
  const negative = all.filter((t) => t.side === 'negative').map(doc);
  const positive = all.filter((t) => t.side === 'positive').map(doc);
  if (negative.length === 0 || positive.length === 0) return [];
  const report = distinctiveThemes(negative, positive, { limit });
  return [
    ...report.target.map((t) => ({
      term: t.term,
      side: 'negative' as const,
      texts: t.targetDocuments,
      ...(t.examples[0] === undefined ? {} : { example: t.examples[0].text }),
    })),
    ...report.reference.map((t) => ({
      term: t.term,
      side: 'positive' as const,
      texts: t.referenceDocuments,
      ...(t.examples[0] === undefined ? {} : { example: t.examples[0].text }),
    })),
  ];
}
