// The survey-metrics part of the @cx/metrics contract (regions `shared` and `survey-metrics` of its index):
// NPS, CSAT, CES, breakdowns, trends, key drivers, the NPS tests and planners, correlation, Kish n, random.
import * as m from '@cx/metrics';
import { STANDARD_SCALES, type SurveyResponse } from '@cx/model';
import fc from 'fast-check';
import { type AccumulatorCase, defineAccumulator, type OptionsCase } from '../kit/types.js';

/** One part of a package's contract: the lead combines the parts of @cx/metrics. */
export interface ContractPart {
  readonly options: readonly OptionsCase[];
  readonly accumulators: readonly AccumulatorCase[];
  readonly exempt: Readonly<Record<string, string>>;
}

const levels = [{ level: 95 }, { level: 0 }, { level: 1 }, { level: -0.5 }];

const response = (score: number, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({
  id: `r${score}`,
  surveyId: 's1',
  metric: 'nps',
  scale: { ...STANDARD_SCALES.nps },
  score,
  respondedAt: '2026-03-02T12:00:00.000Z',
  weight: 1,
  properties: {},
  ...extra,
});
const responses = [
  response(10, { stageId: 'purchase', customerId: 'c1' }),
  response(3, { stageId: 'support', customerId: 'c2' }),
];
const rows = [
  { outcome: 9, drivers: { delivery: 5 } },
  { outcome: 2, drivers: { delivery: 1 } },
];

/** Constructor and function cases of a survey-metric accumulator and its one-shot function. */
const npsOptions = {
  valid: {
    promoterMin: 9,
    detractorMax: 6,
    level: 0.9,
    method: 'bootstrap',
    bootstrap: { resamples: 100, seed: 3 },
  },
  typoOf: 'promoterMin',
  outOfRange: [
    ...levels,
    { promoterMin: 11 },
    { detractorMax: -1 },
    { method: 'exact' },
    { bootstrap: { resamples: 1 } },
    { bootstrap: { seed: -1 } },
    { scale: { min: 0, max: 1e12 } },
  ],
} as const;
const csatOptions = {
  valid: { positive: [4, 5], neutral: [3], denominator: 'exclude-neutral', level: 0.9 },
  typoOf: 'denominator',
  outOfRange: [
    ...levels,
    { positive: { atLeast: Number.NaN } },
    { positive: { atLeast: 9 } },
    { positive: [6] },
    { neutral: [4] },
    { denominator: 'some' },
  ],
} as const;
const cesOptions = {
  valid: { lowEffort: [6, 7], level: 0.9 },
  typoOf: 'lowEffort',
  outOfRange: [...levels, { lowEffort: [8] }, { scale: { min: 5, max: 1 } }],
} as const;

const options: OptionsCase[] = [
  { name: 'nps', call: (o) => m.nps([10, 8, 3], o as never), ...npsOptions },
  { name: 'NpsAccumulator', call: (o) => new m.NpsAccumulator(o as never), ...npsOptions },
  { name: 'npsMetric', call: (o) => m.npsMetric(o as never), ...npsOptions },
  { name: 'csat', call: (o) => m.csat([5, 3, 1], o as never), ...csatOptions },
  { name: 'CsatAccumulator', call: (o) => new m.CsatAccumulator(o as never), ...csatOptions },
  { name: 'csatMetric', call: (o) => m.csatMetric(o as never), ...csatOptions },
  { name: 'ces', call: (o) => m.ces([7, 5, 2], o as never), ...cesOptions },
  { name: 'CesAccumulator', call: (o) => new m.CesAccumulator(o as never), ...cesOptions },
  { name: 'cesMetric', call: (o) => m.cesMetric(o as never), ...cesOptions },
  {
    name: 'breakdown',
    call: (o) => m.breakdown(responses, m.npsMetric(), o as never),
    valid: { by: 'stageId', minN: 5, level: 0.9 },
    typoOf: 'minN',
    outOfRange: [...levels, { minN: -1 }, { minN: 1.5 }, { by: 'segment' }, { by: { property: '' } }],
    optionsOptional: false,
  },
  {
    name: 'BreakdownAccumulator',
    call: (o) => new m.BreakdownAccumulator(m.npsMetric(), o as never),
    valid: { by: { property: 'persona' }, minN: 5, level: 0.9 },
    typoOf: 'minN',
    outOfRange: [...levels, { minN: -1 }, { by: () => 'a' }],
  },
  {
    name: 'trend',
    call: (o) => m.trend(responses, m.npsMetric(), o as never),
    valid: {
      interval: 'week',
      timeZone: 'Europe/Warsaw',
      weekStartsOn: 0,
      minN: 5,
      level: 0.9,
      fillGaps: false,
      maxPeriods: 100,
    },
    typoOf: 'interval',
    outOfRange: [
      ...levels,
      { interval: 'fortnight' },
      { timeZone: 'Mars/Olympus' },
      { weekStartsOn: 7 },
      { maxPeriods: 0 },
      { fillGaps: 'yes' },
    ],
    optionsOptional: false,
  },
  {
    name: 'TrendAccumulator',
    call: (o) => new m.TrendAccumulator(m.csatMetric(), o as never),
    valid: { interval: 'month', timeZone: 'America/New_York', level: 0.9 },
    typoOf: 'timeZone',
    outOfRange: [...levels, { interval: 'hour' }, { minN: -3 }, { maxPeriods: 1e12 }],
    optionsOptional: false,
  },
  {
    name: 'keyDrivers',
    call: (o) => m.keyDrivers(rows, o as never),
    valid: { level: 0.9, minN: 2 },
    typoOf: 'level',
    outOfRange: [...levels, { minN: -1 }],
  },
  {
    name: 'KeyDriverAccumulator',
    call: (o) => new m.KeyDriverAccumulator(o as never),
    valid: { level: 0.9, minN: 2 },
    typoOf: 'minN',
    outOfRange: [...levels, { minN: 0.5 }],
  },
  {
    name: 'keyDriverRows',
    call: (o) => m.keyDriverRows(responses, o as never),
    valid: { outcomeMetric: 'nps', driverKey: 'stageId', respondent: (r: SurveyResponse) => r.customerId },
    typoOf: 'driverKey',
    outOfRange: [{ driverKey: 'persona' }, { outcomeMetric: 'nope' }, { respondent: 'customerId' }],
  },
  {
    name: 'compareNps',
    call: (o) => m.compareNps(m.nps([10, 9, 3]), m.nps([8, 3, 2]), o as never),
    valid: { level: 0.9, alternative: 'greater' },
    typoOf: 'alternative',
    outOfRange: [...levels, { alternative: 'one-sided' }],
  },
  {
    name: 'npsBenchmarkTest',
    call: (o) => m.npsBenchmarkTest(m.nps([10, 9, 3]), 17.5, o as never),
    valid: { level: 0.9, alternative: 'two-sided' },
    typoOf: 'alternative',
    outOfRange: [...levels, { alternative: 'up' }],
  },
  {
    name: 'npsSampleSizeForMargin',
    call: (o) => m.npsSampleSizeForMargin(o as never),
    valid: { margin: 5, level: 0.9, expected: { promoters: 0.5, detractors: 0.2 } },
    typoOf: 'margin',
    outOfRange: [
      ...levels,
      { margin: 0.05 },
      { margin: 500 },
      { expected: { promoters: 50, detractors: 20 } },
      { expected: { promoters: 0.8, detractors: 0.4 } },
    ],
    optionsOptional: false,
  },
  {
    name: 'npsSampleSizeForDifference',
    call: (o) => m.npsSampleSizeForDifference(o as never),
    valid: {
      difference: 10,
      level: 0.9,
      power: 0.9,
      alternative: 'less',
      expected: { promoters: 0.5, detractors: 0.2 },
    },
    typoOf: 'difference',
    outOfRange: [
      ...levels,
      { difference: 0.1 },
      { difference: 0 },
      { power: 1 },
      { power: 80 },
      { alternative: 'one-sided' },
    ],
    optionsOptional: false,
  },
  {
    name: 'CorrelationAccumulator',
    call: (o) => new m.CorrelationAccumulator(o as never),
    valid: { level: 0.9 },
    typoOf: 'level',
    outOfRange: levels,
  },
  {
    name: 'pearsonCorrelation',
    call: (o) => m.pearsonCorrelation([1, 2, 3], [2, 4, 7], o as never),
    valid: { level: 0.9 },
    typoOf: 'level',
    outOfRange: levels,
  },
];

type Scored = { readonly score: number; readonly weight: number };
const scored = (max: number, min = 0) =>
  fc.array(fc.record({ score: fc.integer({ min, max }), weight: fc.integer({ min: 1, max: 4 }) }), {
    maxLength: 30,
  });
/** Rounded to 9 decimals (merge order changes the last bits of a correlation), with −0 as 0. */
const rounded = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e9) / 1e9 + 0);

