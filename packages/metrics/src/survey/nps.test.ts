import { CxOptionsError, CxValidationError, STANDARD_SCALES } from '@cx/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { response } from './__fixtures__/response.js';
import { nps } from './nps.js';
import { NpsAccumulator } from './nps-accumulator.js';

// 5 promoters (10, 9, 9, 10, 9), 2 passives (8, 7), 3 detractors (6, 3, 5).
const TEN = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5];

describe('nps', () => {
  it('classifies 9–10 / 7–8 / 0–6 and keeps passives in the denominator (Medallia; iSixSigma)', () => {
    const r = nps(TEN);
    expect(r.n).toBe(10);
    expect(r.counts).toEqual({ promoters: 5, passives: 2, detractors: 3 });
    expect(r.shares?.promoters).toBeCloseTo(0.5, 15);
    expect(r.shares?.passives).toBeCloseTo(0.2, 15);
    expect(r.score).toBeCloseTo(20, 12); // 50% − 30%
  });

  it('computes the trinomial SE and the Wald interval', () => {
    // Hand calculation: p = .5, d = .3, Var = p + d − (p − d)² = .8 − .04 = .76, SE = √(.76/10) = 0.275681 →
    // 27.568097504180443 points; Wald 95%: 20 ± 1.959964·27.5681 = (−34.032478230482226, 74.03247823048223).
    const r = nps(TEN, { method: 'wald' });
    expect(r.standardError).toBeCloseTo(27.568097504180443, 10);
    expect(r.interval).toMatchObject({ method: 'wald', level: 0.95 });
    expect(r.interval?.lower).toBeCloseTo(-34.032478230482226, 9);
    expect(r.interval?.upper).toBeCloseTo(74.03247823048223, 9);
    // At 90%: 20 − 1.644854·27.5681 = −25.345485167903032.
    // The level is honoured (issue 13: `{ level: 0.9 }` was ignored): at 90% 20 − 1.644854·27.5681 = −25.3455.
    const ninety = nps(TEN, { method: 'wald', level: 0.9 });
    expect(ninety.interval?.level).toBe(0.9);
    expect(ninety.interval?.lower).toBeCloseTo(-25.345485167903032, 9);
    expect(new NpsAccumulator({ method: 'wald', level: 0.9 }).add(10).add(3).result().interval?.level).toBe(
      0.9,
    );
  });

  it('uses the adjusted-Wald interval by default (MeasuringU: +3 to n, +¾ promoters, +¾ detractors)', () => {
    // Hand calculation: n′ = 13, p′ = 5.75/13 = .442308, d′ = 3.75/13 = .288462, NPS′ = .153846,
    // Var′ = .730769 − .023669 = .707101, SE′ = √(.707101/13) = .233221; 95%: .153846 ± 1.959964·.233221 →
    // (−30.32599443550416, 61.09522520473494) points.
    const r = nps(TEN);
    expect(r.interval?.method).toBe('adjusted-wald');
    expect(r.interval?.lower).toBeCloseTo(-30.32599443550416, 9);
    expect(r.interval?.upper).toBeCloseTo(61.09522520473494, 9);
  });

  it('gives n: 0 and null scores for no responses, never 0 or NaN', () => {
    const r = nps([]);
    expect(r).toMatchObject({ n: 0, score: null, shares: null, standardError: null, interval: null });
    expect(r.counts).toEqual({ promoters: 0, passives: 0, detractors: 0 });
    expect(new NpsAccumulator({ method: 'bootstrap' }).result().score).toBeNull();
  });

  it('handles n = 1, all promoters and all detractors', () => {
    // One promoter: NPS 100, Wald SE 0 (zero width). Adjusted-Wald: n′ = 4, p′ = 1.75/4, d′ = .75/4, NPS′ = .25,
    // Var′ = .625 − .0625 = .5625, SE′ = .375 → (−48.49864942025203, 98.49864942025202): centred on the adjusted
    // estimate, so with a single response it does not reach the observed 100 (documented behaviour).
    const one = nps([10]);
    expect(one.score).toBe(100);
    expect(one.standardError).toBe(0);
    expect(one.interval?.lower).toBeCloseTo(-48.49864942025203, 9);
    expect(one.interval?.upper).toBeCloseTo(98.49864942025202, 9);
    expect(nps([10], { method: 'wald' }).interval).toMatchObject({ lower: 100, upper: 100 });
    // Four detractors: NPS −100; adjusted-Wald (−107.34, −6.944177980272038) clipped at −100.
    const detractors = nps([0, 1, 2, 6]);
    expect(detractors.score).toBe(-100);
    expect(detractors.interval?.lower).toBe(-100);
    expect(detractors.interval?.upper).toBeCloseTo(-6.944177980272038, 9);
    expect(nps([9, 10, 9, 10, 10]).score).toBe(100);
  });

  it('weights responses and uses the Kish effective n', () => {
    // Scores 10, 0, 8 with weights 2, 1, 1: W = 4, p = 2/4, d = 1/4 → NPS 25; n_eff = 4²/6 = 2.6667;
    // SE = 100·√((.75 − .0625)/2.6667) = 50.77524002897476; adjusted-Wald with n_eff:
    // (−52.213646549997314, 75.7430583147032).
    const r = nps([10, 0, 8], { weights: [2, 1, 1] });
    expect(r.score).toBeCloseTo(25, 12);
    expect(r.counts).toEqual({ promoters: 1, passives: 1, detractors: 1 });
    expect(r.effectiveN).toBeCloseTo(16 / 6, 12);
    expect(r.totalWeight).toBe(4);
    expect(r.standardError).toBeCloseTo(50.77524002897476, 9);
    expect(r.interval?.lower).toBeCloseTo(-52.213646549997314, 9);
    expect(r.interval?.upper).toBeCloseTo(75.7430583147032, 9);
    // The same through responses carrying weights.
    const fromResponses = nps([response(10, { weight: 2 }), response(0), response(8)]);
    expect(fromResponses.score).toBeCloseTo(25, 12);
    expect(fromResponses.effectiveN).toBeCloseTo(16 / 6, 12);
  });

  it('supports custom cut points (Qualtrics XM Discover-style cutoffs 6 and 9)', () => {
    // detractorMax 5, promoterMin 8 on TEN: promoters 10,9,9,8,10,9 = 6; detractors 3,5 = 2 → (6 − 2)/10 = 40.
    expect(nps(TEN, { promoterMin: 8, detractorMax: 5 }).score).toBeCloseTo(40, 12);
    // A 1–5 scale with promoters 5 and detractors ≤ 3: 5,5,4,1 → (2 − 1)/4 = 25.
    const five = { min: 1, max: 5, direction: 'higher-is-better', integral: true } as const;
    expect(nps([5, 5, 4, 1], { scale: five, promoterMin: 5, detractorMax: 3 }).score).toBe(25);
  });

  it('gives a reproducible seeded bootstrap interval close to the Wald interval for large n', () => {
    const scores = [...Array(500).fill(10), ...Array(300).fill(8), ...Array(200).fill(2)];
    const a = nps(scores, { method: 'bootstrap', bootstrap: { seed: 7, resamples: 4000 } });
    const b = nps(scores, { method: 'bootstrap', bootstrap: { seed: 7, resamples: 4000 } });
    expect(a.interval).toEqual(b.interval);
    expect(a.interval?.method).toBe('bootstrap');
    // Wald: 30 ± 1.96·100·√((.7 − .09)/1000) = 30 ± 4.8409 → (25.159, 34.841); percentile bootstrap of the
    // same multinomial agrees to within Monte-Carlo error (~0.3 points with 4000 resamples).
    expect(a.interval?.lower).toBeCloseTo(25.159, 0);
    expect(a.interval?.upper).toBeCloseTo(34.841, 0);
  });

  it('names every offending position', () => {
    try {
      nps([10, 11, Number.NaN, 7.5, -1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError);
      expect((error as CxValidationError).issues.map((i) => i.path)).toEqual([
        ['scores', 1],
        ['scores', 2],
        ['scores', 3],
        ['scores', 4],
      ]);
    }
  });

  it('rejects mixed scales, missing scales, bad weights and bad options', () => {
    const mixed = [response(9), response(4, { scale: { ...STANDARD_SCALES.csat } })];
    expect(() => nps(mixed)).toThrow(CxValidationError);
    try {
      nps(mixed);
    } catch (error) {
      expect((error as CxValidationError).issues[0]?.path).toEqual(['responses', 1, 'scale']);
      expect((error as CxValidationError).issues[0]?.code).toBe('mixed_scales');
    }
    const noScale = [{ ...response(9), scale: undefined }] as unknown as Parameters<typeof nps>[0];
    expect(() => nps(noScale)).toThrow(CxValidationError);
    expect(() => nps([9, 10], { weights: [1] })).toThrow(CxValidationError);
    expect(() => nps([9, 10], { weights: [1, 0] })).toThrow(CxValidationError);
    expect(() => nps([9], { promoterMin: 5, detractorMax: 6 })).toThrow(CxOptionsError);
    expect(() => nps([9], { level: 1.5 })).toThrow(CxOptionsError);
    expect(() => nps([9, 'x' as unknown as number])).toThrow(CxValidationError);
    expect(() => new NpsAccumulator().add(11)).toThrow(CxValidationError);
    expect(() => new NpsAccumulator().add(9, -1)).toThrow(CxValidationError);
    expect(() =>
      new NpsAccumulator().addResponse(response(4, { scale: { ...STANDARD_SCALES.csat } })),
    ).toThrow(CxValidationError);
    expect(() => new NpsAccumulator().merge(new NpsAccumulator({ promoterMin: 8 }))).toThrow(CxOptionsError);
    const noScaleResponse = { ...response(9), scale: undefined } as unknown as Parameters<
      NpsAccumulator['addResponse']
    >[0];
    expect(() => new NpsAccumulator().addResponse(noScaleResponse)).toThrow(CxValidationError);
  });
});

const score = fc.integer({ min: 0, max: 10 });

describe('nps properties', () => {
  it('stays within −100…100 with intervals inside it', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1 }),
        fc.constantFrom('adjusted-wald', 'wald', 'bootstrap' as const),
        (xs, method) => {
          const r = nps(xs, method === 'bootstrap' ? { method, bootstrap: { resamples: 200 } } : { method });
          expect(r.score).toBeGreaterThanOrEqual(-100);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.interval?.lower).toBeGreaterThanOrEqual(-100);
          expect(r.interval?.upper).toBeLessThanOrEqual(100);
          expect(r.interval?.lower).toBeLessThanOrEqual(r.interval?.upper as number);
        },
      ),
    );
  });

  it('has intervals containing the point estimate (Wald always; adjusted-Wald for n ≥ 2 at ≥ 95%)', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 2 }),
        fc.double({ min: 0.95, max: 0.999, noNaN: true }),
        (xs, level) => {
          for (const method of ['wald', 'adjusted-wald'] as const) {
            const r = nps(xs, { method, level });
            expect(r.interval?.lower).toBeLessThanOrEqual((r.score as number) + 1e-9);
            expect(r.interval?.upper).toBeGreaterThanOrEqual((r.score as number) - 1e-9);
          }
        },
      ),
    );
  });

  it('is invariant under permutation', () => {
    fc.assert(
      fc.property(fc.array(score), fc.integer(), (xs, seed) => {
        const shuffled = [...xs].sort((a, b) => ((a * 7919 + seed) % 11) - ((b * 7919 + seed) % 11));
        expect(nps(shuffled)).toEqual(nps(xs));
      }),
    );
  });

  it('merges: partials equal the whole, associative and commutative', () => {
    const acc = (xs: number[]) => xs.reduce((a, x) => a.add(x), new NpsAccumulator());
    fc.assert(
      fc.property(fc.array(score), fc.array(score), fc.array(score), (a, b, c) => {
        const whole = nps([...a, ...b, ...c]);
        const left = acc(a).merge(acc(b)).merge(acc(c)).result();
        const right = acc(a)
          .merge(acc(b).merge(acc(c)))
          .result();
        const swapped = acc(c).merge(acc(a)).merge(acc(b)).result();
        expect(left).toEqual(whole);
        expect(right).toEqual(whole);
        expect(swapped).toEqual(whole);
      }),
    );
  });

  it('merges weighted partials to the weighted whole', () => {
    const entry = fc.record({ s: score, w: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), (a, b) => {
        const all = [...a, ...b];
        const whole = nps(
          all.map((e) => e.s),
          { weights: all.map((e) => e.w) },
        );
        const merged = a
          .reduce((x, e) => x.add(e.s, e.w), new NpsAccumulator())
          .merge(b.reduce((x, e) => x.add(e.s, e.w), new NpsAccumulator()))
          .result();
        expect(merged).toEqual(whole);
      }),
    );
  });
});
