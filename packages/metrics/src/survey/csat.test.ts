import { CxOptionsError, CxValidationError, STANDARD_SCALES } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { csat } from './csat.js';
import { CsatAccumulator } from './csat-accumulator.js';

const csatResponse = (score: number, weight = 1) =>
  response(score, { metric: 'csat', scale: { ...STANDARD_SCALES.csat }, weight });
const TEN_SCALE = { min: 1, max: 10, direction: 'higher-is-better', integral: true } as const;

describe('csat', () => {
  it('is top-2-box over all responses by default (Simplesat: 7 positive, 1 neutral, 2 negative ⇒ 70%)', () => {
    const r = csat([5, 5, 5, 4, 4, 4, 4, 3, 1, 2]);
    // A share on 0–1, as every share of the library (it was 70, in percent, before 0.2).
    expect(r.score).toBeCloseTo(0.7, 14);
    expect(r.counts).toEqual({ positive: 7, neutral: 0, negative: 3 });
    expect(r.satisfied).toMatchObject({ count: 7, n: 10 });
    expect(r.satisfied.value).toBeCloseTo(0.7, 14);
    // scipy binomtest(7, 10).proportion_ci(method='wilson') = (0.39677814746114526, 0.892208732593699).
    expect(r.interval?.lower).toBeCloseTo(0.39677814746114526, 12);
    expect(r.interval?.upper).toBeCloseTo(0.892208732593699, 12);
    expect(r.interval?.method).toBe('wilson');
    expect(r.satisfied.interval).toEqual(r.interval);
    // Mean 37/10 = 3.7; numpy std(ddof=1) = 1.3374935098492586; t(9) 95% = (2.74321478103839, 4.656785218961611).
    expect(r.mean.mean).toBeCloseTo(3.7, 12);
    expect(r.mean.standardDeviation).toBeCloseTo(1.3374935098492586, 12);
    expect(r.mean.interval?.lower).toBeCloseTo(2.74321478103839, 10);
    expect(r.mean.interval?.upper).toBeCloseTo(4.656785218961611, 10);
  });

  it('supports good / (good + bad) with neutrals excluded (Assembled/Zendesk: 8 good + 2 bad = 80%)', () => {
    const r = csat([5, 5, 5, 5, 4, 4, 4, 4, 1, 2, 3, 3], { neutral: [3], denominator: 'exclude-neutral' });
    expect(r.counts).toEqual({ positive: 8, neutral: 2, negative: 2 });
    expect(r.satisfied.n).toBe(10);
    expect(r.score).toBeCloseTo(0.8, 14);
    // scipy Wilson 8/10: (0.4901624715366418, 0.9433178485456248).
    expect(r.interval?.lower).toBeCloseTo(0.4901624715366418, 12);
    expect(r.interval?.upper).toBeCloseTo(0.9433178485456248, 12);
    // Same data with neutrals in the denominator: 8/12.
    expect(csat([5, 5, 5, 5, 4, 4, 4, 4, 1, 2, 3, 3], { neutral: [3] }).score).toBeCloseTo(8 / 12, 14);
  });

  it('works on a 1–10 scale (QuestionPro: 10 of 20 in 9–10 ⇒ 50%; mean 137/20 = 6.85, not "7")', () => {
    const scores = [...Array(10).fill(9), ...Array(7).fill(5), ...Array(3).fill(4)];
    const r = csat(scores, { scale: TEN_SCALE });
    expect(r.score).toBeCloseTo(0.5, 14);
    expect(r.mean.mean).toBeCloseTo(6.85, 12);
    // scipy: t(19) interval (5.805969496047105, 7.894030503952894).
    expect(r.mean.interval?.lower).toBeCloseTo(5.805969496047105, 10);
    expect(r.mean.interval?.upper).toBeCloseTo(7.894030503952894, 10);
    expect(csat(scores, { scale: TEN_SCALE, positive: 'top-box' }).score).toBe(0);
    expect(csat(scores, { scale: TEN_SCALE, positive: [4, 5] }).score).toBe(0.5);
    expect(csat(scores, { scale: TEN_SCALE, positive: { atLeast: 5 } }).score).toBe(0.85);
  });

  it('takes the scale from responses and honours a lower-is-better scale', () => {
    const r = csat([csatResponse(5), csatResponse(2), csatResponse(4, 3)]);
    // Weighted: satisfied weight 1 + 3 = 4 of 5 → 0.8; Kish n_eff = 25/11.
    expect(r.score).toBeCloseTo(0.8, 14);
    expect(r.effectiveN).toBeCloseTo(25 / 11, 12);
    const lower = { min: 1, max: 5, direction: 'lower-is-better', integral: true } as const;
    expect(csat([1, 2, 3, 5], { scale: lower }).score).toBe(0.5);
    // On a lower-is-better scale the satisfied end is the low one: { atMost }, and { atLeast } is refused.
    expect(csat([1, 2, 3, 5], { scale: lower, positive: { atMost: 2 } }).score).toBe(0.5);
    expect(() => csat([1], { scale: lower, positive: { atLeast: 4 } })).toThrow(CxOptionsError);
  });

  it('gives n: 0 and null for no responses; a single response has no mean interval', () => {
    const r = csat([]);
    expect(r).toMatchObject({ n: 0, score: null, interval: null });
    expect(r.satisfied).toEqual({ count: 0, n: 0, value: null, interval: null });
    expect(r.mean).toEqual({ mean: null, standardDeviation: null, standardError: null, interval: null });
    const one = csat([5]);
    expect(one.score).toBe(1);
    expect(one.mean).toMatchObject({ mean: 5, interval: null });
    // All neutral with neutrals excluded: empty denominator → null, not NaN.
    expect(csat([3, 3], { neutral: [3], denominator: 'exclude-neutral' }).score).toBeNull();
  });

  it('rejects bad scores, options and mixed scales with positions', () => {
    try {
      csat([5, 0, 4.5, 6]);
      expect.unreachable();
    } catch (error) {
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['scores', 1],
        ['scores', 2],
        ['scores', 3],
      ]);
    }
    expect(() => csat([csatResponse(5), response(9)])).toThrow(CxValidationError);
    // Options that cannot describe a satisfied set are options errors (they were data errors before 0.2).
    expect(() => csat([5], { positive: [6] })).toThrow(CxOptionsError);
    expect(() => csat([5], { neutral: [5] })).toThrow(CxOptionsError);
    expect(() => csat([5], { denominator: 'some' as 'all' })).toThrow(CxOptionsError);
    expect(() =>
      csat([0.5], { scale: { min: 0, max: 1, direction: 'higher-is-better', integral: false } }),
    ).toThrow(CxOptionsError);
    expect(() => new CsatAccumulator().merge(new CsatAccumulator({ positive: 'top-box' }))).toThrow(
      CxOptionsError,
    );
  });

  it('rejects a threshold that is not a number on the scale: { atLeast: NaN } is no longer 0 % (issue 13)', () => {
    for (const positive of [{ atLeast: Number.NaN }, { atLeast: 7 }, { atLeast: '4' }]) {
      try {
        csat([5, 4, 2], { positive: positive as { atLeast: number } });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CxOptionsError);
        expect((error as CxOptionsError).issues[0]?.path[0]).toBe('positive');
      }
    }
    // The same holds for the accumulator and the metric.
    expect(() => new CsatAccumulator({ positive: { atLeast: Number.NaN } })).toThrow(CxOptionsError);
  });

  it('sorts the listed scores, so that equal sets are equal options', () => {
    const a = new CsatAccumulator({ positive: [5, 4], neutral: [3, 3] }).add(5);
    const b = new CsatAccumulator({ positive: [4, 5], neutral: [3] }).add(3);
    expect(a.merge(b).result().counts).toEqual({ positive: 1, neutral: 1, negative: 0 });
  });

  it('merges partials to the whole, in any grouping and order', () => {
    const s = fc.integer({ min: 1, max: 5 });
    const acc = (xs: number[]) => xs.reduce((a, x) => a.add(x), new CsatAccumulator({ neutral: [3] }));
    fc.assert(
      fc.property(fc.array(s), fc.array(s), fc.array(s), (a, b, c) => {
        const whole = csat([...a, ...b, ...c], { neutral: [3] });
        expect(acc(a).merge(acc(b)).merge(acc(c)).result()).toEqual(whole);
        expect(
          acc(c)
            .merge(acc(b).merge(acc(a)))
            .result(),
        ).toEqual(whole);
      }),
    );
  });

  it('keeps the score in 0…1 with an interval containing it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (xs) => {
        const r = csat(xs);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.interval?.lower).toBeLessThanOrEqual((r.score as number) + 1e-9);
        expect(r.interval?.upper).toBeGreaterThanOrEqual((r.score as number) - 1e-9);
      }),
    );
  });
});
