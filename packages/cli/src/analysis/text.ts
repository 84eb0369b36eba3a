// Voice of the customer, from feedback and survey comments: sentiment toward each topic (aspect-based, @cx/text's
// analyzeAspects), and themes that set negative texts apart from positive ones. A text is negative when its author
// rated it low (1–2 of 5 stars, or a survey score in the bottom half of its scale), positive when high (4–5 stars,
// top half), and otherwise by its overall sentiment.
import type { Feedback, SurveyResponse } from '@cx/model';
import type { ReportTheme, TopicSentiment } from '@cx/report';
import { AspectAccumulator, analyzeAspects, distinctiveThemes } from '@cx/text';

/** A text to analyse, with the side its author's rating puts it on. */
interface Text {
  readonly id: string;
  readonly text: string;
  readonly language?: string;
  readonly rated: 'negative' | 'positive' | 'middle' | undefined;
}

const TOPIC_LABELS: Readonly<Record<string, string>> = {
  delivery: 'Delivery',
  product_quality: 'Product quality',
  price: 'Price',
  support: 'Customer support',
  checkout_payment: 'Checkout and payment',
  app_website: 'App and website',
  store: 'Store',
  returns: 'Returns',
};

function sideOfShare(share: number): Text['rated'] {
  return share < 0.5 ? 'negative' : share > 0.5 ? 'positive' : 'middle';
}

function sideOfResponse(r: SurveyResponse): Text['rated'] {
  const scaled = (r.score - r.scale.min) / (r.scale.max - r.scale.min);
  return sideOfShare(r.scale.direction === 'lower-is-better' ? 1 - scaled : scaled);
}

/**
 * The texts of feedback and survey comments, each once: feedback that carries a survey response's id is rated by
 * that response's score on its scale (and the response's comment is not read again); other feedback by its rating
 * as 1–5 stars.
 */
export function texts(feedback: readonly Feedback[], responses: readonly SurveyResponse[]): Text[] {
  const byId = new Map(responses.map((r) => [r.id, r]));
  const told = new Set<string>();
  const out: Text[] = [];
  for (const f of feedback) {
    const response = f.surveyResponseId === undefined ? undefined : byId.get(f.surveyResponseId);
    if (response !== undefined) told.add(response.id);
    const rated =
      response !== undefined
        ? sideOfResponse(response)
        : f.rating === undefined
          ? undefined
          : f.rating <= 2
            ? 'negative'
            : f.rating >= 4
              ? 'positive'
              : 'middle';
    out.push({
      id: f.id,
      text: f.text,
      ...(f.language === undefined ? {} : { language: f.language }),
      rated,
    });
  }
  for (const r of responses) {
    if (told.has(r.id) || r.comment === undefined || r.comment.trim() === '') continue;
    out.push({
      id: `response-${r.id}`,
      text: r.comment,
      ...(r.language === undefined ? {} : { language: r.language }),
      rated: sideOfResponse(r),
    });
  }
  return out;
}

/** What the texts say: sentiment per topic and distinctive themes (at most `limit` per side). */
export function voiceOf(
  all: readonly Text[],
  level: number,
  limit = 8,
): { readonly topics: TopicSentiment[]; readonly themes: ReportTheme[] } {
  const aspects = new AspectAccumulator({ level });
  const negative: Array<{ id: string; text: string; language?: string }> = [];
  const positive: Array<{ id: string; text: string; language?: string }> = [];
  for (const t of all) {
    const result = analyzeAspects(t.text, t.language === undefined ? {} : { language: t.language });
    aspects.add(result);
    const side = t.rated === undefined ? result.label : t.rated;
    const doc = { id: t.id, text: t.text, ...(t.language === undefined ? {} : { language: t.language }) };
    if (side === 'negative') negative.push(doc);
    else if (side === 'positive') positive.push(doc);
  }
  const topics = aspects
    .result()
    .topics.filter((t) => t.sentiment.n > 0)
    .map((t) => ({
      topic: t.topic,
      label: TOPIC_LABELS[t.topic] ?? t.topic,
      negative: t.sentiment.negative.count,
      neutral: t.sentiment.neutral.count,
      positive: t.sentiment.positive.count,
    }));
  if (negative.length === 0 || positive.length === 0) return { topics, themes: [] };
  const report = distinctiveThemes(negative, positive, { limit });
  const themes: ReportTheme[] = [
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
  return { topics, themes };
}
