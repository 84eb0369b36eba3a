import { foldPolish } from '../text/fold.js';
import type { Token } from '../text/tokenize.js';
import { inList, type Layout } from './layout.js';
import type { SentimentLexicon } from './lexicon.js';
import { IRONY_EMOJI, QUOTES, type SentenceRules } from './rules.js';
import type { PositionedHit } from './score-tokens.js';

const CONTRAST_BEFORE = 0.5;
const CONTRAST_AFTER = 1.5;
const SILENT_BEFORE = 0.25;
const SILENT_TURN = -1.5;
const QUESTION_NEGATIVE = 0.5;
const SARCASM_FACTOR = -0.5;
const SHORT_CLAUSE = 3;
const COMPLAINT_QUESTION = -1.5;
const SCARE_QUOTE_WEIGHT = -1;
const SCARE_TERM = '"…"';
const STRONG_IRONY: ReadonlySet<string> = new Set(['🙃', '🙄', '🤡', '😒', '🤦']);
// A quoted span on one line: straight, curly or Polish quotation marks around at most 40 characters.
const SCARE_QUOTE = /["„“«]([^"„“”«»\n]{1,40})["”“»]/gu;

/**
 * Weights hits around contrast words, sentence by sentence: before the last `but`-like word × 0.5, after it
 * × 1.5; the clause of a concessive word (`although`, `despite`, `mimo`; `chociaż` when it opens the sentence)
 * weighs × 0.5 and the rest of the sentence × 1.5. When the words after `but` carry no sentiment but those before are positive
 * (`Nice fabric, but the zipper came off`), the praise counts × 0.25 and the turn itself −1.5.
 */
export function applyContrast(
  hits: PositionedHit[],
  tokens: readonly Token[],
  layout: Layout,
  lexicon: SentimentLexicon,
  rules: SentenceRules,
): void {
  const language = lexicon.language;
  const sentences = new Map<number, { pivot: number; concessive: Set<number> }>();
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const s = layout.sentence[i] ?? 0;
    const entry = sentences.get(s) ?? { pivot: -1, concessive: new Set<number>() };
    sentences.set(s, entry);
    const concessive = inList(rules.concessive, token.norm, language);
    // `…, tylko zawiasy pękły`: after a comma, `tylko` (only) turns like `ale`.
    const afterComma = i > 0 && tokens[i - 1]?.norm === ',';
    const contrast =
      inList(lexicon.contrast, token.norm, language) ||
      (afterComma && inList(rules.commaContrast, token.norm, language));
    if (concessive && (layout.sentenceStart[i] === true || !contrast)) {
      entry.concessive.add(layout.clause[i] ?? 0);
    } else if (contrast) {
      // `though` closing its clause (`slow delivery though`) turns at the start of that clause.
      const closing = (tokens[i + 1]?.kind ?? 'punct') === 'punct' && token.norm === 'though';
      entry.pivot = closing && i > 0 ? firstOfClause(layout, i - 1) : i;
    }
  });
  const bySentence = groupBy(hits, (h) => h.sentence);
  for (const [s, { pivot, concessive }] of sentences) {
    const inSentence = bySentence.get(s) ?? [];
    if (pivot >= 0) {
      const before = inSentence.filter((h) => h.token < pivot);
      const after = inSentence.filter((h) => h.token >= pivot);
      const wordsAfter = countWords(tokens, layout, pivot + 1, s);
      const praise = before.reduce((sum, h) => sum + h.weight, 0);
      if (after.length === 0 && wordsAfter >= 2 && praise > 0) {
        for (const h of before) scale(h, SILENT_BEFORE);
        const token = tokens[pivot] as Token;
        hits.push({
          text: token.text,
          term: token.norm,
          valence: SILENT_TURN,
          weight: SILENT_TURN,
          negated: false,
          rules: ['contrast'],
          token: pivot,
          length: 1,
          index: token.index,
          sentence: s,
          clause: layout.clause[pivot] ?? 0,
          polite: false,
          emoji: false,
        });
      } else {
        for (const h of before) scale(h, CONTRAST_BEFORE);
        for (const h of after) scale(h, CONTRAST_AFTER);
      }
    } else if (concessive.size > 0 && inSentence.some((h) => !concessive.has(h.clause))) {
      for (const h of inSentence) scale(h, concessive.has(h.clause) ? CONTRAST_BEFORE : CONTRAST_AFTER);
    }
  }
  hits.sort((a, b) => a.token - b.token);
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

function scale(hit: PositionedHit, factor: number, rule: PositionedHit['rules'][number] = 'contrast'): void {
  hit.weight *= factor;
  if (!hit.rules.includes(rule)) hit.rules.push(rule);
}

function firstOfClause(layout: Layout, i: number): number {
  let k = i;
  while (k > 0 && layout.clause[k - 1] === layout.clause[i]) k--;
  return k;
}

function countWords(tokens: readonly Token[], layout: Layout, from: number, sentence: number): number {
  let n = 0;
  for (let k = from; k < tokens.length && layout.sentence[k] === sentence; k++)
    if (tokens[k]?.kind === 'word') n++;
  return n;
}

