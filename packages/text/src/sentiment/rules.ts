import type { SupportedLanguage } from '../language.js';

// Word lists of the sentence-level rules of the scorer, written for this project (CC0 1.0, like the
// lexicons). Polish lists hold forms with diacritics; the scorer also compares them without (foldPolish).

/** Word lists that drive the clause, question, politeness and sarcasm rules of one language. */
export interface SentenceRules {
  /** Words that start a new clause (a negation does not reach past them). */
  readonly clauseWords: ReadonlySet<string>;
  /**
   * Concessive words (`although`, `mimo`): their clause weighs less than the rest of the sentence. Words
   * that are also contrast words (`chociaż`) are concessive only when they open the sentence.
   */
  readonly concessive: ReadonlySet<string>;
  /** Opinion verbs whose negation reaches into the next clause (`I don't think that…`, `Nie uważam, żeby…`). */
  readonly beliefVerbs: ReadonlySet<string>;
  /** Words that open a question even without a question mark. */
  readonly questionStart: ReadonlySet<string>;
  /**
   * Words that open an indirect question or a counterfactual, in which a negation states nothing (`czy… nie`,
   * `if you hadn't raised the price`).
   */
  readonly indirectQuestion: ReadonlySet<string>;
  /** Question words of complaints (`why…?`, `dlaczego…?`): their negative words keep full weight. */
  readonly complaintQuestion: ReadonlySet<string>;
  /**
   * Openers of rhetorical complaint questions (`why…`, `how come…`, `what's the point…`, `po co…`): such a
   * sentence counts as blame even without a sentiment word.
   */
  readonly complaintOpeners: readonly string[];
  /**
   * Openers of polite requests (`can I…?`, `czy mogę…?`): a request states no sentiment, so its words count 0.
   */
  readonly requestOpeners: readonly string[];
  /** Words that resolve a problem (`fixed`, `refunded`, `wymienili`): blame in their clause is resolved. */
  readonly resolvers: ReadonlySet<string>;
  /** Stems of resolvers (`naprawi`, `rozwiąza`), matched as prefixes. */
  readonly resolverStems: readonly string[];
  /** Words that continue a state (`still`, `nadal`): followed by a negator they add blame (`still not…`). */
  readonly persistence: ReadonlySet<string>;
  /** Opinion verbs in the past (`nie sądziłam`): their negation is surprise, not blame (`didn't think it'd be so easy`). */
  readonly surpriseVerbs: ReadonlySet<string>;
  /** Negators in the past tense (`didn't`), which make an opinion verb a surprise. */
  readonly pastNegators: ReadonlySet<string>;
  /** Courtesy words (`thanks`, `dziękuję`): no praise when the text complains. */
  readonly polite: ReadonlySet<string>;
  /** Words after a courtesy word that make it real gratitude (`thanks for…`, `dzięki za…`). */
  readonly gratitudeFor: ReadonlySet<string>;
  /** Words that turn like `but` only right after a comma (`…, tylko zawiasy pękły`). */
  readonly commaContrast: ReadonlySet<string>;
  /** Filler words of a short exclamation (`oh`, `wow`, `job`, `no`, `to`): `Oh great job,` is praise only. */
  readonly filler: ReadonlySet<string>;
  /** Phrases (lower case, words separated by one space) that read as irony around a failure. */
  readonly ironicPhrases: readonly string[];
}

const set = (text: string) => new Set(text.split(/\s+/u).filter((w) => w !== ''));

const EN: SentenceRules = {
  clauseWords: set('and or because since while whereas when if which who unless until'),
  concessive: set('although despite whilst'),
  beliefVerbs: set('think believe feel say expect suppose reckon consider find'),
  questionStart: set(''),
  indirectQuestion: set('whether if'),
  complaintQuestion: set('why'),
  complaintOpeners: [
    'why',
    'how come',
    'how can',
    'how could',
    'how is it',
    'how is this',
    'how does',
    "how's",
    "what's the point",
    'what is the point',
    'is there any point',
    'who on earth',
    'since when',
  ],
  requestOpeners: [
    'can i',
    'could i',
    'could you',
    'can you',
    'is it possible',
    'would it be possible',
    'may i',
  ],
  resolvers:
    set(`fixed fixes fixing sorted solved resolved refunded reimbursed replaced swapped exchanged saved
    avoid avoided prevent prevented handled compensated credited`),
  resolverStems: [],
  persistence: set('still'),
  surpriseVerbs: set('think thought expect expected imagine imagined'),
  pastNegators: set("didn't did"),
  polite: set('thanks thank thx ty please cheers regards'),
  gratitudeFor: set('for to'),
  commaContrast: set('only just'),
  filler: set('oh wow just so really very what a the job one again well yeah guys team you'),
  ironicPhrases: [
    'thanks a lot',
    'thanks a bunch',
    'thanks so much',
    'thank you so much',
    'great job',
    'good job',
    'well done',
    'way to go',
    'nice one',
    'just great',
    'just perfect',
    'oh great',
    'oh good',
    'oh wonderful',
    'how lovely',
    'love how',
    'love that',
    'gotta love',
    'got to love',
    'congrats',
    'congratulations',
    'bravo',
    'what a surprise',
    'yeah right',
    'brilliant',
    'fantastic',
    'amazing',
    'wonderful',
    'perfect',
    'great',
  ],
};

