import { breakdown, ces, cesMetric, csat, csatMetric, nps, npsMetric, trend } from '@cx/metrics';
import { CxValidationError, STANDARD_SCALES, type SurveyResponse } from '@cx/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Engine,
  loadedSurveyResponseTable,
  loadSurveyResponses,
  surveyBreakdownQuery,
  surveyMetricQuery,
  surveyTrendQuery,
} from '../src/index.js';
import { expectClose } from './compare.js';
import { testEngines } from './engines.js';

const CHANNELS = ['email', 'web', 'phone'] as const;
const T0 = Date.parse('2026-03-27T00:00:00Z'); // Europe/Warsaw switches to summer time on 29 March 2026

const responseArb = (metric: 'nps' | 'csat' | 'ces') => {
  const scale =
    metric === 'nps' ? STANDARD_SCALES.nps : metric === 'csat' ? STANDARD_SCALES.csat : STANDARD_SCALES.ces;
  return fc
    .array(
      fc.record({
        score: fc.integer({ min: scale.min, max: scale.max }),
        // Dyadic weights: every sum of w·x is exact in doubles whatever the engine's summation order, so results
        // agree exactly. (With arbitrary real weights sums agree to rounding, ~1e-16 relative, but the one-pass
        // variance of the CES/CSAT mean turns that into ~1e-7 noise when all scores are equal: a variance of 0.)
        weight: fc.constantFrom(1, 1, 0.25, 0.5, 1.5, 2, 4),
        channel: fc.option(fc.constantFrom(...CHANNELS), { nil: undefined }),
        hours: fc.integer({ min: 0, max: 24 * 40 }),
      }),
      { maxLength: 40 },
    )
    .map((rows) =>
      rows.map(
        (r, i): SurveyResponse => ({
          id: `r${i}`,
          surveyId: 's',
          metric,
          scale: { ...scale },
          score: r.score,
          weight: r.weight,
          respondedAt: new Date(T0 + r.hours * 3_600_000).toISOString(),
          properties: {},
          ...(r.channel === undefined ? {} : { channel: r.channel }),
        }),
      ),
    );
};

for (const testEngine of testEngines()) {
  describe(`survey metrics on ${testEngine.name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await testEngine.open();
    });
    afterAll(async () => engine?.close());

    it('NPS, CSAT and CES overall, by channel and by day/week/month in Europe/Warsaw equal the in-process results', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('nps', 'csat', 'ces' as const),
          fc.constantFrom('day', 'week', 'month' as const),
          fc.integer({ min: 0, max: 6 }),
          responseArb('nps'),
          async (metric, period, weekStartsOn, generated) => {
            const scale =
              metric === 'nps'
                ? STANDARD_SCALES.nps
                : metric === 'csat'
                  ? STANDARD_SCALES.csat
                  : STANDARD_SCALES.ces;
            const responses = generated.map((r) => ({
              ...r,
              metric,
              scale: { ...scale },
              score: Math.min(scale.max, Math.max(scale.min, r.score)),
            }));
            await loadSurveyResponses(engine, 'responses', responses);
            const table = loadedSurveyResponseTable('responses');
            const spec = { metric } as const;
            const local =
              metric === 'nps' ? nps(responses) : metric === 'csat' ? csat(responses) : ces(responses);
            expectClose(await surveyMetricQuery(table, spec).run(engine), local);
            const m = metric === 'nps' ? npsMetric() : metric === 'csat' ? csatMetric() : cesMetric();
            expectClose(
              await surveyBreakdownQuery(table, spec, { by: 'channel' }).run(engine),
              breakdown(responses, m as never, { by: 'channel' }),
            );
            const options = { period, timeZone: 'Europe/Warsaw', weekStartsOn } as const;
            expectClose(
              await surveyTrendQuery(table, spec, options).run(engine),
              trend(responses, m as never, options),
            );
          },
        ),
        { numRuns: 12 },
      );
    }, 240_000);

    it('names the rows whose score is off the scale or whose weight is not positive', async () => {
      const base = {
        surveyId: 's',
        metric: 'nps' as const,
        scale: STANDARD_SCALES.nps,
        respondedAt: '2026-01-01T00:00:00Z',
        properties: {},
      };
      await loadSurveyResponses(engine, 'bad_responses', [
        { ...base, id: 'ok', score: 9, weight: 1 },
        { ...base, id: 'too-high', score: 11, weight: 1 },
        { ...base, id: 'zero-weight', score: 5, weight: 0 },
      ]);
      const error = await surveyMetricQuery(loadedSurveyResponseTable('bad_responses'), { metric: 'nps' })
        .run(engine)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxValidationError);
      const paths = (error as CxValidationError).issues.map((i) => i.path.join('/')).sort();
      expect(paths).toEqual(['responses/too-high/score', 'responses/zero-weight/weight']);
    });
  });
}
