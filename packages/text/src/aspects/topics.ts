import type { SupportedLanguage } from '../language.js';
import { maxKeyLength } from '../sentiment/lexicon.js';
import { foldPolish } from '../text/fold.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { CX_TOPICS, type CxTopic, TOPIC_SOURCES } from './topic-lexicon.js';

/** One place where a text speaks of a topic. */
export interface TopicMention {
  /** The topic. */
  readonly topic: CxTopic;
  /** The words as written. */
  readonly text: string;
  /** Token position of the first word. */
  readonly token: number;
  /** Number of word tokens. */
  readonly length: number;
  /** A weak mention (a verb or adjective such as `arrived`): it yields to another mention in its clause. */
  readonly weak: boolean;
}

interface TopicTerm {
  readonly topic: CxTopic;
  readonly weak: boolean;
}

interface TopicPhrase extends TopicTerm {
  readonly parts: readonly string[];
}

interface TopicTables {
  readonly words: ReadonlyMap<string, TopicTerm>;
  readonly stems: ReadonlyMap<string, TopicTerm>;
  readonly phrases: ReadonlyMap<string, readonly TopicPhrase[]>;
}

const key = (word: string, language: SupportedLanguage) => (language === 'pl' ? foldPolish(word) : word);

function compileTopics(language: SupportedLanguage): TopicTables {
  const words = new Map<string, TopicTerm>();
  const stems = new Map<string, TopicTerm>();
  const phrases = new Map<string, TopicPhrase[]>();
  for (const [topic, text] of Object.entries(TOPIC_SOURCES[language]) as [CxTopic, string][]) {
    for (const entry of text.split(',')) {
      const trimmed = entry.trim();
      const weak = trimmed.startsWith('~');
      const parts = (weak ? trimmed.slice(1) : trimmed)
        .toLocaleLowerCase(language)
        .split(/[\s-]+/u)
        .filter((p) => p !== '')
        .map((p) => key(p, language));
      if (parts.length === 0) continue;
      if (parts.length > 1) {
        const first = (parts[0] as string).replace(/\*$/u, '');
        const list = phrases.get(first) ?? [];
        list.push({ parts, topic, weak });
        phrases.set(first, list);
      } else if ((parts[0] as string).endsWith('*')) {
        stems.set((parts[0] as string).slice(0, -1), { topic, weak });
      } else {
        words.set(parts[0] as string, { topic, weak });
      }
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  return { words, stems, phrases };
}

const TABLES: Readonly<Record<SupportedLanguage, TopicTables>> = {
  en: compileTopics('en'),
  pl: compileTopics('pl'),
};

function partMatches(part: string, word: string): boolean {
  return part.endsWith('*') ? word.startsWith(part.slice(0, -1)) : part === word;
}

/** The topic of one word: whole words first, then the longest stem. */
function wordTopic(tables: TopicTables, word: string): TopicTerm | undefined {
  const exact = tables.words.get(word);
  if (exact !== undefined) return exact;
  for (let end = Math.min(word.length, maxKeyLength(tables.stems)); end >= 2; end--) {
    const topic = tables.stems.get(word.slice(0, end));
    if (topic !== undefined) return topic;
  }
  return undefined;
}

/**
 * Finds the topic mentions of a tokenised text: multi-word terms first (longest first), then whole words,
 * then stems. Hyphens inside a term are skipped (`pick-up point`). Polish is compared without diacritics.
 * Tokens for which `skip` is true (handles, names) are never mentions.
 */
export function findTopicMentions(
  tokens: readonly Token[],
  language: SupportedLanguage,
  skip: (index: number) => boolean,
): TopicMention[] {
  const tables = TABLES[language];
  const out: TopicMention[] = [];
  const words: number[] = [];
  tokens.forEach((t, i) => {
    if ((t.kind === 'word' || t.kind === 'number') && !skip(i)) words.push(i);
    else if (!(t.kind === 'punct' && t.norm === '-')) words.push(-1);
  });
  let w = 0;
  while (w < words.length) {
    const at = words[w] as number;
    if (at < 0) {
      w++;
      continue;
    }
    const norm = key((tokens[at] as Token).norm, language);
    let matched: (TopicTerm & { span: number }) | undefined;
    for (
      let end = Math.min(norm.length, maxKeyLength(tables.phrases));
      end >= 1 && matched === undefined;
      end--
    ) {
      for (const phrase of tables.phrases.get(norm.slice(0, end)) ?? []) {
        let ok = true;
        for (let k = 0; k < phrase.parts.length && ok; k++) {
          const index = words[w + k];
          ok =
            index !== undefined &&
            index >= 0 &&
            partMatches(phrase.parts[k] as string, key((tokens[index] as Token).norm, language));
        }
        if (ok) {
          matched = { topic: phrase.topic, weak: phrase.weak, span: phrase.parts.length };
          break;
        }
      }
    }
    if (matched === undefined) {
      const term = wordTopic(tables, norm);
      if (term !== undefined) matched = { ...term, span: 1 };
    }
    if (matched === undefined) {
      w++;
      continue;
    }
    const last = words[w + matched.span - 1] as number;
    out.push({
      topic: matched.topic,
      text: tokens
        .slice(at, last + 1)
        .filter((t) => t.kind !== 'punct')
        .map((t) => t.text)
        .join(' '),
      token: at,
      length: last - at + 1,
      weak: matched.weak,
    });
    w += matched.span;
  }
  return out;
}

/**
 * The topics a theme term names (`kurier` → delivery, `customer service` → support): its words are read as
 * English and as Polish and every topic found is kept, in {@link CX_TOPICS} order.
 */
export function themeTopics(term: string): CxTopic[] {
  const found = new Set<CxTopic>();
  for (const language of ['en', 'pl'] as const) {
    for (const m of findTopicMentions(tokenize(term, language), language, () => false)) found.add(m.topic);
  }
  return CX_TOPICS.filter((t) => found.has(t));
}