const PL: SentenceRules = {
  clauseWords: set(
    'i oraz lub albo bo ponieważ gdyż więc dlatego gdy kiedy jeśli jeżeli który która które którzy a',
  ),
  concessive: set('chociaż choć mimo pomimo wprawdzie aczkolwiek'),
  beliefVerbs: set(
    'uważam sądzę myślę wydaje powiedziałbym powiedziałabym powiem twierdzę czuję uważamy sądzimy',
  ),
  questionStart: set('czy'),
  indirectQuestion: set('czy gdyby gdybyś gdybym gdybyście'),
  complaintQuestion: set('dlaczego czemu'),
  complaintOpeners: [
    'dlaczego',
    'czemu',
    'po co',
    'jakim cudem',
    'jak to możliwe',
    'jak to',
    'od kiedy',
    'co to ma być',
    'jak można',
    'ile jeszcze',
    'ile można',
  ],
  requestOpeners: [
    'czy mogę',
    'czy można',
    'czy mógłbym',
    'czy mogłabym',
    'czy moglibyście',
    'czy da się',
    'czy jest możliwość',
    'czy możecie',
    'czy istnieje możliwość',
  ],
  resolvers: set('zwrócili zwrócono zwróciła zwrócił wymienili wymieniła wymienił oddali uratowali'),
  // Past forms only: `naprawią` (will fix) or `podstawie` (base) resolve nothing.
  resolverStems: [
    'naprawił',
    'naprawili',
    'naprawion',
    'rozwiązał',
    'rozwiązali',
    'poprawił',
    'poprawili',
    'poprawion',
    'zrekompensowa',
    'rozpatrzon',
    'uznali',
    'uznała',
    'podstawił',
    'podstawili',
    'wymienion',
  ],

  persistence: set('nadal wciąż dalej jeszcze ciągle'),
  surpriseVerbs:
    set(`sądziłam sądziłem myślałam myślałem spodziewałam spodziewałem przypuszczałam przypuszczałem
    liczyłam liczyłem wierzyłam wierzyłem`),
  pastNegators: set(''),
  polite: set('dziękuję dziękujemy dzięki pozdrawiam pozdrawiamy proszę'),
  gratitudeFor: set('za'),
  commaContrast: set('tylko'),
  filler: set('no to jak zawsze znowu znów i kolejny raz robota naprawdę po prostu wow ojej serio'),
  ironicPhrases: [
    'dzięki wielkie',
    'wielkie dzięki',
    'dziękuję bardzo',
    'świetna robota',
    'dobra robota',
    'super robota',
    'kawał dobrej roboty',
    'brawo',
    'gratulacje',
    'gratuluję',
    'no to super',
    'no pięknie',
    'pięknie',
    'super',
    'świetnie',
    'rewelacja',
    'cudownie',
    'wspaniale',
    'ekstra',
    'bomba',
  ],
};

/** The sentence rules of each supported language. */
export const SENTENCE_RULES: Readonly<Record<SupportedLanguage, SentenceRules>> = { en: EN, pl: PL };

/** Emoji that, beside a complaint, turn praise into irony (slow clap, upside-down face, eye roll, clown…). */
export const IRONY_EMOJI: ReadonlySet<string> = new Set([
  '👏',
  '🙃',
  '🙄',
  '😒',
  '🤡',
  '🤦',
  '😑',
  '😏',
  '🤷',
]);

/** Quotation marks around a praise word (`„szybka” dostawa`, `"fast" delivery`) mark it as ironic. */
export const QUOTES: ReadonlySet<string> = new Set(['"', '„', '”', '“', '«', '»', "'", '‘']);
