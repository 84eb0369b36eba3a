import { describe, expect, it } from 'vitest';
import { mergeThemes } from './themes.js';

describe('themes in the report', () => {
  it('merges repeats, folds a theme into a longer one on the same side, and sorts', () => {
    const merged = mergeThemes([
      { term: 'great', side: 'positive', texts: 50 },
      { term: 'late', side: 'negative', texts: 30 },
      { term: 'Late  Delivery', side: 'negative', texts: 22 },
      { term: 'late delivery', side: 'negative', texts: 20 },
      { term: 'delivery', side: 'positive', texts: 9 },
      { term: 'refund', side: 'negative', texts: 25 },
    ]);
    expect(merged.map((t) => [t.term, t.side, t.texts, t.folded.map((f) => f.term)])).toEqual([
      ['refund', 'negative', 25, []],
      // "late" (30 texts) is part of "late delivery": listed under it; the lower-case repeat is dropped.
      ['Late  Delivery', 'negative', 22, ['late']],
      ['great', 'positive', 50, []],
      // "delivery" on the positive side is not folded into a negative theme.
      ['delivery', 'positive', 9, []],
    ]);
  });
});
