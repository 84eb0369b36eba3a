// Themes of the demo's feedback: the words that most distinguish negative from positive feedback.
import type { Feedback } from '@cx/model';
import type { Analysis } from './analyse.js';

/** A theme row of the report. */
export interface ThemeRow {
  readonly term: string;
  readonly polarity: 'negative' | 'positive';
  readonly count: number;
  readonly example: string;
}

/** Top themes of negative and positive feedback. */
export function feedbackThemes(_feedback: readonly Feedback[], _analysis: Analysis): ThemeRow[] {
  return [];
}