/**
 * Questions ask, they do not state: in a question, praise counts 0 (`Is it worth it?`, `Czy ten ekspres
 * jest dobry?`) and blame × 0.5, except in complaint questions (`Why…?`, `Dlaczego…?`), where blame keeps
 * its weight; in a polite request (`Can I…?`, `Czy mogę…?`) every word counts 0.
 */
export function applyQuestions(
  hits: PositionedHit[],
  tokens: readonly Token[],
  layout: Layout,
  rules: SentenceRules,
  language: 'en' | 'pl',
): void {
  const openings = new Map<number, { words: string[]; first: number }>();
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const s = layout.sentence[i] ?? 0;
    const entry = openings.get(s) ?? { words: [], first: i };
    if (entry.words.length < 4) entry.words.push(language === 'pl' ? foldPolish(token.norm) : token.norm);
    openings.set(s, entry);
  });
  const openers = rules.complaintOpeners.map((o) => (language === 'pl' ? foldPolish(o) : o));
  const complaint = new Set<number>();
  const requests = new Set<number>();
  const requestOpeners = rules.requestOpeners.map((o) => (language === 'pl' ? foldPolish(o) : o));
  for (const [s, { words }] of openings) {
    const opening = words.join(' ');
    if (
      layout.question[s] === true &&
      requestOpeners.some((o) => opening === o || opening.startsWith(`${o} `))
    )
      requests.add(s);
    const start = words.join(' ');
    const opener = openers.find((o) => start === o || start.startsWith(`${o} `));
    if (
      opener !== undefined &&
      (layout.question[s] === true || inList(rules.complaintQuestion, words[0] ?? '', language))
    )
      complaint.add(s);
  }
  for (const hit of hits) {
    if (hit.emoji || layout.question[hit.sentence] !== true) continue;
    if (hit.weight > 0 || requests.has(hit.sentence)) scale(hit, 0, 'question');
    else if (!complaint.has(hit.sentence)) scale(hit, QUESTION_NEGATIVE, 'question');
  }
  for (const s of complaint) {
    if (hits.some((h) => h.sentence === s && h.weight < 0)) continue;
    const at = openings.get(s)?.first ?? 0;
    const token = tokens[at] as Token;
    hits.push({
      text: token.text,
      term: `${token.norm}…?`,
      valence: COMPLAINT_QUESTION,
      weight: COMPLAINT_QUESTION,
      negated: false,
      rules: ['persistence'],
      token: at,
      length: 1,
      index: token.index,
      sentence: s,
      clause: layout.clause[at] ?? 0,
      polite: false,
      emoji: false,
    });
  }
  hits.sort((a, b) => a.token - b.token);
}

/**
 * Resolution: in a clause with a word that resolves a problem (`fixed`, `refunded`, `replaced`, `wymienili`,
 * `naprawili`) and no negator, and earlier in the same sentence, the blame words name the problem that was
 * solved, not a complaint (`fixed the dead zones upstairs`, `zgłosiłem zgniecione pomidory i miałem zwrot`):
 * they count 0.
 */
export function applyResolution(
  hits: PositionedHit[],
  tokens: readonly Token[],
  layout: Layout,
  lexicon: SentimentLexicon,
  rules: SentenceRules,
): void {
  const language = lexicon.language;
  const resolvedClause = new Set<number>();
  const negated = new Set<number>();
  // Per sentence, the last token of a resolver whose clause has no negator: blame before it is resolved.
  const lastResolver = new Map<number, number>();
  const stems = rules.resolverStems.map((s) => (language === 'pl' ? foldPolish(s) : s));
  const resolverAt: number[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'word') return;
    const clause = layout.clause[i] ?? 0;
    if (inList(lexicon.negators, token.norm, language)) negated.add(clause);
    const folded = language === 'pl' ? foldPolish(token.norm) : token.norm;
    if (inList(rules.resolvers, token.norm, language) || stems.some((s) => folded.startsWith(s)))
      resolverAt.push(i);
  });
  for (const i of resolverAt) {
    const clause = layout.clause[i] ?? 0;
    if (negated.has(clause)) continue;
    resolvedClause.add(clause);
    lastResolver.set(layout.sentence[i] ?? 0, i);
  }
  for (const hit of hits) {
    if (hit.weight >= 0 || hit.emoji) continue;
    const before = lastResolver.get(hit.sentence);
    if (resolvedClause.has(hit.clause) || (before !== undefined && hit.token < before))
      scale(hit, 0, 'resolution');
  }
}

/**
 * Scare quotes: a lower-case word or two in quotation marks outside a question (`marked "delivered"`,
 * `a "guaranteed" window`, `niby „malinowe”`) doubts what it quotes: −1.
 */
