// Public API of @cx/text: explicit named re-exports only.
// The error classes @cx/text throws, re-exported so that callers need not import @cx/model to catch them.
export { CxError, CxOptionsError, CxValidationError } from '@cx/model';
export type {
  AspectAccumulatorOptions,
  AspectAccumulatorSnapshot,
  AspectAccumulatorState,
  AspectObservation,
  AspectSummary,
  TopicSummary,
} from './aspects/accumulator.js';
export { AspectAccumulator } from './aspects/accumulator.js';
export type { AspectResult, AspectSentiment } from './aspects/analyze.js';
export { analyzeAspects } from './aspects/analyze.js';
export type { AspectBucket, AspectGroup, AspectsOverTimeOptions } from './aspects/breakdown.js';
export { aspectBreakdown, aspectsOverTime } from './aspects/breakdown.js';
export type { CxTopic } from './aspects/topic-lexicon.js';
export { CX_TOPICS } from './aspects/topic-lexicon.js';
export type {
  ClassifierPrediction,
  CrossValidation,
  LabelledText,
  SentimentClassifierJson,
  TrainedSentimentClassifier,
  TrainSentimentClassifierOptions,
} from './classifier/classifier.js';
export { SentimentClassifier, trainSentimentClassifier } from './classifier/classifier.js';
export type { LabelAgreement } from './classifier/metrics.js';
export { labelAgreement } from './classifier/metrics.js';
export type {
  DetectedLanguage,
  DetectLanguageOptions,
  LanguageDetection,
  SupportedLanguage,
} from './language.js';
export { detectLanguage, resolveLanguageTag, SUPPORTED_LANGUAGES } from './language.js';
export type {
  ReasonAccumulatorOptions,
  ReasonAccumulatorSnapshot,
  ReasonOptionsJson,
  ReasonReport,
  ReasonResponse,
  ReasonTally,
} from './reasons/reasons.js';
export { ReasonAccumulator } from './reasons/reasons.js';
export type {
  SentimentAccumulatorOptions,
  SentimentAccumulatorSnapshot,
  SentimentCounts,
  SentimentObservation,
  SentimentSummary,
} from './sentiment/accumulator.js';
export { SentimentAccumulator } from './sentiment/accumulator.js';
export type {
  ScoredFeedback,
  SentimentBucket,
  SentimentDimension,
  SentimentGroup,
  SentimentOverTimeOptions,
} from './sentiment/breakdown.js';
export { scoreFeedback, sentimentBreakdown, sentimentOverTime } from './sentiment/breakdown.js';
export { feedbackFromSurveyResponses } from './sentiment/from-survey.js';
export type { LexiconPhrase, LexiconSource, LexiconValue, SentimentLexicon } from './sentiment/lexicon.js';
export { compileLexicon, lookupWord } from './sentiment/lexicon.js';
export { EN_LEXICON_SOURCE } from './sentiment/lexicon-en.js';
export { PL_LEXICON_SOURCE } from './sentiment/lexicon-pl.js';
export { LEXICONS } from './sentiment/lexicons.js';
export type {
  AnalyzeSentimentOptions,
  SentimentHit,
  SentimentLabel,
  SentimentModel,
  SentimentResult,
  SentimentStatus,
} from './sentiment/score.js';
export { analyzeSentiment } from './sentiment/score.js';
export type { SentimentRule } from './sentiment/score-tokens.js';
export type {
  BrandShare,
  EngagementRate,
  EngagementState,
  InteractionKind,
  SocialAccumulatorOptions,
  SocialAccumulatorSnapshot,
  SocialBucket,
  SocialOptionsJson,
  SocialOverTimeOptions,
  SocialSummary,
  TagCount,
} from './social/social.js';
export { SocialAccumulator, socialOverTime } from './social/social.js';
export { foldPolish } from './text/fold.js';
export { isBlankText, normalizeText } from './text/normalize.js';
export { stemWord } from './text/stem.js';
export { STOP_WORDS } from './text/stopwords.js';
export type { Token, TokenKind } from './text/tokenize.js';
export { tokenize } from './text/tokenize.js';
export type { TermCountsJson } from './themes/counts.js';
export type {
  FindThemesOptions,
  FrequentTheme,
  FrequentThemeReport,
} from './themes/frequent.js';
export { findThemes } from './themes/frequent.js';
export type { LogOdds } from './themes/log-odds.js';
export { logOddsRatio } from './themes/log-odds.js';
export type {
  MapThemesToPainPointsOptions,
  PainPointMapping,
  PainPointThemes,
} from './themes/pain-points.js';
export { mapThemesToPainPoints } from './themes/pain-points.js';
export type {
  Theme,
  ThemeAccumulatorOptions,
  ThemeAccumulatorSnapshot,
  ThemeDocument,
  ThemeExample,
  ThemeInput,
  ThemeOptionsJson,
  ThemeReport,
  ThemeResultOptions,
  ThemeSide,
} from './themes/themes.js';
export { distinctiveThemes, ThemeAccumulator } from './themes/themes.js';
export type { TimeBucket, TimeSeriesOptions } from './time/series.js';
