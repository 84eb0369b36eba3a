import { CxValidationError } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReasonAccumulator, type ReasonResponse } from './reasons.js';

const responses: ReasonResponse[] = [
  { id: '1', reasons: ['price'], text: 'Too expensive shipping' },
  { id: '2', reasons: ['price', 'slow', 'price'], text: 'Expensive and slow' },
  { id: '3', reasons: 'slow', text: 'Slow courier' },
  { id: '4', reasons: [], text: 'Courier rude' },
  { id: '5', reasons: ['price'] },
];

describe('ReasonAccumulator', () => {
  const report = responses
    .reduce((a, r) => a.add(r), new ReasonAccumulator({ maxNgram: 1 }))
    .result({ priorScale: 1, minZ: 0 });

  it('tallies reasons per respondent with Wilson intervals (hand-checked)', () => {
    expect(report).toMatchObject({ respondents: 5, withoutReason: 1, withText: 4, withoutText: 1 });
    expect(report.reasons.map((r) => [r.reason, r.count, r.withText])).toEqual([
      ['price', 3, 2],
      ['slow', 2, 2],
    ]);
    // 3 of 5: Wilson 95% (0.23072, 0.88238), see the SentimentAggregator test for the arithmetic.
    expect(report.reasons[0]?.share.value).toBeCloseTo(0.6, 12);
    expect(report.reasons[0]?.share.interval?.lower).toBeCloseTo(0.23072, 5);
  });
  it("joins each reason with the themes of its respondents' texts versus everyone else's", () => {
    // price: texts 1, 2 → expensive 2, shipping 1, slow 1 (n_t = 4); others (3, 4) → slow 1, courier 2, rude 1
    // (n_r = 4). Pooled prior: α_expensive = 2, α₀ = 8. δ = ln(4/8) − ln(2/10) = 0.916291, z = 1.058041.
    // slow (1 vs 1) has δ = 0; shipping has one occurrence (< minCount 2).
    const price = report.reasons[0];
    expect(price?.themes.map((t) => t.term)).toEqual(['expensive']);
    expect(price?.themes[0]?.z).toBeCloseTo(1.058041, 6);
    expect(price?.themes[0]?.examples.map((e) => e.id)).toEqual(['2', '1']);
    expect(report.reasons[1]?.themes.map((t) => [t.term, t.targetCount, t.referenceCount])).toEqual([
      ['slow', 2, 0],
    ]);
  });
  it('rejects blank reasons and malformed language tags with their path', () => {
    const a = new ReasonAccumulator();
    try {
      a.add({ id: 'x', reasons: ['ok', ' '] }, [7]);
      expect.unreachable();
    } catch (e) {
      expect((e as CxValidationError).issues[0]?.path).toEqual([7, 'reasons', 1]);
    }
    expect(() => a.add({ id: 'y', reasons: ['ok'], text: 'hi', language: 'xx_YY' })).toThrow(
      CxValidationError,
    );
  });
  it('handles no responses', () => {
    const r = new ReasonAccumulator().result();
    expect(r).toEqual({ respondents: 0, withoutReason: 0, withText: 0, withoutText: 0, reasons: [] });
  });
  it('merging partial aggregates equals aggregating the whole', () => {
    const arb = fc.record({
      id: fc.uuid(),
      reasons: fc.subarray(['price', 'slow', 'payment']),
      text: fc.option(
        fc
          .array(fc.constantFrom('slow', 'courier', 'expensive', 'card', 'declined', 'drogo', 'kurier'), {
            minLength: 1,
            maxLength: 5,
          })
          .map((w) => w.join(' ')),
        { nil: undefined },
      ),
      language: fc.constantFrom('en', 'pl'),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 25 }), fc.nat(), (rows, cut) => {
        const k = cut % (rows.length + 1);
        const whole = rows.reduce((a, r) => a.add(r), new ReasonAccumulator()).result({ minZ: 0 });
        const left = rows.slice(0, k).reduce((a, r) => a.add(r), new ReasonAccumulator());
        const right = rows.slice(k).reduce((a, r) => a.add(r), new ReasonAccumulator());
        expect(left.merge(right).result({ minZ: 0 })).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });
});
