import { foldPolish } from '../text/fold.js';
import type { Token } from '../text/tokenize.js';
import type { SentimentLexicon } from './lexicon.js';
import type { SentenceRules } from './rules.js';

/** Where each token sits: its sentence and clause, and whether it opens its sentence. */
export interface Layout {
  /** Sentence number of each token (0-based). */
  readonly sentence: readonly number[];
  /** Clause number of each token (0-based, over the whole text). */
  readonly clause: readonly number[];
  /** Whether the token is the first word of its sentence. */
  readonly sentenceStart: readonly boolean[];
  /** Whether the token is a contrast or clause word that opens a clause of its own. */
  readonly opensClause: readonly boolean[];
  /** Per sentence: whether it is a question. */
  readonly question: readonly boolean[];
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLAUSE_END = new Set([',', ';', ':', '(', ')', '-', '–', '—', '/', '"', '„', '”', '“']);

/** Whether a word is in a list, also compared without Polish diacritics. */
export function inList(list: ReadonlySet<string>, word: string, language: 'en' | 'pl'): boolean {
  return list.has(word) || (language === 'pl' && list.has(foldPolish(word)));
}

/**
 * Splits tokens into sentences (at `. ! ? …` and line breaks) and clauses (also at `, ; : ( ) –`, at
 * emoji, at contrast words and at clause-opening conjunctions such as `and`, `because`, `i`, `bo`).
 * A sentence is a question when it ends with `?` or opens with a question word (`czy`).
 */
export function layoutTokens(
  text: string,
  tokens: readonly Token[],
  lexicon: SentimentLexicon,
  rules: SentenceRules,
): Layout {
  const language = lexicon.language;
  const sentence: number[] = [];
  const clause: number[] = [];
  const sentenceStart: boolean[] = [];
  const opensClause: boolean[] = [];
  const question: boolean[] = [false];
  const questionWords = new Set<number>();
  let s = 0;
  let c = 0;
  let startPending = true;
  let previousEnd = 0;
  let wordSentence = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && text.slice(previousEnd, token.index).includes('\n') && !startPending) {
      s++;
      c++;
      question.push(false);
      startPending = true;
    }
    previousEnd = token.index + token.text.length;
    const opens =
      token.kind === 'word' &&
      !startPending &&
      (inList(lexicon.contrast, token.norm, language) ||
        inList(rules.clauseWords, token.norm, language) ||
        inList(rules.concessive, token.norm, language));
    if (opens) c++;
    opensClause.push(opens);
    sentence.push(s);
    clause.push(c);
    const isWord = token.kind === 'word' || token.kind === 'number';
    sentenceStart.push(isWord && startPending);
    if (isWord) wordSentence = s;
    if (isWord && startPending) {
      startPending = false;
      if (inList(rules.questionStart, token.norm, language)) questionWords.add(s);
    }
    if (token.kind === 'punct' && [...token.norm].some((ch) => SENTENCE_END.has(ch))) {
      if (token.norm.includes('?')) question[wordSentence] = true;
      if (!startPending) {
        s++;
        c++;
        question.push(false);
        startPending = true;
      }
    } else if ((token.kind === 'punct' && CLAUSE_END.has(token.norm)) || token.kind === 'emoji') {
      c++;
    }
  });
  for (const q of questionWords) question[q] = true;
  return { sentence, clause, sentenceStart, opensClause, question };
}