const accumulators: AccumulatorCase[] = [
  defineAccumulator<m.NpsAccumulator, Scored>({
    name: 'NpsAccumulator',
    make: () => new m.NpsAccumulator({ level: 0.9 }),
    makeOther: () => new m.NpsAccumulator({ promoterMin: 8 }),
    restore: (s) => m.NpsAccumulator.restore(s),
    inputs: scored(10),
    add: (acc, x) => acc.add(x.score, x.weight),
    result: (acc) => acc.result(),
  }),
  defineAccumulator<m.CsatAccumulator, Scored>({
    name: 'CsatAccumulator',
    make: () => new m.CsatAccumulator({ neutral: [3] }),
    makeOther: () => new m.CsatAccumulator({ neutral: [3], denominator: 'exclude-neutral' }),
    restore: (s) => m.CsatAccumulator.restore(s),
    inputs: scored(5, 1),
    add: (acc, x) => acc.add(x.score, x.weight),
    result: (acc) => acc.result(),
  }),
  defineAccumulator<m.CesAccumulator, Scored>({
    name: 'CesAccumulator',
    make: () => new m.CesAccumulator(),
    makeOther: () => new m.CesAccumulator({ scale: STANDARD_SCALES.cesLegacy }),
    restore: (s) => m.CesAccumulator.restore(s),
    inputs: scored(5, 1),
    add: (acc, x) => acc.add(x.score, x.weight),
    result: (acc) => acc.result(),
  }),
  defineAccumulator<m.TrendAccumulator<m.SurveyMetricResult>, { at: number; score: number }>({
    name: 'TrendAccumulator',
    make: () => new m.TrendAccumulator(m.npsMetric(), { interval: 'week', timeZone: 'Europe/Warsaw' }),
    makeOther: () =>
      new m.TrendAccumulator(m.npsMetric({ level: 0.9 }), { interval: 'week', timeZone: 'Europe/Warsaw' }),
    restore: (s) => m.TrendAccumulator.restore(s),
    inputs: fc.array(
      fc.record({
        at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 5, 30) }),
        score: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 30 },
    ),
    add: (acc, x) => acc.addAt(x.at, x.score),
    result: (acc) => acc.result(),
  }),
  defineAccumulator<m.BreakdownAccumulator<m.SurveyMetricResult>, { key: string | null; score: number }>({
    name: 'BreakdownAccumulator',
    make: () => new m.BreakdownAccumulator(m.csatMetric(), { by: 'stageId', minN: 3 }),
    makeOther: () => new m.BreakdownAccumulator(m.csatMetric(), { by: 'channel', minN: 3 }),
    restore: (s) => m.BreakdownAccumulator.restore(s),
    inputs: fc.array(
      fc.record({
        key: fc.constantFrom('purchase', 'support', 'constructor', null),
        score: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 30 },
    ),
    add: (acc, x) => acc.addFor(x.key, x.score),
    result: (acc) => acc.result(),
  }),
  defineAccumulator<m.KeyDriverAccumulator, m.KeyDriverRow>({
    name: 'KeyDriverAccumulator',
    make: () => new m.KeyDriverAccumulator({ minN: 3 }),
    makeOther: () => new m.KeyDriverAccumulator({ minN: 4 }),
    restore: (s) => m.KeyDriverAccumulator.restore(s),
    inputs: fc.array(
      fc.record({
        outcome: fc.integer({ min: 0, max: 10 }),
        // A computed key defines an own property named __proto__ (a literal `__proto__:` would set the prototype).
        drivers: fc.record({
          delivery: fc.integer({ min: 1, max: 5 }),
          ['__proto__']: fc.integer({ min: 1, max: 5 }),
        }),
      }),
      { maxLength: 30 },
    ),
    add: (acc, x) => acc.add(x),
    // By driver name: the rank of two drivers whose r agree to 1e-16 depends on the merge order's last bits.
    result: (acc) =>
      acc
        .result()
        .map((d) => ({
          driver: d.driver,
          n: d.n,
          correlation: rounded(d.correlation),
          pValue: rounded(d.pValue),
          smallSample: d.smallSample,
        }))
        .sort((a, b) => (a.driver < b.driver ? -1 : 1)),
  }),
  defineAccumulator<m.CorrelationAccumulator, readonly [number, number]>({
    name: 'CorrelationAccumulator',
    make: () => new m.CorrelationAccumulator(),
    makeOther: () => new m.CorrelationAccumulator({ level: 0.99 }),
    restore: (s) => m.CorrelationAccumulator.restore(s),
    inputs: fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
      maxLength: 30,
    }),
    add: (acc, x) => acc.add(x),
    result: (acc) => {
      const r = acc.result();
      return {
        n: r.n,
        r: rounded(r.r),
        lower: rounded(r.interval?.lower ?? null),
        pValue: rounded(r.pValue),
      };
    },
  }),
];

const exempt: Record<string, string> = {
  createRandom: 'takes one seed (checked: a whole number from 0 to 2³² − 1), no options',
  sampleBinomial: 'takes n, p and a random source (each checked), no options',
  kishEffectiveN: 'takes one array of weights (each checked), no options',
  effectiveNFromSums: 'takes two sums (checked finite, ≥ 0 and consistent), no options',
};

/** The survey-metrics part of the @cx/metrics contract. */
export const metricsSurveyPart: ContractPart = { options, accumulators, exempt };