export function applyScareQuotes(
  hits: PositionedHit[],
  tokens: readonly Token[],
  layout: Layout,
  text: string,
): void {
  const matches = [...text.matchAll(SCARE_QUOTE)];
  // Several quoted spans are examples or search terms (`both "tinned" and "canned"`), not scare quotes.
  if (matches.length !== 1) return;
  let at = 0;
  for (const match of matches) {
    const inner = match[1] as string;
    const words = inner.trim().split(/\s+/u);
    if (words.length > 3 || /\p{Lu}/u.test(inner)) continue;
    const start = match.index + 1;
    while (at < tokens.length && (tokens[at] as Token).index < start) at++;
    if (at >= tokens.length || layout.question[layout.sentence[at] ?? 0] === true) continue;
    const token = tokens[at] as Token;
    if (hits.some((h) => h.token === at && h.rules.includes('sarcasm'))) continue;
    hits.push({
      text: match[0],
      term: SCARE_TERM,
      valence: SCARE_QUOTE_WEIGHT,
      weight: SCARE_QUOTE_WEIGHT,
      negated: false,
      rules: ['sarcasm'],
      token: at,
      length: 1,
      index: token.index,
      sentence: layout.sentence[at] ?? 0,
      clause: layout.clause[at] ?? 0,
      polite: false,
      emoji: false,
    });
  }
  hits.sort((a, b) => a.token - b.token);
}

/**
 * Courtesy words (`thanks`, `pozdrawiam`) carry no praise in a text that complains (blame of at least 1.5),
 * unless they open the text (`Thank you, the refund came the same day`).
 */
export function applyPoliteness(hits: PositionedHit[]): void {
  const blame = hits.reduce((sum, h) => (!h.polite && h.weight < 0 ? sum + h.weight : sum), 0);
  if (blame > -1.5) return;
  for (const hit of hits) if (hit.polite && hit.weight > 0 && hit.clause > 0) scale(hit, 0, 'politeness');
}

/**
 * Irony: praise turns into blame (× −0.5) when it stands in quotation marks (`„szybka” dostawa`), or when
 * a text that ends on a complaint has an irony cue: an irony emoji (👏 🙃 🙄 😒 🤡 …), an ironic formula
 * (`thanks a lot`, `great job`, `brawo`, `gratulacje`) or a clause of at most three words that is nothing
 * but praise (`Great job,`, `Super.`).
 */
export function applySarcasm(
  hits: PositionedHit[],
  tokens: readonly Token[],
  layout: Layout,
  rules: SentenceRules,
  text: string,
  language: 'en' | 'pl',
): void {
  const praise = hits.filter((h) => h.weight > 0);
  if (praise.length === 0) return;
  // Irony emoji need no valence of their own: read them from the tokens.
  const emojiIn = (set: ReadonlySet<string>) =>
    tokens.some((t) => t.kind === 'emoji' && set.has(String.fromCodePoint(t.text.codePointAt(0) ?? 0)));
  const emojiCue = emojiIn(IRONY_EMOJI);
  // Strong cues read as irony whatever the text ends on: 🙃 🙄 🤡 😒 🤦 and scare quotes.
  const strongEmoji = emojiIn(STRONG_IRONY);
  const strongCue = strongEmoji || hits.some((h) => h.term === SCARE_TERM);
  const quoted = praise.some((h) => QUOTES.has(text.charAt(h.index - 1)));
  const lowerText = tokens
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm)
    .join(' ');
  const phraseCue = rules.ironicPhrases.some((p) => p.includes(' ') && ` ${lowerText} `.includes(` ${p} `));
  // A clause of at most three words, each either praise or filler (`Great job,`, `Oh wonderful.`).
  const covered = new Set<number>();
  for (const h of praise) for (let k = h.token; k < h.token + h.length; k++) covered.add(k);
  const clauses = new Map<number, { words: number; plain: boolean; text: string[] }>();
  tokens.forEach((t, k) => {
    if (t.kind !== 'word') return;
    const c = layout.clause[k] ?? 0;
    // Only a clause that opens its sentence is an exclamation (`Great job, …`, `Super. …`).
    const entry = clauses.get(c) ?? { words: 0, plain: layout.sentenceStart[k] === true, text: [] };
    clauses.set(c, entry);
    entry.words++;
    if (entry.words <= SHORT_CLAUSE) entry.text.push(t.norm);
    if (!covered.has(k) && !inList(rules.filler, t.norm, language)) entry.plain = false;
  });
  const shortPraise = praise.some((h) => {
    const clause = clauses.get(h.clause);
    if (clause === undefined || clause.words > SHORT_CLAUSE) return false;
    const text = clause.text.join(' ');
    return clause.plain || rules.ironicPhrases.some((p) => text === p);
  });
  // Irony ends on the complaint: praise that closes the text (`…faulty kettle replaced in two days, well
  // done`) is sincere.
  const last = hits.filter((h) => !h.emoji && h.weight !== 0).at(-1);
  const endsOnBlame = last !== undefined && last.weight < 0;
  const blame = hits.some((h) => h.weight <= -1 && !h.emoji);
  if (
    !(
      quoted ||
      strongEmoji ||
      (blame && strongCue) ||
      (blame && endsOnBlame && (emojiCue || phraseCue || shortPraise))
    )
  )
    return;
  for (const hit of praise) {
    if (hit.emoji && !IRONY_EMOJI.has(hit.text)) continue;
    scale(hit, SARCASM_FACTOR, 'sarcasm');
  }
}
