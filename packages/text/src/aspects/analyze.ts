import {
  type AnalyzeSentimentOptions,
  analyzeDetailed,
  labelOf,
  type SentimentHit,
  type SentimentLabel,
  type SentimentResult,
  toHit,
} from '../sentiment/score.js';
import type { PositionedHit } from '../sentiment/score-tokens.js';
import type { CxTopic } from './topic-lexicon.js';
import { findTopicMentions, type TopicMention } from './topics.js';

/**
 * The sentiment of one text toward one topic.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectSentiment {
  /** The topic. */
  readonly topic: CxTopic;
  /**
   * Sentiment toward the topic: the label of its own contributions; the text's overall label when the topic
   * is the text's only one or its own contributions carry no sentiment (a plain-fact complaint about it).
   */
  readonly label: SentimentLabel;
  /** Compound score `S / √(S² + 15)` of the contributions attributed to the topic (its own words only). */
  readonly score: number;
  /** Sum `S` of the attributed contributions. */
  readonly raw: number;
  /** The words that named the topic, in text order (`kurier`, `customer service`). */
  readonly mentions: readonly string[];
  /** The contributions attributed to the topic. */
  readonly hits: readonly SentimentHit[];
}

/**
 * The sentiment of a text, overall and per topic.
 *
 * @category Aspects
 * @since 0.2.0
 */
export interface AspectResult extends SentimentResult {
  /** One entry per topic the text speaks of, in order of first mention; empty when not scored. */
  readonly aspects: readonly AspectSentiment[];
}

/**
 * Finds the customer-experience topics a text speaks of and the sentiment toward each (aspect-based
 * sentiment).
 *
 * Topics are found with a vocabulary per topic and language (`kurier`, `paczk*`, `customer service`,
 * `refund*`…; Polish also without diacritics). Each sentiment contribution of {@link analyzeSentiment}
 * goes to the topics named in its clause; without one, to the nearest topic named in its sentence; without
 * one, to the text's only topic if it names exactly one; otherwise to no topic (it still counts overall).
 * A topic takes the label of its own contributions, or the text's overall label when it is the text's only
 * topic or its own contributions carry no sentiment.
 *
 * @param text - The text.
 * @param options - The options of {@link analyzeSentiment}.
 * @returns The overall result of {@link analyzeSentiment} with `aspects`.
 * @throws {@link @cx/model!CxValidationError} as {@link analyzeSentiment}.
 * @example
 * ```ts
 * import { analyzeAspects } from '@cx/text';
 * const r = analyzeAspects('Kurier był bardzo miły, ale produkt przyszedł porysowany.', { language: 'pl' });
 * console.log(r.aspects.map((a) => [a.topic, a.label]));
 * // [['delivery', 'positive'], ['product_quality', 'negative']]
 * ```
 * @category Aspects
 * @since 0.2.0
 */
export function analyzeAspects(text: string, options: AnalyzeSentimentOptions = {}): AspectResult {
  const { result, scored, threshold } = analyzeDetailed(text, options);
  if (scored === undefined || result.status !== 'scored' || result.language === 'unknown') {
    return { ...result, aspects: [] };
  }
  const { tokens, layout, protection, hits } = scored;
  const found = findTopicMentions(tokens, result.language, (i) => protection[i] === 'skip');
  const strongClauses = new Set(found.filter((m) => !m.weak).map((m) => layout.clause[m.token]));
  const mentions = found.filter((m) => !m.weak || !strongClauses.has(layout.clause[m.token]));
  if (mentions.length === 0) return { ...result, aspects: [] };
  const order: CxTopic[] = [];
  for (const m of mentions) if (!order.includes(m.topic)) order.push(m.topic);
  const assigned = new Map<CxTopic, PositionedHit[]>(order.map((t) => [t, []]));
  const byClause = new Map<number, TopicMention[]>();
  const bySentence = new Map<number, TopicMention[]>();
  for (const m of mentions) {
    push(byClause, layout.clause[m.token] ?? 0, m);
    push(bySentence, layout.sentence[m.token] ?? 0, m);
  }
  for (const hit of hits) {
    if (hit.weight === 0) continue;
    const inClause = byClause.get(hit.clause);
    if (inClause !== undefined) {
      for (const topic of new Set(inClause.map((m) => m.topic))) assigned.get(topic)?.push(hit);
      continue;
    }
    const inSentence = bySentence.get(hit.sentence);
    if (inSentence !== undefined) {
      const nearest = nearestMention(inSentence, hit.token);
      assigned.get(nearest.topic)?.push(hit);
    } else if (order.length === 1) {
      assigned.get(order[0] as CxTopic)?.push(hit);
    }
  }
  const aspects = order.map((topic): AspectSentiment => {
    const own = assigned.get(topic) ?? [];
    const raw = own.reduce((sum, h) => sum + h.weight, 0);
    const { score, label: ownLabel } = labelOf(raw, threshold);
    // The text's stance goes to a topic that is the text's only one, or whose own words carry no sentiment
    // ("the courier left it in the rain"): the overall label reads the whole text, the topic's words do not.
    const label = order.length === 1 || ownLabel === 'neutral' ? (result.label ?? ownLabel) : ownLabel;
    return {
      topic,
      label,
      score,
      raw,
      mentions: mentions.filter((m) => m.topic === topic).map((m) => m.text),
      hits: own.map(toHit),
    };
  });
  return { ...result, aspects };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The mention closest to a token; on a tie, the one before it. */
function nearestMention(mentions: readonly TopicMention[], token: number): TopicMention {
  let best = mentions[0] as TopicMention;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const m of mentions) {
    const distance = m.token <= token ? token - m.token : m.token - token + 0.5;
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}
