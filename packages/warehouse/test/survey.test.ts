import {
  breakdown,
  ces,
  cesMetric,
  csat,
  csatMetric,
  nps,
  npsMetric,
  type SurveyMetric,
  type SurveyMetricResult,
  trend,
} from '@cx/metrics';
import {
  CxLimitError,
  CxOptionsError,
  CxValidationError,
  instantToEpochMs,
  STANDARD_SCALES,
  type SurveyResponse,
  type WeekStartsOn,
} from '@cx/model';
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
import { recordingEngine, testEngines } from './engines.js';

const CHANNELS = ['email', 'web', 'phone'] as const;
const T0 = instantToEpochMs('2026-03-27T00:00:00Z'); // Europe/Warsaw switches to summer time on 29 March 2026

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
          fc.constantFrom('day', 'week', 'month', 'quarter' as const),
          fc.integer({ min: 0, max: 6 }),
          fc.boolean(),
          responseArb('nps'),
          async (metric, interval, weekStartsOn, fillGaps, generated) => {
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
            const level = 0.9;
            const local =
              metric === 'nps'
                ? nps(responses, { level })
                : metric === 'csat'
                  ? csat(responses, { level })
                  : ces(responses, { level });
            const m = (
              metric === 'nps'
                ? npsMetric({ level })
                : metric === 'csat'
                  ? csatMetric({ level })
                  : cesMetric({ level })
            ) as SurveyMetric<SurveyMetricResult>;
            expectClose(await surveyMetricQuery(table, m).run(engine), local);
            expectClose(
              await surveyBreakdownQuery(table, m, { by: 'channel', minN: 3, level: 0.8 }).run(engine),
              breakdown(responses, m, { by: 'channel', minN: 3, level: 0.8 }),
            );
            const options = {
              interval,
              timeZone: 'Europe/Warsaw',
              weekStartsOn: weekStartsOn as WeekStartsOn,
              fillGaps,
            } as const;
            expectClose(await surveyTrendQuery(table, m, options).run(engine), trend(responses, m, options));
          },
        ),
        { numRuns: 12 },
      );
    }, 240_000);

    it("a trend's local days come from the library's zone offsets: equal to trend in process even on local mean time", async () => {
      // Warsaw kept local mean time (+01:24) until 1915 and changed zones often until 1950: engines' own zone
      // databases may disagree with the runtime's there; the offsets of the data's range make the days the library's.
      const at = [
        '1900-03-31T22:40:00Z',
        '1900-03-31T22:30:00Z',
        '1915-08-04T22:30:00Z',
        '1944-10-31T23:30:00Z',
      ];
      const responses = at.map((respondedAt, i) => ({
        id: `lmt${i}`,
        surveyId: 's',
        metric: 'nps' as const,
        scale: { min: 0, max: 10, direction: 'higher-is-better' as const, integral: true },
        score: [10, 3, 9, 7][i] as number,
        weight: 1,
        respondedAt,
        properties: {},
      }));
      await loadSurveyResponses(engine, 'responses_lmt', responses);
      const options = { interval: 'day', timeZone: 'Europe/Warsaw', fillGaps: false } as const;
      // Every statement the trend runs, as text: none may convert zones with the engine's rules.
      const { engine: spy, statements } = recordingEngine(engine);
      const table = loadedSurveyResponseTable('responses_lmt');
      const onEngine = await surveyTrendQuery(table, npsMetric(), options).run(spy);
      expectClose(onEngine, trend(responses, npsMetric(), options));
      expect(statements.length).toBeGreaterThan(1);
      for (const text of statements) expect(text).not.toMatch(/Europe\/Warsaw|timezone\(|AT TIME ZONE/);
      // What toSql shows (no data range yet) is the engine's own conversion, replaced at run time.
      expect(JSON.stringify(surveyTrendQuery(table, npsMetric(), options).toSql(engine))).toMatch(
        /Europe\/Warsaw/,
      );
      // 1900-03-31T22:40Z is 1900-04-01 00:04 at +01:24, 22:30Z still 1900-03-31.
      expect(onEngine.map((b) => b.period).slice(0, 2)).toEqual(['1900-03-31', '1900-04-01']);
    });

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
      const error = await surveyMetricQuery(loadedSurveyResponseTable('bad_responses'), npsMetric())
        .run(engine)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CxValidationError);
      const paths = (error as CxValidationError).issues.map((i) => i.path.join('/')).sort();
      expect(paths).toEqual(['responses/too-high/score', 'responses/zero-weight/weight']);
    });

    it('weights of 1e200 and 1e-200 give the results of in-process weights, never NaN or an overflow', async () => {
      const base = { surveyId: 's', metric: 'csat' as const, scale: STANDARD_SCALES.csat, properties: {} };
      for (const unit of [1e200, 1e-200, 1e300, 1e-300]) {
        const responses: SurveyResponse[] = [5, 4, 2, 1, 3, 5].map((score, i) => ({
          ...base,
          id: `r${i}`,
          score,
          weight: unit * (1 + (i % 3)),
          channel: i % 2 === 0 ? 'email' : 'web',
          respondedAt: new Date(T0 + i * 86_400_000 * 20).toISOString(),
        }));
        await loadSurveyResponses(engine, 'heavy', responses);
        const table = loadedSurveyResponseTable('heavy');
        const m = csatMetric() as SurveyMetric<SurveyMetricResult>;
        expectClose(await surveyMetricQuery(table, m).run(engine), csat(responses));
        expectClose(
          await surveyBreakdownQuery(table, m, { by: 'channel' }).run(engine),
          breakdown(responses, m, { by: 'channel' }),
        );
        expectClose(
          await surveyTrendQuery(table, m, { interval: 'month' }).run(engine),
          trend(responses, m, { interval: 'month' }),
        );
      }
      // Σw beyond the largest double is a limit, as in process.
      await loadSurveyResponses(engine, 'heavy', [
        { ...base, id: 'a', score: 5, weight: 1.5e308, respondedAt: '2026-01-01T00:00:00Z' },
        { ...base, id: 'b', score: 4, weight: 1.5e308, respondedAt: '2026-01-01T00:00:00Z' },
      ]);
      await expect(
        surveyMetricQuery(loadedSurveyResponseTable('heavy'), csatMetric()).run(engine),
      ).rejects.toThrow(CxLimitError);
    });

    it('bounds a filled trend by maxPeriods and checks options as trend does', async () => {
      const base = {
        surveyId: 's',
        metric: 'nps' as const,
        scale: STANDARD_SCALES.nps,
        properties: {},
        weight: 1,
      };
      await loadSurveyResponses(engine, 'far', [
        { ...base, id: 'a', score: 9, respondedAt: '2024-01-01T00:00:00Z' },
        { ...base, id: 'b', score: 3, respondedAt: '2290-01-01T00:00:00Z' },
      ]);
      const table = loadedSurveyResponseTable('far');
      await expect(surveyTrendQuery(table, npsMetric(), { interval: 'day' }).run(engine)).rejects.toThrow(
        CxLimitError,
      );
      const sparse = await surveyTrendQuery(table, npsMetric(), { interval: 'day', fillGaps: false }).run(
        engine,
      );
      expect(sparse.map((b) => b.period)).toEqual(['2024-01-01', '2290-01-01']);
      expect(() => surveyTrendQuery(table, npsMetric(), { period: 'day' } as never)).toThrow(/interval/);
      expect(() => surveyTrendQuery(table, npsMetric(), { period: 'day' } as never)).toThrow(CxOptionsError);
      expect(() =>
        surveyBreakdownQuery(table, npsMetric(), { by: 'channel', confidence: 0.9 } as never),
      ).toThrow(/level/);
      expect(() => surveyBreakdownQuery(table, npsMetric(), { by: 'persona' })).toThrow(/mapped field/);
      expect(() => surveyMetricQuery(table, { name: 'nps' } as never)).toThrow(/npsMetric/);
    });
  });
}
