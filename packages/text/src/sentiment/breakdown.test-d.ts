import type { Feedback, Mention } from '@cx/model';
import { describe, expectTypeOf, it } from 'vitest';
import { type ScoredFeedback, scoreFeedback } from './breakdown.js';

describe('scoreFeedback types', () => {
  it('keeps the record type', () => {
    expectTypeOf(scoreFeedback([] as Mention[])).toEqualTypeOf<ScoredFeedback<Mention>[]>();
    expectTypeOf(scoreFeedback([] as Feedback[])[0]!.record).toEqualTypeOf<Feedback>();
    expectTypeOf(scoreFeedback([] as Feedback[])[0]!.sentiment.score).toEqualTypeOf<number | null>();
  });
});
